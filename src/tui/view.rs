//! What each pane lists, derived from the dataset and the active filters
//! without copying the dataset: "everything", or a precomputed index.

use super::data::Data;
use crate::model::{Dataset, Date, EventIx, EventKind, OrgIx, PersonIx, Precision};

/// Rows of the People pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleRows {
    /// Everyone, by name.
    All,
    /// People who were ever at this organization.
    AtOrg(OrgIx),
    /// A subset, by name: an organization with its children, or what a
    /// source supports.
    Some(Vec<PersonIx>),
}

/// Whether selecting `org` with `family` selects more than the organization
/// itself: it has children.
fn takes_children(d: &Data, org: OrgIx, family: bool) -> bool {
    family && !d.ds.children(org).is_empty()
}

impl PeopleRows {
    /// The rows for the company filter `org`, with its children if `family`.
    pub fn new(d: &Data, org: Option<OrgIx>, family: bool) -> Self {
        match org {
            Some(o) if takes_children(d, o, family) => PeopleRows::Some(d.ds.family_people(o)),
            Some(o) => PeopleRows::AtOrg(o),
            None => PeopleRows::All,
        }
    }

    /// Number of rows.
    pub fn len(&self, d: &Data) -> usize {
        match self {
            PeopleRows::All => d.ds.people_by_name.len(),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].len(),
            PeopleRows::Some(v) => v.len(),
        }
    }

    /// The person on row `row`.
    pub fn get(&self, d: &Data, row: usize) -> Option<PersonIx> {
        match self {
            PeopleRows::All => d.ds.people_by_name.get(row).copied(),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].get(row).copied(),
            PeopleRows::Some(v) => v.get(row).copied(),
        }
    }

    /// The row showing `person`, if listed.
    pub fn position(&self, d: &Data, person: PersonIx) -> Option<usize> {
        match self {
            PeopleRows::All => d.ds.people_by_name.iter().position(|&p| p == person),
            PeopleRows::AtOrg(o) => d.ds.org_people[*o as usize].iter().position(|&p| p == person),
            PeopleRows::Some(v) => v.iter().position(|&p| p == person),
        }
    }
}

/// The figures of organization `o` as its Companies row shows them,
/// longest first: `+15–≥16≠ −6*` (people in and out as ranges, see
/// [`Range::marked`](crate::model::Range::marked)), then `+15≠ −6*` for a
/// narrow row; `*` when they include its children's (`family`; else its
/// own figures). None with no moves.
pub fn org_figures(ds: &Dataset, o: OrgIx, family: bool) -> Vec<String> {
    let moves = if family { &ds.org_moves } else { &ds.org_own_moves };
    let (into, out) = moves.get(o as usize).copied().unwrap_or_default();
    if into.max + out.max == 0 && !into.at_least && !out.at_least {
        return Vec::new();
    }
    let incl = if family && !ds.children(o).is_empty() {
        "*"
    } else {
        ""
    };
    vec![
        format!("+{} −{}{incl}", into.marked(), out.marked()),
        format!("+{} −{}{incl}", into.tight(), out.tight()),
    ]
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
    /// A subset narrowed by kind or period.
    Some(Vec<EventIx>),
}

/// The period the timeline is kept to: the one rule of [`model::Period`](crate::model::Period).
pub use crate::model::Period;

/// How a date shows in a period that holds it only in part:
/// `2025 (month unknown)`, `2025-06 (day unknown)`; else as written.
pub fn date_label(date: Date, period: Option<Period>) -> String {
    match (period.is_some_and(|p| p.is_vague(date)), date.precision()) {
        (true, Precision::Year) => format!("{date} (month unknown)"),
        (true, Precision::Month) => format!("{date} (day unknown)"),
        _ => date.to_string(),
    }
}

impl EventRows {
    /// These rows without the events period `p` only vaguely covers
    /// (known to a coarser precision: `P` in a month or day period).
    pub fn exact(self, d: &Data, p: Period) -> EventRows {
        let exact = (0..self.len(d))
            .filter_map(|r| self.get(d, r))
            .filter(|&e| !p.is_vague(d.ds.event(e).date));
        EventRows::Some(exact.collect())
    }

    /// The rows for the given filters (an organization with its children
    /// if `family`); only a kind or period filter, or a family, copies
    /// indexes.
    pub fn new(
        d: &Data,
        (org, family): (Option<OrgIx>, bool),
        person: Option<PersonIx>,
        kind: Option<EventKind>,
        period: Option<Period>,
    ) -> Self {
        let base = match (person, org) {
            (Some(p), _) => EventRows::Person(p),
            (None, Some(o)) if takes_children(d, o, family) => EventRows::Some(d.ds.family_events(o)),
            (None, Some(o)) => EventRows::Org(o),
            (None, None) => EventRows::All,
        };
        if kind.is_none() && period.is_none() {
            return base;
        }
        let rows = match period {
            Some(p) => base.span(d, p),
            None => 0..base.len(d),
        };
        let keep = rows.filter_map(|r| base.get(d, r)).filter(|&e| {
            let event = d.ds.event(e);
            kind.is_none_or(|k| event.kind == k) && period.is_none_or(|p| p.overlaps(event.date))
        });
        EventRows::Some(keep.collect())
    }

    /// The rows that may overlap `p`, found by binary search: dates sort
    /// by their first day, and the only ones starting before `p` that can
    /// reach into it are year- or month-only dates of its first year.
    fn span(&self, d: &Data, p: Period) -> std::ops::Range<usize> {
        let first_day = |e: EventIx| d.ds.event(e).date.first_day();
        let start = match p.from {
            Some(from) => {
                let year_start = Date::year(from.year).first_day();
                self.partition(d, |e| first_day(e) < year_start)
            }
            None => 0,
        };
        let end = match p.to {
            Some(to) => self.partition(d, |e| first_day(e) <= to.last_day()),
            None => self.len(d),
        };
        start..end.max(start)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_period_holds_what_overlaps_it_and_says_what_is_vague() {
        let july = Period::of(date("2025-07"));
        assert!(july.overlaps(date("2025-07-31")) && july.overlaps(date("2025-07")));
        assert!(!july.overlaps(date("2025-08-01")) && !july.overlaps(date("2025-06")));
        assert!(july.overlaps(date("2025")), "a year-only date may be in July");
        assert!(!july.overlaps(date("2024")));
        assert!(july.is_vague(date("2025")) && !july.is_vague(date("2025-07")));
        assert_eq!(date_label(date("2025"), Some(july)), "2025 (month unknown)");
        assert_eq!(date_label(date("2025"), Some(Period::of(date("2025")))), "2025");
        assert_eq!(date_label(date("2025"), None), "2025");
        let from_mid_june = Period {
            from: Some(date("2025-06-15")),
            to: None,
        };
        assert_eq!(
            date_label(date("2025-06"), Some(from_mid_june)),
            "2025-06 (day unknown)"
        );
        assert!(!from_mid_june.overlaps(date("2025-06-14")));
        assert!(from_mid_june.overlaps(date("9999")));
        let until_2024 = Period {
            from: None,
            to: Some(date("2024")),
        };
        assert!(until_2024.overlaps(date("0001")) && !until_2024.overlaps(date("2025")));
    }

    #[test]
    fn the_period_filter_finds_what_a_full_scan_finds() {
        let data = Data::new(crate::model::Dataset::embedded().unwrap_or_else(|_| panic!("embedded")));
        let d = &data;
        let mut periods = Vec::new();
        for y in 2010..=2027u16 {
            let year = Date::year(y);
            periods.push(Period::of(year));
            periods.push(Period {
                from: Some(year),
                to: None,
            });
            periods.push(Period {
                from: None,
                to: Some(year),
            });
            for m in 1..=12u8 {
                let month = Date { month: m, ..year };
                periods.push(Period::of(month));
                let mid = Date { day: 15, ..month };
                periods.push(Period {
                    from: Some(mid),
                    to: Some(Date { month: 12, ..year }),
                });
            }
        }
        let orgs = d.ds.orgs.len() as OrgIx;
        for p in periods {
            for org in [None, Some(0), Some(orgs / 2), Some(orgs - 1)] {
                let base = EventRows::new(d, (org, false), None, None, None);
                let scan: Vec<EventIx> = (0..base.len(d))
                    .filter_map(|r| base.get(d, r))
                    .filter(|&e| p.overlaps(d.ds.event(e).date))
                    .collect();
                assert_eq!(
                    EventRows::new(d, (org, false), None, None, Some(p)),
                    EventRows::Some(scan),
                    "{} at {org:?}",
                    p.label()
                );
            }
        }
    }

    #[test]
    fn periods_read_as_typed() {
        let (a, b) = (date("2025-06"), date("2025-08"));
        assert_eq!(Period::of(a).label(), "2025-06");
        let label = |from, to| Period { from, to }.label();
        assert_eq!(label(Some(a), Some(b)), "2025-06..2025-08");
        assert_eq!(label(Some(a), None), "from 2025-06");
        assert_eq!(label(None, Some(b)), "to 2025-08");
        assert_eq!(label(None, None), "any time");
    }
}
