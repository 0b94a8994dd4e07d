//! The title bar and the status line (filter or the open view's state,
//! position, prompt, hints).

use super::fit_spans;
use crate::text::fit;
use crate::tui::app::{App, Mode};
use crate::tui::flows::org_name;
use crate::tui::keymap::Shown;
use crate::tui::money::Row;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the title bar: dataset name and counts.
pub fn title(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let ds = &app.data.ds;
    let view = match app.mode {
        Mode::Sources { .. } => "Sources view · ",
        Mode::Flows => "Flows view · ",
        Mode::Money => "Money view · ",
        _ => "",
    };
    let text = format!(" rivals · {} · {view}{}", ds.name, ds.counts_line());
    let line = Line::raw(fit(&text, usize::from(area.width)));
    frame.render_widget(Paragraph::new(line).style(theme.title_bar), area);
}

/// The active filters in words: `Meta › Sam Altman · hire · 2025-07`.
pub fn filter_text(app: &App) -> Option<String> {
    let ds = &app.data.ds;
    let mut parts = Vec::new();
    if let Some(cell) = &app.flow_cell {
        parts.push(format!("moves {cell}"));
    }
    if let Some(o) = app.org_filter {
        let name = &ds.org(o).name;
        parts.push(match (ds.children(o).is_empty(), app.org_family) {
            (true, _) => name.clone(),
            (false, true) => format!("{name} (incl. children)"),
            (false, false) => format!("{name} (alone)"),
        });
    }
    if let Some(p) = app.person_filter {
        parts.push(ds.person(p).name.clone());
    }
    let mut text = parts.join(" › ");
    if let Some(k) = app.kind_filter {
        if !text.is_empty() {
            text.push_str(" · ");
        }
        text.push_str(k.as_str());
    }
    if let Some(p) = app.period_filter {
        if !text.is_empty() {
            text.push_str(" · ");
        }
        text.push_str(&p.label());
        if app.precise {
            text.push_str(" exact dates");
        }
    }
    if let Some(s) = app.source_filter {
        if !text.is_empty() {
            text.push_str(" · ");
        }
        text.push_str(&format!("source {}", ds.source(s).id));
    }
    (!text.is_empty()).then_some(text)
}

/// Hints as styled pieces: the key, then its label, `sep` between them.
pub fn hint_pieces(hints: &[Shown], sep: &str, theme: &Theme) -> Vec<(String, Style)> {
    let mut out = Vec::new();
    for (i, h) in hints.iter().enumerate() {
        if i > 0 {
            out.push((sep.to_string(), theme.muted));
        }
        out.push((h.key.clone(), theme.key));
        out.push((format!(" {}", h.label), theme.muted));
    }
    out
}

/// Hints as spans, for popup titles.
pub fn hint_spans(hints: &[Shown], sep: &str, theme: &Theme) -> Vec<Span<'static>> {
    hint_pieces(hints, sep, theme)
        .into_iter()
        .map(|(t, s)| Span::styled(t, s))
        .collect()
}

/// Columns the status line keeps for the filter or note before hints.
const LEFT_ROOM: usize = 30;

/// Draws the status line: the date prompt, or the note or filter, the
/// position in the focused pane and the current mode's key hints.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    let ctx = app.ctx();
    if let Mode::Prompt { input, error } = &app.mode {
        let mut pieces = vec![
            (
                if app.flows_view.asking {
                    "period to count: "
                } else {
                    "date or range: "
                }
                .to_string(),
                theme.heading,
            ),
            (format!("{input}▏"), Style::new()),
        ];
        match error {
            Some(e) => pieces.push((format!("  {e}"), theme.error)),
            None => {
                pieces.push(("  jul 2025 or 2025-06..2025-08 · ".into(), theme.muted));
                pieces.extend(hint_pieces(&app.keymap.hints(ctx), " · ", theme));
            }
        }
        frame.render_widget(Paragraph::new(fit_spans(pieces, width)), area);
        return;
    }
    if let Mode::Mark { set } = app.mode {
        let what = if set { "set mark: " } else { "go to mark: " };
        let mut pieces = vec![
            (what.to_string(), theme.heading),
            ("press a letter · ".to_string(), theme.muted),
        ];
        if !set && !app.marks.marks.is_empty() {
            let letters: String = app.marks.marks.keys().collect();
            pieces.push((format!("marks {letters} · "), theme.muted));
        }
        pieces.extend(hint_pieces(&app.keymap.hints(ctx), " · ", theme));
        frame.render_widget(Paragraph::new(fit_spans(pieces, width)), area);
        return;
    }
    let pos = if let Some(pos) = view_position(app) {
        pos
    } else {
        let (len, sel) = match &app.mode {
            Mode::Sources { list } => (app.data.ds.sources.len(), list.selected),
            _ => (app.len(app.focus), app.list(app.focus).selected),
        };
        let shown = if len == 0 { 0 } else { sel + 1 };
        format!(" {shown}/{len} ")
    };
    // Position first, then the hints that fit by priority, then the filter.
    let pos_width = crate::text::width(&pos);
    let budget = width.saturating_sub(pos_width + LEFT_ROOM);
    let hints = app.keymap.fitting_hints(ctx, budget, HINT_GAP.len());
    let hint_line = fit_spans(
        hint_pieces(&hints, HINT_GAP, theme),
        width.saturating_sub(pos_width),
    );
    let left_room = width.saturating_sub(pos_width + hint_line.width());
    let hidden = app.errors.as_ref().is_some_and(|e| e.hidden);
    let note = match (&app.note, hidden) {
        (_, true) => Some(format!(
            "errors hidden ({} shows)",
            app.keymap.key_of(crate::tui::keymap::Action::ErrorsToggle, ctx)
        )),
        (note, false) => note.clone(),
    };
    // A note (`reloaded: 86 events`) comes before the filter, not instead.
    let left: Vec<(String, Style)> = match (&note, view_state(app, left_room), filter_text(app)) {
        (Some(note), None, Some(f)) => vec![
            (format!(" {note} · "), theme.key),
            ("filter: ".into(), theme.muted),
            (f, theme.heading),
        ],
        (Some(note), _, _) => vec![(format!(" {note}"), theme.key)],
        (None, Some(state), _) => vec![(state, theme.heading)],
        (None, None, Some(f)) => vec![(" filter: ".into(), theme.muted), (f, theme.heading)],
        (None, None, None) => vec![(" no filter".into(), theme.muted)],
    };
    let mut line = fit_spans(left, left_room);
    let used = line.width();
    line.spans
        .push(Span::raw(" ".repeat(left_room.saturating_sub(used))));
    line.spans.push(Span::styled(pos, theme.heading));
    line.spans.extend(hint_line.spans);
    frame.render_widget(Paragraph::new(line), area);
}

/// Space between two hints on the status line.
const HINT_GAP: &str = "  ";

/// The open view's own state in `room` columns, instead of the panes'
/// filters it ignores: `2015–2025 · not rolled up · OpenAI → Meta` (the
/// years of the moves counted, the roll-up, the selected cell, with short
/// names if the full ones do not fit; the cell comes last, as the line
/// under the matrix has it in full) or `log scale · USD 14.3B · Meta →
/// Scale AI` (the axis and the selected amount).
fn view_state(app: &App, room: usize) -> Option<String> {
    let ds = &app.data.ds;
    match app.mode {
        Mode::Flows if app.flows_view.sankey => {
            let v = &app.flows_view;
            let roll = if v.roll_up { "rolled up" } else { "not rolled up" };
            let period = super::sankey::period_label(app);
            let what = match v.pick {
                crate::tui::app::sankey::Pick::Ribbon(_) => "ribbon",
                _ => "node",
            };
            Some(format!(" Sankey · {period} · {roll} · {what}"))
        }
        Mode::Flows => {
            let (v, m) = (&app.flows_view, app.matrix());
            let roll = if v.roll_up { "rolled up" } else { "not rolled up" };
            let period = match m.span {
                Some((a, b)) if a.year == b.year => format!("{} · ", a.year),
                Some((a, b)) => format!("{}–{} · ", a.year, b.year),
                None => String::new(),
            };
            let text = |short: bool| {
                let name = |i: usize| {
                    let name = org_name(ds, m.axis.get(i).copied().flatten());
                    if short {
                        super::flows::short(name, 5)
                    } else {
                        name.to_string()
                    }
                };
                let (from, to) = (name(v.rows.selected), name(v.cols.selected));
                format!(" {period}{roll} · {from} → {to}")
            };
            let full = text(false);
            Some(if crate::text::width(&full) <= room {
                full
            } else {
                text(true)
            })
        }
        Mode::Money => {
            let scale = if app.money_view.log {
                "log scale"
            } else {
                "linear scale"
            };
            Some(match app.chart().rows.get(app.money_view.list.selected) {
                Some(Row::Bar(b)) if b.who.is_empty() => format!(" {scale} · {}", b.short),
                Some(Row::Bar(b)) => format!(" {scale} · {} · {}", b.short, b.who),
                _ => format!(" {scale}"),
            })
        }
        _ => None,
    }
}

/// The position in the open view: ` 3,5/12 ` (row, column of the matrix)
/// or ` 4/30 ` (a row of the chart).
fn view_position(app: &App) -> Option<String> {
    match app.mode {
        Mode::Flows if app.flows_view.sankey => {
            let (s, pick) = (app.sankey(), app.flows_view.pick);
            use crate::tui::app::sankey::Pick;
            Some(match pick {
                Pick::Ribbon(i) => format!(" {}/{} ", i + 1, s.ribbons.len()),
                Pick::Left(n) => format!(" from {}/{} ", n + 1, s.left.len()),
                Pick::Right(n) => format!(" to {}/{} ", n + 1, s.right.len()),
            })
        }
        Mode::Flows => {
            let v = &app.flows_view;
            let len = app.matrix().len();
            Some(format!(" {},{}/{len} ", v.rows.selected + 1, v.cols.selected + 1))
        }
        Mode::Money => {
            let len = app.chart().rows.len();
            Some(format!(" {}/{len} ", app.money_view.list.selected + 1))
        }
        _ => None,
    }
}
