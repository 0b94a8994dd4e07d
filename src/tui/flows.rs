//! The Flows view's matrix: the one from→to matrix of
//! [`model::FlowMatrix`](crate::model::FlowMatrix), built once per roll-up
//! setting, busiest organizations first on both axes.

use crate::model::{Dataset, OrgIx};

/// The from→to matrix the Flows view draws.
pub use crate::model::FlowMatrix as Matrix;

/// An organization's name, or `?` for unknown.
pub fn org_name(ds: &Dataset, o: Option<OrgIx>) -> &str {
    o.map_or("?", |o| ds.org(o).name.as_str())
}
