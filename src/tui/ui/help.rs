//! The help overlay, generated from the keymap table.

use super::centered;
use crate::tui::keymap::{Ctx, KEYMAP, keys_label};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every line of the help, grouped by context.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let contexts = [
        Ctx::Global,
        Ctx::Browse,
        Ctx::Timeline,
        Ctx::Search,
        Ctx::Popup,
        Ctx::Prompt,
        Ctx::Help,
    ];
    let mut out = Vec::new();
    for ctx in contexts {
        out.push(Line::styled(ctx.title(), theme.heading));
        for b in KEYMAP.iter().filter(|b| b.ctx == ctx) {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<18}", keys_label(b)), theme.key),
                Span::raw(b.help.to_string()),
            ]));
        }
        if ctx == Ctx::Search {
            out.push(Line::from(vec![
                Span::styled(format!("  {:<18}", "other keys"), theme.key),
                Span::raw("type the query"),
            ]));
        }
        out.push(Line::raw(""));
    }
    out.push(Line::from(vec![
        Span::styled("  ≠ ", theme.disputed),
        Span::raw("marks an event whose facts the sources dispute"),
    ]));
    out
}

/// Draws the overlay, scrolled down by `scroll` lines.
pub fn render(scroll: usize, theme: &Theme, frame: &mut Frame, area: Rect) {
    let all = lines(theme);
    let rect = centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    );
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(" Keys · Esc closes · j/k scroll ");
    let inner = block.inner(rect);
    let max_scroll = all.len().saturating_sub(usize::from(inner.height));
    let shown: Vec<Line> = all
        .into_iter()
        .skip(scroll.min(max_scroll))
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
