//! Hostile file systems around the cache, the layers and `--watch`: a
//! layer file that is a dangling symlink or a loop, a layer given twice, a
//! watched folder moved away and back.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::Pty;
use common::*;
use std::fs;
use std::path::Path;
use std::process::Command;

/// `rivals --data A --data B … check` with the cache in `home` (or
/// `--no-cache`): (exit code, stderr).
fn check(home: &Path, layers: &[&Path], no_cache: bool) -> (i32, String) {
    let mut cmd = Command::new(common::BIN);
    cmd.env_remove("RIVALS_DATA")
        .env_remove("RIVALS_NO_CACHE")
        .env("NO_COLOR", "1")
        .env("XDG_CACHE_HOME", home);
    for layer in layers {
        cmd.arg("--data").arg(layer);
    }
    if no_cache {
        cmd.arg("--no-cache");
    }
    let out = cmd.arg("check").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A layer whose file cannot be read for a reason other than not being
/// there gets the same verdict with and without the cache, cold or warm,
/// even when an image of the layer without that file is in the cache.
#[cfg(unix)]
#[test]
fn a_broken_layer_file_is_an_error_with_and_without_the_cache() {
    use std::os::unix::fs::symlink;
    type Spoil = fn(&Path);
    let cases: [(&str, Spoil, &str); 3] = [
        (
            "dangling symlink",
            |mine| symlink("no-such-target.yaml", mine.join("events.yaml")).unwrap(),
            "events.yaml: error: no such file or folder",
        ),
        (
            "symlink loop",
            |mine| symlink("people.yaml", mine.join("people.yaml")).unwrap(),
            "people.yaml: error: cannot be read: symbolic link loop",
        ),
        (
            "a file where the layer's folder was",
            |mine| {
                fs::remove_dir(mine).unwrap();
                fs::write(mine, "not a folder").unwrap();
            },
            "error: is a file, not a folder",
        ),
    ];
    for (what, spoil, expected) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let home = tmp.path().join("home");
        let data = tmp.path().join("data");
        write_dataset(&data, SOURCES, ORGS, PEOPLE, EVENTS);
        let mine = tmp.path().join("mine");
        fs::create_dir(&mine).unwrap();
        let layers = [data.as_path(), mine.as_path()];
        // An image of the layers as they were: the layer holds no file.
        assert_eq!(check(&home, &layers, false).0, 0, "{what}");
        assert_eq!(check(&home, &layers, false).0, 0, "{what}");
        spoil(&mine);
        for no_cache in [true, false, true, false] {
            let (code, err) = check(&home, &layers, no_cache);
            assert_eq!(code, 1, "{what}, --no-cache: {no_cache}: {err}");
            assert!(err.contains(expected), "{what}, --no-cache: {no_cache}: {err}");
        }
    }
}

/// `rivals --data A --data B … check` in the folder `cwd`: (exit code, stderr).
fn check_in(cwd: &Path, layers: &[&str]) -> (i32, String) {
    let mut cmd = rivals();
    cmd.current_dir(cwd);
    for layer in layers {
        cmd.arg("--data").arg(layer);
    }
    let out = cmd.arg("check").output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_layer_given_twice_is_one_error_however_it_is_spelled() {
    let tmp = tempfile::tempdir().unwrap();
    write_dataset(&tmp.path().join("X"), SOURCES, ORGS, PEOPLE, EVENTS);
    let x = tmp.path().join("X");
    let x = x.to_str().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("X", tmp.path().join("link")).unwrap();
    let mut spellings = vec![
        vec![x, x],
        vec!["X", "./X/"],
        vec!["embedded", "X", "X/."],
        vec!["embedded", "embedded"],
    ];
    if cfg!(unix) {
        spellings.push(vec!["X", "link"]);
    }
    for layers in spellings {
        let (code, err) = check_in(tmp.path(), &layers);
        assert_eq!(code, 1, "{layers:?}: {err}");
        let errors = err.lines().filter(|l| l.contains("error:")).count();
        assert_eq!(errors, 1, "{layers:?}: {err}");
        assert!(err.contains("given twice"), "{layers:?}: {err}");
        assert!(!err.contains("duplicate id"), "{layers:?}: {err}");
    }
    // Two different folders are fine.
    write_dataset(&tmp.path().join("Y"), "[]\n", "[]\n", "[]\n", "[]\n");
    let (code, err) = check_in(tmp.path(), &["X", "Y"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_watched_folder_moved_away_and_back_reloads_when_it_returns() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    write_dataset(&dir, SOURCES, ORGS, PEOPLE, EVENTS);
    let away = tmp.path().join("away");
    let data = dir.to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    pty.wait_text("4 events");

    // Moved away: the folder is gone, which the panel says.
    fs::rename(&dir, &away).unwrap();
    pty.wait_text("no such file or folder");
    // Back: the panel goes without any edit.
    fs::rename(&away, &dir).unwrap();
    pty.wait_for("the panel to go", |s| !s.contains("Dataset errors"));

    // Replaced by a copy (another folder under the same name), with an
    // extra event: it is loaded, and edits in the new folder are watched.
    fs::rename(&dir, &away).unwrap();
    pty.wait_text("no such file or folder");
    let extra =
        "- id: fresh\n  date: 2025-02-03\n  kind: statement\n  summary: Back again.\n  sources: [s1]\n";
    write_dataset(&dir, SOURCES, ORGS, PEOPLE, &format!("{EVENTS}{extra}"));
    pty.wait_text("5 events");
    fs::write(dir.join("events.yaml"), EVENTS).unwrap();
    pty.wait_text("4 events");
    pty.send("q");
    assert!(pty.wait_exit());
}
