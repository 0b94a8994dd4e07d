//! The interactive explorer: companies, people and timeline panes, linked
//! and fuzzy-searchable.
//!
//! - [`app`]: state and the pure `update`;
//! - [`keymap`]: the one table of key bindings;
//! - [`data`]: the dataset and its search index;
//! - [`view`], [`list`], [`layout`]: derived rows, scrolling, geometry;
//! - [`ui`]: drawing, one module per pane; [`theme`]: styles;
//! - [`term`]: the real terminal and the event sources.

pub mod app;
pub mod data;
pub mod keymap;
pub mod layout;
pub mod list;
pub mod term;
pub mod theme;
pub mod ui;
pub mod view;

use crate::model::Dataset;
use app::{App, Effect, update};
use data::Data;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::Arc;
use theme::Theme;

/// Runs the TUI on `ds` until the user quits.
pub fn run(ds: Dataset, no_color: bool) -> ExitCode {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        eprintln!("rivals: the explorer needs a terminal; for scripts use a subcommand (see rivals --help)");
        return ExitCode::from(2);
    }
    let theme = Theme::pick(no_color, std::env::var("NO_COLOR").ok().as_deref());
    match run_loop(Arc::new(Data::new(ds)), &theme) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rivals: terminal error: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_loop(data: Arc<Data>, theme: &Theme) -> io::Result<()> {
    let _guard = term::Guard::enter()?;
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = terminal.size()?;
    let mut app = App::new(Arc::clone(&data), (size.width, size.height));
    let (tx, rx) = term::spawn_sources()?;
    let searcher = term::Searcher::spawn(data, tx);
    // Test hook: lets the end-to-end tests check that a panic restores the
    // terminal before its message prints.
    let panic_on_purpose = std::env::var_os("RIVALS_TEST_PANIC").is_some();
    while !app.quit {
        terminal.draw(|f| ui::render(&app, theme, f))?;
        if panic_on_purpose {
            panic!("RIVALS_TEST_PANIC is set: panicking on purpose");
        }
        // Sleep until something happens, then take everything queued
        // before drawing again.
        let Ok(first) = rx.recv() else { break };
        let mut next = Some(first);
        while let Some(msg) = next {
            if let Some(Effect::Search { query, generation }) = update(&mut app, msg) {
                searcher.request(query, generation);
            }
            next = rx.try_recv().ok();
        }
    }
    Ok(())
}
