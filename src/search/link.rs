//! Events found through the records they link: what the names, aliases
//! and titles of each event's people, organizations and sources matched,
//! gathered per event while ranking.

use super::execute::Layers;
use super::{MAX_VIA, SearchIndex};

/// What the texts of the records one event links matched together
/// (their names, aliases and titles), while ranking.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Link {
    /// Query words matched.
    pub(super) mask: u32,
    pub(super) typos: u8,
    pub(super) prefixes: u8,
    /// Exact or anchored terms matched, bit i for filter i.
    pub(super) filters: u32,
    /// The linked texts that matched, best first.
    via: [u32; MAX_VIA],
    vias: u8,
}

impl Link {
    pub(super) fn add_via(&mut self, entry: u32) {
        let n = usize::from(self.vias);
        if n < MAX_VIA && !self.via[..n].contains(&entry) {
            self.via[n] = entry;
            self.vias += 1;
        }
    }

    /// The linked texts that matched.
    pub(super) fn vias(&self) -> &[u32] {
        &self.via[..usize::from(self.vias).min(MAX_VIA)]
    }
}

impl SearchIndex {
    /// What the names, aliases and titles each event links matched, the
    /// best matches claiming a query word first; returns the events
    /// touched, each once.
    pub(super) fn link_matches(&self, layers: &Layers, links: &mut [Link]) -> Vec<u32> {
        let mut order: Vec<&(u32, super::execute::Acc)> = layers
            .acc
            .iter()
            .filter(|(entry, _)| !self.linking(*entry).is_empty())
            .collect();
        order.sort_by_key(|(entry, a)| {
            (
                a.typos,
                a.prefixes,
                std::cmp::Reverse(a.mask.count_ones()),
                *entry,
            )
        });
        let mut touched = Vec::new();
        let mut fresh = |l: &mut Link, ev: u32| {
            if l.mask == 0 && l.filters == 0 {
                touched.push(ev);
            }
        };
        for &&(entry, a) in &order {
            for &ev in self.linking(entry) {
                let Some(l) = links.get_mut(ev as usize) else {
                    continue;
                };
                let new = a.mask & !l.mask;
                if new == 0 {
                    continue;
                }
                fresh(l, ev);
                l.mask |= new;
                l.typos = l.typos.saturating_add(a.typos);
                l.prefixes = l.prefixes.saturating_add(a.prefixes);
                l.add_via(entry);
            }
        }
        for (j, (f, found)) in layers.filters.iter().enumerate() {
            for &entry in found {
                for &ev in self.linking(entry) {
                    let Some(l) = links.get_mut(ev as usize) else {
                        continue;
                    };
                    fresh(l, ev);
                    l.filters |= 1 << j;
                    if !f.negated {
                        l.add_via(entry);
                    }
                }
            }
        }
        touched
    }
}
