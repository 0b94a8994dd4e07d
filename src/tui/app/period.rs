//! The period filter: keeping the timeline to a month, a year or a typed
//! range, and reading the ranges typed in the date prompt.

use super::state::App;
use crate::model::{Date, Precision};
use crate::tui::pane::Pane;
use crate::tui::view::Period;

/// What the date prompt was given: a date to jump to or a range to keep to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Typed {
    Jump(Date),
    Keep(Period),
}

/// Reads the date prompt: a date (`2025-7`, `jul 2025`) to jump to, or a
/// range to keep the timeline to: `A..B`, `A..`, `..B`, `from A to B`,
/// `from A`, `to B` (each end a date of any precision, both included).
pub fn parse_input(text: &str) -> Result<Typed, String> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (from, to) = if let Some((a, b)) = lower.split_once("..") {
        (a.trim(), b.trim())
    } else if let Some(rest) = lower.strip_prefix("from ") {
        match rest.split_once(" to ") {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (rest.trim(), ""),
        }
    } else if let Some(rest) = lower.strip_prefix("to ") {
        ("", rest.trim())
    } else {
        return Date::parse_typed(text).map(Typed::Jump);
    };
    let end = |s: &str| (!s.is_empty()).then(|| Date::parse_typed(s)).transpose();
    let period = Period {
        from: end(from)?,
        to: end(to)?,
    };
    match (period.from, period.to) {
        (None, None) => Err("a range needs a start or an end: 2025-06..2025-08".into()),
        (Some(a), Some(b)) if period.is_backwards() => {
            Err(format!("the range ends ({b}) before it starts ({a})"))
        }
        _ => Ok(Typed::Keep(period)),
    }
}

/// `p` on the timeline: no period → the selected event's month (its year
/// if only that is known) → that year → no period. A typed range goes.
pub(super) fn cycle(app: &mut App) {
    let next = match app.period_filter {
        None => {
            let Some(e) = app.selected_event() else {
                app.note = Some("no event selected to take a period from".into());
                return;
            };
            let date = app.data.ds.event(e).date;
            Some(Period::of(Date { day: 0, ..date }))
        }
        Some(Period {
            from: Some(a),
            to: Some(b),
        }) if a == b && a.precision() == Precision::Month => Some(Period::of(Date::year(a.year))),
        Some(_) => None,
    };
    keep_to(app, next);
}

/// `P`: hides the events a period holds only in part (dated to its year
/// when it is a month, or to its month when it is a day), or shows them
/// again; the status line says which.
pub(super) fn toggle_precise(app: &mut App) {
    let before = app.len(Pane::Timeline);
    app.precise = !app.precise;
    keep_to(app, app.period_filter);
    let after = app.len(Pane::Timeline);
    app.note = Some(match (app.precise, app.period_filter) {
        (true, Some(_)) => format!("exact dates only ({} hidden)", before.saturating_sub(after)),
        (true, None) => "exact dates only, once a period is set".into(),
        (false, _) => format!("all dates ({} shown again)", after.saturating_sub(before)),
    });
}

/// Sets the period filter, keeping the selected event if it stays listed.
pub(super) fn keep_to(app: &mut App, period: Option<Period>) {
    app.remember();
    let keep = app.selected_event();
    app.set_filters(app.org_filter, app.person_filter, app.kind_filter, period);
    app.reselect_event(keep);
    if let Some(p) = period
        && app.len(Pane::Timeline) == 0
    {
        app.note = Some(format!("no events in {}", p.label()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn the_prompt_reads_dates_and_ranges() {
        assert_eq!(parse_input("2025-7"), Ok(Typed::Jump(date("2025-07"))));
        assert_eq!(parse_input("Jul 2025"), Ok(Typed::Jump(date("2025-07"))));
        let keep = |a: Option<&str>, b: Option<&str>| {
            Ok(Typed::Keep(Period {
                from: a.map(date),
                to: b.map(date),
            }))
        };
        let both = keep(Some("2025-06"), Some("2025-08"));
        assert_eq!(parse_input("2025-06..2025-08"), both);
        assert_eq!(parse_input("2025-6 .. 2025-8"), both);
        assert_eq!(parse_input("from 2025-06 to 2025-08"), both);
        assert_eq!(parse_input("From jun 2025 to Aug 2025"), both);
        assert_eq!(parse_input("2025-06.."), keep(Some("2025-06"), None));
        assert_eq!(parse_input("from 2025"), keep(Some("2025"), None));
        assert_eq!(parse_input("..2024"), keep(None, Some("2024")));
        assert_eq!(parse_input("to jul 2025"), keep(None, Some("2025-07")));
        assert_eq!(parse_input("2025..2025"), keep(Some("2025"), Some("2025")));
        assert!(parse_input("..").unwrap_err().contains("start or an end"));
        assert!(
            parse_input("2025-08..2025-06")
                .unwrap_err()
                .contains("before it starts")
        );
        assert!(parse_input("2025-13..").unwrap_err().contains("no month 13"));
        assert!(parse_input("soon").is_err());
        assert!(parse_input("from").is_err());
    }
}
