//! The input thread: terminal events (keys, mouse, resizes, pastes) and
//! signals become messages on the one channel the event loop sleeps on.

use super::guard::{Stop, catch_signals};
use crate::tui::app::Msg;
use crossterm::event::{self, Event};
use std::io;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

/// Starts the input and signal threads; everything arrives on one channel,
/// so the loop sleeps until something happens (no polling). [`Stop`] tells
/// which signal, if any, asked the program to quit.
pub fn spawn_sources() -> io::Result<(Sender<Msg>, Receiver<Msg>, Stop)> {
    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
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
            if input.send(msg).is_err() {
                break;
            }
        }
    });
    let stop = catch_signals(tx.clone())?;
    Ok((tx, rx, stop))
}
