//! The help overlay, generated from the keymap table.

use super::status::hint_spans;
use super::timeline::DISPUTED;
use crate::tui::keymap::{Ctx, HELP_KEYS_WIDTH, HelpRow, Keymap, keys_label};
use crate::tui::layout::help_popup;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every line of the help, grouped by context.
fn lines(keymap: &Keymap, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let key = |k: String| Span::styled(format!("  {k:<w$}", w = HELP_KEYS_WIDTH - 2), theme.key);
    keymap
        .help_rows(width)
        .into_iter()
        .map(|row| match row {
            HelpRow::Heading(ctx) => Line::styled(ctx.title(keymap), theme.heading),
            HelpRow::Binding(keys, help) => Line::from(vec![key(keys_label(keys)), Span::raw(help)]),
            HelpRow::More(help) => Line::from(vec![key(String::new()), Span::raw(help)]),
            HelpRow::Note(keys, what) => Line::from(vec![key(keys.to_string()), Span::raw(what)]),
            HelpRow::Disputed => Line::from(vec![
                Span::styled(format!("  {DISPUTED} "), theme.disputed),
                Span::raw("marks an event whose facts the sources dispute"),
            ]),
            HelpRow::Blank => Line::raw(""),
        })
        .collect()
}

/// Draws the overlay, scrolled down by `scroll` lines (bounded by `update`).
pub fn render(keymap: &Keymap, scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = help_popup(area);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(
            [
                Span::styled(" Keys", theme.popup_title),
                Span::styled(" · ", theme.muted),
            ]
            .into_iter()
            .chain(hint_spans(&keymap.hints(Ctx::Help), " · ", theme))
            .chain([Span::raw(" ")])
            .collect::<Vec<_>>(),
        ));
    let inner = block.inner(rect);
    let shown: Vec<Line> = lines(keymap, theme, usize::from(inner.width))
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
