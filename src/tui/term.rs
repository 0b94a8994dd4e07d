//! The real terminal: setup, restore on every exit path, and the threads
//! that turn input, signals and search results into messages.

use super::app::{MAX_HITS, Msg};
use super::data::Data;
use crate::search::Session;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// Undoes exactly what [`Guard::enter`] turned on. Safe to call twice.
pub fn restore() {
    let _ = execute!(stdout(), DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = disable_raw_mode();
}

/// Holds the terminal in raw mode on the alternate screen; restores it
/// when dropped, whatever the exit path (return, `?`, panic unwinding).
pub struct Guard;

impl Guard {
    /// Switches the terminal over, after installing a panic hook that
    /// restores it before the panic message prints.
    pub fn enter() -> io::Result<Guard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        enable_raw_mode()?;
        let guard = Guard;
        execute!(stdout(), EnterAlternateScreen, EnableMouseCapture, cursor::Hide)?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Starts the input and signal threads; everything arrives on one channel,
/// so the loop sleeps until something happens (no polling).
pub fn spawn_sources() -> io::Result<(Sender<Msg>, Receiver<Msg>)> {
    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(_) => continue,
                Err(_) => Msg::Signal,
            };
            if input.send(msg).is_err() {
                break;
            }
        }
    });
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ])?;
    let sig = tx.clone();
    thread::spawn(move || {
        for _ in signals.forever() {
            if sig.send(Msg::Signal).is_err() {
                break;
            }
        }
    });
    Ok((tx, rx))
}

/// The search worker's inbox: the newest query wins, and a query still
/// running when a newer one arrives is cancelled mid-scan.
pub struct Searcher {
    jobs: Sender<(String, u64)>,
    latest: Arc<AtomicU64>,
}

impl Searcher {
    /// Starts the worker thread; results come back as [`Msg::Hits`].
    pub fn spawn(data: Arc<Data>, results: Sender<Msg>) -> Searcher {
        let (jobs, rx) = mpsc::channel::<(String, u64)>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let mut session = Session::default();
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let (query, generation) = job;
                let superseded = || newest.load(Ordering::Relaxed) != generation;
                let Some(hits) = data
                    .index
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

    /// Asks for a search; any older one still running stops.
    pub fn request(&self, query: String, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.jobs.send((query, generation));
    }
}
