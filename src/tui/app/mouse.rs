//! Clicks select and focus; the wheel scrolls the pane under the pointer.

use super::state::{App, Mode};
use crate::tui::pane::Pane;
use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Position;

/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;

pub(super) fn on_mouse(app: &mut App, m: MouseEvent) {
    if app.mode != Mode::Browse || app.detail.zoom {
        return;
    }
    let areas = app.areas();
    let at = Position::new(m.column, m.row);
    let Some(pane) = Pane::ALL.into_iter().find(|&p| areas.pane(p).contains(at)) else {
        return;
    };
    let len = app.len(pane);
    match m.kind {
        MouseEventKind::Down(MouseButton::Left) => {
            app.focus = pane;
            app.detail.focused = false;
            let top = areas.pane(pane).y + 1;
            if m.row >= top {
                let row = app.list(pane).offset + usize::from(m.row - top);
                if row < len {
                    app.select_row(pane, row);
                }
            }
        }
        MouseEventKind::ScrollDown => app.list_mut(pane).move_by(WHEEL_STEP, len),
        MouseEventKind::ScrollUp => app.list_mut(pane).move_by(-WHEEL_STEP, len),
        _ => {}
    }
}
