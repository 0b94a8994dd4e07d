//! Loader tests: every kind of mistake, with its exact position.

use super::*;

const SOURCES: &str = "- id: s1\n  title: First article\n  language: fr\n";
pub(super) const ORGS: &str = "\
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
";
const EVENTS: &str = "\
- id: e2
  date: 2025-06
  kind: hire
  people: [sam-altman]
  from: openai
  to: meta
  summary: Second.
  sources: [s1]
- id: e1
  date: 2014
  kind: statement
  summary: First.
  sources: [s1]
";

pub(super) fn files<'a>(sources: &'a str, orgs: &'a str, people: &'a str, events: &'a str) -> Files<'a> {
    Files {
        sources,
        organizations: orgs,
        people,
        events,
    }
}

pub(super) fn errors_in(f: Files) -> Vec<Diagnostic> {
    load("t", &f, "data").expect_err("expected problems")
}

fn with_events(events: &str) -> Vec<Diagnostic> {
    errors_in(files(SOURCES, ORGS, PEOPLE, events))
}

fn one(errors: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(errors.len(), 1, "{errors:#?}");
    &errors[0]
}

#[test]
fn valid_dataset_loads_sorted_and_indexed() {
    let ds = load("t", &files(SOURCES, ORGS, PEOPLE, EVENTS), "data").unwrap();
    assert_eq!(ds.counts_line(), "1 sources, 2 organizations, 1 people, 2 events");
    assert_eq!(ds.events[0].id, "e1", "events are in date order");
    assert_eq!(ds.lookup("e2"), Some(Record::Event(1)));
    assert_eq!(ds.lookup("meta"), Some(Record::Org(0)));
    assert_eq!(ds.org_events[0], vec![1]);
    assert_eq!(ds.person_events[0], vec![1]);
    let counts = |(into, out): crate::model::Moves| (into.count, out.count);
    assert_eq!(counts(ds.org_moves[0]), (1, 0), "meta gained one hire");
    assert_eq!(counts(ds.org_moves[1]), (0, 1), "openai lost one");
    assert_eq!(ds.person_last_org[0], Some(0));
    assert_eq!(ds.org_people[1], vec![0]);
}

#[test]
fn bom_and_crlf_load_fine() {
    let crlf = |s: &str| format!("\u{feff}{}", s.replace('\n', "\r\n"));
    let (s, o, p, e) = (crlf(SOURCES), crlf(ORGS), crlf(PEOPLE), crlf(EVENTS));
    let ds = load("t", &files(&s, &o, &p, &e), "data").unwrap();
    assert_eq!(ds.events.len(), 2);
    // Positions are still right with CRLF.
    let bad = crlf(&EVENTS.replace("people: [sam-altman]", "people: [sam-altmann]"));
    let d = errors_in(files(&s, &o, &p, &bad));
    assert_eq!((d[0].line, d[0].col), (4, 12));
}

#[test]
fn unknown_field_suggests_the_right_one() {
    let errs = with_events(&EVENTS.replace("  to: meta", "  too: meta"));
    let d = one(&errs);
    assert_eq!((d.file.as_str(), d.line, d.col), ("data/events.yaml", 6, 3));
    assert_eq!(d.message, "unknown field `too`");
    assert!(
        d.hint.as_deref().unwrap().starts_with("did you mean `to`?"),
        "{d}"
    );
}

#[test]
fn every_broken_record_is_reported_not_just_the_first() {
    let text = EVENTS
        .replace("  to: meta", "  too: meta")
        .replace("  kind: statement", "  kind: statment");
    let errs = with_events(&text);
    assert_eq!(errs.len(), 2, "{errs:#?}");
    assert_eq!((errs[0].line, errs[0].col), (6, 3));
    assert_eq!((errs[1].line, errs[1].col), (11, 9));
    assert_eq!(errs[1].message, "unknown `kind` `statment`");
    assert!(
        errs[1]
            .hint
            .as_deref()
            .unwrap()
            .starts_with("did you mean `statement`?")
    );
}

#[test]
fn dangling_reference_points_at_the_reference_and_suggests() {
    let errs = with_events(&EVENTS.replace("people: [sam-altman]", "people: [sam-altmann]"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (4, 12));
    assert_eq!(d.message, "event `e2` refers to unknown person `sam-altmann`");
    assert_eq!(d.hint.as_deref(), Some("did you mean `sam-altman`?"));
}

#[test]
fn reference_to_the_wrong_kind_says_what_it_is() {
    let errs = with_events(&EVENTS.replace("  from: openai", "  from: sam-altman"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (5, 9));
    assert_eq!(
        d.hint.as_deref(),
        Some("`sam-altman` is a person, not an organization")
    );
}

#[test]
fn many_problems_are_all_reported_together() {
    let text = EVENTS
        .replace("people: [sam-altman]", "people: [nobody, sam-altman]")
        .replace("  to: meta", "  to: metta")
        .replace("date: 2014", "date: 2025-13")
        .replace("sources: [s1]\n- id: e1", "sources: [s2]\n- id: e1");
    let errs = with_events(&text);
    let got: Vec<(usize, usize)> = errs.iter().map(|d| (d.line, d.col)).collect();
    assert_eq!(got, [(4, 12), (6, 7), (8, 13), (10, 9)], "{errs:#?}");
    assert_eq!(errs[3].message, "date `2025-13` has no month 13");
    assert_eq!(errs[1].hint.as_deref(), Some("did you mean `meta`?"));
}

#[test]
fn duplicate_ids_within_and_across_files() {
    let orgs =
        format!("{ORGS}- id: meta\n  name: Meta again\n  kind: company\n  summary: Dup.\n  sources: [s1]\n");
    let errs = errors_in(files(SOURCES, &orgs, PEOPLE, EVENTS));
    let d = one(&errs);
    assert_eq!(
        (d.file.as_str(), d.line, d.col),
        ("data/organizations.yaml", 11, 7)
    );
    assert_eq!(
        d.message,
        "duplicate id `meta` (first defined at organizations.yaml:1:7)"
    );

    let people = PEOPLE.replace("id: sam-altman", "id: openai");
    let events = EVENTS.replace("people: [sam-altman]", "people: []");
    let errs = errors_in(files(SOURCES, ORGS, &people, &events));
    let d = one(&errs);
    assert_eq!((d.file.as_str(), d.line, d.col), ("data/people.yaml", 1, 7));
    assert!(
        d.message.contains("first defined at organizations.yaml:6:7"),
        "{d}"
    );
}

#[test]
fn missing_required_field() {
    let errs = with_events(&EVENTS.replace("  summary: First.\n", ""));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (9, 3));
    assert_eq!(d.message, "missing field `summary`");
    assert_eq!(d.hint.as_deref(), Some("add `summary:` to this record"));
}

#[test]
fn wrong_types_name_the_field() {
    let errs = with_events(&EVENTS.replace("date: 2014", "date: [1]"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (10, 9));
    assert!(d.message.starts_with("`date`: invalid type: sequence"), "{d}");

    let errs = with_events(&EVENTS.replace("people: [sam-altman]", "people: sam-altman"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (4, 11));
    assert_eq!(d.hint.as_deref(), Some("write a list, e.g. `[a, b]`"));

    let errs = errors_in(files(SOURCES, ORGS, "people: alice\n", EVENTS));
    let d = one(&errs);
    assert_eq!((d.file.as_str(), d.line, d.col), ("data/people.yaml", 1, 1));
    assert!(d.message.contains("holds a map"), "{d}");
}

#[test]
fn impossible_dates() {
    for (date, msg) in [
        (
            "2025-02-30",
            "date `2025-02-30` has no day 30: February 2025 has 28 days",
        ),
        ("2025-13", "date `2025-13` has no month 13"),
        ("0000", "date `0000` has year 0; years start at 0001"),
        (
            "June 2025",
            "date `June 2025` is not of the form YYYY, YYYY-MM or YYYY-MM-DD",
        ),
    ] {
        let errs = with_events(&EVENTS.replace("date: 2014", &format!("date: {date}")));
        let d = one(&errs);
        assert_eq!((d.line, d.col, d.message.as_str()), (10, 9, msg));
    }
}

#[test]
fn bad_amounts_and_currencies() {
    let with_amount = |amount: &str| {
        EVENTS.replace(
            "  summary: Second.",
            &format!("  amount:\n{amount}  summary: Second."),
        )
    };
    let errs = with_events(&with_amount("    value: -5\n    currency: USD\n"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (8, 12));
    assert!(d.message.contains("not a finite, non-negative"));

    let errs = with_events(&with_amount("    value: .nan\n    currency: USD\n"));
    assert_eq!(one(&errs).line, 8);
    let errs = with_events(&with_amount("    value: .inf\n    currency: USD\n"));
    assert_eq!(one(&errs).line, 8);

    let errs = with_events(&with_amount("    value: 5\n    currency: USDD\n"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (9, 15));
    assert_eq!(d.message, "unknown currency `USDD`");
    assert!(d.hint.as_deref().unwrap().starts_with("did you mean `USD`?"));

    let errs = with_events(&with_amount("    value: 14.3B\n    currency: USD\n"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (8, 12));
    assert!(d.message.starts_with("`value`: invalid type"), "{d}");
}

#[test]
fn empty_and_comment_only_files() {
    let errs = errors_in(files(SOURCES, ORGS, "", EVENTS));
    assert_eq!(
        one(&errs).to_string(),
        "data/people.yaml: error: file is empty; write a YAML list of records (`- id: ...`), or `[]` for none"
    );
    let errs = errors_in(files(SOURCES, ORGS, PEOPLE, "# nothing yet\n\n"));
    assert_eq!(one(&errs).message, "file holds only comments");
    // An explicit empty list is fine.
    let ds = load("t", &files(SOURCES, ORGS, PEOPLE, "[]\n"), "data").unwrap();
    assert!(ds.events.is_empty());
}

#[test]
fn syntax_errors_and_tabs() {
    let errs = with_events("- id: e1\n  date: [2014\n  kind: hire\n");
    let d = one(&errs);
    assert_eq!(d.file, "data/events.yaml");
    assert!(d.line >= 2, "{d}");

    let errs = with_events("- id: e1\n\tdate: 2014\n");
    let d = one(&errs);
    assert_eq!((d.line, d.col), (2, 1));
    assert!(d.hint.as_deref().unwrap().contains("spaces"), "{d}");
}

#[test]
fn slugs_sources_and_empty_text() {
    let people = PEOPLE.replace("id: sam-altman", "id: Sam Altman");
    let events = EVENTS.replace("people: [sam-altman]", "people: []");
    let errs = errors_in(files(SOURCES, ORGS, &people, &events));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (1, 7));
    assert_eq!(
        d.hint.as_deref(),
        Some("use lowercase letters, digits and single hyphens, e.g. `sam-altman`")
    );

    let errs = errors_in(files(
        SOURCES,
        ORGS,
        &PEOPLE.replace("sources: [s1]", "sources: []"),
        EVENTS,
    ));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (4, 3));
    assert_eq!(d.message, "person `sam-altman` names no source");

    let errs = errors_in(files(
        SOURCES,
        ORGS,
        &PEOPLE.replace("summary: Runs OpenAI.", "summary: \"\""),
        EVENTS,
    ));
    assert_eq!(one(&errs).message, "`summary` is empty");
}

#[test]
fn quotes_need_a_speaker_and_counts_a_crowd() {
    let errs = with_events(&EVENTS.replace("  summary: First.", "  quote: \"Hi\"\n  summary: First."));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (12, 3));
    let errs = with_events(&EVENTS.replace("  summary: Second.", "  count: 0\n  summary: Second."));
    assert_eq!(one(&errs).message, "`count` is 0");
}

#[test]
fn disputes_need_alternatives_with_sources() {
    let disputed =
        "  disputed:\n    note: Unsure.\n    alternatives:\n      - value: 14.9\n        sources: [nope]\n";
    let errs = with_events(&format!("{EVENTS}{disputed}"));
    let d = one(&errs);
    assert_eq!((d.line, d.col), (18, 19));
    assert!(d.message.contains("unknown source `nope`"), "{d}");
    let ok = disputed.replace("[nope]", "[s1]");
    let ds = load(
        "t",
        &files(SOURCES, ORGS, PEOPLE, &format!("{EVENTS}{ok}")),
        "data",
    )
    .unwrap();
    let alt = &ds.events[0].disputed().unwrap().alternatives[0];
    assert_eq!(alt.value, "14.9");
}

#[test]
fn alias_bombs_are_refused() {
    let mut bomb = String::from(
        "- id: a\n  name: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (i, prev) in ["a", "b", "c", "d", "e", "f", "g", "h"].iter().enumerate() {
        let name = (b'b' + i as u8) as char;
        bomb.push_str(&format!(
            "  k{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
    }
    let errs = errors_in(files(SOURCES, ORGS, &bomb, EVENTS));
    assert_eq!(
        (errs[0].file.as_str(), errs[0].line, errs[0].col),
        ("data/people.yaml", 3, 11),
        "{errs:#?}"
    );
    assert_eq!(errs[0].message, "YAML alias `*a` is not allowed");
}

#[test]
fn the_embedded_dataset_is_valid() {
    let ds = Dataset::embedded().unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
        )
    });
    assert!(ds.people.len() >= 35);
    assert!(ds.events.len() >= 70);
    assert_eq!(ds.sources.len(), 5);
    for e in &ds.events {
        assert!(!e.sources.is_empty());
    }
}

/// Where each file's remembered records are (`None`: nothing remembered).
fn memos(r: &Reuse) -> [Option<usize>; 4] {
    [
        r.sources.as_ref().map(|m| m.records_at() as usize),
        r.orgs.as_ref().map(|m| m.records_at() as usize),
        r.people.as_ref().map(|m| m.records_at() as usize),
        r.events.as_ref().map(|m| m.records_at() as usize),
    ]
}

fn load_reusing(people: &str, events: &str, reuse: &mut Reuse) -> Result<Dataset, Vec<Diagnostic>> {
    load_with(
        "t",
        &files(SOURCES, ORGS, people, events),
        "",
        false,
        Some(reuse),
        &super::Layering::default(),
    )
    .map(|l| l.dataset)
}

#[test]
fn a_reload_parses_only_the_files_that_changed() {
    let mut reuse = Reuse::default();
    let first = load_reusing(PEOPLE, EVENTS, &mut reuse).unwrap();
    let before = memos(&reuse);
    assert!(before.iter().all(Option::is_some), "every file remembered");

    let more_people = format!("{PEOPLE}- id: ada\n  name: Ada\n  summary: New.\n  sources: [s1]\n");
    let second = load_reusing(&more_people, EVENTS, &mut reuse).unwrap();
    let after = memos(&reuse);
    assert_eq!(
        [after[0], after[1], after[3]],
        [before[0], before[1], before[3]],
        "not parsed again"
    );
    assert_ne!(after[2], before[2], "people.yaml changed: parsed again");
    assert_eq!(second.people.len(), first.people.len() + 1);

    // The same as a load from nothing, indexes included.
    let fresh = load("t", &files(SOURCES, ORGS, &more_people, EVENTS), "").unwrap();
    // (The id table's order and seed vary; the rest must be identical.)
    let shown = |ds: &Dataset| format!("{ds:?}").split(", ids:").next().map(str::to_string);
    assert_eq!(shown(&second), shown(&fresh));
    assert_eq!(second.lookup("ada"), fresh.lookup("ada"));
}

#[test]
fn a_broken_file_is_not_remembered_and_the_others_still_are() {
    let mut reuse = Reuse::default();
    load_reusing(PEOPLE, EVENTS, &mut reuse).unwrap();
    let before = memos(&reuse);
    let broken = format!("{EVENTS}- id: e3\n  date: [\n");
    let errors = load_reusing(PEOPLE, &broken, &mut reuse).unwrap_err();
    assert!(errors[0].file.ends_with("events.yaml"), "{errors:?}");
    let after = memos(&reuse);
    assert_eq!(after[3], None, "a file with errors is not remembered");
    assert_eq!(after[..3], before[..3]);

    // Fixed: the same errors are not kept, and the dataset is whole.
    let ds = load_reusing(PEOPLE, EVENTS, &mut reuse).unwrap();
    assert_eq!(ds.events.len(), 2);
    assert!(memos(&reuse)[3].is_some());
}

#[test]
fn a_remembered_file_keeps_its_cross_file_checks() {
    // events.yaml is unchanged but refers to a person who is gone: the
    // reference is checked again, not remembered.
    let mut reuse = Reuse::default();
    load_reusing(PEOPLE, EVENTS, &mut reuse).unwrap();
    let errors = load_reusing("[]\n", EVENTS, &mut reuse).unwrap_err();
    let e = one(&errors);
    assert!(e.message.contains("unknown person `sam-altman`"), "{e}");
    assert_eq!((e.line, e.col), (4, 12), "{e}");
}

mod sorting {
    use super::super::sort_events;
    use crate::model::{Date, Details, Event, EventKind};
    use proptest::prelude::*;

    fn event(id: usize, year: u16, part_of: Option<u32>) -> Event {
        Event {
            id: format!("e{id}"),
            date: Date::year(year),
            kind: EventKind::Hire,
            people: Box::default(),
            from: None,
            to: None,
            orgs: Box::default(),
            summary: String::new(),
            sources: Box::default(),
            details: part_of.map(|g| {
                Box::new(Details {
                    part_of: Some(g),
                    ..Details::default()
                })
            }),
        }
    }

    proptest! {
        #[test]
        fn sorted_in_place_like_a_stable_sort_with_groups_followed(
            years in prop::collection::vec(2000u16..2006, 0..60),
            links in prop::collection::vec(any::<prop::sample::Index>(), 0..60),
        ) {
            let n = years.len();
            let mut events: Vec<Event> = years
                .iter()
                .enumerate()
                .map(|(i, &y)| event(i, y, links.get(i).filter(|_| n > 0).map(|l| l.index(n) as u32)))
                .collect();
            // What each event's group is, by id, before sorting.
            let group_of = |evs: &[Event], i: usize| {
                evs[i].details.as_ref().and_then(|d| d.part_of).map(|g| evs[g as usize].id.clone())
            };
            let before: Vec<(String, Option<String>)> =
                (0..n).map(|i| (events[i].id.clone(), group_of(&events, i))).collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| years[i]);

            sort_events(&mut events);
            let ids: Vec<String> = events.iter().map(|e| e.id.clone()).collect();
            let want: Vec<String> = expected.iter().map(|&i| format!("e{i}")).collect();
            prop_assert_eq!(ids, want);
            for i in 0..n {
                let (id, group) = &before[expected[i]];
                prop_assert_eq!(&events[i].id, id);
                prop_assert_eq!(&group_of(&events, i), group);
            }
        }
    }
}

/// `n` events on one date, `e0`… in file order, each 8 lines long; the
/// ones in `broken` refer to an unknown person.
fn many_events(n: usize, broken: &[usize]) -> String {
    let mut text = String::new();
    for i in 0..n {
        let person = if broken.contains(&i) {
            "nobody"
        } else {
            "sam-altman"
        };
        text.push_str(&format!(
            "- id: e{i}\n  date: 2025-06\n  kind: hire\n  people: [{person}]\n  from: openai\n  to: meta\n  summary: Move {i}.\n  sources: [s1]\n"
        ));
    }
    text
}

#[test]
fn a_large_events_file_is_built_in_two_halves_in_file_order() {
    let n = 25_000;
    let events = many_events(n, &[]);
    let ds = load("t", &files(SOURCES, ORGS, PEOPLE, &events), "").unwrap();
    let ids: Vec<&str> = ds.events.iter().map(|e| e.id.as_str()).collect();
    let want: Vec<String> = (0..n).map(|i| format!("e{i}")).collect();
    assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(ds.person_events[0].len(), n);
}

#[test]
fn problems_in_both_halves_of_a_large_events_file_are_reported_in_place() {
    let events = many_events(25_000, &[7, 20_000]);
    let errors = load("t", &files(SOURCES, ORGS, PEOPLE, &events), "").unwrap_err();
    let found: Vec<(usize, usize, bool)> = errors
        .iter()
        .map(|d| (d.line, d.col, d.message.contains("unknown person `nobody`")))
        .collect();
    // Record k starts on line 8k + 1; `people: [` is its 4th line.
    assert_eq!(found, vec![(7 * 8 + 4, 12, true), (20_000 * 8 + 4, 12, true)]);
}

#[test]
fn at_least_needs_a_count_and_is_kept() {
    let line_of = |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).map(|i| i + 1);
    // Beside the event's count.
    let text = EVENTS.replace("  summary: Second.", "  at_least: true\n  summary: Second.");
    let d = one(&with_events(&text)).clone();
    assert_eq!(d.message, "event `e2` has `at_least` but no `count`");
    assert_eq!((Some(d.line), d.col), (line_of(&text, "at_least"), 3));
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("count: 8, at_least: true")),
        "{d}"
    );
    // In an alternative.
    let alt = "  disputed:\n    note: Unsure.\n    alternatives:\n      - value: eight\n        at_least: true\n        sources: [s1]\n";
    let text = format!("{EVENTS}{alt}");
    let d = one(&with_events(&text)).clone();
    assert!(d.message.contains("has `at_least` but no `count`"), "{d}");
    assert_eq!((Some(d.line), d.col), (line_of(&text, "at_least"), 9));
    // With its counts, and on an amount, it loads and is kept.
    let ok = EVENTS.replace(
        "  summary: Second.",
        "  count: 8\n  at_least: true\n  amount: {value: 4.4e9, currency: USD, at_least: true}\n  summary: Second.",
    );
    let ds = load("t", &files(SOURCES, ORGS, PEOPLE, &ok), "data").unwrap_or_else(|e| panic!("{e:#?}"));
    let e = ds.events.iter().find(|e| e.id == "e2").unwrap();
    assert!(e.count_at_least() && e.amount().is_some_and(|a| a.at_least));
    assert_eq!(e.amount().map(|a| a.short()).as_deref(), Some("≥ USD 4.4B"));
    assert_eq!(
        e.amount().map(|a| a.describe()).as_deref(),
        Some("more than USD 4.4B")
    );
}
