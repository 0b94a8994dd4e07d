//! The Flows view's pictures: the one from→to matrix of
//! [`model::FlowMatrix`](crate::model::FlowMatrix) (busiest organizations
//! first on both axes) and the Sankey laid out from it, built once per
//! period and roll-up setting; and the years the time scrubber steps.

use crate::model::sankey::{self, Sankey};
use crate::model::{Dataset, FlowQuery, OrgIx, Period, flows};

/// The from→to matrix the Flows view draws.
pub use crate::model::FlowMatrix as Matrix;

/// An organization's name, or `?` for unknown.
pub fn org_name(ds: &Dataset, o: Option<OrgIx>) -> &str {
    o.map_or("?", |o| ds.org(o).name.as_str())
}

/// What the Flows view draws for one period and roll-up setting: the
/// matrix and the Sankey laid out from it, built together once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picture {
    pub matrix: Matrix,
    pub sankey: Sankey,
}

impl Picture {
    /// The picture of the moves in `period` (all time if `None`), child
    /// organizations rolled up if `roll_up`.
    pub fn new(ds: &Dataset, period: Option<Period>, roll_up: bool) -> Picture {
        let p = period.unwrap_or_default();
        let q = FlowQuery {
            from: p.from,
            to: p.to,
            roll_up,
        };
        let matrix = Matrix::of(ds, flows(ds, &q));
        let sankey = Sankey::of(ds, &matrix, sankey::MAX_NODES);
        Picture { matrix, sankey }
    }
}

/// The years the scrubber steps through: each year in which a move of
/// `m` (all time) is dated, in order.
pub fn years(ds: &Dataset, m: &Matrix) -> Vec<u16> {
    let mut years: Vec<u16> = m
        .flows
        .iter()
        .flat_map(|(_, f)| f.events.iter().map(|&e| ds.event(e).date.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
}
