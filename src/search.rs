//! Fuzzy search over people, organizations (names and aliases) and event
//! summaries, ranked best first.

use crate::model::{Dataset, Record};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// One searchable string and the record it leads to.
#[derive(Clone, Debug)]
struct Entry {
    target: Record,
    text: String,
}

/// A match: the record, its score, the text that matched and the matched
/// character positions in that text (for highlighting).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub target: Record,
    pub score: i64,
    /// Index of the matched text, see [`SearchIndex::text`].
    pub entry: u32,
    /// Char positions in the matched text.
    pub indices: Vec<usize>,
}

/// The haystack, built once per dataset.
pub struct SearchIndex {
    entries: Vec<Entry>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .finish()
    }
}

/// Event summaries are long and mention many names; a name match should
/// outrank a summary that merely contains the same letters.
fn weight(target: Record, score: i64) -> i64 {
    match target {
        Record::Event(_) => score / 2,
        _ => score,
    }
}

fn kind_rank(r: Record) -> u8 {
    match r {
        Record::Person(_) => 0,
        Record::Org(_) => 1,
        Record::Event(_) => 2,
        Record::Source(_) => 3,
    }
}

impl SearchIndex {
    /// Collects names, aliases and event summaries.
    pub fn new(ds: &Dataset) -> Self {
        let mut entries = Vec::with_capacity(ds.people.len() * 2 + ds.orgs.len() * 2 + ds.events.len());
        for (i, p) in ds.people.iter().enumerate() {
            let target = Record::Person(i as u32);
            for text in std::iter::once(&p.name).chain(&p.aliases) {
                entries.push(Entry {
                    target,
                    text: text.clone(),
                });
            }
        }
        for (i, o) in ds.orgs.iter().enumerate() {
            let target = Record::Org(i as u32);
            for text in std::iter::once(&o.name).chain(&o.aliases) {
                entries.push(Entry {
                    target,
                    text: text.clone(),
                });
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            entries.push(Entry {
                target: Record::Event(i as u32),
                text: e.summary.clone(),
            });
        }
        SearchIndex {
            entries,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The text of entry `entry` (what a [`Hit`] matched).
    pub fn text(&self, entry: u32) -> &str {
        self.entries.get(entry as usize).map_or("", |e| e.text.as_str())
    }

    /// The best `limit` records for `query`, one hit per record.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let query = query.trim();
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut scored: Vec<(i64, u32)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                self.matcher
                    .fuzzy_match(&e.text, query)
                    .map(|s| (weight(e.target, s), i as u32))
            })
            .collect();
        scored.sort_by(|a, b| {
            let (ea, eb) = (&self.entries[a.1 as usize], &self.entries[b.1 as usize]);
            b.0.cmp(&a.0)
                .then(kind_rank(ea.target).cmp(&kind_rank(eb.target)))
                .then(ea.text.len().cmp(&eb.text.len()))
                .then(a.1.cmp(&b.1))
        });
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::with_capacity(limit);
        for (score, entry) in scored {
            let e = &self.entries[entry as usize];
            if !seen.insert(e.target) {
                continue;
            }
            let indices = self
                .matcher
                .fuzzy_indices(&e.text, query)
                .map(|m| m.1)
                .unwrap_or_default();
            hits.push(Hit {
                target: e.target,
                score,
                entry,
                indices,
            });
            if hits.len() == limit {
                break;
            }
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(index: &SearchIndex, ds: &Dataset, q: &str) -> String {
        match index.search(q, 1).first().map(|h| h.target) {
            Some(Record::Person(p)) => ds.person(p).id.clone(),
            Some(Record::Org(o)) => ds.org(o).id.clone(),
            Some(Record::Event(e)) => ds.event(e).id.clone(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn typos_still_find_the_person_first() {
        let ds = Dataset::embedded().unwrap();
        let index = SearchIndex::new(&ds);
        assert_eq!(top(&index, &ds, "shngjia"), "shengjia-zhao");
        assert_eq!(top(&index, &ds, "zukerberg"), "mark-zuckerberg");
        assert_eq!(top(&index, &ds, "altman"), "sam-altman");
        assert_eq!(top(&index, &ds, "deepmind"), "deepmind");
        assert_eq!(top(&index, &ds, "twitter"), "x-corp");
    }

    #[test]
    fn one_hit_per_record_and_indices_point_at_matched_chars() {
        let ds = Dataset::embedded().unwrap();
        let index = SearchIndex::new(&ds);
        let hits = index.search("musk", 50);
        let mut targets: Vec<_> = hits.iter().map(|h| h.target).collect();
        targets.dedup();
        assert_eq!(targets.len(), hits.len());
        let h = &hits[0];
        let chars: Vec<char> = index.text(h.entry).chars().collect();
        let matched: String = h.indices.iter().map(|&i| chars[i].to_ascii_lowercase()).collect();
        assert_eq!(matched, "musk");
        assert!(index.search("", 10).is_empty());
        assert!(index.search("qqqqxxzz", 10).is_empty());
    }
}
