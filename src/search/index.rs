//! Building the haystack once per dataset: every searchable text of every
//! record folded into one buffer as an [`Entry`], the word index over
//! them, and where each record's entries start; plus reading an entry's
//! text back (original or folded) and a record's ranking slot.

use super::fold::fold_into;
use super::words::{Words, WordsBuilder};
use super::{Entry, FROM_DATA, Field, SearchIndex};
use crate::model::{Amount, Dataset, Disputed, Record};
use fuzzy_matcher::skim::SkimMatcherV2;

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
            links: Vec::new(),
            linked: Vec::new(),
            made: Vec::new(),
            counts: [ds.people.len(), ds.orgs.len(), ds.events.len(), ds.sources.len()],
            matcher: SkimMatcherV2::default(),
        };
        index.add_texts(ds);
        index.index_words();
        index.starts = index.record_starts();
        index.link(ds);
        index
    }

    /// Lists, for each person, organization and source, the events that
    /// link it (each event once per record).
    fn link(&mut self, ds: &Dataset) {
        let [people, orgs, _, sources] = self.counts;
        let mut links = Vec::with_capacity(people + orgs + sources + 1);
        let mut linked = Vec::new();
        links.push(0);
        for list in ds.person_events.iter().chain(&ds.org_events) {
            linked.extend_from_slice(list);
            links.push(linked.len() as u32);
        }
        let mut cited: Vec<Vec<u32>> = vec![Vec::new(); sources];
        for (i, e) in ds.events.iter().enumerate() {
            for &s in &e.sources {
                if let Some(c) = cited.get_mut(s as usize)
                    && c.last() != Some(&(i as u32))
                {
                    c.push(i as u32);
                }
            }
        }
        for list in cited {
            linked.extend_from_slice(&list);
            links.push(linked.len() as u32);
        }
        self.links = links;
        self.linked = linked;
    }

    /// The events that link the record whose name, alias or title entry
    /// `entry` is (none for other texts).
    pub(super) fn linking(&self, entry: u32) -> &[u32] {
        let Some(e) = self.entries.get(entry as usize) else {
            return &[];
        };
        let [people, orgs, _, _] = self.counts;
        let k = match (e.target, e.field) {
            (Record::Person(p), Field::Name | Field::Alias) => p as usize,
            (Record::Org(o), Field::Name | Field::Alias) => people + o as usize,
            (Record::Source(s), Field::Title) => people + orgs + s as usize,
            _ => return &[],
        };
        let (Some(&from), Some(&to)) = (self.links.get(k), self.links.get(k + 1)) else {
            return &[];
        };
        self.linked.get(from as usize..to as usize).unwrap_or(&[])
    }

    /// The entries of the records event `event` links, whose texts it can
    /// be found by: its people's, organizations' and sources'.
    pub(super) fn linked_slots(&self, ds: &Dataset, event: u32) -> Vec<usize> {
        let Some(e) = ds.events.get(event as usize) else {
            return Vec::new();
        };
        let people = e.people.iter().map(|&p| Record::Person(p));
        let orgs = e.all_orgs().map(Record::Org);
        let sources = e.sources.iter().map(|&s| Record::Source(s));
        people.chain(orgs).chain(sources).map(|r| self.slot(r)).collect()
    }
    /// Appends an entry for every searchable text: people, organizations,
    /// events, then sources, each record's texts together.
    fn add_texts(&mut self, ds: &Dataset) {
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
            push(self, r, Field::Name, 0, &p.name);
            for (k, a) in p.aliases.iter().enumerate() {
                push(self, r, Field::Alias, k, a);
            }
            push(self, r, Field::Summary, 0, &p.summary);
        }
        for (i, o) in ds.orgs.iter().enumerate() {
            let r = Record::Org(i as u32);
            push(self, r, Field::Name, 0, &o.name);
            for (k, a) in o.aliases.iter().enumerate() {
                push(self, r, Field::Alias, k, a);
            }
            push(self, r, Field::Summary, 0, &o.summary);
        }
        for (i, e) in ds.events.iter().enumerate() {
            let r = Record::Event(i as u32);
            push(self, r, Field::Summary, 0, &e.summary);
            if let Some(q) = e.quote() {
                push(self, r, Field::Quote, 0, q);
            }
            if let Some(role) = e.role() {
                push(self, r, Field::Role, 0, role);
            }
            if let Some(a) = e.amount() {
                if let Some(text) = &a.text {
                    push(self, r, Field::Amount, FROM_DATA as usize, text);
                }
                let (spelt, k) = (spell(a), self.made.len());
                push(self, r, Field::Amount, k, &spelt);
                self.made.push(spelt);
            }
            for (field, block) in [(Field::Dispute, e.disputed()), (Field::Uncertain, e.uncertain())] {
                for (k, text) in block.into_iter().flat_map(Disputed::texts).enumerate() {
                    push(self, r, field, k, text);
                }
            }
        }
        for (i, s) in ds.sources.iter().enumerate() {
            let r = Record::Source(i as u32);
            push(self, r, Field::Title, 0, &s.title);
            if let Some(outlet) = &s.outlet {
                push(self, r, Field::Outlet, 0, outlet);
            }
        }
    }

    /// Where each record's entries start: the entries of the record in
    /// slot `s` are `starts[s]..starts[s + 1]`.
    fn record_starts(&self) -> Vec<u32> {
        let records: usize = self.counts.iter().sum();
        let mut starts = vec![0u32; records + 1];
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(s) = starts.get_mut(self.slot(e.target) + 1) {
                *s = i as u32 + 1;
            }
        }
        for s in 1..starts.len() {
            starts[s] = starts[s].max(starts[s - 1]);
        }
        starts
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

    /// The text of entry `entry` (what a [`Hit`](super::Hit) matched).
    pub fn text<'d>(&'d self, ds: &'d Dataset, entry: u32) -> &'d str {
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
            (Record::Event(i), f) => ds.events.get(i as usize).and_then(|ev| match f {
                Field::Quote => ev.quote(),
                Field::Role => ev.role(),
                Field::Amount if e.alias == FROM_DATA => ev.amount().and_then(|a| a.text.as_deref()),
                Field::Amount => self.made.get(e.alias as usize).map(String::as_str),
                Field::Dispute => ev.disputed().and_then(|d| d.texts().nth(e.alias as usize)),
                Field::Uncertain => ev.uncertain().and_then(|d| d.texts().nth(e.alias as usize)),
                _ => Some(ev.summary.as_str()),
            }),
            (Record::Source(i), f) => ds.sources.get(i as usize).and_then(|s| match f {
                Field::Outlet => s.outlet.as_deref(),
                _ => Some(s.title.as_str()),
            }),
        };
        text.unwrap_or("")
    }

    /// The first entry of `r` (an event's summary).
    pub(super) fn first_entry(&self, r: Record) -> Option<u32> {
        self.starts.get(self.slot(r)).copied()
    }

    /// The folded bytes of entry `entry`.
    pub(super) fn hay(&self, entry: u32) -> &[u8] {
        self.entries
            .get(entry as usize)
            .and_then(|e| self.folded.get(e.start as usize..(e.start + e.len) as usize))
            .unwrap_or(&[])
    }

    /// Where a record's best entry is kept while ranking.
    pub(super) fn slot(&self, r: Record) -> usize {
        let [people, orgs, events, _] = self.counts;
        match r {
            Record::Person(i) => i as usize,
            Record::Org(i) => people + i as usize,
            Record::Event(i) => people + orgs + i as usize,
            Record::Source(i) => people + orgs + events + i as usize,
        }
    }
}

/// An amount's value spelt out, for search: `USD 14.3B 14.3 billion`,
/// and its equivalent the same way.
fn spell(a: &Amount) -> String {
    let mut out = String::new();
    for a in std::iter::once(a).chain(a.equivalent.as_deref()) {
        let normalized = a.normalized();
        let number = normalized.split_once(' ').map_or("", |(_, n)| n);
        let word = match number.chars().last() {
            Some('T') => "trillion",
            Some('B') => "billion",
            Some('M') => "million",
            Some('K') => "thousand",
            _ => "",
        };
        let digits = number.trim_end_matches(char::is_alphabetic);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&format!("{normalized} {digits} {word}"));
    }
    out.trim_end().to_string()
}
