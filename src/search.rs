//! Fuzzy search over people, organizations (names and aliases) and event
//! summaries, ranked best first.
//!
//! The haystack is one contiguous, lower-cased byte buffer built once.
//! A query runs in three steps, so its cost is bounded on any dataset:
//!
//! 1. a subsequence prefilter (memchr per query byte) over every entry, or
//!    only over the previous query's candidates when the new query extends
//!    it (typing narrows, it never rescans); split across all cores;
//! 2. a cheap pre-rank (compactness of the match, word starts, substring)
//!    that keeps the best [`RESCORE`] candidates;
//! 3. fuzzy-matcher's Skim scoring of those, then one hit per record.

use crate::model::{Dataset, Record};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::HashSet;

/// How many prefiltered candidates get the full fuzzy score.
pub const RESCORE: usize = 1_000;

/// Entries scanned between checks for cancellation.
const CANCEL_STRIDE: usize = 4_096;

/// One searchable string: which record, which of its texts, and where its
/// lower-cased bytes are in the buffer.
#[derive(Clone, Copy, Debug)]
struct Entry {
    target: Record,
    /// 0 for the name (or an event's summary), k for alias k - 1.
    field: u32,
    start: u32,
    len: u32,
}

/// A match: the record, its score, the text that matched and the matched
/// character positions in that text (for highlighting).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub target: Record,
    pub score: i64,
    /// Which text matched, see [`SearchIndex::text`].
    pub entry: u32,
    /// Char positions in the matched text.
    pub indices: Vec<usize>,
}

/// What a previous query left behind, so the next keystroke can narrow it.
#[derive(Clone, Debug, Default)]
pub struct Session {
    query: String,
    candidates: Vec<u32>,
}

/// The haystack, built once per dataset.
pub struct SearchIndex {
    entries: Vec<Entry>,
    lower: Vec<u8>,
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

/// Whether `needle`'s bytes occur in order in `hay`; returns the first and
/// last matched positions of the leftmost greedy match.
fn subsequence(hay: &[u8], needle: &[u8]) -> Option<(usize, usize)> {
    let mut at = 0;
    let mut first = None;
    for &b in needle {
        let found = at + memchr::memchr(b, hay.get(at..)?)?;
        first.get_or_insert(found);
        at = found + 1;
    }
    Some((first.unwrap_or(0), at.saturating_sub(1)))
}

/// A cheap estimate of match quality, higher is better.
fn cheap_score(hay: &[u8], needle: &[u8], (first, last): (usize, usize)) -> i64 {
    let span = (last + 1 - first) as i64;
    let mut score = 200 - 4 * (span - needle.len() as i64).min(50);
    if first == 0 {
        score += 40;
    } else if hay[first - 1] == b' ' {
        score += 20;
    }
    if needle.len() > 1 && memchr::memmem::find(hay, needle).is_some() {
        score += 60;
    }
    score - (hay.len() as i64 / 32)
}

impl SearchIndex {
    /// Collects names, aliases and event summaries.
    pub fn new(ds: &Dataset) -> Self {
        let mut entries = Vec::with_capacity(ds.people.len() * 2 + ds.orgs.len() * 2 + ds.events.len());
        let mut lower = Vec::new();
        let mut push = |target: Record, field: usize, text: &str| {
            let start = lower.len() as u32;
            lower.extend(text.bytes().map(|b| b.to_ascii_lowercase()));
            entries.push(Entry {
                target,
                field: field as u32,
                start,
                len: text.len() as u32,
            });
        };
        for (i, p) in ds.people.iter().enumerate() {
            for (k, text) in std::iter::once(&p.name).chain(&p.aliases).enumerate() {
                push(Record::Person(i as u32), k, text);
            }
        }
        for (i, o) in ds.orgs.iter().enumerate() {
            for (k, text) in std::iter::once(&o.name).chain(&o.aliases).enumerate() {
                push(Record::Org(i as u32), k, text);
            }
        }
        for (i, e) in ds.events.iter().enumerate() {
            push(Record::Event(i as u32), 0, &e.summary);
        }
        SearchIndex {
            entries,
            lower,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// The text of entry `entry` (what a [`Hit`] matched).
    pub fn text<'d>(&self, ds: &'d Dataset, entry: u32) -> &'d str {
        let Some(e) = self.entries.get(entry as usize) else {
            return "";
        };
        let field = e.field as usize;
        let text = match e.target {
            Record::Person(p) => ds
                .people
                .get(p as usize)
                .and_then(|p| names(&p.name, &p.aliases, field)),
            Record::Org(o) => ds
                .orgs
                .get(o as usize)
                .and_then(|o| names(&o.name, &o.aliases, field)),
            Record::Event(i) => ds.events.get(i as usize).map(|e| e.summary.as_str()),
            Record::Source(_) => None,
        };
        text.unwrap_or("")
    }

    fn hay(&self, e: &Entry) -> &[u8] {
        &self.lower[e.start as usize..(e.start + e.len) as usize]
    }

    /// The best `limit` records for `query`, one hit per record.
    pub fn search(&self, ds: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        self.search_in(ds, query, limit, &mut Session::default(), &|| false)
            .unwrap_or_default()
    }

    /// Like [`search`](Self::search), narrowing the previous query's
    /// candidates when `query` extends it. Returns `None`, leaving the
    /// session as it was, if `cancelled` turns true mid-way.
    pub fn search_in(
        &self,
        ds: &Dataset,
        query: &str,
        limit: usize,
        session: &mut Session,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let trimmed = query.trim();
        if trimmed.is_empty() || limit == 0 {
            *session = Session::default();
            return Some(Vec::new());
        }
        let needle: Vec<u8> = trimmed.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let narrowing = !session.query.is_empty() && trimmed.starts_with(&session.query);
        let previous = narrowing.then_some(session.candidates.as_slice());
        let mut ranked = self.prefilter(&needle, previous, cancelled)?;
        session.query = trimmed.to_string();
        // Every match, in index order, before the cut below: what the next
        // keystroke narrows.
        session.candidates = ranked.iter().map(|&(_, i)| i).collect();

        // Keep the best candidates by the cheap score, then score them properly.
        if ranked.len() > RESCORE {
            ranked.select_nth_unstable_by(RESCORE, |a, b| b.0.cmp(&a.0));
            ranked.truncate(RESCORE);
        }
        let mut scored: Vec<(i64, u32)> = ranked
            .into_iter()
            .filter_map(|(_, i)| {
                let e = &self.entries[i as usize];
                let score = self.matcher.fuzzy_match(self.text(ds, i), trimmed)?;
                Some((weight(e.target, score), i))
            })
            .collect();
        scored.sort_by(|a, b| {
            let (ea, eb) = (&self.entries[a.1 as usize], &self.entries[b.1 as usize]);
            b.0.cmp(&a.0)
                .then(kind_rank(ea.target).cmp(&kind_rank(eb.target)))
                .then(ea.len.cmp(&eb.len))
                .then(a.1.cmp(&b.1))
        });
        let mut seen = HashSet::new();
        let mut hits = Vec::with_capacity(limit.min(scored.len()));
        for (score, entry) in scored {
            let e = &self.entries[entry as usize];
            if !seen.insert(e.target) {
                continue;
            }
            let indices = self
                .matcher
                .fuzzy_indices(self.text(ds, entry), trimmed)
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
        Some(hits)
    }

    /// Entries whose text holds the query's bytes in order, in index order,
    /// each with a cheap score. Runs on every core.
    fn prefilter(
        &self,
        needle: &[u8],
        previous: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(i64, u32)>> {
        let total = previous.map_or(self.entries.len(), <[u32]>::len);
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let threads = if total < 20_000 { 1 } else { threads };
        let scan = |from: usize, to: usize| -> Option<Vec<(i64, u32)>> {
            let mut ranked = Vec::new();
            for (n, k) in (from..to).enumerate() {
                if n % CANCEL_STRIDE == 0 && cancelled() {
                    return None;
                }
                let i = previous.map_or(k as u32, |p| p[k]);
                let e = &self.entries[i as usize];
                let hay = self.hay(e);
                if let Some(span) = subsequence(hay, needle) {
                    ranked.push((weight(e.target, cheap_score(hay, needle, span)), i));
                }
            }
            Some(ranked)
        };
        if threads == 1 {
            return scan(0, total);
        }
        let parts: Vec<Option<Vec<(i64, u32)>>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let scan = &scan;
                    s.spawn(move || scan(total * t / threads, total * (t + 1) / threads))
                })
                .collect();
            handles.into_iter().map(|h| h.join().ok().flatten()).collect()
        });
        let mut ranked = Vec::new();
        for part in parts {
            ranked.extend(part?);
        }
        Some(ranked)
    }
}

fn names<'a>(name: &'a str, aliases: &'a [String], field: usize) -> Option<&'a str> {
    match field {
        0 => Some(name),
        k => aliases.get(k - 1).map(String::as_str),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(index: &SearchIndex, ds: &Dataset, q: &str) -> String {
        match index.search(ds, q, 1).first().map(|h| h.target) {
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
        assert_eq!(
            top(&index, &ds, "ZUCK"),
            "mark-zuckerberg",
            "case does not matter"
        );
    }

    #[test]
    fn one_hit_per_record_and_indices_point_at_matched_chars() {
        let ds = Dataset::embedded().unwrap();
        let index = SearchIndex::new(&ds);
        let hits = index.search(&ds, "musk", 50);
        let targets: HashSet<_> = hits.iter().map(|h| h.target).collect();
        assert_eq!(targets.len(), hits.len());
        let h = &hits[0];
        let chars: Vec<char> = index.text(&ds, h.entry).chars().collect();
        let matched: String = h.indices.iter().map(|&i| chars[i].to_ascii_lowercase()).collect();
        assert_eq!(matched, "musk");
        assert!(index.search(&ds, "", 10).is_empty());
        assert!(index.search(&ds, "qqqqxxzz", 10).is_empty());
    }

    #[test]
    fn narrowing_gives_the_same_results_as_a_fresh_search() {
        let ds = Dataset::embedded().unwrap();
        let index = SearchIndex::new(&ds);
        let mut session = Session::default();
        let never = || false;
        for q in ["m", "me", "met", "meta", "meta s", "meta sup"] {
            let narrowed = index.search_in(&ds, q, 20, &mut session, &never).unwrap();
            assert_eq!(narrowed, index.search(&ds, q, 20), "{q}");
        }
        // A query that does not extend the last one starts afresh.
        let other = index.search_in(&ds, "altman", 5, &mut session, &never).unwrap();
        assert_eq!(other, index.search(&ds, "altman", 5));
    }

    #[test]
    fn a_cancelled_search_returns_nothing_and_keeps_the_session() {
        let ds = Dataset::embedded().unwrap();
        let index = SearchIndex::new(&ds);
        let mut session = Session::default();
        index.search_in(&ds, "me", 5, &mut session, &|| false).unwrap();
        assert!(index.search_in(&ds, "met", 5, &mut session, &|| true).is_none());
        assert_eq!(session.query, "me");
    }

    #[test]
    fn subsequence_and_cheap_score() {
        assert_eq!(subsequence(b"mark zuckerberg", b"zkb"), Some((5, 11)));
        assert_eq!(subsequence(b"abc", b"abcd"), None);
        let tight = cheap_score(b"zuckerberg", b"zuck", (0, 3));
        let loose = cheap_score(b"a zu ck", b"zuck", (2, 6));
        assert!(tight > loose);
    }
}
