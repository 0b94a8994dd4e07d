//! The real terminal: setup, restore on every exit path, suspend and
//! resume, and the threads that turn input, signals, search results and
//! reloads of a watched dataset into messages.
//!
//! - `guard`: taking the terminal over and restoring it, suspend, signals;
//! - `input`: the thread that turns terminal events into messages;
//! - `searcher`: the fuzzy search worker;
//! - `watcher`: reloading a watched dataset when its files change;
//! - [`next_msg`]: the loop's wait, with a tick while something plays.

mod guard;
mod input;
mod searcher;
mod watcher;

pub use guard::{Guard, Stop, cannot_draw, catch_signals, restore, suspend};
pub use input::spawn_input;
pub use searcher::Searcher;
pub use watcher::{Watch, Watcher};

use crate::tui::app::Msg;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// Waits for the next message; with `tick`, for at most that long, and
/// then [`Msg::Tick`] (the Flows view's scrubber playing). `None` when
/// every sender is gone.
pub fn next_msg(rx: &Receiver<Msg>, tick: Option<Duration>) -> Option<Msg> {
    match tick {
        None => rx.recv().ok(),
        Some(wait) => match rx.recv_timeout(wait) {
            Ok(msg) => Some(msg),
            Err(RecvTimeoutError::Timeout) => Some(Msg::Tick),
            Err(RecvTimeoutError::Disconnected) => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    #[test]
    fn the_wait_ticks_only_when_asked_to() {
        let (tx, rx) = mpsc::channel();
        assert_eq!(next_msg(&rx, Some(Duration::from_millis(1))), Some(Msg::Tick));
        tx.send(Msg::Signal).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(next_msg(&rx, Some(Duration::from_secs(60))), Some(Msg::Signal));
        tx.send(Msg::Suspend).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(next_msg(&rx, None), Some(Msg::Suspend));
        drop(tx);
        assert_eq!(next_msg(&rx, None), None);
    }
}
