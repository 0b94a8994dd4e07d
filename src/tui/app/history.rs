//! The jump list: where the user was, gone back to with `Backspace` and
//! forward again with `Ctrl-f`.

use super::state::App;
use crate::model::{EventKind, OrgIx, PersonIx, SourceIx};
use crate::tui::list::ListState;
use crate::tui::pane::Pane;
use crate::tui::view::Period;

/// Most steps `Backspace` can go back (and so forward again).
pub const MAX_HISTORY: usize = 100;

/// Where the user was: restored by `Backspace` and `Ctrl-f`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nav {
    focus: Pane,
    org: Option<OrgIx>,
    family: bool,
    person: Option<PersonIx>,
    kind: Option<EventKind>,
    period: Option<Period>,
    source: Option<SourceIx>,
    lists: [ListState; 3],
}

impl Nav {
    /// The same place in a reloaded dataset, its filters found again by
    /// `org` and `person`; a filter whose record is gone is dropped.
    pub(super) fn remap(
        self,
        org: impl Fn(OrgIx) -> Option<OrgIx>,
        person: impl Fn(PersonIx) -> Option<PersonIx>,
    ) -> Nav {
        Nav {
            org: self.org.and_then(org),
            person: self.person.and_then(person),
            source: None,
            ..self
        }
    }
}

impl App {
    pub(super) fn nav(&self) -> Nav {
        Nav {
            focus: self.focus,
            org: self.org_filter,
            family: self.org_family,
            person: self.person_filter,
            kind: self.kind_filter,
            period: self.period_filter,
            source: self.source_filter,
            lists: self.lists,
        }
    }

    /// Records the current place in the jump list before moving away; a
    /// new move forgets the places gone back from, as in vim.
    pub(super) fn remember(&mut self) {
        let here = self.nav();
        push_bounded(&mut self.history, here);
        self.forward.clear();
    }

    /// `Backspace`: back to the last place remembered, which `Ctrl-f` can
    /// undo (or a note if there is none).
    pub(super) fn go_back(&mut self) {
        let Some(nav) = self.history.pop() else {
            self.note = Some("nothing to go back to".into());
            return;
        };
        let here = self.nav();
        push_bounded(&mut self.forward, here);
        self.restore(nav);
    }

    /// `Ctrl-f`: forward to where `Backspace` came from (or a note).
    pub(super) fn go_forward(&mut self) {
        let Some(nav) = self.forward.pop() else {
            self.note = Some("nothing to go forward to".into());
            return;
        };
        let here = self.nav();
        push_bounded(&mut self.history, here);
        self.restore(nav);
    }

    pub(super) fn restore(&mut self, nav: Nav) {
        self.focus = nav.focus;
        self.source_filter = nav.source;
        self.org_family = nav.family;
        self.set_filters(nav.org, nav.person, nav.kind, nav.period);
        self.lists = nav.lists;
        self.settle();
    }
}

/// Pushes `nav` unless it is already the newest, dropping the oldest past
/// [`MAX_HISTORY`].
fn push_bounded(list: &mut Vec<Nav>, nav: Nav) {
    if list.last() != Some(&nav) {
        list.push(nav);
    }
    if list.len() > MAX_HISTORY {
        list.remove(0);
    }
}
