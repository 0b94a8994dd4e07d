//! What each pane lists, derived from the dataset and the active filters
//! without copying the dataset: "everything", or a precomputed index.

use super::data::Data;
use crate::model::{EventIx, EventKind, OrgIx, PersonIx};

/// Rows of the People pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleRows {
    /// Everyone, by name.
    All,
    /// People who were ever at this organization.
    AtOrg(OrgIx),
}

impl PeopleRows {
    /// Number of rows.
    pub fn len(&self, d: &Data) -> usize {
        match self {
            PeopleRows::All => d.ds.people_by_name.len(),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].len(),
        }
    }

    /// The person on row `row`.
    pub fn get(&self, d: &Data, row: usize) -> Option<PersonIx> {
        match self {
            PeopleRows::All => d.ds.people_by_name.get(row).copied(),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].get(row).copied(),
        }
    }

    /// The row showing `person`, if listed.
    pub fn position(&self, d: &Data, person: PersonIx) -> Option<usize> {
        match self {
            PeopleRows::All => d.ds.people_by_name.iter().position(|&p| p == person),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].iter().position(|&p| p == person),
        }
    }
}

/// Rows of the Timeline pane, always in date order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EventRows {
    /// Every event.
    All,
    /// One organization's events.
    Org(OrgIx),
    /// One person's events.
    Person(PersonIx),
    /// A subset narrowed by kind.
    Some(Vec<EventIx>),
}

impl EventRows {
    /// The rows for the given filters; only a kind filter copies indexes.
    pub fn new(d: &Data, org: Option<OrgIx>, person: Option<PersonIx>, kind: Option<EventKind>) -> Self {
        let base = match (person, org) {
            (Some(p), _) => EventRows::Person(p),
            (None, Some(o)) => EventRows::Org(o),
            (None, None) => EventRows::All,
        };
        match kind {
            None => base,
            Some(k) => {
                let keep = (0..base.len(d))
                    .filter_map(|r| base.get(d, r))
                    .filter(|&e| d.ds.event(e).kind == k);
                EventRows::Some(keep.collect())
            }
        }
    }

    /// Number of rows.
    pub fn len(&self, d: &Data) -> usize {
        match self {
            EventRows::All => d.ds.events.len(),
            EventRows::Org(o) => d.ds.org_events[*o as usize].len(),
            EventRows::Person(p) => d.ds.person_events[*p as usize].len(),
            EventRows::Some(v) => v.len(),
        }
    }

    /// The event on row `row`.
    pub fn get(&self, d: &Data, row: usize) -> Option<EventIx> {
        match self {
            EventRows::All => (row < d.ds.events.len()).then_some(row as EventIx),
            EventRows::Org(o) => d.ds.org_events[*o as usize].get(row).copied(),
            EventRows::Person(p) => d.ds.person_events[*p as usize].get(row).copied(),
            EventRows::Some(v) => v.get(row).copied(),
        }
    }

    /// The row showing `event`, if listed (binary search: rows are sorted).
    pub fn position(&self, d: &Data, event: EventIx) -> Option<usize> {
        let len = self.len(d);
        let row = self.partition(d, |e| e < event);
        (row < len && self.get(d, row) == Some(event)).then_some(row)
    }

    /// First row for which `before` is false (rows are ordered by index,
    /// which is date order).
    fn partition(&self, d: &Data, before: impl Fn(EventIx) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.len(d));
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.get(d, mid) {
                Some(e) if before(e) => lo = mid + 1,
                _ => hi = mid,
            }
        }
        lo
    }

    /// First row dated on or after `day` (`YYYYMMDD`), clamped to the last row.
    pub fn first_on_or_after(&self, d: &Data, day: u32) -> usize {
        let row = self.partition(d, |e| d.ds.event(e).date.first_day() < day);
        row.min(self.len(d).saturating_sub(1))
    }

    /// Row of the first event of the next (`forward`) or previous period
    /// after the one on row `row`, where `period` maps a date to its key.
    pub fn jump(&self, d: &Data, row: usize, forward: bool, period: fn(u32) -> u32) -> usize {
        let len = self.len(d);
        let Some(current) = self.get(d, row) else { return 0 };
        let key = |e: EventIx| period(d.ds.event(e).date.first_day());
        let here = key(current);
        let start_of_current = self.partition(d, |e| key(e) < here);
        if forward {
            let next = self.partition(d, |e| key(e) <= here);
            if next < len { next } else { row }
        } else if start_of_current == 0 {
            0
        } else {
            let prev = self.get(d, start_of_current - 1).map_or(here, key);
            self.partition(d, |e| key(e) < prev)
        }
    }
}

/// Period key of a `YYYYMMDD` day: its year.
pub fn year_of(day: u32) -> u32 {
    day / 10_000
}

/// Period key of a `YYYYMMDD` day: its year and month.
pub fn month_of(day: u32) -> u32 {
    day / 100
}
