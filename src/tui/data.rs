//! What the explorer browses: the dataset and its search index, built once
//! and shared (read-only) by the state, the drawing and the search worker;
//! the Flows and Money views' tables, built the first time they are asked for.

use super::flows::Matrix;
use super::money::Chart;
use crate::model::Dataset;
use crate::search::SearchIndex;
use std::sync::{Arc, OnceLock};

/// The dataset plus the search index the TUI browses it by, built once.
#[derive(Debug)]
pub struct Data {
    pub ds: Dataset,
    pub index: SearchIndex,
    /// The flow matrix, without and with roll-up.
    matrices: [OnceLock<Matrix>; 2],
    chart: OnceLock<Chart>,
}

impl Data {
    /// Builds the search index.
    pub fn new(ds: Dataset) -> Self {
        let index = SearchIndex::new(&ds);
        Data {
            ds,
            index,
            matrices: [OnceLock::new(), OnceLock::new()],
            chart: OnceLock::new(),
        }
    }

    /// The data, shared, with the views' tables built on a background
    /// thread: opening a view later costs nothing, and a view opened before
    /// they are ready waits for them rather than building them twice.
    pub fn shared(ds: Dataset) -> Arc<Data> {
        let data = Arc::new(Data::new(ds));
        let warm = Arc::clone(&data);
        // If no thread can be started, the tables are built on first use.
        let _ = std::thread::Builder::new().name("views".into()).spawn(move || {
            warm.matrix(false);
            warm.chart();
            warm.matrix(true);
        });
        data
    }

    /// The flow matrix, child organizations rolled up if `roll_up` (built
    /// on first use).
    pub fn matrix(&self, roll_up: bool) -> &Matrix {
        self.matrices[usize::from(roll_up)].get_or_init(|| Matrix::new(&self.ds, roll_up))
    }

    /// The money chart (built on first use).
    pub fn chart(&self) -> &Chart {
        self.chart.get_or_init(|| Chart::new(&self.ds))
    }
}
