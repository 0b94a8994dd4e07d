//! `rivals show ID`: one record in full.

use super::filter::not_found;
use super::{Failure, Origin, suggest};
use crate::fields::{self, Look};
use crate::model::{Dataset, EventIx, Record, SourceIx};
use crate::text::{fit, sanitize};
use std::fmt::Write;

/// Appends the full description of record `id`, or fails with suggestions.
pub fn show(ds: &Dataset, id: &str, origin: Origin, out: &mut String) -> Result<(), Failure> {
    let Some(record) = ds.lookup(id) else {
        let near = suggest::suggest(id, ds.ids());
        let (place, hint) = not_found(origin, id, &near);
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
            w.fields(ds, record);
            w.para(&p.summary);
            w.timeline(ds, record);
            w.sources(ds, &p.sources);
        }
        Record::Org(i) => {
            let o = ds.org(i);
            w.head(&o.name, o.kind.as_str(), &o.id);
            w.fields(ds, record);
            w.para(&o.summary);
            w.timeline(ds, record);
            w.sources(ds, &o.sources);
        }
        Record::Event(i) => {
            let e = ds.event(i);
            w.head(&e.summary, e.kind.as_str(), &e.id);
            w.fields(ds, record);
            w.sources(ds, &e.sources);
        }
        Record::Source(i) => {
            let s = ds.source(i);
            w.head(&s.title, "source", &s.id);
            w.fields(ds, record);
            w.supports(ds, i);
        }
    }
    Ok(())
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

    /// The record's fields, from the list the Detail pane shows too.
    fn fields(&mut self, ds: &Dataset, record: Record) {
        for f in fields::of(ds, record) {
            match f.look {
                Look::Quote => self.field(f.label, &format!("“{}”", f.value)),
                Look::Alternative(sources) => {
                    let from: Vec<&str> = sources.iter().map(|&s| ds.source(s).id.as_str()).collect();
                    let _ = writeln!(
                        self.0,
                        "  - {} [{}]",
                        sanitize(&f.value),
                        sanitize(&from.join(", "))
                    );
                }
                _ => self.field(f.label, &f.value),
            }
        }
    }

    fn para(&mut self, text: &str) {
        let _ = writeln!(self.0, "\n{}", sanitize(text.trim()));
    }

    /// The events the record lists, by the rule Detail follows too.
    fn timeline(&mut self, ds: &Dataset, record: Record) {
        let events = ds.record_events(record);
        if events.is_empty() {
            return;
        }
        let count = fields::events_count(ds, record, events.len());
        let _ = writeln!(self.0, "\ntimeline ({count})");
        self.timeline_rows(ds, &events);
    }

    fn timeline_rows(&mut self, ds: &Dataset, events: &[EventIx]) {
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

    /// What source `s` supports: its people, organizations and events.
    fn supports(&mut self, ds: &Dataset, s: SourceIx) {
        let Some(sup) = ds.source_support.get(s as usize) else {
            return;
        };
        let _ = writeln!(self.0, "\npeople ({})", sup.people.len());
        for &p in &sup.people {
            let p = ds.person(p);
            let _ = writeln!(self.0, "  {}  {}", sanitize(&p.id), sanitize(&p.name));
        }
        let _ = writeln!(self.0, "\norganizations ({})", sup.orgs.len());
        for &o in &sup.orgs {
            let o = ds.org(o);
            let _ = writeln!(self.0, "  {}  {}", sanitize(&o.id), sanitize(&o.name));
        }
        let _ = writeln!(self.0, "\nevents ({})", sup.events.len());
        self.timeline_rows(ds, &sup.events);
    }

    fn sources(&mut self, ds: &Dataset, sources: &[SourceIx]) {
        let _ = writeln!(self.0, "\nsources");
        for &s in sources {
            let s = ds.source(s);
            let _ = writeln!(self.0, "  {}  {}", sanitize(&s.id), sanitize(&s.title));
        }
    }
}
