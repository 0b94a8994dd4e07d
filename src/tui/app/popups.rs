//! The popups: the jump chooser, the kind filter and the help overlay.

use super::input;
use super::state::{App, Mode, Target, max_help_scroll};
use crate::model::EventKind;
use crate::tui::keymap::{Action, Key};
use crate::tui::layout;
use crossterm::event::KeyCode;
use std::sync::Arc;

pub(super) fn chooser(app: &mut App, action: Option<Action>) {
    let Mode::Chooser { items, list, .. } = &mut app.mode else {
        return;
    };
    let pick = match action {
        Some(Action::Cancel) => {
            app.mode = Mode::Browse;
            return;
        }
        Some(Action::Down) => {
            list.move_by(1, items.len());
            None
        }
        Some(Action::Up) => {
            list.move_by(-1, items.len());
            None
        }
        Some(Action::Accept) => items.get(list.selected).copied(),
        Some(Action::JumpPerson) => items.iter().copied().find(|t| matches!(t, Target::Person(_))),
        Some(Action::JumpOrg) => items.iter().copied().find(|t| matches!(t, Target::Org(_))),
        _ => None,
    };
    if let Some(target) = pick {
        app.mode = Mode::Browse;
        match target {
            Target::Person(p) => app.jump_person(p),
            Target::Org(o) => app.jump_org(o),
        }
    }
}

/// The Sources view: move, filter by the source (back to the panes), or
/// close it leaving the panes as they were.
pub(super) fn sources(app: &mut App, action: Option<Action>) {
    let len = app.data.ds.sources.len();
    let Mode::Sources { list } = &mut app.mode else {
        return;
    };
    match action {
        Some(Action::Cancel) => app.mode = Mode::Browse,
        Some(Action::Down) => list.move_by(1, len),
        Some(Action::Up) => list.move_by(-1, len),
        Some(Action::Accept) => {
            let row = list.selected;
            app.mode = Mode::Browse;
            if let Ok(s) = u32::try_from(row)
                && row < len
            {
                app.filter_source(s);
            }
        }
        _ => {}
    }
}

pub(super) fn kinds(app: &mut App, action: Option<Action>) {
    let Mode::Kinds { list } = &mut app.mode else {
        return;
    };
    let rows = EventKind::ALL.len() + 1;
    match action {
        Some(Action::Cancel) => app.mode = Mode::Browse,
        Some(Action::Down) => list.move_by(1, rows),
        Some(Action::Up) => list.move_by(-1, rows),
        Some(Action::Accept) => {
            let kind = list
                .selected
                .checked_sub(1)
                .and_then(|i| EventKind::ALL.get(i).copied());
            app.mode = Mode::Browse;
            app.remember();
            let keep = app.selected_event();
            app.set_filters(app.org_filter, app.person_filter, kind, app.period_filter);
            app.reselect_event(keep);
        }
        _ => {}
    }
}

/// Keys in the help overlay: scroll it (stopping at its last line), type
/// its filter after `/`, clear the filter, then close it.
pub(super) fn help(app: &mut App, action: Option<Action>, key: Key) {
    let screen = app.screen();
    let page = layout::inner_rows(layout::help_popup(screen)).max(1);
    let keymap = Arc::clone(&app.keymap);
    let Mode::Help(h) = &mut app.mode else {
        return;
    };
    let before = h.filter.clone();
    let half = (page / 2).max(1);
    match action {
        Some(Action::Down) => h.scroll = h.scroll.saturating_add(1),
        Some(Action::Up) => h.scroll = h.scroll.saturating_sub(1),
        Some(Action::PageDown) => h.scroll = h.scroll.saturating_add(page),
        Some(Action::PageUp) => h.scroll = h.scroll.saturating_sub(page),
        Some(Action::HalfPageDown) => h.scroll = h.scroll.saturating_add(half),
        Some(Action::HalfPageUp) => h.scroll = h.scroll.saturating_sub(half),
        Some(Action::First) => h.scroll = 0,
        Some(Action::Last) => h.scroll = usize::MAX,
        Some(Action::Search) => h.typing = true,
        Some(Action::Accept) => h.typing = false,
        Some(Action::Cancel) if h.typing || !h.filter.is_empty() => {
            h.filter.clear();
            h.typing = false;
        }
        Some(Action::Cancel) => {
            app.mode = Mode::Browse;
            return;
        }
        Some(Action::DeleteWord) => input::delete_word(&mut h.filter),
        Some(Action::ClearInput) => h.filter.clear(),
        None if h.typing => match key.code {
            KeyCode::Backspace => {
                input::pop_grapheme(&mut h.filter);
            }
            KeyCode::Char(c) if !key.ctrl && !c.is_control() && !crate::text::is_unsafe(c) => {
                h.filter.push(c)
            }
            _ => {}
        },
        _ => {}
    }
    if h.filter != before {
        h.scroll = 0;
    }
    h.scroll = h.scroll.min(max_help_scroll(&keymap, screen, &h.filter));
}
