//! `rivals show ID`: one record in full.

use super::Failure;
use crate::model::{self, Alternative, Dataset, Event, EventIx, OrgIx, Record, SourceIx};
use crate::text::sanitize;
use std::fmt::Write;

/// Appends the full description of record `id`, or fails with suggestions.
pub fn show(ds: &Dataset, id: &str, out: &mut String) -> Result<(), Failure> {
    let Some(record) = ds.lookup(id) else {
        let near = model::nearest(id, ds.ids(), 5);
        return Err(Failure(vec![
            format!("error: no person, organization, event or source has id `{id}`"),
            format!("  hint: did you mean: {}?", near.join(", ")),
        ]));
    };
    let mut w = Writer(out);
    match record {
        Record::Person(i) => {
            let p = ds.person(i);
            w.head(&p.name, "person", &p.id);
            w.list("aliases", &p.aliases);
            if let Some(at) = ds.whereabouts(i) {
                w.field("last seen at", &at);
            }
            w.para(&p.summary);
            w.timeline(ds, &ds.person_events[i as usize]);
            w.sources(ds, &p.sources);
        }
        Record::Org(i) => {
            let o = ds.org(i);
            w.head(&o.name, o.kind.as_str(), &o.id);
            w.list("aliases", &o.aliases);
            if let Some(parent) = o.parent {
                w.field("part of", &ds.org(parent).name);
            }
            if let Some(f) = o.founded {
                w.field("founded", &f.to_string());
            }
            let family = ds.family(i);
            let children: Vec<String> = ds.children(i).iter().map(|&c| ds.org(c).name.clone()).collect();
            w.list("children", &children);
            let (moves_in, moves_out) = ds.org_moves[i as usize];
            let incl = if children.is_empty() {
                String::new()
            } else {
                format!(" (incl. {})", children.join(", "))
            };
            w.field("moves", &format!("{moves_in} in, {moves_out} out{incl}"));
            let members = |o: &OrgIx| family.get(*o as usize).copied().unwrap_or(false);
            let orgs: Vec<OrgIx> = (0..ds.orgs.len() as OrgIx).filter(members).collect();
            let mut people: Vec<u32> = orgs
                .iter()
                .flat_map(|&o| ds.org_people[o as usize].iter().copied())
                .collect();
            if orgs.len() > 1 {
                people.sort_by_cached_key(|&p| ds.person(p).name.to_lowercase());
                people.dedup();
            }
            let people: Vec<String> = people.iter().map(|&p| ds.person(p).name.clone()).collect();
            w.list("people", &people);
            w.para(&o.summary);
            let mut events: Vec<EventIx> = orgs
                .iter()
                .flat_map(|&o| ds.org_events[o as usize].iter().copied())
                .collect();
            if orgs.len() > 1 {
                events.sort_unstable();
                events.dedup();
            }
            w.timeline(ds, &events);
            w.sources(ds, &o.sources);
        }
        Record::Event(i) => event(&mut w, ds, i),
        Record::Source(i) => {
            let s = ds.source(i);
            w.head(&s.title, "source", &s.id);
            if let Some(o) = &s.outlet {
                w.field("outlet", o);
            }
            w.field("language", &s.language);
            if let Some(p) = s.published {
                w.field("published", &p.to_string());
            }
            if let Some(f) = &s.file {
                w.field("file", f);
            }
        }
    }
    Ok(())
}

fn event(w: &mut Writer, ds: &Dataset, ix: EventIx) {
    let e: &Event = ds.event(ix);
    w.head(&e.summary, e.kind.as_str(), &e.id);
    w.field("date", &e.date.to_string());
    let names = |ixs: &mut dyn Iterator<Item = String>| ixs.collect::<Vec<_>>();
    w.list(
        "people",
        &names(&mut e.people.iter().map(|&p| ds.person(p).name.clone())),
    );
    if let Some(group) = model::group_label(ds, ix) {
        w.field("group", &group);
    }
    if let Some(f) = e.from {
        w.field("from", &ds.org(f).name);
    }
    let origins: Vec<String> = e
        .origins()
        .iter()
        .map(|o| format!("{} {}", ds.org(o.from).name, o.count))
        .collect();
    w.list("from", &origins);
    if let Some(g) = e.part_of() {
        w.field("part of", &ds.event(g).id);
    }
    let members: Vec<String> = model::members(ds, ix)
        .iter()
        .map(|&m| ds.event(m).id.clone())
        .collect();
    w.list("members", &members);
    if let Some(t) = e.to {
        w.field("to", &ds.org(t).name);
    }
    w.list(
        "also",
        &names(&mut e.orgs.iter().map(|&o| ds.org(o).name.clone())),
    );
    if let Some(r) = e.role() {
        w.field("role", r);
    }
    if let Some(a) = e.amount() {
        let stated = a
            .text
            .as_deref()
            .map(|t| format!("{t} ({})", a.describe()))
            .unwrap_or_else(|| a.describe());
        w.field("amount", &stated);
    }
    if let Some(q) = e.quote() {
        w.field("quote", &format!("“{}”", q.trim()));
    }
    if let Some(d) = e.disputed() {
        w.field("disputed", &d.note);
        for alt in &d.alternatives {
            let from: Vec<&str> = alt.sources.iter().map(|&s| ds.source(s).id.as_str()).collect();
            let _ = writeln!(
                w.0,
                "  - {}{} [{}]",
                sanitize(&alt.value),
                sanitize(&structured(alt)),
                sanitize(&from.join(", "))
            );
        }
    }
    w.sources(ds, &e.sources);
}

/// The structured values of an alternative, when its text does not
/// already say them: ` (7 people)`, ` (USD 14.3B)`.
fn structured(alt: &Alternative) -> String {
    let parts: Vec<String> = [
        alt.count.map(|c| format!("{c} people")),
        alt.amount.as_ref().map(|a| a.describe()),
        alt.date.map(|d| d.to_string()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let shown = parts.join(", ");
    if shown.is_empty() || shown == alt.value {
        String::new()
    } else {
        format!(" ({shown})")
    }
}

/// Appends labelled, sanitized lines.
struct Writer<'a>(&'a mut String);

impl Writer<'_> {
    fn head(&mut self, title: &str, kind: &str, id: &str) {
        let _ = writeln!(self.0, "{}\n{kind} · {}", sanitize(title), sanitize(id));
    }

    fn field(&mut self, label: &str, value: &str) {
        let _ = writeln!(self.0, "{label:<13} {}", sanitize(value));
    }

    fn list(&mut self, label: &str, values: &[String]) {
        if !values.is_empty() {
            self.field(label, &values.join(", "));
        }
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.0, "\n{}", sanitize(text.trim()));
    }

    fn timeline(&mut self, ds: &Dataset, events: &[EventIx]) {
        if events.is_empty() {
            return;
        }
        let _ = writeln!(self.0, "\ntimeline ({})", events.len());
        for &e in events {
            let e = ds.event(e);
            let _ = writeln!(
                self.0,
                "  {:<10}  {:<14}  {}",
                e.date.to_string(),
                e.kind.as_str(),
                sanitize(&e.summary)
            );
        }
    }

    fn sources(&mut self, ds: &Dataset, sources: &[SourceIx]) {
        let _ = writeln!(self.0, "\nsources");
        for &s in sources {
            let s = ds.source(s);
            let _ = writeln!(self.0, "  {}  {}", sanitize(&s.id), sanitize(&s.title));
        }
    }
}
