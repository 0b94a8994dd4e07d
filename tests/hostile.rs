//! Hostile and broken inputs on the real binary: nothing may crash it, hang
//! it, exhaust memory or reach the terminal as a control sequence.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored};
use common::*;
use std::process::Command;
use std::time::Duration;

const HOSTILE_SOURCES: &str = "- {id: s, title: \"Title\\e[1m\\u202e\", language: en}\n";
const HOSTILE_ORGS: &str = r#"
- {id: evil, name: "Evil\e[31mRed\e]0;pwned\aCorp", kind: company, summary: "Has \e[2J escapes\r and \b backspaces.", sources: [s]}
- {id: bidi, name: "Right\u202eLeft\u200bZero\u2066", kind: other, summary: "Bidi \u202e override.", sources: [s]}
- {id: wide, name: "中国科学院 🚀", kind: lab, summary: "Wide.", sources: [s]}
"#;
const HOSTILE_PEOPLE: &str = r#"
- {id: bell, name: "Ding\a\e[5mDong\x9b2J", aliases: ["\e]52;c;aGk=\a"], summary: "Bell \x08 and C1 \x9b.", sources: [s]}
"#;
const HOSTILE_EVENTS: &str = r#"
- {id: e1, date: 2024, kind: lawsuit, people: [bell], from: evil, to: bidi, summary: "\e]52;c;aGk=\a clipboard \e[?1049l screen\r\n", quote: "\e[5mblink", sources: [s], amount: {value: 1.0, currency: USD, text: "\e[31m$1"}, disputed: {note: "\e[2J", alternatives: [{value: "\e]0;x\a", sources: [s]}]}}
"#;

/// Bytes and characters that must never come from the data to a terminal.
fn assert_harmless(what: &str, bytes: &[u8]) {
    for (bad, name) in [(0x1b_u8, "ESC"), (0x07, "BEL"), (0x08, "BS"), (0x0d, "CR")] {
        assert!(
            !bytes.contains(&bad),
            "{what}: {name} in output: {}",
            String::from_utf8_lossy(bytes)
        );
    }
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{202e}', '\u{200b}', '\u{2066}', '\u{9b}'] {
        assert!(!text.contains(c), "{what}: {c:?} in output");
    }
}

fn hostile() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(
        dir.path(),
        HOSTILE_SOURCES,
        HOSTILE_ORGS,
        HOSTILE_PEOPLE,
        HOSTILE_EVENTS,
    );
    dir
}

fn rivals() -> Command {
    let mut cmd = Command::new(common::BIN);
    cmd.env_remove("RIVALS_DATA").env("RIVALS_NO_CACHE", "1");
    cmd
}

#[test]
fn cli_output_never_carries_terminal_controls_from_the_data() {
    let dir = hostile();
    let runs: &[&[&str]] = &[
        &["check"],
        &["search", "evil"],
        &["search", "ding", "--json"],
        &["show", "evil"],
        &["show", "bell"],
        &["show", "e1"],
        &["show", "s"],
        &["timeline"],
        &["export", "--format", "json"],
        &["export", "--format", "csv"],
    ];
    for args in runs {
        let out = rivals()
            .arg("--data")
            .arg(dir.path())
            .args(*args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_harmless(&format!("{args:?} stdout"), &out.stdout);
        assert_harmless(&format!("{args:?} stderr"), &out.stderr);
    }
    // Unknown ids and bad data are echoed in messages: escaped there too.
    let out = rivals()
        .arg("--data")
        .arg(dir.path())
        .args(["show", "x\x1b[31m"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_harmless("show unknown", &out.stderr);
    let bad = tempfile::tempdir().unwrap();
    write_dataset(
        bad.path(),
        SOURCES,
        ORGS,
        &PEOPLE.replace("id: sam-altman", "id: \"sam\\e]0;x\\a\""),
        EVENTS,
    );
    let out = rivals()
        .arg("--data")
        .arg(bad.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_harmless("check errors", &out.stderr);
    // The JSON still holds the exact data, escaped the JSON way.
    let out = rivals()
        .arg("--data")
        .arg(dir.path())
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["organizations"][0]["name"],
        "Evil\x1b[31mRed\x1b]0;pwned\x07Corp"
    );
}

#[test]
fn the_tui_never_writes_escape_sequences_from_the_data() {
    let dir = hostile();
    let mut pty = Pty::spawn(&["--data", dir.path().to_str().unwrap()], 100, 30, &[]);
    pty.wait_text("3 Timeline");
    for keys in [
        "j", "j", "2", "3", "\r", "\x1b", "/evil", "\r", "/ding", "\r", "?",
    ] {
        pty.send(keys);
        std::thread::sleep(Duration::from_millis(60));
    }
    // Esc and q apart: together they would read as Alt-q.
    pty.send("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    pty.send("q");
    assert!(pty.wait_exit());
    let raw = pty.raw.lock().unwrap().clone();
    let text = String::from_utf8_lossy(&raw);
    for bad in [
        "\x1b]0;pwned",
        "\x1b]52;",
        "\x1b[5m",
        "\x07",
        "\x08",
        "\x1b[?1049lscreen",
        "\u{202e}",
        "\u{200b}",
        "\u{9b}",
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the terminal");
    }
    assert!(text.contains("\\u{1b}]0;pwned"), "the escape is shown as text");
    assert_restored(&pty);
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal() {
    for signal in ["-TERM", "-HUP", "-INT"] {
        let mut pty = Pty::spawn(&[], 100, 30, &[]);
        pty.wait_text("3 Timeline");
        // The shell's own `kill`: no extra package needed.
        let kill = format!("kill {signal} {}", pty.pid());
        let status = std::process::Command::new("sh")
            .arg("-c")
            .arg(kill)
            .status()
            .unwrap();
        assert!(status.success());
        pty.wait_exit();
        assert_restored(&pty);
    }
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut pty = Pty::spawn(&[], 100, 30, &[("RIVALS_TEST_PANIC", "1")]);
    assert!(!pty.wait_exit(), "a panic exits with failure");
    let raw = String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned();
    let restored = raw.find("\x1b[?1049l").expect("left the alternate screen");
    let message = raw
        .rfind("panicking on purpose")
        .expect("the panic message is shown");
    assert!(
        restored < message,
        "the message came before the terminal was restored"
    );
    assert_restored(&pty);
}

/// Runs `check` and returns its stderr, failing on a hang.
fn check_refused(dir: &std::path::Path) -> String {
    let out = rivals()
        .arg("check")
        .arg("--data")
        .arg(dir)
        .output_within(Duration::from_secs(20))
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn alias_bombs_are_refused_with_a_clear_message() {
    // Nested: each level repeats the previous nine times (10^9 leaves).
    let mut nested = String::from(
        "- id: a\n  name: x\n  summary: y\n  sources: [s1]\n  aliases: &l0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for level in 1..=9 {
        let p = level - 1;
        nested.push_str(&format!("- id: a{level}\n  name: x\n  summary: y\n  sources: [s1]\n  aliases: &l{level} [*l{p},*l{p},*l{p},*l{p},*l{p},*l{p},*l{p},*l{p},*l{p}]\n"));
    }
    // Flat: one long string repeated by aliases, well-typed.
    let mut flat = format!(
        "- id: b\n  name: &big \"{}\"\n  summary: y\n  sources: [s1]\n  aliases: [",
        "lol".repeat(10_000)
    );
    flat.push_str(&vec!["*big"; 50_000].join(","));
    flat.push_str("]\n");
    for (bomb, at) in [
        (
            nested,
            "people.yaml:10:17: error: YAML alias `*l0` is not allowed",
        ),
        (flat, "people.yaml:5:13: error: YAML alias `*big` is not allowed"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write_dataset(dir.path(), SOURCES, ORGS, &bomb, EVENTS);
        let err = check_refused(dir.path());
        assert!(err.contains(at), "{err}");
        assert!(err.contains("write the value out in full"), "{err}");
    }
}

#[test]
fn deep_nesting_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("- id: a\n  name: {}\n", "[".repeat(100_000));
    write_dataset(dir.path(), SOURCES, ORGS, &deep, EVENTS);
    let err = check_refused(dir.path());
    assert!(
        err.contains("people.yaml:2:73: error: nested more than 64 levels deep"),
        "{err}"
    );
}

#[test]
fn huge_files_hit_the_size_limit_before_being_read() {
    let dir = fixture();
    // A sparse 1 GiB file: refused from its size alone, instantly.
    std::fs::File::create(dir.path().join("events.yaml"))
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let err = check_refused(dir.path());
    assert!(err.contains("events.yaml: error: file is 1024 MiB, over the limit of 64 MiB; raise the limit with --max-file-size"), "{err}");
}

#[test]
fn a_long_single_line_string_is_fine() {
    let dir = fixture();
    let long = "x".repeat(10 << 20);
    let people = PEOPLE.replace("summary: Runs OpenAI.", &format!("summary: \"{long}\""));
    std::fs::write(dir.path().join("people.yaml"), people).unwrap();
    let out = rivals()
        .arg("check")
        .arg("--data")
        .arg(dir.path())
        .output_within(Duration::from_secs(30))
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn fifos_and_devices_are_refused_not_waited_on() {
    let dir = fixture();
    let people = dir.path().join("people.yaml");
    std::fs::remove_file(&people).unwrap();
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&people)
            .status()
            .unwrap()
            .success()
    );
    let events = dir.path().join("events.yaml");
    std::fs::remove_file(&events).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &events).unwrap();
    let err = check_refused(dir.path());
    assert!(err.contains("people.yaml: error: is not a regular file"), "{err}");
    assert!(err.contains("events.yaml: error: is not a regular file"), "{err}");
}

#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    write_dataset(&data, SOURCES, ORGS, PEOPLE, EVENTS);
    std::fs::set_permissions(data.join("people.yaml"), std::fs::Permissions::from_mode(0o000)).unwrap();
    for p in [dir.path(), &data] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    // Root reads anything: run as nobody then, from a copy of the binary it can reach.
    let bin = dir.path().join("rivals");
    std::fs::copy(common::BIN, &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let root = std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .any(|l| l.starts_with("Uid:\t0\t"));
    let mut cmd = if root {
        let mut c = std::process::Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        std::process::Command::new(&bin)
    };
    let out = cmd.arg("check").arg("--data").arg(&data).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("people.yaml: error: cannot be read: permission denied"),
        "{err}"
    );
}

#[test]
fn a_huge_id_gets_no_slow_suggestions() {
    // Its time is measured in benches/search.rs ("show a huge id").
    let huge = "a".repeat(131_000);
    let out = rivals().args(["show", &huge]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!err.contains("did you mean"), "{err}");
}
