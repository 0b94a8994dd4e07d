//! `rivals show ID`: one record in full.

use super::{Failure, Origin, not_found, suggest};
use crate::model::{Dataset, Event, EventIx, Record, SourceIx};
use crate::text::{fit, sanitize};
use std::fmt::Write;

/// Appends the full description of record `id`, or fails with suggestions.
pub fn show(ds: &Dataset, id: &str, origin: Origin, out: &mut String) -> Result<(), Failure> {
    let Some(record) = ds.lookup(id) else {
        let near = suggest::suggest(id, ds.ids());
        let (place, hint) = not_found(origin, &near);
        return Err(Failure::new(format!(
            "no person, organization, event or source has id `{}`{place}",
            fit(id, 80)
        ))
        .hint(hint));
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
            let (hires_in, hires_out) = ds.org_moves[i as usize];
            w.field("moves", &format!("{hires_in} in, {hires_out} out"));
            let people: Vec<String> = ds.org_people[i as usize]
                .iter()
                .map(|&p| ds.person(p).name.clone())
                .collect();
            w.list("people", &people);
            w.para(&o.summary);
            w.timeline(ds, &ds.org_events[i as usize]);
            w.sources(ds, &o.sources);
        }
        Record::Event(i) => event(&mut w, ds, ds.event(i)),
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

fn event(w: &mut Writer, ds: &Dataset, e: &Event) {
    w.head(&e.summary, e.kind.as_str(), &e.id);
    w.field("date", &e.date.to_string());
    let names = |ixs: &mut dyn Iterator<Item = String>| ixs.collect::<Vec<_>>();
    w.list(
        "people",
        &names(&mut e.people.iter().map(|&p| ds.person(p).name.clone())),
    );
    if let Some(c) = e.count() {
        w.field("count", &c.to_string());
    }
    if let Some(f) = e.from {
        w.field("from", &ds.org(f).name);
    }
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
            .map(|t| format!("{t} ({})", a.normalized()))
            .unwrap_or_else(|| a.normalized());
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
                "  - {} [{}]",
                sanitize(&alt.value),
                sanitize(&from.join(", "))
            );
        }
    }
    w.sources(ds, &e.sources);
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
