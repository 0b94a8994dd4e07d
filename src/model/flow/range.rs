//! The one range of a head count: the figure counted, the least and the
//! most the sources give, and whether the most is only a lower bound.
//! Every surface formats a [`Range`]; none computes one.

use serde::{Deserialize, Serialize};
use std::ops::AddAssign;

/// A head count as the sources give it. Sums of ranges are ranges: a
/// total adds the counts, the minimums and the maximums.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    /// The figure counted: the record's `count` (or one per person).
    pub count: u32,
    /// The least any source gives.
    pub min: u32,
    /// The most any source gives.
    pub max: u32,
    /// A figure is a lower bound (`at_least`): there may be more than `max`.
    pub at_least: bool,
    /// Sources disagree (an alternative of `disputed` gives a count).
    pub disputed: bool,
}

impl Range {
    /// One exact figure.
    pub fn exact(n: u32) -> Range {
        Range {
            count: n,
            min: n,
            max: n,
            ..Range::default()
        }
    }

    /// `n` people counted, widened by the figures `stated` (each with
    /// whether it is a lower bound) the way they differ from `counted`:
    /// an event's figures apply to the part of it this unit carries.
    pub fn of(n: u32, counted: u32, stated: impl Iterator<Item = (u32, bool)>, disputed: bool) -> Range {
        let mut r = Range::exact(n);
        r.disputed = disputed;
        for (figure, at_least) in stated {
            let shifted = i64::from(n) + i64::from(figure) - i64::from(counted);
            let shifted = u32::try_from(shifted.max(0)).unwrap_or(u32::MAX);
            r.min = r.min.min(shifted);
            r.max = r.max.max(shifted);
            r.at_least |= at_least;
        }
        r
    }

    /// Widens the range to hold the figures `stated` as they are (a
    /// member's figures for its group's pair).
    pub fn widen(&mut self, stated: impl Iterator<Item = (u32, bool)>, disputed: bool) {
        for (figure, at_least) in stated {
            self.min = self.min.min(figure);
            self.max = self.max.max(figure);
            self.at_least |= at_least;
        }
        self.disputed |= disputed;
    }

    /// Widens the range to hold what `other`, another reading of the same
    /// move, allows (its count is not added).
    pub fn join(&mut self, other: Range) {
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
        self.at_least |= other.at_least;
        self.disputed |= other.disputed;
    }

    /// Whether the sources agree on one exact figure.
    pub fn is_exact(&self) -> bool {
        !self.disputed && !self.at_least && self.min == self.max
    }

    /// For a tight cell: `7`, `7≠` (disputed; the range is told
    /// elsewhere), `≥8` (a lower bound).
    pub fn tight(&self) -> String {
        match (self.disputed, self.at_least) {
            (true, _) => format!("{}≠", self.count),
            (false, true) => format!("≥{}", self.count),
            (false, false) => self.count.to_string(),
        }
    }

    /// The span the sources allow: `7`, `7–8`, `≥8`, `7–≥8` (from 7 to
    /// at least 8); a disputed range reads with its `≠` through [`Range::marked`].
    pub fn span(&self) -> String {
        let low = if self.min == self.max && self.at_least {
            format!("≥{}", self.min)
        } else {
            self.min.to_string()
        };
        match (self.min == self.max, self.at_least) {
            (true, _) => low,
            (false, true) => format!("{}–≥{}", self.min, self.max),
            (false, false) => format!("{}–{}", self.min, self.max),
        }
    }

    /// The span with `≠` after it when the sources disagree: `15–≥16≠`.
    pub fn marked(&self) -> String {
        let mark = if self.disputed { "≠" } else { "" };
        format!("{}{mark}", self.span())
    }

    /// In words, with the noun that fits: `1 person`, `7 to 8 people,
    /// disputed`, `at least 8 people`, `7 to at least 8 people, disputed`.
    pub fn words(&self, one: &str, many: &str) -> String {
        let spread = match (self.min == self.max, self.at_least) {
            (true, false) => self.min.to_string(),
            (true, true) => format!("at least {}", self.min),
            (false, true) => format!("{} to at least {}", self.min, self.max),
            (false, false) => format!("{} to {}", self.min, self.max),
        };
        let noun = if self.is_exact() && self.count == 1 {
            one
        } else {
            many
        };
        let disputed = if self.disputed { ", disputed" } else { "" };
        format!("{spread} {noun}{disputed}")
    }
}

impl AddAssign for Range {
    fn add_assign(&mut self, other: Range) {
        self.count += other.count;
        self.min += other.min;
        self.max += other.max;
        self.at_least |= other.at_least;
        self.disputed |= other.disputed;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_in_each_form_and_add_up() {
        assert_eq!(Range::exact(7).tight(), "7");
        assert_eq!(Range::exact(7).span(), "7");
        assert!(Range::exact(7).is_exact());
        let lower = Range::of(8, 8, [(8, true)].into_iter(), false);
        assert_eq!(
            (lower.tight(), lower.span(), lower.words("person", "people")),
            ("≥8".into(), "≥8".into(), "at least 8 people".into())
        );
        assert_eq!(Range::exact(1).words("person", "people"), "1 person");
        let disputed = Range::of(7, 7, [(7, false), (8, false)].into_iter(), true);
        assert_eq!(disputed.tight(), "7≠");
        assert_eq!(disputed.marked(), "7–8≠");
        assert_eq!(disputed.words("person", "people"), "7 to 8 people, disputed");
        let mut total = disputed;
        total += lower;
        total += Range::exact(0);
        assert_eq!((total.count, total.min, total.max), (15, 15, 16));
        assert_eq!(total.marked(), "15–≥16≠");
        assert_eq!(total.words("", "moves"), "15 to at least 16 moves, disputed");
        assert!(!total.is_exact());
    }

    #[test]
    fn a_unit_takes_the_difference_of_its_events_figures() {
        // A group of 11 counted as 3 from one origin and 8 as its rest: a
        // source saying 9 takes 2 from the rest, never below zero.
        let rest = Range::of(8, 11, [(11, false), (9, false)].into_iter(), true);
        assert_eq!((rest.min, rest.max), (6, 8));
        let floor = Range::of(1, 11, [(2, false)].into_iter(), true);
        assert_eq!(floor.min, 0);
        let mut member = Range::exact(7);
        member.widen([(8, true), (7, false)].into_iter(), true);
        assert_eq!(member.marked(), "7–≥8≠");
    }
}
