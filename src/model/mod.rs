//! The dataset: its records, how they are loaded and validated, and the
//! indexes the rest of the program browses them by.
//!
//! References between records are resolved to integer indexes at load time,
//! so nothing downstream looks ids up by string.

mod date;
mod diag;
mod disk;
mod flow;
mod guard;
mod kinds;
mod layers;
mod load;
mod locate;

pub use date::{Date, Precision};
pub use diag::{Diagnostic, MAX_ID_LEN, Severity, nearest};
pub use disk::{DEFAULT_MAX_FILE_BYTES, FileRead, load_dir, load_dir_checked};
pub use flow::{Flow, FlowQuery, Pair, flows, group_label, members};
pub use kinds::{EventKind, OrgKind};
pub use load::{DataFile, FILES, Files, Loaded, Reuse, load, load_checked, schema};

pub use layers::{Layer, load_layers, load_layers_read, reload_layers};
use serde::{Deserialize, Serialize};
use std::hash::BuildHasher;

/// Index of a source in [`Dataset::sources`].
pub type SourceIx = u32;
/// Index of an organization in [`Dataset::orgs`].
pub type OrgIx = u32;
/// Index of a person in [`Dataset::people`].
pub type PersonIx = u32;
/// Index of an event in [`Dataset::events`] (which are in date order).
pub type EventIx = u32;

/// One article the data comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub language: String,
    pub published: Option<Date>,
    pub file: Option<String>,
}

/// A lab, company, investor, outlet or other organization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: OrgKind,
    pub parent: Option<OrgIx>,
    pub founded: Option<Date>,
    pub summary: String,
    pub sources: Vec<SourceIx>,
}

/// A named person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub sources: Vec<SourceIx>,
}

/// Money as an article states it.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    /// Plain number in units of `currency` (14.3e9, not "14.3B").
    pub value: f64,
    /// ISO 4217 code, one of the known ones (so it is shared, not copied).
    pub currency: &'static str,
    /// The amount as the article words it.
    pub text: Option<String>,
    /// The same sum in a second currency, as the article states it
    /// (£400M, "about $660M at the time").
    pub equivalent: Option<Box<Amount>>,
    /// The value is a ceiling ("up to $1 billion").
    pub up_to: bool,
    /// The sum is spread over this period ("$300M over four years").
    pub period: Option<Period>,
}

/// A length of time an amount is spread over: `4 years`, `18 months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    /// How many units (at least 1).
    pub n: u32,
    /// Whether the unit is the month (otherwise the year).
    pub months: bool,
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let unit = if self.months { "month" } else { "year" };
        let s = if self.n == 1 { "" } else { "s" };
        write!(f, "{} {unit}{s}", self.n)
    }
}

impl Period {
    /// Parses `N year(s)` or `N month(s)`.
    pub fn parse(text: &str) -> Option<Period> {
        let (n, unit) = text.trim().split_once(' ')?;
        let n: u32 = n.parse().ok().filter(|&n| n > 0)?;
        let months = match unit.trim() {
            "year" | "years" => false,
            "month" | "months" => true,
            _ => return None,
        };
        Some(Period { n, months })
    }
}

/// One alternative value of a disputed fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The value as text: as written, or else a rendering of the
    /// structured values below.
    pub value: String,
    /// A head count (for a group move whose size is disputed).
    pub count: Option<u32>,
    /// A sum of money.
    pub amount: Option<Amount>,
    /// A date.
    pub date: Option<Date>,
    pub sources: Vec<SourceIx>,
}

/// Where the articles disagree about an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disputed {
    pub note: String,
    pub alternatives: Vec<Alternative>,
}

/// The fields most events lack, kept out of line so every event stays small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub count: Option<u32>,
    /// Where a group move came from, with a count from each.
    pub origins: Vec<Origin>,
    /// The group move this individual move belongs to.
    pub part_of: Option<EventIx>,
    pub role: Option<String>,
    pub amount: Option<Amount>,
    pub quote: Option<String>,
    pub disputed: Option<Disputed>,
}

/// One origin of a group move: `count` people came from `from`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub from: OrgIx,
    pub count: u32,
}

/// Something that happened: a move, an offer, a deal, a statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    /// The date, shown exactly as written (`2014`, `2025-06`, `2025-06-12`).
    pub date: Date,
    pub kind: EventKind,
    pub people: Vec<PersonIx>,
    pub from: Option<OrgIx>,
    pub to: Option<OrgIx>,
    pub orgs: Vec<OrgIx>,
    pub summary: String,
    pub sources: Vec<SourceIx>,
    /// Count, role, amount, quote and dispute, when any is given.
    pub details: Option<Box<Details>>,
}

impl Event {
    /// Every organization the event involves: `from`, `to`, the origins of
    /// a group move, then `orgs`.
    pub fn all_orgs(&self) -> impl Iterator<Item = OrgIx> + '_ {
        self.from
            .into_iter()
            .chain(self.to)
            .chain(self.origins().iter().map(|o| o.from))
            .chain(self.orgs.iter().copied())
    }

    /// How many people a group move involved, as written.
    pub fn count(&self) -> Option<u32> {
        self.details.as_ref().and_then(|d| d.count)
    }

    /// Where a group move came from (empty unless written).
    pub fn origins(&self) -> &[Origin] {
        self.details.as_ref().map_or(&[], |d| &d.origins)
    }

    /// The group move this move belongs to.
    pub fn part_of(&self) -> Option<EventIx> {
        self.details.as_ref().and_then(|d| d.part_of)
    }

    /// Whether the event is a group move: it has a `count` or `origins`.
    pub fn is_group(&self) -> bool {
        self.count().is_some() || !self.origins().is_empty()
    }

    /// The size of a group move: its `count`, else the sum of its origins.
    pub fn group_size(&self) -> Option<u32> {
        self.count().or_else(|| {
            let origins = self.origins();
            (!origins.is_empty()).then(|| origins.iter().map(|o| o.count).sum())
        })
    }

    /// Whether the event moves people (see [`EventKind::is_move`]): a hire,
    /// departure or return, or a founding by people who left `from`.
    pub fn is_move(&self) -> bool {
        self.kind.is_move() || (self.kind == EventKind::Founding && self.from.is_some())
    }

    /// Whether the size of this group is disputed (an alternative gives a count).
    pub fn count_disputed(&self) -> bool {
        self.disputed()
            .is_some_and(|d| d.alternatives.iter().any(|a| a.count.is_some()))
    }

    /// The role someone took or left.
    pub fn role(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.role.as_deref())
    }

    /// The amount involved.
    pub fn amount(&self) -> Option<&Amount> {
        self.details.as_ref().and_then(|d| d.amount.as_ref())
    }

    /// Words attributed to the first person.
    pub fn quote(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.quote.as_deref())
    }

    /// Where the sources disagree.
    pub fn disputed(&self) -> Option<&Disputed> {
        self.details.as_ref().and_then(|d| d.disputed.as_ref())
    }
}

/// What an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Record {
    Source(SourceIx),
    Org(OrgIx),
    Person(PersonIx),
    Event(EventIx),
}

/// The text of the dataset compiled into the binary from `data/`.
pub(crate) const EMBEDDED: Files<'static> = Files {
    sources: include_str!("../../data/sources.yaml"),
    organizations: include_str!("../../data/organizations.yaml"),
    people: include_str!("../../data/people.yaml"),
    events: include_str!("../../data/events.yaml"),
};

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
    /// [`flows`]; a parent's counts include its children's (moves between
    /// them are inside it and not counted).
    pub org_moves: Vec<(u32, u32)>,
    /// The direct children of each organization (their `parent`), by name.
    pub org_children: Vec<Vec<OrgIx>>,
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
    ids: hashbrown::HashTable<Record>,
    #[serde(skip)]
    hasher: hashbrown::DefaultHashBuilder,
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

    /// The embedded dataset with its warnings (for `check`).
    pub fn embedded_checked() -> Result<Loaded, Vec<Diagnostic>> {
        load_checked("embedded", &EMBEDDED, "data")
    }

    /// Where person `p` was last seen, and whether they left it: where their
    /// latest move or founding took them (or the organization they left,
    /// when that is the last thing known); for people who never moved, the
    /// organization most mentioned by the events they lead (are first named
    /// in), the latest among equals. Offers never count: a bid someone
    /// turned down does not put them at the bidder.
    fn last_org(&self, p: usize) -> Option<(OrgIx, bool)> {
        let events = &self.person_events[p];
        let affiliation = events.iter().rev().find_map(|&e| {
            let e = &self.events[e as usize];
            let founding = e.kind == EventKind::Founding;
            if !e.is_move() && !founding {
                return None;
            }
            match (e.to, e.from) {
                (Some(to), _) => Some((to, false)),
                (None, Some(from)) if e.kind == EventKind::Departure => Some((from, true)),
                _ => None,
            }
        });
        affiliation.or_else(|| {
            // (organization, mentions, latest event, earliest place in that event's list)
            let mut counts: Vec<(OrgIx, usize, usize, std::cmp::Reverse<usize>)> = Vec::new();
            let led = events.iter().filter(|&&e| {
                let e = &self.events[e as usize];
                e.kind != EventKind::Offer && e.people.first() == Some(&(p as PersonIx))
            });
            for (order, &e) in led.enumerate() {
                for (place, o) in self.events[e as usize].all_orgs().enumerate() {
                    let mention = (1, order, std::cmp::Reverse(place));
                    match counts.iter_mut().find(|c| c.0 == o) {
                        Some(c) => (c.1, c.2, c.3) = (c.1 + 1, order, mention.2),
                        None => counts.push((o, mention.0, mention.1, mention.2)),
                    }
                }
            }
            counts
                .into_iter()
                .max_by_key(|c| (c.1, c.2, c.3))
                .map(|c| (c.0, false))
        })
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

    /// Builds the derived indexes; `events` must already be in date order.
    /// Fills [`Dataset::source_support`]; `rank` is each person's place in
    /// name order.
    fn index_sources(&mut self, rank: &[u32]) {
        let mut support = vec![Support::default(); self.sources.len()];
        let mut org_rank = vec![0u32; self.orgs.len()];
        for (r, &o) in self.orgs_by_name.iter().enumerate() {
            org_rank[o as usize] = r as u32;
        }
        for (ix, e) in self.events.iter().enumerate() {
            for &s in &e.sources {
                let Some(sup) = support.get_mut(s as usize) else {
                    continue;
                };
                sup.events.push(ix as EventIx);
                sup.people.extend(&e.people);
                sup.orgs.extend(e.all_orgs());
            }
        }
        for (p, person) in self.people.iter().enumerate() {
            for &s in &person.sources {
                if let Some(sup) = support.get_mut(s as usize) {
                    sup.people.push(p as PersonIx);
                }
            }
        }
        for (o, org) in self.orgs.iter().enumerate() {
            for &s in &org.sources {
                if let Some(sup) = support.get_mut(s as usize) {
                    sup.orgs.push(o as OrgIx);
                }
            }
        }
        for sup in &mut support {
            sup.events.dedup();
            sup.people.sort_unstable_by_key(|&p| rank[p as usize]);
            sup.people.dedup();
            sup.orgs.sort_unstable_by_key(|&o| org_rank[o as usize]);
            sup.orgs.dedup();
        }
        self.source_support = support;
    }

    fn index(&mut self) {
        self.index_ids();
        let (n_orgs, n_people) = (self.orgs.len(), self.people.len());
        self.org_events = vec![Vec::new(); n_orgs];
        self.person_events = vec![Vec::new(); n_people];
        self.org_people = vec![Vec::new(); n_orgs];
        self.org_children = vec![Vec::new(); n_orgs];
        self.group_members.clear();
        for (ix, e) in self.events.iter().enumerate() {
            let ix = ix as EventIx;
            if let Some(g) = e.part_of() {
                self.group_members.push((g, ix));
            }
            for (k, o) in e.all_orgs().enumerate() {
                // An organization named twice in one event lists it once.
                if !e.all_orgs().take(k).any(|x| x == o) {
                    self.org_events[o as usize].push(ix);
                }
            }
            let postings = match e.kind {
                _ if e.is_move() => [e.from, e.to],
                EventKind::Founding | EventKind::Reorganization => [e.to, None],
                _ => [None, None],
            };
            for o in postings.into_iter().flatten() {
                self.org_people[o as usize].extend(&e.people);
            }
            for &p in &e.people {
                self.person_events[p as usize].push(ix);
            }
        }
        let last: Vec<Option<(OrgIx, bool)>> = (0..n_people).map(|p| self.last_org(p)).collect();
        self.person_last_org = last.iter().map(|l| l.map(|(o, _)| o)).collect();
        self.person_left = last.iter().map(|l| l.is_some_and(|(_, left)| left)).collect();
        for (p, last) in self.person_last_org.iter().enumerate() {
            if let Some(o) = last {
                self.org_people[*o as usize].push(p as PersonIx);
            }
        }
        self.orgs_by_name = (0..n_orgs as OrgIx).collect();
        self.orgs_by_name
            .sort_by_cached_key(|&o| self.orgs[o as usize].name.to_lowercase());
        for &o in &self.orgs_by_name {
            if let Some(parent) = self.orgs[o as usize].parent {
                self.org_children[parent as usize].push(o);
            }
        }
        self.group_members.sort_unstable();
        self.org_moves = flow::org_moves(self);
        self.people_by_name = (0..n_people as PersonIx).collect();
        self.people_by_name
            .sort_by_cached_key(|&p| self.people[p as usize].name.to_lowercase());
        let mut rank = vec![0u32; n_people];
        for (r, &p) in self.people_by_name.iter().enumerate() {
            rank[p as usize] = r as u32;
        }
        for people in &mut self.org_people {
            people.sort_unstable_by_key(|&p| rank[p as usize]);
            people.dedup();
        }
        self.index_sources(&rank);
    }
}

impl Amount {
    /// The value with what qualifies it: `up to USD 1B`,
    /// `USD 300M over 4 years`, `GBP 400M ≈ USD 660M`.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        if self.up_to {
            out.push_str("up to ");
        }
        out.push_str(&self.normalized());
        if let Some(p) = self.period {
            out.push_str(&format!(" over {p}"));
        }
        if let Some(eq) = &self.equivalent {
            out.push_str(&format!(" ≈ {}", eq.normalized()));
        }
        out
    }

    /// The value in a compact, normalized form: `USD 14.3B`, `GBP 400M`.
    pub fn normalized(&self) -> String {
        let v = self.value;
        let (scaled, suffix) = if v >= 1e12 {
            (v / 1e12, "T")
        } else if v >= 1e9 {
            (v / 1e9, "B")
        } else if v >= 1e6 {
            (v / 1e6, "M")
        } else if v >= 1e3 {
            (v / 1e3, "K")
        } else {
            (v, "")
        };
        let mut num = format!("{scaled:.2}");
        while num.contains('.') && (num.ends_with('0') || num.ends_with('.')) {
            num.pop();
        }
        format!("{} {num}{suffix}", self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_normalize_compactly() {
        let a = |value| Amount {
            value,
            currency: "USD",
            text: None,
            equivalent: None,
            up_to: false,
            period: None,
        };
        assert_eq!(a(14.3e9).normalized(), "USD 14.3B");
        assert_eq!(a(100e6).normalized(), "USD 100M");
        assert_eq!(a(1.25e12).normalized(), "USD 1.25T");
        assert_eq!(a(950.0).normalized(), "USD 950");
        assert_eq!(a(0.0).normalized(), "USD 0");
    }
}
