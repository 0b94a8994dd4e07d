//! Editing a one-line input (the search query, the date prompt) by
//! grapheme clusters, so a flag or an accented letter typed as several
//! characters is removed whole. The cursor is always at the end.

use unicode_segmentation::UnicodeSegmentation;

/// Removes the last grapheme cluster; returns whether there was one.
pub fn pop_grapheme(text: &mut String) -> bool {
    match text.grapheme_indices(true).next_back() {
        Some((i, _)) => {
            text.truncate(i);
            true
        }
        None => false,
    }
}

/// Removes the last word and the spaces after it.
pub fn delete_word(text: &mut String) {
    let trimmed = text.trim_end().len();
    let cut = text[..trimmed].rfind(' ').map_or(0, |i| i + 1);
    text.truncate(cut);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backspace_removes_a_whole_flag_or_accented_letter() {
        let mut s = "x🇫🇷".to_string();
        assert!(pop_grapheme(&mut s));
        assert_eq!(s, "x");
        let mut s = "e\u{301}e\u{301}".to_string();
        pop_grapheme(&mut s);
        assert_eq!(s, "e\u{301}");
        let mut s = String::new();
        assert!(!pop_grapheme(&mut s));
    }

    #[test]
    fn delete_word_keeps_earlier_words() {
        let mut s = "sam altman  ".to_string();
        delete_word(&mut s);
        assert_eq!(s, "sam ");
        delete_word(&mut s);
        assert_eq!(s, "");
    }
}
