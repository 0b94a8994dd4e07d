//! The Flows view: the from→to matrix as a heatmap. Counts are written in
//! the cells (`≠` when disputed, `·` when none), so it reads without colour;
//! only the rows and columns on screen are drawn, and the border says how
//! many are cut off (`› 6 more`).

use super::fit_spans;
use crate::text::fit;
use crate::tui::app::App;
use crate::tui::flows::{Matrix, org_name};
use crate::tui::layout::{self, MATRIX_CELL_WIDTH, MATRIX_LABEL_WIDTH};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

const CELL: usize = MATRIX_CELL_WIDTH as usize;
const LABEL: usize = MATRIX_LABEL_WIDTH as usize;

/// Draws the view over the whole body. Column headers are short names;
/// the line under the matrix names the selected cell in full.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let v = &app.flows_view;
    let m = app.matrix();
    let roll = if v.roll_up { "rolled up" } else { "not rolled up" };
    let (rows, cols) = layout::flows_grid(app.screen());
    let (r0, c0) = (v.rows.offset, v.cols.offset);
    // What is cut off, on the border: `‹ 2 · › 6 more` columns at the top,
    // `↑ 1 · ↓ 4 more` rows at the bottom. The title leaves it room.
    let cols_cut = cut(c0, cols, m.len(), ("‹", "›"));
    let room = usize::from(body.width.saturating_sub(3)).saturating_sub(crate::text::width(&cols_cut));
    let period = super::sankey::period_label(app);
    let title = format!(
        " Flows · matrix · {period} · rows from, columns to · {} organizations · {roll} ",
        m.len()
    );
    let shorter = format!(" Flows · matrix · {period} · {} organizations · {roll} ", m.len());
    let title = [title, shorter]
        .into_iter()
        .find(|t| crate::text::width(t) <= room)
        .unwrap_or_else(|| format!(" Flows · matrix · {period} · {roll} "));
    let mut block = super::bordered(theme, true, title);
    if !cols_cut.is_empty() {
        block = block.title_top(Line::styled(cols_cut, theme.key).right_aligned());
    }
    let rows_cut = cut(r0, rows, m.len(), ("↑", "↓"));
    if !rows_cut.is_empty() {
        block = block.title_bottom(Line::styled(rows_cut, theme.key).right_aligned());
    }
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if m.is_empty() {
        let text = Line::styled(format!("  no moves in {period}"), theme.muted);
        frame.render_widget(Paragraph::new(text), inner);
        return;
    }
    let ds = &app.data.ds;
    let col_range = c0..(c0 + cols).min(m.len());
    let row_range = r0..(r0 + rows).min(m.len());
    let name = |i: usize| org_name(ds, m.axis.get(i).copied().flatten()).to_string();
    let mut lines = Vec::with_capacity(rows + 3);
    // Header: the columns' names, cut to a cell, then the totals.
    let mut head = vec![Span::styled(format!("{:<LABEL$}", "from ↓  to →"), theme.muted)];
    for c in col_range.clone() {
        let style = if c == v.cols.selected {
            theme.key
        } else {
            theme.org
        };
        head.push(Span::styled(
            // Right-aligned like the counts, before their `≠` column.
            format!("{:>w$} ", short(&name(c), CELL - 1), w = CELL - 1),
            style,
        ));
    }
    for t in ["out", "in", "net"] {
        head.push(Span::styled(format!("{t:>CELL$}"), theme.heading));
    }
    lines.push(Line::from(head));
    for r in row_range {
        let style = if r == v.rows.selected {
            theme.key
        } else {
            theme.org
        };
        let mut spans = vec![Span::styled(
            format!("{:<LABEL$}", fit(&name(r), LABEL - 1)),
            style,
        )];
        for c in col_range.clone() {
            let (text, mut style) = cell(m, r, c, theme);
            if (r, c) == (v.rows.selected, v.cols.selected) {
                style = theme.selection;
            }
            spans.push(Span::styled(text, style));
        }
        let (out, into) = m.totals.get(r).copied().unwrap_or_default();
        spans.push(Span::styled(format!("{:>CELL$}", out.tight()), theme.amount));
        spans.push(Span::styled(format!("{:>CELL$}", into.tight()), theme.amount));
        let net = m.net(r).unwrap_or_default();
        spans.push(Span::styled(format!("{net:>CELL$}"), theme.heading));
        lines.push(Line::from(spans));
    }
    // The `in` totals of the columns shown.
    let mut foot = vec![Span::styled(format!("{:<LABEL$}", "in"), theme.heading)];
    for c in col_range {
        // Aligned with the counts above it, before their `≠` column.
        let into = m.totals.get(c).map(|t| t.1).unwrap_or_default();
        let (count, mark) = match into.tight() {
            t if t.ends_with('≠') => (into.count.to_string(), "≠"),
            t => (t, " "),
        };
        foot.push(Span::styled(
            format!("{count:>w$}{mark}", w = CELL - 1),
            theme.amount,
        ));
    }
    lines.push(Line::from(foot));
    lines.push(selected_line(app, m, theme, usize::from(inner.width)));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// What a window of `shown` of `len` items from `start` leaves out, with
/// the arrows for before and after: ` ‹ 2 · › 6 more `, or empty.
fn cut(start: usize, shown: usize, len: usize, (before, after): (&str, &str)) -> String {
    let end = start.saturating_add(shown).min(len);
    let mut parts = Vec::new();
    if start > 0 {
        parts.push(format!("{before} {start}"));
    }
    if end < len {
        parts.push(format!("{after} {} more", len - end));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" {} ", parts.join(" · "))
    }
}

/// A column's name in `max` columns: whole if it fits, else its capitals
/// (`MSL`, `GDM`, `OAI`) if there are two or more, else cut with `…`.
pub(super) fn short(name: &str, max: usize) -> String {
    let clean = crate::text::sanitize(name);
    if crate::text::width(&clean) <= max {
        return clean.into_owned();
    }
    let caps: String = clean.chars().filter(|c| c.is_ascii_uppercase()).collect();
    if (2..=max).contains(&caps.len()) {
        caps
    } else {
        fit(&clean, max)
    }
}

/// A cell's text, right-aligned, and its heat: bold for the busiest.
fn cell(m: &Matrix, r: usize, c: usize, theme: &Theme) -> (String, Style) {
    match m.cell(r, c) {
        None => (format!("{:>w$} ", "·", w = CELL - 1), theme.muted),
        Some((_, f)) => {
            let (count, mark) = match f.range.tight() {
                t if t.ends_with('≠') => (f.range.count.to_string(), "≠"),
                t => (t, " "),
            };
            let style = if f.range.count * 2 >= m.max {
                theme.heading
            } else if f.range.count * 5 >= m.max {
                theme.amount
            } else {
                theme.person
            };
            (format!("{count:>w$}{mark}", w = CELL - 1), style)
        }
    }
}

/// What the selected cell holds, in words: `OpenAI → Meta: 3 people
/// (Ann, Bob), 2 events`.
fn selected_line(app: &App, m: &Matrix, theme: &Theme, width: usize) -> Line<'static> {
    let ds = &app.data.ds;
    let (r, c) = (app.flows_view.rows.selected, app.flows_view.cols.selected);
    let name = |i: usize| org_name(ds, m.axis.get(i).copied().flatten()).to_string();
    let mut pieces = vec![(format!("{} → {}: ", name(r), name(c)), theme.org)];
    match m.cell(r, c) {
        None => pieces.push(("no moves".into(), theme.muted)),
        Some((_, f)) => {
            let mut text = f.range.words("person", "people");
            if !f.people.is_empty() {
                let names: Vec<&str> = f
                    .people
                    .iter()
                    .take(4)
                    .map(|&p| ds.person(p).name.as_str())
                    .collect();
                let more = if f.people.len() > 4 { ", …" } else { "" };
                text.push_str(&format!(
                    " ({} named: {}{more})",
                    f.people.len(),
                    names.join(", ")
                ));
            }
            text.push_str(&format!(", {} events", f.events.len()));
            pieces.push((text, theme.person));
        }
    }
    // The selected row's and column's totals when they hold a range.
    let totals = [(r, 0, "out"), (c, 1, "in")].map(|(i, side, label)| {
        let t = m.totals.get(i).map(|t| if side == 0 { t.0 } else { t.1 });
        t.filter(|t| !t.is_exact())
            .map(|t| format!(" · {} {label} {}", name(i), t.marked()))
    });
    for t in totals.into_iter().flatten() {
        pieces.push((t, theme.amount));
    }
    fit_spans(pieces, width)
}

#[cfg(test)]
mod tests {
    #[test]
    fn column_headers_shorten_names_to_their_capitals() {
        let short = |n| super::short(n, 5);
        assert_eq!(short("xAI"), "xAI");
        assert_eq!(short("Meta Superintelligence Labs"), "MSL");
        assert_eq!(short("Google DeepMind"), "GDM");
        assert_eq!(short("Anthropic"), "Anth…");
    }
}
