//! The config file, `--color`, `--ascii`, completions and the manual page,
//! run as the real binary.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored, colour_codes};
use std::path::Path;
use std::process::Command;

/// `rivals` with no config found unless a test writes one into `home`.
fn rivals(home: &Path) -> Command {
    let mut cmd = Command::new(common::BIN);
    cmd.env_remove("RIVALS_DATA")
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", home)
        .env("HOME", home);
    cmd
}

fn run(cmd: &mut Command) -> (Option<i32>, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn the_default_config_is_complete_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (code, text, _) = run(rivals(home.path()).args(["config", "--default"]));
    assert_eq!(code, Some(0));
    for line in [
        "[keys]",
        "[keys.search_box]",
        "[theme]",
        "name = \"dark\"",
        "next_year = [\"]\"]",
        "# title_bar = {",
    ] {
        assert!(text.contains(line), "{line} missing");
    }
    let file = write(home.path(), "rivals/config.toml", &text);
    let (code, out, err) = run(rivals(home.path()).arg("config"));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert_eq!(out, format!("ok: {}\n", file.display()));
}

#[test]
fn the_path_follows_xdg_config_home_and_config() {
    let home = tempfile::tempdir().unwrap();
    let (_, out, _) = run(rivals(home.path()).args(["config", "--path"]));
    assert_eq!(
        out,
        format!("{}\n", home.path().join("rivals/config.toml").display())
    );
    let (_, out, _) = run(rivals(home.path()).args(["config", "--path", "--config", "my.toml"]));
    assert_eq!(out, "my.toml\n");
    let (code, out, _) = run(rivals(home.path()).arg("config"));
    assert_eq!(code, Some(0));
    assert!(out.starts_with("no config file at "), "{out}");
}

#[test]
fn a_partial_config_is_accepted() {
    let home = tempfile::tempdir().unwrap();
    let file = write(
        home.path(),
        "partial.toml",
        "[keys]\nquit = [\"Q\"]\n\n[theme]\nname = \"high-contrast\"\nmuted = \"gray\"\n",
    );
    let (code, out, err) = run(rivals(home.path()).arg("config").arg("--config").arg(&file));
    assert_eq!((code, err.as_str()), (Some(0), ""));
    assert!(out.starts_with("ok: "));
}

#[test]
fn a_bad_config_stops_the_explorer_before_it_starts() {
    let home = tempfile::tempdir().unwrap();
    let file = write(
        home.path(),
        "rivals/config.toml",
        "[keys]\nquit = [\"q\"]\nsearch = [\"/\", \"Ctrl-Hyper-x\"]\n\n[theme]\nborder = { fg = 12 }\n",
    );
    // The explorer itself: the file at the default path is read first.
    let (code, out, err) = run(&mut rivals(home.path()));
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(out, "");
    let shown = file.display();
    assert_eq!(
        err,
        format!(
            "{shown}:3:16: error: `Ctrl-Hyper-x` is not a key\n  hint: a key is one character (j, G, ?), a named key (Down, Up, Left, Right, PageDown, PageUp, Home, End, Tab, Shift-Tab, Enter, Esc, Backspace, Delete, Insert, Space, F1 to F24), or either after Ctrl- (Ctrl-d)\n\
             {shown}:6:17: error: a colour is written as a string\n  hint: a colour is a name (black, red, green, yellow, blue, magenta, cyan, gray, dark_gray, light_red, light_green, light_yellow, light_blue, light_magenta, light_cyan, white, reset), #RRGGBB, or a number from 0 to 255\n"
        )
    );
    // Scripts do not read it.
    let (code, _, _) = run(rivals(home.path()).arg("check"));
    assert_eq!(code, Some(0));
    // `rivals config` checks it.
    let (code, _, err) = run(rivals(home.path()).arg("config"));
    assert_eq!(code, Some(1));
    assert!(
        err.contains(":3:16: error:") && err.contains(":6:17: error:"),
        "{err}"
    );
}

#[test]
fn syntax_errors_and_conflicts_name_the_place() {
    let home = tempfile::tempdir().unwrap();
    let syntax = write(home.path(), "a/config.toml", "[keys\nquit = [\"q\"]\n");
    let (code, _, err) = run(rivals(home.path()).arg("--config").arg(&syntax));
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(&format!("{}:1:6: error: not valid TOML: ", syntax.display())),
        "{err}"
    );
    let clash = write(home.path(), "b/config.toml", "[keys]\nhelp = [\"?\", \"q\"]\n");
    let (code, _, err) = run(rivals(home.path()).arg("--config").arg(&clash));
    assert_eq!(code, Some(1));
    assert_eq!(
        err,
        format!(
            "{}:2:14: error: `q` is bound to both `help` and `quit` while browsing\n  hint: give one of them another key (by default `help` is ?/F1, `quit` is q)\n",
            clash.display()
        )
    );
    let missing = home.path().join("nowhere.toml");
    let (code, _, err) = run(rivals(home.path()).arg("--config").arg(&missing));
    assert_eq!(code, Some(1));
    assert!(err.contains("cannot read the config file"), "{err}");
    for (file, why) in [
        ("/dev/zero", "it is a device, not a regular file"),
        (home.path().to_str().unwrap(), "cannot read the config file"),
    ] {
        let (code, _, err) = run(rivals(home.path()).args(["--config", file]));
        assert_eq!(code, Some(1), "{file}");
        assert!(err.contains(why), "{file}: {err}");
    }
    let binary = write(home.path(), "c/config.toml", "");
    std::fs::write(&binary, b"[keys]\nquit = [\"\xff\"]\n").unwrap();
    let (code, _, err) = run(rivals(home.path()).arg("--config").arg(&binary));
    assert_eq!(code, Some(1));
    assert!(err.contains("not UTF-8"), "{err}");
}

#[test]
fn completions_for_every_shell() {
    let home = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef rivals"),
        ("fish", "complete -c rivals"),
        ("elvish", "edit:completion:arg-completer[rivals]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let (code, out, err) = run(rivals(home.path()).args(["completions", shell]));
        assert_eq!((code, err.as_str()), (Some(0), ""), "{shell}");
        assert!(out.contains(marker), "{shell}: no {marker}");
        for word in ["timeline", "completions", "color", "ascii", "config"] {
            assert!(out.contains(word), "{shell}: no {word}");
        }
    }
    let (code, _, err) = run(rivals(home.path()).args(["completions", "tcsh"]));
    assert_eq!(code, Some(2));
    assert!(err.contains("tcsh"), "{err}");
}

#[test]
fn the_manual_page_is_roff() {
    let home = tempfile::tempdir().unwrap();
    let (code, out, _) = run(rivals(home.path()).arg("man"));
    assert_eq!(code, Some(0));
    assert!(
        out.starts_with(".ie") || out.contains(".TH rivals"),
        "{}",
        &out[..200.min(out.len())]
    );
    for word in ["timeline", "\\-\\-color", "\\-\\-config"] {
        assert!(out.contains(word), "no {word}");
    }
}

/// Runs the explorer in a terminal with `args` and `env`, opens and closes
/// search, waits for `ready` on screen, quits with `quit`, and returns
/// every byte it wrote and the screen before quitting.
fn session(args: &[&str], env: &[(&str, &str)], ready: &str, quit: &str) -> (String, String) {
    let mut pty = Pty::spawn(args, 100, 30, env);
    pty.wait_text("Companies");
    pty.send("/sam");
    pty.wait_text("Sam Altman");
    pty.send("\x1b");
    pty.wait_for("search closed", |s| !s.contains("Search"));
    let screen = pty.wait_text(ready);
    pty.send(quit);
    assert!(pty.wait_exit(), "{quit:?} did not quit");
    assert_restored(&pty);
    (
        String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned(),
        screen,
    )
}

#[test]
fn color_never_writes_no_colour_codes_and_always_beats_no_color() {
    let home = tempfile::tempdir().unwrap();
    let xdg = [("XDG_CONFIG_HOME", home.path().to_str().unwrap())];
    let (raw, _) = session(&["--color", "never"], &xdg, "q quit", "q");
    let codes = colour_codes(&raw);
    assert!(codes.is_empty(), "--color never sent {codes:?}");
    let with_no_color = [xdg[0], ("NO_COLOR", "1")];
    let (raw, _) = session(&["--color", "always"], &with_no_color, "q quit", "q");
    assert!(!colour_codes(&raw).is_empty(), "--color always sent no colour");
    let (raw, _) = session(&["--color", "auto"], &with_no_color, "q quit", "q");
    assert!(colour_codes(&raw).is_empty(), "auto honours NO_COLOR");
}

#[test]
fn a_remap_from_the_config_file_drives_the_explorer() {
    let home = tempfile::tempdir().unwrap();
    write(home.path(), "rivals/config.toml", "[keys]\nquit = [\"Q\"]\n");
    let xdg = [("XDG_CONFIG_HOME", home.path().to_str().unwrap())];
    let mut pty = Pty::spawn(&[], 100, 30, &xdg);
    let screen = pty.wait_text("Q quit");
    assert!(!screen.contains("q quit"), "{screen}");
    // q no longer quits: the explorer still moves down after it.
    pty.send("qj");
    pty.wait_text("2/25");
    pty.send("Q");
    assert!(pty.wait_exit(), "Q did not quit");
    assert_restored(&pty);
}

#[test]
fn ascii_draws_the_frame_in_ascii() {
    let home = tempfile::tempdir().unwrap();
    let xdg = [("XDG_CONFIG_HOME", home.path().to_str().unwrap())];
    let (_, screen) = session(&["--ascii"], &xdg, "q quit", "q");
    assert!(screen.contains("+ 1 Companies by name ="), "{screen}");
    let drawing: Vec<char> = screen
        .chars()
        .filter(|&c| rivals::tui::ascii::ascii(c).is_some())
        .collect();
    assert!(drawing.is_empty(), "{drawing:?}\n{screen}");
}
