//! End-to-end: the terminal's edges — input bursts, pastes, suspend and
//! resume, signals, dumb terminals and panics — on the real binary in a
//! pseudo-terminal.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored, assert_restored_live};
use rivals::synth::{Spec, write};

/// A synthetic dataset with 5,000 people.
fn five_thousand_people() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let spec = Spec {
        people: 5_000,
        orgs: 100,
        events: 300,
        seed: 1,
    };
    write(spec, dir.path()).unwrap();
    dir
}

fn spawn_on(dir: &tempfile::TempDir) -> Pty {
    Pty::spawn(&["--data", dir.path().to_str().unwrap()], 120, 40, &[])
}

#[test]
fn a_burst_of_two_thousand_keys_is_handled_to_the_last() {
    let dir = five_thousand_people();
    let mut pty = spawn_on(&dir);
    pty.wait_text("3 Timeline");
    // One write, as a held key or `tmux send-keys` delivers it: far more
    // than one read of the terminal returns.
    pty.send(&format!("2{}", "j".repeat(2_000)));
    pty.wait_text("2001/5000");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn a_long_unbracketed_paste_then_ctrl_u_is_handled_at_once() {
    let dir = five_thousand_people();
    let mut pty = spawn_on(&dir);
    pty.wait_text("3 Timeline");
    pty.send(&format!("/{}\x15", "x".repeat(3_000)));
    pty.wait_text("Search");
    // Ctrl-u, after the 3,000 characters, empties the box.
    pty.wait_for("an empty search box", |s| !s.contains("xxxxxxxx"));
    pty.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(100));
    pty.send("q");
    assert!(pty.wait_exit());
}

#[test]
fn a_bracketed_paste_is_text_not_keys() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    pty.wait_text("1/25");
    assert_eq!(pty.count_raw("\x1b[?2004h"), 1, "bracketed paste enabled");
    pty.send("/");
    pty.wait_text("Search");
    // As keys, the carriage return would accept the search and `q` quit.
    pty.send("\x1b[200~Shengjia\rZhaoq\x1b[201~");
    pty.wait_text("Shengjia Zhaoq");
    pty.send("\x7f");
    pty.wait_text("person  Shengjia Zhao");
    pty.send("\r");
    pty.wait_text("› Shengjia Zhao");
    // In the date prompt only what a date or range holds is kept, and a
    // line break is a space, not Enter.
    pty.send("t");
    pty.wait_text("date or range: ▏");
    pty.send("\x1b[200~jul!\r2015\x1b[201~");
    pty.wait_text("date or range: jul 2015▏");
    pty.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(100));
    pty.send("q");
    assert!(pty.wait_exit());
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned();
    assert!(
        raw.rfind("\x1b[?2004l") > raw.rfind("\x1b[?2004h"),
        "bracketed paste left on"
    );
    assert_restored(&pty);
}

#[test]
fn ctrl_z_and_sigtstp_suspend_and_sigcont_resumes() {
    for how in ["Ctrl-z", "TSTP"] {
        let mut pty = Pty::spawn(&[], 100, 30, &[]);
        pty.wait_text("3 Timeline");
        if how == "Ctrl-z" {
            pty.send("\x1a");
        } else {
            pty.signal("TSTP");
        }
        pty.wait_stopped(true);
        // Stopped: the shell gets its terminal back as it was.
        assert_restored_live(&pty);

        pty.signal("CONT");
        pty.wait_stopped(false);
        pty.wait_for("the alternate screen again", |_| pty.alternate_screen());
        let screen = pty.wait_text("3 Timeline");
        assert!(screen.contains("1 Companies"), "{how}: not redrawn:\n{screen}");
        pty.wait_for("cursor hidden and mouse captured again", |_| {
            pty.cursor_hidden_and_mouse() == (true, true)
        });
        let stty = pty.stty_live();
        assert!(stty.contains("-icanon"), "{how}: not raw again:\n{stty}");

        // Still alive and listening.
        pty.send("q");
        assert_eq!(pty.wait_exit_code(), 0, "{how}");
        assert_restored(&pty);
    }
}

#[test]
fn sigterm_sighup_and_sigint_exit_128_plus_the_signal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let mut pty = Pty::spawn(&[], 100, 30, &[]);
        pty.wait_text("3 Timeline");
        pty.signal(signal);
        assert_eq!(pty.wait_exit_code(), code, "SIG{signal}");
        assert_restored(&pty);
    }
}

#[test]
fn a_dumb_or_unset_terminal_is_refused_with_a_message() {
    for term in ["dumb", ""] {
        let mut pty = Pty::spawn(&[], 100, 30, &[("TERM", term)]);
        assert_eq!(pty.wait_exit_code(), 2, "TERM={term:?}");
        let screen = pty.screen();
        assert!(
            screen.contains("can't draw the explorer") && screen.contains("TERM"),
            "TERM={term:?}: {screen}"
        );
        let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned();
        assert!(
            !raw.contains("\x1b[?1049h") && !raw.contains("\x1b[?1000h") && !raw.contains("\x1b[3"),
            "TERM={term:?}: escape codes sent"
        );
    }
}

#[test]
fn a_panic_message_stays_readable_after_restoring() {
    // No backtrace: with one, the message can scroll off a 30-row screen.
    let env = [("RIVALS_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")];
    let mut pty = Pty::spawn(&[], 100, 30, &env);
    assert_eq!(pty.wait_exit_code(), 101);
    assert_eq!(pty.count_raw("\x1b[?1049l"), 1, "alternate screen left once");
    let screen = pty.screen();
    let rows: Vec<&str> = screen.lines().collect();
    let thread = rows
        .iter()
        .position(|l| l.contains("thread 'main'"))
        .unwrap_or_else(|| panic!("no \"thread 'main'\" on screen:\n{screen}"));
    assert!(
        rows[thread..].iter().any(|l| l.contains("panicking on purpose")),
        "{screen}"
    );
    // Whatever prints next (the shell's prompt) goes below the message.
    let (cursor_row, _) = pty.cursor();
    assert!(
        usize::from(cursor_row) > thread,
        "cursor at row {cursor_row}, message at row {thread}:\n{screen}"
    );
    assert_restored(&pty);
}

#[test]
fn marks_are_saved_by_the_event_loop_and_loaded_at_the_next_start() {
    let state = tempfile::tempdir().unwrap();
    let home = state.path().to_str().unwrap();
    let env = [("XDG_STATE_HOME", home)];
    let file = state.path().join("rivals/marks-embedded.json");
    let mut pty = Pty::spawn(&[], 120, 40, &env);
    pty.wait_text("1/25");
    pty.send("jjjma");
    pty.wait_text("mark 'a' set");
    pty.send("q");
    assert!(pty.wait_exit());
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("\"companies\""), "{saved}");
    // The next run has the mark: it selects the fourth company again.
    let mut pty = Pty::spawn(&[], 120, 40, &env);
    pty.wait_text("1/25");
    pty.send("'a");
    pty.wait_text("4/25");
    pty.send("q");
    assert!(pty.wait_exit());
    // A corrupt file is ignored with a note, not a crash.
    std::fs::write(&file, "{ not json").unwrap();
    let mut pty = Pty::spawn(&[], 120, 40, &env);
    pty.wait_text("marks file corrupt, ignored");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}
