//! Application state and the one function that changes it, [`update`].
//!
//! Every key, click, resize and search result becomes a [`Msg`]; `update`
//! applies it and may return an [`Effect`] for the event loop to carry out
//! (a search to run). Nothing here touches the terminal.

use super::keymap::{self, Action, Ctx, Key, Pane};
use super::layout::Areas;
use super::list::ListState;
use super::view::{Data, EventRows, PeopleRows, month_of, year_of};
use crate::model::{Date, EventIx, EventKind, OrgIx, PersonIx, Record};
use crate::search::Hit;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use std::sync::Arc;

/// Most search results kept for the popup and for `n`/`N`.
pub const MAX_HITS: usize = 200;
/// Rows the mouse wheel moves.
const WHEEL_STEP: isize = 3;
/// Most steps `Backspace` can go back.
const MAX_HISTORY: usize = 100;

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Results of the search numbered `generation`.
    Hits {
        generation: u64,
        hits: Vec<Hit>,
    },
    /// Stop now: SIGTERM, SIGHUP or SIGINT arrived (the event loop keeps
    /// which, for the exit code), or the terminal's input failed.
    Signal,
    /// Text pasted in the terminal (bracketed paste), not typed.
    Paste(String),
    /// Ctrl-z or SIGTSTP: hand the terminal back and stop.
    Suspend,
}

/// Work for the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Run a fuzzy search and answer with [`Msg::Hits`].
    Search { query: String, generation: u64 },
    /// Restore the terminal, stop the process, and take over again on SIGCONT.
    Suspend,
}

/// The fuzzy-search popup.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub list: ListState,
    /// Number of the newest search asked for; older answers are dropped.
    pub generation: u64,
    /// Whether the newest search has not answered yet.
    pub pending: bool,
}

/// A record the jump chooser offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Person(PersonIx),
    Org(OrgIx),
}

/// What has the keyboard.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    Browse,
    Search(SearchState),
    /// Jump to one of an event's people or organizations.
    Chooser {
        event: EventIx,
        items: Vec<Target>,
        list: ListState,
    },
    /// Pick an event kind to filter by (row 0 is "all kinds").
    Kinds {
        list: ListState,
    },
    /// Type a date to jump to.
    Prompt {
        input: String,
        error: Option<String>,
    },
    Help {
        scroll: usize,
    },
}

/// Where the user was: restored by `Backspace`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nav {
    focus: Pane,
    org: Option<OrgIx>,
    person: Option<PersonIx>,
    kind: Option<EventKind>,
    lists: [ListState; 3],
}

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    pub data: Arc<Data>,
    pub focus: Pane,
    /// Selection and scroll of each pane, indexed by [`Pane::index`].
    pub lists: [ListState; 3],
    pub org_filter: Option<OrgIx>,
    pub person_filter: Option<PersonIx>,
    pub kind_filter: Option<EventKind>,
    pub people_rows: PeopleRows,
    pub event_rows: EventRows,
    pub mode: Mode,
    pub history: Vec<Nav>,
    /// Results of the last accepted search, for `n`/`N`.
    pub hits: Vec<Hit>,
    pub hit_cursor: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// A one-off note for the status line (cleared by the next key).
    pub note: Option<String>,
    pub quit: bool,
}

impl App {
    /// A fresh explorer on `data` for a terminal of `size`.
    pub fn new(data: Arc<Data>, size: (u16, u16)) -> Self {
        App {
            data,
            focus: Pane::Companies,
            lists: [ListState::default(); 3],
            org_filter: None,
            person_filter: None,
            kind_filter: None,
            people_rows: PeopleRows::All,
            event_rows: EventRows::All,
            mode: Mode::Browse,
            history: Vec::new(),
            hits: Vec::new(),
            hit_cursor: 0,
            size,
            note: None,
            quit: false,
        }
    }

    /// The pane rectangles for the current size.
    pub fn areas(&self) -> Areas {
        Areas::new(Rect::new(0, 0, self.size.0, self.size.1))
    }

    /// Number of rows in a pane.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Companies => self.data.ds.orgs_by_name.len(),
            Pane::People => self.people_rows.len(&self.data),
            Pane::Timeline => self.event_rows.len(&self.data),
        }
    }

    /// Selection state of a pane.
    pub fn list(&self, pane: Pane) -> &ListState {
        &self.lists[pane.index()]
    }

    fn list_mut(&mut self, pane: Pane) -> &mut ListState {
        &mut self.lists[pane.index()]
    }

    /// The organization selected in Companies.
    pub fn selected_org(&self) -> Option<OrgIx> {
        self.data
            .ds
            .orgs_by_name
            .get(self.list(Pane::Companies).selected)
            .copied()
    }

    /// The person selected in People.
    pub fn selected_person(&self) -> Option<PersonIx> {
        self.people_rows.get(&self.data, self.list(Pane::People).selected)
    }

    /// The event selected in Timeline.
    pub fn selected_event(&self) -> Option<EventIx> {
        self.event_rows
            .get(&self.data, self.list(Pane::Timeline).selected)
    }

    /// The record the Detail area describes: the focused pane's selection.
    pub fn detail_record(&self) -> Option<Record> {
        match self.focus {
            Pane::Companies => self.selected_org().map(Record::Org),
            Pane::People => self.selected_person().map(Record::Person),
            Pane::Timeline => self.selected_event().map(Record::Event),
        }
    }

    /// The keymap context of the current mode and focus.
    pub fn ctx(&self) -> Ctx {
        match self.mode {
            Mode::Browse if self.focus == Pane::Timeline => Ctx::Timeline,
            Mode::Browse => Ctx::Browse,
            Mode::Search(_) => Ctx::Search,
            Mode::Chooser { .. } | Mode::Kinds { .. } => Ctx::Popup,
            Mode::Prompt { .. } => Ctx::Prompt,
            Mode::Help { .. } => Ctx::Help,
        }
    }

    fn nav(&self) -> Nav {
        Nav {
            focus: self.focus,
            org: self.org_filter,
            person: self.person_filter,
            kind: self.kind_filter,
            lists: self.lists,
        }
    }

    fn remember(&mut self) {
        let nav = self.nav();
        if self.history.last() != Some(&nav) {
            self.history.push(nav);
        }
        if self.history.len() > MAX_HISTORY {
            self.history.remove(0);
        }
    }

    fn restore(&mut self, nav: Nav) {
        self.focus = nav.focus;
        self.set_filters(nav.org, nav.person, nav.kind);
        self.lists = nav.lists;
        self.settle();
    }

    /// Sets the filters and recomputes what People and Timeline list.
    fn set_filters(&mut self, org: Option<OrgIx>, person: Option<PersonIx>, kind: Option<EventKind>) {
        self.org_filter = org;
        self.person_filter = person;
        self.kind_filter = kind;
        self.people_rows = match org {
            Some(o) => PeopleRows::AtOrg(o),
            None => PeopleRows::All,
        };
        self.event_rows = EventRows::new(&self.data, org, person, kind);
    }

    /// Clamps every selection and scrolls it into view.
    fn settle(&mut self) {
        let areas = self.areas();
        for pane in Pane::ALL {
            let (len, rows) = (self.len(pane), areas.rows(pane));
            self.list_mut(pane).scroll_into_view(len, rows);
        }
    }

    fn select_row(&mut self, pane: Pane, row: usize) {
        let len = self.len(pane);
        self.list_mut(pane).select(row, len);
    }

    /// Filters People and Timeline by organization `o`.
    fn filter_org(&mut self, o: OrgIx) {
        self.remember();
        let keep_event = self.selected_event();
        self.set_filters(Some(o), None, self.kind_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// Filters Timeline by person `p`.
    fn filter_person(&mut self, p: PersonIx) {
        self.remember();
        let keep_event = self.selected_event();
        self.set_filters(self.org_filter, Some(p), self.kind_filter);
        self.reselect_event(keep_event);
    }

    fn reselect_event(&mut self, event: Option<EventIx>) {
        let row = event
            .and_then(|e| self.event_rows.position(&self.data, e))
            .unwrap_or(0);
        self.lists[Pane::Timeline.index()] = ListState {
            selected: row,
            offset: 0,
        };
    }

    fn clear_filters(&mut self) {
        if self.org_filter.is_none() && self.person_filter.is_none() && self.kind_filter.is_none() {
            self.note = Some("no filter to clear".into());
            return;
        }
        self.remember();
        let (person, event) = (self.selected_person(), self.selected_event());
        self.set_filters(None, None, None);
        let row = person
            .and_then(|p| self.people_rows.position(&self.data, p))
            .unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(event);
    }

    /// Focuses and filters by a person, showing everyone if needed.
    fn jump_person(&mut self, p: PersonIx) {
        self.remember();
        self.focus = Pane::People;
        let org = self
            .org_filter
            .filter(|_| self.people_rows.position(&self.data, p).is_some());
        let keep_event = self.selected_event();
        self.set_filters(org, Some(p), self.kind_filter);
        let row = self.people_rows.position(&self.data, p).unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(keep_event);
    }

    /// Focuses and filters by an organization.
    fn jump_org(&mut self, o: OrgIx) {
        self.remember();
        self.focus = Pane::Companies;
        let row = self
            .data
            .ds
            .orgs_by_name
            .iter()
            .position(|&x| x == o)
            .unwrap_or(0);
        self.select_row(Pane::Companies, row);
        let keep_event = self.selected_event();
        self.set_filters(Some(o), None, self.kind_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// Focuses an event, dropping filters that hide it.
    fn jump_event(&mut self, e: EventIx) {
        self.remember();
        self.focus = Pane::Timeline;
        if self.event_rows.position(&self.data, e).is_none() {
            self.set_filters(None, None, None);
        }
        self.reselect_event(Some(e));
    }

    fn jump_to(&mut self, r: Record) {
        match r {
            Record::Person(p) => self.jump_person(p),
            Record::Org(o) => self.jump_org(o),
            Record::Event(e) => self.jump_event(e),
            Record::Source(_) => {}
        }
    }
}

/// Applies `msg` to the state; returns work for the event loop, if any.
pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    let effect = match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Release => None,
        Msg::Key(key) => {
            app.note = None;
            on_key(app, key)
        }
        Msg::Mouse(m) => {
            on_mouse(app, m);
            None
        }
        Msg::Resize(w, h) => {
            app.size = (w, h);
            None
        }
        Msg::Hits { generation, hits } => {
            if let Mode::Search(s) = &mut app.mode
                && s.generation == generation
            {
                s.hits = hits;
                s.pending = false;
                s.list = ListState::default();
            }
            None
        }
        Msg::Signal => {
            app.quit = true;
            None
        }
        Msg::Paste(text) => paste(app, &text),
        Msg::Suspend => Some(Effect::Suspend),
    };
    app.settle();
    effect
}

fn on_key(app: &mut App, event: KeyEvent) -> Option<Effect> {
    let key = Key::from_event(&event);
    let action = keymap::action(key, app.ctx());
    if action == Some(Action::Quit) {
        app.quit = true;
        return None;
    }
    match &app.mode {
        Mode::Browse => {
            if let Some(a) = action {
                browse(app, a);
            }
            None
        }
        Mode::Search(_) => search_key(app, action, key),
        Mode::Chooser { .. } => {
            chooser(app, action);
            None
        }
        Mode::Kinds { .. } => {
            kinds(app, action);
            None
        }
        Mode::Prompt { .. } => {
            prompt(app, action, key);
            None
        }
        Mode::Help { scroll } => {
            let scroll = *scroll;
            app.mode = match action {
                Some(Action::Cancel) => Mode::Browse,
                Some(Action::Down) => Mode::Help { scroll: scroll + 1 },
                Some(Action::Up) => Mode::Help {
                    scroll: scroll.saturating_sub(1),
                },
                _ => Mode::Help { scroll },
            };
            None
        }
    }
}

fn browse(app: &mut App, action: Action) {
    let pane = app.focus;
    let page = app.areas().rows(pane).max(1) as isize;
    let len = app.len(pane);
    let step = |app: &mut App, delta: isize| app.list_mut(pane).move_by(delta, len);
    match action {
        Action::NextPane => app.focus = Pane::ALL[(pane.index() + 1) % 3],
        Action::PrevPane => app.focus = Pane::ALL[(pane.index() + 2) % 3],
        Action::Focus(p) => app.focus = p,
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
        Action::Help => app.mode = Mode::Help { scroll: 0 },
        Action::Select => select(app),
        Action::Back => match app.history.pop() {
            Some(nav) => app.restore(nav),
            None => app.note = Some("nothing to go back to".into()),
        },
        Action::ClearFilter => app.clear_filters(),
        _ => {}
    }
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
    app.select_row(Pane::Timeline, target);
}

fn cycle_hits(app: &mut App, delta: isize) {
    if app.hits.is_empty() {
        app.note = Some("no search results: press / to search".into());
        return;
    }
    let n = app.hits.len() as isize;
    app.hit_cursor = (app.hit_cursor as isize + delta).rem_euclid(n) as usize;
    let target = app.hits[app.hit_cursor].target;
    app.jump_to(target);
    app.note = Some(format!("result {}/{}", app.hit_cursor + 1, app.hits.len()));
}

fn search_key(app: &mut App, action: Option<Action>, key: Key) -> Option<Effect> {
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
            let trimmed = s.query.trim_end().len();
            let cut = s.query[..trimmed].rfind(' ').map_or(0, |i| i + 1);
            s.query.truncate(cut);
            true
        }
        (Some(Action::ClearInput), _) => {
            s.query.clear();
            true
        }
        (None, KeyCode::Backspace) => s.query.pop().is_some(),
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
fn requery(s: &mut SearchState) -> Option<Effect> {
    s.generation += 1;
    if s.query.trim().is_empty() {
        s.hits.clear();
        s.pending = false;
        return None;
    }
    s.pending = true;
    Some(Effect::Search {
        query: s.query.clone(),
        generation: s.generation,
    })
}

/// Pasted text goes into the search box or the date prompt as if typed:
/// line breaks and tabs become spaces, unsafe characters are dropped.
fn paste(app: &mut App, text: &str) -> Option<Effect> {
    let chars = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !crate::text::is_unsafe(c));
    match &mut app.mode {
        Mode::Search(s) => {
            s.query.extend(chars);
            requery(s)
        }
        Mode::Prompt { input, error } => {
            let room = 10usize.saturating_sub(input.len());
            input.extend(chars.filter(|&c| c.is_ascii_digit() || c == '-').take(room));
            *error = None;
            None
        }
        _ => None,
    }
}

fn chooser(app: &mut App, action: Option<Action>) {
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

fn kinds(app: &mut App, action: Option<Action>) {
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
            app.set_filters(app.org_filter, app.person_filter, kind);
            app.reselect_event(keep);
        }
        _ => {}
    }
}

fn prompt(app: &mut App, action: Option<Action>, key: Key) {
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
            input.pop();
            *error = None;
        }
        (None, KeyCode::Char(c)) if !key.ctrl && (c.is_ascii_digit() || c == '-') && input.len() < 10 => {
            input.push(c);
            *error = None;
        }
        _ => {}
    }
}

fn on_mouse(app: &mut App, m: MouseEvent) {
    if app.mode != Mode::Browse {
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

#[cfg(test)]
#[path = "app_tests.rs"]
mod tests;
