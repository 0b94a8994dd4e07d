//! `rivals --watch --data DIR`: the real binary in a pseudo-terminal,
//! reloading as the dataset files change.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored};
use common::*;
use std::path::Path;

/// The fixture's events plus one more, dated `date`.
fn events_with(date: &str) -> String {
    format!(
        "{EVENTS}- id: fresh-event\n  date: {date}\n  kind: statement\n  summary: Freshly curated event.\n  sources: [s1]\n"
    )
}

/// Line and column of the added event's date in [`events_with`].
fn fresh_date_position() -> String {
    let line = EVENTS.lines().count() + 2;
    format!("events.yaml:{line}:9: error:")
}

/// Replaces `events.yaml` as editors do: write a temporary file, rename it over.
fn save_by_rename(dir: &Path, text: &str) {
    let tmp = dir.join(".events.yaml.tmp");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, dir.join("events.yaml")).unwrap();
}

#[test]
fn edits_reload_errors_keep_the_last_good_data_and_a_fix_clears_them() {
    let dir = fixture();
    let data = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    pty.wait_text("4 events");

    // A valid edit, written in place, is shown.
    std::fs::write(dir.path().join("events.yaml"), events_with("2025-02-03")).unwrap();
    let screen = pty.wait_text("Freshly curated event.");
    assert!(screen.contains("5 events"), "{screen}");

    // An invalid edit, saved by rename: the panel names file and line, the
    // last good data stays and can still be browsed.
    save_by_rename(dir.path(), &events_with("2025-13-03"));
    let screen = pty.wait_text(&fresh_date_position());
    assert!(screen.contains("Dataset errors"), "{screen}");
    assert!(screen.contains(&format!("{data}/events.yaml:")), "{screen}");
    assert!(
        screen.contains("Freshly curated event.") && screen.contains("5 events"),
        "the last good data is gone:\n{screen}"
    );
    pty.send("3j");
    pty.wait_text("2/5");
    assert!(pty.screen().contains("Dataset errors"));

    // Fixing the file clears the panel and shows the fix.
    std::fs::write(dir.path().join("events.yaml"), events_with("2022-01-01")).unwrap();
    let screen = pty.wait_for("the panel to go", |s| {
        !s.contains("Dataset errors") && s.contains("2022-01-01")
    });
    assert!(screen.contains("Freshly curated event."), "{screen}");

    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn the_view_keeps_its_place_by_id_across_a_reload() {
    let dir = fixture();
    let data = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    pty.wait_text("4 events");
    // Filter by OpenAI (second company by name) and select it.
    pty.send("j\r");
    pty.wait_text("filter: OpenAI");
    // A new organization sorting first moves every row: OpenAI stays selected and filtered.
    let orgs = format!(
        "- id: aardvark\n  name: Aardvark Labs\n  kind: lab\n  summary: New.\n  sources: [s1]\n{ORGS}"
    );
    std::fs::write(dir.path().join("organizations.yaml"), orgs).unwrap();
    let screen = pty.wait_text("Aardvark Labs");
    assert!(screen.contains("People · at OpenAI"), "{screen}");
    assert!(screen.contains("› OpenAI"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit());
}

#[test]
fn watch_without_a_folder_is_a_usage_error_naming_data() {
    for (args, env) in [
        (&["--watch"][..], ""),
        (&["--watch"][..], "RIVALS_DATA="),
        (&["--watch", "--data", "embedded"][..], ""),
    ] {
        let mut cmd = rivals();
        if env == "RIVALS_DATA=" {
            cmd.env("RIVALS_DATA", "");
        }
        let out = cmd.args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("--data"), "{args:?}: {err}");
    }
    let out = rivals().args(["--watch", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_layer_over_the_embedded_data_is_watched_and_merged() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("events.yaml"), "[]\n").unwrap();
    let data = mine.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", "embedded", "--data", data], 220, 40, &[]);
    pty.wait_text("92 events");
    let event = "- id: mine-1\n  date: 2026-03-04\n  kind: statement\n  people: [sam-altman]\n  summary: Layered addition.\n  sources: [ai-game-of-thrones]\n";
    save_by_rename(mine.path(), event);
    pty.wait_text("93 events");
    // A clash with the embedded data names both places.
    save_by_rename(mine.path(), &event.replace("mine-1", "openai"));
    let screen = pty.wait_text("(first defined at embedded/organizations.yaml:4:7)");
    assert!(
        screen.contains(&format!("{data}/events.yaml:1:7: error: duplicate id `openai`")),
        "{screen}"
    );
    pty.send("q");
    assert!(pty.wait_exit());
}

/// Bytes a process has read so far (`rchar` in /proc/PID/io).
fn bytes_read(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).unwrap();
    let line = io.lines().find(|l| l.starts_with("rchar:")).unwrap();
    line["rchar:".len()..].trim().parse().unwrap()
}

#[test]
fn a_watched_dataset_idles_reading_it_is_not_a_change_and_a_same_content_save_is_no_reload() {
    let dir = fixture();
    let data = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    pty.wait_text("4 events");
    // The worker reads every file once at start; that must not set off a
    // reload, nor must reading the files from outside.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let before = pty.cpu_ticks();
    let read_before = bytes_read(pty.pid());
    for _ in 0..3 {
        for file in ["sources.yaml", "organizations.yaml", "people.yaml", "events.yaml"] {
            std::fs::read(dir.path().join(file)).unwrap();
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    std::thread::sleep(std::time::Duration::from_secs(1));
    let used = pty.cpu_ticks() - before;
    assert!(used <= 2, "used {used} ticks of CPU in 2 s of watching");
    let read = bytes_read(pty.pid()) - read_before;
    assert!(
        read < 512,
        "read {read} bytes while idle: the files again and again?"
    );
    assert_eq!(pty.count_raw("reloaded"), 0, "{}", pty.screen());

    // A save with the same bytes changes nothing: no reload.
    std::fs::write(dir.path().join("events.yaml"), EVENTS).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(800));
    assert_eq!(pty.count_raw("reloaded"), 0, "{}", pty.screen());
    // A real change still reloads.
    std::fs::write(dir.path().join("events.yaml"), events_with("2025-02-03")).unwrap();
    pty.wait_text("5 events");
    assert!(pty.count_raw("reloaded") >= 1, "{}", pty.screen());
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn a_broken_dataset_opens_under_its_errors_and_recovers_when_fixed() {
    let dir = fixture();
    let data = dir.path().to_str().unwrap();
    std::fs::write(dir.path().join("events.yaml"), events_with("2025-13-03")).unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    let screen = pty.wait_text(&fresh_date_position());
    assert!(screen.contains("Dataset errors"), "{screen}");
    assert!(screen.contains("nothing loaded yet"), "{screen}");
    // The panel hides and shows again with `E`.
    pty.send("E");
    let screen = pty.wait_for("the panel to hide", |s| !s.contains("Dataset errors"));
    assert!(screen.contains("errors hidden (E shows)"), "{screen}");
    pty.send("E");
    pty.wait_text("Dataset errors");
    // Fixing the file loads the dataset and clears the panel.
    save_by_rename(dir.path(), &events_with("2024-02-03"));
    let screen = pty.wait_for("the dataset to load", |s| {
        !s.contains("Dataset errors") && s.contains("Freshly curated event.")
    });
    assert!(screen.contains("reloaded: 5 events"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn a_reload_keeps_the_filter_on_the_status_line() {
    let dir = fixture();
    let data = dir.path().to_str().unwrap();
    let mut pty = Pty::spawn(&["--watch", "--data", data], 160, 40, &[]);
    pty.wait_text("4 events");
    pty.send("j\r");
    pty.wait_text("filter: OpenAI");
    std::fs::write(dir.path().join("events.yaml"), events_with("2025-02-03")).unwrap();
    let screen = pty.wait_text("reloaded: 5 events");
    assert!(screen.contains("reloaded: 5 events · filter: OpenAI"), "{screen}");
    pty.send("q");
    assert!(pty.wait_exit());
}
