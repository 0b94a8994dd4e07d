//! The dataset: the records, the indexes the program browses them by, and
//! the queries over them.

use super::flow::Moves;
use super::{
    Diagnostic, EMBEDDED, Event, EventIx, Loaded, OrgIx, Organization, Person, PersonIx, Record, Source,
    SourceIx, load, load_checked,
};
use serde::{Deserialize, Serialize};
use std::hash::BuildHasher;

/// What one source supports: the events that cite it, and the people and
/// organizations that cite it or take part in those events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Support {
    /// In name order.
    pub people: Vec<PersonIx>,
    /// In name order.
    pub orgs: Vec<OrgIx>,
    /// In date order.
    pub events: Vec<EventIx>,
}

/// A validated dataset with its indexes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Dataset {
    /// Short name shown in the title bar (folder name, or "embedded").
    pub name: String,
    pub sources: Vec<Source>,
    pub orgs: Vec<Organization>,
    pub people: Vec<Person>,
    /// Events sorted by date (file order among equal dates).
    pub events: Vec<Event>,
    /// Events of each organization (from, to or orgs), in date order.
    pub org_events: Vec<Vec<EventIx>>,
    /// Events of each person, in date order.
    pub person_events: Vec<Vec<EventIx>>,
    /// People who were ever at each organization, by name: they joined,
    /// left, founded or were appointed there, or it is where they were last
    /// seen.
    pub org_people: Vec<Vec<PersonIx>>,
    /// People moving into each organization and out of it, counted by
    /// [`flows`](super::flows); a parent's counts include its children's
    /// (moves between them are inside it and not counted).
    pub org_moves: Vec<Moves>,
    /// People moving into and out of each organization itself, its
    /// children left out (a move between it and a child counts).
    pub org_own_moves: Vec<Moves>,
    /// The direct children of each organization (their `parent`), by name.
    pub org_children: Vec<Vec<OrgIx>>,
    /// The range each group move (and each member of one) counts in the
    /// flows, by event, sorted (see [`Dataset::group_range`]).
    pub group_ranges: Vec<(EventIx, super::Range)>,
    /// (group, member) for every move that is `part_of` a group, sorted.
    pub group_members: Vec<(EventIx, EventIx)>,
    /// The organization each person was last seen at, if any: where their
    /// latest move or founding took them (offers, statements and the like
    /// never count).
    pub person_last_org: Vec<Option<OrgIx>>,
    /// Whether each person's last known move was leaving that organization.
    pub person_left: Vec<bool>,
    /// What each source supports (see [`Support`]).
    pub source_support: Vec<Support>,
    /// Organizations in name order (case-insensitive).
    pub orgs_by_name: Vec<OrgIx>,
    /// People in name order (case-insensitive).
    pub people_by_name: Vec<PersonIx>,
    /// Id → record. Holds records only: the ids stay in the records.
    #[serde(skip)]
    pub(super) ids: hashbrown::HashTable<Record>,
    #[serde(skip)]
    pub(super) hasher: hashbrown::DefaultHashBuilder,
}

impl Dataset {
    /// Looks an id up across every kind of record.
    pub fn lookup(&self, id: &str) -> Option<Record> {
        self.ids
            .find(self.hasher.hash_one(id), |&r| self.id_of(r) == id)
            .copied()
    }

    /// The id of a record.
    pub fn id_of(&self, r: Record) -> &str {
        match r {
            Record::Source(i) => &self.source(i).id,
            Record::Org(i) => &self.org(i).id,
            Record::Person(i) => &self.person(i).id,
            Record::Event(i) => &self.event(i).id,
        }
    }

    /// Every id in the dataset (for suggestions).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let sources = self.sources.iter().map(|r| r.id.as_str());
        let orgs = self.orgs.iter().map(|r| r.id.as_str());
        let people = self.people.iter().map(|r| r.id.as_str());
        sources
            .chain(orgs)
            .chain(people)
            .chain(self.events.iter().map(|r| r.id.as_str()))
    }

    /// Fills the id table from the records (ids already checked unique).
    pub(crate) fn index_ids(&mut self) {
        let n = self.sources.len() + self.orgs.len() + self.people.len() + self.events.len();
        let mut table = hashbrown::HashTable::with_capacity(n);
        let records = (0..self.sources.len() as u32)
            .map(Record::Source)
            .chain((0..self.orgs.len() as u32).map(Record::Org))
            .chain((0..self.people.len() as u32).map(Record::Person))
            .chain((0..self.events.len() as u32).map(Record::Event));
        for r in records {
            let hash = |&x: &Record| self.hasher.hash_one(self.id_of(x));
            table.insert_unique(hash(&r), r, hash);
        }
        self.ids = table;
    }

    /// The organization at `ix`.
    pub fn org(&self, ix: OrgIx) -> &Organization {
        &self.orgs[ix as usize]
    }

    /// The person at `ix`.
    pub fn person(&self, ix: PersonIx) -> &Person {
        &self.people[ix as usize]
    }

    /// The event at `ix`.
    pub fn event(&self, ix: EventIx) -> &Event {
        &self.events[ix as usize]
    }

    /// The source at `ix`.
    pub fn source(&self, ix: SourceIx) -> &Source {
        &self.sources[ix as usize]
    }

    /// Where person `p` is, as shown next to their name: `OpenAI`, or
    /// `ex-Meta` when the last thing known is that they left.
    pub fn whereabouts(&self, p: PersonIx) -> Option<String> {
        let o = self.person_last_org[p as usize]?;
        let name = &self.org(o).name;
        Some(if self.person_left[p as usize] {
            format!("ex-{name}")
        } else {
            name.clone()
        })
    }

    /// The range group move `e` counts in the flows over all time, as the
    /// Flows view counts it (a member: its part of its group); `None` for
    /// an event that is no group move or counts in no flow.
    pub fn group_range(&self, e: EventIx) -> Option<super::Range> {
        let at = self.group_ranges.binary_search_by_key(&e, |&(x, _)| x).ok()?;
        Some(self.group_ranges[at].1)
    }

    /// `ok: N sources, …` counts line printed by `rivals check`.
    pub fn counts_line(&self) -> String {
        format!(
            "{} sources, {} organizations, {} people, {} events",
            self.sources.len(),
            self.orgs.len(),
            self.people.len(),
            self.events.len()
        )
    }

    /// The dataset compiled into the binary from `data/`.
    pub fn embedded() -> Result<Dataset, Vec<Diagnostic>> {
        load("embedded", &EMBEDDED, "data")
    }

    /// What `id` names in the embedded dataset (loaded once, on first
    /// use): for hints when a folder lacks an id the embedded data has.
    pub fn embedded_lookup(id: &str) -> Option<Record> {
        static EMBEDDED_DATA: std::sync::OnceLock<Option<Dataset>> = std::sync::OnceLock::new();
        EMBEDDED_DATA
            .get_or_init(|| Dataset::embedded().ok())
            .as_ref()?
            .lookup(id)
    }

    /// The embedded dataset with its warnings (for `check`).
    pub fn embedded_checked() -> Result<Loaded, Vec<Diagnostic>> {
        load_checked("embedded", &EMBEDDED, "data")
    }

    /// The direct children of an organization, by name.
    pub fn children(&self, o: OrgIx) -> &[OrgIx] {
        self.org_children.get(o as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether `o` is `ancestor` or one of its descendants.
    pub fn within(&self, o: OrgIx, ancestor: OrgIx) -> bool {
        let mut at = Some(o);
        for _ in 0..=self.orgs.len() {
            match at {
                Some(x) if x == ancestor => return true,
                Some(x) => at = self.org(x).parent,
                None => return false,
            }
        }
        false
    }

    /// An organization and all its descendants, as a mask over organizations
    /// (what selecting a parent selects).
    pub fn family(&self, o: OrgIx) -> Vec<bool> {
        (0..self.orgs.len() as OrgIx).map(|x| self.within(x, o)).collect()
    }

    /// Organization `o` and every organization under it, `o` first.
    pub fn family_orgs(&self, o: OrgIx) -> Vec<OrgIx> {
        let mut out = vec![o];
        let mut i = 0;
        while let Some(&x) = out.get(i) {
            // Each organization has one parent and parents never loop (the
            // loader checks), so nobody is added twice; the bound keeps a
            // damaged model from looping.
            if out.len() > self.orgs.len() {
                break;
            }
            out.extend_from_slice(self.children(x));
            i += 1;
        }
        out
    }

    /// The events a person's or organization's record lists (Detail and
    /// `rivals show` alike), in date order: a person's own; an
    /// organization's with its children's ([`Dataset::family_events`]), the
    /// same set its moves figure counts. Empty for other records.
    pub fn record_events(&self, r: Record) -> Vec<EventIx> {
        match r {
            Record::Person(p) => self.person_events.get(p as usize).cloned().unwrap_or_default(),
            Record::Org(o) if (o as usize) < self.orgs.len() => self.family_events(o),
            _ => Vec::new(),
        }
    }

    /// Events of `o` and its children, in date order, each once.
    pub fn family_events(&self, o: OrgIx) -> Vec<EventIx> {
        let orgs = self.family_orgs(o);
        let mut events: Vec<EventIx> = orgs
            .iter()
            .flat_map(|&x| self.org_events[x as usize].iter().copied())
            .collect();
        if orgs.len() > 1 {
            events.sort_unstable();
            events.dedup();
        }
        events
    }

    /// People who were ever at `o` or one of its children, by name, each once.
    pub fn family_people(&self, o: OrgIx) -> Vec<PersonIx> {
        let orgs = self.family_orgs(o);
        let mut people: Vec<PersonIx> = orgs
            .iter()
            .flat_map(|&x| self.org_people[x as usize].iter().copied())
            .collect();
        if orgs.len() > 1 {
            people.sort_by_cached_key(|&p| self.people[p as usize].name.to_lowercase());
            people.dedup();
        }
        people
    }
}
