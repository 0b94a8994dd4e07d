//! The search worker: fuzzy searches run off the event loop, the newest
//! query winning, and come back as [`Msg::Hits`].

use crate::search::Session;
use crate::tui::app::{MAX_HITS, Msg};
use crate::tui::data::Data;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::thread;

/// The search worker's inbox: the newest query wins, and a query still
/// running when a newer one arrives is cancelled mid-scan.
pub struct Searcher {
    jobs: Sender<(Arc<Data>, String, u64)>,
    latest: Arc<AtomicU64>,
}

impl Searcher {
    /// Starts the worker thread; results come back as [`Msg::Hits`].
    pub fn spawn(results: Sender<Msg>) -> Searcher {
        let (jobs, rx) = mpsc::channel::<(Arc<Data>, String, u64)>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let mut session = Session::default();
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let (data, query, generation) = job;
                let superseded = || newest.load(Ordering::Relaxed) != generation;
                let Some(hits) =
                    data.index()
                        .search_in(&data.ds, &query, MAX_HITS, &mut session, &superseded)
                else {
                    continue;
                };
                if results.send(Msg::Hits { generation, hits }).is_err() {
                    break;
                }
            }
        });
        Searcher { jobs, latest }
    }

    /// Asks for a search in `data`; any older one still running stops.
    pub fn request(&self, data: Arc<Data>, query: String, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.jobs.send((data, query, generation));
    }
}
