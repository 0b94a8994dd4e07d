//! The date prompt: type a date to jump the timeline to it, or a range
//! to keep the timeline to (see [`super::period::parse_input`]); opened
//! from the Flows view, the period it counts.

use super::input::pop_grapheme;
use super::period::{self, Typed};
use super::state::{App, Mode};
use crate::tui::keymap::{Action, Key};
use crate::tui::pane::Pane;
use crate::tui::view::Period;
use crossterm::event::KeyCode;

pub(super) fn prompt(app: &mut App, action: Option<Action>, key: Key) {
    let Mode::Prompt { input, error } = &mut app.mode else {
        return;
    };
    let asking = app.flows_view.asking;
    match (action, key.code) {
        (Some(Action::Cancel), _) if asking => {
            app.flows_view.asking = false;
            app.mode = Mode::Flows;
        }
        (Some(Action::Cancel), _) => app.mode = Mode::Browse,
        (Some(Action::Accept), _) if asking => match period::parse_input(input) {
            Ok(typed) => {
                let p = match typed {
                    Typed::Jump(date) => Period::of(date),
                    Typed::Keep(p) => p,
                };
                app.flows_view.asking = false;
                app.mode = Mode::Flows;
                super::scrub::set_period(app, Some(p));
            }
            Err(e) => *error = Some(e),
        },
        (Some(Action::Accept), _) => match period::parse_input(input) {
            Ok(Typed::Jump(date)) => {
                app.mode = Mode::Browse;
                app.remember();
                app.focus = Pane::Timeline;
                let row = app.event_rows.first_on_or_after(&app.data, date.first_day());
                let len = app.len(Pane::Timeline);
                app.list_mut(Pane::Timeline).select_at_top(row, len);
            }
            Ok(Typed::Keep(p)) => {
                app.mode = Mode::Browse;
                app.focus = Pane::Timeline;
                period::keep_to(app, Some(p));
                let len = app.len(Pane::Timeline);
                app.list_mut(Pane::Timeline).select_at_top(0, len);
            }
            Err(e) => *error = Some(e),
        },
        (None, KeyCode::Backspace) => {
            pop_grapheme(input);
            *error = None;
        }
        (None, KeyCode::Char(c)) if !key.ctrl => {
            insert(input, std::iter::once(c));
            *error = None;
        }
        _ => {}
    }
}

/// Longest input the prompt takes (`from september 2025 to 2026-12-31`).
const MAX_INPUT: usize = 40;

/// Adds the characters a date or range can hold (ASCII letters and
/// digits, `-`, `.` and spaces) to the prompt's input, up to its length.
pub(super) fn insert(input: &mut String, chars: impl Iterator<Item = char>) {
    let room = MAX_INPUT.saturating_sub(input.len());
    let fits = |c: &char| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ' ');
    input.extend(chars.filter(fits).take(room));
}
