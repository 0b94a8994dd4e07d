//! `rivals search` and `rivals schema --out` on the real binary, pushed
//! where they used to break: no match, huge queries, scores past what a
//! JSON reader holds, and schema folders with files or symlinks in them.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use std::path::Path;
use std::process::Output;

fn run(args: &[&str]) -> Output {
    rivals().args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Longest query a search reads (`search::query::MAX_QUERY_CHARS`).
const MAX_QUERY_CHARS: usize = 1_000;

#[test]
fn no_match_exits_1_with_one_line_and_a_match_exits_0() {
    for args in [
        &["search", "xqzvvj"][..],
        &["search", "xqzvvj", "--json"],
        &["search", "'zukerberg"],
        &["search", "!musk"],
        &["search", "!"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", text(&out.stdout));
        let err = text(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.starts_with("rivals: error: no match for `"),
            "{args:?}: {err}"
        );
    }
    let out = run(&["search", "zukerberg"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    // Usage errors stay 2.
    assert_eq!(run(&["search", " "]).status.code(), Some(2));
    assert_eq!(run(&["search"]).status.code(), Some(2));
}

#[test]
fn the_exit_status_is_in_the_help_and_the_manual() {
    let help = text(&run(&["search", "--help"]).stdout);
    assert!(help.contains("exits 1 when nothing matches"), "{help}");
    assert!(help.contains("2 on a usage error"), "{help}");
    let man = text(&run(&["man"]).stdout);
    assert!(man.contains("exits 1 when nothing matches"), "man page");
}

#[test]
fn a_huge_query_is_cut_with_a_note_and_still_answers() {
    // One 130,000-letter word used to take gigabytes for its typo automaton.
    let word = "zuckerburg".repeat(13_000);
    let out = run(&["search", &word]);
    assert_eq!(out.status.code(), Some(1), "no record has that word");
    let err = text(&out.stderr);
    assert!(
        err.contains(&format!("cut to its first {MAX_QUERY_CHARS} characters")),
        "{err}"
    );
    assert!(err.lines().all(|l| l.len() < 200), "no wall of text: {err}");
    // What lies past the limit is not read: the exclusion is dropped.
    let padded = format!("zukerberg{}!mark", " ".repeat(MAX_QUERY_CHARS));
    let out = run(&["search", &padded, "--limit", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("mark-zuckerberg"));
    assert!(text(&out.stderr).contains("cut"), "{}", text(&out.stderr));
}

#[test]
fn json_scores_are_exact_in_a_double_and_ranked_as_the_text() {
    for query in ["openai", "meta", "sam", "zkrbrg", "'openai !musk", "deep mind"] {
        let json = run(&["search", query, "--json", "--limit", "200"]);
        assert!(json.status.success(), "{query}");
        let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
        let rows = rows.as_array().unwrap();
        assert!(!rows.is_empty(), "{query}");
        let scores: Vec<u64> = rows.iter().map(|r| r["score"].as_u64().unwrap()).collect();
        assert!(scores.iter().all(|&s| s <= 1 << 53), "{query}: {scores:?}");
        assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{query}: {scores:?}");
        // Read as a double, as JavaScript and jq read it: still the same.
        for r in rows {
            let f = r["score"].as_f64().unwrap();
            assert_eq!(f as u64, r["score"].as_u64().unwrap(), "{query}");
        }
        let plain = run(&["search", query, "--limit", "200"]);
        let ids: Vec<String> = text(&plain.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().nth(1).map(String::from))
            .collect();
        let json_ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
        assert_eq!(ids, json_ids, "{query}");
    }
}

fn schema_out(dir: &Path, force: bool) -> Output {
    let mut cmd = rivals();
    cmd.args(["schema", "--out"]).arg(dir);
    if force {
        cmd.arg("--force");
    }
    cmd.output().unwrap()
}

const EVENTS_SCHEMA: &str = "events.schema.json";

#[test]
fn schema_out_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = schema_out(dir.path(), false);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let path = dir.path().join(EVENTS_SCHEMA);
    std::fs::write(&path, "mine").unwrap();
    let out = schema_out(dir.path(), false);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("already exists") && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
    let out = schema_out(dir.path(), true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(std::fs::read_to_string(&path).unwrap().contains("$schema"));
    // --force means nothing without --out.
    assert_eq!(run(&["schema", "events", "--force"]).status.code(), Some(2));
}

#[test]
fn schema_out_into_a_file_says_it_is_not_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain");
    std::fs::write(&file, "x").unwrap();
    for force in [false, true] {
        let out = schema_out(&file, force);
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(err.contains("is not a folder"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}

#[cfg(unix)]
#[test]
fn schema_out_never_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "precious").unwrap();
    let out_dir = dir.path().join("schemas");
    std::fs::create_dir(&out_dir).unwrap();
    let link = out_dir.join(EVENTS_SCHEMA);
    std::os::unix::fs::symlink(&outside, &link).unwrap();
    // Refused, and nothing else written either.
    let out = schema_out(&out_dir, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("already exists"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 1);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
    // A dangling link is refused too: it is never created through.
    let dangling = out_dir.join("people.schema.json");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    assert_eq!(schema_out(&out_dir, false).status.code(), Some(1));
    assert!(!dir.path().join("nowhere").exists());
    // With --force the links are replaced by files; their targets stay.
    let out = schema_out(&out_dir, true);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for path in [&link, &dangling] {
        let meta = std::fs::symlink_metadata(path).unwrap();
        assert!(meta.file_type().is_file(), "{path:?}");
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "precious");
    assert!(!dir.path().join("nowhere").exists());
}
