//! "Did you mean" for ids typed on the command line: only plausible typos,
//! only among ids of comparable length, and within a time bound, so a
//! pasted 100 KB id is answered at once.

use std::time::{Duration, Instant};

/// Most suggestions offered.
const MAX: usize = 5;

/// Time spent comparing at most; the ids compared by then are enough.
const BUDGET: Duration = Duration::from_millis(200);

/// Up to five of `candidates` close enough to `wanted` to be a typo of it,
/// closest first; none for a blank `wanted` or one like no candidate.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let wanted = wanted.trim();
    if wanted.is_empty() {
        return Vec::new();
    }
    let start = Instant::now();
    let mut close: Vec<(f64, &str)> = candidates
        .into_iter()
        .take_while(|_| start.elapsed() < BUDGET)
        .filter(|c| comparable(wanted.len(), c.len()))
        .filter_map(|c| Some((closeness(wanted, c)?, c)))
        .collect();
    close.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    close.into_iter().take(MAX).map(|(_, c)| c).collect()
}

/// Whether two lengths are close enough for one text to be a typo or a
/// part of the other.
fn comparable(a: usize, b: usize) -> bool {
    a.max(b) <= 2 * a.min(b) + 4
}

/// How close `candidate` is to `wanted` (higher is closer), if it is a
/// plausible meaning of it: nearly the same letters, or `wanted` is a real
/// part of it (`altman` for `sam-altman`).
fn closeness(wanted: &str, candidate: &str) -> Option<f64> {
    let letters = strsim::jaro_winkler(wanted, candidate);
    let part = wanted.len() >= 3 && candidate.contains(wanted);
    (letters >= 0.8 || part).then_some(letters + if part { 0.3 } else { 0.0 })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_and_parts_but_nothing_arbitrary() {
        let ids = ["sam-altman", "meta", "openai", "elon-musk"];
        assert_eq!(suggest("sam-altmann", ids), vec!["sam-altman"]);
        assert_eq!(suggest("altman", ids), vec!["sam-altman"]);
        let mut musks = suggest("musk", ["kimball-musk", "elon-musk", "meta"]);
        musks.sort_unstable();
        assert_eq!(musks, vec!["elon-musk", "kimball-musk"]);
        assert!(suggest("", ids).is_empty());
        assert!(suggest("   ", ids).is_empty());
        assert!(suggest("zzqqxxvv", ids).is_empty());
        assert!(suggest(&"sam-altman".repeat(1000), ids).is_empty());
    }
}
