//! `rivals export`: the graphs (DOT rendered by Graphviz, Mermaid), the
//! timeline filters on export, and the spreadsheet-friendly CSV tables.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::write_dataset;
use std::io::Write;
use std::process::Command;
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
    let out = Command::new(common::BIN)
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
        "bob-to-meta,2024-06,hire,bob,Bob,1,openai,\"Open\"\"AI\"\"\\u{a}Lab \\l \\u{1b}[31m]-->x|#<b>\",meta,Meta,,,,,,,,Bob joins Meta.,s1,\"Article, \"\"one\"\"\",One source says three people left.,\"3 people [s1] | a team, \"\"maybe\"\" [s1]\",month,,,,,,,,move,,,,,,,,"
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

/// A group from three origins with two members (one completing an earlier
/// departure), a departure completed by a later hire, a founding by eleven
/// people (no move), and an amount with an equivalent, a ceiling and a period.
const GROUPS: &str = r#"- id: wave
  date: 2025-06-30
  kind: hire
  to: msl
  count: 11
  origins:
    - {from: openai, count: 7}
    - {from: meta, count: 3}
    - {from: xai, count: 1}
  summary: Eleven join.
  sources: [s1]
- id: alice-leaves
  date: 2025-05
  kind: departure
  people: [alice]
  from: openai
  summary: Alice leaves.
  sources: [s1]
- id: alice-in-wave
  date: 2025-06
  kind: hire
  people: [alice]
  from: openai
  to: msl
  count: 8
  part_of: wave
  summary: Alice among the OpenAI eight.
  sources: [s1]
- id: bob-leaves
  date: 2024
  kind: departure
  people: [bob]
  from: meta
  summary: Bob leaves.
  sources: [s1]
- id: bob-joins
  date: 2024-06-02
  kind: hire
  people: [bob]
  to: openai
  role: Researcher
  amount: {value: 400000000, currency: GBP, equivalent: {value: 660000000, currency: USD}, up_to: true, period: 4 years}
  summary: Bob joins OpenAI.
  sources: [s1]
- id: xai-founded
  date: 2023
  kind: founding
  count: 11
  to: xai
  summary: Eleven found xAI.
  sources: [s1]
"#;

/// The events table as (header, rows), each row a map by column.
fn table(csv: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = csv.lines();
    let header = common::csv_cells(lines.next().unwrap());
    lines
        .map(|l| header.iter().cloned().zip(common::csv_cells(l)).collect())
        .collect()
}

/// The total of `rivals flow --json` on `data` (`embedded` or a folder).
fn flow_total(data: &std::ffi::OsStr) -> u64 {
    let out = common::rivals()
        .arg("--data")
        .arg(data)
        .args(["flow", "--json"])
        .output()
        .unwrap();
    let flows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    flows.iter().map(|f| f["count"].as_u64().unwrap()).sum()
}

/// The sum of `count` over the rows that are moves.
fn moved(rows: &[std::collections::HashMap<String, String>]) -> u64 {
    rows.iter()
        .filter(|r| r["flow_role"] == "move")
        .map(|r| r["count"].parse::<u64>().unwrap())
        .sum()
}

#[test]
fn csv_keeps_groups_members_amounts_and_sums_to_the_flow_total() {
    let dir = tempfile::tempdir().unwrap();
    let orgs = format!("{ORGS}- id: xai\n  name: xAI\n  kind: lab\n  summary: Lab.\n  sources: [s1]\n");
    write_dataset(dir.path(), SOURCES, &orgs, PEOPLE, GROUPS);
    let rows = table(&ok(&dir, &["--format", "csv"]));
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    let cells =
        |id: &str, columns: &[&str]| -> Vec<String> { columns.iter().map(|c| row(id)[*c].clone()).collect() };
    let structure = [
        "count",
        "from",
        "origins",
        "origin_names",
        "part_of",
        "flow_role",
        "counted_in",
    ];
    assert_eq!(
        cells("wave", &structure),
        [
            "11",
            "(group)",
            "openai:7; meta:3; xai:1",
            "Open\"AI\"\\u{a}Lab \\l \\u{1b}[31m]-->x|#<b>:7; Meta:3; xAI:1",
            "",
            "move",
            ""
        ]
        .map(String::from)
    );
    assert_eq!(
        cells("alice-in-wave", &structure),
        ["8", "openai", "", "", "wave", "member", "wave"].map(String::from)
    );
    assert_eq!(
        cells("alice-leaves", &structure),
        ["1", "openai", "", "", "", "completed", "alice-in-wave"].map(String::from)
    );
    assert_eq!(
        cells("bob-leaves", &structure),
        ["1", "meta", "", "", "", "completed", "bob-joins"].map(String::from)
    );
    assert_eq!(
        cells("bob-joins", &structure),
        ["1", "", "", "", "", "move", ""].map(String::from)
    );
    // A founding with no `from` moves no one: its count is not summed.
    assert_eq!(
        cells("xai-founded", &structure),
        ["11", "", "", "", "", "none", ""].map(String::from)
    );
    let amount = [
        "amount_value",
        "amount_currency",
        "amount_equivalent_value",
        "amount_equivalent_currency",
        "amount_up_to",
        "amount_period",
        "date_precision",
    ];
    assert_eq!(
        cells("bob-joins", &amount),
        ["400000000", "GBP", "660000000", "USD", "true", "4 years", "day"].map(String::from)
    );
    assert_eq!(row("bob-leaves")["date_precision"], "year");
    // 11 in the wave (its members inside it) and Bob once: the flow total.
    assert_eq!(moved(&rows), 12);
    assert_eq!(moved(&rows), flow_total(dir.path().as_os_str()));
}

#[test]
fn the_embedded_csv_sums_to_the_flow_total() {
    let out = common::rivals()
        .args(["export", "--format", "csv"])
        .output()
        .unwrap();
    let rows = table(&String::from_utf8(out.stdout).unwrap());
    assert!(rows.iter().any(|r| r["flow_role"] == "member"));
    assert!(rows.iter().any(|r| r["from"] == "(group)"));
    assert_eq!(moved(&rows), flow_total("embedded".as_ref()));
    // Lower bounds are kept: "at least" a count, "more than" a sum.
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(row("openai-researchers-to-meta")["count_at_least"], "true");
    assert_eq!(row("openai-raises-stock-pay")["amount_at_least"], "true");
    assert_eq!(row("openai-raises-stock-pay")["count_at_least"], "");
    assert!(rows.iter().any(|r| r["amount_at_least"] == "false"));
}

/// Checks that `xml` is well-formed: one root element, every tag closed in
/// order, attributes quoted, `<` never in text, `&` only in the five
/// named entities or a character reference, no control characters.
fn assert_well_formed(xml: &str) {
    let body = xml
        .strip_prefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .expect("an XML declaration");
    assert!(
        body.chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r')),
        "a control character"
    );
    let entities = |text: &str| {
        for (i, _) in text.match_indices('&') {
            let rest = &text[i..];
            let end = rest.find(';').unwrap_or_else(|| panic!("bare & in {text}"));
            let name = &rest[1..end];
            let numeric = name
                .strip_prefix('#')
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
            assert!(
                numeric || ["amp", "lt", "gt", "quot", "apos"].contains(&name),
                "&{name}; in {text}"
            );
        }
    };
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        entities(text);
        assert!(
            !stack.is_empty() || text.trim().is_empty(),
            "text outside the root: {text}"
        );
        let close = rest[open..].find('>').expect("an unclosed tag") + open;
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.trim()), "closing {name}");
            continue;
        }
        let empty = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let (name, mut attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "tag {name}"
        );
        while !attrs.trim().is_empty() {
            let (key, value) = attrs
                .trim_start()
                .split_once("=\"")
                .unwrap_or_else(|| panic!("attribute in <{tag}>"));
            assert!(
                key.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ':'),
                "{key}"
            );
            let end = value.find('"').expect("a closing quote");
            entities(&value[..end]);
            assert!(!value[..end].contains('<'), "< in an attribute");
            attrs = &value[end + 1..];
        }
        if stack.is_empty() {
            roots += 1;
        }
        if !empty {
            stack.push(name.to_string());
        }
    }
    assert!(rest.trim().is_empty() && stack.is_empty(), "unclosed: {stack:?}");
    assert_eq!(roots, 1, "one root element");
}

#[test]
fn svg_is_a_well_formed_sankey_with_every_label_escaped() {
    let dir = dataset();
    let svg = ok(&dir, &["--format", "svg"]);
    assert_well_formed(&svg);
    assert_harmless("svg", &svg);
    assert!(svg.starts_with("<?xml") && svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    // OpenAI's hostile name, escaped: no markup of its own.
    assert!(svg.contains("Open&quot;AI&quot;"), "{svg}");
    assert!(!svg.contains("<b>") && svg.contains("&lt;b&gt;"), "{svg}");
    // Two ribbons (OpenAI → Meta, Meta → MSL); Bob's disputed count.
    assert_eq!(svg.matches("<path ").count(), 2, "{svg}");
    assert!(svg.contains(">≠ 2–4</text>"), "{svg}");
    assert!(svg.contains("3 people"), "{svg}");
}

#[test]
fn the_export_filters_apply_to_the_sankeys() {
    let dir = dataset();
    let ribbons = |args: &[&str]| {
        let mut all = vec!["--format", "svg"];
        all.extend_from_slice(args);
        let svg = ok(&dir, &all);
        assert_well_formed(&svg);
        svg.matches("<path ").count()
    };
    assert_eq!(ribbons(&["--org", "msl"]), 1);
    assert_eq!(ribbons(&["--from", "2025"]), 1);
    assert_eq!(ribbons(&["--to", "2024"]), 1);
    assert_eq!(ribbons(&["--roll-up"]), 1, "Meta → MSL is inside Meta");
    let none = ok(&dir, &["--format", "svg", "--roll-up", "--from", "2025"]);
    assert!(none.contains(">no moves</text>"), "{none}");
    assert_well_formed(&none);
    let rolled = ok(&dir, &["--format", "mermaid-sankey", "--roll-up"]);
    assert!(!rolled.contains("MSL"), "{rolled}");
    let (code, _, err) = export(&dir, &["--format", "dot", "--roll-up"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("--roll-up goes with --format svg or mermaid-sankey"),
        "{err}"
    );
}

/// The fields of one line of Mermaid's sankey CSV (quotes doubled inside
/// quoted fields).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let (mut quoted, mut chars) = (false, line.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    assert!(!quoted, "an open quote in {line}");
    fields
}

#[test]
fn mermaid_sankey_is_source_target_value_lines_with_quoted_names() {
    let dir = dataset();
    let chart = ok(&dir, &["--format", "mermaid-sankey"]);
    assert_harmless("mermaid-sankey", &chart);
    let mut lines = chart.lines();
    assert_eq!(lines.next(), Some("sankey-beta"));
    let rows: Vec<Vec<String>> = lines
        .filter(|l| !l.is_empty() && !l.starts_with("%%"))
        .map(csv_fields)
        .collect();
    assert_eq!(rows.len(), 2, "{chart}");
    assert!(
        rows.iter().all(|r| r.len() == 3 && r[2].parse::<u32>().is_ok()),
        "{chart}"
    );
    let openai = &rows[0][0];
    assert!(
        openai.starts_with("Open\"AI\"") && !openai.contains('\n'),
        "{openai}"
    );
    // Meta is an origin and a destination: the destination is named apart,
    // so Mermaid draws no cycle.
    assert_eq!(rows[0][1], "Meta (to)");
    assert_eq!((rows[1][0].as_str(), rows[1][1].as_str()), ("Meta", "MSL"));
    assert_eq!(rows.iter().map(|r| r[2].parse::<u32>().unwrap()).sum::<u32>(), 3);
    assert!(chart.contains("%% disputed: the sources give 2–4"), "{chart}");
}
