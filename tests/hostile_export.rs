//! Hostile names through every export format (Mermaid directives, DOT
//! escapes and HTML labels, spreadsheet formulas, JSON), and counts at the
//! maximum through `flow`, DOT and CSV.
#![allow(clippy::unwrap_used)]

use crate::common::{csv_cells as cells, rivals, write_dataset};

const SOURCES: &str = "- id: s1\n  title: \"=cmd|' /C calc'!A0\"\n  language: en\n";

/// Names that are syntax in one format or another.
const EVIL_ORG: &str = "Evil %%{init: {'theme':'dark'}}%% Co";
const DOT_ORG: &str = "<b>Bold</b> \\N \"q\" \\\" {a|b}";
const FORMULA_PERSON: &str = "@SUM(1+1)*cmd|' /C calc'!A0";

fn orgs() -> String {
    let yaml = |s: &str| serde_json::to_string(s).unwrap();
    format!(
        "- id: evil\n  name: {}\n  kind: company\n  summary: \"-2+3\"\n  sources: [s1]\n\
         - id: dot\n  name: {}\n  kind: lab\n  summary: S.\n  sources: [s1]\n\
         - id: plain\n  name: Plain\n  kind: lab\n  summary: S.\n  sources: [s1]\n",
        yaml(EVIL_ORG),
        yaml(DOT_ORG)
    )
}

fn people() -> String {
    format!(
        "- id: mal\n  name: {}\n  aliases: [\"+1\", \"=2\"]\n  summary: \"=1+1\"\n  sources: [s1]\n",
        serde_json::to_string(FORMULA_PERSON).unwrap()
    )
}

const EVENTS: &str = "\
- id: e1
  date: 2024-01
  kind: hire
  people: [mal]
  from: evil
  to: dot
  role: \"=HYPERLINK(\\\"x\\\")\"
  summary: \"+1 moved\"
  sources: [s1]
- id: big1
  date: 2024-02
  kind: hire
  count: 1000000
  from: plain
  to: evil
  summary: A million.
  sources: [s1]
- id: big2
  date: 2024-03
  kind: hire
  count: 1000000
  from: plain
  to: evil
  summary: Another million.
  sources: [s1]
";

fn dataset() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(dir.path(), SOURCES, &orgs(), &people(), EVENTS);
    dir
}

fn run(dir: &tempfile::TempDir, args: &[&str]) -> String {
    let out = rivals()
        .arg("--data")
        .arg(dir.path())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Mermaid's entity codes (`#37;`) decoded.
fn mermaid_decode(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('#') {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 1..];
        let end = tail.find(';').unwrap();
        out.push(char::from_u32(tail[..end].parse().unwrap()).unwrap());
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn mermaid_labels_carry_no_directive_and_decode_to_the_name() {
    let dir = dataset();
    let chart = run(&dir, &["export", "--format", "mermaid"]);
    for bad in ["%%", "%", "{", "}", "'"] {
        assert!(!chart.contains(bad), "{bad:?} in\n{chart}");
    }
    let labels: Vec<String> = chart
        .lines()
        .filter_map(|l| Some(l.split_once("[\"")?.1.strip_suffix("\"]")?.to_string()))
        .collect();
    let names: Vec<String> = labels.iter().map(|l| mermaid_decode(l)).collect();
    assert!(names.contains(&EVIL_ORG.to_string()), "{names:?}");
    assert!(names.contains(&DOT_ORG.to_string()), "{names:?}");
    // The edge label's people are encoded the same way.
    assert!(
        chart.contains(&format!("\"1: {}\"", mermaid_encoded(FORMULA_PERSON))),
        "{chart}"
    );
}

/// What `mermaid_escape` should make of a name with no control characters.
fn mermaid_encoded(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'a'..='z'
            | 'A'..='Z'
            | '0'..='9'
            | ' '
            | '('
            | ')'
            | '.'
            | ','
            | ':'
            | '*'
            | '+'
            | '@'
            | '/'
            | '!'
            | '='
            | '-' => c.to_string(),
            c => format!("#{};", u32::from(c)),
        })
        .collect()
}

/// The double-quoted DOT strings of `line`, unescaped, after checking each
/// is closed and every `\` in it escapes something.
fn dot_strings(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next() {
                Some('"') => break,
                Some('\\') => s.push(chars.next().unwrap()),
                Some(c) => s.push(c),
                None => panic!("unclosed string in {line}"),
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn dot_labels_are_quoted_strings_never_html_and_decode_to_the_name() {
    let dir = dataset();
    let graph = run(&dir, &["export", "--format", "dot"]);
    let mut names = Vec::new();
    for line in graph.lines() {
        if let Some(at) = line.find("label=") {
            assert_eq!(line[at + 6..].chars().next(), Some('"'), "HTML label: {line}");
        }
        names.extend(dot_strings(line));
    }
    assert!(names.contains(&EVIL_ORG.to_string()), "{names:?}");
    assert!(names.contains(&DOT_ORG.to_string()), "{names:?}");
    assert!(names.contains(&format!("1: {FORMULA_PERSON}")), "{names:?}");
    assert!(graph.contains("[label=\"2000000\", weight=2000000"), "{graph}");
}

#[test]
fn no_csv_cell_starts_a_formula() {
    let dir = dataset();
    for what in ["events", "people", "organizations", "flows"] {
        let table = run(&dir, &["export", "--format", "csv", "--what", what]);
        let mut names = 0;
        for line in table.lines().skip(1) {
            let row = cells(line);
            for cell in &row {
                assert!(
                    !cell.trim_start().starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{what}: formula cell {cell:?} in {line}"
                );
                names += usize::from(cell.contains("SUM(1+1)") || cell.contains("theme"));
            }
        }
        assert!(names > 0, "{what}: no hostile name in\n{table}");
    }
    let flows = run(&dir, &["export", "--format", "csv", "--what", "flows"]);
    let big = flows.lines().find(|l| l.starts_with("plain,")).unwrap();
    assert_eq!(cells(big)[4], "2000000", "{big}");
}

#[test]
fn json_keeps_hostile_names_as_data() {
    let dir = dataset();
    let doc: serde_json::Value = serde_json::from_str(&run(&dir, &["export", "--format", "json"])).unwrap();
    let names: Vec<&str> = doc["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, [EVIL_ORG, DOT_ORG, "Plain"]);
    assert_eq!(doc["people"][0]["name"], FORMULA_PERSON);
}

#[test]
fn flow_sums_counts_at_the_maximum_exactly() {
    let dir = dataset();
    let matrix = run(&dir, &["flow"]);
    assert!(matrix.contains("2000000"), "{matrix}");
    assert!(!matrix.contains("4294967294"), "{matrix}");
    let rows: serde_json::Value = serde_json::from_str(&run(&dir, &["flow", "--json"])).unwrap();
    let big = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["from"] == "plain")
        .unwrap();
    assert_eq!(big["count"], 2_000_000);
}
