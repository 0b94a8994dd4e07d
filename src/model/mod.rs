//! The dataset: its records, how they are loaded and validated, and the
//! indexes the rest of the program browses them by.
//!
//! References between records are resolved to integer indexes at load time,
//! so nothing downstream looks ids up by string.

mod amount;
mod dataset;
mod date;
mod diag;
pub mod diff;
mod disk;
mod flow;
mod guard;
mod index;
mod kinds;
mod layers;
mod load;
mod locate;
mod places;

pub use amount::{Amount, Term};
pub use dataset::{Dataset, Support};
pub use date::{Date, Period, Precision};
pub use diag::{Diagnostic, MAX_ID_LEN, Severity, nearest};
pub use disk::{DEFAULT_MAX_FILE_BYTES, FileRead, load_dir, load_dir_checked};
pub use flow::sankey;
pub use flow::{
    Flow, FlowMatrix, FlowQuery, Moves, Pair, Range, Sankey, Share, flows, group_label, members, net_gain,
    shares,
};
pub use kinds::{EventKind, OrgKind, Outcome, Per};
pub use load::{DataFile, FILES, Files, Loaded, Reuse, load, load_checked, schema};

pub use layers::{Layer, load_layers, load_layers_read, reload_layers};
pub use places::{Place, places};
use serde::{Deserialize, Serialize};

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
    /// What in the record its sources do not say (general knowledge).
    pub beyond_sources: Option<String>,
}

/// A named person.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub sources: Vec<SourceIx>,
    /// What in the record its sources do not say (general knowledge).
    pub beyond_sources: Option<String>,
}

/// One alternative value of a disputed fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// The value as text: as written, or else a rendering of the
    /// structured values below.
    pub value: String,
    /// A head count (for a group move whose size is disputed).
    pub count: Option<u32>,
    /// The count is a lower bound (`at_least: true`).
    pub at_least: bool,
    /// A sum of money.
    pub amount: Option<Amount>,
    /// A date.
    pub date: Option<Date>,
    pub sources: Vec<SourceIx>,
}

/// Where the articles disagree about an event (`disputed`), or how one
/// article's ambiguous or garbled wording may be read (`uncertain`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disputed {
    pub note: String,
    pub alternatives: Vec<Alternative>,
}

impl Disputed {
    /// The note, then each alternative's value (what search indexes).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.note.as_str()).chain(self.alternatives.iter().map(|a| a.value.as_str()))
    }
}

/// The fields most events lack, kept out of line so every event stays small.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Details {
    pub count: Option<u32>,
    /// The count is a lower bound (`at_least: true`): "at least eight".
    pub at_least: bool,
    /// Where a group move came from, with a count from each.
    pub origins: Vec<Origin>,
    /// The group move this individual move belongs to.
    pub part_of: Option<EventIx>,
    pub role: Option<String>,
    // The larger parts are boxed: most events with details have one or
    // two of them, and each is 40-80 bytes unboxed.
    pub amount: Option<Box<Amount>>,
    pub quote: Option<String>,
    pub disputed: Option<Box<Disputed>>,
    /// One source's ambiguous or garbled reading (never a disagreement).
    pub uncertain: Option<Box<Disputed>>,
    /// How an offer ended.
    pub outcome: Option<Outcome>,
    /// What in the event its sources do not say (general knowledge).
    pub beyond_sources: Option<String>,
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
    // Boxed slices, not vectors: a hundred thousand events save 8 bytes
    // apiece on each list and hold no spare room.
    pub people: Box<[PersonIx]>,
    pub from: Option<OrgIx>,
    pub to: Option<OrgIx>,
    pub orgs: Box<[OrgIx]>,
    pub summary: String,
    pub sources: Box<[SourceIx]>,
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

    /// Every source the event cites: its own, then those of its disputed
    /// and uncertain readings' alternatives (a source may come twice).
    /// A source backs the event if it is among them.
    pub fn cited_sources(&self) -> impl Iterator<Item = SourceIx> + '_ {
        let readings = self.disputed().into_iter().chain(self.uncertain());
        let in_readings = readings.flat_map(|d| d.alternatives.iter().flat_map(|a| a.sources.iter()));
        self.sources.iter().chain(in_readings).copied()
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

    /// Whether the `count` is a lower bound (`at_least`).
    pub fn count_at_least(&self) -> bool {
        self.details.as_ref().is_some_and(|d| d.at_least)
    }

    /// Every head count the sources give this event: its `count`, then each
    /// alternative's, each with whether it is a lower bound.
    pub fn stated_counts(&self) -> impl Iterator<Item = (u32, bool)> + '_ {
        let alternatives = self.disputed().map_or(&[][..], |d| &d.alternatives);
        self.count()
            .map(|c| (c, self.count_at_least()))
            .into_iter()
            .chain(
                alternatives
                    .iter()
                    .filter_map(|a| a.count.map(|c| (c, a.at_least))),
            )
    }

    /// The role someone took or left.
    pub fn role(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.role.as_deref())
    }

    /// The amount involved.
    pub fn amount(&self) -> Option<&Amount> {
        self.details.as_ref().and_then(|d| d.amount.as_deref())
    }

    /// Words attributed to the first person.
    pub fn quote(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.quote.as_deref())
    }

    /// Where the sources disagree.
    pub fn disputed(&self) -> Option<&Disputed> {
        self.details.as_ref().and_then(|d| d.disputed.as_deref())
    }

    /// How one source's ambiguous or garbled wording may be read.
    pub fn uncertain(&self) -> Option<&Disputed> {
        self.details.as_ref().and_then(|d| d.uncertain.as_deref())
    }

    /// How an offer ended, when stated.
    pub fn outcome(&self) -> Option<Outcome> {
        self.details.as_ref().and_then(|d| d.outcome)
    }

    /// What in the event its sources do not say.
    pub fn beyond_sources(&self) -> Option<&str> {
        self.details.as_ref().and_then(|d| d.beyond_sources.as_deref())
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
