//! Loading: from the four files' text to a validated [`Dataset`].
//!
//! This is the only module that calls serde_yaml, so the YAML crate can be
//! swapped here alone. Loading is pure (text in, dataset or diagnostics
//! out) and reports every problem it finds, never a partial dataset.
//!
//! The steps, one module each: [`parse`] the files into [`raw`] records
//! (rewording YAML errors in [`yaml_error`]), [`validate`] ids and
//! references while [`build`] turns raw records into the model's.

mod build;
mod parse;
mod raw;
mod validate;
mod yaml_error;

use super::diag::Diagnostic;
use super::{Dataset, Record};
use parse::{FileCtx, parse_list};
use raw::{RawEvent, RawOrg, RawPerson, RawSource};
use validate::{FileId, Validator};

/// The file names of a dataset folder, in load order.
pub const FILES: [&str; 4] = ["sources.yaml", "organizations.yaml", "people.yaml", "events.yaml"];

/// The text of a dataset's four files.
#[derive(Clone, Copy, Debug)]
pub struct Files<'a> {
    pub sources: &'a str,
    pub organizations: &'a str,
    pub people: &'a str,
    pub events: &'a str,
}

/// Validates the four files and builds the dataset, or returns every
/// problem found. `dir` prefixes file names in messages.
pub fn load(name: &str, files: &Files, dir: &str) -> Result<Dataset, Vec<Diagnostic>> {
    let texts = [files.sources, files.organizations, files.people, files.events];
    let file_ctx: [FileCtx; 4] = FileId::ALL.map(|f| FileCtx::new(dir, FILES[f.ix()], texts[f.ix()]));
    let mut errors = Vec::new();
    let sources = parse_list::<RawSource>(&file_ctx[0], &mut errors);
    let orgs = parse_list::<RawOrg>(&file_ctx[1], &mut errors);
    let people = parse_list::<RawPerson>(&file_ctx[2], &mut errors);
    let events = parse_list::<RawEvent>(&file_ctx[3], &mut errors);
    let (Some(sources), Some(orgs), Some(people), Some(events)) = (sources, orgs, people, events) else {
        return Err(errors);
    };

    let mut v = Validator {
        files: file_ctx,
        ids: hashbrown::HashMap::with_capacity(sources.len() + orgs.len() + people.len() + events.len()),
        errors,
    };
    for (i, s) in sources.iter().enumerate() {
        v.register(Record::Source(i as u32), &s.id);
    }
    for (i, o) in orgs.iter().enumerate() {
        v.register(Record::Org(i as u32), &o.id);
    }
    for (i, p) in people.iter().enumerate() {
        v.register(Record::Person(i as u32), &p.id);
    }
    for (i, e) in events.iter().enumerate() {
        v.register(Record::Event(i as u32), &e.id);
    }

    let mut ds = Dataset {
        name: name.to_string(),
        sources: build::sources(&mut v, sources),
        orgs: build::orgs(&mut v, orgs),
        people: build::people(&mut v, people),
        events: build::events(&mut v, events),
        ..Dataset::default()
    };
    if !v.errors.is_empty() {
        return Err(v.errors);
    }
    ds.events.sort_by_key(|e| e.date);
    ds.index();
    Ok(ds)
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
