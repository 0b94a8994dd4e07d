//! Folding text for matching: case and diacritics removed, other scripts
//! transliterated (`Zhāng` → `zhang`), and split into words.

use crate::text::fold_char;
pub use crate::text::fold_into;

/// Appends `text` folded but with its case kept (`Zhāng` → `Zhang`): what
/// case-sensitive terms compare. Lower-cased, it is [`fold_into`]'s output.
pub fn fold_kept_into(text: &str, out: &mut Vec<u8>) {
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
        } else {
            match fold_char(c) {
                Some(s) => out.extend_from_slice(s.as_bytes()),
                None => out.push(b' '),
            }
        }
    }
}

/// `text` folded, with the original char index of every folded byte.
pub fn fold_mapped(text: &str) -> (Vec<u8>, Vec<u32>) {
    fold_mapped_with(text, fold_into)
}

/// Like [`fold_mapped`], with case kept.
pub fn fold_kept_mapped(text: &str) -> (Vec<u8>, Vec<u32>) {
    fold_mapped_with(text, fold_kept_into)
}

fn fold_mapped_with(text: &str, fold: fn(&str, &mut Vec<u8>)) -> (Vec<u8>, Vec<u32>) {
    let mut out = Vec::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let before = out.len();
        fold(c.encode_utf8(&mut [0; 4]), &mut out);
        map.resize(map.len() + out.len() - before, i as u32);
    }
    (out, map)
}

/// Whether `b` belongs to a word.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Byte ranges of the words of folded text.
pub fn words(folded: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + folded.get(at..)?.iter().position(|&b| is_word_byte(b))?;
        let len = folded[start..]
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(folded.len() - start);
        at = start + len;
        Some((start, start + len))
    })
}

/// How many typos a query word of `len` letters may take: none below 4
/// letters, one from 4, two from 8, and none again above [`MAX_ALIGNED`]:
/// no name is that long, and the typo automaton of a long word grows with
/// it (gigabytes for a pasted 30,000-letter word).
pub fn typo_budget(len: usize) -> u8 {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        8..=MAX_ALIGNED => 2,
        _ => 0,
    }
}

/// Longest query word the typo layer aligns; longer ones match exactly.
const MAX_ALIGNED: usize = 48;

/// Optimal-string-alignment distance between `a` and `b` (insertions,
/// deletions, substitutions, swapped neighbours), or `None` above `max`.
/// With `prefix`, the distance from `a` to the closest prefix of `b` (the
/// longest among equals), and that prefix's length.
pub fn distance(a: &[u8], b: &[u8], max: u8, prefix: bool) -> Option<(u8, usize)> {
    if a.len() > MAX_ALIGNED {
        return match prefix {
            true => b.starts_with(a).then_some((0, a.len())),
            false => (a == b).then_some((0, b.len())),
        };
    }
    let max = usize::from(max);
    if !prefix && a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Rows over a (0..=a.len()), one per prefix of b; no allocation.
    let n = a.len();
    let mut rows = [[0usize; MAX_ALIGNED + 1]; 3];
    for (i, cell) in rows[1].iter_mut().enumerate().take(n + 1) {
        *cell = i;
    }
    let (mut prev2, mut prev, mut cur) = (0, 1, 2);
    let mut best = (n, 0);
    for j in 1..=b.len() {
        rows[cur][0] = j;
        let mut row_min = j;
        for i in 1..=n {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[prev][i] + 1)
                .min(rows[cur][i - 1] + 1)
                .min(rows[prev][i - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[prev2][i - 2] + 1);
            }
            rows[cur][i] = d;
            row_min = row_min.min(d);
        }
        if prefix && rows[cur][n] <= best.0 {
            best = (rows[cur][n], j);
        }
        (prev2, prev, cur) = (prev, cur, prev2);
        if row_min > max {
            // Every longer prefix of b is further away still.
            if !prefix {
                return None;
            }
            break;
        }
    }
    if !prefix {
        best = (rows[prev][n], b.len());
    }
    (best.0 <= max).then_some((best.0.min(255) as u8, best.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_diacritics() {
        let mut out = Vec::new();
        fold_into("Zhāng Łukasz MÜLLER", &mut out);
        assert_eq!(out, b"zhang lukasz muller");
        let (folded, map) = fold_mapped("Straße");
        assert_eq!(folded, b"strasse");
        assert_eq!(map, [0, 1, 2, 3, 4, 4, 5]);
        let mut kept = Vec::new();
        fold_kept_into("Zhāng MÜLLER", &mut kept);
        assert_eq!(kept, b"Zhang MULLER");
        assert_eq!(fold_kept_mapped("Straße").0, b"Strasse");
    }

    #[test]
    fn words_are_alphanumeric_runs() {
        let w: Vec<_> = words(b" x.ai's gpt-4 ").collect();
        assert_eq!(w, [(1, 2), (3, 5), (6, 7), (8, 11), (12, 13)]);
        assert_eq!(words(b"").count(), 0);
    }

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance(b"antrhopic", b"anthropic", 2, false), Some((1, 9)));
        assert_eq!(distance(b"zuckerburg", b"zuckerberg", 2, false), Some((1, 10)));
        assert_eq!(distance(b"alexander", b"alexandr", 2, false), Some((1, 8)));
        assert_eq!(distance(b"abcd", b"wxyz", 2, false), None);
        assert_eq!(distance(b"sutsk", b"sutskever", 1, true), Some((0, 5)));
        assert_eq!(distance(b"sutks", b"sutskever", 1, true), Some((1, 5)));
        assert_eq!(distance(b"musk", b"", 1, false), None);
        assert_eq!(distance(b"", b"", 0, false), Some((0, 0)));
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(9), 2);
        assert_eq!(typo_budget(MAX_ALIGNED), 2);
        assert_eq!(typo_budget(MAX_ALIGNED + 1), 0, "long words match exactly");
        assert_eq!(typo_budget(32_000), 0);
        let long = [b'a'; 60];
        assert_eq!(distance(&long, &long, 2, false), Some((0, 60)));
        assert_eq!(distance(&long[..50], &long, 2, true), Some((0, 50)));
        assert_eq!(distance(&long[..50], b"b", 2, true), None);
    }
}
