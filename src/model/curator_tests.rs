//! Loader tests for a curator's mistakes (issue 11 and the YAML syntax
//! positions of issue 9): each at its exact line and column.

use super::*;
use crate::model::MAX_ID_LEN;

const SOURCES: &str = "- id: s1\n  title: First article\n  language: fr\n  published: 2025-06-01\n";
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
";
const PEOPLE: &str = "\
- id: sam-altman
  name: Sam Altman
  summary: Runs OpenAI.
  sources: [s1]
- id: ilya
  name: Ilya
  summary: Researcher.
  sources: [s1]
";
const EVENTS: &str = "\
- id: e1
  date: 2025-05
  kind: hire
  people: [sam-altman]
  from: openai
  to: meta
  summary: Moved.
  sources: [s1]
";

fn files<'a>(sources: &'a str, orgs: &'a str, people: &'a str, events: &'a str) -> Files<'a> {
    Files {
        sources,
        organizations: orgs,
        people,
        events,
    }
}

fn errors_in(f: Files) -> Vec<Diagnostic> {
    load("t", &f, "data").expect_err("expected problems")
}

fn with_events(events: &str) -> Vec<Diagnostic> {
    errors_in(files(SOURCES, ORGS, PEOPLE, events))
}

fn with_orgs(orgs: &str) -> Vec<Diagnostic> {
    errors_in(files(SOURCES, orgs, PEOPLE, EVENTS))
}

fn one(errors: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    &errors[0]
}

/// (line, col, message) of the only problem.
fn only(errors: &[Diagnostic]) -> (usize, usize, &str) {
    let d = one(errors);
    (d.line, d.col, d.message.as_str())
}

#[test]
fn the_base_dataset_loads() {
    load("t", &files(SOURCES, ORGS, PEOPLE, EVENTS), "data").unwrap();
}

#[test]
fn an_unclosed_quote_names_where_it_opened() {
    let events = EVENTS.replace("summary: Moved.", "summary: \"Moved.");
    let d = one(&with_events(&events)).clone();
    assert_eq!((d.line, d.col), (9, 1), "{d}");
    assert_eq!(
        d.hint.as_deref(),
        Some("data/events.yaml:7:12: this quoted string starts here and is never closed")
    );
    let events = EVENTS.replace("summary: Moved.", "summary: 'Moved.");
    let d = one(&with_events(&events)).clone();
    assert!(
        d.hint
            .unwrap()
            .starts_with("data/events.yaml:7:12: this quoted string")
    );
}

#[test]
fn an_unclosed_flow_list_or_map_names_where_it_opened() {
    let events = EVENTS.replace("people: [sam-altman]", "people: [sam-altman");
    let d = one(&with_events(&events)).clone();
    assert_eq!(
        d.hint.as_deref(),
        Some("data/events.yaml:4:11: this `[` list starts here and is never closed"),
        "{d}"
    );
    let events = format!("{EVENTS}  amount: {{value: 1, currency: USD\n");
    let d = one(&with_events(&events)).clone();
    assert_eq!(
        d.hint.as_deref(),
        Some("data/events.yaml:9:11: this `{` map starts here and is never closed"),
        "{d}"
    );
}

#[test]
fn a_duplicate_key_points_at_the_duplicate() {
    let events = EVENTS.replace("  summary: Moved.\n", "  summary: Moved.\n  kind: hire\n");
    assert_eq!(only(&with_events(&events)), (8, 3, "duplicate field `kind`"));
    let events = EVENTS.replace("  summary: Moved.\n", "  summary: Moved.\n  summary: Again.\n");
    assert_eq!(only(&with_events(&events)), (8, 3, "duplicate field `summary`"));
}

#[test]
fn a_control_byte_is_reported_at_its_line_and_column() {
    let events = EVENTS.replace("summary: Moved.", "summary: Mo\0ved.");
    assert_eq!(
        only(&with_events(&events)),
        (7, 14, "a NUL byte is not allowed in YAML")
    );
    let events = EVENTS.replace("summary: Moved.", "summary: \"Mo\u{1b}ved.\"");
    assert_eq!(
        only(&with_events(&events)),
        (7, 15, "control character U+001B is not allowed in YAML")
    );
}

#[test]
fn a_second_document_is_named_at_its_line() {
    let events = format!("---\n{EVENTS}---\n{EVENTS}");
    assert_eq!(
        only(&with_events(&events)),
        (10, 1, "a second YAML document starts here (`---`)")
    );
    let events = format!("{EVENTS}...\n# end\n- id: e9\n");
    assert_eq!(
        only(&with_events(&events)),
        (11, 1, "text after the end of the document (`...` on line 9)")
    );
}

#[test]
fn ids_have_a_maximum_length_and_huge_references_are_fast() {
    let long = "a".repeat(MAX_ID_LEN + 1);
    let people = PEOPLE.replace("id: ilya", &format!("id: {long}"));
    let d = one(&errors_in(files(SOURCES, ORGS, &people, EVENTS))).clone();
    assert_eq!((d.line, d.col), (5, 7));
    assert_eq!(
        d.message,
        format!(
            "id `{}…` is 101 bytes long, over the limit of 100",
            "a".repeat(20)
        )
    );
    let huge = "b".repeat(131_072);
    let events = EVENTS.replace("people: [sam-altman]", &format!("people: [{huge}]"));
    let started = std::time::Instant::now();
    let d = one(&with_events(&events)).clone();
    assert!(started.elapsed().as_secs() < 2);
    assert_eq!((d.line, d.col), (4, 12));
}

#[test]
fn did_you_mean_never_suggests_an_invalid_id() {
    let people = PEOPLE.replace("id: ilya", "id: sam-altmann_");
    let events = EVENTS.replace("people: [sam-altman]", "people: [sam-altmann]");
    let errs = errors_in(files(SOURCES, ORGS, &people, &events));
    let d = errs
        .iter()
        .find(|d| d.message.contains("unknown person"))
        .unwrap();
    assert_eq!((d.line, d.col), (4, 12));
    assert_eq!(d.hint.as_deref(), Some("did you mean `sam-altman`?"));
}

#[test]
fn the_embedded_dataset_has_no_warnings() {
    let loaded = Dataset::embedded_checked().unwrap();
    let shown: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}
