//! Loader tests for the fields that say how a record follows its sources
//! (issue 24): `uncertain`, `outcome`, `beyond_sources`, board seats,
//! valuations and recurring amounts.

use super::tests::{ORGS, errors_in, files};
use super::*;
use crate::model::{EventKind, Outcome, Per, Record};

const SOURCES: &str = "\
- id: s1
  title: First article
  language: fr
- id: s2
  title: Second article
  language: en
";
const PEOPLE: &str = "\
- id: ann
  name: Ann
  summary: Researcher.
  sources: [s1]
";

/// An event of `kind` with `rest` (indented fields) after its `sources`.
fn event(kind: &str, rest: &str) -> String {
    format!(
        "- id: e1\n  date: 2025-05\n  kind: {kind}\n  people: [ann]\n  summary: Something.\n  sources: [s1]\n{rest}"
    )
}

fn loaded(events: &str) -> Loaded {
    load_checked("t", &files(SOURCES, ORGS, PEOPLE, events), "data").unwrap()
}

/// (line, col, message, hint) of the only problem.
fn only(errors: &[Diagnostic]) -> (usize, usize, String, String) {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let d = &errors[0];
    (
        d.line,
        d.col,
        d.message.clone(),
        d.hint.clone().unwrap_or_default(),
    )
}

fn with_events(events: &str) -> Vec<Diagnostic> {
    errors_in(files(SOURCES, ORGS, PEOPLE, events))
}

#[test]
fn the_new_fields_load_and_every_old_dataset_still_does() {
    let events = event(
        "offer",
        "  from: meta\n  to: openai\n  outcome: declined\n  beyond_sources: The month.\n  amount: {value: 5e6, currency: CHF, up_to: true, per: year}\n  uncertain:\n    note: Garbled.\n    alternatives:\n      - {value: maybe 2024, date: 2024, sources: [s1]}\n",
    );
    let ds = loaded(&events).dataset;
    let e = &ds.events[0];
    assert_eq!(e.outcome(), Some(Outcome::Declined));
    assert_eq!(e.beyond_sources(), Some("The month."));
    assert_eq!(e.amount().and_then(|a| a.per), Some(Per::Year));
    assert_eq!(
        e.amount().map(|a| a.describe()).as_deref(),
        Some("up to CHF 5M a year")
    );
    let u = e.uncertain().unwrap();
    assert_eq!((u.note.as_str(), u.alternatives.len()), ("Garbled.", 1));
    assert!(e.disputed().is_none());
    assert_eq!(u.texts().collect::<Vec<_>>(), ["Garbled.", "maybe 2024"]);
    // Without any of them, an event has no details at all.
    let plain = loaded(&event("statement", "")).dataset;
    assert!(plain.events[0].details.is_none());
}

#[test]
fn beyond_sources_on_organizations_and_people() {
    let orgs = ORGS.replace(
        "  summary: Lab.\n",
        "  summary: Lab.\n  beyond_sources: Founded in 2015.\n",
    );
    let people = PEOPLE.replace(
        "  sources: [s1]\n",
        "  sources: [s1]\n  beyond_sources: Her first job.\n",
    );
    let events = event("statement", "");
    let ds = load("t", &files(SOURCES, &orgs, &people, &events), "data").unwrap();
    assert_eq!(ds.orgs[1].beyond_sources.as_deref(), Some("Founded in 2015."));
    assert_eq!(ds.people[0].beyond_sources.as_deref(), Some("Her first job."));
    let blank = PEOPLE.replace("  sources: [s1]\n", "  sources: [s1]\n  beyond_sources: ' '\n");
    let errors = errors_in(files(SOURCES, ORGS, &blank, &events));
    let (line, col, message, _) = only(&errors);
    assert_eq!(
        (line, col, message.as_str()),
        (5, 19, "`beyond_sources` is empty")
    );
}

#[test]
fn an_outcome_is_only_for_offers() {
    let errors = with_events(&event("hire", "  to: meta\n  outcome: accepted\n"));
    let (line, col, message, hint) = only(&errors);
    assert_eq!((line, col), (8, 3));
    assert_eq!(message, "event `e1` has kind `hire`, but `outcome` is for offers");
    assert!(hint.contains("make the event an `offer`"), "{hint}");
    let errors = with_events(&event("offer", "  outcome: refused\n"));
    let d = &errors[0];
    assert_eq!(d.line, 7, "{d}");
    assert!(d.hint.as_deref().unwrap_or_default().contains("declined"), "{d}");
}

#[test]
fn a_board_seat_names_its_board_and_is_never_a_move() {
    let errors = with_events(&event("board", ""));
    let (line, col, message, hint) = only(&errors);
    assert_eq!(
        (line, col, message.as_str()),
        (3, 3, "event `e1` is a board seat but names no board")
    );
    assert!(hint.contains("`to: ORG`"), "{hint}");

    // Ann moves to OpenAI, then leaves Meta's board: still at OpenAI, and
    // the seat adds nothing to the flows.
    let events = "\
- id: e1
  date: 2024
  kind: hire
  people: [ann]
  to: openai
  summary: Joins.
  sources: [s1]
- id: e2
  date: 2025
  kind: board
  people: [ann]
  from: meta
  summary: Leaves Meta's board.
  sources: [s1]
";
    let ds = loaded(events).dataset;
    assert!(!ds.events[1].is_move());
    assert_eq!(ds.whereabouts(0).as_deref(), Some("OpenAI"));
    let moved: u32 = crate::model::flows(&ds, &Default::default())
        .iter()
        .map(|(_, f)| f.range.count)
        .sum();
    assert_eq!(moved, 1, "the hire only");
    // Someone who only left a board has no move, so no "last seen": never
    // the board, nor the organizations the event names.
    let only_board = event("board", "  from: openai\n  orgs: [meta]\n");
    let ds = loaded(&only_board).dataset;
    assert_eq!(ds.events[0].kind, EventKind::Board);
    assert_eq!(ds.whereabouts(0), None);
    // The board's people include the member.
    let Some(Record::Org(openai)) = ds.lookup("openai") else {
        panic!("openai")
    };
    assert_eq!(ds.family_people(openai), vec![0]);
}

#[test]
fn an_uncertain_block_is_checked_like_a_dispute() {
    let errors = with_events(&event(
        "statement",
        "  uncertain:\n    note: Garbled.\n    alternatives: []\n",
    ));
    let (line, _, message, hint) = only(&errors);
    assert_eq!(line, 7);
    assert_eq!(message, "event `e1` is uncertain but lists no alternative values");
    assert!(hint.contains("under `uncertain`"), "{hint}");
    let errors = with_events(&event(
        "statement",
        "  uncertain:\n    note: Garbled.\n    alternatives:\n      - {count: 0, sources: [s1]}\n",
    ));
    let (line, col, message, _) = only(&errors);
    assert_eq!((line, col), (10, 10));
    assert_eq!(message, "an alternative of event `e1` has `count: 0`");
}

#[test]
fn a_dispute_of_one_source_with_itself_is_a_warning() {
    let lone = event(
        "statement",
        "  disputed:\n    note: Garbled.\n    alternatives:\n      - {value: as printed, sources: [s1]}\n",
    );
    let l = loaded(&lone);
    let (line, col, message, hint) = only(&l.warnings);
    assert_eq!((line, col), (7, 3));
    assert_eq!(
        message,
        "event `e1` is disputed, but only `s1` is cited: one source does not disagree with itself"
    );
    assert!(hint.contains("write `uncertain:`"), "{hint}");
    // Another source for the alternative, or for the event, is a dispute.
    for fine in [
        lone.replace("sources: [s1]}", "sources: [s2]}"),
        lone.replace("  sources: [s1]\n", "  sources: [s1, s2]\n"),
        format!("{lone}      - {{value: other claim, sources: [s1]}}\n"),
        lone.replace("disputed:", "uncertain:"),
    ] {
        assert_eq!(loaded(&fine).warnings, vec![], "{fine}");
    }
}

#[test]
fn a_valuation_is_not_a_move_nor_money_raised() {
    let events = event(
        "valuation",
        "  to: openai\n  amount: {value: 32e9, currency: USD, text: worth $32 billion}\n",
    );
    let ds = loaded(&events).dataset;
    assert_eq!(ds.events[0].kind, EventKind::Valuation);
    assert!(!ds.events[0].is_move());
}
