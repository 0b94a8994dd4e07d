//! `rivals export`: the whole dataset as JSON (same field names and ids as
//! the YAML) or as spreadsheet-friendly CSV tables (events, people,
//! organizations, flows) with names and titles beside the ids. The graph
//! formats are in [`graph`](super::graph).

use super::args::{Format, Table};
use super::{EventFilter, graph};
use crate::model::{Amount, Dataset, Event, Flow, OrgIx, Pair, PersonIx, SourceIx};
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
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    at_least: bool,
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
            at_least: a.at_least,
            period: a.period.map(|p| p.to_string()),
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
        disputed: e.disputed().map(|d| DisputedOut {
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
        }),
    }
}

/// Appends the dataset in `format`: for CSV the table `what` (events by
/// default), after a byte-order mark when `bom`; `filter` selects the
/// events of the graphs and of the events and flows tables.
pub fn command(
    ds: &Dataset,
    format: Format,
    what: Option<Table>,
    bom: bool,
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
                Table::Events => csv(ds, filter, out),
                Table::People => people_csv(ds, out),
                Table::Organizations => orgs_csv(ds, out),
                Table::Flows => flows_csv(ds, &graph::edges(ds, filter), out),
            }
        }
        Format::Dot => graph::dot(ds, &graph::edges(ds, filter), out),
        Format::Mermaid => graph::mermaid(ds, &graph::edges(ds, filter), out),
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

/// Appends one CSV row of cells already made safe by [`field`].
fn row(out: &mut String, cells: &[String]) {
    out.push_str(&cells.join(","));
    out.push('\n');
}

/// Names (or titles) joined for one cell, then made safe.
fn names<'a>(items: impl Iterator<Item = &'a str>) -> String {
    field(&items.collect::<Vec<_>>().join("; "))
}

fn person_names(ds: &Dataset, ixs: &[PersonIx]) -> String {
    names(ixs.iter().map(|&p| ds.person(p).name.as_str()))
}

fn org_names(ds: &Dataset, ixs: &[OrgIx]) -> String {
    names(ixs.iter().map(|&o| ds.org(o).name.as_str()))
}

fn source_titles(ds: &Dataset, ixs: &[SourceIx]) -> String {
    names(ixs.iter().map(|&s| ds.source(s).title.as_str()))
}

/// An organization's id and name cells; an unknown one has no id and the
/// name `(unknown)`.
fn org_cells(ds: &Dataset, o: Option<OrgIx>) -> [String; 2] {
    match o {
        Some(o) => [field(&ds.org(o).id), field(&ds.org(o).name)],
        None => [String::new(), "(unknown)".to_string()],
    }
}

/// CSV columns of the events table.
pub const CSV_HEADER: &str = "id,date,kind,people,people_names,count,from,from_name,to,to_name,orgs,org_names,role,amount_value,amount_currency,amount_text,quote,summary,sources,source_titles,disputed,disputed_alternatives";

/// Appends the events `filter` keeps as CSV, one row each: lists of ids
/// are joined with `;`, of names and titles with `; `, and a dispute's
/// alternatives with ` | `, each as `what [source ids]`.
pub fn csv(ds: &Dataset, filter: &EventFilter, out: &mut String) {
    out.push_str(CSV_HEADER);
    out.push('\n');
    for e in ds.events.iter().filter(|e| filter.keeps(ds, e)) {
        let o = event_out(ds, e);
        let [from, from_name] = e.from.map_or_else(Default::default, |x| org_cells(ds, Some(x)));
        let [to, to_name] = e.to.map_or_else(Default::default, |x| org_cells(ds, Some(x)));
        let alternatives = e.disputed().map_or_else(String::new, |d| {
            let each: Vec<String> = d
                .alternatives
                .iter()
                .map(|a| format!("{} [{}]", a.value, src_ids(ds, &a.sources).join(";")))
                .collect();
            each.join(" | ")
        });
        row(
            out,
            &[
                field(o.id),
                field(&o.date),
                field(o.kind),
                field(&o.people.join(";")),
                person_names(ds, &e.people),
                o.count.map(|c| c.to_string()).unwrap_or_default(),
                from,
                from_name,
                to,
                to_name,
                field(&o.orgs.join(";")),
                org_names(ds, &e.orgs),
                field(o.role.unwrap_or("")),
                e.amount().map(|a| a.value.to_string()).unwrap_or_default(),
                field(e.amount().map_or("", |a| a.currency)),
                field(e.amount().and_then(|a| a.text.as_deref()).unwrap_or("")),
                field(o.quote.unwrap_or("").trim()),
                field(o.summary.trim()),
                field(&o.sources.join(";")),
                source_titles(ds, &e.sources),
                field(e.disputed().map_or("", |d| d.note.as_str())),
                field(&alternatives),
            ],
        );
    }
}

/// CSV columns of the people table.
pub const PEOPLE_HEADER: &str = "id,name,aliases,summary,sources,source_titles";

/// Appends the people as CSV, one row each.
pub fn people_csv(ds: &Dataset, out: &mut String) {
    out.push_str(PEOPLE_HEADER);
    out.push('\n');
    for p in &ds.people {
        row(
            out,
            &[
                field(&p.id),
                field(&p.name),
                names(p.aliases.iter().map(String::as_str)),
                field(p.summary.trim()),
                field(&src_ids(ds, &p.sources).join(";")),
                source_titles(ds, &p.sources),
            ],
        );
    }
}

/// CSV columns of the organizations table.
pub const ORGS_HEADER: &str = "id,name,aliases,kind,parent,parent_name,founded,summary,sources,source_titles";

/// Appends the organizations as CSV, one row each.
pub fn orgs_csv(ds: &Dataset, out: &mut String) {
    out.push_str(ORGS_HEADER);
    out.push('\n');
    for o in &ds.orgs {
        let [parent, parent_name] = o.parent.map_or_else(Default::default, |p| org_cells(ds, Some(p)));
        row(
            out,
            &[
                field(&o.id),
                field(&o.name),
                names(o.aliases.iter().map(String::as_str)),
                field(o.kind.as_str()),
                parent,
                parent_name,
                o.founded.map(|d| d.to_string()).unwrap_or_default(),
                field(o.summary.trim()),
                field(&src_ids(ds, &o.sources).join(";")),
                source_titles(ds, &o.sources),
            ],
        );
    }
}

/// CSV columns of the flows table.
pub const FLOWS_HEADER: &str =
    "from,from_name,to,to_name,count,disputed,people,people_names,events,min,max,at_least";

/// Appends flows as CSV, one row per (from, to) pair; an unknown
/// organization has no id and the name `(unknown)`.
pub fn flows_csv(ds: &Dataset, flows: &[(Pair, Flow)], out: &mut String) {
    out.push_str(FLOWS_HEADER);
    out.push('\n');
    for ((from, to), f) in flows {
        let [from, from_name] = org_cells(ds, *from);
        let [to, to_name] = org_cells(ds, *to);
        let events: Vec<&str> = f.events.iter().map(|&e| ds.event(e).id.as_str()).collect();
        row(
            out,
            &[
                from,
                from_name,
                to,
                to_name,
                f.range.count.to_string(),
                f.range.disputed.to_string(),
                field(&person_ids(ds, &f.people).join(";")),
                person_names(ds, &f.people),
                field(&events.join(";")),
                f.range.min.to_string(),
                f.range.max.to_string(),
                f.range.at_least.to_string(),
            ],
        );
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
