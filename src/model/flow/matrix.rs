//! The one from→to matrix of the flows, behind the Flows view and the
//! matrix of `rivals flow`.

use super::{Flow, FlowQuery, Pair, Range, flows, net_gain};
use crate::model::{Dataset, Date, OrgIx};

/// The from→to matrix of a set of flows, the one behind the Flows view,
/// `rivals flow` and the graph exports: organizations busiest (most moves
/// in and out) first on both axes, cells kept sparse (only pairs with
/// moves), totals per organization.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlowMatrix {
    /// The organizations of both axes, busiest first; among equally busy
    /// ones, known organizations by name, then unknown (`None`).
    pub axis: Vec<Option<OrgIx>>,
    /// People out of and into each axis organization, with the range the
    /// sources give.
    pub totals: Vec<(Range, Range)>,
    /// The flows, one per pair with moves, sorted by pair.
    pub flows: Vec<(Pair, Flow)>,
    /// (row, column, index in `flows`), sorted, for lookups.
    cells: Vec<(u32, u32, u32)>,
    /// The largest count of one cell.
    pub max: u32,
    /// The dates of the first and the last event of the moves counted.
    pub span: Option<(Date, Date)>,
}

impl FlowMatrix {
    /// The matrix of every move, child organizations rolled into their
    /// parents if `roll_up`.
    pub fn new(ds: &Dataset, roll_up: bool) -> FlowMatrix {
        let q = FlowQuery {
            roll_up,
            ..FlowQuery::default()
        };
        FlowMatrix::of(ds, flows(ds, &q))
    }

    /// The matrix of `flows` (as [`flows`] returns them, or a part of them).
    pub fn of(ds: &Dataset, flows: Vec<(Pair, Flow)>) -> FlowMatrix {
        // Moves out and in of each organization, `ds.orgs.len()` for unknown.
        let unknown = ds.orgs.len();
        let slot = |o: Option<OrgIx>| o.map_or(unknown, |o| (o as usize).min(unknown));
        let mut moves = vec![(Range::default(), Range::default()); unknown + 1];
        for ((from, to), f) in &flows {
            moves[slot(*from)].0 += f.range;
            moves[slot(*to)].1 += f.range;
        }
        let mut axis: Vec<Option<OrgIx>> = (0..=unknown)
            .filter(|&i| moves[i].0.count + moves[i].1.count > 0)
            .map(|i| (i < unknown).then_some(i as OrgIx))
            .collect();
        axis.sort_by_cached_key(|&o| {
            let (out, into) = (moves[slot(o)].0.count, moves[slot(o)].1.count);
            let name = o.map_or_else(String::new, |o| ds.org(o).name.to_lowercase());
            (std::cmp::Reverse(out + into), o.is_none(), name, o)
        });
        let mut position = vec![u32::MAX; unknown + 1];
        for (i, &o) in axis.iter().enumerate() {
            position[slot(o)] = i as u32;
        }
        let mut cells: Vec<(u32, u32, u32)> = flows
            .iter()
            .enumerate()
            .map(|(k, ((from, to), _))| (position[slot(*from)], position[slot(*to)], k as u32))
            .collect();
        cells.sort_unstable();
        let totals = axis.iter().map(|&o| moves[slot(o)]).collect();
        let max = flows.iter().map(|(_, f)| f.range.count).max().unwrap_or(0);
        let dates = flows
            .iter()
            .flat_map(|(_, f)| f.events.iter().map(|&e| ds.event(e).date));
        let span = dates.fold(None, |span: Option<(Date, Date)>, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        });
        FlowMatrix {
            axis,
            totals,
            flows,
            cells,
            max,
            span,
        }
    }

    /// The flow from axis organization `row` to axis organization `col`.
    pub fn cell(&self, row: usize, col: usize) -> Option<&(Pair, Flow)> {
        let key = (row as u32, col as u32);
        let at = self.cells.binary_search_by(|&(r, c, _)| (r, c).cmp(&key)).ok()?;
        self.flows.get(self.cells[at].2 as usize)
    }

    /// Number of organizations on each axis.
    pub fn len(&self) -> usize {
        self.axis.len()
    }

    /// Whether no organization has moves.
    pub fn is_empty(&self) -> bool {
        self.axis.is_empty()
    }

    /// The net gain of axis organization `i` as `rivals flow` writes it
    /// (`+3`, `-2`, `0`, `+11≠` when its moves include a range); `None` for
    /// unknown and past the axis.
    pub fn net(&self, i: usize) -> Option<String> {
        let &(out, into) = self.totals.get(i)?;
        let gain = net_gain(
            self.axis.get(i).copied().flatten(),
            into.count.into(),
            out.count.into(),
        )?;
        let mark = if into.is_exact() && out.is_exact() {
            ""
        } else {
            "≠"
        };
        Some(format!("{gain}{mark}"))
    }
}
