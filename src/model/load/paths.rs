//! Path checks (warnings): each person's moves, in date order, must make
//! one path. A move whose `from` is not where the person was last
//! recorded, an arrival where they already are, a return to a place they
//! never left, and two moves on one date are reported at the later event,
//! naming the earlier one.

use super::super::{Dataset, Date, Event, OrgIx};
use super::Broken;
use super::blank::UNDATED;
use super::position::FileId;
use super::validate::Validator;
use crate::model::EventKind;

/// Runs the path checks over every person's moves (events are still in
/// file order here: indexes are file positions).
pub(super) fn check(v: &mut Validator, ds: &Dataset, broken: &Broken) {
    if !broken.paths {
        return;
    }
    let mut moves: Vec<Vec<u32>> = vec![Vec::new(); ds.people.len()];
    for (i, e) in ds.events.iter().enumerate() {
        if broken.events[i] || e.date == UNDATED || !e.is_move() {
            continue;
        }
        for &p in &e.people {
            moves[p as usize].push(i as u32);
        }
    }
    for (p, list) in moves.iter_mut().enumerate() {
        if list.len() < 2 {
            continue;
        }
        list.sort_by_key(|&i| ds.events[i as usize].date);
        person(v, ds, p, list);
    }
}

/// Where a person was last recorded: the organization and the event that
/// took them there.
type Stay = Option<(OrgIx, usize)>;

/// Checks one person's moves, in date order.
fn person(v: &mut Validator, ds: &Dataset, p: usize, list: &[u32]) {
    let mut at: Stay = None;
    let mut prev: Option<usize> = None;
    for &i in list {
        let i = i as usize;
        let e = &ds.events[i];
        if let Some(before) = prev
            && let Some(problem) = problem(ds, p, i, before, at)
        {
            report(v, i, problem);
        }
        if let Some(to) = e.to {
            at = Some((to, i));
        } else if e.from.is_some() {
            at = None;
        }
        prev = Some(i);
    }
}

/// One path problem: the key of the event it is reported at, the message
/// and the hint.
struct Problem {
    key: &'static str,
    message: String,
    hint: &'static str,
}

/// What is wrong with move `i` of person `p` coming after move `before`,
/// with the person last recorded at `at`.
fn problem(ds: &Dataset, p: usize, i: usize, before: usize, at: Stay) -> Option<Problem> {
    let (e, b) = (&ds.events[i], &ds.events[before]);
    let person = &ds.people[p].id;
    let org = |o: OrgIx| &ds.orgs[o as usize].id;
    if e.date == b.date && !same_group(e, b, i, before) && !chained(e, b) {
        return Some(Problem {
            key: "date",
            message: format!(
                "person `{person}` moves twice on {}: in event `{}` and in event `{}`",
                e.date, b.id, e.id
            ),
            hint: "if it is one move, record it once with `from` and `to`; otherwise make one date more precise",
        });
    }
    // Dates that overlap (`2025` and `2025-06`) leave the order unknown.
    let (Some((here, came)), true) = (at, ordered(ds.events[before].date, e.date)) else {
        return None;
    };
    let came = &ds.events[came].id;
    if let Some(from) = e.from
        && from != here
        && !related(ds, from, here)
    {
        return Some(Problem {
            key: "from",
            message: format!(
                "event `{}` has person `{person}` leave `{}`, but they were last recorded at `{}` (event `{came}`)",
                e.id,
                org(from),
                org(here)
            ),
            hint: "check `from`, or record the move in between",
        });
    }
    if e.to == Some(here) && e.from.is_none_or(|f| f == here) {
        let (message, hint) = if e.kind == EventKind::Return {
            (
                format!(
                    "event `{}` has person `{person}` return to `{}`, which they never left since event `{came}`",
                    e.id,
                    org(here)
                ),
                "record the departure in between, or make it a `hire`",
            )
        } else {
            (
                format!(
                    "event `{}` has person `{person}` arrive at `{}`, where they already are since event `{came}`",
                    e.id,
                    org(here)
                ),
                "record the departure in between, or remove one of the two moves if they are the same",
            )
        };
        return Some(Problem {
            key: "to",
            message,
            hint,
        });
    }
    None
}

/// Whether `later` surely comes after `earlier` (their days do not overlap).
fn ordered(earlier: Date, later: Date) -> bool {
    earlier.last_day() < later.first_day()
}

/// Whether one move leaves where the other arrived (joining and leaving
/// an organization within one month or year is two moves).
fn chained(a: &Event, b: &Event) -> bool {
    (a.from.is_some() && a.from == b.to) || (b.from.is_some() && b.from == a.to)
}

/// Whether one of two moves is part of the other (a member and its group).
fn same_group(a: &Event, b: &Event, ia: usize, ib: usize) -> bool {
    a.part_of() == Some(ib as u32) || b.part_of() == Some(ia as u32)
}

/// Whether one organization belongs to the other, through `parent`.
fn related(ds: &Dataset, a: OrgIx, b: OrgIx) -> bool {
    let within = |mut x: OrgIx, up: OrgIx| {
        // A parent cycle is reported elsewhere; the walk is bounded.
        for _ in 0..ds.orgs.len().min(64) {
            match ds.orgs[x as usize].parent {
                Some(parent) if parent == up => return true,
                Some(parent) => x = parent,
                None => return false,
            }
        }
        false
    };
    within(a, b) || within(b, a)
}

/// Reports a problem at event `i`, as a warning.
fn report(v: &mut Validator, i: usize, p: Problem) {
    let f = v.file(FileId::Events);
    let pos = f.value(i, &[p.key]);
    let d = f.err(pos, p.message).hint(p.hint).warning();
    v.errors.push(d);
}
