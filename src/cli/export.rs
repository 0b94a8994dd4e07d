//! `rivals export`: the whole dataset as JSON (same field names and ids as
//! the YAML) or as CSV (one row per event).

use crate::model::{Amount, Dataset, Event, OrgIx, PersonIx, SourceIx};
use crate::text::{is_unsafe, sanitize};
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
}

#[derive(Serialize)]
struct PersonOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    aliases: &'a Vec<String>,
    summary: &'a str,
    sources: Vec<&'a str>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
}

impl<'a> AmountOut<'a> {
    fn new(a: &'a Amount) -> Self {
        AmountOut {
            value: a.value,
            currency: a.currency,
            text: a.text.as_deref(),
            equivalent: a.equivalent.as_deref().map(|e| Box::new(AmountOut::new(e))),
            up_to: a.up_to,
            period: a.period.map(|p| p.to_string()),
        }
    }
}

#[derive(Serialize)]
struct AlternativeOut<'a> {
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    count: Option<u32>,
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
        disputed: e.disputed().map(|d| DisputedOut {
            note: &d.note,
            alternatives: d
                .alternatives
                .iter()
                .map(|a| AlternativeOut {
                    value: &a.value,
                    count: a.count,
                    amount: a.amount.as_ref().map(AmountOut::new),
                    date: a.date.map(|d| d.to_string()),
                    sources: src_ids(ds, &a.sources),
                })
                .collect(),
        }),
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

/// Appends the dataset as one JSON object.
pub fn json(ds: &Dataset, out: &mut String) {
    let doc = DatasetOut {
        sources: ds
            .sources
            .iter()
            .map(|s| SourceOut {
                id: &s.id,
                title: &s.title,
                outlet: s.outlet.as_deref(),
                language: &s.language,
                published: s.published.map(|d| d.to_string()),
                file: s.file.as_deref(),
            })
            .collect(),
        organizations: ds
            .orgs
            .iter()
            .map(|o| OrgOut {
                id: &o.id,
                name: &o.name,
                aliases: &o.aliases,
                kind: o.kind.as_str(),
                parent: o.parent.map(|p| ds.org(p).id.as_str()),
                founded: o.founded.map(|d| d.to_string()),
                summary: &o.summary,
                sources: src_ids(ds, &o.sources),
            })
            .collect(),
        people: ds
            .people
            .iter()
            .map(|p| PersonOut {
                id: &p.id,
                name: &p.name,
                aliases: &p.aliases,
                summary: &p.summary,
                sources: src_ids(ds, &p.sources),
            })
            .collect(),
        events: ds.events.iter().map(|e| event_out(ds, e)).collect(),
    };
    out.push_str(&safe_json(&doc));
    out.push('\n');
}

/// First characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One CSV cell: terminal controls made visible ([`sanitize`], so a cell
/// never holds a line break either), a cell a spreadsheet would run as a
/// formula neutralised the way OWASP recommends (a leading `'`, and
/// quoted), and quoted when needed (RFC 4180).
fn field(text: &str) -> String {
    let formula = text.starts_with(FORMULA_STARTS) || text.trim_start().starts_with(FORMULA_STARTS);
    let clean = sanitize(text);
    if formula {
        format!("\"'{}\"", clean.replace('"', "\"\""))
    } else if clean.contains([',', '"']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean.into_owned()
    }
}

/// CSV columns, one row per event.
pub const CSV_HEADER: &str = "id,date,kind,people,count,from,to,orgs,role,amount_value,amount_currency,amount_text,quote,summary,sources,disputed";

/// Appends the events as CSV; list fields are joined with `;`.
pub fn csv(ds: &Dataset, out: &mut String) {
    out.push_str(CSV_HEADER);
    out.push('\n');
    for e in &ds.events {
        let o = event_out(ds, e);
        let row = [
            field(o.id),
            field(&o.date),
            field(o.kind),
            field(&o.people.join(";")),
            o.count.map(|c| c.to_string()).unwrap_or_default(),
            field(o.from.unwrap_or("")),
            field(o.to.unwrap_or("")),
            field(&o.orgs.join(";")),
            field(o.role.unwrap_or("")),
            e.amount().map(|a| a.value.to_string()).unwrap_or_default(),
            field(e.amount().map_or("", |a| a.currency)),
            field(e.amount().and_then(|a| a.text.as_deref()).unwrap_or("")),
            field(o.quote.unwrap_or("").trim()),
            field(o.summary.trim()),
            field(&o.sources.join(";")),
            field(e.disputed().map_or("", |d| d.note.as_str())),
        ];
        out.push_str(&row.join(","));
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_sanitized() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("x\ny\x1b"), "x\\u{a}y\\u{1b}");
    }

    #[test]
    fn csv_formulas_are_neutralised() {
        assert_eq!(field("=1+1"), "\"'=1+1\"");
        assert_eq!(field("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
        assert_eq!(field("-2"), "\"'-2\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(field("\tx"), "\"'\\u{9}x\"");
        assert_eq!(field("\r=x"), "\"'\\u{d}=x\"");
        assert_eq!(field("=HYPERLINK(\"u\")"), "\"'=HYPERLINK(\"\"u\"\")\"");
        assert_eq!(field(" =1"), "\"' =1\"");
        assert_eq!(field("a=b"), "a=b");
    }

    #[test]
    fn json_escapes_terminal_controls_but_stays_valid() {
        let text = safe_json(&serde_json::json!({"name": "a\u{9b}b\u{202e}\u{1b}"}));
        assert!(!text.chars().any(|c| is_unsafe(c) && c != '\n'));
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["name"], "a\u{9b}b\u{202e}\u{1b}");
    }
}
