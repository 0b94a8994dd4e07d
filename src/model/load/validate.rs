//! The validation pass: ids, references, dates, text and amounts.

use super::super::diag::{Diagnostic, MAX_ID_LEN, closest};
use super::super::{Amount, Date, Record, SourceIx};
use super::FILES;
use super::parse::FileCtx;
use super::raw::RawAmount;
use std::fmt;

/// Currencies an amount may be given in (ISO 4217).
const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "JPY", "CAD", "CHF", "INR", "KRW", "AUD", "SEK", "SGD", "HKD", "AED", "SAR",
    "ILS", "BRL",
];

/// One of the four dataset files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FileId {
    Sources,
    Organizations,
    People,
    Events,
}

impl FileId {
    /// The four files, in load order.
    pub const ALL: [FileId; 4] = [
        FileId::Sources,
        FileId::Organizations,
        FileId::People,
        FileId::Events,
    ];

    /// The file's place in [`FILES`] and in the validator's files.
    pub fn ix(self) -> usize {
        self as usize
    }

    /// The file a record lives in.
    fn of(r: Record) -> (FileId, usize) {
        match r {
            Record::Source(i) => (FileId::Sources, i as usize),
            Record::Org(i) => (FileId::Organizations, i as usize),
            Record::Person(i) => (FileId::People, i as usize),
            Record::Event(i) => (FileId::Events, i as usize),
        }
    }
}

/// Where a value stands: a record of a file, and the key holding it.
#[derive(Clone, Copy, Debug)]
pub(super) struct At {
    pub file: FileId,
    /// The record's place in its file.
    pub rec: usize,
    pub key: &'static str,
}

impl At {
    /// The same record, another key.
    pub fn key(self, key: &'static str) -> At {
        At { key, ..self }
    }
}

/// Which sort of record a reference must point at.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Want {
    Source,
    Org,
    Person,
}

impl Want {
    fn accepts(self, r: Record) -> bool {
        matches!(
            (self, r),
            (Want::Source, Record::Source(_))
                | (Want::Org, Record::Org(_))
                | (Want::Person, Record::Person(_))
        )
    }

    fn noun(self) -> &'static str {
        match self {
            Want::Source => "source",
            Want::Org => "organization",
            Want::Person => "person",
        }
    }

    fn file_id(self) -> FileId {
        match self {
            Want::Source => FileId::Sources,
            Want::Org => FileId::Organizations,
            Want::Person => FileId::People,
        }
    }

    fn file(self) -> &'static str {
        match self {
            Want::Source => "sources.yaml",
            Want::Org => "organizations.yaml",
            Want::Person => "people.yaml",
        }
    }
}

fn record_noun(r: Record) -> &'static str {
    match r {
        Record::Source(_) => "a source",
        Record::Org(_) => "an organization",
        Record::Person(_) => "a person",
        Record::Event(_) => "an event",
    }
}

/// Whether `id` is a lowercase slug: `a-z0-9` words joined by single hyphens.
fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id
            .split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

fn slugify(id: &str) -> String {
    let mut out = String::new();
    for c in id.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The record a problem belongs to (`event `x``), formatted only when
/// there is a problem to report.
#[derive(Clone, Copy)]
pub(super) struct Owner<'a>(pub &'static str, pub &'a str);

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} `{}`", self.0, self.1)
    }
}

/// Suggestions are costly on huge datasets; only the first problems get one.
pub(super) const MAX_SUGGESTIONS: usize = 200;

/// The validation pass: ids, references, dates and amounts.
pub(super) struct Validator<'f> {
    files: [FileCtx<'f>; 4],
    ids: hashbrown::HashMap<String, Record>,
    pub errors: Vec<Diagnostic>,
    /// Files that could not be read at all: references into them are not
    /// checked (their ids are unknown), the file's own error says why.
    unreadable: [bool; 4],
}

impl<'f> Validator<'f> {
    /// A validator over `files`, starting with the parse errors.
    pub fn new(files: [FileCtx<'f>; 4], unreadable: [bool; 4], errors: Vec<Diagnostic>) -> Self {
        Validator {
            files,
            ids: hashbrown::HashMap::new(),
            errors,
            unreadable,
        }
    }

    /// Reports a problem at the value of `at`.
    pub fn report_value(&mut self, at: At, message: String, hint: &str) {
        let f = &self.files[at.file.ix()];
        let d = f.err(f.value(at.rec, &[at.key]), message).hint(hint);
        self.errors.push(d);
    }

    /// Reports a problem at the key of `at` (or its record's start).
    pub fn report_key(&mut self, at: At, message: String, hint: &str) {
        let f = &self.files[at.file.ix()];
        let d = f.err(f.key(at.rec, at.key), message).hint(hint);
        self.errors.push(d);
    }

    /// Records `id` as naming `record`, reporting malformed and duplicate ids.
    pub fn register(&mut self, record: Record, id: &str) {
        let (file, rec) = FileId::of(record);
        let f = &self.files[file.ix()];
        if id.len() > MAX_ID_LEN {
            let shown: String = id.chars().take(20).collect();
            self.errors.push(
                f.err(
                    f.value(rec, &["id"]),
                    format!(
                        "id `{shown}…` is {} bytes long, over the limit of {MAX_ID_LEN}",
                        id.len()
                    ),
                )
                .hint("ids are short slugs typed on the command line, e.g. `sam-altman`"),
            );
        } else if !is_slug(id) {
            let suggestion = slugify(id);
            let hint = if suggestion.is_empty() {
                "use lowercase letters, digits and single hyphens".to_string()
            } else {
                format!("use lowercase letters, digits and single hyphens, e.g. `{suggestion}`")
            };
            self.errors.push(
                f.err(
                    f.value(rec, &["id"]),
                    format!("id `{id}` is not a lowercase slug"),
                )
                .hint(hint),
            );
        }
        match self.ids.get(id) {
            Some(&first) => {
                let (first_file, first_rec) = FileId::of(first);
                let (line, col) = self.files[first_file.ix()].value(first_rec, &["id"]);
                let short = FILES[first_file.ix()];
                self.errors.push(
                    f.err(
                        f.value(rec, &["id"]),
                        format!("duplicate id `{id}` (first defined at {short}:{line}:{col})"),
                    )
                    .hint("give each record its own id"),
                );
            }
            None => {
                self.ids.insert(id.to_string(), record);
            }
        }
    }

    /// Resolves a reference, or reports it pointing at the reference itself.
    pub fn resolve(&mut self, want: Want, id: &str, at: At, owner: Owner) -> Option<u32> {
        let found = self.ids.get(id).copied();
        let ix = match (want, found) {
            (Want::Source, Some(Record::Source(i)))
            | (Want::Org, Some(Record::Org(i)))
            | (Want::Person, Some(Record::Person(i))) => {
                return Some(i);
            }
            (want, None) if self.unreadable[want.file_id().ix()] => return None,
            (_, other) => other,
        };
        let f = &self.files[at.file.ix()];
        let pos = f.loc().token(at.rec, at.key, id);
        let noun = want.noun();
        let hint = match ix {
            Some(other) => format!(
                "`{id}` is {}, not {} {noun}",
                record_noun(other),
                if noun == "organization" { "an" } else { "a" }
            ),
            None => {
                let suggestion = if self.errors.len() < MAX_SUGGESTIONS {
                    let same_kind = self
                        .ids
                        .iter()
                        .filter(|(k, r)| want.accepts(**r) && is_slug(k) && k.len() <= MAX_ID_LEN)
                        .map(|(k, _)| k.as_str());
                    closest(id, same_kind)
                } else {
                    None
                };
                match suggestion {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("add a record with id `{id}` to {}, or fix the id", want.file()),
                }
            }
        };
        self.errors.push(
            f.err(pos, format!("{owner} refers to unknown {noun} `{id}`"))
                .hint(hint),
        );
        None
    }

    /// Resolves a list of references, dropping the unknown ones.
    pub fn resolve_all(&mut self, want: Want, ids: &[String], at: At, owner: Owner) -> Vec<u32> {
        ids.iter()
            .filter_map(|id| self.resolve(want, id, at, owner))
            .collect()
    }

    /// Resolves a record's sources; at least one is required.
    pub fn sources(&mut self, ids: &[String], at: At, owner: Owner) -> Vec<SourceIx> {
        if ids.is_empty() {
            self.report_key(
                at,
                format!("{owner} names no source"),
                "list the article(s) it comes from, e.g. `sources: [source-id]`",
            );
        }
        self.resolve_all(Want::Source, ids, at, owner)
    }

    /// Parses a date, reporting it at its value when malformed.
    pub fn date(&mut self, text: &str, at: At) -> Option<Date> {
        Date::parse(text)
            .map_err(|msg| {
                self.report_value(
                    at,
                    msg,
                    "write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source",
                );
            })
            .ok()
    }

    /// Reports text that is empty or only blanks.
    pub fn non_empty(&mut self, value: &str, at: At) {
        if value.trim().is_empty() {
            self.report_value(
                at,
                format!("`{}` is empty", at.key),
                "write some text, or leave the field out if it is optional",
            );
        }
    }

    /// Checks an event's amount (record `rec` of events.yaml).
    pub fn amount(&mut self, raw: RawAmount, rec: usize) -> Option<Amount> {
        let f = &self.files[FileId::Events.ix()];
        let mut ok = true;
        if !raw.value.is_finite() || raw.value < 0.0 {
            self.errors.push(
                f.err(
                    f.value(rec, &["amount", "value"]),
                    format!("amount `{}` is not a finite, non-negative number", raw.value),
                )
                .hint("write a plain number in units, e.g. 14.3e9"),
            );
            ok = false;
        }
        let currency = CURRENCIES.iter().copied().find(|&c| c == raw.currency);
        if currency.is_none() {
            let hint = match closest(&raw.currency.to_uppercase(), CURRENCIES.iter().copied()) {
                Some(s) => format!("did you mean `{s}`? known: {}", CURRENCIES.join(", ")),
                None => format!("use an ISO 4217 code: {}", CURRENCIES.join(", ")),
            };
            self.errors.push(
                f.err(
                    f.value(rec, &["amount", "currency"]),
                    format!("unknown currency `{}`", raw.currency),
                )
                .hint(hint),
            );
            ok = false;
        }
        Some(Amount {
            value: raw.value,
            currency: currency?,
            text: raw.text,
        })
        .filter(|_| ok)
    }
}
