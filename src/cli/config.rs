//! `rivals config` and how the explorer looks: the config file, `--color`
//! and `--ascii`.

use super::{Cli, Failure, output};
use crate::model::Diagnostic;
use crate::tui::config::{self, Config, Source};
use crate::tui::keymap::Keymap;
use crate::tui::theme::{Glyphs, Theme};
use clap::ValueEnum;
use std::path::Path;
use std::process::ExitCode;

/// When the explorer uses colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorMode {
    /// Colour on a terminal that has it, unless NO_COLOR is set.
    #[default]
    Auto,
    /// Colour even with NO_COLOR set.
    Always,
    /// No colour: bold, reverse and underline only (as --no-color).
    Never,
}

/// Whether to use colour under `mode`, given `NO_COLOR`, whether standard
/// output is a terminal and `TERM`. `--no-color` is `never`.
pub fn wants_color(mode: ColorMode, no_color_env: Option<&str>, terminal: bool, term: Option<&str>) -> bool {
    match mode {
        ColorMode::Always => true,
        ColorMode::Never => false,
        ColorMode::Auto => terminal && no_color_env.is_none_or(str::is_empty) && term != Some("dumb"),
    }
}

/// Whether the command line turns colour off (`--no-color`, `--color
/// never`), read before parsing so help and usage errors obey it too.
pub fn color_off_in(args: &[std::ffi::OsString]) -> bool {
    let args: Vec<&str> = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .take_while(|a| *a != "--")
        .collect();
    args.iter().enumerate().any(|(i, a)| {
        *a == "--no-color" || *a == "--color=never" || (*a == "--color" && args.get(i + 1) == Some(&"never"))
    })
}

/// The theme and keymap the explorer runs with: the config file's, in
/// colour or not as `--color` says, with `--ascii`'s glyphs.
pub fn tui_settings(cli: &Cli) -> Result<(Theme, Keymap), Vec<Diagnostic>> {
    let Config { keymap, theme } = config::load(cli.config.as_deref())?;
    let mode = if cli.no_color { ColorMode::Never } else { cli.color };
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let color = wants_color(
        mode,
        std::env::var("NO_COLOR").ok().as_deref(),
        terminal,
        std::env::var("TERM").ok().as_deref(),
    );
    let theme = if color { theme } else { Theme::mono() };
    let glyphs = if cli.ascii { Glyphs::Ascii } else { Glyphs::Unicode };
    Ok((theme.with_glyphs(glyphs), keymap))
}

/// `rivals config`: the default file (`--default`), where the file is
/// looked for (`--path`), or else a check of the file in use: every
/// problem in file order, then their count. Exits 1 where the explorer
/// would refuse to start.
pub fn command(explicit: Option<&Path>, default: bool, path: bool) -> ExitCode {
    if default {
        return output::stdout(&config::default_text());
    }
    let source = config::source(explicit);
    let text = match (&source, path) {
        (Source::NoPath(why), true) => {
            output::error(
                &Failure::new(format!("no config file path: {why}"))
                    .hint("give a file with --config FILE")
                    .0,
            );
            return ExitCode::from(1);
        }
        (Source::NoPath(why), false) => format!("no config file is read ({why}): the defaults are in use\n"),
        (Source::Given(file) | Source::Default(file) | Source::Absent(file), true) => {
            format!("{}\n", file.display())
        }
        (Source::Absent(file), false) => format!(
            "no config file at {}: the defaults are in use (see `rivals config --default`)\n",
            file.display()
        ),
        (Source::Given(file) | Source::Default(file), false) => match config::load_from(&source) {
            Ok(_) => format!("ok: {}\n", file.display()),
            Err(problems) => {
                super::report(&problems);
                return ExitCode::from(1);
            }
        },
    };
    output::stdout(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_follows_the_flag_then_no_color_then_the_terminal() {
        use ColorMode::*;
        assert!(wants_color(Auto, None, true, Some("xterm")));
        assert!(wants_color(Auto, Some(""), true, None));
        assert!(!wants_color(Auto, Some("1"), true, None));
        assert!(!wants_color(Auto, None, false, None), "not a terminal");
        assert!(!wants_color(Auto, None, true, Some("dumb")));
        assert!(
            wants_color(Always, Some("1"), false, None),
            "always wins over NO_COLOR"
        );
        assert!(!wants_color(Never, None, true, None));
    }

    #[test]
    fn colour_off_is_seen_before_parsing() {
        let off = |args: &[&str]| {
            let v: Vec<std::ffi::OsString> = args.iter().map(Into::into).collect();
            color_off_in(&v)
        };
        assert!(off(&["rivals", "--color", "never", "--help"]));
        assert!(off(&["rivals", "check", "--color=never"]));
        assert!(off(&["rivals", "--no-color"]));
        assert!(!off(&["rivals", "--color", "always"]));
        assert!(!off(&["rivals", "never"]));
        assert!(!off(&["rivals", "search", "--", "--no-color"]));
    }
}
