//! Taking the terminal over and giving it back: raw mode and the alternate
//! screen held by [`Guard`], restored on every exit path (return, `?`,
//! panic), suspend and resume, and the signals that stop or suspend the
//! program ([`Stop`]).

use crate::tui::app::Msg;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use signal_hook::consts::{SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};
use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::mpsc::Sender;
use std::thread;

/// Whether the terminal is in our modes. The panic hook and the guard's
/// drop both restore; only the first may write, since leaving the alternate
/// screen a second time moves the cursor back up over the panic message.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Why a terminal called `term` (the `TERM` variable) cannot draw the
/// explorer, if it cannot: unset, empty and `dumb` terminals cannot move
/// the cursor or show colour.
pub fn cannot_draw(term: Option<&str>) -> Option<String> {
    let which = match term.map(str::trim) {
        None | Some("") => "TERM is not set".to_string(),
        Some("dumb") => "TERM=dumb".to_string(),
        Some(_) => return None,
    };
    Some(format!(
        "can't draw the explorer on this terminal ({which}); \
         set TERM (e.g. TERM=xterm-256color) or use a subcommand (see rivals --help)"
    ))
}

/// Raw mode, the alternate screen, mouse capture, bracketed paste and a
/// hidden cursor.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Undoes exactly what [`Guard::enter`] turned on. Safe to call twice: the
/// second call writes nothing.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Hands the terminal back and stops the process, as Ctrl-z does in a
/// shell; returns once continued (`fg`, SIGCONT) with the terminal taken
/// over again. The caller must redraw everything.
pub fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGSTOP)?;
    take_over()
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
        let guard = Guard;
        take_over()?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// The signal that asked the program to stop, if one did.
#[derive(Clone, Default)]
pub struct Stop(Arc<AtomicI32>);

impl Stop {
    /// The signal's number; `None` when the program stopped for another reason.
    pub fn signal(&self) -> Option<i32> {
        Some(self.0.load(Ordering::SeqCst)).filter(|&n| n != 0)
    }
}

/// Starts the signal thread: a stop signal (`SIGTERM`, `SIGHUP`, `SIGINT`)
/// is sent on `tx` as [`Msg::Signal`], and kept in the [`Stop`] returned;
/// `SIGTSTP` as [`Msg::Suspend`].
pub fn catch_signals(tx: Sender<Msg>) -> io::Result<Stop> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    let stop = Stop::default();
    let caught = Arc::clone(&stop.0);
    thread::spawn(move || {
        for signal in signals.forever() {
            let msg = if signal == SIGTSTP {
                Msg::Suspend
            } else {
                caught.store(signal, Ordering::SeqCst);
                Msg::Signal
            };
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    Ok(stop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_empty_and_unset_terminals_cannot_draw() {
        for term in [None, Some(""), Some("dumb"), Some(" dumb ")] {
            let why = cannot_draw(term).unwrap_or_default();
            assert!(
                why.contains("can't draw") && why.contains("TERM"),
                "{term:?}: {why}"
            );
        }
        for term in ["xterm-256color", "linux", "vt100", "screen"] {
            assert_eq!(cannot_draw(Some(term)), None, "{term}");
        }
    }
}
