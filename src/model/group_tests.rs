//! Loader tests for the group-move fields (`origins`, `part_of`), the
//! structured values of disputes, and amounts' `equivalent`, `up_to` and
//! `period`: each mistake at its position, with a hint.

use super::*;

const SOURCES: &str = "- id: s1\n  title: First article\n  language: fr\n";
const ORGS: &str = "\
- {id: meta, name: Meta, kind: company, summary: x, sources: [s1]}
- {id: openai, name: OpenAI, kind: lab, summary: x, sources: [s1]}
- {id: google, name: Google, kind: company, summary: x, sources: [s1]}
";
const PEOPLE: &str = "\
- {id: ann, name: Ann, summary: x, sources: [s1]}
- {id: bob, name: Bob, summary: x, sources: [s1]}
";
/// A group from two origins (lines 1-9), and Ann's own move (10-17).
const EVENTS: &str = "\
- id: signings
  date: 2025-06-30
  kind: hire
  to: meta
  count: 11
  origins:
    - {from: openai, count: 7}
    - {from: google, count: 3}
  summary: Eleven signed.
  sources: [s1]
- id: ann-joins
  date: 2025-06
  kind: hire
  people: [ann]
  from: openai
  to: meta
  part_of: signings
  summary: Ann joined.
  sources: [s1]
";

fn load_events(events: &str) -> Result<Dataset, Vec<Diagnostic>> {
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events,
    };
    load("t", &files, "data")
}

/// The one error loading `events` gives: (line, col, message, hint).
fn error(events: &str) -> (usize, usize, String, String) {
    let errs = load_events(events).expect_err("expected a problem");
    assert_eq!(errs.len(), 1, "{errs:#?}");
    let d = &errs[0];
    (
        d.line,
        d.col,
        d.message.clone(),
        d.hint.clone().unwrap_or_default(),
    )
}

#[test]
fn groups_and_members_load() {
    let ds = load_events(EVENTS).unwrap();
    let signings = &ds.events[1];
    assert_eq!(signings.id, "signings", "date order");
    assert_eq!(signings.origins().len(), 2);
    assert_eq!(signings.group_size(), Some(11));
    assert_eq!(ds.events[0].part_of(), Some(1), "part_of follows the sort");
    assert_eq!(ds.org_events[2], [1], "an origin involves its organization");
}

#[test]
fn origins_exclude_from_and_add_up() {
    let (line, col, msg, hint) = error(&EVENTS.replace(
        "  to: meta\n  count: 11",
        "  from: google\n  to: meta\n  count: 11",
    ));
    assert_eq!((line, col), (7, 3));
    assert_eq!(msg, "event `signings` has both `from` and `origins`");
    assert!(hint.contains("several, `origins`"), "{hint}");

    let (line, col, msg, _) = error(&EVENTS.replace("count: 11", "count: 9"));
    assert_eq!((line, col), (5, 10));
    assert_eq!(msg, "`count` is 9, but the origins add up to 10");

    let (line, col, msg, hint) =
        error(&EVENTS.replace("{from: google, count: 3}", "{from: gogle, count: 3}"));
    assert_eq!(
        (line, col, msg.as_str()),
        (8, 14, "event `signings` refers to unknown organization `gogle`")
    );
    assert_eq!(hint, "did you mean `google`?");

    let (line, col, msg, _) = error(&EVENTS.replace("{from: google, count: 3}", "{from: openai, count: 3}"));
    assert_eq!((line, col), (7, 14), "the first occurrence: the message names it");
    assert_eq!(msg, "event `signings`: twice listed origin `openai`");

    let (_, _, msg, _) = error(&EVENTS.replace("{from: google, count: 3}", "{from: google, count: 0}"));
    assert_eq!(msg, "event `signings`: `count` is 0 for origin `google`");

    let (line, _, msg, hint) = error(&EVENTS.replace(
        "  to: meta\n  count: 11",
        "  to: meta\n  people: [bob]\n  count: 11",
    ));
    assert_eq!(line, 7);
    assert_eq!(msg, "event `signings` has `origins` and names people");
    assert!(hint.contains("part_of"), "{hint}");

    let errs = load_events(&EVENTS.replace(
        "kind: hire\n  to: meta\n  count",
        "kind: offer\n  to: meta\n  count",
    ))
    .expect_err("an offer is no group move");
    assert_eq!(
        errs[0].message,
        "event `signings` has kind `offer`, but `origins` is for group moves"
    );
    assert_eq!(
        errs[1].message,
        "`signings` is not a group move (a move with `count` or `origins`)"
    );
}

#[test]
fn members_belong_to_a_group_move_to_the_same_place_from_an_origin() {
    let (line, col, msg, hint) = error(&EVENTS.replace("part_of: signings", "part_of: signing"));
    assert_eq!((line, col), (17, 12));
    assert_eq!(msg, "event `ann-joins` refers to unknown event `signing`");
    assert_eq!(hint, "did you mean `signings`?");

    let (line, col, msg, _) = error(&EVENTS.replace("part_of: signings", "part_of: ann"));
    assert_eq!((line, col), (17, 12));
    assert!(msg.ends_with("refers to unknown event `ann`"), "{msg}");

    let (line, col, msg, _) = error(&EVENTS.replace(
        "  from: openai\n  to: meta\n  part_of",
        "  from: openai\n  to: google\n  part_of",
    ));
    assert_eq!((line, col), (17, 12));
    assert_eq!(
        msg,
        "event `ann-joins` goes to google, but its group `signings` goes to meta"
    );

    let from_google = EVENTS.replace("    - {from: google, count: 3}\n", "").replace(
        "  from: openai\n  to: meta\n  part_of",
        "  from: google\n  to: meta\n  part_of",
    );
    let (_, _, msg, hint) = error(&from_google);
    assert_eq!(
        msg,
        "event `ann-joins` comes from google, which is not an origin of its group `signings`"
    );
    assert!(hint.contains("add the origin"), "{hint}");

    let (_, _, msg, _) = error(&EVENTS.replace(
        "  kind: hire\n  people: [ann]",
        "  kind: statement\n  people: [ann]",
    ));
    assert_eq!(
        msg,
        "event `ann-joins` has kind `statement`, not a move, so it cannot be part of a group move"
    );

    let single = EVENTS.replace(
        "  count: 11\n  origins:\n    - {from: openai, count: 7}\n    - {from: google, count: 3}\n",
        "  from: openai\n",
    );
    let (_, _, msg, _) = error(&single);
    assert_eq!(
        msg,
        "`signings` is not a group move (a move with `count` or `origins`)"
    );
    // With a count it is one, and `from` is its origin.
    assert!(
        load_events(&single.replace(
            "  from: openai\n  summary: Eleven",
            "  from: openai\n  count: 2\n  summary: Eleven"
        ))
        .is_ok()
    );

    let (_, _, msg, _) = error(&EVENTS.replace("part_of: signings", "part_of: ann-joins"));
    assert_eq!(msg, "event `ann-joins` is part of itself");
}

#[test]
fn groups_count_their_named_members_and_chains_end() {
    let small = EVENTS.replace("count: 11", "count: 1").replace(
        "{from: openai, count: 7}\n    - {from: google, count: 3}",
        "{from: openai, count: 1}",
    );
    let bob = "- {id: bob-joins, date: 2025-06, kind: hire, people: [bob], from: openai, to: meta, part_of: signings, summary: x, sources: [s1]}\n";
    let (line, col, msg, _) = error(&format!("{small}{bob}"));
    assert_eq!((line, col), (5, 3));
    assert_eq!(
        msg,
        "group `signings` counts 1 people, but 2 are named in it and its members"
    );

    let loop_ = "\
- {id: a, date: 2025, kind: hire, from: openai, to: meta, count: 2, part_of: b, summary: x, sources: [s1]}
- {id: b, date: 2025, kind: hire, from: openai, to: meta, count: 2, part_of: a, summary: x, sources: [s1]}
";
    let errs = load_events(loop_).expect_err("a cycle");
    assert!(
        errs.iter().all(|d| d.message.contains("cycle of `part_of`")),
        "{errs:#?}"
    );
}

#[test]
fn alternatives_carry_structured_values() {
    let dispute = |alts: &str| format!("{EVENTS}  disputed:\n    note: Unsure.\n    alternatives:\n{alts}");
    let ds = load_events(&dispute(
        "      - {count: 12, sources: [s1]}\n      - {date: 2025-07, sources: [s1]}\n      - {amount: {value: 1.0e9, currency: USD, up_to: true}, sources: [s1]}\n      - {value: seven, count: 7, sources: [s1]}\n",
    ))
    .unwrap();
    let alts = &ds.events[0].disputed().unwrap().alternatives;
    let values: Vec<&str> = alts.iter().map(|a| a.value.as_str()).collect();
    assert_eq!(values, ["12 people", "2025-07", "up to USD 1B", "seven"]);
    assert_eq!(alts[3].count, Some(7));
    assert!(ds.events[0].count_disputed());

    let (line, _, msg, hint) = error(&dispute("      - {sources: [s1]}\n"));
    assert_eq!(line, 20);
    assert_eq!(msg, "an alternative of event `ann-joins` gives no value");
    assert!(hint.contains("`count`, `amount` or `date`"), "{hint}");

    let (line, col, msg, _) = error(&dispute("      - {date: 2025-13, sources: [s1]}\n"));
    assert_eq!((line, col), (23, 16));
    assert!(msg.contains("month"), "{msg}");

    let (_, _, msg, _) = error(&dispute("      - {count: 0, sources: [s1]}\n"));
    assert_eq!(msg, "an alternative of event `ann-joins` has `count: 0`");

    let (line, col, msg, _) = error(&dispute(
        "      - {amount: {value: 5, currency: USDD}, sources: [s1]}\n",
    ));
    assert_eq!((line, col), (23, 39));
    assert_eq!(msg, "unknown currency `USDD`");
}

#[test]
fn amounts_hold_equivalents_ceilings_and_periods() {
    let with_amount = |amount: &str| {
        EVENTS.replace(
            "  summary: Ann joined.",
            &format!("  amount:\n{amount}  summary: Ann joined."),
        )
    };
    let ds = load_events(&with_amount(
        "    value: 400.0e6\n    currency: GBP\n    equivalent: {value: 660.0e6, currency: USD, text: about $660M}\n    up_to: true\n    period: 4 years\n",
    ))
    .unwrap();
    let a = ds.events[0].amount().unwrap();
    assert_eq!(a.describe(), "up to GBP 400M over 4 years ≈ USD 660M");
    assert_eq!(
        a.equivalent.as_ref().unwrap().text.as_deref(),
        Some("about $660M")
    );

    let (line, col, msg, hint) = error(&with_amount(
        "    value: 1\n    currency: USD\n    period: four years\n",
    ));
    assert_eq!((line, col), (21, 13));
    assert_eq!(msg, "period `four years` is not a length of time");
    assert!(hint.contains("4 years"), "{hint}");

    let (line, col, msg, _) = error(&with_amount(
        "    value: 1\n    currency: USD\n    equivalent:\n      value: 2\n      currency: EURO\n",
    ));
    assert_eq!((line, col), (23, 17));
    assert_eq!(msg, "unknown currency `EURO`");

    let (line, _, msg, hint) = error(&with_amount("    value: 1\n    currency: USD\n    upto: true\n"));
    assert_eq!(line, 21);
    assert!(msg.contains("upto"), "{msg}");
    assert!(hint.contains("up_to"), "{hint}");
}

#[test]
fn misspelt_group_fields_get_a_suggestion() {
    let (line, _, msg, hint) = error(&EVENTS.replace("  origins:", "  orgins:"));
    assert_eq!(line, 6);
    assert!(msg.contains("orgins"), "{msg}");
    assert!(hint.contains("origins"), "{hint}");
    let (_, _, _, hint) = error(&EVENTS.replace("part_of:", "partof:"));
    assert!(hint.contains("part_of"), "{hint}");
}
