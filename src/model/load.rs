//! Loading: from the four files' text to a validated [`Dataset`].
//!
//! This is the only module that calls serde_yaml, so the YAML crate can be
//! swapped here alone. Loading is pure (text in, dataset or diagnostics
//! out) and reports every problem it finds, never a partial dataset.
//!
//! The steps, one module each: [`prescan`] the text for what the parser
//! would misplace, [`parse`] the files into [`raw`] records (rewording YAML
//! errors in [`yaml_error`]), [`validate`] ids, references, dates, text and
//! amounts ([`currency`]) at named [`position`]s while [`build`] turns raw
//! records into the model's ([`fidelity`] for how a record follows its
//! sources), then run the [`checks`] across records (some of which are
//! warnings). Every check runs on every record that parsed, whatever
//! failed elsewhere, so one run reports everything. The JSON Schemas of
//! the files are
//! generated from the same [`raw`] records ([`mod@schema`]).

mod blank;
mod build;
mod checks;
mod currency;
mod fidelity;
mod near_dupes;
mod parse;
mod paths;
mod position;
mod prescan;
mod raw;
mod schema;
mod syntax;
mod validate;
mod yaml_error;

use super::diag::Diagnostic;
use super::{Dataset, Record};
use parse::{FileCtx, Memo, Slot, parse_list, parse_memo};
use position::FileId;
use raw::{RawEvent, RawOrg, RawPerson, RawSource};
pub use schema::{DataFile, schema};
use validate::Validator;

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

/// A dataset that loaded, with the warnings found on the way.
///
/// `rivals check` prints the warnings and succeeds; `check --strict` uses
/// [`Loaded::strict`] to make them errors.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Loaded {
    /// The validated dataset.
    pub dataset: Dataset,
    /// Problems that do not stop loading, in file order; each has
    /// [`Severity::Warning`](super::Severity::Warning).
    pub warnings: Vec<Diagnostic>,
}

impl Loaded {
    /// The dataset if there are no warnings; otherwise the warnings, turned
    /// into errors.
    pub fn strict(&self) -> Result<&Dataset, Vec<Diagnostic>> {
        if self.warnings.is_empty() {
            return Ok(&self.dataset);
        }
        Err(self
            .warnings
            .iter()
            .cloned()
            .map(|mut d| {
                d.severity = super::Severity::Error;
                d
            })
            .collect())
    }
}

/// Validates the four files and builds the dataset, or returns every
/// error found. `dir` prefixes file names in messages. Warnings are not
/// looked for; use [`load_checked`] to see them.
pub fn load(name: &str, files: &Files, dir: &str) -> Result<Dataset, Vec<Diagnostic>> {
    load_with(name, files, dir, false, None, &Layering::default()).map(|l| l.dataset)
}

/// Like [`load`], keeping the warnings. On failure the list holds every
/// error and every warning (tell them apart by [`Diagnostic::severity`]).
pub fn load_checked(name: &str, files: &Files, dir: &str) -> Result<Loaded, Vec<Diagnostic>> {
    load_with(name, files, dir, true, None, &Layering::default())
}

/// What the last loads of a dataset parsed, file by file, so that loading
/// it again (a `--watch` reload) does not parse a file whose text has not
/// changed. It holds a copy of every file's parsed records.
#[derive(Default)]
pub struct Reuse {
    sources: Option<Memo<RawSource>>,
    orgs: Option<Memo<RawOrg>>,
    people: Option<Memo<RawPerson>>,
    events: Option<Memo<RawEvent>>,
}

impl std::fmt::Debug for Reuse {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.debug_struct("Reuse").finish_non_exhaustive()
    }
}

/// What the loader knows of the layers a dataset's text comes from
/// (nothing, for one folder or the embedded data alone).
#[derive(Debug, Default)]
pub(super) struct Layering {
    /// For each file (in [`FILES`] order), where each layer's part of the
    /// merged text starts: (first line, layer), in order. Ids are
    /// registered layer by layer, so a clash is blamed on the later layer.
    pub parts: [Vec<(usize, usize)>; 4],
    /// Whether the embedded data is not among the layers: a reference to an
    /// unknown id that the embedded data holds then hints `--data embedded`.
    pub hint_embedded: bool,
}

impl Layering {
    /// The layer of the record of file `k` whose first line is `line`.
    fn layer(&self, k: usize, line: usize) -> usize {
        let parts = &self.parts[k];
        let at = parts.partition_point(|&(first, _)| first <= line);
        at.checked_sub(1).map_or(0, |i| parts[i].1)
    }

    /// How many layers there are (at least one).
    fn count(&self) -> usize {
        self.parts
            .iter()
            .flatten()
            .map(|&(_, l)| l + 1)
            .max()
            .unwrap_or(1)
    }
}

/// Loads, looking for warnings only when `warnings` is set (they cost a
/// pass over the records and positions in the text), and reusing what
/// `reuse` remembers of files whose text is unchanged.
pub(super) fn load_with(
    name: &str,
    files: &Files,
    dir: &str,
    warnings: bool,
    reuse: Option<&mut Reuse>,
    layering: &Layering,
) -> Result<Loaded, Vec<Diagnostic>> {
    let texts = [files.sources, files.organizations, files.people, files.events];
    let file_ctx: [FileCtx; 4] = FileId::ALL.map(|f| FileCtx::new(dir, FILES[f.ix()], texts[f.ix()]));
    let mut errors = Vec::new();
    let e = &mut errors;
    let (sources, orgs, people, events) = match reuse {
        Some(r) => (
            parse_memo::<RawSource>(&file_ctx[0], e, &mut r.sources),
            parse_memo::<RawOrg>(&file_ctx[1], e, &mut r.orgs),
            parse_memo::<RawPerson>(&file_ctx[2], e, &mut r.people),
            parse_memo::<RawEvent>(&file_ctx[3], e, &mut r.events),
        ),
        None => (
            parse_list::<RawSource>(&file_ctx[0], e),
            parse_list::<RawOrg>(&file_ctx[1], e),
            parse_list::<RawPerson>(&file_ctx[2], e),
            parse_list::<RawEvent>(&file_ctx[3], e),
        ),
    };
    // A file not read, or with a record whose id could not be read:
    // references into it are not checked.
    let unreadable = [
        ids_unknown(&sources),
        ids_unknown(&orgs),
        ids_unknown(&people),
        ids_unknown(&events),
    ];
    let (sources, orgs, people, events) = (
        sources.unwrap_or_default(),
        orgs.unwrap_or_default(),
        people.unwrap_or_default(),
        events.unwrap_or_default(),
    );
    let broken = Broken {
        paths: !unreadable[1] && !unreadable[2],
        orgs: broken_mask(&orgs),
        people: broken_mask(&people),
        events: broken_mask(&events),
    };
    let records = sources.len() + orgs.len() + people.len() + events.len();
    let mut v = Validator::new(file_ctx, unreadable, errors, records);
    v.hint_embedded = layering.hint_embedded;
    v.warnings = warnings;
    for layer in 0..layering.count() {
        register(&mut v, &sources, Record::Source, layering, layer);
        register(&mut v, &orgs, Record::Org, layering, layer);
        register(&mut v, &people, Record::Person, layering, layer);
        register(&mut v, &events, Record::Event, layering, layer);
    }

    let mut distinct = near_dupes::Distinct::default();
    let mut ds = Dataset {
        name: name.to_string(),
        sources: build::sources(&mut v, sources),
        orgs: build::orgs(&mut v, orgs, &mut distinct),
        people: build::people(&mut v, people, &mut distinct),
        events: build::events(&mut v, events),
        ..Dataset::default()
    };
    checks::run(&mut v, &ds, warnings, &broken, &distinct);
    // Parse errors come first; report everything in file order instead.
    let rank = |d: &Diagnostic| FILES.iter().position(|f| d.file.ends_with(f));
    v.errors.sort_by_key(|d| (rank(d), d.line, d.col));
    if v.errors.iter().any(|d| !d.is_warning()) {
        return Err(v.errors);
    }
    sort_events(&mut ds.events);
    ds.index();
    Ok(Loaded {
        dataset: ds,
        warnings: v.errors,
    })
}

/// Sorts events by date (file order among equals), keeping `part_of`
/// pointing at the same events. The events are moved in place, cycle by
/// cycle: no second list of 100,000 events is allocated.
fn sort_events(events: &mut [super::Event]) {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].date);
    if order.iter().enumerate().all(|(new, &old)| new == old) {
        return;
    }
    let mut new_ix = vec![0u32; events.len()];
    for (new, &old) in order.iter().enumerate() {
        new_ix[old] = new as u32;
    }
    // Position `p` must receive the event at `order[p]`.
    let mut placed = vec![false; events.len()];
    for start in 0..events.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            events.swap(at, from);
            at = from;
        }
    }
    for e in events.iter_mut() {
        if let Some(d) = e.details.as_mut()
            && let Some(g) = d.part_of
        {
            d.part_of = new_ix.get(g as usize).copied();
        }
    }
}

/// The records that did not parse, file by file: the dataset the checks
/// see holds a blank placeholder for each (so indexes stay file
/// positions), which the checks skip.
pub(super) struct Broken {
    /// Whether every id of people and organizations is known: the path
    /// checks need them all.
    pub paths: bool,
    pub orgs: Vec<bool>,
    pub people: Vec<bool>,
    pub events: Vec<bool>,
}

/// Whether some ids of a file are unknown: it could not be read, or a
/// record's id could not be.
fn ids_unknown<T>(slots: &Option<Vec<Slot<T>>>) -> bool {
    slots
        .as_ref()
        .is_none_or(|s| s.iter().any(|s| matches!(s, Slot::Broken(None))))
}

/// Which records of a file did not parse.
fn broken_mask<T>(slots: &[Slot<T>]) -> Vec<bool> {
    slots.iter().map(|s| matches!(s, Slot::Broken(_))).collect()
}

/// Registers the id of every record of a file in layer `layer`, parsed or
/// not.
fn register<T: raw::HasId>(
    v: &mut Validator,
    slots: &[Slot<T>],
    record: fn(u32) -> Record,
    layering: &Layering,
    layer: usize,
) {
    let (file, _) = FileId::of(record(0));
    let k = file.ix();
    let layered = !layering.parts[k].is_empty();
    for (i, slot) in slots.iter().enumerate() {
        if layered && layering.layer(k, v.file(file).loc().record(i).0) != layer {
            continue;
        }
        if !layered && layer > 0 {
            return;
        }
        let id = match slot {
            Slot::Ok(r) => Some(r.id()),
            Slot::Broken(id) => id.as_deref(),
        };
        if let Some(id) = id {
            v.register(record(i as u32), id);
        }
    }
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "curator_tests.rs"]
mod curator_tests;

#[cfg(test)]
#[path = "group_tests.rs"]
mod group_tests;

#[cfg(test)]
#[path = "fidelity_tests.rs"]
mod fidelity_tests;

#[cfg(test)]
#[path = "all_checks_tests.rs"]
mod all_checks_tests;
