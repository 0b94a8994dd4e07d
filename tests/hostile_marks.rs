//! The marks file on the real binary: a hostile file in its place cannot
//! hang the explorer or leave the terminal raw, and no mark is lost.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored};
use common::*;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A state folder for the explorer's marks; returns it with the embedded
/// dataset's marks file (its folder made).
fn state() -> (tempfile::TempDir, PathBuf) {
    let state = tempfile::tempdir().unwrap();
    let file = state.path().join("rivals/marks-embedded.json");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    (state, file)
}

fn env(state: &Path) -> [(&str, &str); 1] {
    [("XDG_STATE_HOME", state.to_str().unwrap())]
}

#[cfg(unix)]
#[test]
fn a_fifo_for_a_marks_file_is_ignored_and_q_quits() {
    use std::os::unix::fs::FileTypeExt;
    let (state, file) = state();
    let c = std::ffi::CString::new(file.to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut pty = Pty::spawn(&[], 200, 30, &env(state.path()));
    pty.wait_text("marks file unreadable, ignored");
    pty.wait_text("FIFO");
    // Setting a mark leaves the FIFO alone and says so.
    pty.send("ma");
    pty.wait_text("marks not saved");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
    assert!(std::fs::symlink_metadata(&file).unwrap().file_type().is_fifo());
}

#[test]
fn sigterm_while_starting_with_a_huge_marks_file_restores_the_terminal() {
    let (state, file) = state();
    // 400 MB on paper (sparse): the explorer must not read it.
    std::fs::File::create(&file).unwrap().set_len(400 << 20).unwrap();
    // The signal at several moments of the start, the first ones before
    // the screen is up.
    for delay in [0, 10, 30, 60, 100, 200, 400] {
        let mut pty = Pty::spawn(&[], 100, 30, &env(state.path()));
        std::thread::sleep(Duration::from_millis(delay));
        pty.signal("TERM");
        pty.wait_exit_code();
        assert_restored(&pty);
    }
    let mut pty = Pty::spawn(&[], 200, 30, &env(state.path()));
    pty.wait_text("more than a marks file holds");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_eq!(std::fs::metadata(&file).unwrap().len(), 400 << 20, "left alone");
}

#[test]
fn two_explorers_setting_different_marks_both_keep_theirs() {
    let (state, file) = state();
    let env = env(state.path());
    let mut one = Pty::spawn(&[], 120, 40, &env);
    let mut two = Pty::spawn(&[], 120, 40, &env);
    one.wait_text("1/25");
    two.wait_text("1/25");
    one.send("jma");
    one.wait_text("mark 'a' set");
    two.send("jjmb");
    two.wait_text("mark 'b' set");
    // The second sees the first's mark at once.
    two.send("'");
    two.wait_text("marks ab");
    two.send("a");
    two.wait_text("2/25");
    for pty in [&mut one, &mut two] {
        pty.send("q");
        assert!(pty.wait_exit());
    }
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let letters: Vec<&String> = saved["marks"].as_object().unwrap().keys().collect();
    assert_eq!(letters, ["a", "b"]);
}

#[test]
fn a_corrupt_marks_file_is_moved_aside_not_overwritten() {
    let (state, file) = state();
    std::fs::write(&file, "{ not json").unwrap();
    let mut pty = Pty::spawn(&[], 200, 30, &env(state.path()));
    pty.wait_text("marks file corrupt, ignored");
    pty.send("ma");
    pty.wait_text("moved aside");
    pty.send("q");
    assert!(pty.wait_exit());
    let aside: Vec<PathBuf> = std::fs::read_dir(file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("marks-embedded.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(std::fs::read_to_string(&aside[0]).unwrap(), "{ not json");
    assert!(std::fs::read_to_string(&file).unwrap().contains("\"a\""));
}

#[test]
fn two_folders_called_data_keep_their_own_marks() {
    let (state, _) = state();
    let env = env(state.path());
    let top = tempfile::tempdir().unwrap();
    let folders = [top.path().join("one/data"), top.path().join("two/data")];
    for dir in &folders {
        write_dataset(dir, SOURCES, ORGS, PEOPLE, EVENTS);
    }
    for (dir, letter) in folders.iter().zip(["a", "b"]) {
        let mut pty = Pty::spawn(&["--data", dir.to_str().unwrap()], 120, 40, &env);
        pty.wait_text("1/2");
        pty.send(&format!("m{letter}"));
        pty.wait_text("set");
        pty.send("q");
        assert!(pty.wait_exit());
    }
    for (dir, letter) in folders.iter().zip(["a", "b"]) {
        let mut pty = Pty::spawn(&["--data", dir.to_str().unwrap()], 120, 40, &env);
        pty.wait_text("1/2");
        pty.send("'");
        let screen = pty.wait_text("go to mark");
        assert!(screen.contains(&format!("marks {letter} ·")), "{screen}");
        pty.send("\x1b");
        std::thread::sleep(Duration::from_millis(100));
        pty.send("q");
        assert!(pty.wait_exit());
    }
}
