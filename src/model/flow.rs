//! The counting rule for talent flows: who moved from which organization to
//! which, counted once each. Every view that counts moves uses [`flows`].
//!
//! - Moves are hires, departures, returns, and foundings with a `from`
//!   (people who left to found). Offers, statements, lawsuits and the rest
//!   are not moves.
//! - A group move (`count` or `origins`) adds each origin's count to
//!   (origin, to) and the rest of its count to (`from` or unknown, to); its
//!   named people are inside that count. A move with `part_of` belongs to a
//!   group: it adds its people and event to the group's pair, never a count.
//! - A person's departure from X with no `to`, followed by their move from
//!   X (or from an unknown place) into Y, is one move X→Y. A departure never
//!   matched goes to unknown (`None`), an arrival with no `from` comes from it.
//! - Departures and arrivals are matched over all time; a period keeps the
//!   moves dated in it ([`Period::overlaps`]), a move dated by its arrival (by
//!   its departure when it has none), a group's member by its group.
//! - A count given as an alternative of `disputed` marks the pair disputed;
//!   an event's figures (its `count` and its alternatives', each perhaps a
//!   lower bound, `at_least`) give the [`Range`] of the unit that carries
//!   its count, and a disputed member widens the unit of its group it counts
//!   in. Every total adds these ranges.
//! - With `roll_up`, each organization counts as its top parent and moves
//!   inside one organization are dropped.

use super::{Dataset, Date, EventIx, OrgIx, Period, PersonIx};

mod matrix;
mod range;
pub mod sankey;
pub use matrix::FlowMatrix;
pub use range::Range;
pub use sankey::Sankey;

/// Most people one event may count: its `count`, each origin's, the sum of
/// its origins, and each disputed count. `rivals check` refuses more.
pub const MAX_COUNT: u32 = 1_000_000;

/// Most people the moves of a whole dataset may add up to (see
/// [`people_moved`]). `rivals check` refuses more, so every sum of counts
/// (a flow, a matrix total, an organization's moves in and out, even five
/// times over) fits in a `u32` and is exact.
pub const MAX_MOVED: u64 = 100_000_000;

/// How many people event `e` moves by the counting rule of [`flows`]
/// (0 for an event that is no move, or that belongs to a group), in `u64`
/// so that no count written in a file can overflow it.
pub fn people_moved(e: &super::Event) -> u64 {
    if !e.is_move() || e.part_of().is_some() {
        return 0;
    }
    let origins: u64 = e.origins().iter().map(|o| u64::from(o.count)).sum();
    let count = e.count().map(u64::from);
    let named = e.people.len() as u64;
    if e.origins().is_empty() && count.is_none_or(|c| c == named) {
        return named.max(1);
    }
    let rest = count.map_or(0, |c| c.saturating_sub(origins));
    if rest > 0 || e.origins().is_empty() {
        origins + rest.max(1)
    } else {
        origins
    }
}

/// A (from, to) pair of organizations; `None` is unknown.
pub type Pair = (Option<OrgIx>, Option<OrgIx>);

/// The people who moved along one pair.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Flow {
    /// How many people moved, named or not (`range.count`, exact since the
    /// loader keeps a dataset's moves under `MAX_MOVED`), and the range the
    /// sources give: whether one of the events' counts is disputed or a
    /// lower bound.
    pub range: Range,
    /// The people named, in index order.
    pub people: Vec<PersonIx>,
    /// The events that record the moves, in date order.
    pub events: Vec<EventIx>,
}

impl Flow {
    /// The events of the flow whose count a source disputes.
    pub fn disputed_events<'a>(&'a self, ds: &'a Dataset) -> impl Iterator<Item = EventIx> + 'a {
        self.events
            .iter()
            .copied()
            .filter(|&e| ds.event(e).count_disputed())
    }
}

/// Which moves to count.
#[derive(Clone, Copy, Debug, Default)]
pub struct FlowQuery {
    /// Only moves dated on or after this date (overlapping it, as in
    /// `timeline`); a move is dated by its arrival, by its departure when it
    /// has none.
    pub from: Option<Date>,
    /// Only moves dated on or before this date, inclusive at its precision.
    pub to: Option<Date>,
    /// Count each organization as its top parent.
    pub roll_up: bool,
}

impl FlowQuery {
    /// The period `from` and `to` select, by the one rule of [`Period`].
    pub fn period(&self) -> Period {
        Period {
            from: self.from,
            to: self.to,
        }
    }
}

/// One counted move before pairs are merged.
struct Unit {
    from: Option<OrgIx>,
    to: Option<OrgIx>,
    /// How many, and the range the event's figures give.
    range: Range,
    event: EventIx,
    /// The one person of an individual move.
    person: Option<PersonIx>,
    /// Take the people named in `event` (the rest of a group).
    group_people: bool,
    /// A departure this move completes, or the move that completed it.
    linked: Option<EventIx>,
    /// Merged into a later move (a departure that was matched).
    merged: bool,
}

/// No index: an event that is no group, a person with no departure waiting,
/// a unit not counted.
const NONE: u32 = u32::MAX;

/// The flows selected by `q`, one per pair with at least one move, sorted by
/// pair (`None` first). Storage is sparse: pairs without moves are absent.
pub fn flows(ds: &Dataset, q: &FlowQuery) -> Vec<(Pair, Flow)> {
    let (units, members) = units(ds);
    merge(ds, q, &units, &members)
}

/// What one event adds to the flows of every move (no period, no roll-up).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Share {
    /// The people it adds: one per person of a single move (one when no
    /// one is named), a group's size, the people of a departure that it
    /// completes; 0 for an event that is no move, a member of a group, and
    /// a departure whose people later moves complete.
    pub count: u32,
    /// The events that count its people instead, in date order: a member's
    /// group; the moves that completed a departure.
    pub counted_in: Vec<EventIx>,
}

/// Each event's [`Share`] of the flows of every move, by the rule of
/// [`flows`]: the counts add up to the total of `flows` with the default
/// query, so a table of events can be summed to it.
pub fn shares(ds: &Dataset) -> Vec<Share> {
    let (units, members) = units(ds);
    let mut out = vec![Share::default(); ds.events.len()];
    for unit in &units {
        if let Some(l) = unit.linked {
            out[unit.event as usize].counted_in.push(l);
        }
        if counted(unit, (unit.from, unit.to)) {
            out[unit.linked.unwrap_or(unit.event) as usize].count += unit.range.count;
        }
    }
    for &(m, absorbed, _) in &members {
        out[m as usize].counted_in.push(root(ds, m));
        if let Some(d) = absorbed {
            out[d as usize].counted_in.push(m);
        }
    }
    for share in &mut out {
        share.counted_in.sort_unstable();
        share.counted_in.dedup();
    }
    out
}

/// Whether a unit along `pair` counts: not merged into a later move, not
/// inside one organization, not from unknown to unknown.
fn counted(u: &Unit, pair: Pair) -> bool {
    let inside = pair.0.is_some() && pair.0 == pair.1;
    !u.merged && !inside && pair != (None, None)
}

/// The range each group move counts in [`flows`] over all time, by event:
/// a group's units added up (its origins and its rest), a member's the
/// unit of its group it counts in. Sorted by event; what the Timeline's
/// group rows show, so they say what the Flows view says.
fn group_ranges(ds: &Dataset, units: &[Unit], members: &[Placed]) -> Vec<(EventIx, Range)> {
    let mut out: Vec<(EventIx, Range)> = Vec::new();
    for u in units.iter().filter(|u| !u.merged) {
        for e in std::iter::once(u.event).chain(u.linked) {
            if !ds.event(e).is_group() {
                continue;
            }
            out.push((e, u.range));
        }
    }
    for &(m, _, at) in members {
        if let Some(u) = units.get(at) {
            out.push((m, u.range));
        }
    }
    // One entry per event: the ranges of its units added up.
    out.sort_by_key(|&(e, _)| e);
    let mut merged: Vec<(EventIx, Range)> = Vec::with_capacity(out.len());
    for (e, r) in out {
        match merged.last_mut() {
            Some((last, sum)) if *last == e => *sum += r,
            _ => merged.push((e, r)),
        }
    }
    merged
}

/// A member of a group placed in a unit: (member, the departure it
/// completes, the unit it counts in).
type Placed = (EventIx, Option<EventIx>, usize);

/// The units of every move, and the members of groups placed in them.
fn units(ds: &Dataset) -> (Vec<Unit>, Vec<Placed>) {
    let mut units: Vec<Unit> = Vec::new();
    // For each group event, its units (contiguous): first and how many.
    let mut group_units: Vec<(u32, u32)> = vec![(NONE, 0); ds.events.len()];
    // Members of groups: (member, a departure it completes).
    let mut members: Vec<(EventIx, Option<EventIx>)> = Vec::new();
    // Each person's departure waiting for its destination: unit index.
    let mut pending = Pending(vec![NONE; ds.people.len()]);
    for (ix, e) in ds.events.iter().enumerate() {
        let ix = ix as EventIx;
        if !e.is_move() {
            continue;
        }
        if e.part_of().is_some() {
            // A member follows its group's date, not its own (see `merge`).
            let mut absorbed = None;
            for &p in &e.people {
                if let Some(u) = pending.remove(p)
                    && e.from.is_none_or(|f| units[u].from == Some(f))
                {
                    units[u].merged = true;
                    absorbed = Some(units[u].event);
                }
            }
            members.push((ix, absorbed));
            continue;
        }
        let disputed = e.count_disputed();
        let unit = |from, to, range, person, group_people| Unit {
            from,
            to,
            range,
            event: ix,
            person,
            group_people,
            linked: None,
            merged: false,
        };
        // The event's figures apply to the unit that carries its rest.
        let counted = e.group_size().unwrap_or(e.people.len() as u32).max(1);
        let ranged = |n: u32| Range::of(n, counted, e.stated_counts(), disputed);
        let individual = e.origins().is_empty() && e.count().is_none_or(|c| c as usize == e.people.len());
        if individual && !e.people.is_empty() {
            for (k, &p) in e.people.iter().enumerate() {
                // The last person carries the event's figures.
                let range = if k + 1 == e.people.len() {
                    ranged(1)
                } else {
                    Range::exact(1)
                };
                let from_pending = pending.remove(p);
                let matched = from_pending.filter(|&u| {
                    let d = &units[u];
                    e.from.is_none_or(|f| d.from == Some(f)) && e.to.is_some()
                });
                match matched {
                    Some(u) => {
                        let d = &mut units[u];
                        d.to = e.to;
                        d.linked = Some(ix);
                        d.range.join(range);
                    }
                    None => {
                        if e.to.is_none() && e.from.is_some() {
                            pending.wait(p, units.len());
                        }
                        units.push(unit(e.from, e.to, range, Some(p), false));
                    }
                }
            }
            continue;
        }
        if individual {
            units.push(unit(e.from, e.to, ranged(1), None, false));
            continue;
        }
        let first = units.len();
        let from_origins: u32 = e.origins().iter().map(|o| o.count).sum();
        for o in e.origins() {
            units.push(unit(Some(o.from), e.to, Range::exact(o.count), None, false));
        }
        let rest = e.count().map_or(0, |c| c.saturating_sub(from_origins));
        if rest > 0 || e.origins().is_empty() {
            units.push(unit(e.from, e.to, ranged(rest.max(1)), None, true));
        } else if let Some(last) = units.last_mut() {
            // No rest: the last origin carries the event's figures.
            last.range = Range::of(last.range.count, counted, e.stated_counts(), disputed);
        }
        group_units[ix as usize] = (first as u32, (units.len() - first) as u32);
    }
    let members = place_members(ds, &mut units, &group_units, members);
    (units, members)
}

/// Finds the unit each member of a group counts in (`(member, departure it
/// completes, unit)`), and widens that unit by the member's own figures
/// when they are disputed or a lower bound: its part of the group.
fn place_members(
    ds: &Dataset,
    units: &mut [Unit],
    group_units: &[(u32, u32)],
    members: Vec<(EventIx, Option<EventIx>)>,
) -> Vec<Placed> {
    let mut placed = Vec::with_capacity(members.len());
    for (m, absorbed) in members {
        let e = ds.event(m);
        let g = root(ds, m);
        let (first, n) = group_units.get(g as usize).copied().unwrap_or((NONE, 0));
        if first == NONE {
            continue;
        }
        let candidates = first as usize..(first + n) as usize;
        let at = candidates
            .clone()
            .find(|&u| e.from.is_some() && units[u].from == e.from)
            .or_else(|| candidates.clone().find(|&u| units[u].group_people))
            .unwrap_or(first as usize);
        if let Some(u) = units.get_mut(at)
            && (e.count_disputed() || e.count_at_least())
        {
            u.range.widen(e.stated_counts(), e.count_disputed());
        }
        placed.push((m, absorbed, at));
    }
    placed
}

/// Each person's departure waiting for its destination (a unit index, or
/// [`NONE`]).
struct Pending(Vec<u32>);

impl Pending {
    /// Takes person `p`'s waiting departure.
    fn remove(&mut self, p: PersonIx) -> Option<usize> {
        let slot = self.0.get_mut(p as usize)?;
        let u = std::mem::replace(slot, NONE);
        (u != NONE).then_some(u as usize)
    }

    /// Records that person `p` left, in unit `u`, for places unknown.
    fn wait(&mut self, p: PersonIx, u: usize) {
        if let Some(slot) = self.0.get_mut(p as usize) {
            *slot = u as u32;
        }
    }
}

/// The group an event belongs to, following `part_of` to the top.
fn root(ds: &Dataset, mut e: EventIx) -> EventIx {
    for _ in 0..ds.events.len() {
        match ds.event(e).part_of() {
            Some(g) => e = g,
            None => break,
        }
    }
    e
}

/// The top parent of an organization.
fn top(ds: &Dataset, mut o: OrgIx) -> OrgIx {
    for _ in 0..ds.orgs.len() {
        match ds.org(o).parent {
            Some(p) => o = p,
            None => break,
        }
    }
    o
}

/// Merges the units (and the members of groups) into sorted pairs.
fn merge(ds: &Dataset, q: &FlowQuery, units: &[Unit], members: &[Placed]) -> Vec<(Pair, Flow)> {
    let tops: Vec<OrgIx> = if q.roll_up {
        (0..ds.orgs.len() as OrgIx).map(|o| top(ds, o)).collect()
    } else {
        Vec::new()
    };
    let map = |o: Option<OrgIx>| o.map(|o| tops.get(o as usize).copied().unwrap_or(o));
    // A move is dated by its arrival, by its departure when it has none.
    let period = q.period();
    let in_period = |u: &Unit| period.overlaps(ds.event(u.linked.unwrap_or(u.event)).date);
    // The counted units by pair (sorting beats hashing here).
    let mut keyed: Vec<(Pair, u32)> = units
        .iter()
        .enumerate()
        .filter_map(|(k, u)| {
            let pair = (map(u.from), map(u.to));
            (counted(u, pair) && in_period(u)).then_some((pair, k as u32))
        })
        .collect();
    keyed.sort_unstable();
    let mut out: Vec<(Pair, Flow)> = Vec::new();
    // The flow a unit counts in (NONE when dropped), by unit index.
    let mut unit_slot: Vec<u32> = vec![NONE; units.len()];
    for &(pair, k) in &keyed {
        if out.last().is_none_or(|(p, _)| *p != pair) {
            out.push((pair, Flow::default()));
        }
        let slot = out.len() - 1;
        unit_slot[k as usize] = slot as u32;
        let u = &units[k as usize];
        let f = &mut out[slot].1;
        f.range += u.range;
        f.events.push(u.event);
        f.events.extend(u.linked);
        f.people.extend(u.person);
        if u.group_people {
            f.people.extend(&ds.event(u.event).people);
        }
    }
    for &(m, absorbed, at) in members {
        let e = ds.event(m);
        let Some(f) = unit_slot
            .get(at)
            .and_then(|&slot| out.get_mut(slot as usize))
            .map(|(_, f)| f)
        else {
            continue;
        };
        f.people.extend(&e.people);
        f.events.push(m);
        f.events.extend(absorbed);
    }
    for (_, f) in &mut out {
        if f.people.len() > 1 {
            f.people.sort_unstable();
            f.people.dedup();
        }
        if f.events.len() > 1 {
            f.events.sort_unstable();
            f.events.dedup();
        }
    }
    out
}

/// People moving into and out of an organization, as ranges.
pub type Moves = (Range, Range);

/// The dataset's indexes of counts, from one pass over the moves: people
/// moving into and out of each organization, over all time and without
/// roll-up, first with its children (a parent's counts include its
/// children's, and moves between a parent and its children are inside it),
/// then its own (moves to or from the organization itself); and the range
/// each group move counts ([`Dataset::group_range`]).
#[allow(clippy::type_complexity)]
pub(super) fn org_moves(ds: &Dataset) -> (Vec<Moves>, Vec<Moves>, Vec<(EventIx, Range)>) {
    let (units, members) = units(ds);
    let groups = group_ranges(ds, &units, &members);
    let mut family = vec![Moves::default(); ds.orgs.len()];
    let mut own = vec![Moves::default(); ds.orgs.len()];
    // The organization and its ancestors.
    let chain = |o: OrgIx| {
        let mut v = vec![o];
        let mut at = o;
        while let Some(p) = ds.org(at).parent {
            if v.len() > ds.orgs.len() {
                break;
            }
            v.push(p);
            at = p;
        }
        v
    };
    for ((from, to), f) in merge(ds, &FlowQuery::default(), &units, &members) {
        let from_chain = from.map(chain).unwrap_or_default();
        let to_chain = to.map(chain).unwrap_or_default();
        for &a in &to_chain {
            if !from_chain.contains(&a) {
                family[a as usize].0 += f.range;
            }
        }
        for &a in &from_chain {
            if !to_chain.contains(&a) {
                family[a as usize].1 += f.range;
            }
        }
        if let Some(t) = to {
            own[t as usize].0 += f.range;
        }
        if let Some(f_) = from {
            own[f_ as usize].1 += f.range;
        }
    }
    (family, own, groups)
}

/// An organization's net gain as `rivals flow` and the Flows view write
/// it, people in minus people out: `+3`, `-2`, `0`. `None` for the unknown
/// organization (`?`): its moves are gaps in the data, no one's gain.
pub fn net_gain(org: Option<OrgIx>, into: u64, out: u64) -> Option<String> {
    org?;
    Some(match i128::from(into) - i128::from(out) {
        n if n > 0 => format!("+{n}"),
        n => n.to_string(),
    })
}

/// The moves that say they are `part_of` group `g` (directly), in date order.
pub fn members(ds: &Dataset, g: EventIx) -> Vec<EventIx> {
    let all = &ds.group_members;
    let start = all.partition_point(|&(x, _)| x < g);
    all[start..]
        .iter()
        .take_while(|&&(x, _)| x == g)
        .map(|&(_, m)| m)
        .collect()
}

/// How a group move reads: `8 people (1 named: Trapit Bansal)`, its size
/// as the flows count it (`7–≥8≠ people` when disputed or a lower bound,
/// see [`Dataset::group_range`]), naming the people of the event and of
/// its members; `None` for other events.
pub fn group_label(ds: &Dataset, e: EventIx) -> Option<String> {
    let event = ds.event(e);
    let stated = event.group_size()?;
    let range = ds.group_range(e).unwrap_or_else(|| Range::exact(stated));
    let size = range.marked();
    let mut named: Vec<PersonIx> = event.people.to_vec();
    for m in members(ds, e) {
        for &p in &ds.event(m).people {
            if !named.contains(&p) {
                named.push(p);
            }
        }
    }
    let people = if range.is_exact() && range.count == 1 {
        "person"
    } else {
        "people"
    };
    if named.is_empty() {
        return Some(format!("{size} {people}"));
    }
    let names: Vec<&str> = named.iter().map(|&p| ds.person(p).name.as_str()).collect();
    Some(format!(
        "{size} {people} ({} named: {})",
        names.len(),
        names.join(", ")
    ))
}

#[cfg(test)]
#[path = "flow_tests.rs"]
mod tests;
