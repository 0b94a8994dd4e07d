//! The subsequence layer, for what typos cannot express: letters left out
//! anywhere (`shngjia`, `zkrbrg`) and initials. Only short texts (names,
//! aliases, titles) take part, so a letter scattered through a long summary
//! never counts.
//!
//! A memchr subsequence prefilter runs over every such text, or only over
//! the previous query's candidates when the new query extends it; split
//! across cores; a cheap pre-rank keeps the best [`RESCORE`] for
//! fuzzy-matcher's Skim score.

use super::fold::is_word_byte;

/// How many prefiltered candidates get the full fuzzy score.
pub const RESCORE: usize = 300;

/// Entries scanned between checks for cancellation.
pub const CANCEL_STRIDE: usize = 4_096;

/// Whether `needle`'s bytes occur in order in `hay`; returns the first and
/// last matched positions of the leftmost greedy match.
pub fn subsequence(hay: &[u8], needle: &[u8]) -> Option<(usize, usize)> {
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
pub fn cheap_score(hay: &[u8], needle: &[u8], (first, last): (usize, usize)) -> i64 {
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

/// Whether matched positions `indices` of folded `hay` read like someone
/// abbreviating: the first matched letter starts a word, and every later
/// run of matched letters either starts a word or stays in the word of the
/// letter before it.
pub fn plausible(hay: &[u8], indices: &[usize]) -> bool {
    let starts_word = |i: usize| i == 0 || !hay.get(i - 1).copied().is_some_and(is_word_byte);
    let Some(&first) = indices.first() else {
        return false;
    };
    if !starts_word(first) {
        return false;
    }
    indices.windows(2).all(|w| {
        let (a, b) = (w[0], w[1]);
        b == a + 1 || starts_word(b) || hay.get(a..b).is_some_and(|s| s.iter().all(|&c| is_word_byte(c)))
    })
}

/// Runs `scan(from, to)` over `0..total`, split across up to 8 threads
/// when the work is large; `None` if any part was cancelled.
pub fn parallel<T: Send>(
    total: usize,
    scan: &(dyn Fn(usize, usize) -> Option<Vec<T>> + Sync),
) -> Option<Vec<T>> {
    // Small work first: asking for the cores reads cgroup files.
    if total < 20_000 {
        return scan(0, total);
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);
    if threads == 1 {
        return scan(0, total);
    }
    let parts: Vec<Option<Vec<T>>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| s.spawn(move || scan(total * t / threads, total * (t + 1) / threads)))
            .collect();
        handles.into_iter().map(|h| h.join().ok().flatten()).collect()
    });
    let mut all = Vec::new();
    for part in parts {
        all.extend(part?);
    }
    Some(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subsequence_and_cheap_score() {
        assert_eq!(subsequence(b"mark zuckerberg", b"zkb"), Some((5, 11)));
        assert_eq!(subsequence(b"abc", b"abcd"), None);
        let tight = cheap_score(b"zuckerberg", b"zuck", (0, 3));
        let loose = cheap_score(b"a zu ck", b"zuck", (2, 6));
        assert!(tight > loose);
    }

    #[test]
    fn plausible_abbreviations_only() {
        // shngjia in "shengjia zhao"
        assert!(plausible(b"shengjia zhao", &[0, 1, 3, 4, 5, 6, 7]));
        // initials: m z in "mark zuckerberg"
        assert!(plausible(b"mark zuckerberg", &[0, 5]));
        // "ssi" in "demis hassabis": starts mid-word
        assert!(!plausible(b"demis hassabis", &[8, 9, 12]));
        // jumps from one word into the middle of another
        assert!(!plausible(b"stargate project", &[4, 10]));
        assert!(!plausible(b"abc", &[]));
    }
}
