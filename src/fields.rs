//! The labelled fields of a record, in the order every front end shows
//! them: `rivals show` and the explorer's Detail pane both walk this one
//! list, so a new field appears in both, in the same place.
//!
//! Headings, summaries, mini-timelines and source lists are laid out by each
//! front end; this is what goes between them. Values are raw dataset text:
//! the front end sanitizes them.

use crate::model::{self, Alternative, Dataset, EventIx, EventKind, OrgIx, PersonIx, Record, SourceIx};

/// How a field reads, for front ends that style it.
#[derive(Clone, Debug, PartialEq)]
pub enum Look {
    Plain,
    /// An event's date (the Detail pane shows it in its heading instead).
    Date,
    Amount,
    /// A quotation, shown between quotes.
    Quote,
    /// The note of a dispute.
    Disputed,
    /// The note of one source's uncertain reading.
    Uncertain,
    /// One alternative of a dispute or an uncertain reading, with the
    /// sources that give it.
    Alternative(Vec<SourceIx>),
}

/// One labelled value.
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    /// Label, empty for an alternative under `disputed`.
    pub label: &'static str,
    pub value: String,
    pub look: Look,
}

/// Labels are shorter than this, so values padded to it line up.
pub const LABEL_WIDTH: usize = 10;

/// Collects fields, skipping empty values.
struct Fields(Vec<Field>);

impl Fields {
    fn add(&mut self, label: &'static str, value: impl Into<String>, look: Look) {
        let value = value.into();
        if !value.is_empty() {
            self.0.push(Field { label, value, look });
        }
    }

    fn plain(&mut self, label: &'static str, value: impl Into<String>) {
        self.add(label, value, Look::Plain);
    }

    fn opt(&mut self, label: &'static str, value: Option<impl Into<String>>) {
        if let Some(v) = value {
            self.plain(label, v);
        }
    }
}

/// The fields of record `r`, in display order.
pub fn of(ds: &Dataset, r: Record) -> Vec<Field> {
    let mut f = Fields(Vec::new());
    match r {
        Record::Person(p) => person(&mut f, ds, p),
        Record::Org(o) => org(&mut f, ds, o),
        Record::Event(e) => event(&mut f, ds, e),
        Record::Source(s) => source(&mut f, ds, s),
    }
    f.0
}

/// Names joined for one field.
fn names(ixs: &mut dyn Iterator<Item = String>) -> String {
    ixs.collect::<Vec<_>>().join(", ")
}

fn person(f: &mut Fields, ds: &Dataset, p: PersonIx) {
    f.plain("career", career(ds, p));
    f.plain("aliases", ds.person(p).aliases.join(", "));
    f.opt("last seen", ds.whereabouts(p));
    f.opt("unsourced", ds.person(p).beyond_sources.as_deref());
}

fn org(f: &mut Fields, ds: &Dataset, o: OrgIx) {
    let org = ds.org(o);
    f.plain("aliases", org.aliases.join(", "));
    f.opt("part of", org.parent.map(|x| ds.org(x).name.clone()));
    f.opt("founded", org.founded.map(|d| d.to_string()));
    let children = names(&mut ds.children(o).iter().map(|&c| ds.org(c).name.clone()));
    let (moves_in, moves_out) = ds.org_moves[o as usize];
    let incl = if children.is_empty() {
        String::new()
    } else {
        let (own_in, own_out) = ds.org_own_moves[o as usize];
        format!(
            " (incl. {children}; alone {} in, {} out)",
            own_in.marked(),
            own_out.marked()
        )
    };
    f.plain("children", children);
    let (moves_in, moves_out) = (moves_in.marked(), moves_out.marked());
    f.plain("moves", format!("{moves_in} in, {moves_out} out{incl}"));
    f.plain(
        "people",
        names(&mut ds.family_people(o).into_iter().map(|p| ds.person(p).name.clone())),
    );
    f.opt("unsourced", org.beyond_sources.as_deref());
}

fn event(f: &mut Fields, ds: &Dataset, ix: EventIx) {
    let e = ds.event(ix);
    f.add("date", e.date.to_string(), Look::Date);
    f.plain(
        "people",
        names(&mut e.people.iter().map(|&p| ds.person(p).name.clone())),
    );
    match model::group_label(ds, ix) {
        Some(group) => f.plain("group", group),
        None => f.opt("count", e.count().map(|c| c.to_string())),
    }
    let (from, to) = ends(e.kind);
    f.opt(from, e.from.map(|o| ds.org(o).name.clone()));
    f.plain(
        "from",
        names(
            &mut e
                .origins()
                .iter()
                .map(|o| format!("{} {}", ds.org(o.from).name, o.count)),
        ),
    );
    f.opt("part of", e.part_of().map(|g| event_name(ds, g)));
    f.plain(
        "members",
        model::members(ds, ix)
            .into_iter()
            .map(|m| event_name(ds, m))
            .collect::<Vec<_>>()
            .join("; "),
    );
    f.opt(to, e.to.map(|o| ds.org(o).name.clone()));
    f.plain("also", names(&mut e.orgs.iter().map(|&o| ds.org(o).name.clone())));
    f.opt("role", e.role());
    f.opt("outcome", e.outcome().map(|o| o.as_str()));
    if let Some(a) = e.amount() {
        let stated = a
            .text
            .as_deref()
            .map_or_else(|| a.describe(), |t| format!("{t} ({})", a.describe()));
        f.add("amount", stated, Look::Amount);
    }
    if let Some(q) = e.quote() {
        f.add("quote", q.trim(), Look::Quote);
    }
    let readings = [
        ("disputed", Look::Disputed, e.disputed()),
        ("uncertain", Look::Uncertain, e.uncertain()),
    ];
    for (label, look, block) in readings {
        let Some(d) = block else { continue };
        f.add(label, d.note.as_str(), look);
        for alt in &d.alternatives {
            let value = format!("{}{}", alt.value, structured(alt));
            f.add("", value, Look::Alternative(alt.sources.clone()));
        }
    }
    f.opt("unsourced", e.beyond_sources());
}

fn source(f: &mut Fields, ds: &Dataset, s: SourceIx) {
    let s = ds.source(s);
    f.opt("outlet", s.outlet.as_deref());
    f.plain("language", s.language.as_str());
    f.opt("published", s.published.map(|d| d.to_string()));
    f.opt("file", s.file.as_deref());
}

/// The labels of an event's `from` and `to`: a board seat is not a job,
/// so its ends are boards (`off board`, `on board`).
fn ends(kind: EventKind) -> (&'static str, &'static str) {
    if kind == EventKind::Board {
        ("off board", "on board")
    } else {
        ("from", "to")
    }
}

/// A person's path through organizations, from their moves and foundings
/// (never offers), dates at their real precision: `Google 2013 → OpenAI
/// 2015 → left 2024-05 → Safe Superintelligence 2024-06`. A place they
/// came from first shows without a date; empty for someone who never moved.
pub fn career(ds: &Dataset, p: PersonIx) -> String {
    let mut steps: Vec<(Option<OrgIx>, String)> = Vec::new();
    let mut at: Option<OrgIx> = None;
    for &ix in &ds.person_events[p as usize] {
        let e = ds.event(ix);
        if !e.is_move() && e.kind != EventKind::Founding {
            continue;
        }
        let date = e.date.to_string();
        if let Some(from) = e.from
            && at != Some(from)
            && steps.last().is_none_or(|(o, _)| *o != Some(from))
        {
            steps.push((Some(from), ds.org(from).name.clone()));
        }
        match e.to {
            Some(to) if at != Some(to) => {
                steps.push((Some(to), format!("{} {date}", ds.org(to).name)));
                at = Some(to);
            }
            None if e.kind == EventKind::Departure && e.from.is_some() => {
                steps.push((None, format!("left {date}")));
                at = None;
            }
            _ => {}
        }
    }
    if steps.iter().all(|(o, _)| o.is_none()) {
        return String::new();
    }
    steps.into_iter().map(|(_, s)| s).collect::<Vec<_>>().join(" → ")
}

/// How many events record `r` lists, saying when an organization's
/// include its children's: `37, with children`.
pub fn events_count(ds: &Dataset, r: Record, n: usize) -> String {
    match r {
        Record::Org(o) if !ds.children(o).is_empty() => format!("{n}, with children"),
        _ => n.to_string(),
    }
}

/// An event by name: its date, kind and who (its people, or a group's
/// size as the flows count it), then its id: `2025-06 hire of Trapit
/// Bansal (openai-researchers-to-meta)`.
pub fn event_name(ds: &Dataset, e: model::EventIx) -> String {
    let event = ds.event(e);
    let people: Vec<&str> = event.people.iter().map(|&p| ds.person(p).name.as_str()).collect();
    let who = match (people.is_empty(), ds.group_range(e)) {
        (true, Some(range)) => format!(" of {} people", range.marked()),
        (true, None) => String::new(),
        (false, _) => format!(" of {}", people.join(", ")),
    };
    format!("{} {}{who} ({})", event.date, event.kind.as_str(), event.id)
}

/// The structured values of an alternative in full, when its text does
/// not already say them: ` (7 people)`, ` (at least 8 people)`, ` (USD
/// 14.3B over 4 years)`.
fn structured(alt: &Alternative) -> String {
    let parts: Vec<String> = [
        alt.count.map(|c| {
            let least = if alt.at_least { "at least " } else { "" };
            format!("{least}{c} people")
        }),
        alt.amount.as_ref().map(|a| a.describe()),
        alt.date.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let shown = parts.join(", ");
    if shown.is_empty() || shown == alt.value {
        String::new()
    } else {
        format!(" ({shown})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_fits_the_label_width_and_order_is_stable() {
        let ds = Dataset::embedded().unwrap();
        let scale = ds.lookup("meta-invests-in-scale-ai").unwrap();
        let labels: Vec<&str> = of(&ds, scale).iter().map(|f| f.label).collect();
        assert_eq!(labels[0], "date");
        assert!(labels.iter().position(|&l| l == "amount") > labels.iter().position(|&l| l == "to"));
        for r in [
            scale,
            ds.lookup("sam-altman").unwrap(),
            ds.lookup("scale-ai").unwrap(),
        ] {
            for f in of(&ds, r) {
                assert!(f.label.chars().count() < LABEL_WIDTH, "{}", f.label);
                assert!(!f.value.is_empty());
            }
        }
    }

    #[test]
    fn seats_outcomes_uncertain_readings_and_outside_facts_show() {
        let ds = Dataset::embedded().unwrap();
        let fields = |id: &str| of(&ds, ds.lookup(id).unwrap());
        let has = |fs: &[Field], label: &str, value: &str| {
            fs.iter().any(|f| f.label == label && f.value.starts_with(value))
        };
        let zilis = fields("zilis-leaves-openai-board");
        assert!(has(&zilis, "off board", "OpenAI"), "{zilis:?}");
        assert!(zilis.iter().all(|f| f.label != "from"), "{zilis:?}");
        assert!(has(&fields("meta-bid-for-ssi"), "outcome", "declined"));
        let karpathy = fields("karpathy-to-tesla");
        assert!(has(&karpathy, "uncertain", "The article ties"), "{karpathy:?}");
        assert!(karpathy.iter().any(|f| f.look == Look::Uncertain));
        assert!(karpathy.iter().all(|f| f.look != Look::Disputed));
        assert!(has(&karpathy, "unsourced", "The date"), "{karpathy:?}");
        assert!(has(&fields("mira-murati"), "unsourced", "Her role"));
        assert!(has(&fields("thinking-machines-lab"), "unsourced", "Its name"));
    }

    #[test]
    fn a_career_runs_through_moves_and_foundings_at_their_precision() {
        let ds = Dataset::embedded().unwrap();
        let person = |id: &str| match ds.lookup(id) {
            Some(Record::Person(p)) => p,
            other => panic!("{id}: {other:?}"),
        };
        assert_eq!(
            career(&ds, person("ilya-sutskever")),
            "Google → OpenAI 2015 → Safe Superintelligence 2024-06"
        );
        let first = of(&ds, Record::Person(person("ilya-sutskever")));
        assert_eq!(first[0].label, "career");
        let offers_only = ds
            .people
            .iter()
            .enumerate()
            .map(|(i, _)| i as PersonIx)
            .find(|&p| {
                ds.person_events[p as usize]
                    .iter()
                    .all(|&e| !ds.event(e).is_move() && ds.event(e).kind != EventKind::Founding)
            })
            .unwrap();
        assert_eq!(career(&ds, offers_only), "");
        assert!(
            of(&ds, Record::Person(offers_only))
                .iter()
                .all(|f| f.label != "career")
        );
    }
}
