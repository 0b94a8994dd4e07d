//! The Flows and Money views: their state and keys. A view takes the whole
//! body; `Esc` or its own key goes back to the panes as they were.

use super::sankey::{self, Pick};
use super::scrub;
use super::state::{App, Mode};
use crate::model::{EventIx, Period};
use crate::text::sanitize;
use crate::tui::flows::{Matrix, org_name};
use crate::tui::keymap::Action;
use crate::tui::layout;
use crate::tui::list::ListState;
use crate::tui::money::{Chart, Row};
use crate::tui::pane::Pane;
use crate::tui::view::EventRows;

/// Where the Flows view is: the cell under the cursor and the scroll of
/// each axis, whether child organizations are rolled up, the Sankey and
/// its selection, and the period counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlowsState {
    pub roll_up: bool,
    /// The row ("from") selected and the first row shown.
    pub rows: ListState,
    /// The column ("to") selected and the first column shown.
    pub cols: ListState,
    /// Whether the Sankey diagram shows instead of the matrix.
    pub sankey: bool,
    /// The ribbon or node selected in the Sankey.
    pub pick: Pick,
    /// The moves counted: all time (`None`), a year, or a typed period.
    pub period: Option<Period>,
    /// Whether the time scrubber is playing the years.
    pub playing: bool,
    /// Whether the date prompt is open over the view (its period).
    pub asking: bool,
}

/// Where the Money view is: the row selected, and whether the axis is
/// logarithmic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MoneyState {
    pub log: bool,
    pub list: ListState,
}

impl App {
    /// The Flows view's matrix, at its period and roll-up setting (built
    /// when the view opens or either changes).
    pub fn matrix(&self) -> &Matrix {
        &self.flows_picture.matrix
    }

    /// The Flows view's Sankey, laid out from [`App::matrix`].
    pub fn sankey(&self) -> &crate::model::Sankey {
        &self.flows_picture.sankey
    }

    /// The Money view's chart (built on first use, which opening the view
    /// is).
    pub fn chart(&self) -> &Chart {
        self.data.chart()
    }
}

/// Opens the Flows view, building its matrix if this is the first time.
pub(super) fn open_flows(app: &mut App) {
    refresh(app);
    app.mode = Mode::Flows;
}

/// Takes the Flows view's picture for its period and roll-up (built on
/// the warm-up thread, or now if it has not been).
pub(super) fn refresh(app: &mut App) {
    let v = &app.flows_view;
    app.flows_picture = app.data.picture(v.period, v.roll_up);
}

/// Opens the Money view, building its chart if this is the first time.
pub(super) fn open_money(app: &mut App) {
    app.data.chart();
    app.money_view.list.selected = app.money_view.list.selected.max(1);
    app.mode = Mode::Money;
}

/// A key in the Flows view.
pub(super) fn flows_key(app: &mut App, action: Option<Action>) {
    match action {
        Some(Action::Cancel | Action::Flows) => app.mode = Mode::Browse,
        Some(Action::Sankey) => app.flows_view.sankey = !app.flows_view.sankey,
        Some(Action::RollUp) => roll_up(app),
        Some(Action::NextYear) => scrub::step(app, true),
        Some(Action::PrevYear) => scrub::step(app, false),
        Some(Action::Play) => scrub::play(app),
        Some(Action::DatePrompt) => scrub::ask(app),
        _ if app.flows_view.sankey => sankey::key(app, action),
        _ => matrix_key(app, action),
    }
}

/// A key on the matrix.
fn matrix_key(app: &mut App, action: Option<Action>) {
    let (rows, _) = layout::flows_grid(app.screen());
    let len = app.matrix().len();
    let v = &mut app.flows_view;
    match action {
        Some(Action::Down) => v.rows.move_by(1, len),
        Some(Action::Up) => v.rows.move_by(-1, len),
        Some(Action::Right) => v.cols.move_by(1, len),
        Some(Action::Left) => v.cols.move_by(-1, len),
        Some(Action::PageDown) => v.rows.move_by(rows.max(1) as isize, len),
        Some(Action::PageUp) => v.rows.move_by(-(rows.max(1) as isize), len),
        Some(Action::Accept) => open_cell(app),
        _ => {}
    }
}

/// `r`: rolls child organizations into their parents, or back; the cursor
/// stays on the same organizations where they are still on the axes.
fn roll_up(app: &mut App) {
    let old = app.matrix();
    let (row, col) = (
        old.axis.get(app.flows_view.rows.selected).copied(),
        old.axis.get(app.flows_view.cols.selected).copied(),
    );
    app.flows_view.roll_up = !app.flows_view.roll_up;
    refresh(app);
    keep_cursor(app, row, col);
}

/// Puts the matrix's cursor back on organizations `row` and `col` where
/// they are on the new axes (the first row or column otherwise), and the
/// Sankey's selection on its first ribbon if it is gone.
pub(super) fn keep_cursor(app: &mut App, row: Option<Option<u32>>, col: Option<Option<u32>>) {
    let new = &app.flows_picture.matrix;
    let find = |o: Option<Option<u32>>| o.and_then(|o| new.axis.iter().position(|&x| x == o)).unwrap_or(0);
    let (r, c) = (find(row), find(col));
    let v = &mut app.flows_view;
    v.rows = ListState {
        selected: r,
        offset: 0,
    };
    v.cols = ListState {
        selected: c,
        offset: 0,
    };
    v.pick = sankey::clamp(v.pick, &app.flows_picture.sankey);
}

/// `Enter` on a cell: the timeline shows the moves it counts, and
/// `Backspace` comes back to the matrix.
fn open_cell(app: &mut App) {
    let picture = std::sync::Arc::clone(&app.flows_picture);
    let m = &picture.matrix;
    let (r, c) = (app.flows_view.rows.selected, app.flows_view.cols.selected);
    let name = |i: usize| sanitize(org_name(&app.data.ds, m.axis.get(i).copied().flatten())).into_owned();
    let label = format!("{} → {}", name(r), name(c));
    let Some((_, flow)) = m.cell(r, c) else {
        app.note = Some(format!("no moves {label}"));
        return;
    };
    let who = flow.range.words("person", "people");
    open_moves(app, label, who, flow.events.clone());
}

/// The timeline shows `events`, the moves of `who` (`8 people`) called
/// `label` (`OpenAI → Meta`); `Backspace` comes back to the view.
pub(super) fn open_moves(app: &mut App, label: String, who: String, events: Vec<EventIx>) {
    app.remember();
    app.set_filters(None, None, None, None);
    let n = events.len();
    app.event_rows = EventRows::Some(events);
    let events = if n == 1 { "event" } else { "events" };
    app.note = Some(format!("{who} {label}: {n} {events}"));
    app.flow_cell = Some(label);
    app.focus = Pane::Timeline;
    app.lists[Pane::Timeline.index()] = ListState::default();
    app.mode = Mode::Browse;
}

/// `Backspace` after `Enter` on a cell: back to the panes as they were
/// before, with the matrix open again; `false` if no cell was opened.
pub(super) fn back_to_matrix(app: &mut App) -> bool {
    if app.flow_cell.is_none() {
        return false;
    }
    app.go_back();
    app.flow_cell = None;
    refresh(app);
    app.mode = Mode::Flows;
    true
}

/// A key in the Money view.
pub(super) fn money_key(app: &mut App, action: Option<Action>) {
    let data = std::sync::Arc::clone(&app.data);
    let chart = data.chart();
    let len = chart.rows.len();
    let page = layout::money_rows(app.screen()).max(1) as isize;
    let v = &mut app.money_view;
    let step = |v: &mut MoneyState, delta: isize| {
        v.list.move_by(delta, len);
        // Headings are not selectable: step over them the same way.
        if matches!(chart.rows.get(v.list.selected), Some(Row::Heading(..))) {
            let dir = if delta >= 0 && v.list.selected + 1 < len {
                1
            } else {
                -1
            };
            v.list.move_by(dir, len);
        }
        if matches!(chart.rows.get(v.list.selected), Some(Row::Heading(..))) {
            v.list.move_by(1, len);
        }
    };
    match action {
        Some(Action::Cancel | Action::Money) => app.mode = Mode::Browse,
        Some(Action::Down) => step(v, 1),
        Some(Action::Up) => step(v, -1),
        Some(Action::PageDown) => step(v, page),
        Some(Action::PageUp) => step(v, -page),
        Some(Action::First) => {
            v.list.select(0, len);
            step(v, 0);
        }
        Some(Action::Last) => step(v, len as isize),
        Some(Action::LogScale) => v.log = !v.log,
        Some(Action::Accept) => {
            if let Some(Row::Bar(bar)) = chart.rows.get(v.list.selected) {
                app.mode = Mode::Browse;
                app.jump_event(bar.event);
            }
        }
        _ => {}
    }
}

/// Clamps the open view's selection and scrolls it into view.
pub(super) fn settle(app: &mut App) {
    let screen = app.screen();
    match app.mode {
        Mode::Flows => {
            let (rows, cols) = layout::flows_grid(screen);
            let len = app.matrix().len();
            app.flows_view.rows.scroll_into_view(len, rows);
            app.flows_view.cols.scroll_into_view(len, cols);
        }
        Mode::Money => {
            let len = app.chart().rows.len();
            let rows = layout::money_rows(screen);
            app.money_view.list.scroll_into_view(len, rows);
        }
        _ => {}
    }
}
