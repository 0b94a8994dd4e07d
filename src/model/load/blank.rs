//! Blank placeholders for records that did not parse, so that every
//! index stays a file position and the checks across records run on the
//! others (they skip these, which [`super::Broken`] marks).

use super::super::{Date, Event, EventKind, OrgKind, Organization, Person, Source};

/// The date of an event whose date did not parse (the error is kept):
/// the checks across records skip it.
pub(super) const UNDATED: Date = Date::year(1);

/// A source that did not parse, with its id if that much was read.
pub(super) fn source(id: Option<String>) -> Source {
    Source {
        id: id.unwrap_or_default(),
        title: String::new(),
        outlet: None,
        language: String::new(),
        published: None,
        file: None,
    }
}

/// An organization that did not parse.
pub(super) fn org(id: Option<String>) -> Organization {
    Organization {
        id: id.unwrap_or_default(),
        name: String::new(),
        aliases: Vec::new(),
        kind: OrgKind::Other,
        parent: None,
        founded: None,
        summary: String::new(),
        sources: Vec::new(),
        beyond_sources: None,
    }
}

/// A person who did not parse.
pub(super) fn person(id: Option<String>) -> Person {
    Person {
        id: id.unwrap_or_default(),
        name: String::new(),
        aliases: Vec::new(),
        summary: String::new(),
        sources: Vec::new(),
        beyond_sources: None,
    }
}

/// An event that did not parse: undated, moving no one.
pub(super) fn event(id: Option<String>) -> Event {
    Event {
        id: id.unwrap_or_default(),
        date: UNDATED,
        kind: EventKind::Other,
        people: Box::default(),
        from: None,
        to: None,
        orgs: Box::default(),
        summary: String::new(),
        sources: Box::default(),
        details: None,
    }
}
