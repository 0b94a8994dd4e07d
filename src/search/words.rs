//! The word index: every distinct folded word of the searchable texts in an
//! FST, with the entries it occurs in. A query word is looked up exactly,
//! as a prefix, and within its typo budget through a Levenshtein automaton
//! (Damerau: a swap of neighbours is one typo) run over the FST.

use super::fold::{distance, typo_budget, words};
use fst::automaton::Str;
use fst::{Automaton, IntoStreamer, Map, MapBuilder, Streamer};
use levenshtein_automata::LevenshteinAutomatonBuilder;
use std::sync::OnceLock;

/// One vocabulary word that a query word matched, best first when sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct WordMatch {
    /// Edits it took.
    pub typos: u8,
    /// Whether only a prefix of the word matched.
    pub prefix: bool,
    /// Which word.
    pub word: u32,
}

/// Words and the entries they occur in (each entry once per word).
pub struct Words {
    map: Map<Vec<u8>>,
    /// `postings[offsets[w]..offsets[w + 1]]` are the entries of word `w`.
    offsets: Vec<u32>,
    postings: Vec<u32>,
}

/// Collects words entry by entry, then builds [`Words`].
#[derive(Default)]
pub struct WordsBuilder {
    /// Word ids, found by the hash of their bytes.
    table: hashbrown::HashTable<u32>,
    hasher: hashbrown::DefaultHashBuilder,
    /// Every distinct word's bytes, one after the other.
    arena: Vec<u8>,
    /// Where word id's bytes are in `arena`.
    spans: Vec<(u32, u32)>,
    /// (word, entry), entries in increasing order.
    pairs: Vec<(u32, u32)>,
    scratch: Vec<u32>,
    joined: Vec<u8>,
}

impl WordsBuilder {
    fn bytes(arena: &[u8], (start, len): (u32, u32)) -> &[u8] {
        &arena[start as usize..(start + len) as usize]
    }

    fn id(&mut self, word: &[u8]) -> u32 {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(word);
        let (arena, spans) = (&self.arena, &self.spans);
        if let Some(&id) = self
            .table
            .find(hash, |&id| Self::bytes(arena, spans[id as usize]) == word)
        {
            return id;
        }
        let id = self.spans.len() as u32;
        self.spans.push((self.arena.len() as u32, word.len() as u32));
        self.arena.extend_from_slice(word);
        let (hasher, arena, spans) = (&self.hasher, &self.arena, &self.spans);
        self.table.insert_unique(hash, id, |&id| {
            hasher.hash_one(Self::bytes(arena, spans[id as usize]))
        });
        id
    }

    /// Adds the words of entry `entry` (folded text), and with `joined`
    /// each pair of neighbouring words written as one (`scale ai` also
    /// gives `scaleai`; not with numbers). Returns how many words the text
    /// has.
    pub fn add(&mut self, entry: u32, folded: &[u8], joined: bool) -> usize {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let mut last: Option<(usize, usize)> = None;
        let mut count = 0;
        for (s, e) in words(folded) {
            count += 1;
            let word = &folded[s..e];
            scratch.push(self.id(word));
            let letters = !word.iter().any(u8::is_ascii_digit);
            if let (true, Some((ls, le))) = (joined && letters, last) {
                let mut both = std::mem::take(&mut self.joined);
                both.clear();
                both.extend_from_slice(&folded[ls..le]);
                both.extend_from_slice(word);
                scratch.push(self.id(&both));
                self.joined = both;
            }
            last = letters.then_some((s, e));
        }
        scratch.sort_unstable();
        scratch.dedup();
        self.pairs.extend(scratch.iter().map(|&w| (w, entry)));
        self.scratch = scratch;
        count
    }

    /// Takes in the words of `other`, which were added after this one's.
    pub fn merge(&mut self, other: WordsBuilder) {
        let ids: Vec<u32> = other
            .spans
            .iter()
            .map(|&span| self.id(Self::bytes(&other.arena, span)))
            .collect();
        self.pairs.extend(
            other
                .pairs
                .into_iter()
                .map(|(w, entry)| (ids.get(w as usize).copied().unwrap_or(0), entry)),
        );
    }

    /// The finished index.
    pub fn build(self) -> Words {
        let arena = &self.arena;
        let mut sorted: Vec<u32> = (0..self.spans.len() as u32).collect();
        sorted.sort_unstable_by(|&a, &b| {
            Self::bytes(arena, self.spans[a as usize]).cmp(Self::bytes(arena, self.spans[b as usize]))
        });
        let mut builder = MapBuilder::memory();
        for &id in &sorted {
            // Keys are distinct and sorted, so this cannot fail.
            let _ = builder.insert(Self::bytes(arena, self.spans[id as usize]), u64::from(id));
        }
        let map = builder.into_map();
        let mut offsets = vec![0u32; self.spans.len() + 1];
        for &(w, _) in &self.pairs {
            offsets[w as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut fill = offsets.clone();
        let mut postings = vec![0u32; self.pairs.len()];
        for (w, entry) in self.pairs {
            let at = &mut fill[w as usize];
            postings[*at as usize] = entry;
            *at += 1;
        }
        Words {
            map,
            offsets,
            postings,
        }
    }
}

/// Levenshtein automaton builders for 1 and 2 typos, made once.
fn automata() -> &'static [LevenshteinAutomatonBuilder; 2] {
    static BUILDERS: OnceLock<[LevenshteinAutomatonBuilder; 2]> = OnceLock::new();
    BUILDERS.get_or_init(|| {
        [
            LevenshteinAutomatonBuilder::new(1, true),
            LevenshteinAutomatonBuilder::new(2, true),
        ]
    })
}

impl Words {
    /// Makes sure the automaton builders exist (a few milliseconds, once).
    pub fn warm_up() {
        automata();
    }

    /// Bytes on the heap: the FST and the posting lists.
    pub fn heap_bytes(&self) -> usize {
        self.map.as_fst().as_bytes().len() + 4 * (self.offsets.capacity() + self.postings.capacity())
    }

    /// Number of distinct words (joined pairs included).
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The entries word `word` occurs in, in increasing order.
    pub fn postings(&self, word: u32) -> &[u32] {
        let (from, to) = (
            self.offsets.get(word as usize).copied().unwrap_or(0),
            self.offsets.get(word as usize + 1).copied().unwrap_or(0),
        );
        self.postings.get(from as usize..to as usize).unwrap_or(&[])
    }

    fn each(&self, automaton: impl Automaton, mut f: impl FnMut(&[u8], u32)) {
        let mut stream = self.map.search(automaton).into_stream();
        while let Some((key, id)) = stream.next() {
            f(key, id as u32);
        }
    }

    /// Every word `term` matches, best first: whole words within its typo
    /// budget; with `typo_prefix` (the word being typed) also words that
    /// start with something within that budget, otherwise words that start
    /// with `term` exactly (from 3 letters).
    pub fn lookup(&self, term: &[u8], typo_prefix: bool) -> Vec<WordMatch> {
        let budget = typo_budget(term.len());
        let mut out = Vec::new();
        // The fewest typos wins; a whole word over a prefix among equals.
        let mut add = |key: &[u8], word: u32| {
            let whole = distance(term, key, budget, false).map(|(typos, _)| (typos, false));
            let start = distance(term, key, budget, true).map(|(typos, _)| (typos, true));
            if let Some((typos, prefix)) = whole.into_iter().chain(start).min() {
                out.push(WordMatch { typos, prefix, word });
            }
        };
        let text = std::str::from_utf8(term).unwrap_or("");
        if typo_prefix && budget > 0 {
            let dfa = automata()[usize::from(budget) - 1].build_prefix_dfa(text);
            self.each(&dfa, &mut add);
        } else {
            if budget > 0 {
                let dfa = automata()[usize::from(budget) - 1].build_dfa(text);
                self.each(&dfa, &mut add);
            } else if let Some(id) = self.map.get(term) {
                add(term, id as u32);
            }
            if typo_prefix || term.len() >= 3 {
                self.each(Str::new(text).starts_with(), |key, word| {
                    if key != term {
                        out.push(WordMatch {
                            typos: 0,
                            prefix: true,
                            word,
                        });
                    }
                });
            }
        }
        out.sort_unstable();
        out.dedup_by_key(|m| m.word);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index(texts: &[&str]) -> Words {
        let mut b = WordsBuilder::default();
        for (i, t) in texts.iter().enumerate() {
            b.add(i as u32, t.as_bytes(), true);
        }
        b.build()
    }

    #[test]
    fn lookups_find_exact_prefix_and_typo_words() {
        let w = index(&["ilya sutskever", "scale ai", "sutskever"]);
        let found = |q: &str, p: bool| -> Vec<(u8, bool, Vec<u32>)> {
            w.lookup(q.as_bytes(), p)
                .iter()
                .map(|m| (m.typos, m.prefix, w.postings(m.word).to_vec()))
                .collect()
        };
        assert_eq!(found("sutskever", false), [(0, false, vec![0, 2])]);
        assert_eq!(found("sutskevar", false), [(1, false, vec![0, 2])]);
        assert_eq!(found("sutsk", true), [(0, true, vec![0, 2])]);
        assert_eq!(found("sutks", true), [(1, true, vec![0, 2])]);
        assert_eq!(found("scaleai", false), [(0, false, vec![1])]);
        assert_eq!(found("ai", false), [(0, false, vec![1])]);
        assert!(found("zzz", true).is_empty());
        assert_eq!(w.len(), 6, "with ilyasutskever and scaleai");
    }

    #[test]
    fn words_longer_than_any_name_match_only_exactly() {
        let long = "zuckerberg".repeat(5);
        let w = index(&[&long, &long[..48]]);
        let typo = |s: &str| s.replacen("zuckerberg", "zuckerburg", 1);
        let found = |q: &str, p: bool| -> Vec<(u8, bool, u32)> {
            w.lookup(q.as_bytes(), p)
                .iter()
                .map(|m| (m.typos, m.prefix, w.postings(m.word)[0]))
                .collect()
        };
        // 48 letters still take two typos; 50 take none.
        assert_eq!(found(&typo(&long[..48]), false), [(1, false, 1)]);
        assert_eq!(found(&long, false), [(0, false, 0)]);
        assert!(found(&typo(&long), false).is_empty());
        assert!(found(&typo(&long), true).is_empty());
        assert_eq!(found(&long[..49], true), [(0, true, 0)]);
        // A pasted wall of text is looked up without building an automaton.
        assert!(found(&"zuckerburg".repeat(3_200), true).is_empty());
    }
}
