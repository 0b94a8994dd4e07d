//! The title bar and the status line (filter, position, prompt, hints).

use super::fit_spans;
use crate::text::fit;
use crate::tui::app::{App, Mode};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Draws the title bar: dataset name and counts.
pub fn title(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let ds = &app.data.ds;
    let text = format!(" rivals · {} · {}", ds.name, ds.counts_line());
    let line = Line::raw(fit(&text, usize::from(area.width)));
    frame.render_widget(Paragraph::new(line).style(theme.title_bar), area);
}

/// The active filters in words: `Meta › Sam Altman · hire`.
pub fn filter_text(app: &App) -> Option<String> {
    let ds = &app.data.ds;
    let mut parts = Vec::new();
    if let Some(o) = app.org_filter {
        parts.push(ds.org(o).name.clone());
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
    (!text.is_empty()).then_some(text)
}

/// Draws the status line.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let width = usize::from(area.width);
    if let Mode::Prompt { input, error } = &app.mode {
        let mut pieces = vec![
            ("jump to date: ".to_string(), theme.key),
            (format!("{input}▏"), Style::new()),
        ];
        match error {
            Some(e) => pieces.push((format!("  {e}"), theme.error)),
            None => pieces.push((
                "  YYYY, YYYY-MM or YYYY-MM-DD · Enter jump · Esc cancel".into(),
                theme.muted,
            )),
        }
        frame.render_widget(Paragraph::new(fit_spans(pieces, width)), area);
        return;
    }
    let pos = {
        let (len, sel) = (app.len(app.focus), app.list(app.focus).selected);
        let shown = if len == 0 { 0 } else { sel + 1 };
        format!(" {shown}/{len} ")
    };
    let left: Vec<(String, Style)> = match (&app.note, filter_text(app)) {
        (Some(note), _) => vec![(format!(" {note}"), theme.key)],
        (None, Some(f)) => vec![(" filter: ".into(), theme.muted), (f, theme.heading)],
        (None, None) => vec![(" no filter".into(), theme.muted)],
    };
    // Position first, then as many key hints as fit, then the filter.
    let pos_width = crate::text::width(&pos);
    let mut hints: Vec<Span> = Vec::new();
    let mut hints_width = 0;
    let budget = width.saturating_sub(pos_width + 30);
    for (key, label) in keymap::hints() {
        let label = format!(" {label}  ");
        let w = crate::text::width(&key) + crate::text::width(&label);
        if hints_width + w > budget {
            break;
        }
        hints_width += w;
        hints.push(Span::styled(key, theme.key));
        hints.push(Span::styled(label, theme.muted));
    }
    let left_room = width.saturating_sub(pos_width + hints_width);
    let mut line = fit_spans(left, left_room);
    let used = line.width();
    line.spans
        .push(Span::raw(" ".repeat(left_room.saturating_sub(used))));
    line.spans.push(Span::styled(pos, theme.heading));
    line.spans.extend(hints);
    frame.render_widget(Paragraph::new(line), area);
}
