//! The fuzzy-search popup: editing the query, moving through the results,
//! accepting one.

use super::Effect;
use super::input;
use super::state::{App, Mode, SearchState};
use crate::tui::keymap::{Action, Key};
use crossterm::event::KeyCode;

pub(super) fn search_key(app: &mut App, action: Option<Action>, key: Key) -> Option<Effect> {
    let Mode::Search(s) = &mut app.mode else {
        return None;
    };
    let len = s.hits.len();
    let edited = match (action, key.code) {
        (Some(Action::Cancel), _) => {
            app.mode = Mode::Browse;
            return None;
        }
        (Some(Action::Accept), _) => {
            let chosen = s.hits.get(s.list.selected).map(|h| h.target);
            let (hits, cursor) = (std::mem::take(&mut s.hits), s.list.selected);
            app.mode = Mode::Browse;
            match chosen {
                Some(target) => {
                    app.hits = hits;
                    app.hit_cursor = cursor;
                    app.jump_to(target);
                }
                None => app.note = Some("no match".into()),
            }
            return None;
        }
        (Some(Action::Down), _) => {
            s.list.move_by(1, len);
            false
        }
        (Some(Action::Up), _) => {
            s.list.move_by(-1, len);
            false
        }
        (Some(Action::DeleteWord), _) => {
            input::delete_word(&mut s.query);
            true
        }
        (Some(Action::ClearInput), _) => {
            s.query.clear();
            true
        }
        (None, KeyCode::Backspace) => input::pop_grapheme(&mut s.query),
        (None, KeyCode::Char(c)) if !key.ctrl && !c.is_control() => {
            s.query.push(c);
            true
        }
        _ => false,
    };
    if !edited {
        return None;
    }
    requery(s)
}

/// Asks for a search of the edited query, or clears the results when it is blank.
pub(super) fn requery(s: &mut SearchState) -> Option<Effect> {
    s.generation += 1;
    if s.query.trim().is_empty() {
        s.hits.clear();
        s.groups.clear();
        s.pending = false;
        return None;
    }
    s.pending = true;
    Some(Effect::Search {
        query: s.query.clone(),
        generation: s.generation,
    })
}
