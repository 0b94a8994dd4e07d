//! Application state and the one function that changes it, [`update`].
//!
//! Every key, click, resize and search result becomes a [`Msg`]; `update`
//! applies it and may return an [`Effect`] for the event loop to carry out
//! (a search to run). Nothing here touches the terminal.
//!
//! - [`state`]: the [`App`] state and its selectors; `filters`: the
//!   filters and the jumps to a record; `history`: the jump list
//!   (`Backspace`, `Ctrl-f`);
//! - `input`: editing a one-line input by grapheme clusters;
//! - one module per mode for the keys: `browse`, `search` (with the
//!   popup's state), `popups`
//!   (chooser, kinds, help), `prompt`, `marks`; `mouse` for clicks and
//!   the wheel; [`period`] for the period filter and the ranges typed.
//! - [`views`]: the Flows and Money views; [`sankey`]: the Flows view's
//!   Sankey keys; `scrub`: its time scrubber.
//! - `reload`: a watched dataset loaded again, or its error panel.

mod browse;
mod filters;
mod history;
mod input;
mod marks;
mod mouse;
pub mod period;
mod popups;
mod prompt;
mod reload;
pub mod sankey;
mod scrub;
mod search;
pub mod state;
pub mod views;

pub use crate::tui::pane::Pane;
pub use history::Nav;
pub use reload::{Errors, Reload, panel_area};
pub use search::{RecordKind, SearchState};
pub use state::{App, HelpState, Mode, OrgOrder, Target};

use crate::search::Hit;
use crate::tui::keymap::{Action, Key};
use crossterm::event::{KeyEvent, KeyEventKind, MouseEvent};

/// Most search results kept for the popup and for `n`/`N`.
pub const MAX_HITS: usize = 200;

/// Something that happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    Mouse(MouseEvent),
    Resize(u16, u16),
    /// Results of the search numbered `generation`.
    Hits {
        generation: u64,
        hits: Vec<Hit>,
    },
    /// Stop now: SIGTERM, SIGHUP or SIGINT arrived (the event loop keeps
    /// which, for the exit code), or the terminal's input failed.
    Signal,
    /// Text pasted in the terminal (bracketed paste), not typed.
    Paste(String),
    /// Ctrl-z or SIGTSTP: hand the terminal back and stop.
    Suspend,
    /// Something the event loop has to say in the status line (a mark
    /// that could not be saved).
    Note(String),
    /// The watched dataset was loaded again (`--watch`).
    Reloaded(Reload),
    /// Time passed: the next year while the Flows view's scrubber plays
    /// (the event loop sends it after [`App::tick_after`]).
    Tick,
}

/// Work for the event loop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Run a fuzzy search and answer with [`Msg::Hits`].
    Search { query: String, generation: u64 },
    /// Restore the terminal, stop the process, and take over again on SIGCONT.
    Suspend,
    /// Write the marks to the dataset's marks file.
    SaveMarks(crate::tui::marks::Marks),
}

/// Applies `msg` to the state; returns work for the event loop, if any.
pub fn update(app: &mut App, msg: Msg) -> Option<Effect> {
    let from = app.lists.map(|l| l.selected);
    let shown = app.detail_record();
    let effect = match msg {
        Msg::Key(key) if key.kind == KeyEventKind::Release => None,
        Msg::Key(key) if app.flows_view.playing && !leaves(app, &key) => {
            // Any key stops the scrubber playing, and does nothing else.
            app.flows_view.playing = false;
            app.note = Some("stopped".into());
            None
        }
        Msg::Key(key) => {
            app.flows_view.playing = false;
            app.note = None;
            on_key(app, key)
        }
        Msg::Mouse(m) => {
            mouse::on_mouse(app, m);
            None
        }
        Msg::Resize(w, h) => {
            app.size = (w, h);
            None
        }
        Msg::Hits { generation, hits } => {
            if let Mode::Search(s) = &mut app.mode
                && s.generation == generation
            {
                s.set_hits(hits);
            }
            None
        }
        Msg::Signal => {
            app.quit = true;
            None
        }
        Msg::Paste(text) => paste(app, &text),
        Msg::Suspend => Some(Effect::Suspend),
        Msg::Note(text) => {
            app.note = Some(crate::text::sanitize(&text).into_owned());
            None
        }
        Msg::Reloaded(reload) => reload::reloaded(app, reload),
        Msg::Tick => {
            scrub::tick(app);
            None
        }
    };
    if app.detail_record() != shown {
        app.detail.scroll = 0;
    }
    app.settle_after(from);
    effect
}

/// Whether `key` quits or suspends (which stop the scrubber too, and
/// still do what they say).
fn leaves(app: &App, key: &KeyEvent) -> bool {
    let action = app.keymap.action(Key::from_event(key), app.ctx());
    matches!(action, Some(Action::Quit | Action::Suspend))
}

/// Pasted text goes into the search box or the date prompt as if typed:
/// line breaks and tabs become spaces, unsafe characters are dropped.
fn paste(app: &mut App, text: &str) -> Option<Effect> {
    let chars = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|&c| !crate::text::is_unsafe(c));
    match &mut app.mode {
        Mode::Search(_) => search::paste(app, chars),
        Mode::Prompt { input, error } => {
            prompt::insert(input, chars);
            *error = None;
            None
        }
        _ => None,
    }
}

fn on_key(app: &mut App, event: KeyEvent) -> Option<Effect> {
    let key = Key::from_event(&event);
    let action = app.keymap.action(key, app.ctx());
    match action {
        Some(Action::Quit) => {
            app.quit = true;
            return None;
        }
        Some(Action::Suspend) => return Some(Effect::Suspend),
        _ => {}
    }
    match &app.mode {
        Mode::Browse => {
            if let Some(a) = action {
                browse::browse(app, a);
            }
            None
        }
        Mode::Search(_) => search::search_key(app, action, key),
        Mode::Chooser { .. } => {
            popups::chooser(app, action);
            None
        }
        Mode::Kinds { .. } => {
            popups::kinds(app, action);
            None
        }
        Mode::Prompt { .. } => {
            prompt::prompt(app, action, key);
            None
        }
        Mode::Mark { .. } => marks::mark_key(app, action, key),
        Mode::Help(_) => {
            popups::help(app, action, key);
            None
        }
        Mode::Sources { .. } => {
            popups::sources(app, action);
            None
        }
        Mode::Flows => {
            views::flows_key(app, action);
            None
        }
        Mode::Money => {
            views::money_key(app, action);
            None
        }
    }
}

/// The key notation the tests share with the benches.
#[cfg(test)]
#[path = "../../../tests/common/keys.rs"]
pub(crate) mod test_keys;

/// The datasets and helpers of the reload tests, which `ui`'s tests of the
/// screen after a reload share.
#[cfg(test)]
pub(crate) use reload::tests as reload_fixture;

#[cfg(test)]
mod tests;
