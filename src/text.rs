//! Making text from a dataset safe and tidy for a terminal, and folding it
//! (case, accents, scripts) for matching: the one fold of search and of the
//! loader.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Whether `c` could change how a terminal shows what follows it: control
/// characters (C0, DEL, C1), bidirectional overrides and isolates,
/// zero-width characters and line or paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}')
}

/// Replaces every unsafe character with a visible escape such as `\u{1b}`,
/// so an escape sequence in a name is shown, never executed.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Display width of `text` in terminal columns.
pub fn width(text: &str) -> usize {
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Sanitizes `text` and cuts it to at most `max` columns, ending with `…`
/// when it was cut. Wide characters are never split.
pub fn fit(text: &str, max: usize) -> String {
    let clean = sanitize(text);
    if width(&clean) <= max {
        return clean.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in clean.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > max {
            break;
        }
        used += w;
        out.push(c);
    }
    if max > 0 {
        out.push('…');
    }
    out
}

/// The end of `text` that fits in `max` columns, whole grapheme clusters
/// only, starting with `…` when the start was cut: what a one-line input
/// box shows so the end (and the cursor after it) stays in view.
pub fn tail(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    let mut start = text.len();
    let mut used = 1;
    for (i, g) in text.grapheme_indices(true).rev() {
        let w = UnicodeWidthStr::width(g);
        if used + w > max {
            break;
        }
        used += w;
        start = i;
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    Cow::Owned(format!("…{}", &text[start..]))
}

/// The folded form of one character: ASCII, lower-cased; `None` when it
/// has none (it then separates words).
pub fn fold_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        return None;
    }
    deunicode::deunicode_char(c)
}

/// Appends the folded form of `text` to `out` (always ASCII): the one
/// fold of search and of the loader's near-duplicate check.
pub fn fold_into(text: &str, out: &mut Vec<u8>) {
    if text.is_ascii() {
        let start = out.len();
        out.extend_from_slice(text.as_bytes());
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase() as u8);
        } else {
            match fold_char(c) {
                Some(s) => out.extend(s.bytes().map(|b| b.to_ascii_lowercase())),
                None => out.push(b' '),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_control_and_invisible_characters() {
        assert_eq!(sanitize("a\x1b[31mb"), "a\\u{1b}[31mb");
        assert_eq!(sanitize("x\ry\u{8}"), "x\\u{d}y\\u{8}");
        assert_eq!(sanitize("\u{202e}evil\u{200b}"), "\\u{202e}evil\\u{200b}");
        assert_eq!(sanitize("\u{9b}2J"), "\\u{9b}2J");
        assert!(matches!(sanitize("Zoë 张 🚀"), Cow::Borrowed(_)));
    }

    #[test]
    fn fit_cuts_by_columns_with_an_ellipsis() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("张三李四", 5), "张三…");
        assert_eq!(width(&fit("张三李四", 5)), 5);
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("abc", 1), "…");
    }

    #[test]
    fn tail_keeps_the_end_in_whole_graphemes() {
        assert_eq!(tail("hello", 5), "hello");
        assert_eq!(tail("hello world", 6), "…world");
        assert_eq!(tail("ab🇫🇷", 3), "…🇫🇷");
        assert_eq!(tail("ab🇫🇷", 2), "…");
        assert_eq!(tail("张三李四", 5), "…李四");
        assert_eq!(tail("abc", 0), "");
        for max in 0..12 {
            assert!(width(&tail("x🇫🇷张y🇫🇷", max)) <= max);
        }
    }
}
