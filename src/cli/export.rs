//! `rivals export`: the whole dataset as JSON (same field names and ids as
//! the YAML) or as spreadsheet-friendly CSV tables (events, people,
//! organizations, flows; in [`csv`](super::csv)). The graph formats are in
//! [`graph`](super::graph).

use super::args::{Format, Table};
use super::{EventFilter, csv, graph};
use crate::model::{
    Amount, Dataset, Disputed, Event, OrgIx, Organization, Person, PersonIx, Record, Source, SourceIx,
};
use crate::text::is_unsafe;
use serde::Serialize;

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
}

#[derive(Serialize)]
struct OrgOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: &'a Vec<String>,
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    founded: Option<String>,
    summary: &'a str,
    sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beyond_sources: Option<&'a str>,
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: &'a Vec<String>,
    summary: &'a str,
    sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beyond_sources: Option<&'a str>,
}

#[derive(Serialize)]
struct AmountOut<'a> {
    value: f64,
    currency: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    equivalent: Option<Box<AmountOut<'a>>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    up_to: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    at_least: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per: Option<&'static str>,
}

impl<'a> AmountOut<'a> {
    fn new(a: &'a Amount) -> Self {
        AmountOut {
            value: a.value,
            currency: a.currency,
            text: a.text.as_deref(),
            equivalent: a.equivalent.as_deref().map(|e| Box::new(AmountOut::new(e))),
            up_to: a.up_to,
            at_least: a.at_least,
            period: a.period.map(|p| p.to_string()),
            per: a.per.map(|p| p.as_str()),
        }
    }
}

#[derive(Serialize)]
struct AlternativeOut<'a> {
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    at_least: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<AmountOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    sources: Vec<&'a str>,
}

#[derive(Serialize)]
struct OriginOut<'a> {
    from: &'a str,
    count: u32,
}

#[derive(Serialize)]
struct DisputedOut<'a> {
    note: &'a str,
    alternatives: Vec<AlternativeOut<'a>>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    date: String,
    kind: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    at_least: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    origins: Vec<OriginOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    orgs: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<AmountOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quote: Option<&'a str>,
    summary: &'a str,
    sources: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    disputed: Option<DisputedOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    uncertain: Option<DisputedOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcome: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    beyond_sources: Option<&'a str>,
}

#[derive(Serialize)]
struct DatasetOut<'a> {
    sources: Vec<SourceOut<'a>>,
    organizations: Vec<OrgOut<'a>>,
    people: Vec<PersonOut<'a>>,
    events: Vec<EventOut<'a>>,
}

fn src_ids<'a>(ds: &'a Dataset, ixs: &[SourceIx]) -> Vec<&'a str> {
    ixs.iter().map(|&s| ds.source(s).id.as_str()).collect()
}

fn org_ids<'a>(ds: &'a Dataset, ixs: &[OrgIx]) -> Vec<&'a str> {
    ixs.iter().map(|&o| ds.org(o).id.as_str()).collect()
}

fn person_ids<'a>(ds: &'a Dataset, ixs: &[PersonIx]) -> Vec<&'a str> {
    ixs.iter().map(|&p| ds.person(p).id.as_str()).collect()
}

fn event_out<'a>(ds: &'a Dataset, e: &'a Event) -> EventOut<'a> {
    EventOut {
        id: &e.id,
        date: e.date.to_string(),
        kind: e.kind.as_str(),
        people: person_ids(ds, &e.people),
        count: e.count(),
        at_least: e.count_at_least(),
        from: e.from.map(|o| ds.org(o).id.as_str()),
        to: e.to.map(|o| ds.org(o).id.as_str()),
        origins: e
            .origins()
            .iter()
            .map(|o| OriginOut {
                from: &ds.org(o.from).id,
                count: o.count,
            })
            .collect(),
        part_of: e.part_of().map(|g| ds.event(g).id.as_str()),
        orgs: org_ids(ds, &e.orgs),
        role: e.role(),
        amount: e.amount().map(AmountOut::new),
        quote: e.quote(),
        summary: &e.summary,
        sources: src_ids(ds, &e.sources),
        disputed: e.disputed().map(|d| dispute_out(ds, d)),
        uncertain: e.uncertain().map(|d| dispute_out(ds, d)),
        outcome: e.outcome().map(|o| o.as_str()),
        beyond_sources: e.beyond_sources(),
    }
}

/// A `disputed` or `uncertain` block.
fn dispute_out<'a>(ds: &'a Dataset, d: &'a Disputed) -> DisputedOut<'a> {
    DisputedOut {
        note: &d.note,
        alternatives: d
            .alternatives
            .iter()
            .map(|a| AlternativeOut {
                value: &a.value,
                count: a.count,
                at_least: a.at_least,
                amount: a.amount.as_ref().map(AmountOut::new),
                date: a.date.map(|d| d.to_string()),
                sources: src_ids(ds, &a.sources),
            })
            .collect(),
    }
}

/// Appends the dataset in `format`: for CSV the table `what` (events by
/// default), after a byte-order mark when `bom`; the Sankeys rolled up if
/// `roll_up`; `filter` selects the events of the graphs and of the events
/// and flows tables.
pub fn command(
    ds: &Dataset,
    format: Format,
    what: Option<Table>,
    (bom, roll_up): (bool, bool),
    filter: &EventFilter,
    out: &mut String,
) {
    match format {
        Format::Json => json(ds, out),
        Format::Csv => {
            if bom {
                out.push('\u{feff}');
            }
            match what.unwrap_or(Table::Events) {
                Table::Events => csv::events(ds, filter, out),
                Table::People => csv::people(ds, out),
                Table::Organizations => csv::orgs(ds, out),
                Table::Flows => csv::flows(ds, &graph::edges(ds, filter), out),
            }
        }
        Format::Dot => graph::dot(ds, &graph::edges(ds, filter), out),
        Format::Mermaid => graph::mermaid(ds, &graph::edges(ds, filter), out),
        Format::Svg => super::sankey::svg(ds, filter, roll_up, out),
        Format::MermaidSankey => super::sankey::mermaid(ds, filter, roll_up, out),
    }
}

/// Serializes `value` as pretty JSON, escaping every character that could
/// act on a terminal (serde_json already escapes C0 controls; this also
/// escapes C1 controls, bidi overrides and zero-width characters). The
/// escapes are JSON's own (`\u009b`), not [`sanitize`]'s `\u{9b}`, which
/// is not valid JSON: the result is still valid JSON meaning the same data.
pub fn safe_json<T: Serialize>(value: &T) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    if !text.chars().any(is_unsafe) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn source_out(s: &Source) -> SourceOut<'_> {
    SourceOut {
        id: &s.id,
        title: &s.title,
        outlet: s.outlet.as_deref(),
        language: &s.language,
        published: s.published.map(|d| d.to_string()),
        file: s.file.as_deref(),
    }
}

fn org_out<'a>(ds: &'a Dataset, o: &'a Organization) -> OrgOut<'a> {
    OrgOut {
        id: &o.id,
        name: &o.name,
        aliases: &o.aliases,
        kind: o.kind.as_str(),
        parent: o.parent.map(|p| ds.org(p).id.as_str()),
        founded: o.founded.map(|d| d.to_string()),
        summary: &o.summary,
        sources: src_ids(ds, &o.sources),
        beyond_sources: o.beyond_sources.as_deref(),
    }
}

fn person_out<'a>(ds: &'a Dataset, p: &'a Person) -> PersonOut<'a> {
    PersonOut {
        id: &p.id,
        name: &p.name,
        aliases: &p.aliases,
        summary: &p.summary,
        sources: src_ids(ds, &p.sources),
        beyond_sources: p.beyond_sources.as_deref(),
    }
}

/// One record as `export --format json` writes it, as a JSON value (for
/// `rivals diff`, which compares records field by field).
pub(super) fn record_json(ds: &Dataset, r: Record) -> serde_json::Value {
    let value = match r {
        Record::Source(i) => serde_json::to_value(source_out(ds.source(i))),
        Record::Org(i) => serde_json::to_value(org_out(ds, ds.org(i))),
        Record::Person(i) => serde_json::to_value(person_out(ds, ds.person(i))),
        Record::Event(i) => serde_json::to_value(event_out(ds, ds.event(i))),
    };
    value.unwrap_or_else(|e| serde_json::json!({ "error": e.to_string() }))
}

/// Appends the dataset as one JSON object.
pub fn json(ds: &Dataset, out: &mut String) {
    let doc = DatasetOut {
        sources: ds.sources.iter().map(source_out).collect(),
        organizations: ds.orgs.iter().map(|o| org_out(ds, o)).collect(),
        people: ds.people.iter().map(|p| person_out(ds, p)).collect(),
        events: ds.events.iter().map(|e| event_out(ds, e)).collect(),
    };
    out.push_str(&safe_json(&doc));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_terminal_controls_but_stays_valid() {
        let text = safe_json(&serde_json::json!({"name": "a\u{9b}b\u{202e}\u{1b}"}));
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "a\u{9b}b\u{202e}\u{1b}");
    }
}
