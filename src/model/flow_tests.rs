//! Flows hand-computed on a small dataset: a multi-origin group with
//! members, a disputed count, a departure and its later hire, an offer
//! turned down, unknown origin and destination, roll-up and date ranges.

use super::*;
use crate::model::{Files, load};

const SOURCES: &str = "- id: s\n  title: T\n  language: en\n";

const ORGS: &str = "\
- {id: meta, name: Meta, kind: company, summary: x, sources: [s]}
- {id: msl, name: MSL, kind: lab, parent: meta, summary: x, sources: [s]}
- {id: openai, name: OpenAI, kind: lab, summary: x, sources: [s]}
- {id: google, name: Google, kind: company, summary: x, sources: [s]}
- {id: deepmind, name: DeepMind, kind: lab, parent: google, summary: x, sources: [s]}
- {id: anthropic, name: Anthropic, kind: lab, summary: x, sources: [s]}
- {id: ssi, name: SSI, kind: startup, summary: x, sources: [s]}
";

const PEOPLE: &str = "\
- {id: ann, name: Ann, summary: x, sources: [s]}
- {id: bob, name: Bob, summary: x, sources: [s]}
- {id: cat, name: Cat, summary: x, sources: [s]}
- {id: dan, name: Dan, summary: x, sources: [s]}
- {id: eve, name: Eve, summary: x, sources: [s]}
- {id: fay, name: Fay, summary: x, sources: [s]}
- {id: gus, name: Gus, summary: x, sources: [s]}
- {id: hal, name: Hal, summary: x, sources: [s]}
";

const EVENTS: &str = "\
- id: g1
  date: 2025-06-30
  kind: hire
  to: msl
  count: 11
  origins:
    - {from: openai, count: 7}
    - {from: google, count: 3}
    - {from: anthropic, count: 1}
  summary: The memo's eleven.
  sources: [s]
- id: w1
  date: 2025-06
  kind: hire
  people: [ann]
  from: openai
  to: msl
  count: 8
  part_of: g1
  summary: A wave, the memo's seven from OpenAI.
  sources: [s]
  disputed:
    note: Seven or eight.
    alternatives:
      - {count: 7, sources: [s]}
      - {value: at least eight, count: 8, sources: [s]}
- id: m1
  date: 2025-06
  kind: hire
  people: [bob]
  from: openai
  to: msl
  part_of: g1
  summary: Bob's own event.
  sources: [s]
- id: d1
  date: 2024-01
  kind: departure
  people: [cat]
  from: google
  summary: Cat left Google.
  sources: [s]
- id: h1
  date: 2024-05
  kind: hire
  people: [cat]
  to: openai
  summary: Cat joined OpenAI.
  sources: [s]
- id: f1
  date: 2024
  kind: founding
  people: [dan]
  to: ssi
  summary: Dan founded SSI.
  sources: [s]
- id: o1
  date: 2025
  kind: offer
  people: [dan]
  from: meta
  to: ssi
  summary: Meta bid for SSI; Dan turned it down.
  sources: [s]
- id: o2
  date: 2025
  kind: offer
  people: [hal]
  from: meta
  to: ssi
  summary: Hal turned down Meta's offer to buy his stake in SSI.
  sources: [s]
- id: d2
  date: 2025-08
  kind: departure
  people: [eve]
  from: msl
  summary: Eve left MSL, nobody knows for where.
  sources: [s]
- id: h2
  date: 2025-09
  kind: hire
  people: [fay]
  to: anthropic
  summary: Fay joined Anthropic from somewhere.
  sources: [s]
- id: x1
  date: 2025-07
  kind: hire
  people: [gus]
  from: deepmind
  to: meta
  summary: Gus moved.
  sources: [s]
- id: i1
  date: 2025-10
  kind: hire
  people: [bob]
  from: msl
  to: meta
  summary: Bob moved inside Meta.
  sources: [s]
";

fn ds() -> Dataset {
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events: EVENTS,
    };
    load("t", &files, "data").expect("the test dataset loads")
}

/// The flows as `(from, to, count, people, events, disputed)` with ids.
fn table(ds: &Dataset, q: &FlowQuery) -> Vec<(String, String, u32, String, String, bool)> {
    let id = |o: Option<OrgIx>| o.map_or("?".to_string(), |o| ds.org(o).id.clone());
    flows(ds, q)
        .into_iter()
        .map(|((from, to), f)| {
            let people: Vec<&str> = f.people.iter().map(|&p| ds.person(p).id.as_str()).collect();
            let events: Vec<&str> = f.events.iter().map(|&e| ds.event(e).id.as_str()).collect();
            (
                id(from),
                id(to),
                f.range.count,
                people.join(","),
                events.join(","),
                f.range.disputed,
            )
        })
        .collect()
}

fn row(
    from: &str,
    to: &str,
    count: u32,
    people: &str,
    events: &str,
    disputed: bool,
) -> (String, String, u32, String, String, bool) {
    (
        from.into(),
        to.into(),
        count,
        people.into(),
        events.into(),
        disputed,
    )
}

fn sorted(
    mut rows: Vec<(String, String, u32, String, String, bool)>,
) -> Vec<(String, String, u32, String, String, bool)> {
    rows.sort();
    rows
}

fn org(ds: &Dataset, id: &str) -> OrgIx {
    match ds.lookup(id) {
        Some(crate::model::Record::Org(o)) => o,
        other => panic!("{id} is {other:?}"),
    }
}

#[test]
fn every_move_counted_once() {
    let ds = ds();
    let got = sorted(table(&ds, &FlowQuery::default()));
    let want = sorted(vec![
        // The group: 7 + 3 + 1; Ann (the wave) and Bob are inside the 7.
        row("openai", "msl", 7, "ann,bob", "w1,m1,g1", true),
        row("google", "msl", 3, "", "g1", false),
        row("anthropic", "msl", 1, "", "g1", false),
        // Cat's departure and later hire are one move.
        row("google", "openai", 1, "cat", "d1,h1", false),
        row("deepmind", "meta", 1, "gus", "x1", false),
        row("msl", "?", 1, "eve", "d2", false),
        row("?", "anthropic", 1, "fay", "h2", false),
        row("msl", "meta", 1, "bob", "i1", false),
    ]);
    assert_eq!(got, want);
    let total: u32 = flows(&ds, &FlowQuery::default())
        .iter()
        .map(|(_, f)| f.range.count)
        .sum();
    assert_eq!(total, 16, "11 + Cat + Gus + Eve + Fay + Bob's second move");
}

#[test]
fn roll_up_merges_children_and_drops_moves_inside() {
    let ds = ds();
    let q = FlowQuery {
        roll_up: true,
        ..FlowQuery::default()
    };
    let got = sorted(table(&ds, &q));
    let want = sorted(vec![
        row("openai", "meta", 7, "ann,bob", "w1,m1,g1", true),
        row("google", "meta", 4, "gus", "g1,x1", false),
        row("anthropic", "meta", 1, "", "g1", false),
        row("google", "openai", 1, "cat", "d1,h1", false),
        row("meta", "?", 1, "eve", "d2", false),
        row("?", "anthropic", 1, "fay", "h2", false),
    ]);
    assert_eq!(got, want, "MSL→Meta is inside Meta");
}

#[test]
fn date_ranges_are_inclusive_and_date_a_move_by_its_arrival() {
    let ds = ds();
    let range = |from: &str, to: &str| FlowQuery {
        from: Some(Date::parse(from).unwrap()),
        to: Some(Date::parse(to).unwrap()),
        roll_up: false,
    };
    let got = sorted(table(&ds, &range("2025-07", "2025-09")));
    let want = sorted(vec![
        row("deepmind", "meta", 1, "gus", "x1", false),
        row("msl", "?", 1, "eve", "d2", false),
        row("?", "anthropic", 1, "fay", "h2", false),
    ]);
    assert_eq!(got, want);
    // Cat's move is dated by her hire: not in the months she left in.
    assert_eq!(table(&ds, &range("2024", "2024-03")), vec![]);
    assert_eq!(
        table(&ds, &range("2024-05", "2024-05")),
        vec![row("google", "openai", 1, "cat", "d1,h1", false)]
    );
    // Members follow their group: June without the memo's day has nothing,
    // and the memo's day has its members, whatever their own dates.
    assert_eq!(table(&ds, &range("2025-06-01", "2025-06-29")), vec![]);
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events: &EVENTS.replace(
            "  date: 2025-06\n  kind: hire\n  people: [bob]",
            "  date: 2025-05-01\n  kind: hire\n  people: [bob]",
        ),
    };
    let early_bob = load("t", &files, "data").unwrap();
    let day = table(&early_bob, &range("2025-06-30", "2025-06-30"));
    assert!(
        day.contains(&row("openai", "msl", 7, "ann,bob", "m1,w1,g1", true)),
        "{day:?}"
    );
}

#[test]
fn companies_count_with_children_and_people_sit_where_they_moved() {
    let ds = ds();
    let (meta, msl, google, openai, ssi) = (
        org(&ds, "meta"),
        org(&ds, "msl"),
        org(&ds, "google"),
        org(&ds, "openai"),
        org(&ds, "ssi"),
    );
    let moves = |o: OrgIx| {
        let (into, out) = ds.org_moves[o as usize];
        (into.count, out.count)
    };
    assert_eq!(moves(msl), (11, 2));
    assert_eq!(moves(meta), (12, 1), "incl. MSL, without MSL→Meta");
    assert_eq!(moves(google), (0, 5), "incl. DeepMind");
    assert_eq!(moves(openai), (1, 7));
    assert_eq!(ds.children(meta), [msl]);
    assert!(ds.within(msl, meta) && !ds.within(meta, msl));
    let family: Vec<&str> = (0..ds.orgs.len() as OrgIx)
        .filter(|&o| ds.family(meta)[o as usize])
        .map(|o| ds.org(o).id.as_str())
        .collect();
    assert_eq!(family, ["meta", "msl"]);
    let person = |id: &str| match ds.lookup(id) {
        Some(crate::model::Record::Person(p)) => p,
        other => panic!("{id} is {other:?}"),
    };
    // Dan turned Meta's offer down: he stays at SSI and is not Meta's.
    assert_eq!(ds.person_last_org[person("dan") as usize], Some(ssi));
    assert!(!ds.org_people[meta as usize].contains(&person("dan")));
    // Hal is only known from an offer he led: nowhere, and not Meta's.
    assert_eq!(ds.person_last_org[person("hal") as usize], None);
    assert!(!ds.org_people[meta as usize].contains(&person("hal")));
    assert_eq!(ds.whereabouts(person("cat")).as_deref(), Some("OpenAI"));
    assert_eq!(ds.whereabouts(person("eve")).as_deref(), Some("ex-MSL"));
    assert_eq!(ds.whereabouts(person("bob")).as_deref(), Some("Meta"));
}

#[test]
fn a_group_reads_as_a_group() {
    let ds = ds();
    let ev = |id: &str| match ds.lookup(id) {
        Some(crate::model::Record::Event(e)) => e,
        other => panic!("{id} is {other:?}"),
    };
    assert_eq!(
        group_label(&ds, ev("w1")).as_deref(),
        Some("7–8≠ people (1 named: Ann)"),
        "the size the flows count, with the range its sources give"
    );
    assert_eq!(
        group_label(&ds, ev("g1")).as_deref(),
        Some("11–12≠ people (2 named: Ann, Bob)"),
        "its member's dispute widens the group's count from OpenAI"
    );
    assert_eq!(group_label(&ds, ev("h1")), None);
    assert_eq!(members(&ds, ev("g1")), [ev("w1"), ev("m1")]);
}

#[test]
fn a_group_without_origins_or_names_still_counts() {
    let events = "\
- {id: a, date: 2020, kind: hire, from: openai, to: meta, count: 4, summary: x, sources: [s]}
- {id: b, date: 2021, kind: hire, to: meta, count: 5, origins: [{from: google, count: 2}], summary: x, sources: [s]}
- {id: c, date: 2022, kind: statement, from: meta, to: openai, summary: x, sources: [s]}
- {id: d, date: 2023, kind: founding, people: [ann], from: openai, to: ssi, summary: x, sources: [s]}
";
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events,
    };
    let ds = load("t", &files, "data").unwrap();
    let got = sorted(table(&ds, &FlowQuery::default()));
    let want = sorted(vec![
        row("openai", "meta", 4, "", "a", false),
        row("google", "meta", 2, "", "b", false),
        row("?", "meta", 3, "", "b", false),
        row("openai", "ssi", 1, "ann", "d", false),
    ]);
    assert_eq!(got, want, "a statement is not a move; a founding from OpenAI is");
}

#[test]
fn a_period_boundary_never_splits_a_move() {
    let events = "\
- {id: d, date: 2020-11, kind: departure, people: [ann], from: openai, summary: x, sources: [s]}
- {id: h, date: 2021-03, kind: hire, people: [ann], to: meta, summary: x, sources: [s]}
- {id: e, date: 2020-12, kind: departure, people: [bob], from: google, summary: x, sources: [s]}
";
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events,
    };
    let ds = load("t", &files, "data").unwrap();
    let q = |from: Option<&str>, to: Option<&str>| FlowQuery {
        from: from.map(|d| Date::parse(d).unwrap()),
        to: to.map(|d| Date::parse(d).unwrap()),
        roll_up: false,
    };
    let all = sorted(table(&ds, &q(None, None)));
    assert_eq!(
        all,
        sorted(vec![
            row("openai", "meta", 1, "ann", "d,h", false),
            row("google", "?", 1, "bob", "e", false),
        ])
    );
    // Ann's move is dated by her arrival, Bob's (no arrival) by his leaving.
    assert_eq!(
        table(&ds, &q(None, Some("2020"))),
        vec![row("google", "?", 1, "bob", "e", false)]
    );
    assert_eq!(
        table(&ds, &q(Some("2021"), None)),
        vec![row("openai", "meta", 1, "ann", "d,h", false)]
    );
}

/// The total of every flow with the default query.
fn total(ds: &Dataset) -> u64 {
    flows(ds, &FlowQuery::default())
        .iter()
        .map(|(_, f)| u64::from(f.range.count))
        .sum()
}

#[test]
fn shares_add_up_to_the_flow_total_and_say_where_people_are_counted() {
    let ds = ds();
    let shares = shares(&ds);
    let sum: u64 = shares.iter().map(|s| u64::from(s.count)).sum();
    assert_eq!(sum, total(&ds));
    let share = |id: &str| match ds.lookup(id) {
        Some(crate::model::Record::Event(e)) => {
            let s = &shares[e as usize];
            let ids: Vec<&str> = s.counted_in.iter().map(|&x| ds.event(x).id.as_str()).collect();
            (s.count, ids.join(","))
        }
        other => panic!("{id} is {other:?}"),
    };
    // The group counts its whole size; its members count nothing of their own.
    assert_eq!(share("g1"), (11, String::new()));
    assert_eq!(share("w1"), (0, "g1".to_string()));
    assert_eq!(share("m1"), (0, "g1".to_string()));
    // A departure completed later is counted in the move completing it.
    assert_eq!(share("d1"), (0, "h1".to_string()));
    assert_eq!(share("h1"), (1, String::new()));
    // One never completed counts itself; offers and foundings move no one.
    assert_eq!(share("d2"), (1, String::new()));
    assert_eq!(share("o1"), (0, String::new()));
    assert_eq!(share("f1"), (0, String::new()));
    assert_eq!(share("x1"), (1, String::new()));
}

#[test]
fn shares_add_up_on_a_synthetic_dataset() {
    let [sources, organizations, people, events] = crate::synth::generate(crate::synth::Spec::scaled(2_000));
    let files = Files {
        sources: &sources,
        organizations: &organizations,
        people: &people,
        events: &events,
    };
    let ds = load("synth", &files, "").expect("the synthetic dataset loads");
    let sum: u64 = shares(&ds).iter().map(|s| u64::from(s.count)).sum();
    assert!(sum > 0);
    assert_eq!(sum, total(&ds));
}
