//! JSON Schemas of the four files, generated with schemars from the [`raw`]
//! records the loader parses, so the schema cannot drift from the format.
//!
//! The schemas describe the files as an editor's YAML 1.2 reads them: an
//! unquoted year is a number, a quoted one a string.

use super::raw::{DateText, RawEvent, RawOrg, RawPerson, RawSource, Scalar};
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

/// A date as the loader takes it: text of the form `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`, or a plain year that YAML reads as a number.
impl JsonSchema for DateText {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the sources",
            "anyOf": [
                {
                    "type": "string",
                    "pattern": "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
                },
                {"type": "integer", "minimum": 1, "maximum": 9999}
            ]
        })
    }
}

/// Text that YAML may read as a number (`period: 4 years`, `value: 12`).
impl JsonSchema for Scalar {
    fn schema_name() -> Cow<'static, str> {
        "Scalar".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": ["string", "number"]})
    }
}
