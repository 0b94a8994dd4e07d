//! "Did you mean": one rule on every surface (the loader, the config file,
//! the command line), CLI dates as the explorer reads them, and currency
//! nicknames, run as the real binary.
#![allow(clippy::unwrap_used)]

use crate::common::{EVENTS, ORGS, PEOPLE, SOURCES, rivals, write_dataset};
use rivals::model::{EventKind, nearest};

/// Exit code and standard error of a run expected to fail.
fn fails(cmd: &mut std::process::Command) -> String {
    let out = cmd.env("NO_COLOR", "1").output().unwrap();
    assert!(!out.status.success(), "{:?}", out);
    String::from_utf8(out.stderr).unwrap()
}

/// The name in the first "did you mean `NAME`" of `err`, if any.
fn meant(err: &str) -> Option<String> {
    let rest = err.split("did you mean `").nth(1)?;
    Some(rest.split('`').next()?.to_string())
}

/// What `rivals check` suggests for an event of kind `kind`.
fn loader_says(kind: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS.replace("kind: statement", &format!("kind: {kind}"));
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let err = fails(rivals().arg("--data").arg(dir.path()).arg("check"));
    assert!(err.contains(&format!("unknown `kind` `{kind}`")), "{err}");
    meant(&err)
}

/// What the config check suggests for an action `name` in `[keys]`.
fn config_says(name: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(&file, format!("[keys]\n{name} = [\"q\"]\n")).unwrap();
    let err = fails(rivals().arg("--config").arg(&file).arg("config"));
    assert!(err.contains(&format!("unknown action `{name}`")), "{err}");
    meant(&err)
}

/// What the command line suggests for `args` (ending in the bad value).
fn cli_says(args: &[&str]) -> Option<String> {
    let err = fails(rivals().args(args));
    let value = args.last().unwrap();
    assert!(
        err.contains(&format!("invalid value '{value}'")),
        "quoted as written: {err}"
    );
    meant(&err)
}

#[test]
fn the_same_misspelling_gets_the_same_suggestion_everywhere() {
    let kinds: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
    for (typo, want) in [
        ("law", Some("lawsuit")),
        ("statment", Some("statement")),
        ("Hire", Some("hire")),
        ("fundng", Some("funding")),
        ("zzqqx", None),
    ] {
        let want = want.map(str::to_string);
        assert_eq!(loader_says(typo), want, "loader, {typo}");
        assert_eq!(cli_says(&["timeline", "--kind", typo]), want, "--kind {typo}");
        assert_eq!(
            nearest(typo, kinds.iter().copied(), 1)
                .first()
                .map(|s| s.to_string()),
            want
        );
    }
    // `flows` is both an action of [keys] and a table of `export --what`.
    assert_eq!(config_says("flws").as_deref(), Some("flows"));
    assert_eq!(
        cli_says(&["export", "--format", "csv", "--what", "flws"]).as_deref(),
        Some("flows")
    );
    assert_eq!(config_says("year").as_deref(), Some("next_year"));
    assert_eq!(config_says("zzqqx"), None);
}

#[test]
fn every_closed_cli_value_gets_a_suggestion_and_the_list() {
    for (args, want) in [
        (&["export", "--format", "jsn"][..], "json"),
        (&["--color", "nevr"][..], "never"),
        (&["completions", "bsh"][..], "bash"),
        (&["schema", "evnts"][..], "events"),
        (&["export", "--format", "csv", "--what", "peple"][..], "people"),
    ] {
        assert_eq!(cli_says(args).as_deref(), Some(want), "{args:?}");
    }
    let err = fails(rivals().args(["timeline", "--kind", "law"]));
    assert!(err.contains("one of: hire, departure"), "{err}");
    let help = rivals().args(["export", "--help"]).output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("mermaid") && help.contains("organizations"),
        "{help}"
    );
}

#[test]
fn cli_dates_accept_what_the_explorer_accepts() {
    let run = |from: &str| {
        let out = rivals().args(["timeline", "--from", from]).output().unwrap();
        assert!(out.status.success(), "--from {from}: {out:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(run("2024-9"), run("2024-09"));
    assert_eq!(run("jul 2025"), run("2025-07"));
    assert_eq!(run("2025-7-4"), run("2025-07-04"));
    let out = rivals()
        .args(["flow", "--from", "2023-1", "--to", "dec 2025"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = fails(rivals().args(["timeline", "--to", "2024-13"]));
    assert!(
        err.contains("invalid value '2024-13'") && err.contains("no month 13"),
        "{err}"
    );
}

#[test]
fn currency_nicknames_hint_the_iso_code() {
    let dir = tempfile::tempdir().unwrap();
    for (written, code) in [
        ("NKR", "NOK"),
        ("skr", "SEK"),
        ("DKR", "DKK"),
        ("RMB", "CNY"),
        ("EURR", "EUR"),
    ] {
        let events = EVENTS.replace(
            "  summary: Last day of 2023.",
            &format!("  amount: {{value: 1, currency: {written}}}\n  summary: Last day of 2023."),
        );
        write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
        let err = fails(rivals().arg("--data").arg(dir.path()).arg("check"));
        assert!(err.contains(&format!("unknown currency `{written}`")), "{err}");
        assert_eq!(meant(&err).as_deref(), Some(code), "{written}: {err}");
    }
}
