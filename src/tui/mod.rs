//! The interactive explorer: companies, people and timeline panes, linked
//! and fuzzy-searchable.
//!
//! Its modules, in layer order (each uses only those listed before it;
//! `tests/architecture.rs` checks):
//! - [`pane`]: the three panes; [`ascii`]: the ASCII stand-ins of
//!   `--ascii`; [`theme`]: styles;
//! - [`list`]: scrolling; [`marks`]: marks kept between runs;
//! - [`flows`], [`money`]: the tables of the Flows and Money views;
//!   [`detail`]: what the Detail area says;
//! - [`data`]: the dataset and its search index; [`view`]: derived rows;
//!   [`density`]: the time density; [`layout`]: geometry;
//! - [`keymap`]: the one table of key bindings; [`config`]: the config
//!   file's keys and theme;
//! - [`app`]: state and the pure `update`;
//! - [`term`]: the real terminal and the event sources;
//! - [`ui`]: drawing, one module per pane.

pub mod app;
pub mod ascii;
pub mod config;
pub mod data;
pub mod density;
pub mod detail;
pub mod flows;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod marks;
pub mod money;
pub mod pane;
pub mod term;
pub mod theme;
pub mod ui;
pub mod view;

use crate::cache::Pending;
use crate::model::Dataset;
use app::{App, Effect, Msg, update};
use data::Data;
use keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::{Arc, mpsc};
use std::thread;
use theme::Theme;

/// Why the explorer cannot run here, if it cannot: it needs a terminal on
/// standard input and output, and one that can draw (checked before the
/// dataset is loaded, and before [`run`]).
pub fn cannot_run() -> Option<String> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Some(
            "the explorer needs a terminal; for scripts use a subcommand (see rivals --help)".into(),
        );
    }
    term::cannot_draw(std::env::var("TERM").ok().as_deref())
}

/// Runs the TUI on `ds` with `theme` and `keymap` until the user quits,
/// reloading it as `watch` says if given, keeping marks in `marks` (or
/// saying why there are none), and writing the cache image `pending`
/// after the first frame; a signal that stops it gives the exit code
/// 128 + its number, as shells expect. The caller has checked
/// [`cannot_run`].
pub fn run(
    ds: Dataset,
    pending: Option<Pending>,
    theme: &Theme,
    keymap: Keymap,
    watch: Option<term::Watch>,
    marks: Result<marks::Store, String>,
) -> ExitCode {
    // The theme already followed --color and NO_COLOR: crossterm must not
    // drop the colours again on its own reading of NO_COLOR.
    crossterm::style::force_color_output(theme.has_color());
    // Read before the terminal is taken over (and never blocking): a slow
    // or hostile file cannot leave a blank raw screen behind.
    let marks = marks.map(|mut store| {
        let loaded = store.load();
        (store, loaded)
    });
    let data = Data::shared(ds);
    // The cache image is written once the first frame is on screen, and
    // waited for after the terminal is restored.
    let (drawn, first_frame) = mpsc::channel();
    let ended = thread::scope(|s| {
        if let Some(pending) = pending {
            let data = &data;
            s.spawn(move || {
                if first_frame.recv().is_ok() {
                    pending.store(&data.ds);
                }
            });
        }
        run_loop(Arc::clone(&data), theme, Arc::new(keymap), watch, marks, drawn)
    });
    match ended {
        Ok(None) => ExitCode::SUCCESS,
        Ok(Some(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        Err(e) => {
            eprintln!("rivals: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

/// The marks file with what loading it found, or why there is none.
type LoadedMarks = Result<(marks::Store, (marks::Marks, Option<String>)), String>;

/// Draws and handles messages until quit; returns the signal that ended it, if any.
fn run_loop(
    data: Arc<Data>,
    theme: &Theme,
    keymap: Arc<Keymap>,
    watch: Option<term::Watch>,
    marks: LoadedMarks,
    drawn: mpsc::Sender<()>,
) -> io::Result<Option<i32>> {
    let mut drawn = Some(drawn);
    // The signal handlers go in before the terminal is taken over: from
    // then on a stop signal is a message, and the loop restores on its way out.
    let (tx, rx) = mpsc::channel();
    let stop = term::catch_signals(tx.clone())?;
    let _guard = term::Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(Arc::clone(&data), (size.width, size.height)).with_keymap(keymap);
    let mut store = match marks {
        Ok((store, (saved, note))) => {
            app.adopt_marks(saved, note);
            Ok(store)
        }
        Err(why) => Err(why),
    };
    term::spawn_input(tx.clone());
    let _watcher = watch.map(|w| term::Watcher::spawn(w, tx.clone())).transpose()?;
    let searcher = term::Searcher::spawn(tx);
    // Test hook (debug builds only): lets the end-to-end tests check that a
    // panic restores the terminal before its message prints.
    #[cfg(debug_assertions)]
    let panic_on_purpose = std::env::var_os("RIVALS_TEST_PANIC").is_some();
    while !app.quit {
        terminal.draw(|f| ui::render(&app, theme, f))?;
        if let Some(drawn) = drawn.take() {
            let _ = drawn.send(());
        }
        #[cfg(debug_assertions)]
        if panic_on_purpose {
            panic!("RIVALS_TEST_PANIC is set: panicking on purpose");
        }
        // Sleep until something happens, then take everything queued
        // before drawing again.
        let Some(first) = term::next_msg(&rx, app.tick_after()) else {
            break;
        };
        let mut next = Some(first);
        while let Some(msg) = next {
            match update(&mut app, msg) {
                Some(Effect::Search { query, generation }) => {
                    searcher.request(Arc::clone(&app.data), query, generation)
                }
                Some(Effect::SaveMarks(marks)) => {
                    if let Some(note) = save_marks(&mut store, &marks, &mut app) {
                        update(&mut app, Msg::Note(note));
                    }
                }
                Some(Effect::Suspend) => {
                    term::suspend()?;
                    // Redraw everything, at the size the terminal has now
                    // (`clear` would ask the terminal where its cursor is).
                    let size = terminal.size()?;
                    terminal.resize(Rect::new(0, 0, size.width, size.height))?;
                    update(&mut app, Msg::Resize(size.width, size.height));
                }
                None => {}
            }
            next = rx.try_recv().ok();
        }
    }
    Ok(stop.signal())
}

/// Saves `marks` (merged with the file, see [`marks::Store::save`]) and
/// gives `app` every mark the file now holds; returns what the status line
/// should say instead of "mark set", if anything.
fn save_marks(
    store: &mut Result<marks::Store, String>,
    marks: &marks::Marks,
    app: &mut App,
) -> Option<String> {
    match store {
        Ok(store) => match store.save(marks) {
            Ok(saved) => {
                app.take_marks(saved.marks);
                saved.note.map(|moved| match &app.note {
                    Some(set) => format!("{set}; {moved}"),
                    None => moved,
                })
            }
            Err(e) => Some(format!("marks not saved ({e}): {}", store.path().display())),
        },
        Err(why) => Some(format!("marks not saved: {why}")),
    }
}

#[cfg(test)]
mod marks_tests;
#[cfg(test)]
mod sankey_tests;
#[cfg(test)]
mod views_tests;
