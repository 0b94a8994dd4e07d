//! Drawing: a pure function of the [`App`] state. Nothing here changes
//! state; lists build rows only for the visible window.

mod companies;
mod detail;
mod errors;
mod flows;
mod help;
mod money;
mod people;
mod popup;
mod sankey;
mod sources;
mod status;
mod timeline;

use super::app::{App, Mode};
use super::ascii;
use super::layout::{Areas, MIN_HEIGHT, MIN_WIDTH};
use super::pane::Pane;
use super::theme::{Glyphs, Theme};
use crate::text::{fit, width};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Draws the whole screen, in ASCII if the theme's glyphs say so.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame) {
    draw(app, theme, frame);
    if theme.glyphs == Glyphs::Ascii {
        ascii::transliterate(frame.buffer_mut());
    }
}

/// Draws every pane, the status line and the open popup.
fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    let areas = Areas::new(area);
    if areas.too_small {
        let msg = format!("terminal too small (need {MIN_WIDTH}x{MIN_HEIGHT})");
        let y = area.y + area.height / 2;
        let row = Rect::new(area.x, y, area.width, area.height.min(1));
        let text =
            Paragraph::new(fit(&msg, usize::from(area.width))).alignment(ratatui::layout::Alignment::Center);
        frame.render_widget(text, row);
        return;
    }
    status::title(app, theme, frame, areas.title);
    let flows_open =
        app.mode == Mode::Flows || (app.flows_view.asking && matches!(app.mode, Mode::Prompt { .. }));
    if flows_open || app.mode == Mode::Money {
        let body = Rect::new(
            area.x,
            areas.title.bottom(),
            area.width,
            areas.status.y - areas.title.bottom(),
        );
        if flows_open && app.flows_view.sankey {
            sankey::render(app, theme, frame, body);
        } else if flows_open {
            flows::render(app, theme, frame, body);
        } else {
            money::render(app, theme, frame, body);
        }
        status::render(app, theme, frame, areas.status);
        return;
    }
    if let Mode::Sources { list } = &app.mode {
        sources::render(app, list, theme, frame, areas.body());
        status::render(app, theme, frame, areas.status);
        return;
    }
    if app.detail.zoom {
        detail::render(app, theme, frame, areas.body());
    } else {
        companies::render(app, theme, frame, areas.companies);
        people::render(app, theme, frame, areas.people);
        timeline::render(app, theme, frame, areas.timeline);
        detail::render(app, theme, frame, areas.detail);
    }
    status::render(app, theme, frame, areas.status);
    if let Some(e) = app.errors.as_ref().filter(|e| !e.hidden) {
        errors::render(e, &app.keymap, theme, frame, crate::tui::app::panel_area(&areas));
    }
    match &app.mode {
        Mode::Search(s) => popup::search(app, s, theme, frame, area),
        Mode::Chooser { items, list, event } => popup::chooser(app, *event, items, list, theme, frame, area),
        Mode::Kinds { list } => popup::kinds(app, list, theme, frame, area),
        Mode::Help(h) => help::render(&app.keymap, h, theme, frame, area),
        Mode::Browse
        | Mode::Prompt { .. }
        | Mode::Mark { .. }
        | Mode::Sources { .. }
        | Mode::Flows
        | Mode::Money => {}
    }
}

/// A bordered block titled with the pane name and number.
fn pane_block(app: &App, pane: Pane, theme: &Theme, extra: &str) -> Block<'static> {
    let focused = app.focus == pane
        && !app.detail.focused
        && matches!(app.mode, Mode::Browse | Mode::Prompt { .. } | Mode::Mark { .. });
    bordered(
        theme,
        focused,
        format!(" {} {}{} ", pane.index() + 1, pane.title(), extra),
    )
}

/// A bordered block titled `title`: thick and highlighted when `focused`
/// (as the views are whenever they show), plain otherwise.
pub(super) fn bordered(theme: &Theme, focused: bool, title: impl Into<Line<'static>>) -> Block<'static> {
    let (kind, style) = if focused {
        (BorderType::Thick, theme.border_focused)
    } else {
        (BorderType::Plain, theme.border)
    };
    Block::bordered()
        .border_type(kind)
        .border_style(style)
        .title(title)
}

/// Draws a virtualized list in `area`: `row(i, width)` builds row `i`, and
/// is only called for the rows on screen.
fn list<'a>(
    app: &App,
    pane: Pane,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
    extra: &str,
    row: impl Fn(usize, usize) -> Line<'a>,
) {
    let block = pane_block(app, pane, theme, extra);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (len, height, width) = (app.len(pane), usize::from(inner.height), usize::from(inner.width));
    let state = app.list(pane);
    let offset = state.offset;
    let focused = app.focus == pane && !app.detail.focused;
    let text_width = width.saturating_sub(2);
    let lines: Vec<Line> = (offset..len.min(offset + height))
        .map(|i| {
            let selected = i == state.selected;
            let marker = if selected { "› " } else { "  " };
            let mut line = row(i, text_width);
            line.spans.insert(0, Span::raw(marker));
            if selected {
                let style = if focused {
                    theme.selection
                } else {
                    theme.selection_unfocused
                };
                mark_selected(&mut line, width, style);
            }
            line
        })
        .collect();
    if len == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled("  (nothing here)", theme.muted)),
            inner,
        );
        return;
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if len > height && inner.height > 0 {
        let mut sb = ScrollbarState::new(len.saturating_sub(height)).position(offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(None);
        frame.render_stateful_widget(
            bar,
            area.inner(ratatui::layout::Margin {
                horizontal: 0,
                vertical: 1,
            }),
            &mut sb,
        );
    }
}

/// Pads a row to `width` columns and applies the selection style over
/// every span, so it wins over the spans' own colours (a line-level style
/// would lose to them).
fn mark_selected(line: &mut Line, width: usize, style: Style) {
    let used = line.width();
    if used < width {
        line.spans.push(Span::raw(" ".repeat(width - used)));
    }
    for span in &mut line.spans {
        span.style = span.style.patch(style);
    }
}

/// Builds a line from styled pieces of dataset text, sanitized and cut to
/// `max` columns with `…` (never wrapping into the next row).
fn fit_spans(pieces: Vec<(String, Style)>, max: usize) -> Line<'static> {
    let mut spans = Vec::with_capacity(pieces.len());
    let mut used = 0;
    for (text, style) in pieces {
        let room = max.saturating_sub(used);
        if room == 0 {
            break;
        }
        let piece = fit(&text, room);
        used += width(&piece);
        let cut = piece.ends_with('…') && !text.ends_with('…');
        spans.push(Span::styled(piece, style));
        if cut {
            break;
        }
    }
    Line::from(spans)
}

/// Text left-aligned with `right` aligned to the right edge of `max` columns.
/// The left text comes first; the right gets what is left, and at least a
/// third of the row when both are long. `right` lists ways to say the same
/// thing, longest first: the first that fits whole is shown, else the
/// first, cut.
fn with_right(left: Vec<(String, Style)>, right: (&[String], Style), max: usize) -> Line<'static> {
    let left_w: usize = left.iter().map(|(t, _)| width(&crate::text::sanitize(t))).sum();
    let right_room = max.saturating_sub(left_w + 2).max(max / 3);
    let whole = right
        .0
        .iter()
        .find(|t| width(&crate::text::sanitize(t)) <= right_room);
    let right_text = fit(whole.or(right.0.first()).map_or("", |t| t.as_str()), right_room);
    let right_w = width(&right_text);
    let mut line = fit_spans(left, max.saturating_sub(right_w + 1));
    let used = line.width();
    let gap = max.saturating_sub(used + right_w);
    line.spans.push(Span::raw(" ".repeat(gap)));
    line.spans.push(Span::styled(right_text, right.1));
    line
}

#[cfg(test)]
mod reload_tests;
#[cfg(test)]
mod tests;
