//! Near-duplicates (warnings): two people, or two organizations, whose
//! names or aliases fold to the same key ("OpenAI" / "Open AI") or to keys
//! one letter apart ("Jonathan Reyes" / "Jonathon Reyes"), unless one
//! marks the other `distinct_from`.
//!
//! Keys are bucketed, never compared pairwise: a key and each of its
//! one-letter deletions are hashed, and only keys sharing a hash are
//! compared.

use super::super::Dataset;
use super::Broken;
use super::position::{At, FileId};
use super::validate::{Owner, Validator, Want};
use crate::text::fold_into;
use hashbrown::{HashMap, HashSet};
use std::hash::BuildHasher;

/// Keys shorter than this must match exactly: one letter apart, short
/// names are usually different names (`Meta` / `Beta`).
const NEAR_MIN: usize = 8;

/// Keys compared within one bucket at most (a bucket is one hash).
const BUCKET_MAX: usize = 16;

/// Pairs of records the data marks as distinct, as (smaller, larger)
/// file positions.
#[derive(Default)]
pub(super) struct Distinct {
    orgs: HashSet<(u32, u32)>,
    people: HashSet<(u32, u32)>,
}

impl Distinct {
    /// Checks and records the `distinct_from` of record `me` (a person or
    /// an organization, as `want` says): each id once, of a record of the
    /// same kind, not `me`.
    pub fn add(
        &mut self,
        v: &mut Validator,
        (want, me): (Want, usize),
        ids: &[String],
        at: At,
        owner: Owner,
    ) {
        for (k, id) in ids.iter().enumerate() {
            if ids[..k].contains(id) {
                let f = v.file(at.file);
                let pos = f.loc().token_nth(at.rec, at.key, id, 1);
                let d = f
                    .err(pos, format!("{owner} lists `{id}` twice in `distinct_from`"))
                    .hint("list each id once");
                v.errors.push(d);
                continue;
            }
            let Some(other) = v.resolve(want, id, at, owner) else {
                continue;
            };
            if other as usize == me {
                let f = v.file(at.file);
                let pos = f.loc().token(at.rec, at.key, id);
                let d = f
                    .err(pos, format!("{owner} is marked distinct from itself"))
                    .hint("`distinct_from` names other records whose names look like this one's");
                v.errors.push(d);
                continue;
            }
            let pair = (other.min(me as u32), other.max(me as u32));
            match want {
                Want::Org => self.orgs.insert(pair),
                _ => self.people.insert(pair),
            };
        }
    }
}

/// One name of a record: the record, and which name (0 is `name`, then
/// the aliases).
type NameOf = (u32, u16);

/// Warns about near-duplicate people and organizations.
pub(super) fn check(v: &mut Validator, ds: &Dataset, broken: &Broken, distinct: &Distinct) {
    let orgs: Vec<Names> = ds
        .orgs
        .iter()
        .zip(&broken.orgs)
        .map(|(o, &b)| {
            if b {
                Names::default()
            } else {
                Names::of(&o.name, &o.aliases)
            }
        })
        .collect();
    let ids: Vec<&str> = ds.orgs.iter().map(|o| o.id.as_str()).collect();
    kind(v, FileId::Organizations, &orgs, &ids, &distinct.orgs);
    let people: Vec<Names> = ds
        .people
        .iter()
        .zip(&broken.people)
        .map(|(p, &b)| {
            if b {
                Names::default()
            } else {
                Names::of(&p.name, &p.aliases)
            }
        })
        .collect();
    let ids: Vec<&str> = ds.people.iter().map(|p| p.id.as_str()).collect();
    kind(v, FileId::People, &people, &ids, &distinct.people);
}

/// A record's names as written and their keys: folded, letters and digits
/// only.
#[derive(Default)]
struct Names<'a> {
    written: Vec<&'a str>,
    keys: Vec<Vec<u8>>,
}

impl<'a> Names<'a> {
    fn of(name: &'a str, aliases: &'a [String]) -> Self {
        let written: Vec<&str> = std::iter::once(name)
            .chain(aliases.iter().map(String::as_str))
            .collect();
        let keys = written.iter().map(|w| key(w)).collect();
        Names { written, keys }
    }
}

/// The key a name is compared by: folded (case, accents, scripts), and
/// only its letters and digits (`Open AI` → `openai`).
fn key(name: &str) -> Vec<u8> {
    let mut folded = Vec::with_capacity(name.len());
    fold_into(name, &mut folded);
    folded.retain(u8::is_ascii_alphanumeric);
    folded
}

/// Which letters of `name`'s key start a word (`Open AI`: `o` and `a`).
fn word_starts(name: &str) -> Vec<bool> {
    let mut folded = Vec::with_capacity(name.len());
    fold_into(name, &mut folded);
    let mut prev = b' ';
    let mut out = Vec::with_capacity(folded.len());
    for &c in &folded {
        if c.is_ascii_alphanumeric() {
            out.push(!prev.is_ascii_alphanumeric());
        }
        prev = c;
    }
    out
}

/// Whether two names (as written, and their keys) are one letter apart:
/// one letter changed, added or removed, inside a word. A different
/// digit is a different name (`GPT-4`), and so is a different first
/// letter of a word (`E. Abernathy`, `M. Abernathy`).
fn one_letter_apart((wa, a): (&str, &[u8]), (wb, b): (&str, &[u8])) -> bool {
    let ((wl, long), (ws, short)) = if a.len() >= b.len() {
        ((wa, a), (wb, b))
    } else {
        ((wb, b), (wa, a))
    };
    if short.len() < NEAR_MIN - 1 || long.len() - short.len() > 1 {
        return false;
    }
    let p = long.iter().zip(short).take_while(|(x, y)| x == y).count();
    let same_length = long.len() == short.len();
    let rest_agrees = if same_length {
        long.get(p + 1..) == short.get(p + 1..)
    } else {
        long.get(p + 1..) == short.get(p..)
    };
    let letter = long.get(p).is_some_and(u8::is_ascii_alphabetic)
        && (!same_length || short.get(p).is_some_and(u8::is_ascii_alphabetic));
    let word_start =
        word_starts(wl).get(p) == Some(&true) || (same_length && word_starts(ws).get(p) == Some(&true));
    p < long.len() && rest_agrees && letter && !word_start
}

/// Finds and reports the near-duplicates among one file's records.
fn kind(v: &mut Validator, file: FileId, recs: &[Names], ids: &[&str], distinct: &HashSet<(u32, u32)>) {
    let hasher = hashbrown::DefaultHashBuilder::default();
    // (hash, name): a key's own hash, and one per letter deleted.
    let mut hashes: Vec<(u64, NameOf)> = Vec::new();
    let mut variant = Vec::new();
    for (r, names) in recs.iter().enumerate() {
        for (n, k) in names.keys.iter().enumerate() {
            if k.len() < 2 {
                continue;
            }
            let at = (r as u32, n as u16);
            hashes.push((hasher.hash_one(k), at));
            if k.len() < NEAR_MIN {
                continue;
            }
            for skip in (0..k.len()).filter(|&i| k[i].is_ascii_alphabetic()) {
                variant.clear();
                variant.extend_from_slice(&k[..skip]);
                variant.extend_from_slice(&k[skip + 1..]);
                hashes.push((hasher.hash_one(&variant), at));
            }
        }
    }
    hashes.sort_unstable();
    let mut found: HashMap<(u32, u32), (NameOf, NameOf)> = HashMap::new();
    let mut bucket: Vec<NameOf> = Vec::with_capacity(BUCKET_MAX);
    for run in hashes.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        bucket.clear();
        bucket.extend(run.iter().take(BUCKET_MAX).map(|&(_, at)| at));
        for (k, &a) in bucket.iter().enumerate() {
            for &b in &bucket[k + 1..] {
                let pair = (a.0.min(b.0), a.0.max(b.0));
                if a.0 == b.0 || distinct.contains(&pair) || found.contains_key(&pair) {
                    continue;
                }
                let (ka, kb) = (
                    &recs[a.0 as usize].keys[a.1 as usize],
                    &recs[b.0 as usize].keys[b.1 as usize],
                );
                let (wa, wb) = (
                    recs[a.0 as usize].written[a.1 as usize],
                    recs[b.0 as usize].written[b.1 as usize],
                );
                // An alias that is another record's name or alias, as
                // written, is reported by the shared-names check.
                let shared = (a.1 > 0 || b.1 > 0) && wa.to_lowercase() == wb.to_lowercase();
                if !shared && (ka == kb || one_letter_apart((wa, ka), (wb, kb))) {
                    let (first, later) = if a.0 < b.0 { (a, b) } else { (b, a) };
                    found.insert(pair, (first, later));
                }
            }
        }
    }
    let mut found: Vec<(NameOf, NameOf)> = found.into_values().collect();
    found.sort_unstable_by_key(|&(_, later)| later);
    for (first, later) in found {
        report(v, file, recs, ids, first, later);
    }
}

/// Reports that record `later` looks like record `first`, at the name
/// of `later` that matched.
fn report(v: &mut Validator, file: FileId, recs: &[Names], ids: &[&str], first: NameOf, later: NameOf) {
    let f = v.file(file);
    let pos_of = |(r, n): NameOf| {
        let (r, n) = (r as usize, n as usize);
        if n == 0 {
            f.value(r, &["name"])
        } else {
            f.loc().token(r, "aliases", recs[r].written[n])
        }
    };
    let noun = if file == FileId::People {
        "person"
    } else {
        "organization"
    };
    let (line, col) = pos_of(first);
    let short = f.name.rsplit('/').next().unwrap_or(&f.name);
    let (a, b) = (ids[first.0 as usize], ids[later.0 as usize]);
    let message = format!(
        "{noun} `{b}` (\"{}\") may be the same as {noun} `{a}` (\"{}\", {short}:{line}:{col})",
        recs[later.0 as usize].written[later.1 as usize], recs[first.0 as usize].written[first.1 as usize],
    );
    let d = f
        .err(pos_of(later), message)
        .hint(format!(
            "merge the two records if they are one; if not, add `distinct_from: [{a}]` to `{b}`"
        ))
        .warning();
    v.errors.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: &str, b: &str) -> bool {
        one_letter_apart((a, &key(a)), (b, &key(b)))
    }

    #[test]
    fn one_letter_inside_a_word_is_near() {
        assert_eq!(key("Open AI"), key("OpenAI"));
        assert_eq!(key("Zoë Müller"), b"zoemuller");
        assert!(near("Jonathan Reyes", "Jonathon Reyes"));
        assert!(near("Jonathan Reyes", "Jonathan Reyess"));
        assert!(near("Anthropics", "Anthropic"));
        assert!(!near("E. Abernathy", "M. Abernathy"), "another initial");
        assert!(!near("Agent Smith 4", "Agent Smith 5"), "another digit");
        assert!(!near("Meta", "Beta"), "too short");
        assert!(
            !near("Jonathan Reyes", "Jonathan Reyes"),
            "the same is not one apart"
        );
        assert!(!near("Jonathan Reyes", "Jnothan Reyes"), "two edits");
    }
}
