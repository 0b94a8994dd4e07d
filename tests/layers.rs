//! Layered datasets: `--data` given more than once, `embedded` naming the
//! built-in data, run as the real binary.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use rivals::model::Dataset;
use std::path::Path;

/// Runs `rivals --data A --data B … ARGS`, returning (exit code, stdout, stderr).
fn run(layers: &[&str], args: &[&str]) -> (i32, String, String) {
    let mut cmd = rivals();
    for l in layers {
        cmd.arg("--data").arg(l);
    }
    let out = cmd.args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// An event about embedded records: Sam Altman and OpenAI.
const NEW_EVENT: &str = "\
# My own additions.
- id: my-new-event
  date: 2026-01-02
  kind: statement
  people: [sam-altman]
  orgs: [openai]
  summary: A curated addition about OpenAI.
  sources: [ai-game-of-thrones]
";

#[test]
fn a_layer_with_only_events_adds_to_the_embedded_counts() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("events.yaml"), NEW_EVENT).unwrap();
    let ds = Dataset::embedded().unwrap();
    let (code, out, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 0, "{err}");
    let want = format!(
        "ok: {} sources, {} organizations, {} people, {} events\n",
        ds.sources.len(),
        ds.orgs.len(),
        ds.people.len(),
        ds.events.len() + 1
    );
    assert_eq!(out, want);
}

#[test]
fn references_cross_layers_both_ways() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("events.yaml"), NEW_EVENT).unwrap();
    // A new person in the second layer, named by an event in the first.
    let people = "- id: new-person\n  name: New Person\n  summary: Joined.\n  sources: [s1]\n";
    let base = tempfile::tempdir().unwrap();
    let events = "- id: e1\n  date: 2024\n  kind: hire\n  people: [new-person]\n  to: openai\n  summary: Hired.\n  sources: [s1]\n";
    std::fs::write(base.path().join("sources.yaml"), SOURCES).unwrap();
    std::fs::write(base.path().join("organizations.yaml"), ORGS).unwrap();
    std::fs::write(base.path().join("events.yaml"), events).unwrap();
    let extra = tempfile::tempdir().unwrap();
    std::fs::write(extra.path().join("people.yaml"), people).unwrap();
    let (code, out, err) = run(&[path(base.path()), path(extra.path())], &["show", "e1"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("New Person"), "{out}");

    // An event in a folder layer about the embedded Sam Altman shows on his timeline.
    let (code, out, err) = run(
        &["embedded", path(mine.path())],
        &["timeline", "--person", "sam-altman"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("2026-01-02") && out.contains("A curated addition"),
        "{out}"
    );
}

#[test]
fn an_id_clash_names_both_places() {
    let mine = tempfile::tempdir().unwrap();
    // Line 1 is a comment; the clashing id is on line 3, column 7.
    let people = "# mine\n- id: new-person\n- id: openai\n  name: Not OpenAI\n  summary: Clash.\n  sources: [ai-game-of-thrones]\n";
    let people = people.replacen(
        "- id: new-person\n",
        "- id: new-person\n  name: N\n  summary: S.\n  sources: [ai-game-of-thrones]\n",
        1,
    );
    std::fs::write(mine.path().join("people.yaml"), &people).unwrap();
    let (code, out, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 1, "{out}");
    let file = format!("{}/people.yaml", path(mine.path()));
    assert!(
        err.contains(&format!(
            "{file}:6:7: error: duplicate id `openai` (first defined at embedded/organizations.yaml:4:7)"
        )),
        "{err}"
    );
}

#[test]
fn errors_name_the_layer_file_and_its_own_line() {
    let a = tempfile::tempdir().unwrap();
    write_dataset(a.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    let b = tempfile::tempdir().unwrap();
    let events =
        "- id: b-event\n  date: 2025-13\n  kind: statement\n  summary: Bad month.\n  sources: [nope]\n";
    std::fs::write(b.path().join("events.yaml"), events).unwrap();
    let (code, _, err) = run(&[path(a.path()), path(b.path())], &["check"]);
    assert_eq!(code, 1);
    let file = format!("{}/events.yaml", path(b.path()));
    assert!(err.contains(&format!("{file}:2:9: error: ")), "{err}");
    assert!(
        err.contains(&format!(
            "{file}:5:13: error: event `b-event` refers to unknown source `nope`"
        )),
        "{err}"
    );
    assert!(!err.contains(&format!("{}/events.yaml", path(a.path()))), "{err}");
}

#[test]
fn every_command_runs_on_the_merged_dataset() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("events.yaml"), NEW_EVENT).unwrap();
    let layers = ["embedded", path(mine.path())];
    let (_, out, _) = run(&layers, &["search", "curated addition"]);
    assert!(out.contains("my-new-event"), "{out}");
    let (_, out, _) = run(&layers, &["export", "--format", "json"]);
    assert!(out.contains("\"my-new-event\""), "{out}");
    let (_, out, _) = run(&layers, &["show", "my-new-event"]);
    assert!(out.contains("A curated addition"), "{out}");
}

#[test]
fn a_folder_layer_that_is_missing_is_reported() {
    let (code, _, err) = run(&["embedded", "/no/such/folder"], &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("/no/such/folder: error: no such file or folder"),
        "{err}"
    );
}

#[test]
fn a_flow_list_in_a_layer_is_refused_with_a_hint() {
    let mine = tempfile::tempdir().unwrap();
    std::fs::write(mine.path().join("people.yaml"), "# x\n[{id: a}]\n").unwrap();
    std::fs::write(mine.path().join("events.yaml"), "[]\n").unwrap();
    let (code, _, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 1);
    let file = format!("{}/people.yaml", path(mine.path()));
    assert!(
        err.contains(&format!("{file}:2:1: error: records are not a block list")),
        "{err}"
    );
}

#[test]
fn rivals_data_stays_one_folder_and_data_wins() {
    let mine = tempfile::tempdir().unwrap();
    write_dataset(mine.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    let out = rivals()
        .env("RIVALS_DATA", mine.path())
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok: 1 sources, 2 organizations, 1 people, 4 events\n"
    );
    let out = rivals()
        .env("RIVALS_DATA", "/no/such/folder")
        .args(["--data", "embedded", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn a_file_no_layer_has_is_reported() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    std::fs::write(a.path().join("sources.yaml"), SOURCES).unwrap();
    std::fs::write(a.path().join("organizations.yaml"), ORGS).unwrap();
    std::fs::write(b.path().join("events.yaml"), EVENTS).unwrap();
    let (code, _, err) = run(&[path(a.path()), path(b.path())], &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "people.yaml: error: no layer has people.yaml: not in {}, {}",
            path(a.path()),
            path(b.path())
        )),
        "{err}"
    );
}

#[test]
fn a_yaml_error_at_the_end_of_a_layer_names_that_layer() {
    let a = tempfile::tempdir().unwrap();
    write_dataset(a.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    let b = tempfile::tempdir().unwrap();
    // An unclosed flow sequence runs to the end of the file.
    std::fs::write(b.path().join("events.yaml"), "- id: x\n  people: [a, b\n").unwrap();
    let (code, _, err) = run(&[path(a.path()), path(b.path())], &["check"]);
    assert_eq!(code, 1);
    let file = format!("{}/events.yaml", path(b.path()));
    assert!(
        err.contains(&format!("{file}:2:11: error: `[` opened here")),
        "{err}"
    );
    // Lines quoted in the message and hint (the parser's "at line L", a
    // hint's "FILE:L:C") are the layer file's lines too, not the merged text's.
    for quote in ["at line ", "events.yaml:"] {
        for (at, _) in err.match_indices(quote) {
            let rest = &err[at + quote.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let line: usize = digits.parse().unwrap_or(0);
            assert!(line <= 3, "line {line} is past the layer file's end:\n{err}");
        }
    }
    assert!(!err.contains(&format!("{}/events.yaml", path(a.path()))), "{err}");
}

#[test]
fn a_byte_order_mark_a_document_marker_and_crlf_merge_cleanly() {
    let mine = tempfile::tempdir().unwrap();
    let people = "\u{feff}# mine\r\n---\r\n- id: new-person\r\n  name: New Person\r\n  summary: New.\r\n  sources: [nope]\r\n";
    std::fs::write(mine.path().join("people.yaml"), people).unwrap();
    let (code, _, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 1);
    let file = format!("{}/people.yaml", path(mine.path()));
    assert!(
        err.contains(&format!(
            "{file}:6:13: error: person `new-person` refers to unknown source `nope`"
        )),
        "{err}"
    );
    std::fs::write(
        mine.path().join("people.yaml"),
        people.replace("nope", "ai-game-of-thrones"),
    )
    .unwrap();
    let (code, out, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 0, "{err}");
    let ds = Dataset::embedded().unwrap();
    assert!(out.contains(&format!("{} people", ds.people.len() + 1)), "{out}");
}

#[test]
fn a_clash_across_kinds_is_blamed_on_the_later_layer() {
    let mine = tempfile::tempdir().unwrap();
    // An organization in the later layer takes the id of an embedded person:
    // organizations are read before people, yet the later layer is blamed,
    // and the embedded events naming the person still find them.
    let orgs = "- id: sam-altman\n  name: Sam Corp\n  kind: lab\n  summary: Clash.\n  sources: [ai-game-of-thrones]\n";
    std::fs::write(mine.path().join("organizations.yaml"), orgs).unwrap();
    let (code, out, err) = run(&["embedded", path(mine.path())], &["check"]);
    assert_eq!(code, 1, "{out}");
    let file = format!("{}/organizations.yaml", path(mine.path()));
    assert!(
        err.contains(&format!(
            "{file}:1:7: error: duplicate id `sam-altman` (first defined at embedded/people.yaml:"
        )),
        "{err}"
    );
    assert!(!err.contains("embedded/people.yaml:3:7: error"), "{err}");
    assert!(!err.contains("refers to unknown person"), "{err}");
    assert!(err.contains("1 problem found"), "{err}");

    // Given first, the folder is the earlier layer: the embedded record is blamed.
    let (code, _, err) = run(&[path(mine.path()), "embedded"], &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "embedded/people.yaml:3:7: error: duplicate id `sam-altman` (first defined at {file}:1:7)"
        )),
        "{err}"
    );
}

#[test]
fn an_unknown_id_the_embedded_data_has_hints_data_embedded() {
    let mine = tempfile::tempdir().unwrap();
    write_dataset(mine.path(), SOURCES, ORGS, "[]\n", "[]\n");
    let events = "- id: mine\n  date: 2025\n  kind: statement\n  people: [elon-musk]\n  summary: S.\n  sources: [s1]\n";
    std::fs::write(mine.path().join("events.yaml"), events).unwrap();
    let hint =
        "`elon-musk` is in the embedded data: to build on it, pass `--data embedded` before your folder";
    let (code, _, err) = run(&[path(mine.path())], &["check"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("event `mine` refers to unknown person `elon-musk`"),
        "{err}"
    );
    assert!(err.contains(hint), "{err}");
    // An id the embedded data lacks keeps the usual hint.
    let typo = events.replace("elon-musk", "nobody-at-all");
    std::fs::write(mine.path().join("events.yaml"), typo).unwrap();
    let (code, _, err) = run(&[path(mine.path())], &["check"]);
    assert_eq!(code, 1);
    assert!(!err.contains("embedded data"), "{err}");
    assert!(err.contains("add a record with id `nobody-at-all`"), "{err}");

    // On the command line too: `show` and the filters.
    let ok = tempfile::tempdir().unwrap();
    write_dataset(ok.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    let hint =
        "`elon-musk` is in the embedded data: pass `--data embedded` before your folder to include it.";
    for args in [&["show", "elon-musk"][..], &["timeline", "--person", "elon-musk"]] {
        let (code, _, err) = run(&[path(ok.path())], args);
        assert_eq!(code, 1, "{args:?}");
        assert!(err.contains(hint), "{args:?}: {err}");
    }
    let (code, _, err) = run(&["embedded"], &["show", "nobody-at-all"]);
    assert_eq!(code, 1);
    assert!(!err.contains("is in the embedded data"), "{err}");
}
