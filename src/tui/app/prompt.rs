//! The date prompt: type a date, jump the timeline to it.

use super::input::pop_grapheme;
use super::state::{App, Mode, Pane};
use crate::model::Date;
use crate::tui::keymap::{Action, Key};
use crossterm::event::KeyCode;

pub(super) fn prompt(app: &mut App, action: Option<Action>, key: Key) {
    let Mode::Prompt { input, error } = &mut app.mode else {
        return;
    };
    match (action, key.code) {
        (Some(Action::Cancel), _) => app.mode = Mode::Browse,
        (Some(Action::Accept), _) => match Date::parse(input.trim()) {
            Ok(date) => {
                app.mode = Mode::Browse;
                app.remember();
                app.focus = Pane::Timeline;
                let row = app.event_rows.first_on_or_after(&app.data, date.first_day());
                app.select_row(Pane::Timeline, row);
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

/// Longest date the prompt takes (`YYYY-MM-DD`).
const MAX_INPUT: usize = 10;

/// Adds the characters a date can hold (digits and `-`) to the prompt's
/// input, up to its length.
pub(super) fn insert(input: &mut String, chars: impl Iterator<Item = char>) {
    let room = MAX_INPUT.saturating_sub(input.len());
    input.extend(chars.filter(|&c| c.is_ascii_digit() || c == '-').take(room));
}
