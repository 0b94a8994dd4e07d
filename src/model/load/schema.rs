//! JSON Schemas of the four files, generated with schemars from the [`raw`]
//! records the loader parses, so the schema cannot drift from the format.
//!
//! The schemas describe the files as an editor's YAML 1.2 reads them: an
//! unquoted year is a number, a quoted one a string.

use super::super::diag::MAX_ID_LEN;
use super::super::flow::MAX_COUNT;
use super::currency;
use super::raw::{DateText, RawEvent, RawOrg, RawPerson, RawSource, Scalar};
use super::validate::{MAX_AMOUNT, is_blank};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// One of the four files of a dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFile {
    /// `sources.yaml`
    Sources,
    /// `organizations.yaml`
    Organizations,
    /// `people.yaml`
    People,
    /// `events.yaml`
    Events,
}

impl DataFile {
    /// The four files, in load order.
    pub const ALL: [DataFile; 4] = [
        DataFile::Sources,
        DataFile::Organizations,
        DataFile::People,
        DataFile::Events,
    ];

    /// The file's name without `.yaml`.
    pub fn stem(self) -> &'static str {
        match self {
            DataFile::Sources => "sources",
            DataFile::Organizations => "organizations",
            DataFile::People => "people",
            DataFile::Events => "events",
        }
    }
}

/// The JSON Schema (draft 2020-12) of `file`: a list of its records.
pub fn schema(file: DataFile) -> serde_json::Value {
    let mut schema = match file {
        DataFile::Sources => schemars::schema_for!(Vec<RawSource>),
        DataFile::Organizations => schemars::schema_for!(Vec<RawOrg>),
        DataFile::People => schemars::schema_for!(Vec<RawPerson>),
        DataFile::Events => schemars::schema_for!(Vec<RawEvent>),
    };
    let stem = file.stem();
    schema.insert("title".into(), format!("rivals {stem}.yaml").into());
    schema.insert(
        "description".into(),
        format!("The {stem} of a rivals dataset: a list of records.").into(),
    );
    schema.to_value()
}

/// A year `0001`–`9999`: four digits, not all zero.
const YEAR: &str = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})";

/// An id: lowercase `a-z0-9` words joined by single hyphens.
const SLUG: &str = "^[a-z0-9]+(?:-[a-z0-9]+)*$";

/// The smallest and largest year YAML may give as a plain number: a
/// year is four digits, and `999` is not one.
const NUMBER_YEARS: (u16, u16) = (1000, 9999);

/// A date as the loader takes it: text of the form `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` (months 01–12, days 01–31), or a plain year that YAML
/// reads as a number. Whether the day exists in its month is left to check.
impl JsonSchema for DateText {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let pattern = format!("^{YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$");
        let (min, max) = NUMBER_YEARS;
        json_schema!({
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the sources",
            "anyOf": [
                {"type": "string", "pattern": pattern},
                {"type": "integer", "minimum": min, "maximum": max}
            ]
        })
    }
}

/// Text that YAML may read as a number (`value: 12`).
impl JsonSchema for Scalar {
    fn schema_name() -> Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": ["string", "number"]})
    }
}

/// The schema of a record's id (for `#[schemars(with)]`).
pub(super) struct Id;

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A lowercase slug: letters, digits and single hyphens, e.g. `sam-altman`",
            "anyOf": [
                {"type": "string", "pattern": SLUG, "maxLength": MAX_ID_LEN},
                {"type": "integer", "minimum": 0},
                {"type": "boolean"}
            ]
        })
    }
}

/// A regular-expression class of every character the loader counts as
/// blank (derived from [`is_blank`] itself, so the two cannot differ), as
/// `\uXXXX` ranges, which ECMA-262 and Rust's regex both read. Built
/// once: it walks every character.
fn blank_class() -> &'static str {
    static CLASS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    CLASS.get_or_init(build_blank_class)
}

fn build_blank_class() -> String {
    let mut buf = [0; 4];
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
        if is_blank(c.encode_utf8(&mut buf)) {
            let c = u32::from(c);
            match ranges.last_mut() {
                Some((_, end)) if *end + 1 == c => *end = c,
                _ => ranges.push((c, c)),
            }
        }
    }
    ranges
        .into_iter()
        .map(|(a, b)| match b - a {
            0 => format!("\\u{a:04x}"),
            1 => format!("\\u{a:04x}\\u{b:04x}"),
            _ => format!("\\u{a:04x}-\\u{b:04x}"),
        })
        .collect()
}

/// The schema of text the loader requires to be non-blank (for
/// `#[schemars(with)]`); YAML's numbers and booleans are taken as text,
/// as the loader takes them (`name: 1984`).
pub(super) struct Text;

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text with at least one visible character",
            "anyOf": [
                {"type": "string", "pattern": format!("[^{}]", blank_class())},
                {"type": ["number", "boolean"]}
            ]
        })
    }
}

/// The schema of free text, which YAML may read as a number or a
/// boolean (for `#[schemars(with)]`).
pub(super) struct Plain;

impl JsonSchema for Plain {
    fn schema_name() -> Cow<'static, str> {
        "Plain".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": ["string", "number", "boolean"]})
    }
}

/// The schema of a list of aliases: each a [`Text`], none repeated.
pub(super) struct Aliases;

impl JsonSchema for Aliases {
    fn schema_name() -> Cow<'static, str> {
        "Aliases".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Other names the record is searched by, each once",
            "type": "array",
            "items": generator.subschema_for::<Text>(),
            "uniqueItems": true
        })
    }
}

/// The schema of a count of people (for `#[schemars(with)]`).
pub(super) struct Count;

impl JsonSchema for Count {
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "How many people, at least 1",
            "type": "integer",
            "minimum": 1,
            "maximum": MAX_COUNT
        })
    }
}

/// The schema of an amount's value (for `#[schemars(with)]`).
pub(super) struct Value;

impl JsonSchema for Value {
    fn schema_name() -> Cow<'static, str> {
        "Value".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A plain number in units of the currency, e.g. 14.3e9",
            "type": "number",
            "minimum": 0,
            "exclusiveMaximum": MAX_AMOUNT
        })
    }
}

/// The schema of a currency: one of the loader's ISO 4217 codes.
pub(super) struct Currency;

impl JsonSchema for Currency {
    fn schema_name() -> Cow<'static, str> {
        "Currency".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let letters = || b'A'..=b'Z';
        let codes: Vec<&str> = letters()
            .flat_map(|a| letters().flat_map(move |b| letters().map(move |c| [a, b, c])))
            .filter_map(|code| std::str::from_utf8(&code).ok().and_then(currency::find))
            .collect();
        json_schema!({
            "description": "An ISO 4217 code such as USD, EUR or GBP",
            "type": "string",
            "enum": codes
        })
    }
}

/// The schema of a period an amount is spread over (for `#[schemars(with)]`).
pub(super) struct Period;

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "`N years` or `N months`, e.g. `4 years`",
            "type": "string",
            "pattern": r"^\s*\+?0*[1-9][0-9]{0,8} \s*(?:years?|months?)\s*$"
        })
    }
}
