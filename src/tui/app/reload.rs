//! `--watch`: a reloaded dataset replaces the one browsed, keeping the
//! view's place by id; a dataset with errors leaves the last good one in
//! place under a scrollable error panel.

use super::search::SearchState;
use super::state::{App, Mode, Target};
use super::{Effect, search};
use crate::model::{Diagnostic, EventIx, OrgIx, PersonIx, Record};
use crate::tui::data::Data;
use crate::tui::layout::Areas;
use crate::tui::pane::Pane;
use std::sync::Arc;
use unicode_width::UnicodeWidthChar;

/// What a reload gave: the new data, or every problem found in it.
#[derive(Clone, Debug)]
pub enum Reload {
    /// The dataset loaded, with its search index built.
    Loaded(Arc<Data>),
    /// Every problem found; nothing was loaded.
    Failed(Vec<Diagnostic>),
}

impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Reload::Loaded(a), Reload::Loaded(b)) => Arc::ptr_eq(a, b),
            (Reload::Failed(a), Reload::Failed(b)) => a == b,
            _ => false,
        }
    }
}

/// The error panel: the diagnostics of the last failed reload, as `rivals
/// check` prints them, and how far down it is scrolled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Errors {
    /// The problems as printed, one line each (hints on their own lines).
    pub lines: Vec<String>,
    /// First wrapped row shown (bounded by `update`).
    pub scroll: usize,
    /// Whether the user hid the panel (it stays hidden across reloads).
    pub hidden: bool,
}

impl Errors {
    /// The panel for `diagnostics` (`FILE:LINE:COL: error: …`, then the
    /// hint), over the last good dataset or, when `none_yet`, over an
    /// empty one (`--watch` opened on a broken dataset).
    pub fn new(diagnostics: &[Diagnostic], none_yet: bool) -> Self {
        let n = diagnostics.len();
        let mut lines: Vec<String> = diagnostics
            .iter()
            .flat_map(|d| d.to_string().lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        let s = if n == 1 { "" } else { "s" };
        let showing = if none_yet {
            "nothing loaded yet: fix the files and it loads"
        } else {
            "still showing the last good dataset"
        };
        lines.push(format!("{n} problem{s} found; {showing}"));
        Errors {
            lines,
            scroll: 0,
            hidden: false,
        }
    }

    /// The lines wrapped to `width` columns: what the panel shows.
    pub fn rows(&self, width: usize) -> Vec<String> {
        self.lines.iter().flat_map(|l| wrap(l, width.max(1))).collect()
    }

    /// The furthest the panel scrolls in `area` (borders included).
    pub fn max_scroll(&self, area: ratatui::layout::Rect) -> usize {
        let width = usize::from(area.width.saturating_sub(2));
        let height = usize::from(area.height.saturating_sub(2));
        self.rows(width).len().saturating_sub(height)
    }
}

/// Where the error panel goes: over the detail area, so the lists stay
/// browsable.
pub fn panel_area(areas: &Areas) -> ratatui::layout::Rect {
    areas.detail
}

/// Cuts `line` into rows of at most `width` columns, between words; a
/// word wider than a row is cut where the row ends. A continued row keeps
/// the line's indentation (a hint's two spaces).
fn wrap(line: &str, width: usize) -> Vec<String> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    let indent = if indent * 2 < width { indent } else { 0 };
    let mut out = vec![String::new()];
    let mut used = 0;
    for (k, word) in line.split(' ').enumerate() {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        let gap = usize::from(k > 0);
        if used > indent && used + gap + w > width {
            out.push(" ".repeat(indent));
            used = indent;
        } else if k > 0 {
            if let Some(l) = out.last_mut() {
                l.push(' ');
            }
            used += 1;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > indent {
                out.push(" ".repeat(indent));
                used = indent;
            }
            if let Some(l) = out.last_mut() {
                l.push(c);
            }
            used += cw;
        }
    }
    out
}

/// Applies a reload: new data keeps the place by id; errors open the panel
/// over the last good data. May ask to re-run the open search.
pub(super) fn reloaded(app: &mut App, reload: Reload) -> Option<Effect> {
    match reload {
        Reload::Failed(diagnostics) => {
            let (scroll, hidden) = app.errors.as_ref().map_or((0, false), |e| (e.scroll, e.hidden));
            let ds = &app.data.ds;
            let none_yet = ds.events.is_empty() && ds.orgs.is_empty() && ds.people.is_empty();
            app.note = None;
            app.errors = Some(Errors {
                scroll,
                hidden,
                ..Errors::new(&diagnostics, none_yet)
            });
            None
        }
        Reload::Loaded(data) => {
            app.errors = None;
            let n = data.ds.events.len();
            replace(app, data);
            app.note = Some(format!("reloaded: {n} events"));
            match &mut app.mode {
                Mode::Search(s) if !s.query.is_empty() => search::requery(s),
                _ => None,
            }
        }
    }
}

/// Swaps the data in, finding filters, selections, history and the open
/// popup again by id; what disappeared falls back to the row it was on.
fn replace(app: &mut App, data: Arc<Data>) {
    let old = Arc::clone(&app.data);
    let ds = &data.ds;
    let org = |o: OrgIx| match ds.lookup(&old.ds.org(o).id) {
        Some(Record::Org(i)) => Some(i),
        _ => None,
    };
    let person = |p: PersonIx| match ds.lookup(&old.ds.person(p).id) {
        Some(Record::Person(i)) => Some(i),
        _ => None,
    };
    let event = |e: EventIx| match ds.lookup(&old.ds.event(e).id) {
        Some(Record::Event(i)) => Some(i),
        _ => None,
    };
    let selected = (
        app.selected_org().and_then(org),
        app.selected_person().and_then(person),
        app.selected_event().and_then(event),
    );
    let filters = (
        app.org_filter.and_then(org),
        app.person_filter.and_then(person),
        app.kind_filter,
    );
    app.history = std::mem::take(&mut app.history)
        .into_iter()
        .map(|nav| nav.remap(org, person))
        .collect();
    app.hits.clear();
    app.hit_cursor = 0;
    app.mode = match std::mem::replace(&mut app.mode, Mode::Browse) {
        Mode::Chooser {
            event: e,
            items,
            list,
        } => {
            let items: Vec<Target> = items
                .into_iter()
                .filter_map(|t| match t {
                    Target::Person(p) => person(p).map(Target::Person),
                    Target::Org(o) => org(o).map(Target::Org),
                })
                .collect();
            match event(e) {
                Some(e) if !items.is_empty() => Mode::Chooser {
                    event: e,
                    items,
                    list,
                },
                _ => Mode::Browse,
            }
        }
        Mode::Search(s) => Mode::Search(SearchState {
            hits: Vec::new(),
            ..s
        }),
        other => other,
    };
    let source = app
        .source_filter
        .map(|s| app.data.ds.source(s).id.clone())
        .and_then(|id| match data.ds.lookup(&id) {
            Some(crate::model::Record::Source(s)) => Some(s),
            _ => None,
        });
    app.data = Arc::clone(&data);
    app.source_filter = source;
    app.set_filters(filters.0, filters.1, filters.2, app.period_filter);
    // The Flows view's picture, of the new data when it shows.
    app.flows_picture = Default::default();
    if app.mode == Mode::Flows {
        super::views::refresh(app);
    }
    let rows = [
        selected.0.and_then(|o| app.org_row(o)),
        selected.1.and_then(|p| app.people_rows.position(&data, p)),
        selected.2.and_then(|e| app.event_rows.position(&data, e)),
    ];
    for (pane, row) in Pane::ALL.into_iter().zip(rows) {
        if let Some(row) = row {
            app.list_mut(pane).selected = row;
        }
    }
}

#[cfg(test)]
#[path = "reload_tests.rs"]
pub(crate) mod tests;
