//! Loader tests for a curator's mistakes (issue 11 and the YAML syntax
//! positions of issue 9): each at its exact line and column.

use super::*;
use crate::model::MAX_ID_LEN;

const SOURCES: &str = "- id: s1\n  title: First article\n  language: fr\n  published: 2025-06-01\n";
use super::tests::{ORGS, errors_in, files};
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
    for q in ['"', '\''] {
        let events = EVENTS.replace("summary: Moved.", &format!("summary: {q}Moved."));
        let d = one(&with_events(&events)).clone();
        assert_eq!(
            (d.line, d.col, d.message),
            (7, 12, format!("`{q}` opened here is not closed"))
        );
        assert!(d.hint.unwrap().contains("gave up at events.yaml:9:1"));
    }
}

#[test]
fn an_unclosed_flow_list_or_map_names_where_it_opened() {
    let events = EVENTS.replace("people: [sam-altman]", "people: [sam-altman");
    let d = one(&with_events(&events)).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (4, 11, "`[` opened here is not closed")
    );
    assert_eq!(
        d.hint.as_deref(),
        Some("close it with `]` where the value ends (YAML read on and gave up at events.yaml:5:7)"),
    );
    let events = format!("{EVENTS}  amount: {{value: 1, currency: USD\n");
    let d = one(&with_events(&events)).clone();
    assert_eq!((d.line, d.col), (9, 11), "{d}");
    assert!(d.message.starts_with("`{` opened"), "{d}");
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
    let d = one(&with_events(&events)).clone();
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

#[test]
fn dates_are_taken_as_written() {
    for (bad, col) in [
        ("1e3", 9),
        ("0x7E9", 9),
        ("0o3751", 9),
        ("2.025e3", 9),
        ("+2025", 9),
        ("2025.0", 9),
    ] {
        let events = EVENTS.replace("date: 2025-05", &format!("date: {bad}"));
        let msg = format!("date `{bad}` is not of the form YYYY, YYYY-MM or YYYY-MM-DD");
        assert_eq!(only(&with_events(&events)), (2, col, msg.as_str()), "{bad}");
    }
    let events = EVENTS.replace("date: 2025-05", "date: 2025");
    load("t", &files(SOURCES, ORGS, PEOPLE, &events), "data").expect("a plain year is fine");
    let events = EVENTS.replace("date: 2025-05", "date: 2024-9");
    let d = one(&with_events(&events)).clone();
    assert_eq!((d.line, d.col), (2, 9));
    assert_eq!(d.hint.as_deref(), Some("did you mean `2024-09`?"));
    let sources = SOURCES.replace("published: 2025-06-01", "published: 0x7E9");
    let d = one(&errors_in(files(&sources, ORGS, PEOPLE, EVENTS))).clone();
    assert_eq!((d.line, d.col), (4, 14));
}

#[test]
fn nulls_are_refused_where_text_is_expected() {
    let people = PEOPLE.replace("id: ilya", "id: null");
    assert_eq!(
        only(&errors_in(files(SOURCES, ORGS, &people, EVENTS))),
        (5, 7, "`id` is null")
    );
    let people = PEOPLE.replace("name: Ilya", "name: ~");
    assert_eq!(
        only(&errors_in(files(SOURCES, ORGS, &people, EVENTS))),
        (6, 9, "`name` is null")
    );
    let events = EVENTS.replace("summary: Moved.", "summary: ~");
    assert_eq!(only(&with_events(&events)), (7, 12, "`summary` is null"));
    let people = PEOPLE.replace("name: Ilya", "name: \"null\"");
    load("t", &files(SOURCES, ORGS, &people, EVENTS), "data").expect("quoted null is text");
}

#[test]
fn tags_are_refused() {
    for (tag, col) in [("!!binary aGk=", 12), ("!custom x", 12), ("!!str 5", 12)] {
        let events = EVENTS.replace("summary: Moved.", &format!("summary: {tag}"));
        let name = tag.split(' ').next().unwrap_or_default();
        let msg = format!("YAML tag `{name}` is not allowed");
        assert_eq!(only(&with_events(&events)), (7, col, msg.as_str()));
    }
}

#[test]
fn blank_optional_text_is_refused() {
    let role = EVENTS.replace("  summary: Moved.", "  role: \"   \"\n  summary: Moved.");
    assert_eq!(only(&with_events(&role)), (7, 9, "`role` is empty"));
    let quote = EVENTS.replace("  summary: Moved.", "  quote: \"\"\n  summary: Moved.");
    assert_eq!(only(&with_events(&quote)), (7, 10, "`quote` is empty"));
    let amount = format!("{EVENTS}  amount:\n    value: 5\n    currency: USD\n    text: \"\"\n");
    assert_eq!(only(&with_events(&amount)), (12, 11, "`text` is empty"));
    let outlet = SOURCES.replace("  language: fr", "  outlet: \"\"\n  language: fr");
    assert_eq!(
        only(&errors_in(files(&outlet, ORGS, PEOPLE, EVENTS))),
        (3, 11, "`outlet` is empty")
    );
    let title = SOURCES.replace("title: First article", "title: \"\u{200b}\"");
    assert_eq!(
        only(&errors_in(files(&title, ORGS, PEOPLE, EVENTS))),
        (2, 10, "`title` is empty")
    );
}

#[test]
fn aliases_must_be_distinct_and_not_empty() {
    let orgs = ORGS.replace("  name: Meta\n", "  name: Meta\n  aliases: [\"\", FB]\n");
    assert_eq!(only(&with_orgs(&orgs)), (3, 3, "an alias is empty"));
    let orgs = ORGS.replace("  name: Meta\n", "  name: Meta\n  aliases: [FB, Facebook, FB]\n");
    assert_eq!(only(&with_orgs(&orgs)), (3, 27, "alias `FB` is listed twice"));
    let orgs = ORGS.replace("  name: Meta\n", "  name: Meta\n  aliases: [meta]\n");
    assert_eq!(
        only(&with_orgs(&orgs)),
        (3, 13, "alias `meta` is the record's own name")
    );
}

#[test]
fn an_alias_shared_with_another_record_is_a_warning() {
    let orgs = ORGS.replace("  name: OpenAI\n", "  name: OpenAI\n  aliases: [Meta]\n");
    let loaded = load_checked("t", &files(SOURCES, &orgs, PEOPLE, EVENTS), "data").unwrap();
    let d = one(&loaded.warnings).clone();
    assert_eq!((d.line, d.col), (8, 13));
    assert_eq!(d.message, "alias `Meta` is also the name or an alias of `meta`");
    assert!(d.to_string().contains(": warning: "), "{d}");
    let errs = loaded.strict().expect_err("strict makes it an error");
    assert!(errs[0].to_string().contains(": error: "));
}

#[test]
fn parents_cannot_loop() {
    let own = ORGS.replace("  kind: company\n", "  kind: company\n  parent: meta\n");
    let d = one(&with_orgs(&own)).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (4, 11, "organization `meta` is its own parent")
    );
    let two = ORGS
        .replace("  kind: company\n", "  kind: company\n  parent: openai\n")
        .replace("  kind: lab\n", "  kind: lab\n  parent: meta\n");
    let d = one(&with_orgs(&two)).clone();
    assert_eq!((d.line, d.col), (4, 11));
    assert_eq!(
        d.message,
        "organization `meta` has parent `openai`, which leads back to it: meta → openai → meta"
    );
    let three = format!(
        "{}- id: xai\n  name: xAI\n  kind: lab\n  parent: meta\n  summary: X.\n  sources: [s1]\n",
        ORGS.replace("  kind: company\n", "  kind: company\n  parent: openai\n")
            .replace("  kind: lab\n", "  kind: lab\n  parent: xai\n")
    );
    let d = one(&with_orgs(&three)).clone();
    assert_eq!((d.line, d.col), (4, 11));
    assert!(d.message.ends_with("meta → openai → xai → meta"), "{d}");
}

#[test]
fn events_check_their_people_and_moves() {
    let same = EVENTS.replace("from: openai", "from: meta");
    assert_eq!(
        only(&with_events(&same)),
        (6, 7, "event `e1` moves from `meta` to itself")
    );
    let twice = EVENTS.replace("people: [sam-altman]", "people: [sam-altman, ilya, sam-altman]");
    assert_eq!(
        only(&with_events(&twice)),
        (4, 30, "event `e1` names `sam-altman` twice in `people`")
    );
    let count = EVENTS.replace("people: [sam-altman]", "people: [sam-altman, ilya]\n  count: 1");
    assert_eq!(
        only(&with_events(&count)),
        (5, 10, "`count` is 1, but 2 people are named")
    );
}

#[test]
fn amounts_must_display() {
    let amount = |v: &str| format!("{EVENTS}  amount:\n    value: {v}\n    currency: USD\n");
    let d = one(&with_events(&amount("1.8e308"))).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (10, 12, "`value`: `1.8e308` is out of range")
    );
    let d = one(&with_events(&amount("1e400"))).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (10, 12, "`value`: `1e400` is out of range")
    );
    let d = one(&with_events(&amount("1.7e308"))).clone();
    assert_eq!((d.line, d.col), (10, 12));
    assert!(d.message.ends_with("is too large to display"), "{d}");
    let d = one(&with_events(&amount("-0"))).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (10, 12, "amount `-0` is not a finite, non-negative number")
    );
    let d = one(&with_events(&amount("0x10"))).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (10, 12, "`0x10` is a hex number, which the format does not allow")
    );
}

#[test]
fn currencies_are_every_iso_code_and_reported_at_the_field() {
    for code in ["MXN", "RUB", "NOK", "TWD"] {
        let events = format!("{EVENTS}  amount: {{value: 5, currency: {code}}}\n");
        load("t", &files(SOURCES, ORGS, PEOPLE, &events), "data").expect(code);
    }
    let events = format!("{EVENTS}  amount: {{value: 5, currency: €}}\n");
    let d = one(&with_events(&events)).clone();
    assert_eq!(
        (d.line, d.col, d.message.as_str()),
        (9, 32, "unknown currency `€`")
    );
    assert!(
        d.hint
            .as_deref()
            .unwrap_or_default()
            .starts_with("did you mean `EUR`?")
    );
    let events = format!("{EVENTS}  amount:\n    value: 5\n    currency: XYZ\n");
    assert_eq!(only(&with_events(&events)), (11, 15, "unknown currency `XYZ`"));
}

#[test]
fn an_event_after_all_its_sources_is_a_warning() {
    let late = EVENTS.replace("date: 2025-05", "date: 2026-01");
    let loaded = load_checked("t", &files(SOURCES, ORGS, PEOPLE, &late), "data").unwrap();
    let d = one(&loaded.warnings);
    assert_eq!((d.line, d.col), (2, 9));
    assert_eq!(
        d.message,
        "event `e1` is dated 2026-01, after every source it cites was published"
    );
    // Same month as the source's day: not after it.
    let close = EVENTS.replace("date: 2025-05", "date: 2025-06");
    let loaded = load_checked("t", &files(SOURCES, ORGS, PEOPLE, &close), "data").unwrap();
    assert!(loaded.warnings.is_empty());
}

#[test]
fn ten_mistakes_across_the_four_files_in_one_run() {
    let sources = "\
- id: s1
  title: First article
  language: fr
  published: 2025-06-01
- id: s2
  title: Second
  langauge: en
";
    let orgs = ORGS
        .replace("  kind: company\n", "  kind: compny\n")
        .replace("  name: OpenAI\n", "  name: OpenAI\n  aliases: Nordlys\n");
    let people = "\
- id: sam-altman
  name: Sam Altman
  summary: Runs OpenAI.
  sources: [s3]
- id: Ilya
  name: Ilya
  summary: Researcher.
  sources: [s1]
";
    let events = "\
- id: e1
  date: 2025-5
  kind: hire
  people: [sam-altmann]
  from: openai
  to: meta
  summary: Moved.
  sources: [s1]
- id: e2
  date: 2025
  kind: statment
  summary: Said.
  sources: [s1]
- id: e3
  date: 2025
  kind: investment
  amount: {value: \"5\", currency: USD}
  summary: Paid.
  sources: [s1]
- id: e4
  date: 2025
  kind: statement
  summary: \"\"
  sources: [nope]
";
    let errs = errors_in(files(sources, &orgs, people, events));
    let got: Vec<(&str, usize, usize)> = errs
        .iter()
        .map(|d| (d.file.rsplit('/').next().unwrap_or_default(), d.line, d.col))
        .collect();
    assert_eq!(
        got,
        [
            ("sources.yaml", 7, 3),
            ("organizations.yaml", 3, 9),
            ("organizations.yaml", 8, 12),
            ("people.yaml", 4, 13),
            ("people.yaml", 5, 7),
            ("events.yaml", 2, 9),
            ("events.yaml", 4, 12),
            ("events.yaml", 11, 9),
            ("events.yaml", 17, 19),
            ("events.yaml", 23, 12),
            ("events.yaml", 24, 13),
        ],
        "{errs:#?}"
    );
}

#[test]
fn an_unreadable_file_does_not_hide_the_others_nor_cascade() {
    let orgs = "- id: meta\n  name: \"Meta\n";
    let people = PEOPLE.replace("id: ilya", "id: Ilya");
    let errs = errors_in(files(SOURCES, orgs, &people, EVENTS));
    let got: Vec<(&str, usize, usize)> = errs.iter().map(|d| (d.file.as_str(), d.line, d.col)).collect();
    // The syntax error, then the bad slug; no "unknown organization" for
    // the event's `from` and `to`, whose file could not be read.
    assert_eq!(
        got,
        [("data/organizations.yaml", 2, 9), ("data/people.yaml", 5, 7)],
        "{errs:#?}"
    );
}
