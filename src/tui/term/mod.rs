//! The real terminal: setup, restore on every exit path, suspend and
//! resume, and the threads that turn input, signals, search results and
//! reloads of a watched dataset into messages.
//!
//! - `guard`: taking the terminal over and restoring it, suspend, signals;
//! - `input`: the thread that turns terminal events into messages;
//! - `searcher`: the fuzzy search worker;
//! - `watcher`: reloading a watched dataset when its files change.

mod guard;
mod input;
mod searcher;
mod watcher;

pub use guard::{Guard, Stop, cannot_draw, catch_signals, restore, suspend};
pub use input::spawn_input;
pub use searcher::Searcher;
pub use watcher::{Watch, Watcher};
