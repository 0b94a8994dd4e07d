//! The config file: `[keys]` rebinds the keymap's actions, `[theme]` picks
//! a built-in theme and overrides its slots.
//!
//! The file is read with the `toml` crate's spanned parser, so every
//! problem (a syntax error, an unknown action, a key or colour that does
//! not parse, a wrong type, two actions on one key) is reported as
//! `FILE:LINE:COL: error: ...` with a hint, before the explorer starts.
//!
//! - `parse`: reading the TOML, and the reader that collects every
//!   problem;
//! - `keys`: the `[keys]` table;
//! - `theme`: the `[theme]` table;
//! - `default_file`: the commented default file (`rivals config --default`).

mod default_file;
mod keys;
mod parse;
mod theme;

pub use default_file::default_text;
pub use parse::parse;

use crate::files::{AppDir, app_dir, is_absent, read_small};
use crate::model::Diagnostic;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Preset, Theme};
use std::io;
use std::path::{Path, PathBuf};

/// What a config file sets: the key bindings and the theme.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    /// The chosen theme with the file's overrides; used when colour is on.
    pub theme: Theme,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            keymap: Keymap::default(),
            theme: Preset::Dark.theme(),
        }
    }
}

/// Where the config file is looked for when `--config` is not given:
/// `config.toml` in the app's config folder
/// (`$XDG_CONFIG_HOME/rivals`, by default `~/.config/rivals`; the
/// platform's config folder on Windows), or why there is none: no home
/// folder, or a relative one.
fn default_path() -> Result<PathBuf, String> {
    app_dir(AppDir::Config).map(|dir| dir.join("config.toml"))
}

/// Where the config comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The file `--config` names, which must be a readable file.
    Given(PathBuf),
    /// Something is at the default path: it must be a readable file.
    Default(PathBuf),
    /// Nothing is at the default path: the defaults apply.
    Absent(PathBuf),
    /// There is no default path, for this reason: the defaults apply.
    NoPath(String),
}

/// Where the config comes from: the file `explicit` names, else the
/// default path. Only a default path where nothing at all is (not even a
/// dangling symlink) means the defaults.
pub fn source(explicit: Option<&Path>) -> Source {
    if let Some(p) = explicit {
        return Source::Given(p.to_path_buf());
    }
    match default_path() {
        Err(why) => Source::NoPath(why),
        Ok(p) if is_absent(&p) => Source::Absent(p),
        Ok(p) => Source::Default(p),
    }
}

/// Reads the config from `explicit` or the default path, as [`source`]
/// finds it; the defaults if there is no file.
pub fn load(explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    load_from(&source(explicit))
}

/// Reads the config from `source`.
pub fn load_from(source: &Source) -> Result<Config, Vec<Diagnostic>> {
    let (path, hint) = match source {
        Source::Given(p) => (
            p,
            "check the path given to --config, or see `rivals config --path`",
        ),
        Source::Default(p) => (
            p,
            "fix it or remove it (without a file there, the defaults apply)",
        ),
        Source::Absent(_) | Source::NoPath(_) => return Ok(Config::default()),
    };
    let shown = path.display().to_string();
    let text = read(path).map_err(|why| {
        vec![Diagnostic::file(&shown, format!("cannot read the config file: {why}")).hint(hint)]
    })?;
    parse(&shown, &text)
}

/// Largest config file read: far more than a complete one takes.
const MAX_BYTES: u64 = 1 << 20;

/// The text of the file at `path`, or what is wrong with it, as "it
/// is ...": a FIFO, a device or a folder (refused without blocking), a
/// dangling symlink, a file past [`MAX_BYTES`] or not in UTF-8.
fn read(path: &Path) -> Result<String, String> {
    let bytes = read_small(path, MAX_BYTES).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => match std::fs::read_link(path) {
            Ok(target) => format!("it is a symlink to {}, which does not exist", target.display()),
            Err(_) => e.to_string(),
        },
        io::ErrorKind::InvalidInput => format!("it {e}"),
        _ => e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

#[cfg(test)]
mod tests;
