//! `rivals flow`: who moved from which organization to which, as a matrix
//! or as JSON, counted by [`model::flows`](crate::model::flows).

use super::export::safe_json;
use crate::model::{Dataset, Flow, FlowQuery, OrgIx, Pair, flows};
use crate::text::sanitize;
use std::fmt::Write;

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

/// Appends the flows as a JSON list, one object per pair.
pub fn json(ds: &Dataset, flows: &[(Pair, Flow)], out: &mut String) {
    let id = |o: Option<OrgIx>| o.map(|o| ds.org(o).id.as_str());
    let rows: Vec<serde_json::Value> = flows
        .iter()
        .map(|((from, to), f)| {
            let people: Vec<&str> = f.people.iter().map(|&p| ds.person(p).id.as_str()).collect();
            let events: Vec<&str> = f.events.iter().map(|&e| ds.event(e).id.as_str()).collect();
            serde_json::json!({
                "from": id(*from),
                "to": id(*to),
                "count": f.count,
                "people": people,
                "events": events,
                "disputed": f.disputed,
            })
        })
        .collect();
    out.push_str(&safe_json(&serde_json::Value::Array(rows)));
    out.push('\n');
}

/// Appends the flows as a matrix: rows are where people came from, columns
/// where they went, with totals and each organization's net gain.
pub fn text(ds: &Dataset, flows: &[(Pair, Flow)], out: &mut String) {
    if flows.is_empty() {
        out.push_str("no moves\n");
        return;
    }
    // The organizations with moves, by name, then unknown.
    let mut present = vec![false; ds.orgs.len()];
    let mut unknown = false;
    for ((from, to), _) in flows {
        for o in [from, to] {
            match o {
                Some(o) => present[*o as usize] = true,
                None => unknown = true,
            }
        }
    }
    let mut axis: Vec<Option<OrgIx>> = ds
        .orgs_by_name
        .iter()
        .copied()
        .filter(|&o| present[o as usize])
        .map(Some)
        .collect();
    if unknown {
        axis.push(None);
    }
    let place = |o: Option<OrgIx>| axis.iter().position(|&x| x == o).unwrap_or(0);
    let n = axis.len();
    let mut cells: Vec<Option<(u32, bool)>> = vec![None; n * n];
    let (mut row_total, mut col_total) = (vec![0u32; n], vec![0u32; n]);
    for ((from, to), f) in flows {
        let (r, c) = (place(*from), place(*to));
        cells[r * n + c] = Some((f.count, f.disputed));
        row_total[r] += f.count;
        col_total[c] += f.count;
    }
    let names: Vec<String> = axis
        .iter()
        .map(|o| o.map_or("? (unknown)".to_string(), |o| sanitize(&ds.org(o).name).into_owned()))
        .collect();
    let label = names.iter().map(|s| s.chars().count()).max().unwrap_or(0) + 5;
    let numbers = cells
        .iter()
        .flatten()
        .map(|(c, _)| c.to_string().len() + 1)
        .chain(row_total.iter().chain(&col_total).map(|t| t.to_string().len() + 1))
        .max()
        .unwrap_or(1);
    let w = numbers.max(n.to_string().len() + 1).max(4);
    let _ = writeln!(
        out,
        "people moving from (rows) to (columns); ≠ disputed count, ? unknown"
    );
    let mut head = format!("{:label$}", "");
    for (k, o) in axis.iter().enumerate() {
        let tag = if o.is_some() { (k + 1).to_string() } else { "?".into() };
        let _ = write!(head, "{tag:>w$}");
    }
    let _ = writeln!(head, "{:>w$}", "out");
    out.push_str(&head);
    for (r, name) in names.iter().enumerate() {
        let tag = if axis[r].is_some() { (r + 1).to_string() } else { "?".into() };
        let mut line = format!("{tag:>3}  {name}");
        let pad = label.saturating_sub(line.chars().count());
        line.push_str(&" ".repeat(pad));
        for c in 0..n {
            let cell = match cells[r * n + c] {
                Some((count, true)) => format!("{count}≠"),
                Some((count, false)) => count.to_string(),
                None => ".".into(),
            };
            let _ = write!(line, "{cell:>w$}");
        }
        let _ = writeln!(line, "{:>w$}", row_total[r]);
        out.push_str(&line);
    }
    let mut ins = format!("{:<label$}", "  in");
    let mut net = format!("{:<label$}", "  net");
    for c in 0..n {
        let _ = write!(ins, "{:>w$}", col_total[c]);
        let gain = i64::from(col_total[c]) - i64::from(row_total[c]);
        let shown = match axis[c] {
            None => String::new(),
            Some(_) if gain > 0 => format!("+{gain}"),
            Some(_) => gain.to_string(),
        };
        let _ = write!(net, "{shown:>w$}");
    }
    let total: u32 = col_total.iter().sum();
    let _ = writeln!(ins, "{total:>w$}");
    out.push_str(&ins);
    out.push_str(net.trim_end());
    out.push('\n');
}
