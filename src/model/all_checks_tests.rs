//! Loader tests for issue 26: one run shows every problem (a broken
//! record switches no check off), the reworded syntax messages, the path
//! checks and the near-duplicate check, each at its exact line and column.

use super::tests::files;
use super::*;

const SOURCES: &str = "- id: s1\n  title: First article\n  language: en\n";
const ORGS: &str = "\
- id: meta
  name: Meta
  kind: company
  summary: Social networks.
  sources: [s1]
- id: openai
  name: OpenAI
  kind: lab
  summary: Lab.
  sources: [s1]
- id: google
  name: Google
  kind: company
  summary: Search.
  sources: [s1]
";
const PEOPLE: &str = "\
- id: ann
  name: Ann Example
  summary: Researcher.
  sources: [s1]
";

/// A move of `ann` as an event record.
fn mv(id: &str, date: &str, kind: &str, from: Option<&str>, to: Option<&str>) -> String {
    let mut s = format!("- id: {id}\n  date: {date}\n  kind: {kind}\n  people: [ann]\n");
    if let Some(f) = from {
        s.push_str(&format!("  from: {f}\n"));
    }
    if let Some(t) = to {
        s.push_str(&format!("  to: {t}\n"));
    }
    s.push_str("  summary: Moved.\n  sources: [s1]\n");
    s
}

/// Every problem, warnings included, as (file, line, col, message).
fn problems(orgs: &str, people: &str, events: &str) -> Vec<(String, usize, usize, String)> {
    let f = files(SOURCES, orgs, people, events);
    let found = match load_checked("t", &f, "data") {
        Ok(l) => l.warnings,
        Err(e) => e,
    };
    found
        .into_iter()
        .map(|d| {
            let file = d.file.rsplit('/').next().unwrap_or_default().to_string();
            (file, d.line, d.col, d.message)
        })
        .collect()
}

fn at(p: &[(String, usize, usize, String)]) -> Vec<(&str, usize, usize)> {
    p.iter().map(|(f, l, c, _)| (f.as_str(), *l, *c)).collect()
}

#[test]
fn a_broken_record_switches_no_check_off() {
    // An unknown field in one event, an unknown kind in one organization,
    // a parent cycle, a bad part_of and a path warning: all in one run.
    let orgs = format!(
        "{ORGS}- id: a\n  name: A\n  kind: lab\n  parent: b\n  summary: A.\n  sources: [s1]\n\
         - id: b\n  name: B\n  kind: lab\n  parent: a\n  summary: B.\n  sources: [s1]\n\
         - id: c\n  name: C\n  kind: labb\n  summary: C.\n  sources: [s1]\n"
    );
    let events = [
        mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta")),
        mv("e2", "2024-05-01", "hire", Some("google"), Some("openai")),
        "- id: e3\n  date: 2024\n  kind: statement\n  summary: S.\n  sourcez: [s1]\n".into(),
        "- id: e4\n  date: 2024\n  kind: hire\n  part_of: e1\n  to: meta\n  summary: S.\n  sources: [s1]\n"
            .into(),
    ]
    .concat();
    let p = problems(&orgs, PEOPLE, &events);
    assert_eq!(
        at(&p),
        [
            ("organizations.yaml", 19, 11),
            ("organizations.yaml", 30, 9),
            ("events.yaml", 13, 9),
            ("events.yaml", 21, 3),
            ("events.yaml", 25, 12),
        ],
        "{p:#?}"
    );
    assert!(p[0].3.contains("leads back to it"), "{}", p[0].3);
    assert_eq!(p[1].3, "unknown `kind` `labb`");
    assert!(p[2].3.contains("leave `google`"), "{}", p[2].3);
    assert_eq!(p[3].3, "unknown field `sourcez`");
    assert!(p[4].3.contains("not a group move"), "{}", p[4].3);
}

#[test]
fn a_syntax_error_in_one_record_keeps_the_others_checked() {
    let events = [
        mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta")),
        "- id: e2\n  date: 2024\n  kind: statement\n  summary: \"Open\n  sources: [s1]\n".into(),
        mv("e3", "2024-05-01", "hire", Some("openai"), Some("nope")),
    ]
    .concat();
    let p = problems(ORGS, PEOPLE, &events);
    assert_eq!(
        at(&p),
        [
            ("events.yaml", 12, 12),
            ("events.yaml", 18, 9),
            ("events.yaml", 19, 7)
        ],
        "{p:#?}"
    );
    assert_eq!(p[0].3, "`\"` opened here is not closed");
    assert!(
        p[1].3.contains("last recorded at `meta` (event `e1`)"),
        "{}",
        p[1].3
    );
    assert_eq!(p[2].3, "event `e3` refers to unknown organization `nope`");
}

#[test]
fn tabs_odd_numbers_and_nulls_are_named() {
    let events = mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta"));
    let tab = events.replace("  summary", "\tsummary");
    let p = problems(ORGS, PEOPLE, &tab);
    assert_eq!(
        p,
        [("events.yaml".into(), 7, 1, "a tab in the indentation".into())]
    );
    for (n, what) in [
        ("0x1FF", "a hex number"),
        ("0o17", "an octal number"),
        ("1_000", "a number with underscores"),
    ] {
        let counted = events.replace("  summary", &format!("  count: {n}\n  summary"));
        let p = problems(ORGS, PEOPLE, &counted);
        let message = format!("`{n}` is {what}, which the format does not allow");
        assert_eq!(p, [("events.yaml".into(), 7, 10, message)], "{n}");
    }
    let float = events.replace("  summary", "  count: 1e3\n  summary");
    let p = problems(ORGS, PEOPLE, &float);
    let message = "`count`: invalid type: floating point `1e3`, expected a whole number";
    assert_eq!(p, [("events.yaml".into(), 7, 10, message.into())]);
    let null = mv("e1", "2024", "statement", None, None).replace("people: [ann]", "orgs: [meta, ~]");
    let p = problems(ORGS, PEOPLE, &null);
    assert_eq!(
        p,
        [("events.yaml".into(), 4, 16, "`orgs` holds a null (`~`)".into())]
    );
    // An alias written null is refused, as the schema refuses it; quoted,
    // it is the text "null".
    let events = mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta"));
    let null = PEOPLE.replace("  summary", "  aliases: [Annie, null]\n  summary");
    let p = problems(ORGS, &null, &events);
    assert_eq!(
        p,
        [(
            "people.yaml".into(),
            3,
            20,
            "`aliases` holds a null (`null`)".into()
        )]
    );
    let quoted = PEOPLE.replace("  summary", "  aliases: [Annie, \"null\"]\n  summary");
    assert_eq!(problems(ORGS, &quoted, &events), []);
}

#[test]
fn a_move_from_where_the_person_is_not() {
    let events = [
        mv("e1", "2024-01", "hire", Some("google"), Some("openai")),
        mv("e2", "2024-06", "hire", Some("google"), Some("meta")),
    ]
    .concat();
    let p = problems(ORGS, PEOPLE, &events);
    assert_eq!(
        p,
        [(
            "events.yaml".into(),
            13,
            9,
            "event `e2` has person `ann` leave `google`, but they were last recorded at `openai` (event `e1`)"
                .into()
        )]
    );
}

#[test]
fn an_arrival_where_the_person_already_is_and_a_return_never_left() {
    let events = [
        mv("e1", "2023", "hire", None, Some("openai")),
        mv("e2", "2024-02", "hire", None, Some("openai")),
        mv("e3", "2024-09", "return", None, Some("openai")),
    ]
    .concat();
    let p = problems(ORGS, PEOPLE, &events);
    assert_eq!(at(&p), [("events.yaml", 12, 7), ("events.yaml", 19, 7)], "{p:#?}");
    assert!(
        p[0].3
            .contains("arrive at `openai`, where they already are since event `e1`")
    );
    assert!(
        p[1].3
            .contains("return to `openai`, which they never left since event `e2`")
    );
}

#[test]
fn two_moves_on_one_date_and_imprecise_dates() {
    let events = [
        mv("e1", "2024-03-02", "departure", Some("openai"), None),
        mv("e2", "2024-03-02", "hire", None, Some("meta")),
    ]
    .concat();
    let p = problems(ORGS, PEOPLE, &events);
    assert_eq!(at(&p), [("events.yaml", 9, 9)], "{p:#?}");
    assert!(p[0].3.contains("moves twice on 2024-03-02"), "{}", p[0].3);
    // Joining and leaving within one year is a path; an order that the
    // dates leave open is not checked.
    let fine = [
        mv("e1", "2024", "hire", Some("google"), Some("meta")),
        mv("e2", "2024", "departure", Some("meta"), None),
        mv("e3", "2025", "hire", Some("google"), Some("openai")),
        mv("e4", "2025-05", "hire", Some("meta"), Some("google")),
    ]
    .concat();
    let p = problems(ORGS, PEOPLE, &fine);
    assert!(p.is_empty(), "{p:#?}");
}

#[test]
fn strict_makes_path_warnings_errors() {
    let events = [
        mv("e1", "2023", "hire", None, Some("openai")),
        mv("e2", "2024", "hire", None, Some("openai")),
    ]
    .concat();
    let loaded = load_checked("t", &files(SOURCES, ORGS, PEOPLE, &events), "data").unwrap();
    let strict = loaded.strict().unwrap_err();
    assert_eq!(strict.len(), 1);
    assert_eq!(strict[0].severity, crate::model::Severity::Error);
}

#[test]
fn near_duplicates_are_named_unless_marked_distinct() {
    let orgs =
        format!("{ORGS}- id: open-ai\n  name: Open AI\n  kind: lab\n  summary: Lab.\n  sources: [s1]\n");
    let people = format!(
        "{PEOPLE}- id: jonathan-reyes\n  name: Jonathan Reyes\n  summary: R.\n  sources: [s1]\n\
         - id: jonathon-reyes\n  name: Jonathon Reyes\n  summary: R.\n  sources: [s1]\n\
         - id: ann-2\n  name: Anne Example\n  summary: R.\n  sources: [s1]\n  distinct_from: [ann]\n"
    );
    let events = mv("e1", "2024", "statement", None, None);
    let p = problems(&orgs, &people, &events);
    assert_eq!(
        p,
        [
            (
                "organizations.yaml".into(),
                17,
                9,
                "organization `open-ai` (\"Open AI\") may be the same as organization `openai` (\"OpenAI\", organizations.yaml:7:9)"
                    .into()
            ),
            (
                "people.yaml".into(),
                10,
                9,
                "person `jonathon-reyes` (\"Jonathon Reyes\") may be the same as person `jonathan-reyes` (\"Jonathan Reyes\", people.yaml:6:9)"
                    .into()
            ),
        ]
    );
    // Different digits are different names; short names must match exactly.
    let people = format!(
        "{PEOPLE}- id: b1\n  name: Agent 4\n  summary: R.\n  sources: [s1]\n\
         - id: b2\n  name: Agent 5\n  summary: R.\n  sources: [s1]\n\
         - id: b3\n  name: Bob\n  summary: R.\n  sources: [s1]\n\
         - id: b4\n  name: Rob\n  summary: R.\n  sources: [s1]\n"
    );
    assert!(problems(ORGS, &people, &events).is_empty());
}

#[test]
fn distinct_from_is_validated() {
    let people = format!(
        "{PEOPLE}- id: bob\n  name: Bob\n  summary: R.\n  sources: [s1]\n  distinct_from: [bob, ann, ann, meta, zed]\n"
    );
    let events = mv("e1", "2024", "statement", None, None);
    let p = problems(ORGS, &people, &events);
    let messages: Vec<&str> = p.iter().map(|x| x.3.as_str()).collect();
    assert_eq!(
        messages,
        [
            "person `bob` is marked distinct from itself",
            "person `bob` lists `ann` twice in `distinct_from`",
            "person `bob` refers to unknown person `meta`",
            "person `bob` refers to unknown person `zed`",
        ],
        "{p:#?}"
    );
    assert_eq!(at(&p)[0], ("people.yaml", 9, 19));
}

#[test]
fn the_embedded_data_passes_the_new_checks() {
    let loaded = crate::model::Dataset::embedded_checked().unwrap();
    assert!(loaded.strict().is_ok(), "{:#?}", loaded.warnings);
}

#[test]
fn serde_type_words_are_the_formats() {
    let events = mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta"));
    let null_list = PEOPLE.replace("  summary", "  aliases: ~\n  summary");
    let p = problems(ORGS, &null_list, &events);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].3, "`aliases`: invalid type: null, expected a list");
    let null_alternative = events.replace(
        "  summary",
        "  disputed:\n    note: Sources differ.\n    alternatives:\n      - ~\n  summary",
    );
    let p = problems(ORGS, PEOPLE, &null_alternative);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].3.ends_with("expected a map of fields"), "{}", p[0].3);
    assert!(!p[0].3.contains("Raw"), "{}", p[0].3);
}

#[test]
fn a_source_or_organization_listed_twice_is_a_warning_at_the_repeat() {
    let events = mv("e1", "2024-01-01", "hire", Some("openai"), Some("meta"))
        .replace("sources: [s1]", "sources: [s1, s1]");
    let p = problems(ORGS, PEOPLE, &events);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].3, "event `e1` lists `s1` twice in `sources`");
    assert_eq!((p[0].1, p[0].2), (8, 17), "at the second `s1`");
    let statement =
        mv("e1", "2024", "statement", None, None).replace("people: [ann]", "orgs: [meta, openai, meta]");
    let p = problems(ORGS, PEOPLE, &statement);
    assert_eq!(p.len(), 1, "{p:?}");
    assert_eq!(p[0].3, "event `e1` lists `meta` twice in `orgs`");
}
