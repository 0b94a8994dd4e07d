//! `rivals export --format svg|mermaid-sankey`: the talent flows as a
//! Sankey diagram, from the same layout as the explorer's Flows view
//! ([`model::Sankey`](crate::model::Sankey)): a standalone SVG picture, or
//! Mermaid's `sankey-beta` (`source,target,value` lines).
//!
//! Dataset text is hostile: every label is [`sanitize`]d (no control
//! character survives, so the SVG stays well-formed XML) and then escaped
//! for the format.

use super::EventFilter;
use super::graph::edges_rolled;
use crate::model::sankey::{Placed, Sankey, Span};
use crate::model::{Dataset, FlowMatrix, Range};
use crate::text::sanitize;
use std::fmt::Write;

/// Most nodes a side in an export: more room than a terminal has.
const EXPORT_NODES: usize = 16;

/// One colour per origin, in turn.
const COLOURS: [&str; 8] = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
];

/// The Sankey of the flows `filter` keeps, rolled up if `roll_up`.
fn sankey(ds: &Dataset, filter: &EventFilter, roll_up: bool) -> (FlowMatrix, Sankey) {
    let m = FlowMatrix::of(ds, edges_rolled(ds, filter, roll_up));
    let s = Sankey::of(ds, &m, EXPORT_NODES);
    (m, s)
}

/// Text for XML content or a double-quoted attribute: sanitized, then
/// `&`, `<`, `>`, `"` and `'` written as entities.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::new();
    for c in sanitize(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A disputed count's range as the labels write it: `≠ 7–8`, `≠ 8–≥9`.
fn range(r: Range) -> String {
    format!("≠ {}", r.span())
}

/// Where the diagram goes in the picture: the left and right bars' x,
/// their width, and the y of the diagram's top.
struct Frame {
    x0: f64,
    x1: f64,
    bar: f64,
    top: f64,
}

/// Appends the Sankey of the flows `filter` keeps as a standalone SVG.
pub fn svg(ds: &Dataset, filter: &EventFilter, roll_up: bool, out: &mut String) {
    let (_, s) = sankey(ds, filter, roll_up);
    let (width, height, label) = (1040.0, 520.0, 250.0);
    let bar = 14.0;
    let frame = Frame {
        x0: label,
        x1: width - label - bar,
        bar,
        top: 40.0,
    };
    let total = frame.top + height + 40.0;
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" \
         viewBox=\"0 0 {width} {total}\" font-family=\"sans-serif\" font-size=\"13\">"
    );
    let what = if roll_up { "rolled up" } else { "not rolled up" };
    let period = xml_escape(&filter.period().label());
    let _ = writeln!(
        out,
        "<title>Who moved from where to where: {} people, {period}, {what}</title>",
        s.total
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"24\" text-anchor=\"middle\" font-weight=\"bold\">Who moved from where to where · {period} · {} people · {what}</text>",
        width / 2.0,
        s.total
    );
    if s.is_empty() {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">no moves</text>",
            width / 2.0,
            frame.top + 40.0
        );
        out.push_str("</svg>\n");
        return;
    }
    let p = s.place(height, 10.0, 3.0);
    ribbons(ds, &s, &p, &frame, out);
    nodes(ds, &s, &p.left, true, &frame, out);
    nodes(ds, &s, &p.right, false, &frame, out);
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"{:.1}\" font-size=\"11\" fill=\"#555555\">From (left) to (right); ribbons as wide as the people who moved; ≠ a count the sources dispute, with its range; ? unknown.</text>",
        total - 12.0
    );
    out.push_str("</svg>\n");
}

/// The ribbons, each a filled band between two curves with a tooltip;
/// then each disputed one's range where it crosses the middle.
fn ribbons(ds: &Dataset, s: &Sankey, p: &Placed, f: &Frame, out: &mut String) {
    let at = |y: f64| f.top + y;
    out.push_str("<g fill-opacity=\"0.45\">\n");
    for (r, &(a, b)) in s.ribbons.iter().zip(&p.ribbons) {
        let colour = COLOURS[r.from % COLOURS.len()];
        let (sx, ex, mx) = (f.x0 + f.bar, f.x1, (f.x0 + f.bar + f.x1) / 2.0);
        let name = format!(
            "{} → {}: {}",
            s.left[r.from].name(ds),
            s.right[r.to].name(ds),
            r.range.count
        );
        let dispute = if r.range.disputed {
            format!(" ({})", range(r.range))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<path fill=\"{colour}\" d=\"M{sx:.1},{:.1} C{mx:.1},{:.1} {mx:.1},{:.1} {ex:.1},{:.1} L{ex:.1},{:.1} C{mx:.1},{:.1} {mx:.1},{:.1} {sx:.1},{:.1} Z\"><title>{}{}</title></path>",
            at(a.0),
            at(a.0),
            at(b.0),
            at(b.0),
            at(b.1),
            at(b.1),
            at(a.1),
            at(a.1),
            xml_escape(&name),
            xml_escape(&dispute)
        );
    }
    out.push_str("</g>\n");
    for (r, &(a, b)) in s.ribbons.iter().zip(&p.ribbons) {
        if r.range.disputed {
            let y = at((a.0 + a.1 + b.0 + b.1) / 4.0) + 4.0;
            let _ = writeln!(
                out,
                "<text x=\"{:.1}\" y=\"{y:.1}\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
                (f.x0 + f.x1) / 2.0,
                xml_escape(&range(r.range))
            );
        }
    }
}

/// One side's bars, each labelled with its name and count (`≠` when one
/// of its ribbons is disputed).
fn nodes(ds: &Dataset, s: &Sankey, spans: &[Span], left: bool, f: &Frame, out: &mut String) {
    let list = if left { &s.left } else { &s.right };
    for (n, (node, &(y0, y1))) in list.iter().zip(spans).enumerate() {
        let colour = if left {
            COLOURS[n % COLOURS.len()]
        } else {
            "#555555"
        };
        let x = if left { f.x0 } else { f.x1 };
        let disputed = s
            .ribbons
            .iter()
            .any(|r| r.range.disputed && if left { r.from == n } else { r.to == n });
        let mark = if disputed { " ≠" } else { "" };
        let text = format!("{} {}{mark}", node.name(ds), node.count);
        let (tx, anchor) = if left {
            (x - 6.0, "end")
        } else {
            (x + f.bar + 6.0, "start")
        };
        let _ = writeln!(
            out,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{}\" height=\"{:.1}\" fill=\"{colour}\"/>\n\
             <text x=\"{tx:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            f.top + y0,
            f.bar,
            (y1 - y0).max(1.0),
            f.top + (y0 + y1) / 2.0 + 4.0,
            xml_escape(&text)
        );
    }
}

/// A name for Mermaid's sankey CSV: sanitized, `%` made harmless (Mermaid
/// reads a `%%{init}%%` directive anywhere), quoted, quotes doubled.
pub fn mermaid_name(text: &str) -> String {
    let clean = sanitize(text).replace('%', "\u{FF05}").replace('"', "\"\"");
    format!("\"{clean}\"")
}

/// Appends the Sankey of the flows `filter` keeps as Mermaid's
/// `sankey-beta`. A destination that is also an origin is written
/// `Name (to)`: Mermaid names a node by its text, and a flow back to an
/// origin would be a cycle it cannot draw.
pub fn mermaid(ds: &Dataset, filter: &EventFilter, roll_up: bool, out: &mut String) {
    let (_, s) = sankey(ds, filter, roll_up);
    out.push_str("sankey-beta\n\n");
    let left: Vec<String> = s.left.iter().map(|n| n.name(ds).into_owned()).collect();
    for r in &s.ribbons {
        let from = &left[r.from];
        let mut to = s.right[r.to].name(ds).into_owned();
        if left.contains(&to) {
            to.push_str(" (to)");
        }
        if r.range.disputed {
            let _ = writeln!(out, "%% disputed: the sources give {}", r.range.span());
        }
        let _ = writeln!(
            out,
            "{},{},{}",
            mermaid_name(from),
            mermaid_name(&to),
            r.range.count
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_for_xml_and_mermaid() {
        assert_eq!(
            xml_escape("A&B <x> \"q\" 'a'"),
            "A&amp;B &lt;x&gt; &quot;q&quot; &apos;a&apos;"
        );
        assert_eq!(xml_escape("bell\u{7}"), "bell\\u{7}");
        assert_eq!(mermaid_name("Say \"hi\", ok"), "\"Say \"\"hi\"\", ok\"");
        assert!(!mermaid_name("%%{init: {}}%%").contains('%'));
    }
}
