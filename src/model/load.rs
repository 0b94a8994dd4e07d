//! Loading: from the four files' text to a validated [`Dataset`].
//!
//! This is the only module that calls serde_yaml, so the YAML crate can be
//! swapped here alone. Loading is pure (text in, dataset or diagnostics
//! out) and reports every problem it finds, never a partial dataset.

use super::diag::{Diagnostic, closest};
use super::guard::{self, MAX_DEPTH, Refusal};
use super::locate::{Locator, Pos};
use super::{
    Alternative, Amount, Dataset, Date, Details, Disputed, Event, EventKind, OrgIx, OrgKind, Organization,
    Person, Record, Source, SourceIx,
};
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use std::cell::OnceCell;
use std::fmt;

/// The file names of a dataset folder, in load order.
pub const FILES: [&str; 4] = ["sources.yaml", "organizations.yaml", "people.yaml", "events.yaml"];

/// The text of a dataset's four files.
#[derive(Clone, Copy, Debug)]
pub struct Files<'a> {
    pub sources: &'a str,
    pub organizations: &'a str,
    pub people: &'a str,
    pub events: &'a str,
}

/// Currencies an amount may be given in (ISO 4217).
const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "CNY", "JPY", "CAD", "CHF", "INR", "KRW", "AUD", "SEK", "SGD", "HKD", "AED", "SAR",
    "ILS", "BRL",
];

/// A scalar read as text, whether YAML typed it as a string or a number
/// (`date: 2014` and `date: "2014"` mean the same).
#[derive(Debug)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    id: String,
    title: String,
    outlet: Option<String>,
    language: String,
    published: Option<Scalar>,
    file: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOrg {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    kind: OrgKind,
    parent: Option<String>,
    founded: Option<Scalar>,
    summary: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPerson {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    summary: String,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAmount {
    value: f64,
    currency: String,
    text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlternative {
    value: Scalar,
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDisputed {
    note: String,
    alternatives: Vec<RawAlternative>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEvent {
    id: String,
    date: Scalar,
    kind: EventKind,
    #[serde(default)]
    people: Vec<String>,
    count: Option<u32>,
    from: Option<String>,
    to: Option<String>,
    #[serde(default)]
    orgs: Vec<String>,
    role: Option<String>,
    amount: Option<RawAmount>,
    quote: Option<String>,
    summary: String,
    sources: Vec<String>,
    disputed: Option<RawDisputed>,
}

/// One file being loaded: its name for messages, its text, and a line
/// index built only if a problem needs a position.
struct FileCtx<'a> {
    name: String,
    text: &'a str,
    locator: OnceCell<Locator<'a>>,
}

impl<'a> FileCtx<'a> {
    fn new(dir: &str, file: &str, text: &'a str) -> Self {
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

    fn loc(&self) -> &Locator<'a> {
        self.locator.get_or_init(|| Locator::new(self.text))
    }

    fn key(&self, rec: usize, key: &str) -> Pos {
        self.loc()
            .key(rec, &[key])
            .unwrap_or_else(|| self.loc().record(rec))
    }

    fn value(&self, rec: usize, path: &[&str]) -> Pos {
        self.loc().value(rec, path)
    }

    fn err(&self, pos: Pos, message: String) -> Diagnostic {
        Diagnostic::at(&self.name, pos, message)
    }
}

/// Parses one file as a list of `T`, reporting every record that does not fit.
fn parse_list<T: DeserializeOwned + Send>(file: &FileCtx, errors: &mut Vec<Diagnostic>) -> Option<Vec<T>> {
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
    if let Err(refusal) = guard::check(file.text) {
        errors.push(refused(file, refusal));
        return None;
    }
    if let Some(records) = parse_in_parts(file.text) {
        return Some(records);
    }
    let whole = match serde_yaml::from_str::<Vec<T>>(file.text) {
        Ok(records) => return Some(records),
        Err(e) => e,
    };
    // A record-level error: parse record by record to report them all.
    let record_level = whole.to_string().starts_with(".[");
    let mut found = Vec::new();
    if let (true, Some(chunks)) = (record_level, file.loc().chunks(file.text)) {
        for (i, &(start, first_line)) in chunks.iter().enumerate() {
            let end = chunks.get(i + 1).map_or(file.text.len(), |c| c.0);
            if let Err(e) = serde_yaml::from_str::<Vec<T>>(&file.text[start..end]) {
                found.push(yaml_error(file, &e, first_line));
            }
        }
    }
    if found.is_empty() {
        found.push(yaml_error(file, &whole, 0));
    }
    errors.extend(found);
    None
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

/// Turns a serde_yaml error into a diagnostic with a hint.
fn yaml_error(file: &FileCtx, e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let pos = e
        .location()
        .map_or((1, 1), |l| (l.line() + line_offset, l.column()));
    let mut text = e.to_string();
    if let Some(at) = text.rfind(" at line ") {
        text.truncate(at);
    }
    // serde_yaml prefixes record errors with a path such as `.[0].amount.value: `.
    let (path, what) = match text.split_once(": ") {
        Some((p, w)) if p.starts_with('.') => (p.to_string(), w.to_string()),
        _ => (String::new(), text.clone()),
    };
    let field = path
        .rsplit('.')
        .next()
        .filter(|s| !s.is_empty() && !s.starts_with('['));
    let (message, hint) = explain(&what, field);
    let message = match field {
        Some(f) if !message.contains(&format!("`{f}`")) => format!("`{f}`: {message}"),
        _ => message,
    };
    let mut d = file.err(pos, message);
    d.hint = hint;
    d
}

/// The diagnostic for a file the pre-parse guard refused.
fn refused(file: &FileCtx, refusal: Refusal) -> Diagnostic {
    match refusal {
        Refusal::Alias { line, col, name } => file
            .err((line, col), format!("YAML alias `*{name}` is not allowed"))
            .hint("write the value out in full; aliases can expand a small file into gigabytes, and the format never needs them"),
        Refusal::TooDeep { line, col } => file
            .err((line, col), format!("nested more than {MAX_DEPTH} levels deep"))
            .hint("dataset records are flat lists of fields; check for unclosed brackets"),
    }
}

/// The `names` in a serde message, in order.
fn ticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// From serde's "`bad`, expected one of `a`, `b`": the bad name, and a
/// hint with the closest allowed name and the whole `listing`.
fn suggest(rest: &str, listing: &str) -> (String, String) {
    let names = ticked(rest);
    let (bad, allowed) = names
        .split_first()
        .map_or(("", &[][..]), |(b, a)| (b.as_str(), a));
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let hint = match closest(bad, allowed.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? {listing}: {}", allowed.join(", ")),
        None => format!("{listing}: {}", allowed.join(", ")),
    };
    (bad.to_string(), hint)
}

/// Rewords a serde or YAML message and finds a hint for it.
fn explain(what: &str, field: Option<&str>) -> (String, Option<String>) {
    if let Some(rest) = what.strip_prefix("unknown field ") {
        let (bad, hint) = suggest(rest, "allowed fields");
        return (format!("unknown field `{bad}`"), Some(hint));
    }
    if let Some(rest) = what.strip_prefix("unknown variant ") {
        let (bad, hint) = suggest(rest, "one of");
        let what = field.map_or("value".to_string(), |f| format!("`{f}`"));
        return (format!("unknown {what} `{bad}`"), Some(hint));
    }
    if let Some(rest) = what.strip_prefix("missing field ") {
        let name = ticked(rest).into_iter().next().unwrap_or_default();
        return (
            format!("missing field `{name}`"),
            Some(format!("add `{name}:` to this record")),
        );
    }
    if what.starts_with("duplicate field") {
        return (what.to_string(), Some("write each field once per record".into()));
    }
    if what.starts_with("invalid type: map, expected a sequence") && field.is_none() {
        return (
            "the file holds a map, but a dataset file is a list of records".into(),
            Some("start each record with `- ` (e.g. `- id: ...`)".into()),
        );
    }
    if what.starts_with("invalid type") || what.starts_with("invalid value") {
        let hint = match field {
            Some("people" | "orgs" | "aliases" | "sources" | "alternatives") => {
                "write a list, e.g. `[a, b]`".to_string()
            }
            Some("date" | "published" | "founded") => "write a date as YYYY, YYYY-MM or YYYY-MM-DD".into(),
            Some("value") => "write a plain number in units, e.g. 14.3e9".into(),
            Some("count") => "write a whole number of people, e.g. 11".into(),
            None => "each element of the list must be a map of fields (`- id: ...`)".into(),
            _ => "check the value's type against the format in README.md".into(),
        };
        return (what.to_string(), Some(hint));
    }
    if what.contains("tab character") {
        return (
            what.to_string(),
            Some("indent with spaces; YAML does not allow tabs in indentation".into()),
        );
    }
    if what.contains("repetition limit") || what.contains("recursion limit") {
        return (
            format!("{what}: the file expands aliases or nests too deeply"),
            Some("write values out plainly; the format needs no anchors, aliases or deep nesting".into()),
        );
    }
    (
        what.to_string(),
        Some("check the indentation and quoting near here".into()),
    )
}

/// Which sort of record a reference must point at.
#[derive(Clone, Copy, PartialEq)]
enum Want {
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
struct Owner<'a>(&'static str, &'a str);

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{} `{}`", self.0, self.1)
    }
}

/// Suggestions are costly on huge datasets; only the first problems get one.
const MAX_SUGGESTIONS: usize = 200;

/// The validation pass: ids, references, dates and amounts.
struct Validator<'f> {
    files: [FileCtx<'f>; 4],
    ids: hashbrown::HashMap<String, Record>,
    errors: Vec<Diagnostic>,
}

impl<'f> Validator<'f> {
    fn register(&mut self, file: usize, rec: usize, id: &str, record: Record) {
        let f = &self.files[file];
        if !is_slug(id) {
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
                let (first_file, first_rec) = match first {
                    Record::Source(i) => (0, i),
                    Record::Org(i) => (1, i),
                    Record::Person(i) => (2, i),
                    Record::Event(i) => (3, i),
                };
                let (line, col) = self.files[first_file].value(first_rec as usize, &["id"]);
                let short = FILES[first_file];
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
    fn resolve(&mut self, want: Want, id: &str, at: (usize, usize, &str), owner: Owner) -> Option<u32> {
        let (file, rec, key) = at;
        let found = self.ids.get(id).copied();
        let ix = match (want, found) {
            (Want::Source, Some(Record::Source(i)))
            | (Want::Org, Some(Record::Org(i)))
            | (Want::Person, Some(Record::Person(i))) => {
                return Some(i);
            }
            (_, other) => other,
        };
        let f = &self.files[file];
        let pos = f.loc().token(rec, key, id);
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
                        .filter(|(_, r)| want.accepts(**r))
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

    fn resolve_all(
        &mut self,
        want: Want,
        ids: &[String],
        at: (usize, usize, &str),
        owner: Owner,
    ) -> Vec<u32> {
        ids.iter()
            .filter_map(|id| self.resolve(want, id, at, owner))
            .collect()
    }

    fn sources(&mut self, ids: &[String], at: (usize, usize, &str), owner: Owner) -> Vec<SourceIx> {
        if ids.is_empty() {
            let f = &self.files[at.0];
            let pos = f.key(at.1, at.2);
            self.errors.push(
                f.err(pos, format!("{owner} names no source"))
                    .hint("list the article(s) it comes from, e.g. `sources: [source-id]`"),
            );
        }
        self.resolve_all(Want::Source, ids, at, owner)
    }

    fn date(&mut self, text: &str, at: (usize, usize, &str)) -> Option<Date> {
        Date::parse(text)
            .map_err(|msg| {
                let f = &self.files[at.0];
                let pos = f.value(at.1, &[at.2]);
                self.errors.push(
                    f.err(pos, msg)
                        .hint("write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source"),
                );
            })
            .ok()
    }

    fn non_empty(&mut self, value: &str, at: (usize, usize, &str)) {
        if value.trim().is_empty() {
            let f = &self.files[at.0];
            let pos = f.value(at.1, &[at.2]);
            self.errors.push(
                f.err(pos, format!("`{}` is empty", at.2))
                    .hint("write some text, or leave the field out if it is optional"),
            );
        }
    }

    fn amount(&mut self, raw: RawAmount, rec: usize) -> Option<Amount> {
        let f = &self.files[3];
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

/// Validates the four files and builds the dataset, or returns every
/// problem found. `dir` prefixes file names in messages.
pub fn load(name: &str, files: &Files, dir: &str) -> Result<Dataset, Vec<Diagnostic>> {
    let texts = [files.sources, files.organizations, files.people, files.events];
    let file_ctx: [FileCtx; 4] = std::array::from_fn(|i| FileCtx::new(dir, FILES[i], texts[i]));
    let mut errors = Vec::new();
    let sources = parse_list::<RawSource>(&file_ctx[0], &mut errors);
    let orgs = parse_list::<RawOrg>(&file_ctx[1], &mut errors);
    let people = parse_list::<RawPerson>(&file_ctx[2], &mut errors);
    let events = parse_list::<RawEvent>(&file_ctx[3], &mut errors);
    let (Some(sources), Some(orgs), Some(people), Some(events)) = (sources, orgs, people, events) else {
        return Err(errors);
    };

    let mut v = Validator {
        files: file_ctx,
        ids: hashbrown::HashMap::with_capacity(sources.len() + orgs.len() + people.len() + events.len()),
        errors,
    };
    for (i, s) in sources.iter().enumerate() {
        v.register(0, i, &s.id, Record::Source(i as u32));
    }
    for (i, o) in orgs.iter().enumerate() {
        v.register(1, i, &o.id, Record::Org(i as u32));
    }
    for (i, p) in people.iter().enumerate() {
        v.register(2, i, &p.id, Record::Person(i as u32));
    }
    for (i, e) in events.iter().enumerate() {
        v.register(3, i, &e.id, Record::Event(i as u32));
    }

    let mut ds = Dataset {
        name: name.to_string(),
        sources: Vec::with_capacity(sources.len()),
        orgs: Vec::with_capacity(orgs.len()),
        people: Vec::with_capacity(people.len()),
        events: Vec::with_capacity(events.len()),
        ..Dataset::default()
    };
    for (i, s) in sources.into_iter().enumerate() {
        v.non_empty(&s.title, (0, i, "title"));
        let published = s.published.and_then(|d| v.date(&d.0, (0, i, "published")));
        ds.sources.push(Source {
            id: s.id,
            title: s.title,
            outlet: s.outlet,
            language: s.language,
            published,
            file: s.file,
        });
    }
    for (i, o) in orgs.into_iter().enumerate() {
        let owner = Owner("organization", &o.id);
        v.non_empty(&o.name, (1, i, "name"));
        v.non_empty(&o.summary, (1, i, "summary"));
        let parent = o
            .parent
            .as_deref()
            .and_then(|p| v.resolve(Want::Org, p, (1, i, "parent"), owner));
        let founded = o.founded.and_then(|d| v.date(&d.0, (1, i, "founded")));
        let srcs = v.sources(&o.sources, (1, i, "sources"), owner);
        ds.orgs.push(Organization {
            id: o.id,
            name: o.name,
            aliases: o.aliases,
            kind: o.kind,
            parent,
            founded,
            summary: o.summary,
            sources: srcs,
        });
    }
    for (i, p) in people.into_iter().enumerate() {
        let owner = Owner("person", &p.id);
        v.non_empty(&p.name, (2, i, "name"));
        v.non_empty(&p.summary, (2, i, "summary"));
        let srcs = v.sources(&p.sources, (2, i, "sources"), owner);
        ds.people.push(Person {
            id: p.id,
            name: p.name,
            aliases: p.aliases,
            summary: p.summary,
            sources: srcs,
        });
    }
    let placeholder = Date::year(1);
    for (i, e) in events.into_iter().enumerate() {
        let owner = Owner("event", &e.id);
        v.non_empty(&e.summary, (3, i, "summary"));
        let date = v.date(&e.date.0, (3, i, "date")).unwrap_or(placeholder);
        let people = v.resolve_all(Want::Person, &e.people, (3, i, "people"), owner);
        let org = |v: &mut Validator, id: &Option<String>, key: &str| -> Option<OrgIx> {
            id.as_deref()
                .and_then(|id| v.resolve(Want::Org, id, (3, i, key), owner))
        };
        let from = org(&mut v, &e.from, "from");
        let to = org(&mut v, &e.to, "to");
        let orgs = v.resolve_all(Want::Org, &e.orgs, (3, i, "orgs"), owner);
        if e.count == Some(0) {
            let f = &v.files[3];
            v.errors.push(
                f.err(f.value(i, &["count"]), "`count` is 0".into())
                    .hint("count how many people moved (at least 1), or leave it out"),
            );
        }
        if e.quote.is_some() && e.people.is_empty() {
            let f = &v.files[3];
            v.errors.push(
                f.err(
                    f.key(i, "quote"),
                    format!("{owner} has a quote but no person who said it"),
                )
                .hint("name the speaker first in `people`"),
            );
        }
        let amount = e.amount.and_then(|a| v.amount(a, i));
        let disputed = e.disputed.map(|d| {
            v.non_empty(&d.note, (3, i, "disputed"));
            if d.alternatives.is_empty() {
                let f = &v.files[3];
                v.errors.push(
                    f.err(
                        f.key(i, "disputed"),
                        format!("{owner} is disputed but lists no alternative values"),
                    )
                    .hint("add `alternatives: [{value: ..., sources: [...]}]`"),
                );
            }
            let alternatives = d
                .alternatives
                .into_iter()
                .map(|a| Alternative {
                    value: a.value.0,
                    sources: v.sources(
                        &a.sources,
                        (3, i, "disputed"),
                        Owner("an alternative of event", &e.id),
                    ),
                })
                .collect();
            Disputed {
                note: d.note,
                alternatives,
            }
        });
        let sources = v.sources(&e.sources, (3, i, "sources"), owner);
        let details = (e.count.is_some()
            || e.role.is_some()
            || amount.is_some()
            || e.quote.is_some()
            || disputed.is_some())
        .then(|| {
            Box::new(Details {
                count: e.count,
                role: e.role,
                amount,
                quote: e.quote,
                disputed,
            })
        });
        ds.events.push(Event {
            id: e.id,
            date,
            kind: e.kind,
            people,
            from,
            to,
            orgs,
            summary: e.summary,
            sources,
            details,
        });
    }
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    ds.events.sort_by_key(|e| e.date);
    ds.index();
    Ok(ds)
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
