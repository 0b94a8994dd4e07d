//! What the explorer browses: the dataset, shared (read-only) by the state,
//! the drawing and the search worker, and what is built from it the first
//! time it is asked for: the search index and the Flows and Money views'
//! tables (the Flows view's once per period and roll-up).

use super::flows::{self, Picture};
use super::money::Chart;
use crate::model::{Dataset, Date, Period};
use crate::search::SearchIndex;
use std::sync::{Arc, Mutex, OnceLock};

/// The Flows view's pictures built so far, by period and roll-up.
type Pictures = Vec<((Option<Period>, bool), Arc<Picture>)>;

/// The dataset the TUI browses, and what it is browsed by.
#[derive(Debug)]
pub struct Data {
    pub ds: Dataset,
    index: OnceLock<SearchIndex>,
    /// The Flows view's pictures by period and roll-up (the lock is held
    /// while one is built, so none is built twice).
    pictures: Mutex<Pictures>,
    /// The years with moves, for the time scrubber.
    years: OnceLock<Vec<u16>>,
    chart: OnceLock<Chart>,
}

impl Data {
    /// The dataset, with nothing built from it yet.
    pub fn new(ds: Dataset) -> Self {
        Data {
            ds,
            index: OnceLock::new(),
            pictures: Mutex::new(Vec::new()),
            years: OnceLock::new(),
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
            warm.picture(None, false);
            warm.chart();
            warm.picture(None, true);
            // The scrubber's years, so that stepping through them (or
            // playing them) never waits.
            for &y in warm.years() {
                warm.picture(Some(Period::of(Date::year(y))), false);
            }
        });
        data
    }

    /// The search index (built on first use).
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.ds))
    }

    /// The Flows view's matrix and Sankey for the moves in `period` (all
    /// time if `None`), child organizations rolled up if `roll_up` (built
    /// on first use, kept for the next).
    pub fn picture(&self, period: Option<Period>, roll_up: bool) -> Arc<Picture> {
        let key = (period, roll_up);
        // A poisoned lock only means a build panicked: the list is whole.
        let mut built = self.pictures.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, p)) = built.iter().find(|(k, _)| *k == key) {
            return Arc::clone(p);
        }
        let p = Arc::new(Picture::new(&self.ds, period, roll_up));
        built.push((key, Arc::clone(&p)));
        p
    }

    /// The years with moves, in order: the time scrubber's steps after
    /// all time (built on first use).
    pub fn years(&self) -> &[u16] {
        self.years
            .get_or_init(|| flows::years(&self.ds, &self.picture(None, false).matrix))
    }

    /// The money chart (built on first use).
    pub fn chart(&self) -> &Chart {
        self.chart.get_or_init(|| Chart::new(&self.ds))
    }
}
