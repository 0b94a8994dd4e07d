//! The Flows view's matrix, built once per roll-up setting from
//! [`model::flows`]: organizations busiest first on both axes, cells kept
//! sparse (only pairs with moves), totals per organization.

use crate::model::{self, Dataset, Date, Flow, FlowQuery, OrgIx, Pair};

/// The from→to matrix.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matrix {
    /// The organizations of both axes, busiest (most moves in and out)
    /// first; `None` is unknown.
    pub axis: Vec<Option<OrgIx>>,
    /// People out of and into each axis organization.
    pub totals: Vec<(u32, u32)>,
    /// The flows, one per pair with moves.
    pub flows: Vec<(Pair, Flow)>,
    /// (row, column, index in `flows`), sorted, for lookups.
    cells: Vec<(u32, u32, u32)>,
    /// The largest count of one cell.
    pub max: u32,
    /// The dates of the first and the last move counted.
    pub span: Option<(Date, Date)>,
}

impl Matrix {
    /// The matrix of every move, child organizations rolled into their
    /// parents if `roll_up`.
    pub fn new(ds: &Dataset, roll_up: bool) -> Matrix {
        let flows = model::flows(
            ds,
            &FlowQuery {
                roll_up,
                ..FlowQuery::default()
            },
        );
        // Moves in and out of each organization, `ds.orgs.len()` for unknown.
        let unknown = ds.orgs.len();
        let slot = |o: Option<OrgIx>| o.map_or(unknown, |o| o as usize);
        let mut moves = vec![(0u32, 0u32); unknown + 1];
        for ((from, to), f) in &flows {
            moves[slot(*from)].0 += f.count;
            moves[slot(*to)].1 += f.count;
        }
        let mut axis: Vec<Option<OrgIx>> = (0..=unknown)
            .filter(|&i| moves[i] != (0, 0))
            .map(|i| (i < unknown).then_some(i as OrgIx))
            .collect();
        axis.sort_by_cached_key(|&o| {
            let (out, into) = moves[slot(o)];
            let name = o.map_or_else(String::new, |o| ds.org(o).name.to_lowercase());
            (std::cmp::Reverse(out + into), o.is_none(), name)
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
        let max = flows.iter().map(|(_, f)| f.count).max().unwrap_or(0);
        let dates = flows
            .iter()
            .flat_map(|(_, f)| f.events.iter().map(|&e| ds.event(e).date));
        let span = dates.fold(None, |span: Option<(Date, Date)>, d| match span {
            None => Some((d, d)),
            Some((a, b)) => Some((a.min(d), b.max(d))),
        });
        Matrix {
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
    /// (`+3`, `-2`, `0`); `None` for unknown and past the axis.
    pub fn net(&self, i: usize) -> Option<String> {
        let &(out, into) = self.totals.get(i)?;
        model::net_gain(self.axis.get(i).copied().flatten(), into.into(), out.into())
    }
}

/// An organization's name, or `?` for unknown.
pub fn org_name(ds: &Dataset, o: Option<OrgIx>) -> &str {
    o.map_or("?", |o| ds.org(o).name.as_str())
}
