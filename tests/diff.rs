//! `rivals diff OLD NEW` on the real binary: records added, removed and
//! changed with their places in NEW, the flows that changed, the exit
//! statuses (0 same, 1 different, 2 trouble), layers and JSON.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use std::path::Path;

/// Runs `rivals ARGS`, returning (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = rivals().args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn path(dir: &Path) -> &str {
    dir.to_str().unwrap()
}

/// NEW: `late-2023` dated a day later, `nov-2023` gone, a new person and
/// their move from OpenAI to Meta (on line 20 of events.yaml).
fn changed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let people = format!("{PEOPLE}- id: ann\n  name: Ann\n  summary: New.\n  sources: [s1]\n");
    let cut = EVENTS.find("- id: nov-2023").unwrap();
    let events = format!(
        "{}- id: ann-moves\n  date: 2024-02\n  kind: hire\n  people: [ann]\n  from: openai\n  to: meta\n  summary: Ann moves.\n  sources: [s1]\n",
        &EVENTS[..cut]
    )
    .replace("date: 2023-12-31", "date: 2024-01-01");
    write_dataset(dir.path(), SOURCES, ORGS, &people, &events);
    dir
}

#[test]
fn the_same_dataset_has_no_differences() {
    let old = fixture();
    let (code, out, err) = run(&["diff", path(old.path()), path(old.path())]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "no differences: the same 8 records\n");
    let (code, out, _) = run(&["diff", "embedded", "embedded", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["added", "removed", "changed", "flows", "organizations"] {
        assert_eq!(v[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn records_and_flows_that_changed_are_listed_with_their_places() {
    let (old, new) = (fixture(), changed());
    let (code, out, err) = run(&["diff", path(old.path()), path(new.path())]);
    assert_eq!(code, 1, "{err}");
    let events = format!("{}/events.yaml", path(new.path()));
    let people = format!("{}/people.yaml", path(new.path()));
    let want = format!(
        "added (2):
  + person ann  {people}:5
  + event ann-moves  {events}:20
removed (1):
  - event nov-2023
changed (1):
  ~ event late-2023  {events}:1
      date: 2023-12-31 → 2024-01-01
flows that changed (1), people moving from → to:
  OpenAI → Meta: 1 → 2
organizations whose moves changed (2):
  Meta: in 1 → 2
  OpenAI: out 1 → 2
"
    );
    assert_eq!(out, want);
}

/// The count of each (from, to) pair `rivals flow --json` gives.
fn flow_counts(dir: &Path) -> Vec<(String, i64)> {
    let (code, out, err) = run(&["--data", path(dir), "flow", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    v.iter()
        .map(|f| (format!("{}>{}", f["from"], f["to"]), f["count"].as_i64().unwrap()))
        .collect()
}

#[test]
fn json_lists_the_changes_and_flows_agree_with_rivals_flow() {
    let (old, new) = (fixture(), changed());
    let (code, out, err) = run(&["diff", path(old.path()), path(new.path()), "--json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["removed"],
        serde_json::json!([{"kind": "event", "id": "nov-2023"}])
    );
    let events = format!("{}/events.yaml", path(new.path()));
    assert_eq!(
        v["changed"],
        serde_json::json!([{"kind": "event", "id": "late-2023", "file": events, "line": 1,
            "fields": [{"field": "date", "old": "2023-12-31", "new": "2024-01-01"}]}])
    );
    // Every pair diff reports is one whose `rivals flow` count differs, and the other way round.
    let (before, after) = (flow_counts(old.path()), flow_counts(new.path()));
    let count =
        |list: &[(String, i64)], key: &str| list.iter().find(|(k, _)| k == key).map_or(0, |(_, c)| *c);
    let mut keys: Vec<&String> = before.iter().chain(&after).map(|(k, _)| k).collect();
    keys.sort();
    keys.dedup();
    let moved: Vec<(String, i64, i64)> = keys
        .into_iter()
        .filter(|k| count(&before, k) != count(&after, k))
        .map(|k| (k.clone(), count(&before, k), count(&after, k)))
        .collect();
    let reported: Vec<(String, i64, i64)> = v["flows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let key = format!("{}>{}", f["from"], f["to"]);
            (key, f["old"].as_i64().unwrap(), f["new"].as_i64().unwrap())
        })
        .collect();
    assert_eq!(reported, moved);
    assert!(!reported.is_empty());
    assert_eq!(
        v["organizations"][0],
        serde_json::json!({"id": "meta", "in": {"old": 1, "new": 2}, "out": {"old": 0, "new": 0}})
    );
}

#[test]
fn layers_name_the_layer_file_of_what_they_add() {
    let mine = tempfile::tempdir().unwrap();
    let event = "# mine\n- id: my-event\n  date: 2026-01\n  kind: statement\n  people: [sam-altman]\n  summary: Mine.\n  sources: [ai-game-of-thrones]\n";
    std::fs::write(mine.path().join("events.yaml"), event).unwrap();
    let layered = format!("embedded:{}", path(mine.path()));
    let (code, out, err) = run(&["diff", "embedded", &layered]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        out,
        format!(
            "added (1):\n  + event my-event  {}/events.yaml:2\n",
            path(mine.path())
        )
    );
    let (code, out, _) = run(&["diff", &layered, "embedded"]);
    assert_eq!(code, 1);
    assert_eq!(out, "removed (1):\n  - event my-event\n");
}

#[test]
fn trouble_exits_2() {
    let old = fixture();
    let missing = old.path().join("nowhere");
    let (code, out, err) = run(&["diff", path(old.path()), path(&missing)]);
    assert_eq!(code, 2, "{out}");
    assert!(err.contains("nowhere: error: no such file or folder"), "{err}");

    let broken = tempfile::tempdir().unwrap();
    write_dataset(broken.path(), SOURCES, ORGS, PEOPLE, "- id: x\n  date: 2025-13\n");
    let (code, out, err) = run(&["diff", path(old.path()), path(broken.path())]);
    assert_eq!(code, 2, "{out}");
    assert!(out.is_empty());
    assert!(err.contains("nothing was loaded"), "{err}");

    let (code, _, err) = run(&["--data", path(old.path()), "diff", "embedded", "embedded"]);
    assert_eq!(code, 2);
    assert!(err.contains("not with --data"), "{err}");
    let (code, _, err) = run(&["diff", ":", "embedded"]);
    assert_eq!(code, 2);
    assert!(err.contains("names no dataset"), "{err}");
    let (code, _, _) = run(&["diff", "embedded"]);
    assert_eq!(code, 2);
}

#[test]
fn dataset_text_reaches_the_terminal_escaped() {
    let old = fixture();
    let new = tempfile::tempdir().unwrap();
    let orgs = ORGS.replace("name: Meta", "name: \"Me\\e[2Jta\\u009b\"");
    let events = EVENTS.replace("summary: January 2024.", "summary: \"Jan\\e]0;x\\a \\u202e\"");
    write_dataset(new.path(), SOURCES, &orgs, PEOPLE, &events);
    for json in [false, true] {
        let mut args = vec!["diff", path(old.path()), path(new.path())];
        if json {
            args.push("--json");
        }
        let (code, out, err) = run(&args);
        assert_eq!(code, 1, "{err}");
        assert!(!out.contains(['\x1b', '\x07', '\u{9b}', '\u{202e}']), "{out}");
        assert!(out.contains("Jan"), "{out}");
        if json {
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let fields = &v["changed"][1]["fields"][0];
            assert_eq!(fields["new"], "Jan\x1b]0;x\x07 \u{202e}", "{out}");
        } else {
            assert!(out.contains("Me\\u{1b}[2Jta\\u{9b}"), "{out}");
        }
    }
}
