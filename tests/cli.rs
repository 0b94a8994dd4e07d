//! The command line, run as the real binary.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::*;
use std::process::Command;
use std::process::Stdio;

fn stdout(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn failure(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn check_prints_the_embedded_counts() {
    let ds = rivals::model::Dataset::embedded().unwrap();
    let out = stdout(rivals().arg("check"));
    assert_eq!(out, format!("ok: {}\n", ds.counts_line()));
    assert!(out.starts_with("ok: 5 sources, "));
}

#[test]
fn check_reports_every_problem_with_positions_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS
        .replace("  to: meta", "  too: meta")
        .replace("people: [sam-altman]", "people: [sam-altmann]");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    // The unknown field stops that record's parse, so fix it to see the reference error too.
    let err = failure(rivals().arg("check").arg("--data").arg(dir.path()), 1);
    let file = format!("{}/events.yaml", dir.path().display());
    assert!(
        err.contains(&format!(
            "{file}:6:3: error: unknown field `too`\n  hint: did you mean `to`?"
        )),
        "{err}"
    );
    let events = EVENTS
        .replace("people: [sam-altman]", "people: [sam-altmann]")
        .replace("date: 2024-01", "date: 2024-13");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let err = failure(rivals().arg("check").arg("--data").arg(dir.path()), 1);
    assert!(err.contains(&format!("{file}:4:12: error: event `late-2023` refers to unknown person `sam-altmann`\n  hint: did you mean `sam-altman`?")), "{err}");
    assert!(
        err.contains(&format!("{file}:10:9: error: date `2024-13` has no month 13")),
        "{err}"
    );
    assert!(err.ends_with("\n2 problems found; nothing was loaded\n"), "{err}");
}

#[test]
fn data_flag_works_before_or_after_the_subcommand_and_from_the_environment() {
    let dir = fixture();
    let expected = "ok: 1 sources, 2 organizations, 1 people, 4 events\n";
    assert_eq!(
        stdout(rivals().arg("--data").arg(dir.path()).arg("check")),
        expected
    );
    assert_eq!(
        stdout(rivals().arg("check").arg("--data").arg(dir.path())),
        expected
    );
    assert_eq!(
        stdout(rivals().arg("check").env("RIVALS_DATA", dir.path())),
        expected
    );
}

#[test]
fn usage_errors_exit_2() {
    failure(rivals().arg("frobnicate"), 2);
    let err = failure(rivals().args(["timeline", "--kind", "hiree"]), 2);
    assert!(err.contains("one of: hire"), "{err}");
    let err = failure(rivals().args(["timeline", "--from", "2025-13"]), 2);
    assert!(err.contains("no month 13"), "{err}");
    failure(rivals().args(["export", "--format", "xml"]), 2);
    failure(rivals().arg("search"), 2);
}

#[test]
fn search_ranks_the_right_person_first_despite_typos() {
    for (query, id) in [
        ("shngjia", "shengjia-zhao"),
        ("zukerberg", "mark-zuckerberg"),
        ("sutskever", "ilya-sutskever"),
    ] {
        let out = stdout(rivals().args(["search", query, "--limit", "3"]));
        let first = out.lines().next().unwrap();
        assert!(
            first.starts_with("person") && first.contains(id),
            "{query}: {out}"
        );
        assert!(out.lines().count() <= 3);
    }
}

#[test]
fn search_says_what_matched_when_it_is_not_the_name() {
    // An event found by its amount shows the amount; one found through a
    // record it links says `via` instead.
    let out = stdout(rivals().args(["search", "14.9", "--limit", "1"]));
    assert!(
        out.starts_with("event") && out.trim_end().ends_with("(matched $14.9 billion)"),
        "{out}"
    );
    let out = stdout(rivals().args(["search", "sam altman nine figure", "--limit", "1"]));
    assert!(out.trim_end().ends_with("(via Sam Altman)"), "{out}");
    assert!(!out.contains("(matched"), "{out}");
}

#[test]
fn search_json_is_ranked_and_parseable() {
    let out = stdout(rivals().args(["search", "openai", "--json", "--limit", "5"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    assert_eq!(rows[0]["id"], "openai");
    assert_eq!(rows[0]["kind"], "organization");
    let scores: Vec<i64> = rows.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn show_prints_a_record_in_full() {
    let out = stdout(rivals().args(["show", "meta-invests-in-scale-ai"]));
    assert!(
        out.contains("amount        $14.3 billion for a 49% stake (USD 14.3B)"),
        "{out}"
    );
    assert!(
        out.contains("$14.9 billion (USD 14.9B) [ai-game-of-thrones]"),
        "{out}"
    );
    let out = stdout(rivals().args(["show", "sam-altman"]));
    assert!(out.starts_with("Sam Altman\nperson · sam-altman\n"), "{out}");
    assert!(out.contains("\ntimeline ("), "{out}");
    assert!(out.contains("\nsources\n"), "{out}");
    let out = stdout(rivals().args(["show", "scale-ai"]));
    assert!(out.contains("moves         0 in, 1 out"), "{out}");
}

#[test]
fn show_unknown_id_suggests_and_exits_1() {
    let err = failure(rivals().args(["show", "sam-altmann"]), 1);
    assert!(err.contains("did you mean: sam-altman"), "{err}");
}

#[test]
fn timeline_filters_by_inclusive_dates_of_any_precision() {
    let dir = fixture();
    let run = |args: &[&str]| {
        let out = stdout(rivals().arg("--data").arg(dir.path()).arg("timeline").args(args));
        out.lines()
            .map(|l| l.split("  ").last().unwrap().trim().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(&[]).len(), 4);
    assert_eq!(
        run(&["--to", "2023-12"]),
        [
            "Some time in 2023.",
            "November 2023, with a comma, and \"quotes\".",
            "Last day of 2023."
        ]
    );
    assert_eq!(run(&["--from", "2024"]), ["January 2024."]);
    assert_eq!(
        run(&["--from", "2023-12-31", "--to", "2023-12-31"]),
        ["Some time in 2023.", "Last day of 2023."]
    );
    assert_eq!(
        run(&["--kind", "offer"]),
        ["November 2023, with a comma, and \"quotes\"."]
    );
    assert_eq!(run(&["--person", "sam-altman"]), ["Last day of 2023."]);
    assert_eq!(
        run(&["--org", "meta"]),
        [
            "November 2023, with a comma, and \"quotes\".",
            "Last day of 2023."
        ]
    );
}

#[test]
fn timeline_lines_are_date_kind_summary_without_header() {
    let out = stdout(rivals().arg("timeline"));
    let ds = rivals::model::Dataset::embedded().unwrap();
    assert_eq!(out.lines().count(), ds.events.len());
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("2012        acquisition     "), "{first}");
    assert!(out.contains("\n2015-07-18  statement       "), "{out}");
    let err = failure(rivals().args(["timeline", "--person", "sam-altmann"]), 1);
    assert!(err.contains("did you mean: sam-altman"), "{err}");
}

#[test]
fn export_json_mirrors_the_yaml() {
    let dir = fixture();
    let out = stdout(
        rivals()
            .arg("--data")
            .arg(dir.path())
            .args(["export", "--format", "json"]),
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["events", "organizations", "people", "sources"]);
    let events = v["events"].as_array().unwrap();
    assert_eq!(events[0]["id"], "year-2023");
    assert_eq!(events[0]["date"], "2023");
    let hire = events.iter().find(|e| e["id"] == "late-2023").unwrap();
    assert_eq!(hire["people"][0], "sam-altman");
    assert_eq!(hire["from"], "openai");
    assert_eq!(hire["date"], "2023-12-31");
    assert_eq!(v["organizations"][0]["kind"], "company");
    // The embedded one too: every event is there under its YAML id.
    let out = stdout(rivals().args(["export", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let scale = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "meta-invests-in-scale-ai")
        .unwrap();
    assert_eq!(scale["amount"]["value"], 14.3e9);
    assert_eq!(
        scale["disputed"]["alternatives"][1]["sources"][0],
        "ai-game-of-thrones"
    );
}

#[test]
fn export_csv_has_a_header_and_a_row_per_event() {
    let dir = fixture();
    let out = stdout(
        rivals()
            .arg("--data")
            .arg(dir.path())
            .args(["export", "--format", "csv"]),
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "id,date,kind,people,people_names,count,from,from_name,to,to_name,orgs,org_names,role,amount_value,amount_currency,amount_text,quote,summary,sources,source_titles,disputed,disputed_alternatives,date_precision,origins,origin_names,part_of,amount_equivalent_value,amount_equivalent_currency,amount_up_to,amount_period,flow_role,counted_in,amount_per,uncertain,uncertain_alternatives,outcome,beyond_sources,count_at_least,amount_at_least"
    );
    assert_eq!(lines.len(), 5);
    assert!(lines.contains(&"nov-2023,2023-11-05,offer,,,,meta,Meta,,,,,,,,,,\"November 2023, with a comma, and \"\"quotes\"\".\",s1,First article,,,day,,,,,,,,none,,,,,,,,"), "{out}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let bin = std::path::Path::new(common::BIN);
    let mut child = std::process::Command::new(bin)
        .args(["export", "--format", "json"])
        .env_remove("RIVALS_DATA")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn folder_and_file_problems_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope");
    let err = failure(rivals().arg("check").arg("--data").arg(&missing), 1);
    assert!(
        err.starts_with(&format!(
            "{}: error: no such file or folder; pass a folder",
            missing.display()
        )),
        "{err}"
    );

    let file = dir.path().join("file.yaml");
    std::fs::write(&file, "x").unwrap();
    let err = failure(rivals().arg("check").arg("--data").arg(&file), 1);
    assert!(err.contains("is a file, not a folder"), "{err}");

    let ds = fixture();
    std::fs::remove_file(ds.path().join("people.yaml")).unwrap();
    std::fs::create_dir(ds.path().join("people.yaml")).unwrap();
    std::fs::remove_file(ds.path().join("sources.yaml")).unwrap();
    std::fs::write(ds.path().join("events.yaml"), b"- id: x\n  summary: caf\xe9\n").unwrap();
    let err = failure(rivals().arg("check").arg("--data").arg(ds.path()), 1);
    let p = ds.path().display();
    assert!(
        err.contains(&format!(
            "{p}/sources.yaml: error: no such file or folder; every dataset folder needs"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}/people.yaml: error: is a folder, not a file")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{p}/events.yaml:2:15: error: file is not valid UTF-8")),
        "{err}"
    );
    assert!(err.ends_with("\n3 problems found; nothing was loaded\n"), "{err}");
}

#[test]
fn symlink_loops_and_size_limits_are_refused() {
    let ds = fixture();
    let people = ds.path().join("people.yaml");
    std::fs::remove_file(&people).unwrap();
    std::os::unix::fs::symlink(&people, &people).unwrap();
    let err = failure(rivals().arg("check").arg("--data").arg(ds.path()), 1);
    assert!(
        err.contains("people.yaml: error: cannot be read: symbolic link loop"),
        "{err}"
    );

    let ds = fixture();
    let big = format!("{EVENTS}{}", "# padding\n".repeat(120_000));
    std::fs::write(ds.path().join("events.yaml"), big).unwrap();
    let err = failure(
        rivals()
            .arg("check")
            .arg("--data")
            .arg(ds.path())
            .args(["--max-file-size", "1"]),
        1,
    );
    assert!(
        err.contains(
            "events.yaml: error: file is 2 MiB, over the limit of 1 MiB; raise the limit with --max-file-size"
        ),
        "{err}"
    );
    stdout(
        rivals()
            .arg("check")
            .arg("--data")
            .arg(ds.path())
            .args(["--max-file-size", "2"]),
    );
}

/// Runs `script` in `sh` with `$R` set to the binary.
fn shell(script: &str) -> std::process::Output {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("R", common::BIN)
        .env_remove("RIVALS_DATA")
        .output()
        .unwrap()
}

#[test]
fn output_that_cannot_be_written_is_exit_1_with_one_line() {
    for args in [
        "timeline",
        "--help",
        "-V",
        "help search",
        "check",
        "export --format csv",
    ] {
        for script in [format!("\"$R\" {args} >/dev/full"), format!("\"$R\" {args} >&-")] {
            let out = shell(&script);
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{script}: {err}");
            assert_eq!(err.lines().count(), 1, "{script}: {err}");
            assert!(
                err.starts_with("rivals: error: cannot write output"),
                "{script}: {err}"
            );
        }
        // With nowhere to say it either: still no panic.
        let script = format!("\"$R\" {args} >/dev/full 2>/dev/full");
        assert_eq!(shell(&script).status.code(), Some(1), "{script}");
    }
}

#[test]
fn empty_rivals_data_means_unset_and_the_flag_wins() {
    let dir = fixture();
    let fixture_counts = "ok: 1 sources, 2 organizations, 1 people, 4 events\n";
    let out = stdout(rivals().arg("check").env("RIVALS_DATA", ""));
    assert!(out.starts_with("ok: 5 sources, "), "{out}");
    for env in ["", "/no/such/folder"] {
        let out = stdout(
            rivals()
                .arg("check")
                .arg("--data")
                .arg(dir.path())
                .env("RIVALS_DATA", env),
        );
        assert_eq!(out, fixture_counts, "RIVALS_DATA={env}");
    }
}

#[test]
fn max_file_size_is_bounded_and_not_zero() {
    let dir = fixture();
    let check = |size: &str| {
        let mut cmd = rivals();
        cmd.arg("check")
            .arg("--data")
            .arg(dir.path())
            .args(["--max-file-size", size]);
        cmd
    };
    let err = failure(&mut check("0"), 2);
    assert!(err.contains("--max-file-size"), "{err}");
    failure(&mut check("99999999999999999999999"), 2);
    for huge in ["18446744073709551615", "17592186044416"] {
        let out = stdout(&mut check(huge));
        assert!(out.starts_with("ok: 1 sources"), "{huge}: {out}");
    }
}

#[test]
fn show_with_a_huge_id_is_fast_and_suggests_nothing() {
    // Its time is measured in benches/search.rs ("show a huge id").
    let id = "sam-altman-".repeat(11_900);
    let err = failure(rivals().arg("show").arg(&id), 1);
    assert!(!err.contains("did you mean"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    let dir = tempfile::tempdir().unwrap();
    let events = EVENTS
        .replace(
            "  summary: Last day of 2023.",
            "  role: \"-2+3\"\n  quote: \"+cmd|' /C calc'!A0\"\n  amount: {value: 1, currency: USD, text: \"@SUM(1)\"}\n  summary: \"=HYPERLINK(\\\"http://x\\\")\"",
        )
        .replace("summary: January 2024.", "role: \"\\tsneaky\"\n  summary: January 2024.");
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, &events);
    let out = stdout(
        rivals()
            .arg("--data")
            .arg(dir.path())
            .args(["export", "--format", "csv"]),
    );
    let row = out.lines().find(|l| l.starts_with("late-2023,")).unwrap();
    assert!(row.contains(",\"'-2+3\","), "{row}");
    assert!(row.contains(",\"'@SUM(1)\","), "{row}");
    assert!(row.contains(",\"'+cmd|' /C calc'!A0\","), "{row}");
    assert!(row.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","), "{row}");
    let row = out.lines().find(|l| l.starts_with("jan-2024,")).unwrap();
    assert!(row.contains(",\"'\\u{9}sneaky\","), "{row}");
    for line in out.lines() {
        for bad in [",=", ",+", ",-", ",@", ",\t", ",\"=", ",\"+", ",\"-", ",\"@"] {
            assert!(!line.contains(bad), "{bad} in {line}");
        }
    }
}

#[test]
fn a_filter_id_of_the_other_kind_says_which_flag_to_use() {
    let err = failure(rivals().args(["timeline", "--person", "meta"]), 1);
    assert!(err.contains("meta is an organization; use --org meta"), "{err}");
    let err = failure(rivals().args(["timeline", "--org", "sam-altman"]), 1);
    assert!(
        err.contains("sam-altman is a person; use --person sam-altman"),
        "{err}"
    );
}

#[test]
fn ids_with_no_close_match_get_no_arbitrary_suggestion() {
    for id in ["", "zzqqxxvv"] {
        let err = failure(rivals().arg("show").arg(id), 1);
        assert!(!err.contains("did you mean"), "{id:?}: {err}");
        assert!(err.contains("rivals search"), "{id:?}: {err}");
    }
    let err = failure(rivals().args(["timeline", "--person", "zzqqxxvv"]), 1);
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn a_miss_in_the_embedded_dataset_says_it_was_the_embedded_one() {
    let err = failure(rivals().args(["show", "jane-doe"]), 1);
    assert!(err.contains("embedded dataset"), "{err}");
    assert!(err.contains("--data DIR"), "{err}");
    let err = failure(rivals().args(["timeline", "--person", "jane-doe"]), 1);
    assert!(err.contains("embedded dataset"), "{err}");
    let dir = fixture();
    let err = failure(
        rivals().arg("--data").arg(dir.path()).args(["show", "jane-doe"]),
        1,
    );
    assert!(!err.contains("embedded"), "{err}");
}

#[test]
fn empty_queries_and_ranges_are_usage_errors() {
    for args in [
        &["search", ""][..],
        &["search", "   "],
        &["search", "x", "--limit", "0"],
        &["timeline", "--from", "2025-06", "--to", "2024-01"],
    ] {
        let err = failure(rivals().args(args), 2);
        assert!(err.contains("error:"), "{args:?}: {err}");
    }
    let err = failure(rivals().args(["search", "x", "--limit", "-1"]), 2);
    assert!(!err.contains("-- -1"), "{err}");
    assert!(err.contains("--limit"), "{err}");
    // An empty range at one precision is still a range: 2024 to 2024 is fine.
    stdout(rivals().args(["timeline", "--from", "2024", "--to", "2024-01"]));
}

#[test]
fn new_writes_a_starter_dataset_that_checks_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("mine");
    let out = stdout(rivals().arg("new").arg(&target));
    assert!(out.contains("rivals check --data"), "{out}");
    let counts = stdout(rivals().arg("check").arg("--data").arg(&target));
    assert!(counts.starts_with("ok: 2 sources, "), "{counts}");
    assert!(counts.contains(" 2 people, 5 events"), "{counts}");
    let strict = stdout(rivals().args(["check", "--strict", "--data"]).arg(&target));
    assert_eq!(strict, counts, "the starter has no warning either");
    let events = std::fs::read_to_string(target.join("events.yaml")).unwrap();
    for field in [
        "count:",
        "role:",
        "amount:",
        "quote:",
        "disputed:",
        "orgs:",
        "from:",
        "to:",
    ] {
        assert!(
            events.contains(&format!("\n  {field}")),
            "{field} missing:\n{events}"
        );
    }
    for (file, fields) in [
        ("sources.yaml", &["outlet:", "published:", "file:"][..]),
        ("organizations.yaml", &["aliases:", "parent:", "founded:"]),
        ("people.yaml", &["aliases:"]),
    ] {
        let text = std::fs::read_to_string(target.join(file)).unwrap();
        for field in fields {
            assert!(text.contains(&format!("\n  {field}")), "{file}: {field} missing");
        }
    }
    assert!(events.lines().filter(|l| l.trim_start().starts_with('#')).count() >= 5);

    std::fs::write(target.join("people.yaml"), "# mine\n").unwrap();
    let err = failure(rivals().arg("new").arg(&target), 1);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(
        std::fs::read_to_string(target.join("people.yaml")).unwrap(),
        "# mine\n"
    );
}

#[test]
fn check_prints_warnings_and_strict_makes_them_errors() {
    let dir = tempfile::tempdir().unwrap();
    let people = PEOPLE.replace(
        "  summary: Runs OpenAI.",
        "  aliases: [Meta]\n  summary: Runs OpenAI.",
    );
    write_dataset(dir.path(), SOURCES, ORGS, &people, EVENTS);
    let file = format!("{}/people.yaml", dir.path().display());
    let out = rivals()
        .arg("check")
        .arg("--data")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{file}:3:13: warning: ")), "{err}");
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("ok: "));
    // Other commands load without looking for warnings.
    let out = rivals()
        .args(["timeline", "--data"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success() && out.stderr.is_empty());
    let err = failure(rivals().args(["check", "--strict", "--data"]).arg(dir.path()), 1);
    assert!(err.contains(&format!("{file}:3:13: error: ")), "{err}");
}

/// `rivals flow --json` (with extra arguments), parsed.
fn flow_json(args: &[&str]) -> Vec<serde_json::Value> {
    let out = stdout(rivals().arg("flow").arg("--json").args(args));
    serde_json::from_str::<serde_json::Value>(&out)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn pair<'a>(
    rows: &'a [serde_json::Value],
    from: Option<&str>,
    to: Option<&str>,
) -> Option<&'a serde_json::Value> {
    rows.iter()
        .find(|r| r["from"].as_str() == from && r["to"].as_str() == to)
}

#[test]
fn flow_json_counts_the_memo_once_with_its_members() {
    let rows = flow_json(&[]);
    for r in &rows {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        let at_least = r.get("at_least").map(|_| "at_least");
        let expected: Vec<&str> = at_least
            .into_iter()
            .chain([
                "count",
                "disputed",
                "disputed_events",
                "events",
                "from",
                "max",
                "min",
                "people",
                "to",
            ])
            .collect();
        assert_eq!(keys, expected);
        let n = |k: &str| r[k].as_u64().unwrap();
        assert!(n("min") <= n("count") && n("count") <= n("max"), "{r}");
        assert_ne!(r["from"], r["to"], "{r}");
    }
    let openai = pair(&rows, Some("openai"), Some("meta-superintelligence-labs")).unwrap();
    assert_eq!(
        openai["count"], 8,
        "the memo's seven and Avi Verma, not 7 + 8 + Zhao + Bansal"
    );
    assert_eq!(openai["disputed"], true, "seven or at least eight");
    assert_eq!(
        (&openai["min"], &openai["max"], &openai["at_least"]),
        (
            &serde_json::json!(8),
            &serde_json::json!(9),
            &serde_json::json!(true)
        ),
        "Avi Verma and the memo's seven, or article 004's at least eight"
    );
    assert_eq!(
        openai["disputed_events"],
        serde_json::json!(["openai-researchers-to-meta"])
    );
    assert_eq!(
        openai["people"],
        serde_json::json!(["shengjia-zhao", "avi-verma", "trapit-bansal"])
    );
    assert_eq!(
        openai["events"],
        serde_json::json!([
            "verma-joins-meta",
            "openai-researchers-to-meta",
            "zhao-joins-meta",
            "msl-eleven-signings"
        ])
    );
    assert_eq!(
        pair(&rows, Some("google"), Some("meta-superintelligence-labs")).unwrap()["count"],
        3
    );
    assert_eq!(
        pair(&rows, Some("anthropic"), Some("meta-superintelligence-labs")).unwrap()["count"],
        1
    );
    assert!(
        pair(&rows, Some("meta-superintelligence-labs"), Some("openai")).is_none(),
        "Zhao only threatened to go back"
    );
    let gone = pair(&rows, Some("meta-superintelligence-labs"), None).unwrap();
    assert_eq!(gone["count"], 3, "three left MSL for places unknown");
    assert_eq!(pair(&rows, Some("google"), Some("xai")).unwrap()["count"], 3);
    assert_eq!(
        pair(&rows, Some("deepmind"), Some("xai")).unwrap()["count"],
        4,
        "three in the founding team, and Babuschkin"
    );
}

#[test]
fn flow_roll_up_merges_children_and_dates_narrow() {
    let rows = flow_json(&["--roll-up"]);
    let ids: Vec<&str> = rows
        .iter()
        .flat_map(|r| [r["from"].as_str(), r["to"].as_str()])
        .flatten()
        .collect();
    assert!(
        !ids.contains(&"meta-superintelligence-labs") && !ids.contains(&"deepmind"),
        "{ids:?}"
    );
    assert_eq!(
        pair(&rows, Some("openai"), Some("meta")).unwrap()["count"],
        8,
        "the memo's seven and Avi Verma"
    );
    assert_eq!(
        pair(&rows, Some("google"), Some("meta")).unwrap()["count"],
        4,
        "3 + Agarwal from DeepMind"
    );
    assert_eq!(pair(&rows, Some("google"), Some("xai")).unwrap()["count"], 7);
    let total = |rows: &[serde_json::Value]| rows.iter().map(|r| r["count"].as_u64().unwrap()).sum::<u64>();
    assert_eq!(
        total(&rows),
        total(&flow_json(&[])),
        "no move inside one organization in the data"
    );
    // July 2025, and the moves dated only `2025` (they overlap it).
    let july = flow_json(&["--from", "2025-07", "--to", "2025-07-31"]);
    assert_eq!(pair(&july, Some("xai"), Some("openai")).unwrap()["count"], 2);
    assert_eq!(
        pair(&july, Some("meta-superintelligence-labs"), None).unwrap()["count"],
        3
    );
    assert_eq!(
        pair(&july, Some("openai"), Some("meta-superintelligence-labs")).unwrap()["people"],
        serde_json::json!(["avi-verma"]),
        "the memo's June signings are out; Verma's hire, dated only 2025, overlaps July"
    );
    let before = flow_json(&["--to", "2015"]);
    assert_eq!(before.len(), 1, "{before:?}");
    assert_eq!(
        pair(&before, Some("google"), Some("openai")).unwrap()["people"][0],
        "ilya-sutskever"
    );
    let meta = flow_json(&["--org", "meta"]);
    assert!(meta.iter().all(|r| {
        let touches = |k: &str| matches!(r[k].as_str(), Some("meta" | "meta-superintelligence-labs"));
        touches("from") || touches("to")
    }));
    assert!(
        pair(&meta, Some("openai"), Some("meta-superintelligence-labs")).is_some(),
        "children included"
    );
}

#[test]
fn flow_text_is_a_matrix_with_totals_and_net() {
    let out = stdout(rivals().args(["flow", "--roll-up"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("people moving from (rows) to (columns); 7≠ a disputed count")
            && lines[0].contains("≥8 at least")
            && lines[0].ends_with("? unknown"),
        "{out}"
    );
    let row = |name: &str| {
        let label = |l: &&&str| {
            let words: Vec<&str> = l.split_whitespace().collect();
            let tagged = words
                .first()
                .is_some_and(|w| w.parse::<u32>().is_ok() || *w == "?");
            words[usize::from(tagged)..].join(" ").starts_with(name)
        };
        lines
            .iter()
            .find(label)
            .map(|l| l.split_whitespace().collect::<Vec<_>>())
            .unwrap_or_else(|| panic!("no row {name}:\n{out}"))
    };
    let openai = row("OpenAI");
    assert!(openai.contains(&"8≠"), "{out}");
    assert_eq!(
        openai.last(),
        Some(&"13–≥14≠"),
        "OpenAI lost 13 in all, or at least 14: {out}"
    );
    let ins = row("in");
    let total: u64 = flow_json(&["--roll-up"])
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .sum();
    let last = ins.last().unwrap();
    let counted = last.split('–').next().unwrap();
    assert_eq!(counted.parse::<u64>().unwrap(), total, "{last}");
    assert!(lines.last().unwrap().trim_start().starts_with("net"), "{out}");
    assert!(out.contains("? (unknown)"), "{out}");
    assert!(
        !out.contains("Meta Superintelligence Labs"),
        "rolled into Meta: {out}"
    );
    let quiet = stdout(rivals().args(["flow", "--from", "1990", "--to", "1991"]));
    assert_eq!(quiet, "no moves\n");
}

#[test]
fn show_reads_groups_children_and_structured_values() {
    let out = stdout(rivals().args(["show", "openai-researchers-to-meta"]));
    assert!(
        out.contains("group         7–≥8≠ people (1 named: Trapit Bansal)\n"),
        "the size the Flows view counts: {out}"
    );
    assert!(
        out.contains("part of       2025-06-30 hire of 11–≥12≠ people (msl-eleven-signings)\n"),
        "{out}"
    );
    assert!(
        out.contains("  - at least eight (at least 8 people) [openai-hires-four]\n"),
        "{out}"
    );
    assert!(
        out.contains("  - seven (7 people) [ai-game-of-thrones]\n"),
        "{out}"
    );
    let out = stdout(rivals().args(["show", "msl-eleven-signings"]));
    assert!(
        out.contains("from          OpenAI 7, Google 3, Anthropic 1\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "members       2025-06 hire of Trapit Bansal (openai-researchers-to-meta); \
             2025-06 hire of Shengjia Zhao (zhao-joins-meta)\n"
        ),
        "{out}"
    );
    let out = stdout(rivals().args(["show", "meta"]));
    assert!(
        out.contains("children      Meta Superintelligence Labs\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "moves         17–≥18≠ in, 6 out (incl. Meta Superintelligence Labs; alone 1 in, 3 out)\n"
        ),
        "{out}"
    );
    assert!(out.contains("Trapit Bansal"), "MSL's people are Meta's: {out}");
    let out = stdout(rivals().args(["show", "google-acquires-deepmind"]));
    assert!(
        out.contains("amount        £400 million (GBP 400M ≈ USD 660M)\n"),
        "{out}"
    );
    let out = stdout(rivals().args(["show", "meta-signing-bonuses"]));
    assert!(out.contains("(USD 300M over 4 years)"), "{out}");
    assert!(out.contains("(up to USD 1B)"), "{out}");
}

#[test]
fn timeline_org_includes_children() {
    let meta = stdout(rivals().args(["timeline", "--org", "meta"]));
    let msl = stdout(rivals().args(["timeline", "--org", "meta-superintelligence-labs"]));
    assert!(meta.contains("The memo named eleven researchers"), "{meta}");
    for line in msl.lines() {
        assert!(meta.contains(line), "{line} missing from Meta's timeline");
    }
    assert!(meta.lines().count() > msl.lines().count());
}

#[test]
fn export_json_has_the_new_fields_under_their_yaml_names() {
    let out = stdout(rivals().args(["export", "--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let event = |id: &str| {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap()
            .clone()
    };
    let memo = event("msl-eleven-signings");
    assert_eq!(
        memo["origins"][0],
        serde_json::json!({"from": "openai", "count": 7})
    );
    assert_eq!(event("zhao-joins-meta")["part_of"], "msl-eleven-signings");
    let wave = event("openai-researchers-to-meta");
    assert_eq!(wave["disputed"]["alternatives"][1]["count"], 8);
    let deepmind = event("google-acquires-deepmind");
    assert_eq!(deepmind["amount"]["equivalent"]["value"], 660e6);
    assert_eq!(deepmind["amount"]["equivalent"]["currency"], "USD");
    let bonuses = event("meta-signing-bonuses");
    let alts = bonuses["disputed"]["alternatives"].as_array().unwrap();
    assert!(alts.iter().any(|a| a["amount"]["period"] == "4 years"));
    assert!(
        alts.iter()
            .any(|a| a["amount"]["up_to"] == true && a["amount"]["value"] == 1e9)
    );
    assert_eq!(
        event("karpathy-to-tesla")["uncertain"]["alternatives"][0]["date"],
        "2018"
    );
    assert!(event("karpathy-to-tesla")["beyond_sources"].is_string());
    assert_eq!(event("meta-bid-for-ssi")["outcome"], "declined");
    assert_eq!(event("ssi-valued-32b")["kind"], "valuation");
    assert_eq!(event("zilis-leaves-openai-board")["kind"], "board");
    assert!(event("chen-break-in-memo").get("outcome").is_none());
    let murati = &v["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == "thinking-machines-lab")
        .unwrap()["beyond_sources"];
    assert!(murati.as_str().unwrap().contains("general knowledge"), "{murati}");
}

#[test]
fn a_source_cited_only_in_a_disputed_reading_still_backs_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let sources = format!("{SOURCES}- id: s2\n  title: Second article\n  language: en\n");
    let events = EVENTS.replacen(
        "  summary: January 2024.\n",
        "  summary: January 2024.\n  disputed:\n    note: The second says February.\n    alternatives:\n      - {value: February, sources: [s2]}\n",
        1,
    );
    write_dataset(dir.path(), &sources, ORGS, PEOPLE, &events);
    let out = stdout(rivals().arg("--data").arg(dir.path()).args(["show", "s2"]));
    assert!(out.contains("\nevents (1)\n"), "{out}");
    assert!(out.contains("January 2024."), "{out}");
    let timeline = stdout(
        rivals()
            .arg("--data")
            .arg(dir.path())
            .args(["timeline", "--source", "s2"]),
    );
    assert_eq!(timeline.lines().count(), 1, "{timeline}");
    assert!(timeline.contains("January 2024."), "{timeline}");
}

#[test]
fn show_a_source_lists_what_it_supports() {
    let ds = rivals::model::Dataset::embedded().unwrap();
    let s = ds
        .sources
        .iter()
        .position(|s| s.id == "musk-vs-ai-giants")
        .unwrap();
    let sup = &ds.source_support[s];
    let out = stdout(rivals().args(["show", "musk-vs-ai-giants"]));
    assert!(
        out.contains(&format!("\npeople ({})\n", sup.people.len())),
        "{out}"
    );
    assert!(
        out.contains(&format!("\norganizations ({})\n", sup.orgs.len())),
        "{out}"
    );
    assert!(
        out.contains(&format!("\nevents ({})\n", sup.events.len())),
        "{out}"
    );
    assert!(!sup.events.is_empty() && !sup.people.is_empty());
    for &e in &sup.events {
        let e = ds.event(e);
        assert!(e.cited_sources().any(|c| c == s as u32));
        assert!(out.contains(&e.summary), "{}", e.id);
    }
    let elon = ds.people.iter().find(|p| p.id == "elon-musk").unwrap();
    assert!(out.contains(&format!("  elon-musk  {}\n", elon.name)), "{out}");
}

#[test]
fn timeline_keeps_to_one_source() {
    let ds = rivals::model::Dataset::embedded().unwrap();
    let s = ds
        .sources
        .iter()
        .position(|s| s.id == "musk-vs-ai-giants")
        .unwrap();
    let out = stdout(rivals().args(["timeline", "--source", "musk-vs-ai-giants"]));
    let want = ds
        .events
        .iter()
        .filter(|e| e.sources.contains(&(s as u32)))
        .count();
    assert_eq!(out.lines().count(), want, "{out}");
    assert!(want > 0 && want < ds.events.len());
    let both = stdout(rivals().args([
        "timeline",
        "--source",
        "musk-vs-ai-giants",
        "--person",
        "elon-musk",
    ]));
    assert!(both.lines().count() < want && !both.is_empty(), "{both}");
    let err = failure(rivals().args(["timeline", "--source", "elon-musk"]), 1);
    assert!(err.contains("use --person elon-musk"), "{err}");
    let err = failure(rivals().args(["timeline", "--source", "no-such-source"]), 1);
    assert!(err.contains("no source with id `no-such-source`"), "{err}");
}

/// Ids in `rivals search` output, best first; none when it exits 1 (no match).
fn search_ids(query: &str) -> Vec<String> {
    let out = rivals()
        .args(["search", query, "--limit", "200"])
        .output()
        .unwrap();
    match out.status.code() {
        Some(0) => assert!(!out.stdout.is_empty(), "{query}: exit 0 without results"),
        Some(1) => assert!(out.stdout.is_empty(), "{query}: exit 1 with results"),
        code => panic!("{query}: exit {code:?}"),
    }
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().nth(1).map(String::from))
        .collect()
}

#[test]
fn search_takes_fzf_extended_syntax() {
    // Plain terms stay typo-tolerant; spaces mean AND, `|` means OR.
    assert_eq!(search_ids("zukerberg")[0], "mark-zuckerberg");
    let either = search_ids("altman | hassabis");
    assert_eq!(either[..2], ["sam-altman", "demis-hassabis"]);
    let both = search_ids("musk openai");
    assert!(both.iter().all(|id| search_ids("musk").contains(id)));
    assert!(both.len() < search_ids("musk").len());
    // Exact, anchored and whole-text terms.
    assert!(search_ids("'zukerberg").is_empty());
    // (events follow, matched through the records they link)
    assert_eq!(search_ids("^meta labs$")[0], "meta-superintelligence-labs");
    assert_eq!(search_ids("^meta$")[0], "meta");
    // Exclusions, and smart case.
    assert!(search_ids("sam").contains(&"sam-altman".to_string()));
    assert!(!search_ids("sam !^sam").contains(&"sam-altman".to_string()));
    assert!(!search_ids("'openai !musk").contains(&"openai".to_string()));
    assert_eq!(search_ids("^Meta$")[0], "meta");
    assert!(search_ids("^META$").is_empty());
}

#[test]
fn search_of_only_operators_finds_nothing_and_exits_1() {
    for q in ["!", "'", "^", "!^", "^$", "|", "!musk"] {
        let err = failure(rivals().args(["search", q]), 1);
        assert!(err.contains("no match"), "{q}: {err}");
    }
    let out = stdout(rivals().args(["search", "^Meta$", "--json"]));
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["id"], "meta");
    assert_eq!(rows[0]["match"], "exact");
}

#[test]
fn export_takes_the_same_filters_as_timeline_source_included() {
    let timeline = stdout(rivals().args(["timeline", "--source", "musk-vs-ai-giants"]));
    let csv = stdout(rivals().args(["export", "--format", "csv", "--source", "musk-vs-ai-giants"]));
    // One CSV row per event the timeline lists, plus the header.
    assert_eq!(csv.lines().count(), timeline.lines().count() + 1, "{csv}");
    let err = failure(
        rivals().args(["export", "--format", "json", "--source", "musk-vs-ai-giants"]),
        2,
    );
    assert!(err.contains("--source filter the graphs"), "{err}");
}

#[test]
fn the_explorer_without_a_terminal_says_so_before_loading_anything() {
    // The dataset is broken, but that is not what stops it: it is never
    // read (a big one would take a second before the refusal).
    let dir = tempfile::tempdir().unwrap();
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, "- id: [\n");
    let err = failure(rivals().arg("--data").arg(dir.path()), 2);
    assert!(err.contains("the explorer needs a terminal"), "{err}");
    assert!(!err.contains("events.yaml"), "{err}");
}

#[test]
fn new_past_the_file_size_limit_leaves_no_half_written_file() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("mine");
    let script = format!("ulimit -f 0 && exec '{}' new '{}'", common::BIN, target.display());
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot write sources.yaml"), "{err}");
    assert_eq!(
        std::fs::read_dir(&target).unwrap().count(),
        0,
        "nothing left behind"
    );
    // So the next try, with room, works.
    stdout(rivals().arg("new").arg(&target));
    assert_eq!(std::fs::read_dir(&target).unwrap().count(), 4);
}
