//! The help overlay, generated from the keymap table.

use super::status::hint_spans;
use super::timeline::{DISPUTED, UNCERTAIN};
use crate::text::{sanitize, tail};
use crate::tui::app::HelpState;
use crate::tui::keymap::{Ctx, DISPUTED_HELP, HELP_KEYS_WIDTH, HelpRow, Keymap, UNCERTAIN_HELP, keys_label};
use crate::tui::layout::help_popup;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Every line of the help kept by `filter`, grouped by context.
fn lines(keymap: &Keymap, theme: &Theme, width: usize, filter: &str) -> Vec<Line<'static>> {
    let key = |k: String| Span::styled(format!("  {k:<w$}", w = HELP_KEYS_WIDTH - 2), theme.key);
    keymap
        .help_rows(width, filter)
        .into_iter()
        .map(|row| match row {
            HelpRow::Heading(ctx) => Line::styled(ctx.title(keymap), theme.heading),
            HelpRow::Binding(keys, help) => Line::from(vec![key(keys_label(keys)), Span::raw(help)]),
            HelpRow::More(help) => Line::from(vec![key(String::new()), Span::raw(help)]),
            HelpRow::Note(keys, what) => Line::from(vec![key(keys.to_string()), Span::raw(what)]),
            HelpRow::Disputed => Line::from(vec![
                Span::styled(format!("  {DISPUTED} "), theme.disputed),
                Span::raw(DISPUTED_HELP),
            ]),
            HelpRow::Uncertain => Line::from(vec![
                Span::styled(format!("  {UNCERTAIN} "), theme.muted),
                Span::raw(UNCERTAIN_HELP),
            ]),
            HelpRow::NoMatch => Line::from(vec![
                Span::raw("  no key or description contains "),
                Span::styled(format!("`{}`", sanitize(filter)), theme.key),
            ]),
            HelpRow::Blank => Line::raw(""),
        })
        .collect()
}

/// Draws the overlay, scrolled and filtered as `help` says (the scroll
/// bounded by `update`), with the first row's position among the rows
/// (`12/110`) and the filter in the bottom border.
pub fn render(keymap: &Keymap, help: &HelpState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = help_popup(area);
    let ctx = if help.typing { Ctx::HelpFilter } else { Ctx::Help };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(
            [
                Span::styled(" Keys", theme.popup_title),
                Span::styled(" · ", theme.muted),
            ]
            .into_iter()
            .chain(hint_spans(&keymap.hints(ctx), " · ", theme))
            .chain([Span::raw(" ")])
            .collect::<Vec<_>>(),
        ));
    let inner = block.inner(rect);
    let all = lines(keymap, theme, usize::from(inner.width), &help.filter);
    let position = format!(" {}/{} ", (help.scroll + 1).min(all.len()), all.len());
    let mut block = block.title_bottom(Line::styled(position.clone(), theme.muted).right_aligned());
    if help.typing || !help.filter.is_empty() {
        // The end of the filter, leaving room for the position.
        let room = usize::from(inner.width).saturating_sub(position.len() + 6);
        let mut filter = vec![
            Span::styled(" / ", theme.key),
            Span::raw(tail(&sanitize(&help.filter), room).into_owned()),
        ];
        if help.typing {
            filter.push(Span::styled("▏", theme.key));
        }
        filter.push(Span::raw(" "));
        block = block.title_bottom(Line::from(filter).left_aligned());
    }
    let shown: Vec<Line> = all
        .into_iter()
        .skip(help.scroll)
        .take(usize::from(inner.height))
        .collect();
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}

#[cfg(test)]
#[path = "help_tests.rs"]
mod tests;
