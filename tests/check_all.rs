//! `rivals check` shows every problem in one run (issue 26): a missing
//! file, a broken record or a syntax error switches no other check off,
//! and warnings print alongside the errors.
#![allow(clippy::unwrap_used)]

use crate::common::*;

/// A second move of `sam-altman` to `meta`, where the fixture already
/// has him since 2023-12-31: a path warning.
const AGAIN: &str = "\
- id: again
  date: 2024-06
  kind: hire
  people: [sam-altman]
  to: meta
  summary: Joins again.
  sources: [s1]
";

fn run(dir: &std::path::Path, strict: bool) -> (Option<i32>, String) {
    let mut cmd = rivals();
    cmd.arg("check").arg("--data").arg(dir);
    if strict {
        cmd.arg("--strict");
    }
    let out = cmd.output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_missing_file_is_one_error_and_the_others_are_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS.replace("from: meta", "from: nope");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    std::fs::remove_file(dir.path().join("people.yaml")).unwrap();
    let (code, err) = run(dir.path(), false);
    let p = dir.path().display();
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.starts_with(&format!("{p}/people.yaml: error: no such file or folder")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{p}/events.yaml:23:9: error: event `nov-2023` refers to unknown organization `nope`"
        )),
        "{err}"
    );
    assert!(err.ends_with("\n2 problems found; nothing was loaded\n"), "{err}");
}

#[test]
fn warnings_print_alongside_errors() {
    let dir = tempfile::tempdir().unwrap();
    let events = format!("{EVENTS}{AGAIN}").replace("kind: offer", "kind: ofer");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let (code, err) = run(dir.path(), false);
    let f = format!("{}/events.yaml", dir.path().display());
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!("{f}:22:9: error: unknown `kind` `ofer`")),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{f}:30:7: warning: event `again` has person `sam-altman` arrive at `meta`, where they already are since event `late-2023`"
        )),
        "{err}"
    );
    assert!(
        err.ends_with("\n1 error and 1 warning found; nothing was loaded\n"),
        "{err}"
    );
}

#[test]
fn path_warnings_pass_check_and_fail_strict() {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &format!("{EVENTS}{AGAIN}"));
    let (code, err) = run(dir.path(), false);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains(":30:7: warning: event `again`"), "{err}");
    assert!(err.contains("hint: record the departure in between"), "{err}");
    let (code, err) = run(dir.path(), true);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(":30:7: error: event `again`"), "{err}");
}

#[test]
fn syntax_mistakes_are_named_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS
        .replace("summary: Last day of 2023.", "summary: \"Last day of 2023.")
        .replace("  kind: statement", "\tkind: statement");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let (code, err) = run(dir.path(), false);
    let p = dir.path().display();
    assert_eq!(code, Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "{p}/events.yaml:7:12: error: `\"` opened here is not closed"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}/events.yaml:11:1: error: a tab in the indentation")),
        "{err}"
    );
}

#[test]
fn a_misnamed_file_is_one_error_and_hides_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS.replace("  kind: statement", "  kind: statement\n  orgs: [meta, ~]");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let p = dir.path();
    std::fs::rename(p.join("organizations.yaml"), p.join("organisations.yaml")).unwrap();
    let (code, err) = run(p, false);
    assert_eq!(code, Some(1), "{err}");
    let p = p.display();
    assert!(
        err.starts_with(&format!(
            "{p}/organizations.yaml: error: no such file, but found organisations.yaml beside it"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{p}/events.yaml:12:16: error: `orgs` holds a null (`~`)"
        )),
        "{err}"
    );
    assert!(err.ends_with("\n2 problems found; nothing was loaded\n"), "{err}");
}
