//! Property tests: random datasets, random keys, random terminal sizes,
//! and random bytes for the loader. Nothing may panic; every invariant of
//! the explorer's state must hold after every message.
#![allow(clippy::unwrap_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;
use rivals::model::{Files, load};
use rivals::tui::app::Pane;
use rivals::tui::app::state::MAX_HISTORY;
use rivals::tui::app::{App, Effect, MAX_HITS, Msg, update};
use rivals::tui::data::Data;
use rivals::tui::theme::Theme;
use rivals::tui::ui::render;
use rivals::tui::view::{EventRows, PeopleRows};
use std::sync::Arc;

/// A YAML double-quoted string holding exactly `s` (every unusual
/// character escaped, controls and bidi included).
fn yaml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\U{:08x}", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// An event: year, month, day (0 = unknown), kind, then person, from and
/// to (taken modulo the counts) and the summary.
type EventShape = (u16, u8, u8, u8, usize, usize, usize, String);

#[derive(Debug, Clone)]
struct Shape {
    orgs: Vec<String>,
    people: Vec<String>,
    events: Vec<EventShape>,
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..24).prop_map(|v| v.into_iter().collect())
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        prop::collection::vec(text(), 0..30),
        prop::collection::vec(text(), 0..80),
        prop::collection::vec(
            (
                1990u16..2030,
                0u8..13,
                0u8..29,
                0u8..13,
                any::<usize>(),
                any::<usize>(),
                any::<usize>(),
                text(),
            ),
            0..3000,
        ),
    )
        .prop_map(|(orgs, people, events)| Shape { orgs, people, events })
}

const KINDS: [&str; 13] = [
    "hire",
    "departure",
    "return",
    "offer",
    "founding",
    "acquisition",
    "investment",
    "funding",
    "reorganization",
    "lawsuit",
    "statement",
    "launch",
    "other",
];

fn files(s: &Shape) -> [String; 4] {
    let sources = "- {id: s, title: T, language: en}\n".to_string();
    let mut orgs = String::from("[]\n");
    if !s.orgs.is_empty() {
        orgs = s
            .orgs
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "- {{id: o{i}, name: {}, kind: lab, summary: x, sources: [s]}}\n",
                    yaml_str(&format!("o{n}"))
                )
            })
            .collect();
    }
    let mut people = String::from("[]\n");
    if !s.people.is_empty() {
        people = s
            .people
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "- {{id: p{i}, name: {}, summary: x, sources: [s]}}\n",
                    yaml_str(&format!("p{n}"))
                )
            })
            .collect();
    }
    let mut events = String::from("[]\n");
    if !s.events.is_empty() {
        events = s
            .events
            .iter()
            .enumerate()
            .map(|(i, (y, m, d, k, p, f, t, summary))| {
                let date = match (m, d) {
                    (0, _) => format!("{y}"),
                    (m, 0) => format!("{y}-{m:02}"),
                    (m, d) => format!("{y}-{m:02}-{d:02}"),
                };
                let mut e = format!(
                    "- id: e{i}\n  date: {date}\n  kind: {}\n  summary: {}\n  sources: [s]\n",
                    KINDS[*k as usize],
                    yaml_str(&format!("e{summary}"))
                );
                if !s.people.is_empty() {
                    e.push_str(&format!("  people: [p{}]\n", p % s.people.len()));
                }
                if !s.orgs.is_empty() {
                    let (f, t) = (f % s.orgs.len(), t % s.orgs.len());
                    e.push_str(&format!("  from: o{f}\n"));
                    // The loader refuses a move to the organization it left.
                    if t != f {
                        e.push_str(&format!("  to: o{t}\n"));
                    }
                }
                e
            })
            .collect();
    }
    [sources, orgs, people, events]
}

/// Failing cases found once are kept in `tests/props.regressions` and
/// run first every time.
fn regressions() -> Option<Box<dyn proptest::test_runner::FailurePersistence>> {
    Some(Box::new(proptest::test_runner::FileFailurePersistence::Direct(
        "tests/props.regressions",
    )))
}

fn key_msg() -> impl Strategy<Value = Msg> {
    let codes = prop_oneof![
        prop::sample::select(
            "jkhlgGnNftxq?/123[]{}po \u{e9}zma'.-FMrLvPEc"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(KeyCode::Char),
        prop::sample::select(vec![
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Backspace,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::F(1),
        ]),
        (0u8..10).prop_map(|d| KeyCode::Char(char::from(b'0' + d))),
    ];
    let ctrl = prop::sample::select(vec!['d', 'u', 'o', 'w', 'n', 'p', 'f'])
        .prop_map(|c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    prop_oneof![
        8 => codes.prop_map(|c| Msg::Key(KeyEvent::new(c, KeyModifiers::NONE))),
        1 => ctrl.prop_map(Msg::Key),
        1 => Just(Msg::Tick),
        1 => (0u16..300, 0u16..100).prop_map(|(w, h)| Msg::Resize(w, h)),
        1 => (0u16..300, 0u16..100, 0u8..3).prop_map(|(column, row, k)| Msg::Mouse(MouseEvent {
            kind: [MouseEventKind::Down(MouseButton::Left), MouseEventKind::ScrollDown, MouseEventKind::ScrollUp][k as usize],
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })),
    ]
}

fn check(app: &App) {
    let areas = app.areas();
    for pane in Pane::ALL {
        let (len, s) = (app.len(pane), app.list(pane));
        assert!(
            s.selected < len.max(1),
            "{pane:?}: selection {} of {len}",
            s.selected
        );
        let rows = areas.rows(pane);
        if !areas.too_small && rows > 0 && len > 0 {
            assert!(
                s.offset <= s.selected && s.selected < s.offset + rows,
                "{pane:?}: selected row off screen"
            );
        }
    }
    assert!(
        app.history.len() <= MAX_HISTORY && app.forward.len() <= MAX_HISTORY,
        "the jump list is bounded"
    );
    let d = &app.data;
    // A matrix cell opened from the Flows view lists its own moves.
    if app.flow_cell.is_none() {
        let rows = EventRows::new(
            d,
            (app.org_filter, app.org_family),
            app.person_filter,
            app.kind_filter,
            app.period_filter,
        );
        let rows = match app.period_filter.filter(|_| app.precise) {
            Some(p) => rows.exact(d, p),
            None => rows,
        };
        assert_eq!(app.event_rows, rows, "timeline rows disagree with the filters");
    }
    let people = PeopleRows::new(d, app.org_filter, app.org_family);
    assert_eq!(
        app.people_rows, people,
        "people rows disagree with the company filter"
    );
    if let Some(p) = app.person_filter {
        assert!(
            app.people_rows.position(d, p).is_some(),
            "the filtered person is not listed"
        );
    }
}

/// Feeds `msgs` to an explorer of `shape`'s dataset in a `w`×`h`
/// terminal, checking the state after each and drawing every frame.
fn random_keys(shape: &Shape, (w, h): (u16, u16), msgs: Vec<Msg>) {
    let [s, o, p, e] = files(shape);
    let ds = load(
        "prop",
        &Files {
            sources: &s,
            organizations: &o,
            people: &p,
            events: &e,
        },
        "",
    )
    .unwrap_or_else(|errs| panic!("{}", errs[0]));
    let data = Arc::new(Data::new(ds));
    let mut app = App::new(Arc::clone(&data), (w, h));
    let theme = Theme::color();
    let mut term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    for msg in msgs {
        if let Some(Effect::Search { query, generation }) = update(&mut app, msg) {
            let hits = data.index().search(&data.ds, &query, MAX_HITS);
            update(&mut app, Msg::Hits { generation, hits });
        }
        check(&app);
        if term.size().unwrap() != Size::new(app.size.0, app.size.1) {
            term = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
        }
        term.draw(|f| render(&app, &theme, f)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20, failure_persistence: regressions(), ..ProptestConfig::default() })]

    // Narrow and wide terminals are two tests so that they run side by side.

    #[test]
    fn random_keys_on_random_data_in_narrow_terminals(shape in shape(), w in 0u16..120, h in 0u16..100, msgs in prop::collection::vec(key_msg(), 0..120)) {
        random_keys(&shape, (w, h), msgs);
    }

    #[test]
    fn random_keys_on_random_data_in_wide_terminals(shape in shape(), w in 120u16..300, h in 0u16..100, msgs in prop::collection::vec(key_msg(), 0..120)) {
        random_keys(&shape, (w, h), msgs);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, failure_persistence: regressions(), ..ProptestConfig::default() })]

    #[test]
    fn the_loader_never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = load("fuzz", &Files { sources: &text, organizations: &text, people: &text, events: &text }, "");
    }

    #[test]
    fn the_loader_never_panics_on_yaml_like_soup(tokens in prop::collection::vec(prop::sample::select(vec![
        "- ", "id: ", "name: ", "kind: ", "date: ", "summary: ", "sources: ", "people: ", "amount: ", "value: ",
        "disputed: ", "alternatives: ", "\n", "\n  ", "\n    ", "[", "]", "{", "}", ",", ":", "\"", "'", "#", "&a ",
        "*a", "\t", "lab", "hire", "2025-02-30", "2025", "x", "s", "é", "\u{feff}", "\r\n", "---\n", "...", "? ", "|", ">-",
        "!!str ", "%YAML 1.2\n", "-1e999", ".nan", "null", "~",
    ]), 0..80)) {
        let text: String = tokens.concat();
        let files = Files { sources: "- {id: s, title: T, language: en}", organizations: &text, people: &text, events: &text };
        let _ = load("fuzz", &files, "");
    }
}

/// A move: year, month, day (0 = unknown), kind, person, from and to
/// (`None` = unknown), and a group size (0 = an individual move).
type MoveShape = (u16, u8, u8, u8, u8, Option<u8>, Option<u8>, u8);

const MOVE_KINDS: [&str; 4] = ["hire", "departure", "return", "founding"];

/// Moves among few people and organizations around a few years, so that
/// many departures wait for an arrival across a period boundary.
fn moves() -> impl Strategy<Value = Vec<MoveShape>> {
    prop::collection::vec(
        (
            2019u16..2023,
            0u8..13,
            0u8..29,
            0u8..4,
            0u8..6,
            prop::option::weighted(0.7, 0u8..5),
            prop::option::weighted(0.6, 0u8..5),
            prop_oneof![4 => Just(0u8), 1 => 1u8..6],
        ),
        0..60,
    )
}

/// The four files of a dataset of `moves`.
fn move_files(moves: &[MoveShape]) -> [String; 4] {
    let sources = "- {id: s, title: T, language: en}\n".to_string();
    let orgs = (0..5)
        .map(|i| format!("- {{id: o{i}, name: O{i}, kind: lab, summary: x, sources: [s]}}\n"))
        .collect();
    let people = (0..6)
        .map(|i| format!("- {{id: p{i}, name: P{i}, summary: x, sources: [s]}}\n"))
        .collect();
    let mut events = String::from("[]\n");
    if !moves.is_empty() {
        events = String::new();
    }
    for (i, &(y, m, d, k, p, from, to, group)) in moves.iter().enumerate() {
        let date = match (m, d) {
            (0, _) => format!("{y}"),
            (m, 0) => format!("{y}-{m:02}"),
            (m, d) => format!("{y}-{m:02}-{d:02}"),
        };
        let to = to.filter(|&t| Some(t) != from);
        events.push_str(&format!(
            "- id: e{i}\n  date: {date}\n  kind: {}\n  summary: x\n  sources: [s]\n",
            MOVE_KINDS[k as usize]
        ));
        if group > 0 {
            events.push_str(&format!("  count: {}\n", u32::from(group) + 1));
        } else {
            events.push_str(&format!("  people: [p{p}]\n"));
        }
        if let Some(f) = from {
            events.push_str(&format!("  from: o{f}\n"));
        }
        if let Some(t) = to {
            events.push_str(&format!("  to: o{t}\n"));
        }
    }
    [sources, orgs, people, events]
}

/// The flows of `ds` in `period` as (pair, count).
fn counts(
    ds: &rivals::model::Dataset,
    period: rivals::model::Period,
) -> std::collections::BTreeMap<rivals::model::Pair, u32> {
    let q = rivals::model::FlowQuery {
        from: period.from,
        to: period.to,
        roll_up: false,
    };
    rivals::model::flows(ds, &q)
        .into_iter()
        .map(|(pair, f)| (pair, f.range.count))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: regressions(), ..ProptestConfig::default() })]

    /// Splitting time in two at any date never creates a pair (an `X → ?`
    /// or `? → Y` above all) or a count all time does not have; the halves
    /// add up to all time when no move's date straddles the split.
    #[test]
    fn periods_add_up_to_all_time(moves in moves(), y in 2018u16..2024, m in 0u8..13, d in 0u8..29) {
        use rivals::model::{Date, Period};
        let [s, o, p, e] = move_files(&moves);
        let ds = load("prop", &Files { sources: &s, organizations: &o, people: &p, events: &e }, "")
            .unwrap_or_else(|errs| panic!("{}\n{e}", errs[0]));
        // The split: `..=last` and `next..`, at the precision drawn.
        let last = match (m, d) {
            (0, _) => Date::year(y),
            (m, 0) => Date { year: y, month: m, day: 0 },
            (m, d) => Date { year: y, month: m, day: d },
        };
        let next = match (m, d) {
            (0, _) => Date::year(y + 1),
            (12, 0) => Date { year: y + 1, month: 1, day: 0 },
            (m, 0) => Date { year: y, month: m + 1, day: 0 },
            (m, d) => Date { year: y, month: m, day: d + 1 },
        };
        let all = counts(&ds, Period::default());
        let before = counts(&ds, Period { from: None, to: Some(last) });
        let after = counts(&ds, Period { from: Some(next), to: None });
        for half in [&before, &after] {
            for (pair, n) in half {
                let whole = all.get(pair).copied().unwrap_or(0);
                prop_assert!(*n <= whole, "{pair:?}: {n} in a half, {whole} in all time");
            }
        }
        let straddles = ds.events.iter().any(|e| {
            e.date.first_day() <= last.last_day() && e.date.last_day() >= next.first_day()
        });
        let mut sum = before.clone();
        for (pair, n) in &after {
            *sum.entry(*pair).or_default() += n;
        }
        if straddles {
            for (pair, n) in &all {
                prop_assert!(sum.get(pair).copied().unwrap_or(0) >= *n, "{pair:?} lost moves");
            }
        } else {
            prop_assert_eq!(sum, all);
        }
    }
}
