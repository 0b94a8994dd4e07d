//! The records as written in the YAML files, before validation.

use super::super::{EventKind, OrgKind, Outcome, Per};
use super::schema;
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A scalar read as text, whether YAML typed it as a string or a number
/// (`date: 2014` and `date: "2014"` mean the same).
#[derive(Clone, Debug)]
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
#[derive(Clone, Debug)]
pub(super) struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(DateText)
    }
}

/// An article or document records are sourced from.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Source")]
#[serde(deny_unknown_fields)]
pub(super) struct RawSource {
    /// Unique id that other records refer to, e.g. `sam-altman`.
    #[schemars(with = "schema::Id")]
    pub id: String,
    #[schemars(with = "schema::Text")]
    pub title: String,
    #[schemars(with = "Option<schema::Text>")]
    pub outlet: Option<String>,
    #[schemars(with = "schema::Text")]
    pub language: String,
    pub published: Option<DateText>,
    #[schemars(with = "Option<schema::Plain>")]
    pub file: Option<String>,
}

/// A lab, company, investor or other organization.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Organization")]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrg {
    /// Unique id that other records refer to, e.g. `sam-altman`.
    #[schemars(with = "schema::Id")]
    pub id: String,
    #[schemars(with = "schema::Text")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "schema::Aliases")]
    pub aliases: Vec<String>,
    pub kind: OrgKind,
    pub parent: Option<String>,
    pub founded: Option<DateText>,
    #[schemars(with = "schema::Text")]
    pub summary: String,
    /// Ids of the sources (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<String>,
    /// What in the record the cited sources do not say (a date or a fact
    /// from general knowledge).
    #[schemars(with = "Option<schema::Text>")]
    pub beyond_sources: Option<String>,
    /// Ids of other organizations whose names look alike but that are not
    /// this one (silences the near-duplicate warning).
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub distinct_from: Vec<String>,
}

/// A person who appears in the events.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Person")]
#[serde(deny_unknown_fields)]
pub(super) struct RawPerson {
    /// Unique id that other records refer to, e.g. `sam-altman`.
    #[schemars(with = "schema::Id")]
    pub id: String,
    #[schemars(with = "schema::Text")]
    pub name: String,
    #[serde(default)]
    #[schemars(with = "schema::Aliases")]
    pub aliases: Vec<String>,
    #[schemars(with = "schema::Text")]
    pub summary: String,
    /// Ids of the sources (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<String>,
    /// What in the record the cited sources do not say (a date or a fact
    /// from general knowledge).
    #[schemars(with = "Option<schema::Text>")]
    pub beyond_sources: Option<String>,
    /// Ids of other people whose names look alike but who are not this
    /// one (silences the near-duplicate warning).
    #[serde(default)]
    #[schemars(extend("uniqueItems" = true))]
    pub distinct_from: Vec<String>,
}

/// A sum of money: `value` in `currency` (ISO 4217 code).
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Amount")]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmount {
    #[schemars(with = "schema::Value")]
    pub value: f64,
    #[schemars(with = "schema::Currency")]
    pub currency: String,
    #[schemars(with = "Option<schema::Text>")]
    pub text: Option<String>,
    pub equivalent: Option<RawMoney>,
    pub up_to: Option<bool>,
    /// The value is a floor ("more than $4.4 billion").
    pub at_least: Option<bool>,
    #[schemars(with = "Option<schema::Period>")]
    pub period: Option<Scalar>,
    /// The sum is paid again every `year` or `month` ("CHF 5M a year").
    pub per: Option<Per>,
}

/// A plain sum: an amount's `equivalent` in a second currency.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Money")]
#[serde(deny_unknown_fields)]
pub(super) struct RawMoney {
    #[schemars(with = "schema::Value")]
    pub value: f64,
    #[schemars(with = "schema::Currency")]
    pub currency: String,
    #[schemars(with = "Option<schema::Text>")]
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
            at_least: None,
            period: None,
            per: None,
        }
    }
}

/// What another source says: a `value` (text), `count`, `amount` or `date`.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Alternative")]
#[schemars(extend(
    "if" = {"required": ["at_least"]},
    "then" = {"required": ["count"], "properties": {"count": {"not": {"type": "null"}}}}
))]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlternative {
    pub value: Option<Scalar>,
    #[schemars(with = "Option<schema::Count>")]
    pub count: Option<u32>,
    /// The `count` is a lower bound ("at least eight").
    pub at_least: Option<bool>,
    pub amount: Option<RawAmount>,
    pub date: Option<DateText>,
    /// Ids of the sources (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<String>,
}

/// Part of a group move: how many came from one organization.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Origin")]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrigin {
    pub from: String,
    #[schemars(with = "schema::Count")]
    pub count: u32,
}

/// Sources disagree (`disputed`), or one source reads two ways
/// (`uncertain`): a note and what each alternative says.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Disputed")]
#[serde(deny_unknown_fields)]
pub(super) struct RawDisputed {
    #[schemars(with = "schema::Text")]
    pub note: String,
    #[schemars(length(min = 1))]
    pub alternatives: Vec<RawAlternative>,
}

/// A move, offer, deal, founding, lawsuit, reorganization or statement.
#[derive(Clone, Deserialize, JsonSchema)]
#[schemars(rename = "Event")]
#[schemars(extend("allOf" = [
    {
        "description": "`from` is one old employer, `origins` several: not both",
        "not": {
            "required": ["from", "origins"],
            "properties": {"from": {"not": {"type": "null"}}, "origins": {"minItems": 1}}
        }
    },
    {
        "description": "`outcome` is for offers",
        "if": {"required": ["outcome"], "properties": {"outcome": {"not": {"type": "null"}}}},
        "then": {"required": ["kind"], "properties": {"kind": {"const": "offer"}}}
    },
    {
        "description": "a board seat names the board joined (`to`) or left (`from`)",
        "if": {"required": ["kind"], "properties": {"kind": {"const": "board"}}},
        "then": {"anyOf": [
            {"required": ["from"], "properties": {"from": {"type": "string"}}},
            {"required": ["to"], "properties": {"to": {"type": "string"}}}
        ]}
    },
    {
        "description": "`at_least` says `count` is a lower bound: not without a count",
        "if": {"required": ["at_least"]},
        "then": {"required": ["count"], "properties": {"count": {"not": {"type": "null"}}}}
    },
    {
        "description": "a quote is attributed to the first person in `people`",
        "if": {"required": ["quote"], "properties": {"quote": {"not": {"type": "null"}}}},
        "then": {"required": ["people"], "properties": {"people": {"minItems": 1}}}
    }
]))]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvent {
    /// Unique id that other records refer to, e.g. `sam-altman`.
    #[schemars(with = "schema::Id")]
    pub id: String,
    pub date: DateText,
    pub kind: EventKind,
    #[serde(default)]
    /// Ids of the people involved (for moves, those who moved).
    #[schemars(extend("uniqueItems" = true))]
    pub people: Vec<String>,
    #[schemars(with = "Option<schema::Count>")]
    pub count: Option<u32>,
    /// The `count` is a lower bound ("at least eight").
    pub at_least: Option<bool>,
    /// Organization id: the old employer of a move, who pays for money.
    pub from: Option<String>,
    /// Organization id: the new employer of a move, who receives money.
    pub to: Option<String>,
    #[serde(default)]
    pub origins: Vec<RawOrigin>,
    /// Id of the group move this move belongs to.
    pub part_of: Option<String>,
    #[serde(default)]
    pub orgs: Vec<String>,
    #[schemars(with = "Option<schema::Text>")]
    pub role: Option<String>,
    // Boxed, as are the blocks below: few events have them, and a
    // hundred thousand parsed events are held at once.
    pub amount: Option<Box<RawAmount>>,
    /// Words attributed to the first person in `people`.
    #[schemars(with = "Option<schema::Text>")]
    pub quote: Option<String>,
    #[schemars(with = "schema::Text")]
    pub summary: String,
    /// Ids of the sources (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<String>,
    pub disputed: Option<Box<RawDisputed>>,
    /// One source's ambiguous or garbled wording and how it may be read
    /// (not a disagreement between sources).
    pub uncertain: Option<Box<RawDisputed>>,
    /// How an offer ended, as the sources state it.
    pub outcome: Option<Outcome>,
    /// What in the record the cited sources do not say (a date or a fact
    /// from general knowledge).
    #[schemars(with = "Option<schema::Text>")]
    pub beyond_sources: Option<String>,
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
