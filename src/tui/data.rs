//! What the explorer browses: the dataset and its search index, built once
//! and shared (read-only) by the state, the drawing and the search worker.

use crate::model::Dataset;
use crate::search::SearchIndex;

/// The dataset plus the search index the TUI browses it by, built once.
#[derive(Debug)]
pub struct Data {
    pub ds: Dataset,
    pub index: SearchIndex,
}

impl Data {
    /// Builds the search index.
    pub fn new(ds: Dataset) -> Self {
        let index = SearchIndex::new(&ds);
        Data { ds, index }
    }
}
