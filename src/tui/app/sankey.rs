//! The Sankey diagram's keys: `j`/`k` walk the ribbons, `h`/`l` the nodes
//! (from a ribbon: its origin, its destination), `Enter` opens the moves of
//! the selection in the timeline.

use super::state::App;
use super::views::open_moves;
use crate::model::sankey::{Moves, Ribbon};
use crate::model::{Range, Sankey};
use crate::text::sanitize;
use crate::tui::keymap::Action;
use std::borrow::Cow;

/// What is selected in the Sankey: a ribbon, or a node on either side
/// (indexes into [`Sankey::ribbons`], [`Sankey::left`], [`Sankey::right`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Ribbon(usize),
    Left(usize),
    Right(usize),
}

impl Default for Pick {
    fn default() -> Self {
        Pick::Ribbon(0)
    }
}

impl Pick {
    /// Whether `r` (the ribbon at index `i`) is part of the selection:
    /// the ribbon itself, or a ribbon of the node selected.
    pub fn holds(self, i: usize, r: &Ribbon) -> bool {
        match self {
            Pick::Ribbon(s) => s == i,
            Pick::Left(n) => r.from == n,
            Pick::Right(n) => r.to == n,
        }
    }
}

/// `pick` kept inside `s`: the first ribbon if it points past the end.
pub fn clamp(pick: Pick, s: &Sankey) -> Pick {
    match pick {
        Pick::Ribbon(i) if i < s.ribbons.len() => pick,
        Pick::Left(n) if n < s.left.len() => pick,
        Pick::Right(n) if n < s.right.len() => pick,
        _ => Pick::Ribbon(0),
    }
}

/// The selection after `action` in `s`, if it moves it.
pub fn moved(pick: Pick, s: &Sankey, action: Action) -> Option<Pick> {
    let last = s.ribbons.len().checked_sub(1)?;
    let (nl, nr) = (s.left.len(), s.right.len());
    // The nodes in order: left top to bottom, then right.
    let node = |k: usize| {
        if k < nl {
            Pick::Left(k)
        } else {
            Pick::Right(k - nl)
        }
    };
    let first_of = |holds: &dyn Fn(&Ribbon) -> bool| s.ribbons.iter().position(holds).unwrap_or(0);
    Some(match (action, pick) {
        (Action::Down, Pick::Ribbon(i)) => Pick::Ribbon((i + 1).min(last)),
        (Action::Up, Pick::Ribbon(i)) => Pick::Ribbon(i.saturating_sub(1)),
        (Action::Down | Action::Up, Pick::Left(n)) => Pick::Ribbon(first_of(&|r| r.from == n)),
        (Action::Down | Action::Up, Pick::Right(n)) => Pick::Ribbon(first_of(&|r| r.to == n)),
        (Action::Left, Pick::Ribbon(i)) => Pick::Left(s.ribbons[i.min(last)].from),
        (Action::Right, Pick::Ribbon(i)) => Pick::Right(s.ribbons[i.min(last)].to),
        (Action::Left, Pick::Left(n)) => node(n.saturating_sub(1)),
        (Action::Left, Pick::Right(n)) => node((nl + n).saturating_sub(1)),
        (Action::Right, Pick::Left(n)) => node(n + 1),
        (Action::Right, Pick::Right(n)) => node(nl + (n + 1).min(nr.saturating_sub(1))),
        (Action::First, _) => Pick::Ribbon(0),
        (Action::Last, _) => Pick::Ribbon(last),
        _ => return None,
    })
}

/// What is selected in the Sankey, in words and moves.
pub struct Selected<'a> {
    /// `OpenAI → Meta`, `OpenAI → anywhere`, sanitized.
    pub label: String,
    /// People who moved.
    pub count: u32,
    /// The count as the sources give it.
    pub range: Range,
    pub moves: Cow<'a, Moves>,
}

/// What is selected: its label (`OpenAI → Meta`, `OpenAI → anywhere`),
/// how many people moved, the range the sources give, and who and which
/// events (a ribbon's gathered with the layout; a node's are its
/// ribbons' together).
pub fn describe(app: &App, pick: Pick) -> Option<Selected<'_>> {
    let ds = &app.data.ds;
    let s = app.sankey();
    let sum = |of: &dyn Fn(&Ribbon) -> bool| {
        s.ribbons
            .iter()
            .filter(|r| of(r))
            .fold(Range::default(), |mut sum, r| {
                sum += r.range;
                sum
            })
    };
    let (label, count, range, moves) = match pick {
        Pick::Ribbon(i) => {
            let r = s.ribbons.get(i)?;
            let label = format!("{} → {}", s.left[r.from].name(ds), s.right[r.to].name(ds));
            (label, r.range.count, r.range, Cow::Borrowed(&r.moves))
        }
        Pick::Left(n) => {
            let node = s.left.get(n)?;
            let label = format!("{} → anywhere", node.name(ds));
            (
                label,
                node.count,
                sum(&|r| r.from == n),
                Cow::Borrowed(s.node_moves(true, n)?),
            )
        }
        Pick::Right(n) => {
            let node = s.right.get(n)?;
            let label = format!("anywhere → {}", node.name(ds));
            (
                label,
                node.count,
                sum(&|r| r.to == n),
                Cow::Borrowed(s.node_moves(false, n)?),
            )
        }
    };
    Some(Selected {
        label: sanitize(&label).into_owned(),
        count,
        range,
        moves,
    })
}

/// A key on the Sankey (the keys it shares with the matrix are taken first).
pub(super) fn key(app: &mut App, action: Option<Action>) {
    let Some(action) = action else { return };
    let pick = app.flows_view.pick;
    if let Some(next) = moved(pick, app.sankey(), action) {
        app.flows_view.pick = next;
        // A node's moves are gathered now, not while drawing.
        match next {
            Pick::Left(n) => drop(app.sankey().node_moves(true, n)),
            Pick::Right(n) => drop(app.sankey().node_moves(false, n)),
            Pick::Ribbon(_) => {}
        }
    } else if action == Action::Accept {
        match describe(app, pick).map(|d| (d.label, d.count, d.moves.events.clone())) {
            Some((label, count, events)) => {
                open_moves(app, label, Range::exact(count).words("person", "people"), events)
            }
            None => app.note = Some("no moves to open".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Dataset, FlowMatrix, sankey::MAX_NODES};

    fn sankey() -> Sankey {
        let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e:?}"));
        Sankey::of(&ds, &FlowMatrix::new(&ds, false), MAX_NODES)
    }

    #[test]
    fn j_and_k_walk_the_ribbons_and_stop_at_the_ends() {
        let s = sankey();
        let last = s.ribbons.len() - 1;
        assert_eq!(moved(Pick::Ribbon(0), &s, Action::Up), Some(Pick::Ribbon(0)));
        assert_eq!(moved(Pick::Ribbon(0), &s, Action::Down), Some(Pick::Ribbon(1)));
        assert_eq!(
            moved(Pick::Ribbon(last), &s, Action::Down),
            Some(Pick::Ribbon(last))
        );
        assert_eq!(moved(Pick::Ribbon(3), &s, Action::Last), Some(Pick::Ribbon(last)));
        assert_eq!(moved(Pick::Ribbon(3), &s, Action::Accept), None);
    }

    #[test]
    fn h_and_l_go_to_a_ribbons_ends_then_along_the_nodes() {
        let s = sankey();
        let r = &s.ribbons[2];
        assert_eq!(moved(Pick::Ribbon(2), &s, Action::Left), Some(Pick::Left(r.from)));
        assert_eq!(moved(Pick::Ribbon(2), &s, Action::Right), Some(Pick::Right(r.to)));
        assert_eq!(moved(Pick::Left(0), &s, Action::Left), Some(Pick::Left(0)));
        assert_eq!(moved(Pick::Left(0), &s, Action::Right), Some(Pick::Left(1)));
        let nl = s.left.len();
        assert_eq!(moved(Pick::Left(nl - 1), &s, Action::Right), Some(Pick::Right(0)));
        assert_eq!(moved(Pick::Right(0), &s, Action::Left), Some(Pick::Left(nl - 1)));
        let nr = s.right.len();
        assert_eq!(
            moved(Pick::Right(nr - 1), &s, Action::Right),
            Some(Pick::Right(nr - 1))
        );
        // From a node, j goes to its first ribbon.
        let first = s.ribbons.iter().position(|r| r.to == 1);
        assert_eq!(moved(Pick::Right(1), &s, Action::Down), first.map(Pick::Ribbon));
    }

    #[test]
    fn a_selection_past_the_end_comes_back_to_the_first_ribbon() {
        let s = sankey();
        assert_eq!(clamp(Pick::Left(99), &s), Pick::Ribbon(0));
        assert_eq!(clamp(Pick::Right(1), &s), Pick::Right(1));
        assert_eq!(moved(Pick::Ribbon(0), &Sankey::default(), Action::Down), None);
    }
}
