//! The explorer's state: what is selected, filtered and open, its
//! selectors, and keeping every selection in view (`App::settle`).

// The old path of the jump list's bound (used by tests/props.rs).
pub use super::history::MAX_HISTORY;
use super::history::Nav;
use super::reload::{Errors, panel_area};
use super::search::SearchState;
use crate::model::{EventIx, EventKind, OrgIx, PersonIx, Record, SourceIx};
use crate::search::Hit;
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

/// The help overlay: its scroll and the text its rows are filtered by.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpState {
    /// First row shown.
    pub scroll: usize,
    /// Keep the rows whose keys or description contain this (all if empty).
    pub filter: String,
    /// Whether keys type into the filter (after `/`).
    pub typing: bool,
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
    Help(HelpState),
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

/// The whole state of the explorer.
#[derive(Debug)]
pub struct App {
    pub data: Arc<Data>,
    pub focus: Pane,
    /// Selection and scroll of each pane, indexed by [`Pane::index`].
    pub lists: [ListState; 3],
    pub org_filter: Option<OrgIx>,
    /// Whether the company filter takes in the organization's children
    /// (the default; `c` switches it).
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
    /// The Flows view's matrix and Sankey for its period and roll-up.
    pub flows_picture: Arc<crate::tui::flows::Picture>,
    /// Whether a period of months or days hides the events dated only to
    /// a coarser precision (`P`).
    pub precise: bool,
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
            flows_picture: Arc::default(),
            precise: false,
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
            Mode::Help(ref h) if h.typing => Ctx::HelpFilter,
            Mode::Help(_) => Ctx::Help,
            Mode::Sources { .. } => Ctx::Sources,
            Mode::Flows => Ctx::Flows,
            Mode::Money => Ctx::Money,
        }
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
            Mode::Help(h) => h.scroll = h.scroll.min(max_help_scroll(&self.keymap, screen, &h.filter)),
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
}

/// The last help line the overlay can scroll to on a screen of `screen`,
/// its rows kept to those containing `filter`.
pub fn max_help_scroll(keymap: &Keymap, screen: Rect, filter: &str) -> usize {
    let popup = layout::help_popup(screen);
    keymap
        .help_rows(usize::from(popup.width.saturating_sub(2)), filter)
        .len()
        .saturating_sub(layout::inner_rows(popup))
}
