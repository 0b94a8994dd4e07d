//! The input thread: terminal events (keys, mouse, resizes, pastes) and
//! signals become messages on the one channel the event loop sleeps on.

use crate::tui::app::Msg;
use crossterm::event::{self, Event};
use std::sync::mpsc::Sender;
use std::thread;

/// Starts the input thread: terminal events arrive on `tx`, the one
/// channel the loop sleeps on (no polling); the signal thread
/// ([`super::catch_signals`]) sends on the same channel.
pub fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(_) => continue,
                Err(_) => Msg::Signal,
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
}
