//! `rivals flow`: who moved from which organization to which, as a matrix
//! or as JSON, counted by [`model::flows`](crate::model::flows).

use super::filter::{Want, filter_id};
use super::{Failure, Origin};
use crate::model::{Dataset, Flow, FlowMatrix, FlowQuery, OrgIx, Pair, Range, flows, net_gain};
use crate::text::sanitize;
use serde::Serialize;
use std::fmt::Write;

/// Appends the flows `q` selects (only the moves touching organization id
/// `org` and its children when given) as a matrix, or as JSON when `json`.
pub fn command(
    ds: &Dataset,
    origin: Origin,
    q: &FlowQuery,
    org: Option<&str>,
    json: bool,
    out: &mut String,
) -> Result<(), Failure> {
    let org = org.map(|id| filter_id(ds, origin, id, Want::Org)).transpose()?;
    let rows = select(ds, q, org);
    if json {
        self::json(ds, &rows, out);
    } else {
        text(ds, &FlowMatrix::of(ds, rows), out);
    }
    Ok(())
}

/// The flows `q` selects, restricted to moves touching `org` and its
/// children when given.
pub fn select(ds: &Dataset, q: &FlowQuery, org: Option<OrgIx>) -> Vec<(Pair, Flow)> {
    let mut all = flows(ds, q);
    if let Some(o) = org {
        let family = ds.family(o);
        let inside = |x: Option<OrgIx>| x.is_some_and(|x| family.get(x as usize).copied().unwrap_or(false));
        all.retain(|((from, to), _)| inside(*from) || inside(*to));
    }
    all
}

/// One pair as JSON.
#[derive(Serialize)]
struct FlowOut<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    count: u32,
    /// The least and the most the sources give (`count` when they agree).
    min: u32,
    max: u32,
    /// `max` is a lower bound: a source says "at least".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    at_least: bool,
    people: Vec<&'a str>,
    events: Vec<&'a str>,
    disputed: bool,
    /// The events whose count a source disputes.
    disputed_events: Vec<&'a str>,
}

/// Appends the flows as a JSON list, one object per pair and per line:
/// `from` and `to` are ids (`null` when unknown), `people` and `events` ids.
/// Ids are validated slugs, so nothing here can act on a terminal.
pub fn json(ds: &Dataset, flows: &[(Pair, Flow)], out: &mut String) {
    let id = |o: Option<OrgIx>| o.map(|o| ds.org(o).id.as_str());
    out.push('[');
    for (k, ((from, to), f)) in flows.iter().enumerate() {
        let row = FlowOut {
            from: id(*from),
            to: id(*to),
            count: f.range.count,
            min: f.range.min,
            max: f.range.max,
            at_least: f.range.at_least,
            people: f.people.iter().map(|&p| ds.person(p).id.as_str()).collect(),
            events: f.events.iter().map(|&e| ds.event(e).id.as_str()).collect(),
            disputed: f.range.disputed,
            disputed_events: f.disputed_events(ds).map(|e| ds.event(e).id.as_str()).collect(),
        };
        out.push_str(if k == 0 { "\n  " } else { ",\n  " });
        match serde_json::to_string(&row) {
            Ok(text) => out.push_str(&text),
            Err(e) => out.push_str(&serde_json::json!({"error": e.to_string()}).to_string()),
        }
    }
    out.push_str(if flows.is_empty() { "]\n" } else { "\n]\n" });
}

/// The first line of the text matrix: how to read it.
pub const LEGEND: &str = "people moving from (rows) to (columns); 7≠ a disputed count (totals give the range: 15–16≠), ≥8 at least, 7–≥8 from 7 to at least 8, ? unknown";

/// Most organizations the text matrix shows; the others share a row and a
/// column (the matrix stays readable, and printing it stays fast).
pub const MAX_SHOWN: usize = 30;

/// A row and column of the matrix.
#[derive(Clone, Copy, PartialEq)]
enum Axis {
    Org(OrgIx),
    /// The organizations past the [`MAX_SHOWN`] busiest, and how many.
    Others(usize),
    Unknown,
}

/// Appends the flows of `m` as a matrix: rows are where people came from,
/// columns where they went, with totals and each organization's net gain,
/// in the order of the one matrix (busiest first). Only the [`MAX_SHOWN`]
/// busiest organizations get their own row; the others share the last.
pub fn text(ds: &Dataset, m: &FlowMatrix, out: &mut String) {
    if m.flows.is_empty() {
        out.push_str("no moves\n");
        return;
    }
    let matrix = Matrix::count(axis(m), &m.flows);
    let layout = Layout::new(ds, &matrix);
    out.push_str(LEGEND);
    out.push('\n');
    layout.head(out);
    matrix.rows(&layout, out);
    matrix.totals(&layout, out);
    if let Some(others) = matrix.axis.iter().find_map(|a| match a {
        Axis::Others(n) => Some(n),
        _ => None,
    }) {
        let _ = writeln!(
            out,
            "{others} organizations with fewer moves share the row and column \"…\"; --json or --org lists them all"
        );
    }
}

/// The text matrix's rows (and columns): the axis of `m`, busiest first,
/// with the organizations past the [`MAX_SHOWN`] busiest in one last row.
fn axis(m: &FlowMatrix) -> Vec<Axis> {
    let mut axis = Vec::new();
    let (mut shown, mut others) = (0, 0);
    for &o in &m.axis {
        match o {
            None => axis.push(Axis::Unknown),
            Some(o) if shown < MAX_SHOWN => {
                shown += 1;
                axis.push(Axis::Org(o));
            }
            Some(_) => others += 1,
        }
    }
    if others > 0 {
        axis.push(Axis::Others(others));
    }
    axis
}

/// The counts of the matrix, with their totals.
struct Matrix {
    axis: Vec<Axis>,
    /// Row-major, `axis.len()` square: the moves from a row's organization
    /// to a column's.
    cells: Vec<Option<Range>>,
    row_total: Vec<Range>,
    col_total: Vec<Range>,
}

impl Matrix {
    /// Counts `flows` into the cells of `axis`.
    fn count(axis: Vec<Axis>, flows: &[(Pair, Flow)]) -> Matrix {
        let index: hashbrown::HashMap<OrgIx, usize> = axis
            .iter()
            .enumerate()
            .filter_map(|(k, a)| match a {
                Axis::Org(o) => Some((*o, k)),
                _ => None,
            })
            .collect();
        let unknown = axis.iter().position(|a| *a == Axis::Unknown);
        // The others are last.
        let place = |o: Option<OrgIx>| match o {
            None => unknown.unwrap_or(axis.len() - 1),
            Some(o) => index.get(&o).copied().unwrap_or(axis.len() - 1),
        };
        let n = axis.len();
        let mut cells: Vec<Option<Range>> = vec![None; n * n];
        let (mut row_total, mut col_total) = (vec![Range::default(); n], vec![Range::default(); n]);
        for ((from, to), f) in flows {
            let (r, c) = (place(*from), place(*to));
            *cells[r * n + c].get_or_insert_default() += f.range;
            row_total[r] += f.range;
            col_total[c] += f.range;
        }
        Matrix {
            axis,
            cells,
            row_total,
            col_total,
        }
    }

    /// Appends one line per row: its tag and name, its cells and its total.
    fn rows(&self, layout: &Layout, out: &mut String) {
        let n = self.axis.len();
        let out_w = layout.width(n);
        for (r, name) in layout.names.iter().enumerate() {
            let mut line = format!("{:>3}  {name}", layout.tags[r]);
            let pad = layout.label.saturating_sub(line.chars().count());
            line.push_str(&" ".repeat(pad));
            for c in 0..n {
                let cell = match self.cells[r * n + c] {
                    Some(range) => range.tight(),
                    None => ".".into(),
                };
                let _ = write!(line, "{cell:>w$}", w = layout.width(c));
            }
            let _ = writeln!(line, "{:>out_w$}", self.row_total[r].marked());
            out.push_str(&line);
        }
    }

    /// Appends the `in` line (column totals) and the `net` line (each
    /// organization's gain).
    fn totals(&self, layout: &Layout, out: &mut String) {
        let label = layout.label;
        let mut ins = format!("{:<label$}", "  in");
        let mut net = format!("{:<label$}", "  net");
        let mut total = Range::default();
        for (c, axis) in self.axis.iter().enumerate() {
            let w = layout.width(c);
            let _ = write!(ins, "{:>w$}", self.col_total[c].marked());
            total += self.col_total[c];
            let (into, out) = (self.col_total[c], self.row_total[c]);
            // A gain that includes a range is marked like one.
            let mark = if into.is_exact() && out.is_exact() {
                ""
            } else {
                "≠"
            };
            let shown = match axis {
                Axis::Org(o) => net_gain(Some(*o), into.count.into(), out.count.into())
                    .map(|gain| format!("{gain}{mark}"))
                    .unwrap_or_default(),
                Axis::Others(_) | Axis::Unknown => String::new(),
            };
            let _ = write!(net, "{shown:>w$}");
        }
        let _ = writeln!(ins, "{:>w$}", total.marked(), w = layout.width(self.axis.len()));
        out.push_str(&ins);
        out.push_str(net.trim_end());
        out.push('\n');
    }
}

/// The matrix's labels and widths.
struct Layout {
    /// Each row's name.
    names: Vec<String>,
    /// Each row's short tag, which also heads its column.
    tags: Vec<String>,
    /// Width of the row labels (tag and name).
    label: usize,
    /// Width of each column, then of the `out` column.
    widths: Vec<usize>,
}

impl Layout {
    /// The labels of `m`'s rows and the widths that fit them and its counts.
    fn new(ds: &Dataset, m: &Matrix) -> Layout {
        let names: Vec<String> = m
            .axis
            .iter()
            .map(|a| match a {
                Axis::Org(o) => sanitize(&ds.org(*o).name).into_owned(),
                Axis::Others(others) => format!("{others} others"),
                Axis::Unknown => "? (unknown)".to_string(),
            })
            .collect();
        let mut number = 0;
        let tags: Vec<String> = m
            .axis
            .iter()
            .map(|a| match a {
                Axis::Org(_) => {
                    number += 1;
                    number.to_string()
                }
                Axis::Others(_) => "…".into(),
                Axis::Unknown => "?".into(),
            })
            .collect();
        let label = names.iter().map(|s| s.chars().count()).max().unwrap_or(0) + 5;
        // Each column fits its total and its tag (cells and net gains are
        // shorter), the `out` column the row totals and the grand total.
        let least = (m.axis.len().to_string().len() + 1).max(4);
        let fit = |r: &Range| r.marked().chars().count() + 2;
        let mut widths: Vec<usize> = m.col_total.iter().map(|t| fit(t).max(least)).collect();
        let mut all = Range::default();
        for t in &m.col_total {
            all += *t;
        }
        let out = m.row_total.iter().map(fit).max().unwrap_or(0).max(fit(&all));
        widths.push(out.max(least));
        Layout {
            names,
            tags,
            label,
            widths,
        }
    }

    /// The width of column `c` (the `out` column past the last).
    fn width(&self, c: usize) -> usize {
        self.widths.get(c).copied().unwrap_or(4)
    }

    /// Appends the header line: the column tags, then `out`.
    fn head(&self, out: &mut String) {
        let label = self.label;
        let mut head = format!("{:label$}", "");
        for (c, tag) in self.tags.iter().enumerate() {
            let _ = write!(head, "{tag:>w$}", w = self.width(c));
        }
        let _ = writeln!(head, "{:>w$}", "out", w = self.width(self.tags.len()));
        out.push_str(&head);
    }
}
