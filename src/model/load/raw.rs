//! The records as written in the YAML files, before validation.

use super::super::{EventKind, OrgKind};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A scalar read as text, whether YAML typed it as a string or a number
/// (`date: 2014` and `date: "2014"` mean the same).
#[derive(Debug)]
pub(super) struct Scalar(pub String);

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

/// A date exactly as written: YAML's number forms (`1e3`, `0x7E9`) are
/// kept as text, so only `YYYY`, `YYYY-MM` and `YYYY-MM-DD` pass.
#[derive(Debug)]
pub(super) struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(DateText)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub language: String,
    pub published: Option<DateText>,
    pub file: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrg {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub kind: OrgKind,
    pub parent: Option<String>,
    pub founded: Option<DateText>,
    pub summary: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPerson {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub summary: String,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmount {
    pub value: f64,
    pub currency: String,
    pub text: Option<String>,
    pub equivalent: Option<RawMoney>,
    pub up_to: Option<bool>,
    pub period: Option<Scalar>,
}

/// A plain sum: an amount's `equivalent` in a second currency.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMoney {
    pub value: f64,
    pub currency: String,
    pub text: Option<String>,
}

impl From<RawMoney> for RawAmount {
    fn from(m: RawMoney) -> Self {
        RawAmount {
            value: m.value,
            currency: m.currency,
            text: m.text,
            equivalent: None,
            up_to: None,
            period: None,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlternative {
    pub value: Option<Scalar>,
    pub count: Option<u32>,
    pub amount: Option<RawAmount>,
    pub date: Option<DateText>,
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrigin {
    pub from: String,
    pub count: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDisputed {
    pub note: String,
    pub alternatives: Vec<RawAlternative>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    pub id: String,
    pub date: DateText,
    pub kind: EventKind,
    #[serde(default)]
    pub people: Vec<String>,
    pub count: Option<u32>,
    pub from: Option<String>,
    pub to: Option<String>,
    #[serde(default)]
    pub origins: Vec<RawOrigin>,
    pub part_of: Option<String>,
    #[serde(default)]
    pub orgs: Vec<String>,
    pub role: Option<String>,
    pub amount: Option<RawAmount>,
    pub quote: Option<String>,
    pub summary: String,
    pub sources: Vec<String>,
    pub disputed: Option<RawDisputed>,
}

/// A record with an id.
pub(super) trait HasId {
    /// The record's id as written.
    fn id(&self) -> &str;
}

macro_rules! has_id {
    ($($t:ty),*) => {$(
        impl HasId for $t {
            fn id(&self) -> &str {
                &self.id
            }
        }
    )*};
}
has_id!(RawSource, RawOrg, RawPerson, RawEvent);
