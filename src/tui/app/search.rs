//! The fuzzy-search popup: its state, editing the query, moving through
//! the results, accepting one.

use super::Effect;
use super::input;
use super::state::{App, Mode};
use crate::model::Record;
use crate::search::Hit;
use crate::search::query::MAX_QUERY_CHARS;
use crate::tui::keymap::{Action, Key};
use crate::tui::list::ListState;
use crossterm::event::KeyCode;

/// The fuzzy-search popup.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<Hit>,
    pub list: ListState,
    /// Number of the newest search asked for; older answers are dropped.
    pub generation: u64,
    /// Whether the newest search has not answered yet.
    pub pending: bool,
    /// The kinds of record in `hits`, in the order their groups are
    /// listed, with how many hits each has.
    pub groups: Vec<(RecordKind, usize)>,
}

/// The four kinds of record, as search results group them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    Person,
    Org,
    Event,
    Source,
}

impl RecordKind {
    /// The kind of `r`.
    pub fn of(r: Record) -> RecordKind {
        match r {
            Record::Person(_) => RecordKind::Person,
            Record::Org(_) => RecordKind::Org,
            Record::Event(_) => RecordKind::Event,
            Record::Source(_) => RecordKind::Source,
        }
    }

    /// A group's heading with its count: `people (1)`, `companies (3)`
    /// (the number after the word, so it never reads as a key hint).
    pub fn count(self, n: usize) -> String {
        let name = match self {
            RecordKind::Person => "people",
            RecordKind::Org => "companies",
            RecordKind::Event => "events",
            RecordKind::Source => "sources",
        };
        format!("{name} ({n})")
    }
}

impl SearchState {
    /// Takes new results, ranked best first, and lists them grouped by
    /// kind: the group of the best hit first, each group in rank order.
    pub fn set_hits(&mut self, mut hits: Vec<Hit>) {
        let mut groups: Vec<(RecordKind, usize)> = Vec::new();
        for h in &hits {
            let kind = RecordKind::of(h.target);
            match groups.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => *n += 1,
                None => groups.push((kind, 1)),
            }
        }
        hits.sort_by_key(|h| {
            let kind = RecordKind::of(h.target);
            groups.iter().position(|(k, _)| *k == kind)
        });
        self.hits = hits;
        self.groups = groups;
        self.pending = false;
        self.list = ListState::default();
    }
}

pub(super) fn search_key(app: &mut App, action: Option<Action>, key: Key) -> Option<Effect> {
    let Mode::Search(s) = &mut app.mode else {
        return None;
    };
    let len = s.hits.len();
    let edited = match (action, key.code) {
        (Some(Action::Cancel), _) => {
            app.mode = Mode::Browse;
            return None;
        }
        (Some(Action::Accept), _) => {
            let chosen = s.hits.get(s.list.selected).map(|h| h.target);
            let (hits, cursor) = (std::mem::take(&mut s.hits), s.list.selected);
            app.mode = Mode::Browse;
            match chosen {
                Some(target) => {
                    app.hits = hits;
                    app.hit_cursor = cursor;
                    app.jump_to(target);
                }
                None => app.note = Some("no match".into()),
            }
            return None;
        }
        (Some(Action::Down), _) => {
            s.list.move_by(1, len);
            false
        }
        (Some(Action::Up), _) => {
            s.list.move_by(-1, len);
            false
        }
        (Some(Action::DeleteWord), _) => {
            input::delete_word(&mut s.query);
            true
        }
        (Some(Action::ClearInput), _) => {
            s.query.clear();
            true
        }
        (None, KeyCode::Backspace) => input::pop_grapheme(&mut s.query),
        (None, KeyCode::Char(c)) if !key.ctrl && !c.is_control() => {
            if extend(&mut s.query, [c]) {
                app.note = Some(too_long());
                return None;
            }
            true
        }
        _ => false,
    };
    if !edited {
        return None;
    }
    requery(s)
}

/// Pasted text, already made safe, goes into the query as if typed, up to
/// the length a search reads.
pub(super) fn paste(app: &mut App, chars: impl IntoIterator<Item = char>) -> Option<Effect> {
    let Mode::Search(s) = &mut app.mode else {
        return None;
    };
    let cut = extend(&mut s.query, chars);
    let effect = requery(s);
    if cut {
        app.note = Some(too_long());
    }
    effect
}

/// Appends `chars` to `query` while it is shorter than
/// [`MAX_QUERY_CHARS`]; returns whether some were left out.
fn extend(query: &mut String, chars: impl IntoIterator<Item = char>) -> bool {
    let mut room = MAX_QUERY_CHARS.saturating_sub(query.chars().count());
    for c in chars {
        if room == 0 {
            return true;
        }
        query.push(c);
        room -= 1;
    }
    false
}

/// The note when the query is full.
fn too_long() -> String {
    format!("a query is at most {MAX_QUERY_CHARS} characters; the rest was left out")
}

/// Asks for a search of the edited query, or clears the results when it is blank.
pub(super) fn requery(s: &mut SearchState) -> Option<Effect> {
    s.generation += 1;
    if s.query.trim().is_empty() {
        s.hits.clear();
        s.groups.clear();
        s.pending = false;
        return None;
    }
    s.pending = true;
    Some(Effect::Search {
        query: s.query.clone(),
        generation: s.generation,
    })
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
