//! The filters and the jumps: what People and Timeline are kept to, and
//! moving to a record, dropping the filters that hide it.

use super::state::{App, OrgOrder};
use crate::model::{EventIx, EventKind, OrgIx, PersonIx, Record, SourceIx};
use crate::text::sanitize;
use crate::tui::density::Density;
use crate::tui::keymap::{Action, Ctx};
use crate::tui::list::ListState;
use crate::tui::pane::Pane;
use crate::tui::view::{EventRows, PeopleRows, Period};

impl App {
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
        let mut rows = EventRows::new(&self.data, (org, self.org_family), person, kind, period);
        if let Some(p) = period.filter(|_| self.precise) {
            rows = rows.exact(&self.data, p);
        }
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
        let figures = if self.org_family {
            &ds.org_moves
        } else {
            &ds.org_own_moves
        };
        let moves = |o: &OrgIx| {
            let (into, out) = figures.get(*o as usize).copied().unwrap_or_default();
            (into.count, out.count)
        };
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

    /// Sorts the Companies rows again (their figures changed), keeping the
    /// selected organization selected.
    fn resort_orgs(&mut self) {
        let keep = self.selected_org();
        self.sort_orgs();
        let row = keep.and_then(|o| self.org_row(o)).unwrap_or(0);
        self.select_row(Pane::Companies, row);
    }

    /// `Enter` on organization `o`: filters People and Timeline by it and
    /// its children; on the company already filtered by, changes nothing
    /// (it never narrows the filter) and says how to switch the children.
    pub(super) fn filter_org(&mut self, o: OrgIx) {
        if self.org_filter == Some(o) {
            let name = sanitize(&self.data.ds.org(o).name);
            let key = self.keymap.key_of(Action::Children, Ctx::Browse);
            let switch = match (self.data.ds.children(o).is_empty(), self.org_family) {
                (true, _) => String::new(),
                (false, true) => format!(" · {key}: alone"),
                (false, false) => format!(" · {key}: with children"),
            };
            self.note = Some(format!("already filtered by {name}{switch}"));
            return;
        }
        self.remember();
        self.apply_org(o);
    }

    /// Filters by organization `o` and its children, keeping the selected
    /// event if it stays listed (the jump list is the caller's).
    fn apply_org(&mut self, o: OrgIx) {
        if !self.org_family {
            self.org_family = true;
            self.resort_orgs();
        }
        let keep_event = self.selected_event();
        self.set_filters(Some(o), None, self.kind_filter, self.period_filter);
        self.lists[Pane::People.index()] = ListState::default();
        self.reselect_event(keep_event);
    }

    /// The company filter with its child organizations, or without them
    /// (a note if there is no company filter, or it has no children).
    pub(super) fn toggle_children(&mut self) {
        let Some(o) = self.org_filter else {
            // No filter: the Companies figures alone change.
            self.org_family = !self.org_family;
            self.resort_orgs();
            let shown = if self.org_family {
                "with their children (*)"
            } else {
                "alone"
            };
            self.note = Some(format!("Companies: figures {shown}"));
            return;
        };
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
        self.resort_orgs();
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

    /// A search result or chooser pick of a person: focuses them in People
    /// (dropping the filters that hide them) and filters by them, as
    /// `Enter` there does.
    pub(super) fn jump_person(&mut self, p: PersonIx) {
        self.remember();
        self.focus = Pane::People;
        let listed = self.people_rows.position(&self.data, p).is_some();
        let supported = |s: SourceIx| {
            let sup = self.data.ds.source_support.get(s as usize);
            sup.is_some_and(|sup| sup.people.contains(&p))
        };
        if !listed && self.source_filter.is_some_and(|s| !supported(s)) {
            self.source_filter = None;
        }
        let org = self.org_filter.filter(|_| listed);
        let keep_event = self.selected_event();
        self.set_filters(org, Some(p), self.kind_filter, self.period_filter);
        let row = self.people_rows.position(&self.data, p).unwrap_or(0);
        self.select_row(Pane::People, row);
        self.reselect_event(keep_event);
    }

    /// A search result or chooser pick of an organization: focuses it in
    /// Companies (listing every company if a source hides it) and applies
    /// what `Enter` there does ([`App::filter_org`]).
    pub(super) fn jump_org(&mut self, o: OrgIx) {
        self.remember();
        self.focus = Pane::Companies;
        if self.org_row(o).is_none() {
            self.source_filter = None;
            self.sort_orgs();
        }
        let row = self.org_row(o).unwrap_or(0);
        self.select_row(Pane::Companies, row);
        if self.org_filter == Some(o) {
            self.filter_org(o);
        } else {
            self.apply_org(o);
        }
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

    /// A source's pane is the Sources view, where `Enter` keeps every pane
    /// to what it supports: the same filter, then the first event it
    /// supports, with how many there are.
    fn jump_source(&mut self, s: SourceIx) {
        let ds = &self.data.ds;
        let cited: &[EventIx] = ds.source_support.get(s as usize).map_or(&[], |sup| &sup.events);
        let (note, first) = (
            format!(
                "source `{}` supports {} events",
                sanitize(&ds.source(s).id),
                cited.len()
            ),
            cited.first().copied(),
        );
        self.filter_source(s);
        if let Some(e) = first {
            self.focus = Pane::Timeline;
            self.reselect_event(Some(e));
        }
        self.note = Some(note);
    }
}
