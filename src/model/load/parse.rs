//! Parsing one file's text into raw records, in parallel when it is large.

use super::super::diag::Diagnostic;
use super::super::guard;
use super::super::locate::{Locator, Pos};
use super::prescan;
use super::yaml_error::{refused, yaml_error};
use serde::de::DeserializeOwned;
use std::cell::OnceCell;

/// One file being loaded: its name for messages, its text, and a line
/// index built only if a problem needs a position.
pub(super) struct FileCtx<'a> {
    pub name: String,
    pub text: &'a str,
    locator: OnceCell<Locator<'a>>,
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
    // A record-level error: parse record by record to report them all and
    // keep the records that are fine.
    let record_level = whole.to_string().starts_with(".[");
    if let (true, Some(chunks)) = (record_level, file.loc().chunks(file.text)) {
        let mut slots = Vec::with_capacity(chunks.len());
        for (i, &(start, first_line)) in chunks.iter().enumerate() {
            let end = chunks.get(i + 1).map_or(file.text.len(), |c| c.0);
            let chunk = &file.text[start..end];
            match serde_yaml::from_str::<Vec<T>>(chunk) {
                Ok(mut one) if one.len() == 1 => slots.extend(one.pop().map(Slot::Ok)),
                Ok(_) => return whole_file(file, &whole, errors),
                Err(e) => {
                    errors.push(yaml_error(file, &e, first_line));
                    let id = serde_yaml::from_str::<Vec<IdOnly>>(chunk)
                        .ok()
                        .and_then(|mut v| v.pop())
                        .and_then(|r| r.id);
                    slots.push(Slot::Broken(id));
                }
            }
        }
        return Some(slots);
    }
    whole_file(file, &whole, errors)
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

/// Parses a large block list in parts, one thread each, split at record
/// starts (`- ` at column 0). `None` when the file is small, not of that
/// shape, or any part fails: the caller then parses it whole, which is
/// authoritative for every error (e.g. an alias to an anchor in another part).
fn parse_in_parts<T: DeserializeOwned + Send>(text: &str) -> Option<Vec<T>> {
    let parts = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if text.len() < PARALLEL_MIN_BYTES || parts < 2 {
        return None;
    }
    let first_item = text
        .lines()
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    if !first_item.starts_with("- ") {
        return None;
    }
    let mut cuts = vec![0];
    for k in 1..parts {
        let target = (text.len() * k / parts).max(cuts[cuts.len() - 1]);
        if let Some(at) = text.get(target..).and_then(|rest| rest.find("\n- ")) {
            cuts.push(target + at + 1);
        }
    }
    cuts.push(text.len());
    cuts.dedup();
    let results: Vec<Option<Vec<T>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = cuts
            .windows(2)
            .map(|w| {
                let part = &text[w[0]..w[1]];
                scope.spawn(move || serde_yaml::from_str::<Vec<T>>(part).ok())
            })
            .collect();
        handles.into_iter().map(|h| h.join().ok().flatten()).collect()
    });
    let mut all = Vec::new();
    for part in results {
        all.extend(part?);
    }
    Some(all)
}
