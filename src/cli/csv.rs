//! `rivals export --format csv`: the spreadsheet-friendly tables (events,
//! people, organizations, flows), with names and titles beside the ids,
//! every cell made safe ([`field`]). The events table keeps the structure
//! (group origins, `part_of`, an amount's equivalent, ceiling and period,
//! the date's precision) and says how each row counts in the flows, so its
//! `count` column sums to the flow total ([`model::shares`]).

use super::EventFilter;
use crate::model::{self, Dataset, Disputed, Event, Flow, OrgIx, Pair, PersonIx, Precision, Share, SourceIx};
use crate::text::sanitize;

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

/// What the cells of one row of the events table are made from.
struct EventRow<'a> {
    ds: &'a Dataset,
    e: &'a Event,
    /// What the event adds to the flows.
    share: &'a Share,
}

/// How one cell of the events table is made (already safe, see [`field`]).
type Cell = fn(&EventRow) -> String;

/// The columns of the events table, in order, with how each cell is made:
/// the one list of them (the header is made from it). The CSV is a
/// contract: a new column goes at the end.
const EVENT_COLUMNS: &[(&str, Cell)] = &[
    ("id", |r| field(&r.e.id)),
    ("date", |r| r.e.date.to_string()),
    ("kind", |r| field(r.e.kind.as_str())),
    ("people", |r| {
        field(&ids(r.e.people.iter().map(|&p| r.ds.person(p).id.as_str())))
    }),
    ("people_names", |r| person_names(r.ds, &r.e.people)),
    ("count", |r| r.count()),
    ("from", |r| r.from()[0].clone()),
    ("from_name", |r| r.from()[1].clone()),
    ("to", |r| {
        r.e.to
            .map_or_else(String::new, |o| org_cells(r.ds, Some(o))[0].clone())
    }),
    ("to_name", |r| {
        r.e.to
            .map_or_else(String::new, |o| org_cells(r.ds, Some(o))[1].clone())
    }),
    ("orgs", |r| {
        field(&ids(r.e.orgs.iter().map(|&o| r.ds.org(o).id.as_str())))
    }),
    ("org_names", |r| org_names(r.ds, &r.e.orgs)),
    ("role", |r| field(r.e.role().unwrap_or(""))),
    ("amount_value", |r| {
        r.e.amount().map(|a| a.value.to_string()).unwrap_or_default()
    }),
    ("amount_currency", |r| {
        field(r.e.amount().map_or("", |a| a.currency))
    }),
    ("amount_text", |r| {
        field(r.e.amount().and_then(|a| a.text.as_deref()).unwrap_or(""))
    }),
    ("quote", |r| field(r.e.quote().unwrap_or("").trim())),
    ("summary", |r| field(r.e.summary.trim())),
    ("sources", |r| {
        field(&ids(r.e.sources.iter().map(|&s| r.ds.source(s).id.as_str())))
    }),
    ("source_titles", |r| source_titles(r.ds, &r.e.sources)),
    ("disputed", |r| {
        field(r.e.disputed().map_or("", |d| d.note.as_str()))
    }),
    ("disputed_alternatives", |r| r.alternatives(r.e.disputed())),
    ("date_precision", |r| precision(r.e.date.precision()).to_string()),
    ("origins", |r| field(&r.origins(|o| &r.ds.org(o).id))),
    ("origin_names", |r| field(&r.origins(|o| &r.ds.org(o).name))),
    ("part_of", |r| {
        field(r.e.part_of().map_or("", |g| r.ds.event(g).id.as_str()))
    }),
    ("amount_equivalent_value", |r| {
        let equivalent = r.e.amount().and_then(|a| a.equivalent.as_deref());
        equivalent.map(|q| q.value.to_string()).unwrap_or_default()
    }),
    ("amount_equivalent_currency", |r| {
        let equivalent = r.e.amount().and_then(|a| a.equivalent.as_deref());
        field(equivalent.map_or("", |q| q.currency))
    }),
    ("amount_up_to", |r| {
        r.e.amount().map(|a| a.up_to.to_string()).unwrap_or_default()
    }),
    ("amount_period", |r| {
        r.e.amount()
            .and_then(|a| a.period)
            .map(|p| p.to_string())
            .unwrap_or_default()
    }),
    ("flow_role", |r| r.role().to_string()),
    ("counted_in", |r| {
        field(&ids(r
            .share
            .counted_in
            .iter()
            .map(|&x| r.ds.event(x).id.as_str())))
    }),
    ("amount_per", |r| {
        field(r.e.amount().and_then(|a| a.per).map_or("", |p| p.as_str()))
    }),
    ("uncertain", |r| {
        field(r.e.uncertain().map_or("", |d| d.note.as_str()))
    }),
    ("uncertain_alternatives", |r| r.alternatives(r.e.uncertain())),
    ("outcome", |r| field(r.e.outcome().map_or("", |o| o.as_str()))),
    ("beyond_sources", |r| field(r.e.beyond_sources().unwrap_or(""))),
    ("count_at_least", |r| {
        r.e.count()
            .map(|_| r.e.count_at_least().to_string())
            .unwrap_or_default()
    }),
    ("amount_at_least", |r| {
        r.e.amount().map(|a| a.at_least.to_string()).unwrap_or_default()
    }),
];

/// How a row of the events table counts in the flows (`flow_role`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// No move (`none`): a statement, an offer, a founding with no `from`.
    None,
    /// A move counted here: `count` is what it adds to the flows.
    Move,
    /// A member of a group (`part_of`), counted in the group's `count`.
    Member,
    /// A departure whose people later moves (`counted_in`) count.
    Completed,
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Role::None => "none",
            Role::Move => "move",
            Role::Member => "member",
            Role::Completed => "completed",
        })
    }
}

impl EventRow<'_> {
    fn role(&self) -> Role {
        if !self.e.is_move() {
            Role::None
        } else if self.e.part_of().is_some() {
            Role::Member
        } else if self.share.count == 0 && !self.share.counted_in.is_empty() {
            Role::Completed
        } else {
            Role::Move
        }
    }

    /// A move's `count` is what it adds to the flows (1 for a single
    /// move); a member's or a completed departure's is what the record
    /// says (its `count`, else one per person); another event's is its
    /// `count` as written.
    fn count(&self) -> String {
        let written = self.e.count();
        match self.role() {
            Role::Move => self.share.count.to_string(),
            Role::Member | Role::Completed => {
                written.unwrap_or(self.e.people.len().max(1) as u32).to_string()
            }
            Role::None => written.map(|c| c.to_string()).unwrap_or_default(),
        }
    }

    /// The `from` and `from_name` cells: a group move with no `from` says
    /// it is a group, with its origins' names (or `(unknown)`).
    fn from(&self) -> [String; 2] {
        let e = self.e;
        match e.from {
            Some(o) => org_cells(self.ds, Some(o)),
            None if e.is_move() && e.is_group() => {
                let origins: Vec<&str> = e
                    .origins()
                    .iter()
                    .map(|o| self.ds.org(o.from).name.as_str())
                    .collect();
                let names = if origins.is_empty() {
                    "(unknown)".to_string()
                } else {
                    names(origins.into_iter())
                };
                ["(group)".to_string(), names]
            }
            None => Default::default(),
        }
    }

    /// A group's origins as `openai:7; google:3`, each organization as
    /// `name` gives it.
    fn origins<'a>(&'a self, name: impl Fn(OrgIx) -> &'a str) -> String {
        let each: Vec<String> = self
            .e
            .origins()
            .iter()
            .map(|o| format!("{}:{}", name(o.from), o.count))
            .collect();
        each.join("; ")
    }

    /// A dispute's alternatives, each as `what [source ids]`, joined by ` | `.
    /// A `disputed` or `uncertain` block's alternatives, each as
    /// `what [source ids]`, joined with ` | `.
    fn alternatives(&self, block: Option<&Disputed>) -> String {
        let each: Vec<String> = block.map_or_else(Vec::new, |d| {
            d.alternatives
                .iter()
                .map(|a| {
                    let sources = ids(a.sources.iter().map(|&s| self.ds.source(s).id.as_str()));
                    format!("{} [{sources}]", a.value)
                })
                .collect()
        });
        field(&each.join(" | "))
    }
}

/// A date's precision as the `date_precision` column writes it.
fn precision(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

/// Ids joined with `;`.
fn ids<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(";")
}

/// The header of the events table.
fn events_header() -> String {
    let names: Vec<&str> = EVENT_COLUMNS.iter().map(|(name, _)| *name).collect();
    names.join(",")
}

/// Appends the events `filter` keeps as CSV, one row each (columns in
/// [`EVENT_COLUMNS`]): lists of ids are joined with `;`, of names and
/// titles with `; `, a dispute's alternatives with ` | `, each as
/// `what [source ids]`.
pub fn events(ds: &Dataset, filter: &EventFilter, out: &mut String) {
    out.push_str(&events_header());
    out.push('\n');
    let shares = model::shares(ds);
    for (e, share) in ds.events.iter().zip(&shares) {
        if !filter.keeps(ds, e) {
            continue;
        }
        let r = EventRow { ds, e, share };
        let cells: Vec<String> = EVENT_COLUMNS.iter().map(|(_, cell)| cell(&r)).collect();
        row(out, &cells);
    }
}

/// CSV columns of the people table.
pub const PEOPLE_HEADER: &str = "id,name,aliases,summary,sources,source_titles";

/// Appends the people as CSV, one row each.
pub fn people(ds: &Dataset, out: &mut String) {
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
                field(&ids(p.sources.iter().map(|&s| ds.source(s).id.as_str()))),
                source_titles(ds, &p.sources),
            ],
        );
    }
}

/// CSV columns of the organizations table.
pub const ORGS_HEADER: &str = "id,name,aliases,kind,parent,parent_name,founded,summary,sources,source_titles";

/// Appends the organizations as CSV, one row each.
pub fn orgs(ds: &Dataset, out: &mut String) {
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
                field(&ids(o.sources.iter().map(|&s| ds.source(s).id.as_str()))),
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
pub fn flows(ds: &Dataset, flows: &[(Pair, Flow)], out: &mut String) {
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
                field(&ids(f.people.iter().map(|&p| ds.person(p).id.as_str()))),
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
}
