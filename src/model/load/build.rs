//! Turning raw records into the model's, resolving every reference
//! through the validator (which collects the problems).

use super::super::flow::MAX_COUNT;
use super::super::{
    Alternative, Date, Details, Disputed, Event, EventKind, OrgIx, Organization, Origin, Person, Source,
};
use super::blank::{self, UNDATED};
use super::fidelity;
use super::near_dupes::Distinct;
use super::parse::Slot;
use super::position::{At, FileId};
use super::raw::{RawAlternative, RawDisputed, RawEvent, RawOrg, RawOrigin, RawPerson, RawSource};
use super::validate::{Owner, Validator, Want};

/// The hint for a count past [`MAX_COUNT`].
const TOO_MANY: &str =
    "one event counts at most 1000000 people; check for a typo, or split the event by date or origin";

// The messages above and below spell the maximum out.
const _: () = assert!(MAX_COUNT == 1_000_000);

/// The position of `key` in record `rec` of `file`.
fn at(file: FileId, rec: usize, key: &'static str) -> At {
    At { file, rec, key }
}

/// Builds the sources (a blank placeholder for each that did not parse).
pub(super) fn sources(v: &mut Validator, raw: Vec<Slot<RawSource>>) -> Vec<Source> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, slot) in raw.into_iter().enumerate() {
        let s = match slot {
            Slot::Ok(s) => s,
            Slot::Broken(id) => {
                out.push(blank::source(id));
                continue;
            }
        };
        let here = at(FileId::Sources, i, "title");
        v.non_empty(&s.title, here);
        v.non_empty(&s.language, here.key("language"));
        v.not_blank(s.outlet.as_deref(), here.key("outlet"));
        let published = s.published.and_then(|d| v.date(&d.0, here.key("published")));
        out.push(Source {
            id: s.id,
            title: s.title,
            outlet: s.outlet,
            language: s.language,
            published,
            file: s.file,
        });
    }
    out
}

/// Builds the organizations (a blank placeholder for each that did not parse).
/// Pairs marked `distinct_from` go to `distinct`.
pub(super) fn orgs(v: &mut Validator, raw: Vec<Slot<RawOrg>>, distinct: &mut Distinct) -> Vec<Organization> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, slot) in raw.into_iter().enumerate() {
        let o = match slot {
            Slot::Ok(o) => o,
            Slot::Broken(id) => {
                out.push(blank::org(id));
                continue;
            }
        };
        let owner = Owner("organization", &o.id);
        let here = at(FileId::Organizations, i, "name");
        v.non_empty(&o.name, here);
        v.non_empty(&o.summary, here.key("summary"));
        v.aliases(&o.aliases, &o.name, here.key("aliases"));
        let parent = o
            .parent
            .as_deref()
            .and_then(|p| v.resolve(Want::Org, p, here.key("parent"), owner));
        let founded = o.founded.and_then(|d| v.date(&d.0, here.key("founded")));
        let sources = v.sources(&o.sources, here.key("sources"), owner);
        v.not_blank(o.beyond_sources.as_deref(), here.key("beyond_sources"));
        distinct.add(
            v,
            (Want::Org, i),
            &o.distinct_from,
            here.key("distinct_from"),
            owner,
        );
        out.push(Organization {
            id: o.id,
            name: o.name,
            aliases: o.aliases,
            kind: o.kind,
            parent,
            founded,
            summary: o.summary,
            sources,
            beyond_sources: o.beyond_sources,
        });
    }
    out
}

/// Builds the people (a blank placeholder for each that did not parse).
/// Pairs marked `distinct_from` go to `distinct`.
pub(super) fn people(v: &mut Validator, raw: Vec<Slot<RawPerson>>, distinct: &mut Distinct) -> Vec<Person> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, slot) in raw.into_iter().enumerate() {
        let p = match slot {
            Slot::Ok(p) => p,
            Slot::Broken(id) => {
                out.push(blank::person(id));
                continue;
            }
        };
        let owner = Owner("person", &p.id);
        let here = at(FileId::People, i, "name");
        v.non_empty(&p.name, here);
        v.non_empty(&p.summary, here.key("summary"));
        v.aliases(&p.aliases, &p.name, here.key("aliases"));
        let sources = v.sources(&p.sources, here.key("sources"), owner);
        v.not_blank(p.beyond_sources.as_deref(), here.key("beyond_sources"));
        distinct.add(
            v,
            (Want::Person, i),
            &p.distinct_from,
            here.key("distinct_from"),
            owner,
        );
        out.push(Person {
            id: p.id,
            name: p.name,
            aliases: p.aliases,
            summary: p.summary,
            sources,
            beyond_sources: p.beyond_sources,
        });
    }
    out
}

/// Fewer events than this are built on one thread.
const PARALLEL_EVENTS: usize = 20_000;

/// Builds the events, in file order: a large file in two halves, the
/// second on another thread with a validator of its own.
pub(super) fn events(v: &mut Validator, mut raw: Vec<Slot<RawEvent>>) -> Vec<Event> {
    if raw.len() < PARALLEL_EVENTS {
        return events_from(v, raw, 0);
    }
    let half = raw.len() / 2;
    let second = raw.split_off(half);
    let mut other = v.child();
    let (mut out, rest) = std::thread::scope(|s| {
        let worker = s.spawn(|| events_from(&mut other, second, half));
        let first = events_from(v, raw, 0);
        let rest = worker
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (first, rest)
    });
    out.extend(rest);
    v.adopt(other);
    out
}

/// Builds `raw`, the events from record `first` of the file on; a record
/// that did not parse becomes an undated placeholder, so that every index
/// stays a file position.
fn events_from(v: &mut Validator, raw: Vec<Slot<RawEvent>>, first: usize) -> Vec<Event> {
    let mut out = Vec::with_capacity(raw.len());
    for (i, slot) in raw.into_iter().enumerate() {
        out.push(match slot {
            Slot::Ok(e) => event(v, e, first + i),
            Slot::Broken(id) => blank::event(id),
        });
    }
    out
}

/// Builds event `i`; a bad date becomes a placeholder (the error is kept).
fn event(v: &mut Validator, e: RawEvent, i: usize) -> Event {
    let owner = Owner("event", &e.id);
    let here = at(FileId::Events, i, "summary");
    v.non_empty(&e.summary, here);
    let date = v.date(&e.date.0, here.key("date")).unwrap_or(UNDATED);
    let people = v.resolve_all(Want::Person, &e.people, here.key("people"), owner);
    let mut org = |id: &Option<String>, key: &'static str| -> Option<OrgIx> {
        id.as_deref()
            .and_then(|id| v.resolve(Want::Org, id, here.key(key), owner))
    };
    let from = org(&e.from, "from");
    let to = org(&e.to, "to");
    v.listed_twice(&e.orgs, "orgs", here.key("orgs"), owner);
    let orgs = v.resolve_all(Want::Org, &e.orgs, here.key("orgs"), owner);
    v.not_blank(e.role.as_deref(), here.key("role"));
    v.not_blank(e.quote.as_deref(), here.key("quote"));
    crowd(v, &e, i, owner);
    if e.at_least.is_some() && e.count.is_none() {
        v.report_key(
            here.key("at_least"),
            format!("{owner} has `at_least` but no `count`"),
            AT_LEAST,
        );
    }
    if e.quote.is_some() && e.people.is_empty() {
        v.report_key(
            here.key("quote"),
            format!("{owner} has a quote but no person who said it"),
            "name the speaker first in `people`",
        );
    }
    let origins = origins(v, &e, i);
    let outcome = fidelity::event(v, &e, i, owner);
    let amount = e.amount.and_then(|a| {
        let f = v.file(FileId::Events);
        let from = f.key(i, "amount");
        v.amount(*a, i, &["amount"], from)
    });
    let part_of = e
        .part_of
        .as_deref()
        .and_then(|g| v.resolve(Want::Event, g, here.key("part_of"), owner));
    let disputed = e.disputed.map(|d| dispute(v, *d, i, owner, "disputed"));
    let uncertain = e.uncertain.map(|d| dispute(v, *d, i, owner, "uncertain"));
    let sources = v.sources(&e.sources, here.key("sources"), owner);
    let details = Details {
        count: e.count,
        at_least: e.at_least.unwrap_or(false),
        origins,
        part_of,
        role: e.role,
        amount: amount.map(Box::new),
        quote: e.quote,
        disputed: disputed.map(Box::new),
        uncertain: uncertain.map(Box::new),
        outcome,
        beyond_sources: e.beyond_sources,
    };
    let details = (details != Details::default()).then(|| Box::new(details));
    Event {
        id: e.id,
        date,
        kind: e.kind,
        people: people.into(),
        from,
        to,
        orgs: orgs.into(),
        summary: e.summary,
        sources: sources.into(),
        details,
    }
}

/// Checks and builds the `disputed` or `uncertain` block (`key`) of event
/// record `i`.
fn dispute(v: &mut Validator, d: RawDisputed, i: usize, owner: Owner, key: &'static str) -> Disputed {
    let here = at(FileId::Events, i, key);
    v.non_empty(&d.note, here);
    if d.alternatives.is_empty() {
        v.report_key(
            here,
            format!("{owner} is {key} but lists no alternative values"),
            &format!("add `alternatives: [{{value: ..., sources: [...]}}]` under `{key}`"),
        );
    }
    // Each alternative's amount is found as the nth `amount:` of the block.
    let mut amounts = 0;
    let mut alternatives: Vec<Alternative> = d
        .alternatives
        .into_iter()
        .map(|a| {
            let nth = amounts;
            amounts += usize::from(a.amount.is_some());
            alternative(v, a, i, owner.1, key, nth)
        })
        .collect();
    // The list is collected in the parsed list's place, which has room for
    // four: give back what one or two alternatives do not use.
    alternatives.shrink_to_fit();
    Disputed {
        note: d.note,
        alternatives,
    }
}

/// The hint for `at_least` without a `count`.
const AT_LEAST: &str = "`at_least: true` says a `count` is a lower bound: give the count (`count: 8, at_least: true`), or leave `at_least` out";

/// Checks who an event moves: `count` against the people named, each
/// person once, and a move between two different organizations.
fn crowd(v: &mut Validator, e: &RawEvent, i: usize, owner: Owner) {
    let here = at(FileId::Events, i, "count");
    if e.count == Some(0) {
        v.report_value(
            here.key("count"),
            "`count` is 0".into(),
            "count how many people moved (at least 1), or leave it out",
        );
    } else if let Some(count) = e.count.filter(|&c| c > MAX_COUNT) {
        v.report_value(
            here.key("count"),
            format!("`count` is {count}, more than {MAX_COUNT} people in one event"),
            TOO_MANY,
        );
    } else if let Some(count) = e.count.filter(|&c| (c as usize) < e.people.len()) {
        v.report_value(
            here.key("count"),
            format!("`count` is {count}, but {} people are named", e.people.len()),
            "count every person who moved, including those named in `people`",
        );
    }
    let mut seen: hashbrown::HashMap<&str, usize> = hashbrown::HashMap::with_capacity(e.people.len());
    for p in &e.people {
        let nth = seen.entry(p.as_str()).or_insert(0);
        *nth += 1;
        let nth = *nth - 1;
        if nth > 0 {
            let f = v.file(FileId::Events);
            let pos = f.loc().token_nth(i, "people", p, nth);
            let d = f
                .err(pos, format!("{owner} names `{p}` twice in `people`"))
                .hint("list each person once");
            v.errors.push(d);
        }
    }
    let moves = e.kind.is_move() || (e.kind == EventKind::Founding && e.from.is_some());
    if moves && e.from.is_some() && e.from == e.to {
        let id = e.from.as_deref().unwrap_or_default();
        let f = v.file(FileId::Events);
        let pos = f.loc().token(i, "to", id);
        let d = f
            .err(pos, format!("{owner} moves from `{id}` to itself"))
            .hint("`from` is where they left, `to` where they went; leave one out if unknown");
        v.errors.push(d);
    }
}

/// Checks and resolves a group move's `origins` (event record `i`).
fn origins(v: &mut Validator, e: &RawEvent, i: usize) -> Vec<Origin> {
    if e.origins.is_empty() {
        return Vec::new();
    }
    let owner = Owner("event", &e.id);
    let here = at(FileId::Events, i, "origins");
    let moves = e.kind.is_move() || e.kind == EventKind::Founding;
    let problem = if !moves {
        Some((
            format!("{owner} has kind `{}`, but `origins` is for group moves", e.kind),
            "only hires, departures, returns and foundings move people; remove `origins`",
        ))
    } else if e.from.is_some() {
        Some((
            format!("{owner} has both `from` and `origins`"),
            "a group from one organization uses `from`; from several, `origins` (and no `from`)",
        ))
    } else if !e.people.is_empty() {
        Some((
            format!("{owner} has `origins` and names people"),
            "record each named member as their own move with `part_of`, so their origin is known",
        ))
    } else {
        None
    };
    if let Some((message, hint)) = problem {
        v.report_key(here, message, hint);
    }
    let mut out: Vec<Origin> = Vec::with_capacity(e.origins.len());
    for RawOrigin { from, count } in &e.origins {
        let Some(o) = v.resolve(Want::Org, from, here, owner) else {
            continue;
        };
        let f = v.file(FileId::Events);
        let pos = f.loc().token(i, "origins", from);
        let complaint = if *count == 0 {
            Some((
                "`count` is 0 for origin",
                "count how many came from it (at least 1), or remove the origin",
            ))
        } else if *count > MAX_COUNT {
            Some(("`count` is more than 1000000 people for origin", TOO_MANY))
        } else if out.iter().any(|x| x.from == o) {
            Some((
                "twice listed origin",
                "list each origin once, with the total from it",
            ))
        } else if e.to.as_deref() == Some(from.as_str()) {
            Some((
                "a move to itself from origin",
                "an origin is where people left, `to` where they went",
            ))
        } else {
            None
        };
        if let Some((what, hint)) = complaint {
            let d = f.err(pos, format!("{owner}: {what} `{from}`")).hint(hint);
            v.errors.push(d);
            continue;
        }
        out.push(Origin {
            from: o,
            count: *count,
        });
    }
    // In u64: the counts as written, even past the maximum, cannot wrap.
    let sum: u64 = e.origins.iter().map(|o| u64::from(o.count)).sum();
    if sum > u64::from(MAX_COUNT) && out.len() == e.origins.len() {
        v.report_key(
            here,
            format!("the origins of {owner} add up to {sum}, more than {MAX_COUNT} people in one event"),
            TOO_MANY,
        );
    } else if let Some(count) = e.count.filter(|&c| u64::from(c) < sum) {
        v.report_value(
            at(FileId::Events, i, "count"),
            format!("`count` is {count}, but the origins add up to {sum}"),
            "`count` is the whole group: at least the sum of its origins (the rest came from unknown places)",
        );
    }
    // What is kept adds up to at most the maximum, so no sum of it wraps.
    let mut kept = 0;
    out.retain(|o| {
        kept += u64::from(o.count);
        kept <= u64::from(MAX_COUNT)
    });
    out
}

/// Checks and builds one alternative of the `disputed` or `uncertain`
/// block `key` (event record `i`), whose amount, if any, is the block's
/// `nth` (0-based).
fn alternative(
    v: &mut Validator,
    a: RawAlternative,
    i: usize,
    event: &str,
    key: &'static str,
    nth: usize,
) -> Alternative {
    let here = at(FileId::Events, i, key);
    let owner = Owner("an alternative of event", event);
    if a.value.is_none() && a.count.is_none() && a.amount.is_none() && a.date.is_none() {
        v.report_key(
            here,
            format!("{owner} gives no value"),
            "give `value` (text), `count`, `amount` or `date`",
        );
    }
    if a.at_least.is_some() && a.count.is_none() {
        let f = v.file(FileId::Events);
        let pos = f.loc().token(i, key, "at_least");
        let d = f
            .err(pos, format!("{owner} has `at_least` but no `count`"))
            .hint(AT_LEAST);
        v.errors.push(d);
    }
    if a.count == Some(0) {
        let f = v.file(FileId::Events);
        let pos = f.loc().token(i, key, "count");
        let d = f
            .err(pos, format!("{owner} has `count: 0`"))
            .hint("a disputed count is how many people a source says moved (at least 1)");
        v.errors.push(d);
    } else if let Some(count) = a.count.filter(|&c| c > MAX_COUNT) {
        let f = v.file(FileId::Events);
        let pos = f.loc().token(i, key, "count");
        let d = f
            .err(
                pos,
                format!("{owner} has `count: {count}`, more than {MAX_COUNT} people in one event"),
            )
            .hint(TOO_MANY);
        v.errors.push(d);
    }
    let amount = a.amount.and_then(|m| {
        let f = v.file(FileId::Events);
        let disputed = f.key(i, key);
        let end = f.loc().record(i + 1).0;
        let end = if end > disputed.0 { end } else { usize::MAX };
        let from = f
            .key_after(disputed, end, "amount", nth)
            .map_or(disputed, |(key, _)| key);
        v.amount(m, i, &[], from)
    });
    let date = a.date.and_then(|d| {
        let parsed = Date::parse(&d.0);
        if let Err(msg) = &parsed {
            let f = v.file(FileId::Events);
            let pos = f.loc().token(i, key, &d.0);
            let e = f
                .err(pos, msg.clone())
                .hint("write YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source");
            v.errors.push(e);
        }
        parsed.ok()
    });
    // Without a `value`, the text is the structured values, an amount as
    // the article words it.
    let value = match a.value {
        Some(text) => text.0,
        None => {
            let parts: Vec<String> = [
                a.count.map(|c| format!("{c} people")),
                amount
                    .as_ref()
                    .map(|m| m.text.clone().unwrap_or_else(|| m.describe())),
                date.map(|d| d.to_string()),
            ]
            .into_iter()
            .flatten()
            .collect();
            parts.join(", ")
        }
    };
    Alternative {
        value,
        count: a.count,
        at_least: a.at_least.unwrap_or(false),
        amount,
        date,
        sources: v.sources(&a.sources, here, owner),
    }
}
