//! What changed between two datasets, for `rivals diff`: the records added,
//! removed and kept (matched by id), and the answers that moved: the
//! flows whose counts changed and the organizations whose moves in and out
//! changed, both counted by the one [`FlowMatrix`].

use super::{Dataset, FlowMatrix, OrgIx, Record};

/// The records of two datasets matched by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordDiff {
    /// Records of the new dataset whose id the old one lacks (or names a
    /// record of another kind), in file order (events by date).
    pub added: Vec<Record>,
    /// Records of the old dataset whose id the new one lacks (or names a
    /// record of another kind).
    pub removed: Vec<Record>,
    /// (old, new) for every id naming a record of the same kind in both.
    pub kept: Vec<(Record, Record)>,
}

/// Every record of `ds`: sources, organizations, people, then events.
fn all(ds: &Dataset) -> impl Iterator<Item = Record> {
    let n = |len: usize| 0..len as u32;
    n(ds.sources.len())
        .map(Record::Source)
        .chain(n(ds.orgs.len()).map(Record::Org))
        .chain(n(ds.people.len()).map(Record::Person))
        .chain(n(ds.events.len()).map(Record::Event))
}

/// Whether two records are of the same kind.
fn same_kind(a: Record, b: Record) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// Matches the records of `old` and `new` by id.
pub fn records(old: &Dataset, new: &Dataset) -> RecordDiff {
    let mut diff = RecordDiff::default();
    for r in all(new) {
        match old.lookup(new.id_of(r)) {
            Some(o) if same_kind(o, r) => diff.kept.push((o, r)),
            _ => diff.added.push(r),
        }
    }
    diff.removed = all(old)
        .filter(|&r| !new.lookup(old.id_of(r)).is_some_and(|n| same_kind(r, n)))
        .collect();
    diff
}

/// An organization by id, `None` for unknown (`?`).
pub type OrgId = Option<String>;

/// A count before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Change {
    pub old: u32,
    pub new: u32,
}

/// The answers that moved between two datasets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FlowDiff {
    /// (from, to) pairs whose count changed, sorted by ids (unknown first).
    pub pairs: Vec<((OrgId, OrgId), Change)>,
    /// Organizations whose moves in or out changed, sorted by id (unknown
    /// first): (id, in, out), as the `in` and `out` of `rivals flow`.
    pub orgs: Vec<(OrgId, Change, Change)>,
}

impl FlowDiff {
    /// Whether no answer changed.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty() && self.orgs.is_empty()
    }
}

/// The counts of one dataset's matrix, by ids: per pair, and per
/// organization (out, in).
type Counts = (Vec<((OrgId, OrgId), u32)>, Vec<(OrgId, (u32, u32))>);

fn counts(ds: &Dataset) -> Counts {
    let m = FlowMatrix::new(ds, false);
    let id = |o: Option<OrgIx>| o.map(|o| ds.org(o).id.clone());
    let mut pairs: Vec<_> = m
        .flows
        .iter()
        .map(|((from, to), f)| ((id(*from), id(*to)), f.range.count))
        .collect();
    pairs.sort_unstable();
    let mut orgs: Vec<_> = m
        .axis
        .iter()
        .map(|&o| id(o))
        .zip(m.totals.iter().map(|(out, into)| (out.count, into.count)))
        .collect();
    orgs.sort_unstable();
    (pairs, orgs)
}

/// Joins two lists sorted by key, with a default for a key only one has,
/// keeping the keys whose values differ.
fn changed<K: Ord + Clone, V: Copy + Default + PartialEq>(old: &[(K, V)], new: &[(K, V)]) -> Vec<(K, V, V)> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < old.len() || j < new.len() {
        let (key, a, b) = match (old.get(i), new.get(j)) {
            (Some((k, a)), Some((l, b))) if k == l => {
                (i, j) = (i + 1, j + 1);
                (k, *a, *b)
            }
            (Some((k, a)), Some((l, _))) if k < l => {
                i += 1;
                (k, *a, V::default())
            }
            (Some((k, a)), None) => {
                i += 1;
                (k, *a, V::default())
            }
            (_, Some((l, b))) => {
                j += 1;
                (l, V::default(), *b)
            }
            (None, None) => break,
        };
        if a != b {
            out.push((key.clone(), a, b));
        }
    }
    out
}

/// The flows and organization totals that differ between `old` and `new`,
/// every move of each counted by [`FlowMatrix::new`] (no period, no
/// roll-up), matched by organization id.
pub fn flows(old: &Dataset, new: &Dataset) -> FlowDiff {
    let (old_pairs, old_orgs) = counts(old);
    let (new_pairs, new_orgs) = counts(new);
    let pairs = changed(&old_pairs, &new_pairs)
        .into_iter()
        .map(|(k, old, new)| (k, Change { old, new }))
        .collect();
    let orgs = changed(&old_orgs, &new_orgs)
        .into_iter()
        .map(|(k, (old_out, old_in), (new_out, new_in))| {
            let into = Change {
                old: old_in,
                new: new_in,
            };
            let out = Change {
                old: old_out,
                new: new_out,
            };
            (k, into, out)
        })
        .collect();
    FlowDiff { pairs, orgs }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Files, load};

    const SOURCES: &str = "- {id: s, title: T, language: en}\n";
    const ORGS: &str = "\
- {id: meta, name: Meta, kind: company, summary: x, sources: [s]}
- {id: openai, name: OpenAI, kind: lab, summary: x, sources: [s]}
- {id: xai, name: xAI, kind: lab, summary: x, sources: [s]}
";
    const PEOPLE: &str = "\
- {id: ann, name: Ann, summary: x, sources: [s]}
- {id: bob, name: Bob, summary: x, sources: [s]}
";
    const EVENTS: &str = "\
- {id: a, date: 2025-01, kind: hire, people: [ann], from: openai, to: meta, summary: x, sources: [s]}
- {id: b, date: 2025-02, kind: hire, people: [bob], from: openai, to: meta, summary: x, sources: [s]}
";

    fn ds(orgs: &str, people: &str, events: &str) -> Dataset {
        let files = Files {
            sources: SOURCES,
            organizations: orgs,
            people,
            events,
        };
        load("t", &files, "").unwrap()
    }

    fn ids(ds: &Dataset, rs: &[Record]) -> Vec<String> {
        rs.iter().map(|&r| ds.id_of(r).to_string()).collect()
    }

    #[test]
    fn the_same_dataset_has_no_differences() {
        let a = ds(ORGS, PEOPLE, EVENTS);
        let d = records(&a, &a);
        assert!(d.added.is_empty() && d.removed.is_empty());
        assert_eq!(d.kept.len(), 1 + 3 + 2 + 2);
        assert!(flows(&a, &a).is_empty());
    }

    #[test]
    fn records_are_matched_by_id_and_kind() {
        let old = ds(ORGS, PEOPLE, EVENTS);
        // bob is gone, `bob` is now an organization, cat is new, event b moved to xai.
        let orgs = format!("{ORGS}- {{id: bob, name: Bob Inc, kind: startup, summary: x, sources: [s]}}\n");
        let people = "- {id: ann, name: Ann, summary: x, sources: [s]}\n- {id: cat, name: Cat, summary: x, sources: [s]}\n";
        let events = EVENTS.replace(
            "people: [bob], from: openai, to: meta",
            "people: [cat], from: openai, to: xai",
        );
        let new = ds(&orgs, people, &events);
        let d = records(&old, &new);
        assert_eq!(ids(&new, &d.added), ["bob", "cat"]);
        assert!(matches!(d.added[0], Record::Org(_)));
        assert_eq!(ids(&old, &d.removed), ["bob"]);
        assert!(matches!(d.removed[0], Record::Person(_)));
        assert_eq!(d.kept.len(), 1 + 3 + 1 + 2);

        let f = flows(&old, &new);
        let pair = |from: &str, to: &str| (Some(from.to_string()), Some(to.to_string()));
        assert_eq!(
            f.pairs,
            vec![
                (pair("openai", "meta"), Change { old: 2, new: 1 }),
                (pair("openai", "xai"), Change { old: 0, new: 1 }),
            ]
        );
        let org = |id: &str| Some(id.to_string());
        assert_eq!(
            f.orgs,
            vec![
                (org("meta"), Change { old: 2, new: 1 }, Change { old: 0, new: 0 }),
                (org("xai"), Change { old: 0, new: 1 }, Change { old: 0, new: 0 }),
            ]
        );
    }

    #[test]
    fn an_unknown_origin_is_its_own_key() {
        let old = ds(ORGS, PEOPLE, EVENTS);
        let new = ds(
            ORGS,
            PEOPLE,
            &EVENTS.replace("people: [bob], from: openai,", "people: [bob],"),
        );
        let f = flows(&old, &new);
        assert_eq!(f.pairs[0].0, (None, Some("meta".to_string())));
        assert_eq!(f.pairs[0].1, Change { old: 0, new: 1 });
        assert_eq!(f.orgs[0], (None, Change::default(), Change { old: 0, new: 1 }));
        assert_eq!(f.orgs[1].0.as_deref(), Some("openai"));
        assert_eq!(f.orgs[1].2, Change { old: 2, new: 1 });
    }
}
