//! The Flows view's time scrubber: `]`/`[` step the period (all time, then
//! each year with moves), `t` types any period, `p` plays the years one
//! after another (a tick of the event loop each [`PLAY_STEP`]); any key
//! stops it.

use super::state::{App, Mode};
use super::views::{keep_cursor, refresh};
use crate::model::{Date, Period};
use std::time::Duration;

/// How long each year shows while the scrubber plays.
pub const PLAY_STEP: Duration = Duration::from_millis(1200);

/// The scrubber's steps: all time, then each of `years`.
fn steps(years: &[u16]) -> impl Iterator<Item = Option<Period>> + '_ {
    std::iter::once(None).chain(years.iter().map(|&y| Some(Period::of(Date::year(y)))))
}

/// The period after (`forward`) or before `current` among all time and
/// `years`; a typed period steps to the year after or before its start.
/// It stays at the ends.
pub fn next(years: &[u16], current: Option<Period>, forward: bool) -> Option<Period> {
    let all: Vec<Option<Period>> = steps(years).collect();
    let at = match all.iter().position(|&p| p == current) {
        Some(i) => i,
        None => {
            // A typed period: between the years around its start.
            let start = current.and_then(|p| p.from).map_or(0, |d| d.year);
            let before = years.iter().filter(|&&y| y < start).count();
            let exact = years.contains(&start);
            // Its index if it were a year step: after `before` years.
            if forward {
                before + usize::from(exact)
            } else {
                before + 1 + usize::from(exact)
            }
        }
    };
    let to = if forward {
        (at + 1).min(all.len() - 1)
    } else {
        at.saturating_sub(1)
    };
    all[to]
}

/// Keeps the Flows view to `period` (all time if `None`), its cursor on
/// the same organizations where they still have moves.
pub(super) fn set_period(app: &mut App, period: Option<Period>) {
    let m = app.matrix();
    let v = &app.flows_view;
    let (row, col) = (
        m.axis.get(v.rows.selected).copied(),
        m.axis.get(v.cols.selected).copied(),
    );
    app.flows_view.period = period;
    refresh(app);
    keep_cursor(app, row, col);
}

/// `]` or `[`: the next or previous period.
pub(super) fn step(app: &mut App, forward: bool) {
    let years = std::sync::Arc::clone(&app.data);
    let to = next(years.years(), app.flows_view.period, forward);
    set_period(app, to);
}

/// `p`: plays the years from the first (or from the one shown, if it is
/// not the last), one each [`PLAY_STEP`].
pub(super) fn play(app: &mut App) {
    let data = std::sync::Arc::clone(&app.data);
    let years = data.years();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        app.note = Some("no years with moves to play".into());
        return;
    };
    let year_shown = app
        .flows_view
        .period
        .filter(|p| p.from == p.to)
        .and_then(|p| p.from);
    if year_shown.is_none_or(|d| d.year >= last || d.precision() != crate::model::Precision::Year) {
        set_period(app, Some(Period::of(Date::year(first))));
    }
    app.flows_view.playing = true;
}

/// One tick of the event loop while playing: the next year, and the end
/// of play after the last.
pub(super) fn tick(app: &mut App) {
    if !app.flows_view.playing || app.mode != Mode::Flows {
        app.flows_view.playing = false;
        return;
    }
    let data = std::sync::Arc::clone(&app.data);
    let to = next(data.years(), app.flows_view.period, true);
    if to == app.flows_view.period {
        app.flows_view.playing = false;
        app.note = Some("played every year; ] and [ step, t types a period".into());
    } else {
        set_period(app, to);
    }
}

/// `t` in the view: the date prompt, whose date or range becomes the
/// view's period.
pub(super) fn ask(app: &mut App) {
    app.flows_view.asking = true;
    app.mode = Mode::Prompt {
        input: String::new(),
        error: None,
    };
}

impl App {
    /// How long the event loop may sleep before it must send a tick: only
    /// while the scrubber plays.
    pub fn tick_after(&self) -> Option<Duration> {
        (self.flows_view.playing && self.mode == Mode::Flows).then_some(PLAY_STEP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(y: u16) -> Option<Period> {
        Some(Period::of(Date::year(y)))
    }

    #[test]
    fn steps_go_from_all_time_through_each_year_and_stop_at_the_ends() {
        let years = [2014, 2020, 2025];
        assert_eq!(next(&years, None, true), year(2014));
        assert_eq!(next(&years, year(2014), true), year(2020));
        assert_eq!(next(&years, year(2025), true), year(2025));
        assert_eq!(next(&years, year(2014), false), None);
        assert_eq!(next(&years, None, false), None);
        assert_eq!(next(&[], None, true), None);
    }

    #[test]
    fn a_typed_period_steps_to_the_years_around_its_start() {
        let years = [2014, 2020, 2025];
        let from = |s: &str| {
            Some(Period {
                from: Date::parse(s).ok(),
                to: None,
            })
        };
        assert_eq!(next(&years, from("2020-06"), true), year(2025));
        assert_eq!(next(&years, from("2020-06"), false), year(2020));
        assert_eq!(next(&years, from("2018"), true), year(2020));
        assert_eq!(next(&years, from("2018"), false), year(2014));
        assert_eq!(next(&years, from("2030"), true), year(2025));
    }
}
