//! Checks across records, once every record is built: the organization
//! graph, names shared between records, and dates against sources.

use super::super::flow::{MAX_COUNT, MAX_MOVED, people_moved};
use super::super::{Dataset, OrgIx};
use super::Broken;
use super::near_dupes::{self, Distinct};
use super::paths;
use super::position::FileId;
use super::validate::Validator;

// The hint of `total_moved` spells the maximum out.
const _: () = assert!(MAX_MOVED == 100_000_000);

/// Runs the checks, those that only warn when `warnings` is set, on every
/// record that parsed. Indexes are file positions: a record that did not
/// parse is a placeholder, marked in `broken`, which the checks skip.
pub(super) fn run(v: &mut Validator, ds: &Dataset, warnings: bool, broken: &Broken, distinct: &Distinct) {
    parents(v, ds);
    part_of(v, ds, broken);
    total_moved(v, ds);
    if warnings {
        shared_names(v, ds, broken);
        late_events(v, ds);
        super::fidelity::lone_disputes(v, ds);
        paths::check(v, ds, broken);
        near_dupes::check(v, ds, broken, distinct);
    }
}

/// The moves of the dataset add up to at most [`MAX_MOVED`] people:
/// reported once, at the event that goes past it. An event whose own
/// count is past its maximum is reported there, and not counted here.
fn total_moved(v: &mut Validator, ds: &Dataset) {
    let mut total: u64 = 0;
    for (i, e) in ds.events.iter().enumerate() {
        if e.count().is_some_and(|c| c > MAX_COUNT) {
            continue;
        }
        total += people_moved(e);
        if total > MAX_MOVED {
            let f = v.file(FileId::Events);
            let d = f
                .err(
                    f.key(i, "count"),
                    format!(
                        "with event `{}`, the moves add up to {total} people, more than {MAX_MOVED} people in one dataset",
                        e.id
                    ),
                )
                .hint("check the counts for a typo; a dataset counts at most 100000000 people moved");
            v.errors.push(d);
            return;
        }
    }
}

/// An organization must not be its own parent, directly or through others.
fn parents(v: &mut Validator, ds: &Dataset) {
    // 0 = not visited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; ds.orgs.len()];
    for start in 0..ds.orgs.len() {
        let mut path: Vec<usize> = Vec::new();
        let mut at = Some(start as OrgIx);
        while let Some(o) = at.map(|o| o as usize) {
            match state[o] {
                2 => break,
                1 => {
                    let cycle_from = path.iter().position(|&p| p == o).unwrap_or(0);
                    report_cycle(v, ds, &path[cycle_from..]);
                    break;
                }
                _ => {
                    state[o] = 1;
                    path.push(o);
                    at = ds.orgs[o].parent;
                }
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
}

/// A move with `part_of` belongs to a group move: one that exists, moves
/// people to the same organization, from where this move comes from; the
/// chain of groups ends; and a group names no more people than it counts.
/// (`part_of` still holds file positions here.)
fn part_of(v: &mut Validator, ds: &Dataset, broken: &Broken) {
    // People named in the members of each group, at the top of its chain.
    let mut named: Vec<u32> = vec![0; ds.events.len()];
    for (i, e) in ds.events.iter().enumerate() {
        let Some(g) = e.part_of() else { continue };
        if broken.events[g as usize] {
            continue;
        }
        if let Some((message, hint)) = member_problem(ds, i, g as usize) {
            let f = v.file(FileId::Events);
            let d = f.err(f.value(i, &["part_of"]), message).hint(hint);
            v.errors.push(d);
            continue;
        }
        if let Some(top) = top_group(v, ds, i, g as usize) {
            named[top] += e.people.len() as u32;
        }
    }
    group_counts(v, ds, &named);
}

/// What is wrong with event `i` being part of event `g`, if anything: a
/// message and a hint.
fn member_problem(ds: &Dataset, i: usize, g: usize) -> Option<(String, &'static str)> {
    let (e, group) = (&ds.events[i], &ds.events[g]);
    let org = |o: Option<OrgIx>| o.map_or("an unknown place", |o| ds.orgs[o as usize].id.as_str());
    let from_ok = match e.from {
        None => true,
        Some(f) if group.origins().is_empty() => group.from == Some(f),
        Some(f) => group.origins().iter().any(|o| o.from == f),
    };
    if g == i {
        Some((
            format!("event `{}` is part of itself", e.id),
            "name the group move it belongs to",
        ))
    } else if !e.is_move() {
        Some((
            format!(
                "event `{}` has kind `{}`, not a move, so it cannot be part of a group move",
                e.id, e.kind
            ),
            "only hires, departures, returns and foundings with `from` belong to group moves",
        ))
    } else if !group.is_move() || !group.is_group() {
        Some((
            format!(
                "`{}` is not a group move (a move with `count` or `origins`)",
                group.id
            ),
            "`part_of` names the group move this one belongs to",
        ))
    } else if group.to != e.to {
        Some((
            format!(
                "event `{}` goes to {}, but its group `{}` goes to {}",
                e.id,
                org(e.to),
                group.id,
                org(group.to)
            ),
            "a member of a group move goes where the group went",
        ))
    } else if !from_ok {
        Some((
            format!(
                "event `{}` comes from {}, which is not an origin of its group `{}`",
                e.id,
                org(e.from),
                group.id
            ),
            "add the origin (with its count) to the group, or fix `from`",
        ))
    } else {
        None
    }
}

/// The group at the top of the chain event `i` starts by being part of
/// `g`; `None` (reported) when the chain loops.
fn top_group(v: &mut Validator, ds: &Dataset, i: usize, g: usize) -> Option<usize> {
    let mut top = g;
    for step in 0..=ds.events.len() {
        match ds.events[top].part_of() {
            Some(next) if step < ds.events.len() => top = next as usize,
            Some(_) => {
                let f = v.file(FileId::Events);
                let d = f
                    .err(
                        f.value(i, &["part_of"]),
                        format!("event `{}` is in a cycle of `part_of`", ds.events[i].id),
                    )
                    .hint("a group move cannot belong, through others, to one of its members");
                v.errors.push(d);
                return None;
            }
            None => return Some(top),
        }
    }
    None
}

/// A group names no more people, itself and through its members
/// (`named`), than it counts.
fn group_counts(v: &mut Validator, ds: &Dataset, named: &[u32]) {
    for (i, e) in ds.events.iter().enumerate() {
        let Some(size) = e.group_size() else { continue };
        let total = named[i] + e.people.len() as u32;
        if e.part_of().is_none() && named[i] > 0 && total > size {
            let f = v.file(FileId::Events);
            let d = f
                .err(
                    f.key(i, "count"),
                    format!(
                        "group `{}` counts {size} people, but {total} are named in it and its members",
                        e.id
                    ),
                )
                .hint("count every person who moved, including those named here and in moves `part_of` it");
            v.errors.push(d);
        }
    }
}

/// Reports a parent cycle once, at the first of its organizations in the file.
fn report_cycle(v: &mut Validator, ds: &Dataset, cycle: &[usize]) {
    let Some(&first) = cycle.iter().min() else {
        return;
    };
    let org = &ds.orgs[first];
    let f = v.file(FileId::Organizations);
    let parent = org.parent.map_or("", |p| ds.orgs[p as usize].id.as_str());
    let pos = f.value(first, &["parent"]);
    let d = if cycle.len() == 1 {
        f.err(pos, format!("organization `{}` is its own parent", org.id))
            .hint("`parent` names the organization this one belongs to; remove it or name another")
    } else {
        let start = cycle.iter().position(|&o| o == first).unwrap_or(0);
        let names: Vec<&str> = cycle[start..]
            .iter()
            .chain(&cycle[..start])
            .chain(std::iter::once(&first))
            .map(|&o| ds.orgs[o].id.as_str())
            .collect();
        f.err(
            pos,
            format!(
                "organization `{}` has parent `{parent}`, which leads back to it: {}",
                org.id,
                names.join(" → ")
            ),
        )
        .hint("break the cycle: an organization cannot belong to itself")
    };
    v.errors.push(d);
}

/// Warns when an alias is another record's name or alias: searches and
/// suggestions cannot tell them apart.
fn shared_names(v: &mut Validator, ds: &Dataset, broken: &Broken) {
    let mut owners: hashbrown::HashMap<String, (FileId, usize)> = hashbrown::HashMap::new();
    let names = ds
        .orgs
        .iter()
        .enumerate()
        .map(|(i, o)| (FileId::Organizations, i, &o.name))
        .chain(
            ds.people
                .iter()
                .enumerate()
                .map(|(i, p)| (FileId::People, i, &p.name)),
        );
    let is_broken = |file: FileId, i: usize| match file {
        FileId::Organizations => broken.orgs[i],
        _ => broken.people[i],
    };
    for (file, i, name) in names.filter(|&(f, i, _)| !is_broken(f, i)) {
        owners.entry(name.to_lowercase()).or_insert((file, i));
    }
    let aliases = ds
        .orgs
        .iter()
        .enumerate()
        .map(|(i, o)| (FileId::Organizations, i, &o.aliases))
        .chain(
            ds.people
                .iter()
                .enumerate()
                .map(|(i, p)| (FileId::People, i, &p.aliases)),
        );
    for (file, i, list) in aliases {
        for alias in list {
            let key = alias.to_lowercase();
            let other = *owners.entry(key).or_insert((file, i));
            if other == (file, i) {
                continue;
            }
            let other_id = match other.0 {
                FileId::Organizations => &ds.orgs[other.1].id,
                _ => &ds.people[other.1].id,
            };
            let f = v.file(file);
            let pos = f.loc().token(i, "aliases", alias);
            let d = f
                .err(
                    pos,
                    format!("alias `{alias}` is also the name or an alias of `{other_id}`"),
                )
                .hint("searches for it find both; drop it or make it specific")
                .warning();
            v.errors.push(d);
        }
    }
}

/// Warns when an event is dated after the publication of every source it
/// cites (and all of them have a date): usually a typo in the year.
fn late_events(v: &mut Validator, ds: &Dataset) {
    for (i, e) in ds.events.iter().enumerate() {
        let published: Option<Vec<u32>> = e
            .sources
            .iter()
            .map(|&s| ds.source(s).published.map(|d| d.last_day()))
            .collect();
        let Some(latest) = published.and_then(|p| p.into_iter().max()) else {
            continue;
        };
        if e.date.first_day() > latest {
            let f = v.file(FileId::Events);
            let d = f
                .err(
                    f.value(i, &["date"]),
                    format!(
                        "event `{}` is dated {}, after every source it cites was published",
                        e.id, e.date
                    ),
                )
                .hint("check the year; an article cannot report what had not happened yet")
                .warning();
            v.errors.push(d);
        }
    }
}
