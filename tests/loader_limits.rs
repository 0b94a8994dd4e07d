//! The loader's limits on counts and its positions for problems in odd
//! places: counts past the maximum, a `[` left open at the end of a file,
//! and mistakes inside an amount's `equivalent`.
#![allow(clippy::unwrap_used)]

use rivals::model::{Dataset, Diagnostic, Files, FlowQuery, flows, load};

const SOURCES: &str = "- id: s1\n  title: T\n  language: en\n";
const ORGS: &str = "\
- id: meta
  name: Meta
  kind: company
  summary: S.
  sources: [s1]
- id: openai
  name: OpenAI
  kind: lab
  summary: L.
  sources: [s1]
- id: google
  name: Google
  kind: company
  summary: G.
  sources: [s1]
";
const PEOPLE: &str = "- id: sam\n  name: Sam\n  summary: S.\n  sources: [s1]\n";

/// A group move of `count` people (`rest` is more fields, each line ending
/// in a newline), record `id`.
fn group(id: &str, count: &str, rest: &str) -> String {
    format!(
        "- id: {id}\n  date: 2025-06\n  kind: hire\n  count: {count}\n  from: openai\n  to: meta\n{rest}  summary: S.\n  sources: [s1]\n"
    )
}

fn try_load(events: &str) -> Result<Dataset, Vec<Diagnostic>> {
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events,
    };
    load("t", &files, "data")
}

fn errors(events: &str) -> Vec<Diagnostic> {
    match try_load(events) {
        Ok(ds) => panic!("expected problems, loaded {} events", ds.events.len()),
        Err(errors) => errors,
    }
}

/// (line, col, message) of each problem.
fn places(events: &str) -> Vec<(usize, usize, String)> {
    errors(events)
        .into_iter()
        .map(|d| (d.line, d.col, d.message))
        .collect()
}

#[test]
fn a_count_past_the_maximum_is_refused_at_its_value() {
    let events = group("a", "4294967295", "");
    let errs = errors(&events);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].col), (4, 10));
    assert_eq!(
        errs[0].message,
        "`count` is 4294967295, more than 1000000 people in one event"
    );
    assert!(errs[0].hint.as_deref().unwrap().contains("at most 1000000"));
    let events = group("a", "1000001", "");
    assert_eq!(places(&events)[0].0, 4);
    assert!(try_load(&group("a", "1000000", "")).is_ok());
}

#[test]
fn origins_and_disputed_counts_past_the_maximum_are_refused() {
    let events = "\
- id: a
  date: 2025-06
  kind: hire
  origins:
    - {from: openai, count: 4294967295}
    - {from: google, count: 1}
  to: meta
  summary: S.
  sources: [s1]
";
    let got = places(events);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (5, 14), "{got:?}");
    assert!(got[0].2.contains("more than 1000000"), "{got:?}");

    // Each origin is fine, their sum is not: reported at `origins`.
    let events = events.replace("4294967295", "1000000");
    let got = places(&events);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (4, 3), "{got:?}");
    assert_eq!(
        got[0].2,
        "the origins of event `a` add up to 1000001, more than 1000000 people in one event"
    );

    let events = group(
        "a",
        "5",
        "  disputed:\n    note: n\n    alternatives:\n      - {count: 4294967295, sources: [s1]}\n",
    );
    let got = places(&events);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (10, 10), "{got:?}");
    assert!(got[0].2.contains("more than 1000000"), "{got:?}");
}

#[test]
fn origins_that_wrap_a_u32_never_pass_the_at_least_the_sum_check() {
    // Before the limit, 4294967295 + 2 wrapped to 1, and `count: 5` passed.
    let events = "\
- id: a
  date: 2025-06
  kind: hire
  count: 5
  origins:
    - {from: openai, count: 4294967295}
    - {from: google, count: 2}
  to: meta
  summary: S.
  sources: [s1]
";
    assert!(try_load(events).is_err());
}

#[test]
fn sums_of_counts_at_the_maximum_are_exact() {
    let events = format!("{}{}", group("a", "1000000", ""), group("b", "1000000", ""));
    let ds = try_load(&events).unwrap();
    let all = flows(&ds, &FlowQuery::default());
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].1.range.count, 2_000_000);
    let (into, out) = ds.org_moves[0];
    assert_eq!((into.count, out.count), (2_000_000, 0), "meta gained them all");
    assert_eq!((into.max, into.min), (2_000_000, 2_000_000));
}

#[test]
fn a_dataset_moving_more_than_the_total_maximum_is_refused() {
    // 101 events of a million people: past 100,000,000 people in all.
    let events: String = (0..101).map(|k| group(&format!("g{k}"), "1000000", "")).collect();
    let got = places(&events);
    assert_eq!(got.len(), 1, "{got:?}");
    // The 101st event (record 100) tips it over, at its `count`.
    assert_eq!((got[0].0, got[0].1), (100 * 8 + 4, 3), "{got:?}");
    assert!(got[0].2.contains("more than 100000000 people"), "{got:?}");
    let events: String = (0..100).map(|k| group(&format!("g{k}"), "1000000", "")).collect();
    let ds = try_load(&events).unwrap();
    assert_eq!(flows(&ds, &FlowQuery::default())[0].1.range.count, 100_000_000);
}
/// An event with `amount` written as `amount` (the lines after the key).
fn with_amount(amount: &str) -> String {
    format!(
        "- id: e1\n  date: 2025-06\n  kind: hire\n  people: [sam]\n  from: openai\n  to: meta\n  amount:{amount}  summary: S.\n  sources: [s1]\n"
    )
}

#[test]
fn a_mistake_in_an_equivalent_is_reported_at_the_equivalent_once() {
    // The equivalent's value is written differently from how it is shown.
    let events =
        with_amount("\n    value: 5\n    currency: USD\n    equivalent: {value: -5.0, currency: EUR}\n");
    assert_eq!(
        places(&events),
        [(
            10,
            25,
            "amount `-5` is not a finite, non-negative number".to_string()
        )]
    );
    // The same bad value in the amount and its equivalent: two problems,
    // each at its own place.
    let events = with_amount(" {value: -5, currency: USD, equivalent: {value: -5, currency: USD}}\n");
    let got = places(&events);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (7, 19), "{got:?}");
    assert_eq!((got[1].0, got[1].1), (7, 58), "{got:?}");
    let events =
        with_amount("\n    value: -5\n    currency: USD\n    equivalent: {value: -5, currency: USD}\n");
    let got = places(&events);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (8, 12), "{got:?}");
    assert_eq!((got[1].0, got[1].1), (10, 25), "{got:?}");
    // An unknown currency in a block-style equivalent.
    let events = with_amount(
        "\n    value: 5\n    currency: USD\n    equivalent:\n      value: 5\n      currency: EURR\n",
    );
    assert_eq!(
        places(&events)[0],
        (12, 17, "unknown currency `EURR`".to_string())
    );
}

#[test]
fn a_mistake_in_a_disputed_amount_and_its_equivalent_is_reported_in_place() {
    let events = "\
- id: e1
  date: 2025-06
  kind: hire
  people: [sam]
  from: openai
  to: meta
  summary: S.
  sources: [s1]
  disputed:
    note: n
    alternatives:
      - {value: x, sources: [s1]}
      - amount: {value: 1e3, currency: USD, equivalent: {value: -1e3, currency: USD}}
        sources: [s1]
      - amount: {value: -7, currency: USD, equivalent: {value: -7, currency: USD}}
        sources: [s1]
";
    let got = places(events);
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!((got[0].0, got[0].1), (13, 65), "{got:?}");
    assert_eq!((got[1].0, got[1].1), (15, 25), "{got:?}");
    assert_eq!((got[2].0, got[2].1), (15, 64), "{got:?}");
}
#[test]
fn a_list_left_open_at_the_end_of_the_file_says_so_at_its_bracket() {
    let events = "- id: e1\n  date: 2025-06\n  kind: hire\n  people: [sam,\n  summary: x\n";
    let errs = errors(events);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].col), (4, 11));
    assert_eq!(errs[0].message, "`[` opened at events.yaml:4:11 is never closed");
    let events = "- id: e1\n  date: 2025-06\n  kind: hire\n  people: {a: 1\n";
    let errs = errors(events);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].col), (4, 11));
    assert_eq!(errs[0].message, "`{` opened at events.yaml:4:11 is never closed");
}

#[test]
fn brackets_in_text_comments_and_quotes_are_not_lists() {
    // A type error with a `[` only in plain text, a comment and quotes:
    // reported as the type error it is.
    let events = "- id: e1 # [\n  date: 2025\n  kind: hire\n  summary: a [b \"[\" '[' {\n  count: x\n  sources: ['[', \"]\"]\n";
    let errs = errors(events);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].col), (5, 10), "{errs:#?}");
    assert!(errs[0].message.contains("invalid type"), "{errs:#?}");
}
