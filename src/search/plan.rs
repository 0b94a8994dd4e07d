//! A parsed [`Query`] turned into work for the layers: the words the word
//! layer looks up (with bits for the groups to test), the subsequence
//! layer's needle, and the exact and anchored terms that filter texts.

use super::Term;
use super::fold::{fold_into, fold_kept_into, words};
use super::query::{Kind, Query};

/// Query words beyond this many are ignored.
const MAX_WORDS: usize = 12;

/// Exact and anchored terms beyond this many are ignored.
const MAX_FILTERS: usize = 16;

/// One alternative of a group, as the ranking tests it on a record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Alt {
    /// A plain term: every one of these query words.
    Words(u32),
    /// Filter `i`, or with `true` its absence.
    Filter(usize, bool),
}

/// An exact or anchored term, folded.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    pub kind: Kind,
    pub negated: bool,
    /// Compared on texts with case kept (smart case).
    pub case_sensitive: bool,
    /// The text folded (lower case).
    pub folded: Vec<u8>,
    /// The text folded with case kept, for case-sensitive terms.
    pub kept: Vec<u8>,
}

impl Filter {
    /// Whether `needle` matches `hay` the way `kind` asks.
    pub fn test(kind: Kind, hay: &[u8], needle: &[u8]) -> bool {
        match kind {
            Kind::Exact | Kind::Fuzzy => memchr::memmem::find(hay, needle).is_some(),
            Kind::Prefix => hay.starts_with(needle),
            Kind::Suffix => hay.ends_with(needle),
            Kind::Equal => hay == needle,
        }
    }

    /// Byte ranges of `hay` (folded as this term asks) it matched.
    pub fn spans(&self, hay: &[u8]) -> Vec<(usize, usize)> {
        let needle = if self.case_sensitive {
            &self.kept
        } else {
            &self.folded
        };
        let n = needle.len();
        match self.kind {
            Kind::Exact | Kind::Fuzzy => memchr::memmem::find_iter(hay, needle)
                .map(|s| (s, s + n))
                .collect(),
            _ if Filter::test(self.kind, hay, needle) => match self.kind {
                Kind::Suffix => vec![(hay.len() - n, hay.len())],
                _ => vec![(0, n)],
            },
            _ => Vec::new(),
        }
    }

    /// Whether every text this filter matches, `previous` matches too, so
    /// its entries can be narrowed instead of scanned.
    pub fn narrows(&self, previous: &Filter) -> bool {
        if self.kind != previous.kind || (previous.case_sensitive && !self.case_sensitive) {
            return false;
        }
        let (new, old) = if previous.case_sensitive {
            (&self.kept, &previous.kept)
        } else {
            (&self.folded, &previous.folded)
        };
        match self.kind {
            Kind::Exact | Kind::Fuzzy => memchr::memmem::find(new, old).is_some(),
            Kind::Prefix => new.starts_with(old),
            Kind::Suffix => new.ends_with(old),
            Kind::Equal => new == old,
        }
    }
}

/// What a query asks of the layers.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Each query word, and neighbouring ones written as one.
    pub terms: Vec<Term>,
    /// The plain terms that must all match, letters only, for the
    /// subsequence layer; and their words.
    pub needle: Vec<u8>,
    pub needle_mask: u32,
    pub filters: Vec<Filter>,
    pub groups: Vec<Vec<Alt>>,
}

impl Plan {
    /// The plan for `query`; `typing`: its last term is still being typed.
    pub fn new(query: &Query, typing: bool) -> Plan {
        let mut plan = Plan::default();
        // Query words, and whether each may be joined to the one before.
        let mut plain: Vec<(Vec<u8>, bool)> = Vec::new();
        let mut joinable = false;
        let mut last_word = None;
        for group in &query.groups {
            let single = group.len() == 1;
            let mut alts = Vec::new();
            for term in group {
                last_word = None;
                if term.kind != Kind::Fuzzy {
                    joinable = false;
                    if plan.filters.len() < MAX_FILTERS {
                        alts.push(Alt::Filter(plan.filters.len(), term.negated));
                        plan.filters.push(Filter::new(term));
                    }
                    continue;
                }
                let mut folded = Vec::with_capacity(term.text.len());
                fold_into(&term.text, &mut folded);
                let mut mask = 0u32;
                for (k, (s, e)) in words(&folded).enumerate() {
                    if plain.len() == MAX_WORDS {
                        break;
                    }
                    mask |= 1 << plain.len();
                    last_word = Some(plain.len());
                    plain.push((folded[s..e].to_vec(), k > 0 || (joinable && single)));
                    if single {
                        plan.needle.extend_from_slice(&folded[s..e]);
                    }
                }
                joinable = single && mask != 0;
                if single {
                    plan.needle_mask |= mask;
                }
                if mask != 0 {
                    alts.push(Alt::Words(mask));
                }
            }
            if !alts.is_empty() {
                plan.groups.push(alts);
            }
        }
        let typing_at = last_word.filter(|_| typing);
        plan.terms = plain
            .iter()
            .enumerate()
            .map(|(i, (w, _))| Term {
                text: w.clone(),
                mask: 1 << i,
                typing: typing_at == Some(i),
            })
            .collect();
        for (i, pair) in plain.windows(2).enumerate() {
            if pair[1].1 {
                plan.terms.push(Term {
                    text: [pair[0].0.as_slice(), &pair[1].0].concat(),
                    mask: 0b11 << i,
                    typing: typing_at == Some(i + 1),
                });
            }
        }
        plan
    }

    /// Whether some group has only positive terms: a query of only
    /// exclusions (or of nothing) matches nothing, like an empty one.
    pub fn finds_anything(&self) -> bool {
        self.groups
            .iter()
            .any(|g| g.iter().all(|a| !matches!(a, Alt::Filter(_, true))))
    }

    /// Whether some group has only plain terms, so the records the word
    /// and subsequence layers find are the only candidates.
    pub fn narrowed_by_words(&self) -> bool {
        self.groups
            .iter()
            .any(|g| g.iter().all(|a| matches!(a, Alt::Words(_))))
    }

    /// Bits of every query word.
    pub fn all_words(&self) -> u32 {
        self.terms.iter().fold(0, |m, t| m | t.mask)
    }
}

impl Filter {
    fn new(term: &super::query::Term) -> Filter {
        let mut folded = Vec::with_capacity(term.text.len());
        fold_into(&term.text, &mut folded);
        let mut kept = Vec::new();
        if term.case_sensitive {
            fold_kept_into(&term.text, &mut kept);
        }
        Filter {
            kind: term.kind,
            negated: term.negated,
            case_sensitive: term.case_sensitive,
            folded,
            kept,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(q: &str) -> Plan {
        Plan::new(&Query::parse(q), !q.ends_with(' '))
    }

    #[test]
    fn plain_plainjoin_only_with_plain_neighbours() {
        let p = plan("deep mind");
        let texts: Vec<&[u8]> = p.terms.iter().map(|t| t.text.as_slice()).collect();
        assert_eq!(texts, [&b"deep"[..], b"mind", b"deepmind"]);
        assert_eq!(p.needle, b"deepmind");
        assert!(p.terms[1].typing && p.terms[2].typing);
        let p = plan("deep 'x mind");
        assert_eq!(p.terms.len(), 2, "no pair across a filter");
        assert!(!plan("deep 'mind").terms[0].typing);
        let p = plan("deep | mind");
        assert_eq!(p.terms.len(), 2, "no pair across a bar");
        assert_eq!(p.groups, [vec![Alt::Words(1), Alt::Words(2)]]);
        assert!(p.needle.is_empty());
    }

    #[test]
    fn filters_and_exclusions() {
        let p = plan("sam !'OpenAI ^ceo");
        assert_eq!(p.filters.len(), 2);
        assert_eq!(p.filters[0].folded, b"openai");
        assert_eq!(p.filters[0].kept, b"OpenAI");
        assert_eq!(
            p.groups,
            [
                vec![Alt::Words(1)],
                vec![Alt::Filter(0, true)],
                vec![Alt::Filter(1, false)]
            ]
        );
        assert!(p.finds_anything());
        assert!(!plan("!openai !^x").finds_anything());
        assert!(!plan("$ ?").finds_anything(), "no words, nothing to find");
        assert!(!plan("").finds_anything());
    }

    #[test]
    fn filters_test_and_narrow() {
        assert!(Filter::test(Kind::Exact, b"open ai", b"n a"));
        assert!(Filter::test(Kind::Prefix, b"openai", b"open"));
        assert!(!Filter::test(Kind::Prefix, b"openai", b"ai"));
        assert!(Filter::test(Kind::Suffix, b"openai", b"ai"));
        assert!(Filter::test(Kind::Equal, b"openai", b"openai"));
        assert!(!Filter::test(Kind::Equal, b"openai", b"open"));
        let f = |q: &str| plan(q).filters[0].clone();
        assert!(f("'whit").narrows(&f("'whi")));
        assert!(f("'Whit").narrows(&f("'whi")));
        assert!(!f("'whit").narrows(&f("'Whi")));
        assert!(!f("^whit").narrows(&f("'whi")));
        assert_eq!(f("'ab").spans(b"abcab"), [(0, 2), (3, 5)]);
        assert_eq!(f("ab$").spans(b"abcab"), [(3, 5)]);
        assert!(f("^ab$").spans(b"abcab").is_empty());
    }
}
