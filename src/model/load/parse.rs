//! Parsing one file's text into raw records, in parallel when it is large.

use super::super::diag::Diagnostic;
use super::super::guard;
use super::super::locate::{Locator, Pos};
use super::yaml_error::{refused, unclosed_flow, yaml_error};
use super::{prescan, syntax};
use serde::de::DeserializeOwned;
use std::cell::OnceCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// One file being loaded: its name for messages, its text, and a line
/// index built only if a problem needs a position.
pub(super) struct FileCtx<'a> {
    pub name: String,
    pub text: &'a str,
    locator: OnceCell<Locator<'a>>,
    /// The byte offset of each line, built on first use.
    line_starts: OnceCell<Vec<usize>>,
    /// The flow `[` or `{` never closed, found on first use.
    unclosed: OnceCell<Option<(char, Pos)>>,
}

impl<'a> FileCtx<'a> {
    /// A file named `dir/file` holding `text` (a BOM is dropped).
    pub fn new(dir: &str, file: &str, text: &'a str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let name = if dir.is_empty() {
            file.to_string()
        } else {
            format!("{dir}/{file}")
        };
        FileCtx {
            name,
            text,
            locator: OnceCell::new(),
            line_starts: OnceCell::new(),
            unclosed: OnceCell::new(),
        }
    }

    /// The same file for another thread, which builds its own line index
    /// if it needs one.
    pub fn fresh(&self) -> FileCtx<'a> {
        FileCtx {
            name: self.name.clone(),
            text: self.text,
            locator: OnceCell::new(),
            line_starts: OnceCell::new(),
            unclosed: OnceCell::new(),
        }
    }

    /// The file's line index, built on first use.
    pub fn loc(&self) -> &Locator<'a> {
        self.locator.get_or_init(|| Locator::new(self.text))
    }

    /// Position of a record's key, or of the record when the key is absent.
    pub fn key(&self, rec: usize, key: &str) -> Pos {
        self.loc()
            .key(rec, &[key])
            .unwrap_or_else(|| self.loc().record(rec))
    }

    /// Position of the value at `path` in a record.
    pub fn value(&self, rec: usize, path: &[&str]) -> Pos {
        self.loc().value(rec, path)
    }

    /// The character at a 1-based position, if there is one.
    pub fn char_at(&self, (line, col): Pos) -> Option<char> {
        let text = self.text.split('\n').nth(line.checked_sub(1)?)?;
        text.chars().nth(col.checked_sub(1)?)
    }

    /// Whether the token found at `pos` is quoted: a quote just before it.
    pub fn quoted(&self, (line, col): Pos) -> bool {
        col > 1
            && self
                .char_at((line, col - 1))
                .is_some_and(|c| c == '"' || c == '\'')
    }

    /// The first flow `[` or `{` still open at the end of the file, and
    /// where it opened (scanned once, and only when a problem asks).
    pub fn unclosed(&self) -> Option<(char, Pos)> {
        *self.unclosed.get_or_init(|| unclosed_flow(self.text))
    }

    /// Line `n` (1-based), without its line break.
    pub fn line(&self, n: usize) -> Option<&'a str> {
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1))
                .collect()
        });
        let start = *starts.get(n.checked_sub(1)?)?;
        let end = starts.get(n).map_or(self.text.len(), |&e| e - 1);
        let line = self.text.get(start..end)?;
        Some(line.strip_suffix('\r').unwrap_or(line))
    }

    /// The text from line `n` (1-based) to the end of the file.
    pub fn text_from(&self, n: usize) -> &'a str {
        let start = self.line(n).map_or(self.text.len(), |l| {
            l.as_ptr() as usize - self.text.as_ptr() as usize
        });
        &self.text[start..]
    }

    /// The `nth` (0-based) key `key` written at or after `from` and before
    /// line `end` (block or flow style: the word, maybe quoted, then `:`):
    /// the position of the key and of its value (the key's own when the
    /// value is on the lines below).
    pub fn key_after(&self, from: Pos, end: usize, key: &str, nth: usize) -> Option<(Pos, Pos)> {
        let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        let mut left = nth;
        for n in from.0..end.max(from.0 + 1) {
            let text = self.line(n)?;
            let first = if n == from.0 {
                text.char_indices()
                    .nth(from.1.saturating_sub(1))
                    .map_or(text.len(), |(b, _)| b)
            } else {
                0
            };
            for (at, _) in text[first..].match_indices(key) {
                let at = first + at;
                let before = text[..at].trim_end_matches(['"', '\'']);
                if before.chars().next_back().is_some_and(is_word) {
                    continue;
                }
                let after = text[at + key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start();
                let Some(value) = after.strip_prefix(':') else {
                    continue;
                };
                if left > 0 {
                    left -= 1;
                    continue;
                }
                let col = |byte: usize| text[..byte].chars().count() + 1;
                let key_pos = (n, col(at));
                let value = value.trim_start();
                let value_pos = if value.is_empty() || value.starts_with('#') {
                    key_pos
                } else {
                    (n, col(text.len() - value.len()))
                };
                return Some((key_pos, value_pos));
            }
        }
        None
    }

    /// A diagnostic in this file.
    pub fn err(&self, pos: Pos, message: String) -> Diagnostic {
        Diagnostic::at(&self.name, pos, message)
    }
}

/// One record of a file: parsed, or reported and kept only by its id (if
/// that much could be read) so references to it are not reported too.
pub(super) enum Slot<T> {
    Ok(T),
    Broken(Option<String>),
}

/// The id of a record that did not parse, when its `id` is plain text.
#[derive(serde::Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// Parses one file as a list of `T`, reporting every record that does not
/// fit. `None` when the file as a whole cannot be read (a syntax error, a
/// refusal, no records).
pub(super) fn parse_list<T: DeserializeOwned + Send>(
    file: &FileCtx,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<Slot<T>>> {
    let odd = syntax::numbers(file);
    let before = errors.len();
    let slots = parse_records(file, errors);
    if !odd.is_empty() {
        // YAML read `0x1FF` as 511: the number as written says more.
        let lines: hashbrown::HashSet<usize> = odd.iter().map(|o| o.line).collect();
        let mut k = 0;
        errors.retain(|d| {
            k += 1;
            k <= before || !lines.contains(&d.line)
        });
        errors.extend(odd);
    }
    slots
}

/// [`parse_list`], without the scan for numbers the format does not allow.
fn parse_records<T: DeserializeOwned + Send>(
    file: &FileCtx,
    errors: &mut Vec<Diagnostic>,
) -> Option<Vec<Slot<T>>> {
    let significant = file.text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#') && t != "---"
    });
    if !significant {
        let what = if file.text.trim().is_empty() {
            "file is empty"
        } else {
            "file holds only comments"
        };
        errors.push(
            Diagnostic::file(&file.name, what.to_string())
                .hint("write a YAML list of records (`- id: ...`), or `[]` for none"),
        );
        return None;
    }
    if let Some(d) = before_parsing(file) {
        errors.push(d);
        return None;
    }
    if let Some(records) = parse_in_parts(file.text) {
        return Some(records.into_iter().map(Slot::Ok).collect());
    }
    let whole = match serde_yaml::from_str::<Vec<T>>(file.text) {
        Ok(records) => return Some(records.into_iter().map(Slot::Ok).collect()),
        Err(e) => e,
    };
    // Parse record by record to report every record's error (a type
    // error or a syntax error) and keep the records that are fine; the
    // whole file's error stands when no single record fails.
    let Some(chunks) = file.loc().chunks(file.text) else {
        return whole_file(file, &whole, errors);
    };
    let mut slots = Vec::with_capacity(chunks.len());
    let mut found = Vec::new();
    for (i, &(start, first_line)) in chunks.iter().enumerate() {
        let end = chunks.get(i + 1).map_or(file.text.len(), |c| c.0);
        let chunk = &file.text[start..end];
        match serde_yaml::from_str::<Vec<T>>(chunk) {
            Ok(mut one) if one.len() == 1 => slots.extend(one.pop().map(Slot::Ok)),
            Ok(_) => return whole_file(file, &whole, errors),
            Err(e) => {
                found.push(yaml_error(file, &e, first_line));
                let id = serde_yaml::from_str::<Vec<IdOnly>>(chunk)
                    .ok()
                    .and_then(|mut v| v.pop())
                    .and_then(|r| r.id);
                slots.push(Slot::Broken(id));
            }
        }
    }
    if found.is_empty() {
        return whole_file(file, &whole, errors);
    }
    errors.extend(found);
    Some(slots)
}

/// What a file parsed to, kept so that a reload skips parsing it again
/// while its text is the same: the text's BLAKE3 and its records.
pub(super) struct Memo<T> {
    text: blake3::Hash,
    records: Vec<T>,
}

impl<T> Memo<T> {
    /// Where the records are kept: the same address means the file was
    /// not parsed again.
    #[cfg(test)]
    pub fn records_at(&self) -> *const T {
        self.records.as_ptr()
    }
}

/// Like [`parse_list`], but through `memo`: a text identical to the last
/// one gives back its records without parsing; otherwise the file is parsed
/// and, if every record parsed, remembered.
pub(super) fn parse_memo<T: DeserializeOwned + Send + Clone>(
    file: &FileCtx,
    errors: &mut Vec<Diagnostic>,
    memo: &mut Option<Memo<T>>,
) -> Option<Vec<Slot<T>>> {
    let text = blake3::hash(file.text.as_bytes());
    if let Some(m) = memo.as_ref().filter(|m| m.text == text) {
        return Some(m.records.iter().cloned().map(Slot::Ok).collect());
    }
    let slots = parse_list::<T>(file, errors);
    let records = slots.as_ref().and_then(|slots| {
        slots
            .iter()
            .map(|slot| match slot {
                Slot::Ok(r) => Some(r.clone()),
                Slot::Broken(_) => None,
            })
            .collect::<Option<Vec<T>>>()
    });
    *memo = records.map(|records| Memo { text, records });
    slots
}

/// Reports an error that makes the whole file unreadable.
fn whole_file<T>(file: &FileCtx, e: &serde_yaml::Error, errors: &mut Vec<Diagnostic>) -> Option<T> {
    errors.push(yaml_error(file, e, 0));
    None
}

/// What must be refused before the YAML parser sees the file: aliases,
/// deep nesting, tags, control bytes and more than one document.
fn before_parsing(file: &FileCtx) -> Option<Diagnostic> {
    if let Err(refusal) = guard::check(file.text) {
        return Some(refused(file, refusal));
    }
    prescan::check(file)
}

/// Files larger than this are parsed in parts on several threads.
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// The size of a part. The parser holds a whole part's events in memory
/// before building its records, so small parts keep memory low (and the
/// pages it touches warm): 20 MB parsed in two halves peaked at ~600 MB.
const PART_BYTES: usize = 256 << 10;

/// Parses a large block list in parts of about [`PART_BYTES`], split at
/// record starts (`- ` at column 0), on one thread per core. `None` when
/// the file is small, not of that shape, or any part fails: the caller
/// then parses it whole, which is authoritative for every error (e.g. an
/// alias to an anchor in another part).
fn parse_in_parts<T: DeserializeOwned + Send>(text: &str) -> Option<Vec<T>> {
    // Small files first: asking for the cores reads cgroup files.
    if text.len() < PARALLEL_MIN_BYTES {
        return None;
    }
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads < 2 {
        return None;
    }
    let first_item = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    if !first_item.starts_with("- ") {
        return None;
    }
    let parts = record_parts(text, PART_BYTES);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    // Each worker takes the next part until none is left, keeping what it
    // parsed by part number.
    let work = || {
        let mut done: Vec<(usize, Vec<T>)> = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            let Some(part) = parts.get(k) else { break };
            if failed.load(Ordering::Relaxed) {
                break;
            }
            match serde_yaml::from_str::<Vec<T>>(part) {
                Ok(records) => done.push((k, records)),
                Err(_) => failed.store(true, Ordering::Relaxed),
            }
        }
        done
    };
    let mut done: Vec<(usize, Vec<T>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    if failed.into_inner() || done.len() != parts.len() {
        return None;
    }
    done.sort_unstable_by_key(|(k, _)| *k);
    let mut all = Vec::with_capacity(done.iter().map(|(_, r)| r.len()).sum());
    for (_, records) in done {
        all.extend(records);
    }
    Some(all)
}

/// `text` cut into pieces of about `size` bytes, each ending just before
/// a line that starts with `- `.
fn record_parts(text: &str, size: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let target = (start + size).min(text.len());
        let end = text
            .get(target..)
            .and_then(|rest| rest.find("\n- "))
            .map_or(text.len(), |at| target + at + 1);
        parts.push(&text[start..end]);
        start = end;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Rec {
        id: String,
        n: u32,
    }

    /// A block list of `n` records, with a comment and a nested list so
    /// that not every line starts a record.
    fn list(n: u32) -> String {
        let mut text = String::from("# records\n");
        for i in 0..n {
            text.push_str(&format!("- id: rec-{i}\n  n: {i}\n  # note\n"));
        }
        text
    }

    #[test]
    fn parts_cover_the_text_and_start_at_records() {
        let text = list(2000);
        let parts = record_parts(&text, 1000);
        assert!(parts.len() > 40, "{} parts", parts.len());
        assert_eq!(parts.concat(), text);
        assert!(parts[1..].iter().all(|p| p.starts_with("- id: rec-")));
    }

    #[test]
    fn a_large_file_parsed_in_parts_equals_the_whole_parse() {
        let text = list(60_000);
        assert!(text.len() > PARALLEL_MIN_BYTES);
        let whole: Vec<Rec> = serde_yaml::from_str(&text).unwrap();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let Some(parts) = parse_in_parts::<Rec>(&text) else {
            assert_eq!(cores, 1, "a one-core machine parses whole");
            return;
        };
        assert_eq!(parts.len(), 60_000);
        assert_eq!(parts, whole);
    }

    #[test]
    fn a_part_that_fails_makes_the_caller_parse_whole() {
        let mut text = list(60_000);
        text.push_str("- id: bad\n  n: not a number\n");
        assert!(parse_in_parts::<Rec>(&text).is_none());
    }
}
