//! The popups: the jump chooser, the kind filter and the help overlay.

use super::state::{App, Mode, Target, max_help_scroll};
use crate::model::EventKind;
use crate::tui::keymap::Action;

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

/// Keys in the help overlay: scroll (stopping at its last line) or close.
pub(super) fn help(app: &mut App, action: Option<Action>) {
    let bottom = max_help_scroll(&app.keymap, app.screen());
    let Mode::Help { scroll } = &mut app.mode else {
        return;
    };
    match action {
        Some(Action::Cancel) => app.mode = Mode::Browse,
        Some(Action::Down) => *scroll = (*scroll + 1).min(bottom),
        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
        _ => {}
    }
}
