//! The query language, fzf's extended syntax: terms separated by spaces
//! must all match; `|` between terms means either; `'term` is an exact
//! substring, `^term` starts a text and `term$` ends one (`^term$` is the
//! whole text); `!` before any of them excludes; a plain term is fuzzy and
//! typo-tolerant. Operators with no text after them are ignored, as fzf
//! ignores them.

/// Longest query a search reads, in characters: the rest is cut
/// ([`cut`]), in `rivals search` and in the explorer alike. Enough for a
/// dozen words and a pasted quote; a query can never cost more than this.
pub const MAX_QUERY_CHARS: usize = 1_000;

/// `input` cut to its first [`MAX_QUERY_CHARS`] characters, and whether
/// anything was cut.
pub fn cut(input: &str) -> (&str, bool) {
    match input.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => (&input[..at], true),
        None => (input, false),
    }
}

/// How a term matches a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Typo-tolerant words (the plain term).
    Fuzzy,
    /// `'term`: an exact substring.
    Exact,
    /// `^term`: the start of the text.
    Prefix,
    /// `term$`: the end of the text.
    Suffix,
    /// `^term$`: the whole text.
    Equal,
}

/// One term of a query.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// How it matches.
    pub kind: Kind,
    /// `!`: records it matches are left out.
    pub negated: bool,
    /// Smart case: the text has an upper-case letter, so case counts
    /// (exact, anchored and excluding terms only; fuzzy terms fold case).
    pub case_sensitive: bool,
    /// The text with its operators removed.
    pub text: String,
}

/// A parsed query: every group must match; a group matches when any of
/// its terms (written with `|` between them) does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Groups in query order, terms in each in query order.
    pub groups: Vec<Vec<Term>>,
}

impl Query {
    /// Parses `input`; never fails (operators with nothing after them, and
    /// stray `|`, are dropped).
    pub fn parse(input: &str) -> Query {
        let mut groups: Vec<Vec<Term>> = Vec::new();
        let mut or_next = false;
        for token in input.split_whitespace() {
            if token == "|" {
                // Only between two terms; a leading or doubled bar is ignored.
                or_next = !groups.is_empty();
                continue;
            }
            let Some(term) = Term::parse(token) else {
                continue;
            };
            match groups.last_mut() {
                Some(group) if or_next => group.push(term),
                _ => groups.push(vec![term]),
            }
            or_next = false;
        }
        Query { groups }
    }
}

impl Term {
    /// One whitespace-free token as a term, `None` when only operators.
    fn parse(token: &str) -> Option<Term> {
        let (negated, mut text) = match token.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, token),
        };
        let mut kind = if negated { Kind::Exact } else { Kind::Fuzzy };
        if text != "$"
            && let Some(rest) = text.strip_suffix('$')
        {
            kind = Kind::Suffix;
            text = rest;
        }
        if let Some(rest) = text.strip_prefix('\'') {
            if kind == Kind::Fuzzy {
                kind = Kind::Exact;
            }
            text = rest;
        } else if let Some(rest) = text.strip_prefix('^') {
            kind = if kind == Kind::Suffix {
                Kind::Equal
            } else {
                Kind::Prefix
            };
            text = rest;
        }
        (!text.is_empty()).then(|| Term {
            kind,
            negated,
            case_sensitive: kind != Kind::Fuzzy && text.chars().any(char::is_uppercase),
            text: text.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(kind: Kind, negated: bool, text: &str) -> Term {
        Term {
            kind,
            negated,
            case_sensitive: false,
            text: text.into(),
        }
    }

    fn one(q: &str) -> Term {
        let parsed = Query::parse(q);
        assert_eq!(parsed.groups.len(), 1, "{q}");
        assert_eq!(parsed.groups[0].len(), 1, "{q}");
        parsed.groups[0][0].clone()
    }

    #[test]
    fn every_operator() {
        assert_eq!(one("zukerberg"), term(Kind::Fuzzy, false, "zukerberg"));
        assert_eq!(one("'meta"), term(Kind::Exact, false, "meta"));
        assert_eq!(one("^open"), term(Kind::Prefix, false, "open"));
        assert_eq!(one("labs$"), term(Kind::Suffix, false, "labs"));
        assert_eq!(one("^openai$"), term(Kind::Equal, false, "openai"));
        assert_eq!(one("!tesla"), term(Kind::Exact, true, "tesla"));
        assert_eq!(one("!'tesla"), term(Kind::Exact, true, "tesla"));
        assert_eq!(one("!^sam"), term(Kind::Prefix, true, "sam"));
        assert_eq!(one("!labs$"), term(Kind::Suffix, true, "labs"));
        assert_eq!(one("!^x$"), term(Kind::Equal, true, "x"));
    }

    #[test]
    fn spaces_and_bars_combine_terms() {
        let q = Query::parse("  sam  'openai | ^anthropic  !musk ");
        assert_eq!(
            q.groups,
            [
                vec![term(Kind::Fuzzy, false, "sam")],
                vec![
                    term(Kind::Exact, false, "openai"),
                    term(Kind::Prefix, false, "anthropic")
                ],
                vec![term(Kind::Exact, true, "musk")],
            ]
        );
        let q = Query::parse("a | b | c d");
        assert_eq!(q.groups.len(), 2);
        assert_eq!(q.groups[0].len(), 3);
    }

    #[test]
    fn smart_case_counts_only_with_an_upper_case_letter() {
        assert!(one("'OpenAI").case_sensitive);
        assert!(one("!^Sam").case_sensitive);
        assert!(one("Ü$").case_sensitive);
        assert!(!one("'openai").case_sensitive);
        // Fuzzy terms always fold case: `ZUCK` finds Zuckerberg.
        assert!(!one("ZUCK").case_sensitive);
    }

    #[test]
    fn long_queries_are_cut_at_a_character() {
        let short = "zuckerberg".repeat(MAX_QUERY_CHARS / 10);
        assert_eq!(cut(&short), (short.as_str(), false));
        let long = "é".repeat(MAX_QUERY_CHARS + 1);
        let (kept, was_cut) = cut(&long);
        assert!(was_cut);
        assert_eq!(kept.chars().count(), MAX_QUERY_CHARS);
        assert!(long.starts_with(kept));
    }

    #[test]
    fn empty_and_odd_queries() {
        assert!(Query::parse("").groups.is_empty());
        assert!(Query::parse("   ").groups.is_empty());
        for only_operators in ["!", "'", "^", "!'", "!^", "^$", "!^$", "| |", "|", "! ' ^"] {
            assert!(Query::parse(only_operators).groups.is_empty(), "{only_operators}");
        }
        // A lone `$` is text, as in fzf; a bar with nothing before it is dropped.
        assert_eq!(one("$"), term(Kind::Fuzzy, false, "$"));
        assert_eq!(Query::parse("| meta").groups.len(), 1);
        assert_eq!(
            Query::parse("meta |").groups,
            [vec![term(Kind::Fuzzy, false, "meta")]]
        );
        assert_eq!(one("''x"), term(Kind::Exact, false, "'x"));
        assert_eq!(one("^^x"), term(Kind::Prefix, false, "^x"));
        assert_eq!(one("x$$"), term(Kind::Suffix, false, "x$"));
    }
}
