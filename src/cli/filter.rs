//! The event filters with their ids resolved: which events `timeline`,
//! `export` and `flow --org` keep, and the messages for an id that names
//! nothing or a record of another kind.

use super::args::Filters;
use super::search::describe;
use super::{Failure, Origin, suggest};
use crate::model::{Dataset, Date, Event, EventKind, OrgIx, Period, PersonIx, Record, SourceIx};
use crate::text::fit;

impl Filters {
    /// The filters with their ids resolved in `ds`.
    pub(super) fn resolve(&self, ds: &Dataset, origin: Origin) -> Result<EventFilter, Failure> {
        let id = |id: &Option<String>, want| {
            id.as_deref()
                .map(|id| filter_id(ds, origin, id, want))
                .transpose()
        };
        Ok(EventFilter {
            person: id(&self.person, Want::Person)?,
            org: id(&self.org, Want::Org)?,
            kind: self.kind,
            from: self.from,
            to: self.to,
            source: id(&self.source, Want::Source)?,
        })
    }
}

/// The kind of record a timeline filter takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Want {
    Person,
    Org,
    Source,
}

impl Want {
    fn noun(self) -> &'static str {
        match self {
            Want::Person => "person",
            Want::Org => "organization",
            Want::Source => "source",
        }
    }

    /// The index of `r` if it is of this kind.
    fn index(self, r: Record) -> Option<u32> {
        match (self, r) {
            (Want::Person, Record::Person(i))
            | (Want::Org, Record::Org(i))
            | (Want::Source, Record::Source(i)) => Some(i),
            _ => None,
        }
    }

    /// The timeline flag that takes this kind of id.
    fn flag(self) -> &'static str {
        match self {
            Want::Person => "--person",
            Want::Org => "--org",
            Want::Source => "--source",
        }
    }
}

/// The end of a "not found" message for `id`: which dataset was searched,
/// and where to find ids (the embedded data, when it has `id` and is not
/// among the layers).
pub(super) fn not_found(origin: Origin, id: &str, near: &[&str]) -> (&'static str, String) {
    let hint = if near.is_empty() {
        "find ids with `rivals search TEXT`.".to_string()
    } else {
        format!("did you mean: {}?", near.join(", "))
    };
    match origin {
        Origin::Folder if Dataset::embedded_lookup(id).is_some() => (
            "",
            format!(
                "`{id}` is in the embedded data: pass `--data embedded` before your folder to include it."
            ),
        ),
        Origin::Folder => ("", hint),
        Origin::Embedded => (
            " in the embedded dataset",
            format!("{hint} To use your own dataset, pass --data DIR (or set RIVALS_DATA)."),
        ),
    }
}

/// Resolves an id of the wanted kind for a filter, saying so when it names
/// a record of another kind, with suggestions otherwise.
pub(super) fn filter_id(ds: &Dataset, origin: Origin, id: &str, want: Want) -> Result<u32, Failure> {
    let shown = fit(id, 80);
    let flag = Want::flag;
    match ds.lookup(id) {
        Some(r) => want.index(r).ok_or_else(|| {
            let (_, kind, _) = describe(ds, r);
            match [Want::Person, Want::Org, Want::Source]
                .into_iter()
                .find(|w| w.index(r).is_some())
            {
                Some(other) => Failure::new(format!(
                    "{shown} is {} {kind}; use {} {shown}",
                    article(kind),
                    flag(other)
                )),
                None => Failure::new(format!(
                    "{shown} is {} {kind}, not {} {}",
                    article(kind),
                    article(want.noun()),
                    want.noun()
                ))
                .hint(format!(
                    "{} takes the id of {} {}",
                    flag(want),
                    article(want.noun()),
                    want.noun()
                )),
            }
        }),
        None => {
            let candidates = ds
                .ids()
                .filter(|c| ds.lookup(c).and_then(|r| want.index(r)).is_some());
            let near = suggest::suggest(id, candidates);
            let (place, hint) = not_found(origin, id, &near);
            Err(Failure::new(format!("no {} with id `{shown}`{place}", want.noun())).hint(hint))
        }
    }
}

/// `a` or `an` before a kind of record.
fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// Which events `timeline` and `export` keep, with ids resolved.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFilter {
    /// Only events naming this person.
    pub person: Option<PersonIx>,
    /// Only events involving this organization or one of its children.
    pub org: Option<OrgIx>,
    /// Only events of this kind.
    pub kind: Option<EventKind>,
    /// Only events overlapping this date or later.
    pub from: Option<Date>,
    /// Only events overlapping this date or earlier.
    pub to: Option<Date>,
    /// Only events citing this source (themselves or in a reading).
    pub source: Option<SourceIx>,
}

impl EventFilter {
    /// The period `from` and `to` select, by the one rule of [`Period`].
    pub fn period(&self) -> Period {
        Period {
            from: self.from,
            to: self.to,
        }
    }

    /// Whether `e` passes every filter.
    pub fn keeps(&self, ds: &Dataset, e: &Event) -> bool {
        self.person.is_none_or(|p| e.people.contains(&p))
            && self.org.is_none_or(|o| e.all_orgs().any(|x| ds.within(x, o)))
            && self.kind.is_none_or(|k| e.kind == k)
            && self.period().overlaps(e.date)
            && self.source.is_none_or(|s| e.cited_sources().any(|c| c == s))
    }
}
