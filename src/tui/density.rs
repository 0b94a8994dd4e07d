//! Time density: how many of the listed events fall in each month of the
//! dataset's span, counted when the filters change so that a frame only
//! reads prefix sums (its cost follows the pane's width, never the number
//! of events). An event dated only to the year is spread over its twelve
//! months, so counts are kept in twelfths of an event.

use super::data::Data;
use super::view::EventRows;
use crate::model::{Date, Precision};

/// Events per month over the dataset's span, as prefix sums.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Density {
    /// Month number (`year * 12 + month - 1`) of the first month.
    first: u32,
    /// `cum[i]` = twelfths of events in the span's first `i` months; one
    /// more entry than there are months.
    cum: Vec<u64>,
    /// Listed events dated only to the year (spread over its months).
    pub year_only: u32,
}

/// Month number of a date (its first month for a year-only date).
fn month_number(date: Date) -> u32 {
    u32::from(date.year) * 12 + u32::from(date.month.max(1)) - 1
}

impl Density {
    /// Counts the events of `rows` per month, over the span of every event
    /// in the dataset (so the axis stays put while filters change).
    pub fn new(d: &Data, rows: &EventRows) -> Density {
        let events = &d.ds.events;
        let (Some(first), Some(last)) = (events.first(), events.last()) else {
            return Density::default();
        };
        let first = month_number(first.date);
        let last =
            d.ds.events
                .iter()
                .rev()
                .take_while(|e| e.date.year == last.date.year);
        let end = last.map(|e| {
            month_number(e.date)
                + if e.date.precision() == Precision::Year {
                    11
                } else {
                    0
                }
        });
        let months = (end.max().unwrap_or(first).saturating_sub(first) + 1) as usize;
        let mut counts = vec![0u64; months];
        let mut year_only = 0;
        for row in 0..rows.len(d) {
            let Some(e) = rows.get(d, row) else { continue };
            let date = d.ds.event(e).date;
            let m = month_number(date).saturating_sub(first) as usize;
            if date.precision() == Precision::Year {
                year_only += 1;
                for c in counts.iter_mut().skip(m).take(12) {
                    *c += 1;
                }
            } else if let Some(c) = counts.get_mut(m) {
                *c += 12;
            }
        }
        let mut cum = Vec::with_capacity(months + 1);
        cum.push(0);
        let mut total = 0u64;
        for c in counts {
            total = total.saturating_add(c);
            cum.push(total);
        }
        Density {
            first,
            cum,
            year_only,
        }
    }

    /// Number of months in the span.
    pub fn months(&self) -> usize {
        self.cum.len().saturating_sub(1)
    }

    /// How many columns `width` columns can give the span: one per month,
    /// or several months per column when they do not fit.
    pub fn columns(&self, width: usize) -> usize {
        self.months().min(width)
    }

    /// The twelfths of events in each of `columns(width)` columns.
    pub fn counts(&self, width: usize) -> Vec<u64> {
        let (months, cols) = (self.months(), self.columns(width));
        (0..cols)
            .map(|c| {
                let (a, b) = (c * months / cols, (c + 1) * months / cols);
                self.cum.get(b).copied().unwrap_or(0) - self.cum.get(a).copied().unwrap_or(0)
            })
            .collect()
    }

    /// The columns holding `date`, out of `columns(width)`: first and
    /// last, inclusive (a year-only date covers its twelve months).
    pub fn columns_of(&self, date: Date, width: usize) -> Option<(usize, usize)> {
        let (months, cols) = (self.months(), self.columns(width));
        let m = month_number(date).checked_sub(self.first)? as usize;
        let last = if date.precision() == Precision::Year {
            (m + 11).min(months.saturating_sub(1))
        } else {
            m
        };
        (m < months && cols > 0).then(|| (m * cols / months, last * cols / months))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Dataset;

    #[test]
    fn months_are_counted_and_columns_sum_them() {
        let data = Data::new(Dataset::embedded().unwrap_or_else(|_| panic!("embedded")));
        let all = Density::new(&data, &EventRows::All);
        let events = &data.ds.events;
        let year_only = events
            .iter()
            .filter(|e| e.date.precision() == Precision::Year)
            .count();
        assert!(year_only > 0);
        assert_eq!(all.year_only as usize, year_only);
        let total = 12 * events.len() as u64;
        assert_eq!(all.cum.last().copied(), Some(total));
        for width in [1, 7, 40, 10_000] {
            let cols = all.counts(width);
            assert_eq!(cols.len(), all.columns(width));
            assert_eq!(cols.iter().sum::<u64>(), total, "width {width}");
        }
        let july = Date::parse("2025-07").unwrap_or_else(|e| panic!("{e}"));
        let in_2025 = |month: bool| {
            events
                .iter()
                .filter(|e| e.date.year == 2025 && (e.date.month == 7) == month)
                .filter(|e| (e.date.precision() == Precision::Year) != month)
                .count() as u64
        };
        let (col, last) = all.columns_of(july, 10_000).unwrap_or_else(|| panic!("july"));
        assert_eq!(col, last, "a month is one column");
        assert_eq!(all.counts(10_000)[col], 12 * in_2025(true) + in_2025(false));
        assert!(in_2025(true) > 0 && in_2025(false) > 0);
        let date = |d: &str| Date::parse(d).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.columns_of(date("1900"), 80), None);
        let (a, b) = all
            .columns_of(date("2024"), 10_000)
            .unwrap_or_else(|| panic!("2024"));
        assert_eq!(b - a, 11, "a year-only date covers its twelve months");
        let empty = Density::new(&data, &EventRows::Some(Vec::new()));
        assert!(empty.counts(50).iter().all(|&c| c == 0));
    }
}
