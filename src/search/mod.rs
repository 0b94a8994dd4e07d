//! Search over everything a reader remembers: names and aliases, summaries,
//! quotes, roles, and source titles and outlets; typo-tolerant and
//! name-first, ranked best first, one hit per record.
//!
//! Texts are folded (case, diacritics, other scripts transliterated) into
//! one contiguous buffer at load. A query runs two layers:
//!
//! 1. words ([`words`]): each query word, and each pair of neighbouring
//!    query words written as one (`deep mind` → `deepmind`), is looked up
//!    in an FST of every word (plus, for names and aliases, every pair of
//!    neighbouring words as one: `scale ai` → `scaleai`), exactly, as a
//!    prefix and within its typo budget (Damerau-Levenshtein automata);
//!    the entries it occurs in are read from posting lists;
//! 2. subsequence ([`fuzzy`]): the query's letters in order through a name
//!    or alias, scored by fuzzy-matcher, kept only when they read like an
//!    abbreviation. Typing narrows this scan to the previous candidates.
//!
//! Ranking, in order: query words matched, fewest typos, whole words over
//! prefixes over subsequences, names over details (quotes, roles, outlets)
//! over summaries, fewest words of the text left unmatched (`Meta` before
//! `Meta Superintelligence Labs`), then prominence (events a person or
//! organization is in, events citing a source).

mod fold;
mod fuzzy;
mod plan;
pub mod query;
mod words;

#[cfg(test)]
mod tests;

use crate::model::{Dataset, Record};
use fold::{distance, fold_into, fold_kept_mapped, fold_mapped, is_word_byte, typo_budget};
use fuzzy::{CANCEL_STRIDE, RESCORE};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use plan::{Alt, Filter, Plan};
use words::{WordMatch, Words, WordsBuilder};

/// Which text of a record a hit matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A person's or organization's name.
    Name,
    /// One of their aliases.
    Alias,
    /// A person's, organization's or event's summary.
    Summary,
    /// Words an event attributes to its first person.
    Quote,
    /// The role someone took or left in an event.
    Role,
    /// A source's title.
    Title,
    /// A source's outlet.
    Outlet,
}

impl Field {
    /// Lower-case name, as `rivals search --json` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Alias => "alias",
            Field::Summary => "summary",
            Field::Quote => "quote",
            Field::Role => "role",
            Field::Title => "title",
            Field::Outlet => "outlet",
        }
    }

    /// 2 for names, aliases and titles, 1 for details, 0 for summaries.
    fn weight(self) -> u64 {
        match self {
            Field::Name | Field::Alias | Field::Title => 2,
            Field::Quote | Field::Role | Field::Outlet => 1,
            Field::Summary => 0,
        }
    }
}

/// How a hit matched the query.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Quality {
    /// Every matched query word matched a whole word (maybe with typos).
    Word,
    /// At least one query word matched only the start of a word.
    Prefix,
    /// The query's letters in order through the text (`shngjia`).
    Subsequence,
    /// Only exact or anchored terms (`'term`, `^term`, `term$`) matched.
    Exact,
}

impl Quality {
    /// Lower-case name, as `rivals search --json` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Quality::Word => "word",
            Quality::Prefix => "prefix",
            Quality::Subsequence => "subsequence",
            Quality::Exact => "exact",
        }
    }
}

/// One searchable text: which record, which of its texts, and where its
/// folded bytes are in the buffer.
#[derive(Clone, Copy, Debug)]
struct Entry {
    target: Record,
    field: Field,
    /// Which alias, for [`Field::Alias`].
    alias: u32,
    start: u32,
    len: u32,
    /// Words in the text (at most 255 counted).
    words: u8,
    /// How often its record comes up: events of a person or organization,
    /// events citing a source.
    prominence: u32,
}

/// A match: the record, its score (higher ranks first), the text that
/// matched and the matched character positions in that text.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub target: Record,
    pub score: i64,
    /// Which text matched, see [`SearchIndex::text`].
    pub entry: u32,
    /// Char positions in the matched text, typo'd words included.
    pub indices: Vec<usize>,
    /// Which field that text is.
    pub field: Field,
    /// Typos the match took (for a subsequence: letters left out).
    pub typos: u8,
    /// Whole words, prefixes or a subsequence.
    pub quality: Quality,
}

/// One query word, or two neighbouring ones written as one.
#[derive(Clone, Debug, PartialEq)]
struct Term {
    text: Vec<u8>,
    /// Bit i set for query word i.
    mask: u32,
    /// Whether the word is still being typed (the last one, no space
    /// after it): it also matches word starts within its typo budget.
    typing: bool,
}

/// What a previous query left behind, so the next keystroke can narrow it.
#[derive(Clone, Debug, Default)]
pub struct Session {
    /// The subsequence layer's needle and every entry it matched.
    needle: Vec<u8>,
    candidates: Vec<u32>,
    /// Words already looked up, reused while they stay in the query.
    lookups: Vec<(Term, Vec<WordMatch>)>,
    /// The entries each exact or anchored term matched, reused while it
    /// stays in the query and narrowed when it grows.
    filters: Vec<(Filter, Vec<u32>)>,
}

/// What the word layer found in one entry.
#[derive(Clone, Copy, Debug, Default)]
struct Acc {
    mask: u32,
    typos: u8,
    prefixes: u8,
    covered: u8,
}

/// Per-entry and per-record tables a query fills and leaves clean, kept
/// per thread so a keystroke allocates none of them.
#[derive(Default)]
struct Scratch {
    acc: Vec<Acc>,
    best: Vec<Best>,
    records: Vec<Agg>,
}

/// What every text of one record matched together, while ranking.
#[derive(Clone, Copy, Debug, Default)]
struct Agg {
    /// Query words matched.
    mask: u32,
    /// Exact or anchored terms matched, bit i for filter i.
    filters: u32,
    /// Some positive term matched: the record is a candidate.
    candidate: bool,
    /// Listed among the records to clean up.
    seen: bool,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// The haystack, built once per dataset.
pub struct SearchIndex {
    entries: Vec<Entry>,
    folded: Vec<u8>,
    words: Words,
    /// Entries the subsequence layer scans: names and aliases.
    short: Vec<u32>,
    /// Records of each kind: people, organizations, events, sources.
    counts: [usize; 4],
    /// The entries of the record in slot `s` are `starts[s]..starts[s + 1]`.
    starts: Vec<u32>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("words", &self.words.len())
            .finish()
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

/// Packs the ranking criteria, most important first, into one number.
#[derive(Default)]
struct Key(u64);

impl Key {
    fn push(mut self, value: u64, bits: u32) -> Self {
        let max = (1u64 << bits) - 1;
        self.0 = (self.0 << bits) | value.min(max);
        self
    }
}

impl SearchIndex {
    /// Collects and folds every searchable text and builds the word index.
    pub fn new(ds: &Dataset) -> Self {
        Words::warm_up();
        let mut index = SearchIndex {
            entries: Vec::with_capacity(ds.people.len() * 3 + ds.orgs.len() * 3 + ds.events.len() * 5 / 4),
            folded: Vec::new(),
            words: WordsBuilder::default().build(),
            short: Vec::new(),
            starts: Vec::new(),
            counts: [ds.people.len(), ds.orgs.len(), ds.events.len(), ds.sources.len()],
            matcher: SkimMatcherV2::default(),
        };
        let mut citations = vec![0u32; ds.sources.len()];
        for e in &ds.events {
            for &s in &e.sources {
                if let Some(c) = citations.get_mut(s as usize) {
                    *c += 1;
                }
            }
        }
        let prominence = |r: Record| -> u32 {
            let n = match r {
                Record::Person(p) => ds.person_events.get(p as usize).map_or(0, Vec::len),
                Record::Org(o) => ds.org_events.get(o as usize).map_or(0, Vec::len),
                Record::Source(s) => citations.get(s as usize).map_or(0, |&c| c as usize),
                Record::Event(_) => 0,
            };
            n.min(u32::MAX as usize) as u32
        };
        let push = |index: &mut SearchIndex, target: Record, field: Field, alias: usize, text: &str| {
            let id = index.entries.len() as u32;
            let start = index.folded.len();
            fold_into(text, &mut index.folded);
            if matches!(field, Field::Name | Field::Alias) {
                index.short.push(id);
            }
            index.entries.push(Entry {
                target,
                field,
                alias: alias as u32,
                start: start as u32,
                len: (index.folded.len() - start) as u32,
                words: 0,
                prominence: prominence(target),
            });
        };
        for (i, p) in ds.people.iter().enumerate() {
            let r = Record::Person(i as u32);
            push(&mut index, r, Field::Name, 0, &p.name);
            for (k, a) in p.aliases.iter().enumerate() {
                push(&mut index, r, Field::Alias, k, a);
            }
            push(&mut index, r, Field::Summary, 0, &p.summary);
        }
        for (i, o) in ds.orgs.iter().enumerate() {
            let r = Record::Org(i as u32);
            push(&mut index, r, Field::Name, 0, &o.name);
            for (k, a) in o.aliases.iter().enumerate() {
                push(&mut index, r, Field::Alias, k, a);
            }
            push(&mut index, r, Field::Summary, 0, &o.summary);
        }
        for (i, e) in ds.events.iter().enumerate() {
            let r = Record::Event(i as u32);
            push(&mut index, r, Field::Summary, 0, &e.summary);
            if let Some(q) = e.quote() {
                push(&mut index, r, Field::Quote, 0, q);
            }
            if let Some(role) = e.role() {
                push(&mut index, r, Field::Role, 0, role);
            }
        }
        for (i, s) in ds.sources.iter().enumerate() {
            let r = Record::Source(i as u32);
            push(&mut index, r, Field::Title, 0, &s.title);
            if let Some(outlet) = &s.outlet {
                push(&mut index, r, Field::Outlet, 0, outlet);
            }
        }
        index.index_words();
        let records: usize = index.counts.iter().sum();
        let mut starts = vec![0u32; records + 1];
        for (i, e) in index.entries.iter().enumerate() {
            if let Some(s) = starts.get_mut(index.slot(e.target) + 1) {
                *s = i as u32 + 1;
            }
        }
        for s in 1..starts.len() {
            starts[s] = starts[s].max(starts[s - 1]);
        }
        index.starts = starts;
        index
    }

    /// Builds the word index over every entry, in two halves on two
    /// threads when there are many.
    fn index_words(&mut self) {
        let n = self.entries.len();
        let half = if n < 20_000 { n } else { n / 2 };
        let build = |from: usize, to: usize| {
            let mut builder = WordsBuilder::default();
            let counts: Vec<u8> = (from..to)
                .map(|i| {
                    let e = &self.entries[i];
                    let text = self.hay(i as u32);
                    let joined = matches!(e.field, Field::Name | Field::Alias);
                    builder.add(i as u32, text, joined).min(255) as u8
                })
                .collect();
            (builder, counts)
        };
        let ((mut builder, mut counts), rest) = std::thread::scope(|s| {
            let second = (half < n).then(|| s.spawn(|| build(half, n)));
            let first = build(0, half);
            (first, second.and_then(|h| h.join().ok()))
        });
        if let Some((other, more)) = rest {
            builder.merge(other);
            counts.extend(more);
        }
        for (e, words) in self.entries.iter_mut().zip(counts) {
            e.words = words;
        }
        self.words = builder.build();
    }

    /// The text of entry `entry` (what a [`Hit`] matched).
    pub fn text<'d>(&self, ds: &'d Dataset, entry: u32) -> &'d str {
        let Some(e) = self.entries.get(entry as usize) else {
            return "";
        };
        let alias = |aliases: &'d [String]| aliases.get(e.alias as usize).map(String::as_str);
        let text = match (e.target, e.field) {
            (Record::Person(p), f) => ds.people.get(p as usize).and_then(|p| match f {
                Field::Name => Some(p.name.as_str()),
                Field::Alias => alias(&p.aliases),
                _ => Some(p.summary.as_str()),
            }),
            (Record::Org(o), f) => ds.orgs.get(o as usize).and_then(|o| match f {
                Field::Name => Some(o.name.as_str()),
                Field::Alias => alias(&o.aliases),
                _ => Some(o.summary.as_str()),
            }),
            (Record::Event(i), f) => ds.events.get(i as usize).and_then(|e| match f {
                Field::Quote => e.quote(),
                Field::Role => e.role(),
                _ => Some(e.summary.as_str()),
            }),
            (Record::Source(i), f) => ds.sources.get(i as usize).and_then(|s| match f {
                Field::Outlet => s.outlet.as_deref(),
                _ => Some(s.title.as_str()),
            }),
        };
        text.unwrap_or("")
    }

    fn hay(&self, entry: u32) -> &[u8] {
        self.entries
            .get(entry as usize)
            .and_then(|e| self.folded.get(e.start as usize..(e.start + e.len) as usize))
            .unwrap_or(&[])
    }

    /// The best `limit` records for `query`, one hit per record.
    pub fn search(&self, ds: &Dataset, query: &str, limit: usize) -> Vec<Hit> {
        self.search_in(ds, query, limit, &mut Session::default(), &|| false)
            .unwrap_or_default()
    }

    /// Like [`search`](Self::search), reusing what the previous query in
    /// `session` found: its word lookups, and its subsequence candidates
    /// when `query` extends it. Returns `None`, leaving the session as it
    /// was, if `cancelled` turns true mid-way.
    pub fn search_in(
        &self,
        ds: &Dataset,
        query: &str,
        limit: usize,
        session: &mut Session,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Hit>> {
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

    /// Where a record's best entry is kept while ranking.
    fn slot(&self, r: Record) -> usize {
        let [people, orgs, events, _] = self.counts;
        match r {
            Record::Person(i) => i as usize,
            Record::Org(i) => people + i as usize,
            Record::Event(i) => people + orgs + i as usize,
            Record::Source(i) => people + orgs + events + i as usize,
        }
    }

    /// Keeps the records that every group of the plan matches (any of
    /// their texts may match each term), ranks their entries found by
    /// either layer or by an exact term, keeps each record's best, and
    /// returns the best `limit` records as hits.
    fn rank(
        &self,
        ds: &Dataset,
        plan: &Plan,
        layers: &Layers,
        limit: usize,
        scratch: &mut Scratch,
    ) -> Vec<Hit> {
        let records: usize = self.counts.iter().sum();
        if scratch.records.len() < records {
            scratch.records.resize(records, Agg::default());
        }
        let mut touched = Vec::new();
        let aggs = &mut scratch.records;
        let mut agg = |entry: u32, f: &mut dyn FnMut(&mut Agg)| {
            let Some(e) = self.entries.get(entry as usize) else {
                return;
            };
            let slot = self.slot(e.target);
            if let Some(a) = aggs.get_mut(slot) {
                if !a.seen {
                    a.seen = true;
                    touched.push(slot);
                }
                f(a);
            }
        };
        for &(entry, a) in layers.acc {
            agg(entry, &mut |g| {
                g.mask |= a.mask;
                g.candidate = true;
            });
        }
        for &(entry, _, _) in layers.fuzzy {
            agg(entry, &mut |g| {
                g.mask |= plan.needle_mask;
                g.candidate = true;
            });
        }
        for (j, (f, found)) in layers.filters.iter().enumerate() {
            for &entry in found {
                agg(entry, &mut |g| {
                    g.filters |= 1 << j;
                    g.candidate |= !f.negated;
                });
            }
        }
        let keeps = |g: &Agg| {
            g.candidate
                && plan.groups.iter().all(|alts| {
                    alts.iter().any(|&alt| match alt {
                        Alt::Words(m) => g.mask & m == m,
                        Alt::Filter(j, negated) => (g.filters >> j & 1 == 1) != negated,
                    })
                })
        };
        let kept: Vec<bool> = touched.iter().map(|&s| aggs.get(s).is_some_and(keeps)).collect();
        // Leave the scratch space clean for the next query, and keep which
        // records passed in it.
        for (&slot, &k) in touched.iter().zip(&kept) {
            if let Some(a) = aggs.get_mut(slot) {
                *a = Agg {
                    seen: k,
                    ..Agg::default()
                };
            }
        }
        let hits = self.best(ds, plan, layers, limit, &mut scratch.best, &scratch.records);
        for slot in touched {
            if let Some(a) = scratch.records.get_mut(slot) {
                a.seen = false;
            }
        }
        hits
    }

    /// Ranks the entries of the records marked `seen` in `passed`, keeps
    /// each record's best, and returns the best `limit` as hits.
    fn best(
        &self,
        ds: &Dataset,
        plan: &Plan,
        layers: &Layers,
        limit: usize,
        best: &mut Vec<Best>,
        passed: &[Agg],
    ) -> Vec<Hit> {
        // `unmatched`: words of the text that no query word matched. The
        // fields take 4+4+1+4+2+4+20+16+8 = 63 bits, so the score is positive.
        let key =
            |e: &Entry, count: u32, typos: u8, subsequence: bool, prefixes: u8, unmatched: u8, skim: i64| {
                Key::default()
                    .push(u64::from(count), 4)
                    .push(15 - u64::from(typos.min(15)), 4)
                    .push(u64::from(!subsequence), 1)
                    .push(15 - u64::from(prefixes.min(15)), 4)
                    .push(e.field.weight(), 2)
                    .push(15 - u64::from(unmatched.min(15)), 4)
                    .push(u64::from(e.prominence), 20)
                    .push(skim.max(0) as u64, 16)
                    .push(255 - u64::from(e.words), 8)
                    .0
            };
        let records: usize = self.counts.iter().sum();
        if best.len() < records {
            best.resize(records, Best::default());
        }
        // Positive exact terms an entry matches count like query words.
        let positive: Vec<&[u32]> = layers
            .filters
            .iter()
            .filter(|(f, _)| !f.negated)
            .map(|(_, found)| found.as_slice())
            .collect();
        let exact = |entry: u32| -> u32 {
            positive
                .iter()
                .filter(|found| found.binary_search(&entry).is_ok())
                .count() as u32
        };
        let query_words = plan.all_words().count_ones();
        let mut slots = Vec::new();
        let mut offer = |candidate: Best| {
            let Some(e) = self.entries.get(candidate.entry as usize) else {
                return;
            };
            let slot = self.slot(e.target);
            if !passed.get(slot).is_some_and(|a| a.seen) {
                return;
            }
            let Some(b) = best.get_mut(slot) else {
                return;
            };
            if b.key == 0 {
                slots.push(slot);
            }
            if candidate.key > b.key || (candidate.key == b.key && candidate.entry < b.entry) {
                *b = candidate;
            }
        };
        for &(entry, a) in layers.acc {
            if let Some(e) = self.entries.get(entry as usize) {
                let unmatched = e.words.saturating_sub(a.covered);
                let count = a.mask.count_ones() + exact(entry);
                let key = key(e, count, a.typos, false, a.prefixes, unmatched, 0);
                let quality = if a.prefixes > 0 {
                    Quality::Prefix
                } else {
                    Quality::Word
                };
                offer(Best {
                    key,
                    entry,
                    kind: kind_rank(e.target),
                    typos: a.typos,
                    quality,
                });
            }
        }
        for &(entry, skim, skipped) in layers.fuzzy {
            if let Some(e) = self.entries.get(entry as usize) {
                let key = key(e, query_words + exact(entry), 15, true, 0, 15, skim);
                offer(Best {
                    key,
                    entry,
                    kind: kind_rank(e.target),
                    typos: skipped,
                    quality: Quality::Subsequence,
                });
            }
        }
        for found in &positive {
            for &entry in found.iter() {
                if let Some(e) = self.entries.get(entry as usize) {
                    let key = key(e, exact(entry), 0, false, 0, e.words.saturating_sub(1), 0);
                    offer(Best {
                        key,
                        entry,
                        kind: kind_rank(e.target),
                        typos: 0,
                        quality: Quality::Exact,
                    });
                }
            }
        }
        // Leave the scratch space clean for the next query.
        let mut ranked: Vec<Best> = slots
            .iter()
            .filter_map(|&s| best.get_mut(s).map(std::mem::take))
            .collect();
        // Ties: people, organizations, events, sources, then index order.
        let order = |a: &Best, b: &Best| {
            b.key
                .cmp(&a.key)
                .then(a.kind.cmp(&b.kind))
                .then(a.entry.cmp(&b.entry))
        };
        if ranked.len() > limit {
            ranked.select_nth_unstable_by(limit, order);
            ranked.truncate(limit);
        }
        ranked.sort_by(order);
        ranked
            .into_iter()
            .filter_map(|b| {
                let e = self.entries.get(b.entry as usize)?;
                let text = self.text(ds, b.entry);
                let mut indices = match b.quality {
                    Quality::Subsequence => self.subsequence_indices(text, layers.needle),
                    _ => highlight(text, layers.lookups, e.field),
                };
                indices.extend(filter_indices(text, layers.filters));
                indices.sort_unstable();
                indices.dedup();
                Some(Hit {
                    target: e.target,
                    score: b.key as i64,
                    entry: b.entry,
                    indices,
                    field: e.field,
                    typos: b.typos,
                    quality: b.quality,
                })
            })
            .collect()
    }

    /// Char positions of `text` that the subsequence layer matched.
    fn subsequence_indices(&self, text: &str, needle: &[u8]) -> Vec<usize> {
        let (folded, map) = fold_mapped(text);
        let (Ok(hay), Ok(needle)) = (std::str::from_utf8(&folded), std::str::from_utf8(needle)) else {
            return Vec::new();
        };
        let found = self.matcher.fuzzy_indices(hay, needle).map(|m| m.1);
        to_chars(found.unwrap_or_default().into_iter(), &map)
    }
}

/// A record's best entry so far while ranking.
#[derive(Clone, Copy, Debug)]
struct Best {
    /// Ranking criteria packed, higher first; 0 while there is none.
    key: u64,
    entry: u32,
    /// [`kind_rank`] of its record.
    kind: u8,
    typos: u8,
    quality: Quality,
}

impl Default for Best {
    fn default() -> Self {
        Best {
            key: 0,
            entry: 0,
            kind: 0,
            typos: 0,
            quality: Quality::Word,
        }
    }
}

/// What the layers found for a query, for ranking.
struct Layers<'a> {
    acc: &'a [(u32, Acc)],
    fuzzy: &'a [(u32, i64, u8)],
    needle: &'a [u8],
    lookups: &'a [(Term, Vec<WordMatch>)],
    filters: &'a [(Filter, Vec<u32>)],
}

/// Char positions of `text` that the positive exact and anchored terms
/// match.
fn filter_indices(text: &str, filters: &[(Filter, Vec<u32>)]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut folded = None;
    let mut kept = None;
    for (f, _) in filters.iter().filter(|(f, _)| !f.negated) {
        let (hay, map) = if f.case_sensitive {
            kept.get_or_insert_with(|| fold_kept_mapped(text))
        } else {
            folded.get_or_insert_with(|| fold_mapped(text))
        };
        let bytes = f.spans(hay).into_iter().flat_map(|(s, e)| s..e);
        out.extend(to_chars(bytes, map));
    }
    out
}

/// Folded byte positions to sorted, distinct char positions.
fn to_chars(bytes: impl Iterator<Item = usize>, map: &[u32]) -> Vec<usize> {
    let mut chars: Vec<usize> = bytes.filter_map(|b| map.get(b).map(|&c| c as usize)).collect();
    chars.sort_unstable();
    chars.dedup();
    chars
}

/// Char positions of the words of `text` that the query's terms match, the
/// way the word layer matched them (typos included; a prefix only as far
/// as it matched).
fn highlight(text: &str, lookups: &[(Term, Vec<WordMatch>)], field: Field) -> Vec<usize> {
    let (folded, map) = fold_mapped(text);
    let spans: Vec<(usize, usize)> = fold::words(&folded).collect();
    let mut marked = Vec::new();
    let matches = |word: &[u8]| -> Option<usize> {
        lookups.iter().find_map(|(t, _)| {
            let budget = typo_budget(t.text.len());
            if distance(&t.text, word, budget, false).is_some() {
                return Some(word.len());
            }
            if t.typing {
                return distance(&t.text, word, budget, true).map(|(_, len)| len);
            }
            (t.text.len() >= 3 && word.starts_with(&t.text)).then_some(t.text.len())
        })
    };
    let joined = matches!(field, Field::Name | Field::Alias);
    for (j, &(s, e)) in spans.iter().enumerate() {
        if let Some(len) = matches(&folded[s..e]) {
            marked.extend(s..s + len);
        } else if let (true, Some(&(s2, e2))) = (joined, spans.get(j + 1)) {
            let both = [&folded[s..e], &folded[s2..e2]].concat();
            if matches(&both) == Some(both.len()) {
                marked.extend((s..e).chain(s2..e2));
            }
        }
    }
    to_chars(marked.into_iter(), &map)
}
