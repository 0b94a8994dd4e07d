//! `rivals export --format dot|mermaid`: the talent flows as a graph,
//! organizations as nodes and moves as edges weighted by the counts of
//! [`model::flows`](crate::model::flows), labelled with the people.
//!
//! Dataset text is hostile: every label is [`sanitize`]d (no control
//! character or line break survives) and then escaped for the format, and
//! node names are generated (`o12`), never taken from the data.

use super::EventFilter;
use crate::model::{Dataset, Flow, FlowQuery, OrgIx, Pair, flows};
use crate::text::sanitize;
use std::fmt::Write;

/// Most people named on one edge; the rest are counted (`+3 more`).
const MAX_NAMES: usize = 4;

/// The flows in `filter`'s date range with at least one event it keeps:
/// each keeps its whole count and people.
pub fn edges(ds: &Dataset, filter: &EventFilter) -> Vec<(Pair, Flow)> {
    edges_rolled(ds, filter, false)
}

/// [`edges`], each organization counted as its top parent if `roll_up`.
pub fn edges_rolled(ds: &Dataset, filter: &EventFilter, roll_up: bool) -> Vec<(Pair, Flow)> {
    let period = filter.period();
    let q = FlowQuery {
        from: period.from,
        to: period.to,
        roll_up,
    };
    let mut all = flows(ds, &q);
    all.retain(|(_, f)| f.events.iter().any(|&e| filter.keeps(ds, ds.event(e))));
    all
}

/// The node name of an organization, or of the unknown one.
fn node(o: Option<OrgIx>) -> String {
    o.map_or_else(|| "unknown".to_string(), |o| format!("o{o}"))
}

/// The organizations the edges touch, in index order (unknown last).
fn nodes(edges: &[(Pair, Flow)]) -> Vec<Option<OrgIx>> {
    let mut all: Vec<Option<OrgIx>> = edges.iter().flat_map(|((a, b), _)| [*a, *b]).collect();
    all.sort_by_key(|o| o.map_or(u64::MAX, u64::from));
    all.dedup();
    all
}

/// An organization's display name.
fn org_name(ds: &Dataset, o: Option<OrgIx>) -> &str {
    o.map_or("(unknown)", |o| ds.org(o).name.as_str())
}

/// An edge's label: the count, then the people named (at most
/// [`MAX_NAMES`]): the count as a range (`7–8≠`, `≥8`) when the
/// sources disagree or give a lower bound.
fn edge_label(ds: &Dataset, f: &Flow) -> String {
    let mut label = f.range.marked();
    let names: Vec<&str> = f
        .people
        .iter()
        .take(MAX_NAMES)
        .map(|&p| ds.person(p).name.as_str())
        .collect();
    if !names.is_empty() {
        label.push_str(": ");
        label.push_str(&names.join(", "));
    }
    if f.people.len() > MAX_NAMES {
        let _ = write!(label, " +{} more", f.people.len() - MAX_NAMES);
    }
    label
}

/// Text for a double-quoted DOT string: sanitized, then `\` and `"`
/// escaped (so `\n` or `\l` in the data are shown, not interpreted).
pub fn dot_escape(text: &str) -> String {
    sanitize(text).replace('\\', "\\\\").replace('"', "\\\"")
}

/// Appends the edges as a Graphviz digraph.
pub fn dot(ds: &Dataset, edges: &[(Pair, Flow)], out: &mut String) {
    out.push_str("digraph rivals {\n  rankdir=LR;\n  node [shape=box];\n");
    for o in nodes(edges) {
        let style = if o.is_none() { ", style=dashed" } else { "" };
        let _ = writeln!(
            out,
            "  {} [label=\"{}\"{style}];",
            node(o),
            dot_escape(org_name(ds, o))
        );
    }
    for ((from, to), f) in edges {
        let style = if f.range.disputed { ", style=dashed" } else { "" };
        let width = 1.0 + f64::from(f.range.count).ln();
        let _ = writeln!(
            out,
            "  {} -> {} [label=\"{}\", weight={}, penwidth={width:.2}{style}];",
            node(*from),
            node(*to),
            dot_escape(&edge_label(ds, f)),
            f.range.count
        );
    }
    out.push_str("}\n");
}

/// Text for a quoted Mermaid label: sanitized, then every character
/// Mermaid could read as syntax, markup or markdown written as its decimal
/// entity code (`#34;`, which Mermaid shows as the character): quotes, `#`
/// and `;` (entity codes themselves), HTML's `<`, `>` and `&`, the edge
/// label's `|`, markdown's backtick, and `%`, `{` and `}`, since Mermaid
/// reads a `%%{init: ...}%%` directive anywhere in the text.
pub fn mermaid_escape(text: &str) -> String {
    let mut out = String::new();
    for c in sanitize(text).chars() {
        match c {
            '"' | '\'' | '#' | '<' | '>' | '&' | '|' | '`' | '\\' | ';' | '%' | '{' | '}' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Appends the edges as a Mermaid flowchart.
pub fn mermaid(ds: &Dataset, edges: &[(Pair, Flow)], out: &mut String) {
    out.push_str("flowchart LR\n");
    for o in nodes(edges) {
        let _ = writeln!(out, "  {}[\"{}\"]", node(o), mermaid_escape(org_name(ds, o)));
    }
    for ((from, to), f) in edges {
        let arrow = if f.range.disputed { "-.->" } else { "-->" };
        let _ = writeln!(
            out,
            "  {} {arrow}|\"{}\"| {}",
            node(*from),
            mermaid_escape(&edge_label(ds, f)),
            node(*to)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_labels_cannot_close_the_string_or_break_the_line() {
        assert_eq!(dot_escape("a \"b\" \\n"), "a \\\"b\\\" \\\\n");
        let e = dot_escape("x\ny\u{1b}]");
        assert!(!e.contains('\n') && !e.contains('\u{1b}'), "{e}");
        assert!(!e.replace("\\\\", "").replace("\\\"", "").contains('"'));
    }

    #[test]
    fn mermaid_labels_hold_no_syntax() {
        let e = mermaid_escape("A\"]-->B|<b>#x;`md`\n&");
        for bad in ['"', '<', '>', '|', '`', '\n', '&'] {
            assert!(!e.contains(bad), "{bad:?} in {e}");
        }
        assert_eq!(mermaid_escape("Meta (MSL)"), "Meta (MSL)");
        assert_eq!(mermaid_escape("\"#"), "#34;#35;");
    }

    #[test]
    fn mermaid_labels_hold_no_directive() {
        let e = mermaid_escape("Evil %%{init: {'theme':'dark'}}%% Co");
        assert_eq!(
            e,
            "Evil #37;#37;#123;init: #123;#39;theme#39;:#39;dark#39;#125;#125;#37;#37; Co"
        );
    }
}
