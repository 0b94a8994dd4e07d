//! The explorer (no subcommand): the TUI, on the loaded dataset.

use super::args::Cli;
use super::load::{load, report};
use super::{config, output};
use crate::cache;
use crate::model::Dataset;
use std::process::ExitCode;

/// The explorer. The config file and the terminal are checked before the
/// dataset loads (which takes a second on a big one).
pub(super) fn explore(cli: &Cli) -> ExitCode {
    let (theme, keymap) = match config::tui_settings(cli) {
        Ok(settings) => settings,
        Err(errors) => {
            output::errors(&errors);
            return ExitCode::from(1);
        }
    };
    if let Some(why) = crate::tui::cannot_run() {
        output::note(&format!("rivals: {why}"));
        return ExitCode::from(2);
    }
    // What the files hold before they are loaded: a --watch reload is
    // skipped while they still hold it.
    let shown = cli
        .watch
        .then(|| cache::key_of_layers::<Dataset>(&cli.layers(), cli.max_file_bytes()))
        .flatten();
    // With --watch, a broken dataset opens empty under its errors, to be
    // fixed live (when its folders are there to watch).
    let (ds, pending, failed) = match load(cli) {
        Ok((ds, pending)) => (ds, pending, Vec::new()),
        Err(errors) if cli.watch && folders_exist(&cli.layers()) => (empty(&cli.layers()), None, errors),
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let marks = if failed.is_empty() {
        crate::tui::marks::Store::for_layers(&cli.layers(), &ds.name)
    } else {
        Err("marks are kept once the dataset has loaded; restart to use them".into())
    };
    let watch = cli.watch.then(|| crate::tui::term::Watch {
        layers: cli.layers(),
        max_bytes: cli.max_file_bytes(),
        shown,
        failed,
    });
    crate::tui::run(ds, pending, &theme, keymap, watch, marks)
}

/// An empty dataset named after the last folder layer, for `--watch` to
/// open on while the files are broken.
fn empty(layers: &[crate::model::Layer]) -> Dataset {
    let name = layers.iter().rev().find_map(|l| match l {
        crate::model::Layer::Folder(dir) => {
            dir.canonicalize().ok()?.file_name()?.to_str().map(str::to_string)
        }
        crate::model::Layer::Embedded => None,
    });
    let mut ds = Dataset::default();
    ds.name = name.unwrap_or_default();
    ds
}

/// Whether every folder layer is a folder that exists (and can be watched).
fn folders_exist(layers: &[crate::model::Layer]) -> bool {
    layers.iter().all(|l| match l {
        crate::model::Layer::Folder(dir) => dir.is_dir(),
        crate::model::Layer::Embedded => true,
    })
}
