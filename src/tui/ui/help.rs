//! The help overlay, generated from the keymap table.

use super::timeline::DISPUTED;
use crate::tui::keymap::{HelpRow, help_rows, keys_label};
use crate::tui::layout::help_popup;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every line of the help, grouped by context.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let key = |k: String| Span::styled(format!("  {k:<18}"), theme.key);
    help_rows()
        .into_iter()
        .map(|row| match row {
            HelpRow::Heading(ctx) => Line::styled(ctx.title(), theme.heading),
            HelpRow::Binding(b) => Line::from(vec![key(keys_label(b)), Span::raw(b.help)]),
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
pub fn render(scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = help_popup(area);
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(" Keys · Esc closes · j/k scroll ");
    let height = usize::from(block.inner(rect).height);
    let shown: Vec<Line> = lines(theme).into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
