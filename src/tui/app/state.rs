//! The explorer's state: what is selected, filtered and open, and the
//! navigation helpers the mode handlers share.

use super::reload::{Errors, panel_area};
use crate::model::{EventIx, EventKind, OrgIx, PersonIx, Record, SourceIx};
use crate::search::Hit;
use crate::text::sanitize;
use crate::tui::data::Data;
use crate::tui::density::Density;
use crate::tui::detail;
use crate::tui::keymap::{Ctx, Keymap};
use crate::tui::layout::{self, Areas};
use crate::tui::list::ListState;
use crate::tui::marks::Marks;
use crate::tui::pane::Pane;
use crate::tui::view::{EventRows, PeopleRows, Period};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Most steps `Backspace` can go back (and so forward again).
pub const MAX_HISTORY: usize = 100;

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
    /// The kinds of record in `hits`, in the order their groups are
    /// listed, with how many hits each has.
    pub groups: Vec<(RecordKind, usize)>,
}

/// The four kinds of record, as search results group them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Person,
    Org,
    Event,
    Source,
}

impl RecordKind {
    /// The kind of `r`.
    pub fn of(r: Record) -> RecordKind {
        match r {
            Record::Person(_) => RecordKind::Person,
            Record::Org(_) => RecordKind::Org,
            Record::Event(_) => RecordKind::Event,
            Record::Source(_) => RecordKind::Source,
        }
    }

    /// A group's heading with its count: `people (1)`, `companies (3)`
    /// (the number after the word, so it never reads as a key hint).
    pub fn count(self, n: usize) -> String {
        let name = match self {
            RecordKind::Person => "people",
            RecordKind::Org => "companies",
            RecordKind::Event => "events",
            RecordKind::Source => "sources",
        };
        format!("{name} ({n})")
    }
}

impl SearchState {
    /// Takes new results, ranked best first, and lists them grouped by
    /// kind: the group of the best hit first, each group in rank order.
    pub fn set_hits(&mut self, mut hits: Vec<Hit>) {
        let mut groups: Vec<(RecordKind, usize)> = Vec::new();
        for h in &hits {
            let kind = RecordKind::of(h.target);
            match groups.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => groups.push((kind, 1)),
            }
        }
        hits.sort_by_key(|h| {
            let kind = RecordKind::of(h.target);
            groups.iter().position(|(k, _)| *k == kind)
        });
        self.hits = hits;
        self.groups = groups;
        self.pending = false;
        self.list = ListState::default();
    }
}

/// The order of the Companies pane, cycled by `s`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OrgOrder {
    #[default]
    Name,
    /// Most people in first.
    Arrivals,
    /// Most people out first.
    Departures,
    /// Highest arrivals minus departures first.
    Net,
}

impl OrgOrder {
    /// The next order in the cycle.
    pub fn next(self) -> OrgOrder {
        match self {
            OrgOrder::Name => OrgOrder::Arrivals,
            OrgOrder::Arrivals => OrgOrder::Departures,
            OrgOrder::Departures => OrgOrder::Net,
            OrgOrder::Net => OrgOrder::Name,
        }
    }

    /// How the pane's title names it.
    pub fn label(self) -> &'static str {
        match self {
            OrgOrder::Name => "by name",
            OrgOrder::Arrivals => "by arrivals",
            OrgOrder::Departures => "by departures",
            OrgOrder::Net => "by net gain",
        }
    }
}

/// The Detail pane's focus, scroll and full-screen toggle.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DetailState {
    /// Whether the keys scroll Detail (which still shows the selection of
    /// [`App::focus`]).
    pub focused: bool,
    /// First wrapped row shown.
    pub scroll: usize,
    /// Whether Detail fills the screen between title and status.
    pub zoom: bool,
}

/// A record the jump chooser offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Person(PersonIx),
    Org(OrgIx),
}

/// What has the keyboard. State that ends with its mode (a popup's
/// selection) is kept in the variant; state kept when the mode closes and
/// opens again (the panes', Detail's, the Flows and Money views') is kept
/// in [`App`].
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
    /// Waiting for the letter of a mark to set or go to.
    Mark {
        set: bool,
    },
    /// Type a date to jump to, or a period to keep to.
    Prompt {
        input: String,
        error: Option<String>,
    },
    Help {
        scroll: usize,
    },
    /// The Sources view: every article, to filter by.
    Sources {
        list: ListState,
    },
    /// The Flows view (its state, kept when it closes, is
    /// [`App::flows_view`]).
    Flows,
    /// The Money view (its state, kept when it closes, is
    /// [`App::money_view`]).
    Money,
}

/// Where the user was: restored by `Backspace` and `Ctrl-f`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nav {
    focus: Pane,
    org: Option<OrgIx>,
    family: bool,
    person: Option<PersonIx>,
    kind: Option<EventKind>,
    period: Option<Period>,
    source: Option<SourceIx>,
    lists: [ListState; 3],
}

impl Nav {
    /// The same place in a reloaded dataset, its filters found again by
    /// `org` and `person`; a filter whose record is gone is dropped.
    pub(super) fn remap(
        self,
        org: impl Fn(OrgIx) -> Option<OrgIx>,
        person: impl Fn(PersonIx) -> Option<PersonIx>,
    ) -> Nav {
        Nav {
            org: self.org.and_then(org),
            person: self.person.and_then(person),
            source: None,
            ..self
        }
    }
}

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    pub data: Arc<Data>,
    pub focus: Pane,
    /// Selection and scroll of each pane, indexed by [`Pane::index`].
    pub lists: [ListState; 3],
    pub org_filter: Option<OrgIx>,
    /// Whether the company filter takes in the organization's children
    /// (the default; `Enter` again on the company toggles it).
    pub org_family: bool,
    pub person_filter: Option<PersonIx>,
    pub kind_filter: Option<EventKind>,
    /// The stretch of time the timeline is kept to.
    pub period_filter: Option<Period>,
    /// Keep every pane to what this source supports.
    pub source_filter: Option<SourceIx>,
    /// The order of the Companies pane.
    pub org_order: OrgOrder,
    /// Rows of the Companies pane, in `org_order`.
    pub org_rows: Vec<OrgIx>,
    pub people_rows: PeopleRows,
    pub event_rows: EventRows,
    /// Events per month of `event_rows`, for the Timeline's sparkline.
    pub density: Density,
    /// Focus, scroll and zoom of the Detail pane.
    pub detail: DetailState,
    pub mode: Mode,
    /// Places to go back to, the newest last (the jump list).
    pub history: Vec<Nav>,
    /// Places gone back from, to go forward to again, the nearest last.
    pub forward: Vec<Nav>,
    /// Marks set with `m`, by letter, kept between runs.
    pub marks: Marks,
    /// Results of the last accepted search, for `n`/`N`.
    pub hits: Vec<Hit>,
    pub hit_cursor: usize,
    /// Terminal size.
    pub size: (u16, u16),
    /// A one-off note for the status line (cleared by the next key).
    pub note: Option<String>,
    /// The problems of the last reload (`--watch`) that failed, shown over
    /// the last good data until a reload succeeds.
    pub errors: Option<Errors>,
    pub quit: bool,
    /// The key bindings in force.
    pub keymap: Arc<Keymap>,
    /// Cursor, scroll and roll-up of the Flows view.
    pub flows_view: super::views::FlowsState,
    /// Selection, scroll and scale of the Money view.
    pub money_view: super::views::MoneyState,
    /// The matrix cell the timeline shows the moves of (`OpenAI → Meta`),
    /// opened from the Flows view; `Backspace` goes back to it.
    pub flow_cell: Option<String>,
}

impl App {
    /// A fresh explorer on `data` for a terminal of `size`.
    pub fn new(data: Arc<Data>, size: (u16, u16)) -> Self {
        let org_rows = data.ds.orgs_by_name.clone();
        let density = Density::new(&data, &EventRows::All);
        App {
            data,
            source_filter: None,
            org_order: OrgOrder::Name,
            org_rows,
            density,
            detail: DetailState::default(),
            focus: Pane::Companies,
            lists: [ListState::default(); 3],
            org_filter: None,
            org_family: true,
            person_filter: None,
            kind_filter: None,
            period_filter: None,
            people_rows: PeopleRows::All,
            event_rows: EventRows::All,
            mode: Mode::Browse,
            history: Vec::new(),
            forward: Vec::new(),
            marks: Marks::default(),
            hits: Vec::new(),
            hit_cursor: 0,
            size,
            note: None,
            errors: None,
            quit: false,
            keymap: Arc::new(Keymap::default()),
            flows_view: Default::default(),
            money_view: Default::default(),
            flow_cell: None,
        }
    }

    /// The same explorer with `keymap` in force instead of the defaults.
    pub fn with_keymap(self, keymap: Arc<Keymap>) -> Self {
        App { keymap, ..self }
    }

    /// The pane rectangles for the current size.
    pub fn areas(&self) -> Areas {
        Areas::new(self.screen())
    }

    /// Number of rows in a pane.
    pub fn len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Companies => self.org_rows.len(),
            Pane::People => self.people_rows.len(&self.data),
            Pane::Timeline => self.event_rows.len(&self.data),
        }
    }

    /// Selection state of a pane.
    pub fn list(&self, pane: Pane) -> &ListState {
        &self.lists[pane.index()]
    }

    pub(super) fn list_mut(&mut self, pane: Pane) -> &mut ListState {
        &mut self.lists[pane.index()]
    }

    /// The organization selected in Companies.
    pub fn selected_org(&self) -> Option<OrgIx> {
        self.org_rows.get(self.list(Pane::Companies).selected).copied()
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
            Mode::Chooser { .. } => Ctx::Chooser,
            Mode::Kinds { .. } => Ctx::Popup,
            Mode::Prompt { .. } => Ctx::Prompt,
            Mode::Mark { .. } => Ctx::Mark,
            Mode::Help { .. } => Ctx::Help,
            Mode::Sources { .. } => Ctx::Sources,
            Mode::Flows => Ctx::Flows,
            Mode::Money => Ctx::Money,
        }
    }

    pub(super) fn nav(&self) -> Nav {
        Nav {
            focus: self.focus,
            org: self.org_filter,
            family: self.org_family,
            person: self.person_filter,
            kind: self.kind_filter,
            period: self.period_filter,
            source: self.source_filter,
            lists: self.lists,
        }
    }

    /// Records the current place in the jump list before moving away; a
    /// new move forgets the places gone back from, as in vim.
    pub(super) fn remember(&mut self) {
        let here = self.nav();
        push_bounded(&mut self.history, here);
        self.forward.clear();
    }

    /// `Backspace`: back to the last place remembered, which `Ctrl-f` can
    /// undo (or a note if there is none).
    pub(super) fn go_back(&mut self) {
        let Some(nav) = self.history.pop() else {
            self.note = Some("nothing to go back to".into());
            return;
        };
        let here = self.nav();
        push_bounded(&mut self.forward, here);
        self.restore(nav);
    }

    /// `Ctrl-f`: forward to where `Backspace` came from (or a note).
    pub(super) fn go_forward(&mut self) {
        let Some(nav) = self.forward.pop() else {
            self.note = Some("nothing to go forward to".into());
            return;
        };
        let here = self.nav();
        push_bounded(&mut self.history, here);
        self.restore(nav);
    }

    pub(super) fn restore(&mut self, nav: Nav) {
        self.focus = nav.focus;
        self.source_filter = nav.source;
        self.org_family = nav.family;
        self.set_filters(nav.org, nav.person, nav.kind, nav.period);
        self.lists = nav.lists;
        self.settle();
    }

    /// Sets the filters and recomputes what the panes list; the source
    /// filter is `self.source_filter`.
    pub(super) fn set_filters(
        &mut self,
        org: Option<OrgIx>,
        person: Option<PersonIx>,
        kind: Option<EventKind>,
        period: Option<Period>,
    ) {
        self.org_filter = org;
        self.flow_cell = None;
        self.person_filter = person;
        self.kind_filter = kind;
        self.period_filter = period;
        let support = self
            .source_filter
            .and_then(|s| self.data.ds.source_support.get(s as usize));
        let people = PeopleRows::new(&self.data, org, self.org_family);
        self.people_rows = match support {
            Some(sup) if org.is_none() => PeopleRows::Some(sup.people.clone()),
            Some(sup) => {
                let mut supported = vec![false; self.data.ds.people.len()];
                for &p in &sup.people {
                    supported[p as usize] = true;
                }
                PeopleRows::Some(
                    (0..people.len(&self.data))
                        .filter_map(|r| people.get(&self.data, r))
                        .filter(|&p| supported[p as usize])
                        .collect(),
                )
            }
            None => people,
        };
        let rows = EventRows::new(&self.data, (org, self.org_family), person, kind, period);
        self.event_rows = match support {
            Some(sup) => EventRows::Some(
                (0..rows.len(&self.data))
                    .filter_map(|r| rows.get(&self.data, r))
                    .filter(|e| sup.events.binary_search(e).is_ok())
                    .collect(),
            ),
            None => rows,
        };
        self.density = Density::new(&self.data, &self.event_rows);
        self.sort_orgs();
    }

    /// Recomputes the Companies rows: the source's organizations or all,
    /// in `org_order` (ties by name).
    pub(super) fn sort_orgs(&mut self) {
        let ds = &self.data.ds;
        let support = self.source_filter.and_then(|s| ds.source_support.get(s as usize));
        let mut rows = match support {
            Some(sup) => sup.orgs.clone(),
            None => ds.orgs_by_name.clone(),
        };
        let moves = |o: &OrgIx| ds.org_moves.get(*o as usize).copied().unwrap_or((0, 0));
        match self.org_order {
            OrgOrder::Name => {}
            OrgOrder::Arrivals => rows.sort_by_key(|o| std::cmp::Reverse(moves(o).0)),
            OrgOrder::Departures => rows.sort_by_key(|o| std::cmp::Reverse(moves(o).1)),
            OrgOrder::Net => rows.sort_by_key(|o| {
                let (i, out) = moves(o);
                std::cmp::Reverse(i64::from(i) - i64::from(out))
            }),
        }
        self.org_rows = rows;
    }

    /// The Companies row showing `o`, if listed.
    pub fn org_row(&self, o: OrgIx) -> Option<usize> {
        self.org_rows.iter().position(|&x| x == o)
    }

    /// Where the Detail pane is drawn, borders included: its place among
    /// the panes, or the whole body when zoomed.
    pub fn detail_area(&self) -> Rect {
        let areas = self.areas();
        if self.detail.zoom {
            areas.body()
        } else {
            areas.detail
        }
    }

    /// Rows the Detail area's text takes at `width` columns (what bounds
    /// its scroll).
    pub fn detail_rows(&self, width: usize) -> usize {
        detail::rows(&self.data.ds, self.detail_record(), width)
    }

    /// The whole screen.
    pub fn screen(&self) -> Rect {
        Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Clamps every selection and scroll, the panes' and the open popup's,
    /// and scrolls each selection into view: drawing only reads them.
    pub(super) fn settle(&mut self) {
        self.settle_after(self.lists.map(|l| l.selected));
    }

    /// [`App::settle`] after the panes' selections moved from rows `from`.
    pub(super) fn settle_after(&mut self, from: [usize; 3]) {
        let areas = self.areas();
        let detail = self.detail_area();
        let rows = self.detail_rows(usize::from(detail.width.saturating_sub(2)));
        let height = usize::from(detail.height.saturating_sub(2));
        self.detail.scroll = self.detail.scroll.min(rows.saturating_sub(height));
        for pane in Pane::ALL {
            let (len, rows) = (self.len(pane), areas.rows(pane));
            self.list_mut(pane).follow(from[pane.index()], len, rows);
        }
        if let Some(errors) = &mut self.errors {
            errors.scroll = errors.scroll.min(errors.max_scroll(panel_area(&areas)));
        }
        let screen = self.screen();
        match &mut self.mode {
            Mode::Browse | Mode::Prompt { .. } | Mode::Mark { .. } => {}
            Mode::Search(s) => s.list.scroll_into_view(s.hits.len(), layout::search_rows(screen)),
            Mode::Chooser { items, list, .. } => {
                let rows = layout::inner_rows(layout::chooser_popup(screen, items.len()));
                list.scroll_into_view(items.len(), rows);
            }
            Mode::Kinds { list } => {
                let len = EventKind::ALL.len() + 1;
                list.scroll_into_view(len, layout::inner_rows(layout::kinds_popup(screen, len)));
            }
            Mode::Help { scroll } => *scroll = (*scroll).min(max_help_scroll(&self.keymap, screen)),
            Mode::Sources { list } => {
                list.scroll_into_view(self.data.ds.sources.len(), layout::sources_rows(screen))
            }
            Mode::Flows | Mode::Money => super::views::settle(self),
        }
    }

    pub(super) fn select_row(&mut self, pane: Pane, row: usize) {
        let len = self.len(pane);
        self.list_mut(pane).select(row, len);
    }

    /// Filters People and Timeline by organization `o` and its children.
    pub(super) fn filter_org(&mut self, o: OrgIx) {
        self.remember();
        self.org_family = true;
        let keep_event = self.selected_event();
        self.set_filters(Some(o), None, self.kind_filter, self.period_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// `Enter` on the company already filtered by: its children in or out
    /// (a note if it has none).
    pub(super) fn toggle_family(&mut self, o: OrgIx) {
        if self.data.ds.children(o).is_empty() {
            self.note = Some(format!(
                "{} has no child organizations",
                sanitize(&self.data.ds.org(o).name)
            ));
            return;
        }
        self.remember();
        let keep_event = self.selected_event();
        self.org_family = !self.org_family;
        self.set_filters(Some(o), self.person_filter, self.kind_filter, self.period_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// Filters Timeline by person `p`.
    pub(super) fn filter_person(&mut self, p: PersonIx) {
        self.remember();
        let keep_event = self.selected_event();
        self.set_filters(self.org_filter, Some(p), self.kind_filter, self.period_filter);
        self.reselect_event(keep_event);
    }

    pub(super) fn reselect_event(&mut self, event: Option<EventIx>) {
        let row = event
            .and_then(|e| self.event_rows.position(&self.data, e))
            .unwrap_or(0);
        self.lists[Pane::Timeline.index()] = ListState {
            selected: row,
            offset: 0,
        };
    }

    pub(super) fn clear_filters(&mut self) {
        if self.org_filter.is_none()
            && self.source_filter.is_none()
            && self.person_filter.is_none()
            && self.kind_filter.is_none()
            && self.period_filter.is_none()
        {
            self.note = Some("no filter to clear".into());
            return;
        }
        self.remember();
        let (person, event) = (self.selected_person(), self.selected_event());
        self.source_filter = None;
        self.set_filters(None, None, None, None);
        let row = person
            .and_then(|p| self.people_rows.position(&self.data, p))
            .unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(event);
    }

    /// Focuses and filters by a person, showing everyone if needed.
    pub(super) fn jump_person(&mut self, p: PersonIx) {
        self.remember();
        self.focus = Pane::People;
        let org = self
            .org_filter
            .filter(|_| self.people_rows.position(&self.data, p).is_some());
        let keep_event = self.selected_event();
        self.set_filters(org, Some(p), self.kind_filter, self.period_filter);
        let row = self.people_rows.position(&self.data, p).unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(keep_event);
    }

    /// Focuses and filters by an organization.
    pub(super) fn jump_org(&mut self, o: OrgIx) {
        self.remember();
        self.focus = Pane::Companies;
        if self.org_row(o).is_none() {
            self.source_filter = None;
            self.sort_orgs();
        }
        let row = self.org_row(o).unwrap_or(0);
        self.select_row(Pane::Companies, row);
        let keep_event = self.selected_event();
        self.org_family = true;
        self.set_filters(Some(o), None, self.kind_filter, self.period_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// Focuses an event, dropping filters that hide it.
    pub(super) fn jump_event(&mut self, e: EventIx) {
        self.remember();
        self.focus = Pane::Timeline;
        if self.event_rows.position(&self.data, e).is_none() {
            self.source_filter = None;
            self.set_filters(None, None, None, None);
        }
        self.reselect_event(Some(e));
    }

    pub(super) fn jump_to(&mut self, r: Record) {
        match r {
            Record::Person(p) => self.jump_person(p),
            Record::Org(o) => self.jump_org(o),
            Record::Event(e) => self.jump_event(e),
            Record::Source(s) => self.jump_source(s),
        }
    }

    /// Keeps every pane to what source `s` supports.
    pub(super) fn filter_source(&mut self, s: SourceIx) {
        self.remember();
        let (person, event) = (self.selected_person(), self.selected_event());
        self.source_filter = Some(s);
        self.set_filters(
            self.org_filter,
            self.person_filter,
            self.kind_filter,
            self.period_filter,
        );
        self.select_row(Pane::Companies, 0);
        let row = person
            .and_then(|p| self.people_rows.position(&self.data, p))
            .unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(event);
    }

    /// A source has no pane of its own: jump to the first event it
    /// supports, and say how many there are.
    fn jump_source(&mut self, s: SourceIx) {
        let ds = &self.data.ds;
        let cited: &[EventIx] = ds.source_support.get(s as usize).map_or(&[], |sup| &sup.events);
        self.note = Some(format!(
            "source `{}` supports {} events",
            sanitize(&ds.source(s).id),
            cited.len()
        ));
        if let Some(&e) = cited.first() {
            self.jump_event(e);
        }
    }
}

/// Pushes `nav` unless it is already the newest, dropping the oldest past
/// [`MAX_HISTORY`].
fn push_bounded(list: &mut Vec<Nav>, nav: Nav) {
    if list.last() != Some(&nav) {
        list.push(nav);
    }
    if list.len() > MAX_HISTORY {
        list.remove(0);
    }
}

/// The last help line the overlay can scroll to on a screen of `screen`.
pub fn max_help_scroll(keymap: &Keymap, screen: Rect) -> usize {
    let popup = layout::help_popup(screen);
    keymap
        .help_rows(usize::from(popup.width.saturating_sub(2)))
        .len()
        .saturating_sub(layout::inner_rows(popup))
}
