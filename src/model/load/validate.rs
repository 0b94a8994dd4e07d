//! The validation pass: ids, references, dates, text and amounts.

use super::super::diag::{Diagnostic, MAX_ID_LEN, closest};
use super::super::locate::Pos;
use super::super::{Amount, Date, Record, SourceIx, Term};
use super::parse::FileCtx;
use super::position::{At, FileId};
use super::raw::RawAmount;
use super::{FILES, currency};
use std::fmt;
use std::sync::Arc;

/// The plain YAML words for null, which serde reads into a text field as
/// the text itself ("null"): unquoted, the loader reports them.
const NULLS: [&str; 4] = ["~", "null", "Null", "NULL"];

/// Amounts from this value up cannot be shown at display precision.
pub(super) const MAX_AMOUNT: f64 = 1e18;

/// Whether text is empty or only blanks and invisible characters.
pub(super) fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' | '\u{180e}'
            )
    })
}

/// Which sort of record a reference must point at.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Want {
    Source,
    Org,
    Person,
    Event,
}

impl Want {
    fn accepts(self, r: Record) -> bool {
        matches!(
            (self, r),
            (Want::Source, Record::Source(_))
                | (Want::Org, Record::Org(_))
                | (Want::Person, Record::Person(_))
                | (Want::Event, Record::Event(_))
        )
    }

    fn noun(self) -> &'static str {
        match self {
            Want::Source => "source",
            Want::Org => "organization",
            Want::Person => "person",
            Want::Event => "event",
        }
    }

    fn file_id(self) -> FileId {
        match self {
            Want::Source => FileId::Sources,
            Want::Org => FileId::Organizations,
            Want::Person => FileId::People,
            Want::Event => FileId::Events,
        }
    }

    fn file(self) -> &'static str {
        match self {
            Want::Source => "sources.yaml",
            Want::Org => "organizations.yaml",
            Want::Person => "people.yaml",
            Want::Event => "events.yaml",
        }
    }
}

/// Whether the embedded data holds an id of kind `want`.
fn embedded_has(want: Want, id: &str) -> bool {
    super::super::Dataset::embedded_lookup(id).is_some_and(|r| want.accepts(r))
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
    /// Every id registered, shared (read-only) with the validators of
    /// other threads once registration is over.
    ids: Arc<hashbrown::HashMap<String, Record>>,
    pub errors: Vec<Diagnostic>,
    /// Files that could not be read at all: references into them are not
    /// checked (their ids are unknown), the file's own error says why.
    unreadable: [bool; 4],
    /// Whether an unknown id that the embedded data holds hints `--data
    /// embedded` (the embedded data is not among the layers).
    pub hint_embedded: bool,
    /// Whether warnings are looked for (`rivals check`); a plain load
    /// skips them.
    pub warnings: bool,
}

impl<'f> Validator<'f> {
    /// A validator over `files` holding about `records` records, starting
    /// with the parse errors.
    pub fn new(
        files: [FileCtx<'f>; 4],
        unreadable: [bool; 4],
        errors: Vec<Diagnostic>,
        records: usize,
    ) -> Self {
        Validator {
            files,
            ids: Arc::new(hashbrown::HashMap::with_capacity(records)),
            errors,
            unreadable,
            hint_embedded: false,
            warnings: false,
        }
    }

    /// A validator for another thread, resolving against the same ids and
    /// reporting into its own list (to [`Validator::adopt`] afterwards).
    pub fn child(&self) -> Validator<'f> {
        Validator {
            files: [0, 1, 2, 3].map(|k| self.files[k].fresh()),
            ids: Arc::clone(&self.ids),
            errors: Vec::new(),
            unreadable: self.unreadable,
            hint_embedded: self.hint_embedded,
            warnings: self.warnings,
        }
    }

    /// Takes over the problems a [`Validator::child`] found.
    pub fn adopt(&mut self, child: Validator<'f>) {
        self.errors.extend(child.errors);
    }

    /// The file `file`, for positions.
    pub fn file(&self, file: FileId) -> &FileCtx<'f> {
        &self.files[file.ix()]
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
        if self.is_null(id, At { file, rec, key: "id" }) {
            return;
        }
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
                Arc::make_mut(&mut self.ids).insert(id.to_string(), record);
            }
        }
    }

    /// Resolves a reference, or reports it pointing at the reference itself.
    pub fn resolve(&mut self, want: Want, id: &str, at: At, owner: Owner) -> Option<u32> {
        let found = self.ids.get(id).copied();
        let ix = match (want, found) {
            (Want::Source, Some(Record::Source(i)))
            | (Want::Org, Some(Record::Org(i)))
            | (Want::Person, Some(Record::Person(i)))
            | (Want::Event, Some(Record::Event(i))) => {
                return Some(i);
            }
            (_, other) => other,
        };
        let f = &self.files[at.file.ix()];
        let pos = f.loc().token(at.rec, at.key, id);
        if NULLS.contains(&id) && !f.quoted(pos) {
            let d = f.err(pos, format!("`{}` holds a null (`{id}`)", at.key));
            self.errors
                .push(d.hint("remove it, or write the id it stands for"));
            return None;
        }
        if ix.is_none() && self.unreadable[want.file_id().ix()] {
            return None;
        }
        let noun = want.noun();
        let hint = match ix {
            Some(other) => format!(
                "`{id}` is {}, not {} {noun}",
                record_noun(other),
                if noun == "organization" { "an" } else { "a" }
            ),
            None if self.hint_embedded && embedded_has(want, id) => format!(
                "`{id}` is in the embedded data: to build on it, pass `--data embedded` before your folder"
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
        self.listed_twice(ids, "sources", at, owner);
        self.resolve_all(Want::Source, ids, at, owner)
    }

    /// Warns of an id listed twice in the list `list` at `at` (where a
    /// repeat changes nothing, so a dataset that has one still loads), at
    /// the repeat; only when warnings are looked for.
    pub fn listed_twice(&mut self, ids: &[String], list: &str, at: At, owner: Owner) {
        if !self.warnings {
            return;
        }
        for (k, id) in ids.iter().enumerate() {
            if !ids[..k].contains(id) {
                continue;
            }
            let nth = ids[..k].iter().filter(|x| *x == id).count();
            let f = &self.files[at.file.ix()];
            let pos = f.loc().token_nth(at.rec, at.key, id, nth);
            let d = f
                .err(pos, format!("{owner} lists `{id}` twice in `{list}`"))
                .hint("list each once")
                .warning();
            self.errors.push(d);
        }
    }

    /// Parses a date as written, reporting it at its value when malformed.
    pub fn date(&mut self, text: &str, at: At) -> Option<Date> {
        Date::parse(text)
            .map_err(|msg| {
                let hint = match Date::padded(text) {
                    Some(fixed) => format!("did you mean `{fixed}`?"),
                    None => "write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source".into(),
                };
                self.report_value(at, msg, &hint);
            })
            .ok()
    }

    /// Reports required text that is a plain YAML null, empty or blank.
    pub fn non_empty(&mut self, value: &str, at: At) {
        if self.is_null(value, at) {
            return;
        }
        self.not_blank(Some(value), at);
    }

    /// Reports optional text that is given but empty or blank.
    pub fn not_blank(&mut self, value: Option<&str>, at: At) {
        if value.is_some_and(is_blank) {
            self.report_value(
                at,
                format!("`{}` is empty", at.key),
                "write some text, or leave the field out if it is optional",
            );
        }
    }

    /// Whether `value` is an unquoted `null` or `~` (reported), which
    /// serde would otherwise read as the text "null".
    pub fn is_null(&mut self, value: &str, at: At) -> bool {
        if !NULLS.contains(&value) {
            return false;
        }
        let f = &self.files[at.file.ix()];
        if f.loc().key(at.rec, &[at.key]).is_none() {
            return false;
        }
        let (line, col) = f.value(at.rec, &[at.key]);
        if f.char_at((line, col)).is_some_and(|c| c == '"' || c == '\'') {
            return false;
        }
        self.report_value(
            at,
            format!("`{}` is null", at.key),
            &format!(
                "write the {}; quote it (\"{value}\") if that is really the text",
                at.key
            ),
        );
        true
    }

    /// Checks a record's aliases: none blank, none repeated, none its name.
    pub fn aliases(&mut self, aliases: &[String], name: &str, at: At) {
        for (k, alias) in aliases.iter().enumerate() {
            let f = &self.files[at.file.ix()];
            let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
            // Only a null word is looked for in the text.
            let null = || {
                NULLS
                    .contains(&alias.as_str())
                    .then(|| f.loc().token(at.rec, at.key, alias))
                    .filter(|&pos| !f.quoted(pos))
            };
            let (message, hint, pos) = if let Some(pos) = null() {
                (
                    format!("`{}` holds a null (`{alias}`)", at.key),
                    "remove it, or write the other name; quote it (\"null\") if that is really the name",
                    pos,
                )
            } else if is_blank(alias) {
                let pos = f.key(at.rec, at.key);
                (
                    "an alias is empty".to_string(),
                    "remove it, or write the other name",
                    pos,
                )
            } else if same(alias, name) {
                let pos = f.loc().token(at.rec, at.key, alias);
                (
                    format!("alias `{alias}` is the record's own name"),
                    "remove it: the name is already searched",
                    pos,
                )
            } else if let Some(first) = aliases[..k].iter().position(|a| same(a, alias)) {
                let nth = usize::from(aliases[first] == *alias);
                let pos = f.loc().token_nth(at.rec, at.key, alias, nth);
                (
                    format!("alias `{alias}` is listed twice"),
                    "list each alias once",
                    pos,
                )
            } else {
                continue;
            };
            let d = f.err(pos, message).hint(hint);
            self.errors.push(d);
        }
    }

    /// Checks an amount of record `rec` of events.yaml whose key is at
    /// `from`, at the key `path` when it and the keys above it are written
    /// in block style (empty in a list, as in a dispute's alternatives); an
    /// `equivalent` is checked like an amount, each problem reported at its
    /// own value.
    pub fn amount(&mut self, raw: RawAmount, rec: usize, path: &[&'static str], from: Pos) -> Option<Amount> {
        let f = &self.files[FileId::Events.ix()];
        let end = f.loc().record(rec + 1).0;
        let end = if end > from.0 { end } else { usize::MAX };
        let within = |field: &'static str| {
            let mut at = path.to_vec();
            at.push(field);
            (!path.is_empty() && f.loc().key(rec, &at).is_some()).then_some(at)
        };
        let pos = |field: &'static str| match within(field) {
            Some(at) => f.value(rec, &at),
            None => f.key_after(from, end, field, 0).map_or(from, |(_, value)| value),
        };
        let mut errors = Vec::new();
        if !raw.value.is_finite() || raw.value.is_sign_negative() {
            errors.push(
                f.err(
                    pos("value"),
                    format!("amount `{}` is not a finite, non-negative number", raw.value),
                )
                .hint("write a plain number in units, e.g. 14.3e9"),
            );
        } else if raw.value >= MAX_AMOUNT {
            errors.push(
                f.err(
                    pos("value"),
                    format!("amount `{}` is too large to display", raw.value),
                )
                .hint("write the amount in units of its currency; amounts stop below 1e18"),
            );
        }
        if raw.text.as_deref().is_some_and(is_blank) {
            errors.push(
                f.err(pos("text"), "`text` is empty".into())
                    .hint("write some text, or leave the field out if it is optional"),
            );
        }
        let currency = currency::find(&raw.currency);
        if currency.is_none() {
            errors.push(
                f.err(pos("currency"), format!("unknown currency `{}`", raw.currency))
                    .hint(currency::hint(&raw.currency)),
            );
        }
        let period = raw.period.and_then(|p| {
            let parsed = Term::parse(&p.0);
            if parsed.is_none() {
                errors.push(
                    f.err(pos("period"), format!("period `{}` is not a length of time", p.0))
                        .hint("write `N years` or `N months`, e.g. `period: 4 years`"),
                );
            }
            parsed
        });
        let ok = errors.is_empty();
        self.errors.extend(errors);
        let (inner, inner_from) = match within("equivalent") {
            Some(at) => {
                let key = f.loc().key(rec, &at).unwrap_or(from);
                (at, key)
            }
            None => {
                let key = f
                    .key_after(from, end, "equivalent", 0)
                    .map_or(from, |(key, _)| key);
                (Vec::new(), key)
            }
        };
        let equivalent = raw
            .equivalent
            .map(|m| self.amount(m.into(), rec, &inner, inner_from));
        let equivalent = match equivalent {
            Some(None) => return None,
            Some(Some(a)) => Some(Box::new(a)),
            None => None,
        };
        Some(Amount {
            value: raw.value,
            currency: currency?,
            text: raw.text,
            equivalent,
            up_to: raw.up_to.unwrap_or(false),
            at_least: raw.at_least.unwrap_or(false),
            period,
            per: raw.per,
        })
        .filter(|_| ok)
    }
}
