//! Highlighting: the char positions of a hit's text to mark for display,
//! found again on that one text the way each layer matched it (words with
//! their typos, a prefix only as far as it matched, the subsequence's
//! letters, the exact and anchored terms' spans).

use super::execute::Layers;
use super::fold::{self, distance, fold_kept_mapped, fold_mapped, typo_budget};
use super::plan::Filter;
use super::words::WordMatch;
use super::{Field, Quality, SearchIndex, Term};
use fuzzy_matcher::FuzzyMatcher;

impl SearchIndex {
    /// Char positions of `text` (a `field` text) to highlight for a hit of
    /// `quality`: what its layer matched and what the positive exact and
    /// anchored terms match, sorted and distinct.
    pub(super) fn indices(&self, text: &str, quality: Quality, field: Field, layers: &Layers) -> Vec<usize> {
        let mut indices = match quality {
            Quality::Subsequence => self.subsequence_indices(text, layers.needle),
            _ => highlight(text, layers.lookups, field),
        };
        indices.extend(filter_indices(text, layers.filters));
        indices.sort_unstable();
        indices.dedup();
        indices
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
