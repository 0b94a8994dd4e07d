//! The error panel of `--watch`: the last failed reload's problems, as
//! `rivals check` prints them, over the detail area.

use crate::tui::app::Errors;
use crate::tui::keymap::{Action, Ctx, Keymap};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Draws the panel in `area`, scrolled as the state says.
pub fn render(errors: &Errors, keymap: &Keymap, theme: &Theme, frame: &mut Frame, area: Rect) {
    let scroll_keys = format!(
        " {}/{} scroll · {} hide ",
        keymap.key_of(Action::ErrorsDown, Ctx::Browse),
        keymap.key_of(Action::ErrorsUp, Ctx::Browse),
        keymap.key_of(Action::ErrorsToggle, Ctx::Browse)
    );
    let block = Block::bordered().border_style(theme.error).title(Line::from(vec![
        Span::styled(" Dataset errors · not reloaded ", theme.error),
        Span::styled(scroll_keys, theme.muted),
    ]));
    let inner = block.inner(area);
    let lines: Vec<Line> = errors
        .rows(usize::from(inner.width))
        .into_iter()
        .skip(errors.scroll)
        .take(usize::from(inner.height))
        .map(|row| {
            let style = if row.contains(": error: ") {
                theme.error
            } else {
                theme.muted
            };
            Line::styled(row, style)
        })
        .collect();
    frame.render_widget(Clear, area);
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
