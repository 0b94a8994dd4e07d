//! The Detail area: everything about the focused pane's selection,
//! focusable (`4`, `Tab`), scrollable and zoomable (`z`). What it says is
//! [`crate::tui::detail`]'s; this only draws it.

use crate::tui::app::{App, Mode};
use crate::tui::detail::{self, DetailLine, Slot};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the detail of the current selection from row `app.detail.scroll`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused =
        app.detail.focused && matches!(app.mode, Mode::Browse | Mode::Prompt { .. } | Mode::Mark { .. });
    let title = if app.detail.zoom {
        " 4 Detail · full screen "
    } else {
        " 4 Detail "
    };
    let block = super::bordered(theme, focused, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let scroll = app.detail.scroll;
    // The events of the mini-timeline that can show: up to the bottom row.
    let limit = scroll.saturating_add(usize::from(inner.height));
    let lines: Vec<Line> = detail::lines(&app.data.ds, app.detail_record(), limit, usize::from(inner.width))
        .into_iter()
        .map(|l| line(l, theme))
        .collect();
    let at = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((at, 0)),
        inner,
    );
}

/// A line of the detail in the theme's styles.
fn line(l: DetailLine, theme: &Theme) -> Line<'static> {
    match l {
        DetailLine::Whole(text, slot) => Line::styled(text, style(slot, theme)),
        DetailLine::Pieces(pieces) => Line::from(
            pieces
                .into_iter()
                .map(|(text, slot)| Span::styled(text, style(slot, theme)))
                .collect::<Vec<_>>(),
        ),
    }
}

fn style(slot: Slot, theme: &Theme) -> Style {
    match slot {
        Slot::Plain => Style::new(),
        Slot::Heading => theme.heading,
        Slot::Kind => theme.kind,
        Slot::Muted => theme.muted,
        Slot::Date => theme.date,
        Slot::Amount => theme.amount,
        Slot::Disputed => theme.disputed,
        Slot::Quote => Style::new().italic(),
    }
}
