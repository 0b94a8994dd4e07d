//! What the explorer browses: the dataset, shared (read-only) by the state,
//! the drawing and the search worker, and what is built from it the first
//! time it is asked for: the search index and the Flows and Money views'
//! tables.

use super::flows::Matrix;
use super::money::Chart;
use crate::model::Dataset;
use crate::search::SearchIndex;
use std::sync::{Arc, OnceLock};

/// The dataset the TUI browses, and what it is browsed by.
#[derive(Debug)]
pub struct Data {
    pub ds: Dataset,
    index: OnceLock<SearchIndex>,
    /// The flow matrix, without and with roll-up.
    matrices: [OnceLock<Matrix>; 2],
    chart: OnceLock<Chart>,
}

impl Data {
    /// The dataset, with nothing built from it yet.
    pub fn new(ds: Dataset) -> Self {
        Data {
            ds,
            index: OnceLock::new(),
            matrices: [OnceLock::new(), OnceLock::new()],
            chart: OnceLock::new(),
        }
    }

    /// The data, shared, with the search index and then the views' tables
    /// built on a background thread: the first frame does not wait for
    /// them (the index takes ~0.1 s on 100,000 events), and whatever asks
    /// for one before it is ready waits for it rather than building it
    /// twice.
    pub fn shared(ds: Dataset) -> Arc<Data> {
        let data = Arc::new(Data::new(ds));
        let warm = Arc::clone(&data);
        // If no thread can be started, each is built on first use.
        let _ = std::thread::Builder::new().name("warm-up".into()).spawn(move || {
            warm.index();
            warm.matrix(false);
            warm.chart();
            warm.matrix(true);
        });
        data
    }

    /// The search index (built on first use).
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.ds))
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
