//! Dates at the precision they were written: a year, a month or a day.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date known to year, month or day precision.
///
/// `month` and `day` are 0 when unknown, so the derived order puts a
/// year-only date before every month of that year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    /// Year, 1..=9999.
    pub year: u16,
    /// Month 1..=12, or 0 when only the year is known.
    pub month: u8,
    /// Day 1..=31, or 0 when only the year or month is known.
    pub day: u8,
}

/// How precisely a [`Date`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// Number of days in `month` (1..=12) of `year`.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// A year-only date.
    pub const fn year(year: u16) -> Self {
        Date {
            year,
            month: 0,
            day: 0,
        }
    }

    /// How precisely this date is known.
    pub fn precision(self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The first day this date may mean, as a sortable `YYYYMMDD` number.
    pub fn first_day(self) -> u32 {
        let m = if self.month == 0 { 1 } else { self.month };
        let d = if self.day == 0 { 1 } else { self.day };
        u32::from(self.year) * 10_000 + u32::from(m) * 100 + u32::from(d)
    }

    /// The last day this date may mean, as a sortable `YYYYMMDD` number.
    pub fn last_day(self) -> u32 {
        let m = if self.month == 0 { 12 } else { self.month };
        let d = if self.day == 0 {
            days_in_month(self.year, m)
        } else {
            self.day
        };
        u32::from(self.year) * 10_000 + u32::from(m) * 100 + u32::from(d)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, explaining what is wrong.
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let shape_ok = matches!(parts.len(), 1..=3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !shape_ok {
            return Err(format!(
                "date `{text}` is not of the form YYYY, YYYY-MM or YYYY-MM-DD"
            ));
        }
        let num = |s: &str| s.parse::<u16>().unwrap_or(0);
        let year = num(parts[0]);
        if year == 0 {
            return Err(format!("date `{text}` has year 0; years start at 0001"));
        }
        let mut date = Date::year(year);
        if let Some(m) = parts.get(1) {
            let month = num(m);
            if !(1..=12).contains(&month) {
                return Err(format!("date `{text}` has no month {month}"));
            }
            date.month = month as u8;
        }
        if let Some(d) = parts.get(2) {
            let day = num(d);
            let max = days_in_month(year, date.month);
            if day == 0 || day > u16::from(max) {
                let month = MONTHS[usize::from(date.month - 1)];
                return Err(format!(
                    "date `{text}` has no day {day}: {month} {year} has {max} days"
                ));
            }
            date.day = day as u8;
        }
        Ok(date)
    }
}

impl Date {
    /// `text` with its month and day padded to two digits (`2024-9` →
    /// `2024-09`), when that makes it a valid date.
    pub fn padded(text: &str) -> Option<String> {
        let parts: Vec<&str> = text.split('-').collect();
        let fits = matches!(parts.len(), 2..=3) && parts[1..].iter().all(|p| matches!(p.len(), 1 | 2));
        if !fits {
            return None;
        }
        let fixed: Vec<String> = std::iter::once(parts[0].to_string())
            .chain(parts[1..].iter().map(|p| format!("{p:0>2}")))
            .collect();
        let fixed = fixed.join("-");
        (fixed != text && Date::parse(&fixed).is_ok()).then_some(fixed)
    }
}

/// The month `word` names, 1..=12: its full English name or a prefix of
/// at least three letters (`jul`, `sept`), in any case.
fn month_named(word: &str) -> Option<u8> {
    let word = word.to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_ascii_lowercase().starts_with(&word))
        .and_then(|i| u8::try_from(i + 1).ok())
}

impl Date {
    /// Parses a date as people type it in the explorer's prompt: what
    /// [`Date::parse`] takes, plus one-digit months and days (`2025-7`,
    /// `2025-7-4`) and a month name with a year (`jul 2025`, `July 2025`,
    /// `2025 jul`). Data files stay strict: they use [`Date::parse`].
    pub fn parse_typed(text: &str) -> Result<Date, String> {
        let text = text.trim();
        let words: Vec<&str> = text.split_whitespace().collect();
        let canonical = match words.as_slice() {
            [one] => {
                let parts: Vec<&str> = one.split('-').collect();
                let digits = |p: &&str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
                let shape_ok = matches!(parts.len(), 1..=3)
                    && parts[0].len() == 4
                    && parts[1..].iter().all(|p| p.len() <= 2)
                    && parts.iter().all(digits);
                shape_ok.then(|| {
                    let mut out = parts[0].to_string();
                    for p in &parts[1..] {
                        out.push_str(&format!("-{p:0>2}"));
                    }
                    out
                })
            }
            [a, b] => {
                let (month, year) = match month_named(a) {
                    Some(m) => (Some(m), *b),
                    None => (month_named(b), *a),
                };
                let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
                month.filter(|_| year_ok).map(|m| format!("{year}-{m:02}"))
            }
            _ => None,
        };
        match canonical {
            Some(c) => Date::parse(&c).map_err(|e| e.replacen(&format!("`{c}`"), &format!("`{text}`"), 1)),
            None => Err(format!(
                "`{text}` is not a date: try 2025, 2025-07, 2025-7-4 or jul 2025"
            )),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// A stretch of time: from the first day of `from` to the last day of
/// `to`, either end open, both ends at any precision and included. The
/// one period rule of the explorer's period filter, `timeline`, `flow` and
/// `export`: a date is in a period when its span overlaps it, so a date
/// known only to its year is in each period that overlaps that year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    /// The first date included, or none for no lower bound.
    pub from: Option<Date>,
    /// The last date included, or none for no upper bound.
    pub to: Option<Date>,
}

impl Period {
    /// The whole of one date: its month, its year or its day.
    pub fn of(date: Date) -> Period {
        Period {
            from: Some(date),
            to: Some(date),
        }
    }

    /// First and last `YYYYMMDD` day covered.
    fn days(self) -> (u32, u32) {
        (
            self.from.map_or(0, Date::first_day),
            self.to.map_or(u32::MAX, Date::last_day),
        )
    }

    /// Whether the period ends before it starts (`2025-08..2025-06`), so
    /// that no date is in it; the explorer and the CLI refuse such ranges.
    pub fn is_backwards(self) -> bool {
        let (first, last) = self.days();
        first > last
    }

    /// Whether something dated `date` may fall in the period (its span
    /// overlaps it: a year-only date is in each of its months).
    pub fn overlaps(self, date: Date) -> bool {
        let (first, last) = self.days();
        date.first_day() <= last && date.last_day() >= first
    }

    /// Whether `date` is known too coarsely to say it is inside: a
    /// year-only date in a month's period.
    pub fn is_vague(self, date: Date) -> bool {
        let (first, last) = self.days();
        self.overlaps(date) && (date.first_day() < first || date.last_day() > last)
    }

    /// How the period reads: `2025-07`, `2025-06..2025-08`, `from 2025-06`,
    /// `to 2025-08`, `any time`.
    pub fn label(self) -> String {
        match (self.from, self.to) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a}..{b}"),
            (Some(a), None) => format!("from {a}"),
            (None, Some(b)) => format!("to {b}"),
            (None, None) => "any time".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_backwards_only_when_it_ends_before_it_starts() {
        let d = |s: &str| Some(Date::parse(s).unwrap());
        let p = |from, to| Period { from, to };
        assert!(p(d("2025-08"), d("2025-06")).is_backwards());
        assert!(!p(d("2025-06"), d("2025")).is_backwards(), "overlapping ends");
        assert!(!p(d("2025"), None).is_backwards() && !Period::default().is_backwards());
    }

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2014", "2025-06", "2025-06-12", "2024-02-29"] {
            assert_eq!(Date::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Date::parse("2014").unwrap().precision(), Precision::Year);
        assert_eq!(Date::parse("2014-03").unwrap().precision(), Precision::Month);
    }

    #[test]
    fn rejects_impossible_dates_with_reasons() {
        assert_eq!(
            Date::parse("2025-13").unwrap_err(),
            "date `2025-13` has no month 13"
        );
        assert_eq!(
            Date::parse("2025-02-30").unwrap_err(),
            "date `2025-02-30` has no day 30: February 2025 has 28 days"
        );
        assert!(Date::parse("0000").unwrap_err().contains("year 0"));
        assert!(Date::parse("2025-6").unwrap_err().contains("YYYY-MM"));
        assert!(Date::parse("June 2025").is_err());
        assert!(Date::parse("").is_err());
        assert!(Date::parse("2023-02-29").is_err());
        assert_eq!(Date::padded("2024-9").as_deref(), Some("2024-09"));
        assert_eq!(Date::padded("2024-9-1").as_deref(), Some("2024-09-01"));
        assert_eq!(Date::padded("2024-09"), None);
        assert_eq!(Date::padded("2024-13"), None);
    }

    #[test]
    fn typed_dates_take_short_numbers_and_month_names() {
        let typed = |t: &str| Date::parse_typed(t).map(|d| d.to_string());
        for (text, want) in [
            ("2025-7", "2025-07"),
            ("2025-07", "2025-07"),
            ("2025-7-4", "2025-07-04"),
            ("2014", "2014"),
            ("jul 2025", "2025-07"),
            ("July 2025", "2025-07"),
            ("JULY 2025", "2025-07"),
            ("sept 2024", "2024-09"),
            ("2025 jul", "2025-07"),
            ("  jul   2025 ", "2025-07"),
        ] {
            assert_eq!(typed(text).as_deref(), Ok(want), "{text}");
        }
        assert_eq!(typed("2025-13").unwrap_err(), "date `2025-13` has no month 13");
        assert!(typed("2025-2-30").unwrap_err().contains("no day 30"));
        for bad in [
            "",
            "ju 2025",
            "july",
            "jul 25",
            "2025-",
            "2025-123",
            "25-7",
            "jul aug 2025",
        ] {
            assert!(typed(bad).is_err(), "{bad}");
        }
        assert!(Date::parse("2024-9").is_err(), "data files stay strict");
        assert!(Date::parse("jul 2025").is_err(), "data files stay strict");
    }

    #[test]
    fn ranges_cover_the_whole_period() {
        let d = Date::parse("2023-12").unwrap();
        assert_eq!((d.first_day(), d.last_day()), (20231201, 20231231));
        let y = Date::parse("2024").unwrap();
        assert_eq!((y.first_day(), y.last_day()), (20240101, 20241231));
    }

    #[test]
    fn year_sorts_before_its_months() {
        let mut v = ["2025-06-12", "2025", "2024-12", "2025-06"].map(|s| Date::parse(s).unwrap());
        v.sort();
        let shown: Vec<String> = v.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2024-12", "2025", "2025-06", "2025-06-12"]);
    }
}
