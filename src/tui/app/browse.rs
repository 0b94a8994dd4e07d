//! Browsing the panes: moving, focusing, filtering and the keys that open
//! the other modes.

use super::search::SearchState;
use super::state::{App, Mode, Target};
use super::{period, views};
use crate::model::{EventKind, OrgIx};
use crate::tui::keymap::{Action, Ctx};
use crate::tui::list::ListState;
use crate::tui::pane::Pane;
use crate::tui::view::{month_of, year_of};

pub(super) fn browse(app: &mut App, action: Action) {
    if (app.detail.focused || app.detail.zoom) && detail(app, action) {
        return;
    }
    let pane = app.focus;
    let page = app.areas().rows(pane).max(1) as isize;
    let len = app.len(pane);
    let step = |app: &mut App, delta: isize| app.list_mut(pane).move_by(delta, len);
    match action {
        Action::NextPane if pane == Pane::Timeline => app.detail.focused = true,
        Action::NextPane => app.focus = Pane::ALL[(pane.index() + 1) % 3],
        Action::PrevPane if pane == Pane::Companies => app.detail.focused = true,
        Action::PrevPane => app.focus = Pane::ALL[(pane.index() + 2) % 3],
        Action::Focus(p) => app.focus = p,
        Action::FocusDetail => app.detail.focused = true,
        Action::ZoomDetail => {
            app.detail.zoom = true;
            app.detail.focused = true;
        }
        Action::Down => step(app, 1),
        Action::Up => step(app, -1),
        Action::PageDown => step(app, page),
        Action::PageUp => step(app, -page),
        Action::HalfPageDown => step(app, (page / 2).max(1)),
        Action::HalfPageUp => step(app, -(page / 2).max(1)),
        Action::First => app.select_row(pane, 0),
        Action::Last => app.select_row(pane, len.saturating_sub(1)),
        Action::NextYear | Action::PrevYear | Action::NextMonth | Action::PrevMonth => {
            period_jump(app, action)
        }
        Action::DatePrompt => {
            app.mode = Mode::Prompt {
                input: String::new(),
                error: None,
            }
        }
        Action::Search => app.mode = Mode::Search(SearchState::default()),
        Action::NextHit => cycle_hits(app, 1),
        Action::PrevHit => cycle_hits(app, -1),
        Action::KindFilter => {
            let row = app
                .kind_filter
                .and_then(|k| EventKind::ALL.iter().position(|&x| x == k))
                .map_or(0, |i| i + 1);
            app.mode = Mode::Kinds {
                list: ListState {
                    selected: row,
                    offset: 0,
                },
            };
        }
        Action::Help => app.mode = Mode::Help(Default::default()),
        Action::Sources => {
            let selected = app.source_filter.map_or(0, |s| s as usize);
            app.mode = Mode::Sources {
                list: ListState { selected, offset: 0 },
            };
        }
        Action::SortOrgs => {
            let keep = app.selected_org();
            app.org_order = app.org_order.next();
            app.sort_orgs();
            let row = keep.and_then(|o| app.org_row(o)).unwrap_or(0);
            app.select_row(Pane::Companies, row);
            app.note = Some(format!("Companies {}", app.org_order.label()));
        }
        Action::Select => select(app),
        Action::Children => app.toggle_children(),
        Action::Back if views::back_to_matrix(app) => {}
        Action::Back => app.go_back(),
        Action::Flows => views::open_flows(app),
        Action::Money => views::open_money(app),
        Action::Forward => app.go_forward(),
        Action::SetMark => app.mode = Mode::Mark { set: true },
        Action::GoToMark => app.mode = Mode::Mark { set: false },
        Action::PeriodFilter => period::cycle(app),
        Action::Precise => period::toggle_precise(app),
        Action::ClearFilter => app.clear_filters(),
        Action::ErrorsToggle => {
            if let Some(errors) = &mut app.errors {
                errors.hidden = !errors.hidden;
            }
        }
        Action::ErrorsDown | Action::ErrorsUp => {
            if let Some(errors) = &mut app.errors {
                let delta = if action == Action::ErrorsDown { 1 } else { -1 };
                errors.scroll = errors.scroll.saturating_add_signed(delta);
            }
        }
        _ => {}
    }
}

/// Keys while Detail has the focus: moving scrolls it, `Tab` and the
/// number keys leave it, `z` toggles full screen. Returns whether the key
/// was Detail's; other keys act on the panes as usual.
fn detail(app: &mut App, action: Action) -> bool {
    let page = usize::from(app.detail_area().height.saturating_sub(2)).max(1);
    let d = &mut app.detail;
    let scroll = |d: &mut super::state::DetailState, delta: isize| {
        d.scroll = d.scroll.saturating_add_signed(delta);
    };
    let page = page as isize;
    match action {
        Action::Down => scroll(d, 1),
        Action::Up => scroll(d, -1),
        Action::PageDown => scroll(d, page),
        Action::PageUp => scroll(d, -page),
        Action::HalfPageDown => scroll(d, (page / 2).max(1)),
        Action::HalfPageUp => scroll(d, -(page / 2).max(1)),
        Action::First => d.scroll = 0,
        Action::Last => d.scroll = usize::MAX,
        Action::ZoomDetail => d.zoom = !d.zoom,
        Action::NextPane | Action::PrevPane | Action::Focus(_) => {
            *d = Default::default();
            match action {
                Action::NextPane => app.focus = Pane::Companies,
                Action::PrevPane => app.focus = Pane::Timeline,
                Action::Focus(p) => app.focus = p,
                _ => {}
            }
        }
        Action::FocusDetail => {}
        _ => return false,
    }
    true
}

fn select(app: &mut App) {
    match app.focus {
        Pane::Companies => {
            if let Some(o) = app.selected_org() {
                app.filter_org(o);
            }
        }
        Pane::People => {
            if let Some(p) = app.selected_person() {
                app.filter_person(p);
            }
        }
        Pane::Timeline => {
            let Some(e) = app.selected_event() else { return };
            let event = app.data.ds.event(e);
            let mut items: Vec<Target> = event.people.iter().map(|&p| Target::Person(p)).collect();
            let mut orgs: Vec<OrgIx> = Vec::new();
            for o in event.all_orgs() {
                if !orgs.contains(&o) {
                    orgs.push(o);
                }
            }
            items.extend(orgs.into_iter().map(Target::Org));
            if items.is_empty() {
                app.note = Some("this event names no one to jump to".into());
            } else {
                app.mode = Mode::Chooser {
                    event: e,
                    items,
                    list: ListState::default(),
                };
            }
        }
    }
}

fn period_jump(app: &mut App, action: Action) {
    let row = app.list(Pane::Timeline).selected;
    let (forward, period): (bool, fn(u32) -> u32) = match action {
        Action::NextYear => (true, year_of),
        Action::PrevYear => (false, year_of),
        Action::NextMonth => (true, month_of),
        _ => (false, month_of),
    };
    let target = app.event_rows.jump(&app.data, row, forward, period);
    if target == row {
        app.note = Some(
            if forward {
                "no later events"
            } else {
                "no earlier events"
            }
            .into(),
        );
    }
    let len = app.len(Pane::Timeline);
    app.list_mut(Pane::Timeline).select_at_top(target, len);
}

fn cycle_hits(app: &mut App, delta: isize) {
    if app.hits.is_empty() {
        let key = app.keymap.key_of(Action::Search, Ctx::Browse);
        app.note = Some(format!("no search results: press {key} to search"));
        return;
    }
    let n = app.hits.len() as isize;
    app.hit_cursor = (app.hit_cursor as isize + delta).rem_euclid(n) as usize;
    let target = app.hits[app.hit_cursor].target;
    app.jump_to(target);
    app.note = Some(format!("result {}/{}", app.hit_cursor + 1, app.hits.len()));
}
