//! Ranking what the layers found: each record's texts merged to test the
//! query's groups, each matching text scored by its packed [`Key`] (the
//! criteria in the module docs of [`super`], most important first), each
//! record's best text kept, and the best records ordered into hits.

use super::execute::{Layers, Scratch};
use super::link::Link;
use super::plan::{Alt, Filter, Plan};
use super::{Entry, Field, Hit, Quality, SearchIndex, Via};
use crate::model::{Dataset, Record};

/// A record's best entry so far while ranking.
#[derive(Clone, Copy, Debug)]
pub(super) struct Best {
    /// Ranking criteria packed, higher first; 0 while there is none.
    key: u64,
    entry: u32,
    /// [`kind_rank`] of its record.
    kind: u8,
    typos: u8,
    quality: Quality,
    /// Which field it ranked as ([`Field::Linked`] when only linked
    /// records matched).
    field: Field,
    /// Whether linked records' texts added to the match.
    via: bool,
}

impl Default for Best {
    fn default() -> Self {
        Best {
            key: 0,
            entry: 0,
            kind: 0,
            typos: 0,
            quality: Quality::Word,
            field: Field::Summary,
            via: false,
        }
    }
}

/// What every text of one record matched together, while ranking.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Agg {
    /// Query words matched.
    mask: u32,
    /// Exact or anchored terms matched, bit i for filter i.
    filters: u32,
    /// Some positive term matched: the record is a candidate.
    candidate: bool,
    /// Listed among the records to clean up.
    seen: bool,
}

/// Ties between equal keys: people, organizations, events, sources.
fn kind_rank(r: Record) -> u8 {
    match r {
        Record::Person(_) => 0,
        Record::Org(_) => 1,
        Record::Event(_) => 2,
        Record::Source(_) => 3,
    }
}

impl Field {
    /// 3 for names, aliases and titles, 2 for details, 1 for summaries,
    /// 0 for the texts of linked records.
    fn weight(self) -> u64 {
        match self {
            Field::Name | Field::Alias | Field::Title => 3,
            Field::Quote
            | Field::Role
            | Field::Outlet
            | Field::Amount
            | Field::Dispute
            | Field::Uncertain => 2,
            Field::Summary => 1,
            Field::Linked => 0,
        }
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

/// How one entry matched, before packing into its [`Key`].
struct Criteria {
    /// Query words and positive exact terms matched.
    count: u32,
    typos: u8,
    subsequence: bool,
    /// Query words that matched only the start of a word.
    prefixes: u8,
    /// Words of the text that no query word matched.
    unmatched: u8,
    /// The subsequence layer's Skim score.
    skim: i64,
}

impl Criteria {
    /// The packed key of entry `e` matched this way. The fields take
    /// 4+4+1+4+2+4+16+12+6 = 53 bits, so every score is a whole number
    /// a JSON reader's double holds exactly (below 2^53); each field
    /// saturates at its largest value (prominence at 65,535 events, the
    /// Skim score at 4,095, the words of a text at 63).
    fn key(&self, e: &Entry) -> u64 {
        Key::default()
            .push(u64::from(self.count), 4)
            .push(15 - u64::from(self.typos.min(15)), 4)
            .push(u64::from(!self.subsequence), 1)
            .push(15 - u64::from(self.prefixes.min(15)), 4)
            .push(e.field.weight(), 2)
            .push(15 - u64::from(self.unmatched.min(15)), 4)
            .push(u64::from(e.prominence), 16)
            .push(self.skim.max(0) as u64, 12)
            .push(63 - u64::from(e.words.min(63)), 6)
            .0
    }
}

/// The entries each positive exact or anchored term matched (sorted):
/// each term an entry matches counts like a query word.
struct Positive<'a>(Vec<&'a [u32]>, Vec<usize>);

/// Bits of the positive exact or anchored terms.
fn positive_bits(filters: &[(Filter, Vec<u32>)]) -> u32 {
    filters
        .iter()
        .enumerate()
        .filter(|(_, (f, _))| !f.negated)
        .fold(0, |m, (j, _)| m | 1 << j)
}

impl<'a> Positive<'a> {
    fn new(filters: &'a [(Filter, Vec<u32>)]) -> Self {
        let positive = || filters.iter().enumerate().filter(|(_, (f, _))| !f.negated);
        Positive(
            positive().map(|(_, (_, found))| found.as_slice()).collect(),
            positive().map(|(j, _)| j).collect(),
        )
    }

    /// The positive terms entry `entry` matches, bit j for filter j.
    fn bits(&self, entry: u32) -> u32 {
        self.0
            .iter()
            .zip(&self.1)
            .filter(|(found, _)| found.binary_search(&entry).is_ok())
            .fold(0, |m, (_, &j)| m | 1 << j)
    }

    /// How many positive terms match entry `entry`.
    fn count(&self, entry: u32) -> u32 {
        self.0
            .iter()
            .filter(|found| found.binary_search(&entry).is_ok())
            .count() as u32
    }
}

/// Whether a record's texts together match every group of the plan.
fn keeps(plan: &Plan, g: &Agg) -> bool {
    g.candidate
        && plan.groups.iter().all(|alts| {
            alts.iter().any(|&alt| match alt {
                Alt::Words(m) => g.mask & m == m,
                Alt::Filter(j, negated) => (g.filters >> j & 1 == 1) != negated,
            })
        })
}

/// Each passing record's best entry so far, in the scratch table.
struct Board<'a> {
    index: &'a SearchIndex,
    best: &'a mut [Best],
    /// Records marked `seen` passed the plan's groups.
    passed: &'a [Agg],
    /// What each event's linked records matched, and the events touched.
    links: &'a [Link],
    linked: &'a [u32],
    /// Bits of the positive exact or anchored terms.
    positive: u32,
    /// Slots offered an entry, in the order first offered.
    slots: Vec<usize>,
}

impl Board<'_> {
    /// Keeps entry `entry` (which is `e`) as its record's best if it
    /// ranks higher than the one kept, or as high and earlier.
    fn offer(&mut self, entry: u32, e: &Entry, criteria: Criteria, typos: u8, quality: Quality, via: bool) {
        let slot = self.index.slot(e.target);
        if !self.passed.get(slot).is_some_and(|a| a.seen) {
            return;
        }
        let Some(b) = self.best.get_mut(slot) else {
            return;
        };
        let candidate = Best {
            key: criteria.key(e),
            entry,
            kind: kind_rank(e.target),
            typos,
            quality,
            field: e.field,
            via,
        };
        if b.key == 0 {
            self.slots.push(slot);
        }
        if candidate.key > b.key || (candidate.key == b.key && candidate.entry < b.entry) {
            *b = candidate;
        }
    }

    /// Offers the entries the word layer found.
    fn words(&mut self, layers: &Layers, positive: &Positive) {
        for &(entry, a) in layers.acc {
            let Some(e) = self.index.entries.get(entry as usize) else {
                continue;
            };
            // An event's text, with what its linked records add.
            let link = match e.target {
                Record::Event(i) => self.links.get(i as usize).copied().unwrap_or_default(),
                _ => Link::default(),
            };
            let own = positive.bits(entry);
            let via = link.mask & !a.mask != 0 || link.filters & self.positive & !own != 0;
            let (typos, prefixes) = if via {
                (
                    a.typos.saturating_add(link.typos),
                    a.prefixes.saturating_add(link.prefixes),
                )
            } else {
                (a.typos, a.prefixes)
            };
            let criteria = Criteria {
                count: (a.mask | link.mask).count_ones() + (own | link.filters & self.positive).count_ones(),
                typos,
                subsequence: false,
                prefixes,
                unmatched: e.words.saturating_sub(a.covered),
                skim: 0,
            };
            let quality = if prefixes > 0 {
                Quality::Prefix
            } else {
                Quality::Word
            };
            self.offer(entry, e, criteria, typos, quality, via);
        }
    }

    /// Offers the entries the subsequence layer found, as matching every
    /// query word; their typos are the letters left out.
    fn subsequences(&mut self, plan: &Plan, layers: &Layers, positive: &Positive) {
        let query_words = plan.all_words().count_ones();
        for &(entry, skim, skipped) in layers.fuzzy {
            let Some(e) = self.index.entries.get(entry as usize) else {
                continue;
            };
            let criteria = Criteria {
                count: query_words + positive.count(entry),
                typos: 15,
                subsequence: true,
                prefixes: 0,
                unmatched: 15,
                skim,
            };
            self.offer(entry, e, criteria, skipped, Quality::Subsequence, false);
        }
    }

    /// Offers the entries the positive exact and anchored terms matched.
    fn exact(&mut self, positive: &Positive) {
        for found in &positive.0 {
            for &entry in found.iter() {
                let Some(e) = self.index.entries.get(entry as usize) else {
                    continue;
                };
                let criteria = Criteria {
                    count: positive.count(entry),
                    typos: 0,
                    subsequence: false,
                    prefixes: 0,
                    unmatched: e.words.saturating_sub(1),
                    skim: 0,
                };
                self.offer(entry, e, criteria, 0, Quality::Exact, false);
            }
        }
    }

    /// Offers each event that linked records matched, by those alone, as
    /// its first text ranked as [`Field::Linked`].
    fn linked(&mut self) {
        for &ev in self.linked {
            let Some(&link) = self.links.get(ev as usize) else {
                continue;
            };
            let record = Record::Event(ev);
            let Some(entry) = self.index.first_entry(record) else {
                continue;
            };
            let Some(&e) = self.index.entries.get(entry as usize) else {
                continue;
            };
            let exact = (link.filters & self.positive).count_ones();
            let criteria = Criteria {
                count: link.mask.count_ones() + exact,
                typos: link.typos,
                subsequence: false,
                prefixes: link.prefixes,
                unmatched: 15,
                skim: 0,
            };
            let quality = match (link.mask, link.prefixes) {
                (0, _) => Quality::Exact,
                (_, 0) => Quality::Word,
                _ => Quality::Prefix,
            };
            let linked = Entry {
                field: Field::Linked,
                ..e
            };
            self.offer(entry, &linked, criteria, link.typos, quality, true);
        }
    }

    /// The best `limit` records' best entries, best first, leaving the
    /// scratch space clean for the next query.
    fn top(self, limit: usize) -> Vec<Best> {
        let Board { best, slots, .. } = self;
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
    }
}

/// The per-record and per-event tables ranking reads.
struct Tables<'a> {
    /// Records marked `seen` passed the plan's groups.
    passed: &'a [Agg],
    links: &'a [Link],
    /// Events whose linked records matched.
    linked: &'a [u32],
}

impl SearchIndex {
    /// Keeps the records that every group of the plan matches (any of
    /// their texts may match each term), ranks their entries found by
    /// either layer or by an exact term, keeps each record's best, and
    /// returns the best `limit` records as hits.
    pub(super) fn rank(
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
        let events = self.counts[2];
        if scratch.links.len() < events {
            scratch.links.resize(events, Link::default());
        }
        let linked = self.link_matches(layers, &mut scratch.links);
        let touched = self.aggregate(plan, layers, &linked, &scratch.links, &mut scratch.records);
        // Leave the scratch space clean for the next query, and keep which
        // records passed in it.
        for &slot in &touched {
            if let Some(a) = scratch.records.get_mut(slot) {
                *a = Agg {
                    seen: keeps(plan, a),
                    ..Agg::default()
                };
            }
        }
        let tables = Tables {
            passed: &scratch.records,
            links: &scratch.links,
            linked: &linked,
        };
        let hits = self.best(ds, plan, layers, limit, &mut scratch.best, &tables);
        for slot in touched {
            if let Some(a) = scratch.records.get_mut(slot) {
                a.seen = false;
            }
        }
        for ev in linked {
            if let Some(l) = scratch.links.get_mut(ev as usize) {
                *l = Link::default();
            }
        }
        hits
    }

    /// Merges what each layer and term found into its record's [`Agg`];
    /// returns the slots it touched (marked `seen`), each once.
    fn aggregate(
        &self,
        plan: &Plan,
        layers: &Layers,
        linked: &[u32],
        links: &[Link],
        aggs: &mut [Agg],
    ) -> Vec<usize> {
        let mut touched = Vec::new();
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
        let positive = positive_bits(layers.filters);
        for &ev in linked {
            let (Some(l), Some(entry)) = (links.get(ev as usize), self.first_entry(Record::Event(ev))) else {
                continue;
            };
            agg(entry, &mut |g| {
                g.mask |= l.mask;
                g.filters |= l.filters;
                g.candidate |= l.mask != 0 || l.filters & positive != 0;
            });
        }
        touched
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
        tables: &Tables,
    ) -> Vec<Hit> {
        let records: usize = self.counts.iter().sum();
        if best.len() < records {
            best.resize(records, Best::default());
        }
        let positive = Positive::new(layers.filters);
        let mut board = Board {
            index: self,
            best,
            passed: tables.passed,
            links: tables.links,
            linked: tables.linked,
            positive: positive_bits(layers.filters),
            slots: Vec::new(),
        };
        board.words(layers, &positive);
        board.subsequences(plan, layers, &positive);
        board.exact(&positive);
        board.linked();
        board
            .top(limit)
            .into_iter()
            .filter_map(|b| self.hit(ds, layers, tables.links, b))
            .collect()
    }

    /// A ranked entry as a hit, with the characters to highlight.
    fn hit(&self, ds: &Dataset, layers: &Layers, links: &[Link], b: Best) -> Option<Hit> {
        let e = self.entries.get(b.entry as usize)?;
        let text = self.text(ds, b.entry);
        let link = match (e.target, b.via) {
            (Record::Event(i), true) => links.get(i as usize).copied().unwrap_or_default(),
            _ => Link::default(),
        };
        let via = link
            .vias()
            .iter()
            .filter_map(|&v| {
                let linked = self.entries.get(v as usize)?;
                let text = self.text(ds, v);
                Some(Via {
                    target: linked.target,
                    entry: v,
                    indices: self.indices(text, Quality::Word, linked.field, layers),
                })
            })
            .collect();
        let indices = match b.field {
            Field::Linked => Vec::new(),
            field => self.indices(text, b.quality, field, layers),
        };
        Some(Hit {
            target: e.target,
            score: b.key as i64,
            entry: b.entry,
            indices,
            field: b.field,
            typos: b.typos,
            quality: b.quality,
            via,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bits of a packed [`Key`].
    const KEY_BITS: u32 = 53;

    #[test]
    fn the_best_key_fits_in_a_double() {
        let entry = Entry {
            target: Record::Person(0),
            field: Field::Name,
            alias: 0,
            start: 0,
            len: 0,
            words: 0,
            prominence: u32::MAX,
        };
        let best = Criteria {
            count: u32::MAX,
            typos: 0,
            subsequence: false,
            prefixes: 0,
            unmatched: 0,
            skim: i64::MAX,
        };
        // Every field at its best; names weigh 3 of 3.
        let top = best.key(&entry);
        assert!((1 << (KEY_BITS - 1)..1 << KEY_BITS).contains(&top), "{top}");
        assert_eq!(top as f64 as u64, top, "exact in a double");
        let worst = Criteria {
            count: 0,
            typos: u8::MAX,
            subsequence: true,
            prefixes: u8::MAX,
            unmatched: u8::MAX,
            skim: i64::MIN,
        };
        let long = Entry {
            words: u8::MAX,
            prominence: 0,
            field: Field::Linked,
            ..entry
        };
        assert_eq!(worst.key(&long), 0);
    }
}
