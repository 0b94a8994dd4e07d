//! Search over everything a reader remembers: names and aliases, summaries,
//! quotes, roles, and source titles and outlets; typo-tolerant and
//! name-first, ranked best first, one hit per record.
//!
//! Texts are folded (case, diacritics, other scripts transliterated) into
//! one contiguous buffer at load. A query runs two layers:
//!
//! 1. words (`words`): each query word, and each pair of neighbouring
//!    query words written as one (`deep mind` → `deepmind`), is looked up
//!    in an FST of every word (plus, for names and aliases, every pair of
//!    neighbouring words as one: `scale ai` → `scaleai`), exactly, as a
//!    prefix and within its typo budget (Damerau-Levenshtein automata);
//!    the entries it occurs in are read from posting lists;
//! 2. subsequence (`fuzzy`): the query's letters in order through a name
//!    or alias, scored by fuzzy-matcher, kept only when they read like an
//!    abbreviation. Typing narrows this scan to the previous candidates.
//!
//! Ranking, in order: query words matched, fewest typos, whole words over
//! prefixes over subsequences, names over details (quotes, roles, outlets)
//! over summaries, fewest words of the text left unmatched (`Meta` before
//! `Meta Superintelligence Labs`), then prominence (events a person or
//! organization is in, events citing a source).
//!
//! The code follows a query's path: `query` parses it and `plan`
//! turns it into work; `index` builds the haystack (`fold` folds the
//! texts, `words` indexes their words) once per dataset; `execute`
//! runs the layers (`words`, `fuzzy`, the exact and anchored terms);
//! `link` gathers what the records each event links matched, `rank`
//! scores and orders what they found, and `highlight` marks
//! the matched characters of each hit.

mod execute;
mod fold;
mod fuzzy;
mod highlight;
mod index;
mod link;
mod plan;
pub mod query;
mod rank;
mod words;

#[cfg(test)]
mod linked_tests;
#[cfg(test)]
mod tests;

use crate::model::Record;
use fuzzy_matcher::skim::SkimMatcherV2;
use plan::Filter;
use words::{WordMatch, Words};

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
    /// An event's amount: as the article words it, or its value spelt
    /// out (`14.3 billion USD 14.3B`).
    Amount,
    /// An event's disputed note or one of its alternative values.
    Dispute,
    /// An event's uncertain note (one source's reading) or one of its
    /// alternative values.
    Uncertain,
    /// A record the event links: one of its people or organizations
    /// (group origins included) or sources, matched by name, alias or
    /// title (see [`Hit::via`]).
    Linked,
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
            Field::Amount => "amount",
            Field::Dispute => "dispute",
            Field::Uncertain => "uncertain",
            Field::Linked => "linked",
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
    /// The ranking criteria packed into one number below 2^53 (exact in
    /// a double), higher first; equal scores rank people, organizations,
    /// events, sources, then in dataset order.
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
    /// For an event: the texts of the records it links that matched
    /// (`via Sam Altman`), best first, at most [`MAX_VIA`].
    pub via: Vec<Via>,
}

/// Linked texts a hit names, at most.
pub const MAX_VIA: usize = 3;

/// A linked record's text an event matched through.
#[derive(Clone, Debug, PartialEq)]
pub struct Via {
    /// The record linked.
    pub target: Record,
    /// Which of its texts, see [`SearchIndex::text`].
    pub entry: u32,
    /// Char positions matched in that text.
    pub indices: Vec<usize>,
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

/// An `alias` of a [`Field::Amount`] entry: the text is the amount's own.
const FROM_DATA: u32 = u32::MAX;

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
    /// The events that link the person, organization or source in
    /// link slot `k` are `linked[links[k]..links[k + 1]]` (people, then
    /// organizations, then sources): an event's linked texts are found
    /// through these, never copied.
    links: Vec<u32>,
    linked: Vec<u32>,
    /// Texts made for the index (amounts spelt out), for [`Field::Amount`]
    /// entries whose `alias` is not [`FROM_DATA`].
    made: Vec<String>,
    matcher: SkimMatcherV2,
}

impl SearchIndex {
    /// Bytes the index holds on the heap (its tables, the folded texts,
    /// the word index), as the benches report it.
    pub fn heap_bytes(&self) -> usize {
        let made: usize = self.made.iter().map(String::capacity).sum();
        self.entries.capacity() * std::mem::size_of::<Entry>()
            + self.folded.capacity()
            + 4 * (self.short.capacity()
                + self.starts.capacity()
                + self.links.capacity()
                + self.linked.capacity())
            + made
            + self.words.heap_bytes()
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex")
            .field("entries", &self.entries.len())
            .field("words", &self.words.len())
            .finish()
    }
}
