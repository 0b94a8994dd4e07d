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

use crate::model::Diagnostic;
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Preset, Theme};
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
/// `$XDG_CONFIG_HOME/rivals/config.toml` (by default
/// `~/.config/rivals/config.toml`), or the platform's config folder on
/// Windows. `None` if there is no home folder to start from.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .map(|s| s.config_dir().join("rivals").join("config.toml"))
}

/// Reads the config: the file `explicit` names (which must exist), else
/// the one at [`default_path`] if there is one, else the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Config, Vec<Diagnostic>> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.is_file() => p,
            _ => return Ok(Config::default()),
        },
    };
    let shown = path.display().to_string();
    let text = read(&path).map_err(|why| {
        vec![
            Diagnostic::file(&shown, format!("cannot read the config file: {why}"))
                .hint("check the path given to --config, or see `rivals config --path`"),
        ]
    })?;
    parse(&shown, &text)
}

/// Largest config file read: far more than a complete one takes.
const MAX_BYTES: u64 = 1 << 20;

/// The text of the file at `path`, refusing one past [`MAX_BYTES`] (so
/// `--config /dev/zero` stops at once) or not in UTF-8.
fn read(path: &Path) -> Result<String, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!("it is larger than {} KiB", MAX_BYTES >> 10));
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

#[cfg(test)]
mod tests;
