//! `rivals export`: the graphs (DOT rendered by Graphviz, Mermaid), the
//! timeline filters on export, and the spreadsheet-friendly CSV tables.
#![allow(clippy::unwrap_used)]

use crate::common;

use assert_cmd::Command;
use common::write_dataset;
use std::io::Write;
use std::process::Stdio;

const SOURCES: &str = "- id: s1\n  title: \"Article, \\\"one\\\"\"\n  language: en\n";
/// OpenAI's name is hostile: quotes, a line break, a DOT escape, a
/// terminal escape and Mermaid syntax.
const ORGS: &str = r#"- id: openai
  name: "Open\"AI\"\nLab \\l \e[31m]-->x|#<b>"
  kind: lab
  summary: Lab.
  sources: [s1]
- id: meta
  name: Meta
  kind: company
  summary: Company.
  sources: [s1]
- id: msl
  name: MSL
  kind: lab
  parent: meta
  summary: Meta's lab.
  sources: [s1]
"#;
const PEOPLE: &str = r#"- id: alice
  name: "=Alice"
  summary: Researcher.
  sources: [s1]
- id: bob
  name: Bob
  summary: Engineer.
  sources: [s1]
"#;
const EVENTS: &str = r#"- id: alice-to-meta
  date: 2024-01
  kind: hire
  people: [alice]
  from: openai
  to: meta
  summary: Alice joins Meta.
  sources: [s1]
- id: bob-to-meta
  date: 2024-06
  kind: hire
  people: [bob]
  from: openai
  to: meta
  summary: Bob joins Meta.
  sources: [s1]
  disputed:
    note: One source says three people left.
    alternatives:
      - {count: 3, sources: [s1]}
      - {value: "a team, \"maybe\"", sources: [s1]}
- id: alice-to-msl
  date: 2025-07
  kind: hire
  people: [alice]
  from: meta
  to: msl
  summary: Alice moves to MSL.
  sources: [s1]
- id: alice-speaks
  date: 2024-02
  kind: statement
  people: [alice]
  orgs: [openai]
  summary: Alice explains.
  sources: [s1]
"#;

fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(dir.path(), SOURCES, ORGS, PEOPLE, EVENTS);
    dir
}

/// Runs `rivals --data DIR export ARGS`, returning (exit code, stdout bytes, stderr).
fn export(dir: &tempfile::TempDir, args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::cargo_bin("rivals")
        .unwrap()
        .env_remove("RIVALS_DATA")
        .arg("--data")
        .arg(dir.path())
        .arg("export")
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let (code, out, err) = export(dir, args);
    assert_eq!(code, Some(0), "{args:?}: {err}");
    String::from_utf8(out).unwrap()
}

/// The edges of a DOT graph, node names only (`o0 o1`).
fn edges(graph: &str) -> Vec<String> {
    graph
        .lines()
        .filter_map(|l| {
            let (from, rest) = l.trim().split_once(" -> ")?;
            let to = rest.split(' ').next()?;
            Some(format!("{from} {to}"))
        })
        .collect()
}

/// The edges of a Mermaid flowchart (`o0 -->|"label"| o1`), node names only.
fn mermaid_edges(chart: &str) -> Vec<String> {
    chart
        .lines()
        .filter_map(|l| {
            let (from, rest) = l.trim().split_once(" -")?;
            let (_, to) = rest.rsplit_once("| ")?;
            Some(format!("{from} {to}"))
        })
        .collect()
}

fn assert_harmless(what: &str, text: &str) {
    for c in text.chars() {
        assert!(
            c == '\n' || !rivals::text::is_unsafe(c),
            "{what}: {c:?} in {text}"
        );
    }
}

#[test]
fn dot_is_rendered_by_graphviz_with_every_node_and_edge() {
    let dir = dataset();
    let graph = ok(&dir, &["--format", "dot"]);
    assert_harmless("dot", &graph);
    assert_eq!(edges(&graph), ["o0 o1", "o1 o2"], "{graph}");
    assert!(graph.contains("label=\"2–4≠: =Alice, Bob\", weight=2"), "{graph}");
    assert!(graph.contains("label=\"1: =Alice\", weight=1"), "{graph}");
    if std::process::Command::new("dot").arg("-V").output().is_err() {
        // CI installs Graphviz (.ci/run), so this only skips on a machine without it.
        eprintln!("SKIPPED: Graphviz `dot` is not installed; install graphviz to render the DOT export");
        return;
    }
    let mut child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(graph.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "dot failed: {stderr}\n{graph}");
    // Font set-up messages of a bare container are fine; a misread graph is not.
    assert!(!stderr.contains("syntax"), "dot misread the graph: {stderr}");
    let svg = String::from_utf8(out.stdout).unwrap();
    let count = |needle: &str| svg.matches(needle).count();
    assert_eq!(count("class=\"node\""), 3, "{svg}");
    assert_eq!(count("class=\"edge\""), 2, "{svg}");
    for title in ["<title>o0</title>", "<title>o1</title>", "<title>o2</title>"] {
        assert!(svg.contains(title), "{title} in {svg}");
    }
    assert!(svg.contains("<title>o0&#45;&gt;o1</title>"), "{svg}");
    assert!(svg.contains("<title>o1&#45;&gt;o2</title>"), "{svg}");
    // The hostile name is one label, shown as written: quotes, the escape
    // made visible, the DOT `\l` and the line break kept as text.
    assert!(
        svg.contains("Open&quot;AI&quot;\\u{a}Lab \\l \\u{1b}[31m]&#45;&#45;&gt;x|#&lt;b&gt;"),
        "{svg}"
    );
    assert!(
        svg.contains(">MSL</text>") && svg.contains(">Meta</text>"),
        "{svg}"
    );
    assert!(svg.contains("2–4≠: =Alice, Bob"), "{svg}");
}

#[test]
fn mermaid_is_a_flowchart_whose_labels_hold_no_syntax() {
    let dir = dataset();
    let chart = ok(&dir, &["--format", "mermaid"]);
    assert_harmless("mermaid", &chart);
    let lines: Vec<&str> = chart.lines().collect();
    assert_eq!(lines[0], "flowchart LR");
    assert_eq!(lines.len(), 1 + 3 + 2, "{chart}");
    for line in &lines[1..] {
        // Exactly one quoted label per line, so nothing escaped its quotes.
        assert_eq!(line.matches('"').count(), 2, "{line}");
        let label = line.split('"').nth(1).unwrap();
        for bad in ['<', '>', '|', '`'] {
            assert!(!label.contains(bad), "{bad:?} in {line}");
        }
        // Every `#` starts an entity code such as `#34;`.
        for after in label.split('#').skip(1) {
            let code = after.split_once(';').map(|(n, _)| n.parse::<u32>());
            assert!(matches!(code, Some(Ok(_))), "bare # in {line}");
        }
    }
    assert!(lines.contains(&"  o2[\"MSL\"]"), "{chart}");
    assert!(lines.contains(&"  o0 -.->|\"2–4≠: =Alice, Bob\"| o1"), "{chart}");
    assert!(lines.contains(&"  o1 -->|\"1: =Alice\"| o2"), "{chart}");
    assert_eq!(mermaid_edges(&chart), ["o0 o1", "o1 o2"]);
}

#[test]
fn the_timeline_filters_apply_to_the_graphs() {
    let dir = dataset();
    let dot = |args: &[&str]| {
        let mut all = vec!["--format", "dot"];
        all.extend_from_slice(args);
        edges(&ok(&dir, &all))
    };
    assert_eq!(dot(&["--person", "bob"]), ["o0 o1"]);
    assert_eq!(dot(&["--from", "2025"]), ["o1 o2"]);
    assert_eq!(dot(&["--to", "2024-03"]), ["o0 o1"]);
    assert_eq!(dot(&["--org", "msl"]), ["o1 o2"]);
    assert_eq!(
        dot(&["--org", "meta"]),
        ["o0 o1", "o1 o2"],
        "a parent takes in its children"
    );
    assert!(dot(&["--kind", "statement"]).is_empty());
    let mermaid = ok(&dir, &["--format", "mermaid", "--person", "bob"]);
    assert_eq!(mermaid_edges(&mermaid), ["o0 o1"]);
    assert!(!mermaid.contains("o2"), "{mermaid}");
    let (code, _, err) = export(&dir, &["--format", "dot", "--person", "nobody"]);
    assert_eq!(code, Some(1), "{err}");
    let (code, _, err) = export(&dir, &["--format", "dot", "--from", "2025", "--to", "2024"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("--from 2025 is after --to 2024"), "{err}");
}

#[test]
fn csv_rows_have_names_beside_ids_sources_and_disputes() {
    let dir = dataset();
    let csv = ok(&dir, &["--format", "csv"]);
    assert_harmless("csv", &csv);
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("id,date,kind,people,people_names,count,from,from_name,to,to_name,"));
    assert_eq!(lines.len(), 5);
    let bob = lines.iter().find(|l| l.starts_with("bob-to-meta,")).unwrap();
    assert_eq!(
        *bob,
        "bob-to-meta,2024-06,hire,bob,Bob,,openai,\"Open\"\"AI\"\"\\u{a}Lab \\l \\u{1b}[31m]-->x|#<b>\",meta,Meta,,,,,,,,Bob joins Meta.,s1,\"Article, \"\"one\"\"\",One source says three people left.,\"3 people [s1] | a team, \"\"maybe\"\" [s1]\""
    );
    let alice = lines.iter().find(|l| l.starts_with("alice-to-msl,")).unwrap();
    assert!(
        alice.contains(",alice,\"'=Alice\","),
        "names are neutralised too: {alice}"
    );
    let filtered = ok(&dir, &["--format", "csv", "--person", "bob"]);
    assert_eq!(filtered.lines().count(), 2, "{filtered}");
}

#[test]
fn csv_tables_for_people_organizations_and_flows() {
    let dir = dataset();
    let people = ok(&dir, &["--format", "csv", "--what", "people"]);
    assert_eq!(
        people.lines().collect::<Vec<_>>(),
        [
            "id,name,aliases,summary,sources,source_titles",
            "alice,\"'=Alice\",,Researcher.,s1,\"Article, \"\"one\"\"\"",
            "bob,Bob,,Engineer.,s1,\"Article, \"\"one\"\"\"",
        ]
    );
    let orgs = ok(&dir, &["--format", "csv", "--what", "organizations"]);
    assert_eq!(
        orgs.lines().next(),
        Some("id,name,aliases,kind,parent,parent_name,founded,summary,sources,source_titles")
    );
    assert!(
        orgs.lines()
            .any(|l| l.starts_with("msl,MSL,,lab,meta,Meta,,Meta's lab.,s1,")),
        "{orgs}"
    );
    let flows = ok(&dir, &["--format", "csv", "--what", "flows"]);
    assert_eq!(
        flows.lines().collect::<Vec<_>>()[1..],
        [
            "openai,\"Open\"\"AI\"\"\\u{a}Lab \\l \\u{1b}[31m]-->x|#<b>\",meta,Meta,2,true,alice;bob,\"'=Alice; Bob\",alice-to-meta;bob-to-meta,2,4,false",
            "meta,Meta,msl,MSL,1,false,alice,\"'=Alice\",alice-to-msl,1,1,false",
        ]
    );
    let late = ok(&dir, &["--format", "csv", "--what", "flows", "--from", "2025"]);
    assert_eq!(late.lines().count(), 2, "{late}");
}

#[test]
fn bom_only_when_asked_and_only_for_csv() {
    let dir = dataset();
    let (_, plain, _) = export(&dir, &["--format", "csv"]);
    assert!(plain.starts_with(b"id,"));
    let (code, bom, _) = export(&dir, &["--format", "csv", "--bom", "--what", "people"]);
    assert_eq!(code, Some(0));
    assert!(bom.starts_with(b"\xEF\xBB\xBFid,name,"));
    assert_eq!(bom.iter().filter(|&&b| b == 0xEF).count(), 1);
    for args in [
        &["--format", "dot", "--bom"][..],
        &["--format", "json", "--what", "people"],
        &["--format", "json", "--person", "bob"],
        &["--format", "csv", "--what", "people", "--kind", "hire"],
    ] {
        let (code, out, err) = export(&dir, args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(out.is_empty());
    }
}
