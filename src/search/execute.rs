//! Running a query: parsing it into a [`Plan`], then the layers over the
//! index (word lookups and their postings, the subsequence scan, the exact
//! and anchored terms), reusing and narrowing what the [`Session`] kept
//! from the previous keystroke, checking for cancellation as it goes, and
//! handing what the layers found to the ranking.

use super::fold::{self, is_word_byte};
use super::fuzzy::{self, CANCEL_STRIDE, RESCORE};
use super::link::Link;
use super::plan::{Filter, Plan};
use super::query;
use super::rank::{Agg, Best};
use super::words::WordMatch;
use super::{Hit, SearchIndex, Session, Term};
use crate::model::Dataset;
use fuzzy_matcher::FuzzyMatcher;

/// What the word layer found in one entry.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Acc {
    /// Query words matched.
    pub(super) mask: u32,
    pub(super) typos: u8,
    pub(super) prefixes: u8,
    /// Words of the text matched.
    pub(super) covered: u8,
}

/// What the layers found for a query, for ranking.
pub(super) struct Layers<'a> {
    pub(super) acc: &'a [(u32, Acc)],
    pub(super) fuzzy: &'a [(u32, i64, u8)],
    pub(super) needle: &'a [u8],
    pub(super) lookups: &'a [(Term, Vec<WordMatch>)],
    pub(super) filters: &'a [(Filter, Vec<u32>)],
}

/// Per-entry and per-record tables a query fills and leaves clean, kept
/// per thread so a keystroke allocates none of them.
#[derive(Default)]
pub(super) struct Scratch {
    acc: Vec<Acc>,
    pub(super) best: Vec<Best>,
    pub(super) records: Vec<Agg>,
    pub(super) links: Vec<Link>,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

impl SearchIndex {
    /// The best `limit` records for `query`, one hit per record.
    pub fn search(&self, ds: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        self.search_in(ds, query, limit, &mut Session::default(), &|| false)
            .unwrap_or_default()
    }

    /// Like [`search`](Self::search), reusing what the previous query in
    /// `session` found: its word lookups, and its subsequence candidates
    /// when `query` extends it. Returns `None`, leaving the session as it
    /// was, if `cancelled` turns true mid-way. Only the first
    /// [`query::MAX_QUERY_CHARS`] characters of `query` are read.
    pub fn search_in(
        &self,
        ds: &Dataset,
        query: &str,
        limit: usize,
        session: &mut Session,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
        let query = query::cut(query).0;
        let plan = Plan::new(&query::Query::parse(query), !query.ends_with(char::is_whitespace));
        if !plan.finds_anything() || limit == 0 {
            *session = Session::default();
            return Some(Vec::new());
        }
        let mut lookups = Vec::with_capacity(plan.terms.len());
        for term in plan.terms.iter().cloned() {
            if cancelled() {
                return None;
            }
            let matches = match session.lookups.iter().find(|(t, _)| *t == term) {
                Some((_, m)) => m.clone(),
                None => self.words.lookup(&term.text, term.typing),
            };
            lookups.push((term, matches));
        }
        let mut scratch = SCRATCH.with(|s| s.take());
        let acc = self.accumulate(&lookups, cancelled, &mut scratch.acc);
        let Some(acc) = acc else {
            SCRATCH.with(|s| s.replace(scratch));
            return None;
        };
        let needle = plan.needle.clone();
        let narrowing = !session.needle.is_empty() && needle.starts_with(&session.needle);
        let previous = narrowing.then_some(session.candidates.as_slice());
        let Some((candidates, fuzzy)) = self.subsequences(&needle, previous, cancelled) else {
            SCRATCH.with(|s| s.replace(scratch));
            return None;
        };
        // With a group of plain terms only, the records they found are the
        // only candidates: test the exact terms on their texts alone (those
        // results hold for this query only, so the session does not keep
        // them). Otherwise each term's entries come from the session or a
        // scan, narrowed from a wider term's when it grew.
        let within = plan.narrowed_by_words() && !plan.filters.is_empty();
        let filters = if within {
            self.filter_within(ds, &plan, &acc, &fuzzy, cancelled)
        } else {
            self.session_filters(ds, &plan, session, cancelled)
        };
        let Some(filters) = filters else {
            SCRATCH.with(|s| s.replace(scratch));
            return None;
        };
        let layers = Layers {
            acc: &acc,
            fuzzy: &fuzzy,
            needle: &needle,
            lookups: &lookups,
            filters: &filters,
        };
        let hits = self.rank(ds, &plan, &layers, limit, &mut scratch);
        SCRATCH.with(|s| s.replace(scratch));
        *session = Session {
            needle,
            candidates,
            lookups,
            filters: if within { Vec::new() } else { filters },
        };
        Some(hits)
    }

    /// The entries each exact or anchored term of `plan` matches, reusing
    /// and narrowing what `session` found for earlier queries.
    fn session_filters(
        &self,
        ds: &Dataset,
        plan: &Plan,
        session: &Session,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(Filter, Vec<u32>)>> {
        let mut filters = Vec::with_capacity(plan.filters.len());
        for f in &plan.filters {
            let known = session.filters.iter().find(|(g, _)| g == f);
            let found = match known {
                Some((_, entries)) => entries.clone(),
                None => {
                    let wider = session.filters.iter().find(|(g, _)| f.narrows(g));
                    self.filter(ds, f, wider.map(|(_, e)| e.as_slice()), cancelled)?
                }
            };
            filters.push((f.clone(), found));
        }
        Some(filters)
    }

    /// Every filter of `plan` tested on the texts of the records the word
    /// and subsequence layers found: the entries each matches, in order.
    fn filter_within(
        &self,
        ds: &Dataset,
        plan: &Plan,
        acc: &[(u32, Acc)],
        fuzzy: &[(u32, i64, u8)],
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(Filter, Vec<u32>)>> {
        let entries = acc
            .iter()
            .map(|&(e, _)| e)
            .chain(fuzzy.iter().map(|&(e, _, _)| e));
        let mut slots: Vec<usize> = entries
            .filter_map(|e| self.entries.get(e as usize).map(|e| self.slot(e.target)))
            .collect();
        // An event is also found by the texts of the records it links.
        let [people, orgs, events, _] = self.counts;
        let event_slots = people + orgs..people + orgs + events;
        let linked: Vec<usize> = slots
            .iter()
            .filter(|s| event_slots.contains(s))
            .flat_map(|&s| self.linked_slots(ds, (s - people - orgs) as u32))
            .collect();
        slots.extend(linked);
        slots.sort_unstable();
        slots.dedup();
        let mut found: Vec<(Filter, Vec<u32>)> =
            plan.filters.iter().map(|f| (f.clone(), Vec::new())).collect();
        // Built once: searching many short texts.
        let finders: Vec<memchr::memmem::Finder> = plan
            .filters
            .iter()
            .map(|f| memchr::memmem::Finder::new(&f.folded))
            .collect();
        for (n, &slot) in slots.iter().enumerate() {
            if n % CANCEL_STRIDE == 0 && cancelled() {
                return None;
            }
            let (Some(&from), Some(&to)) = (self.starts.get(slot), self.starts.get(slot + 1)) else {
                continue;
            };
            for e in from..to {
                let hay = self.hay(e);
                for ((f, list), finder) in found.iter_mut().zip(&finders) {
                    let hit = match f.kind {
                        query::Kind::Exact => finder.find(hay).is_some(),
                        kind => Filter::test(kind, hay, &f.folded),
                    };
                    if hit && (!f.case_sensitive || self.kept(ds, f, e)) {
                        list.push(e);
                    }
                }
            }
        }
        Some(found)
    }

    /// Whether `f` matches entry `e`'s text, ignoring whether it is negated.
    fn matches(&self, ds: &Dataset, f: &Filter, e: u32) -> bool {
        Filter::test(f.kind, self.hay(e), &f.folded) && (!f.case_sensitive || self.kept(ds, f, e))
    }

    /// The entries (in order) whose text `f` matches, ignoring whether it
    /// is negated: among `within` when given (the entries of a term it
    /// narrows), else over every text.
    fn filter(
        &self,
        ds: &Dataset,
        f: &Filter,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<u32>> {
        let mut found = Vec::new();
        // `known`: the scan already saw it match.
        let mut check = |e: u32, known: bool| {
            if known || self.matches(ds, f, e) {
                found.push(e);
            }
        };
        match (within, f.kind) {
            (Some(entries), _) => {
                for (n, &e) in entries.iter().enumerate() {
                    if n % CANCEL_STRIDE == 0 && cancelled() {
                        return None;
                    }
                    check(e, false);
                }
            }
            (None, query::Kind::Exact | query::Kind::Fuzzy) => {
                // Every occurrence in the whole buffer, then its entry.
                let mut entry = 0usize;
                let mut last = None;
                for (n, at) in memchr::memmem::find_iter(&self.folded, &f.folded).enumerate() {
                    if n % CANCEL_STRIDE == 0 && cancelled() {
                        return None;
                    }
                    while self
                        .entries
                        .get(entry)
                        .is_some_and(|e| ((e.start + e.len) as usize) <= at)
                    {
                        entry += 1;
                    }
                    let Some(e) = self.entries.get(entry) else {
                        break;
                    };
                    // Across two texts: the next one may still hold it
                    // where this occurrence's overlap hides it.
                    let inside = at + f.folded.len() <= (e.start + e.len) as usize;
                    let holder = if inside { entry } else { entry + 1 };
                    if last != Some(holder) && holder < self.entries.len() {
                        last = Some(holder);
                        check(holder as u32, inside && !f.case_sensitive);
                    }
                }
            }
            (None, _) => {
                for e in 0..self.entries.len() as u32 {
                    if (e as usize).is_multiple_of(CANCEL_STRIDE) && cancelled() {
                        return None;
                    }
                    check(e, false);
                }
            }
        }
        Some(found)
    }

    /// Whether case-sensitive `f` matches entry `e`'s text, case kept.
    fn kept(&self, ds: &Dataset, f: &Filter, e: u32) -> bool {
        let mut kept = Vec::new();
        fold::fold_kept_into(self.text(ds, e), &mut kept);
        Filter::test(f.kind, &kept, &f.kept)
    }

    /// The word layer: for every entry any term occurs in, which query
    /// words it matched and how well (best matches claim a word first).
    fn accumulate(
        &self,
        lookups: &[(Term, Vec<WordMatch>)],
        cancelled: &(dyn Fn() -> bool + Sync),
        acc: &mut Vec<Acc>,
    ) -> Option<Vec<(u32, Acc)>> {
        let mut order: Vec<(WordMatch, u32)> = lookups
            .iter()
            .flat_map(|(t, ms)| ms.iter().map(|&m| (m, t.mask)))
            .collect();
        order.sort_by_key(|&(m, mask)| (m.typos, m.prefix, mask.count_ones() == 1, m.word));
        if acc.len() < self.entries.len() {
            acc.resize(self.entries.len(), Acc::default());
        }
        let mut touched = Vec::new();
        let mut seen = 0usize;
        let mut stopped = false;
        'terms: for (m, mask) in order {
            for &e in self.words.postings(m.word) {
                seen += 1;
                if seen.is_multiple_of(CANCEL_STRIDE) && cancelled() {
                    stopped = true;
                    break 'terms;
                }
                let Some(a) = acc.get_mut(e as usize) else {
                    continue;
                };
                let new = mask & !a.mask;
                if new == 0 {
                    continue;
                }
                if a.mask == 0 {
                    touched.push(e);
                }
                a.mask |= new;
                a.typos = a.typos.saturating_add(m.typos);
                a.prefixes = a.prefixes.saturating_add(u8::from(m.prefix));
                a.covered = a.covered.saturating_add(1);
            }
        }
        // In entry order, so ranking reads entries and records in order;
        // and leave the scratch space clean for the next query.
        touched.sort_unstable();
        let found = touched
            .into_iter()
            .map(|e| (e, std::mem::take(&mut acc[e as usize])))
            .collect();
        (!stopped).then_some(found)
    }

    /// The subsequence layer: every name or alias holding `needle` in order
    /// (what the next keystroke narrows), and the plausible ones among the
    /// best [`RESCORE`], with their Skim score and letters left out.
    #[allow(clippy::type_complexity)]
    fn subsequences(
        &self,
        needle: &[u8],
        previous: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<(Vec<u32>, Vec<(u32, i64, u8)>)> {
        if needle.is_empty() {
            return Some((Vec::new(), Vec::new()));
        }
        let total = previous.map_or(self.short.len(), <[u32]>::len);
        let scan = |from: usize, to: usize| -> Option<Vec<(i64, u32)>> {
            let mut ranked = Vec::new();
            for (n, k) in (from..to).enumerate() {
                if n % CANCEL_STRIDE == 0 && cancelled() {
                    return None;
                }
                let Some(&i) = previous.unwrap_or(&self.short).get(k) else {
                    continue;
                };
                let hay = self.hay(i);
                if let Some(span) = fuzzy::subsequence(hay, needle) {
                    ranked.push((fuzzy::cheap_score(hay, needle, span), i));
                }
            }
            Some(ranked)
        };
        let mut ranked = fuzzy::parallel(total, &scan)?;
        let candidates: Vec<u32> = ranked.iter().map(|&(_, i)| i).collect();
        if ranked.len() > RESCORE {
            ranked.select_nth_unstable_by(RESCORE, |a, b| b.0.cmp(&a.0));
            ranked.truncate(RESCORE);
        }
        let pattern = std::str::from_utf8(needle).unwrap_or("");
        let scored = ranked
            .into_iter()
            .filter_map(|(_, i)| {
                let hay = self.hay(i);
                let (score, indices) = self
                    .matcher
                    .fuzzy_indices(std::str::from_utf8(hay).ok()?, pattern)?;
                if !fuzzy::plausible(hay, &indices) {
                    return None;
                }
                let (first, last) = (indices.first()?, indices.last()?);
                let span = hay.get(*first..=*last)?;
                let skipped = span.iter().filter(|&&b| is_word_byte(b)).count() - indices.len();
                Some((i, score, skipped.min(255) as u8))
            })
            .collect();
        Some((candidates, scored))
    }
}
