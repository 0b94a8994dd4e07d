//! `update` tested without a terminal: every key, the filter links, the
//! history stack, search, mouse and resize.

use super::*;
use crate::model::{Dataset, Files, load};
use crate::model::{EventKind, Record};
use crate::tui::data::Data;
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEventKind};
use std::sync::Arc;

const SOURCES: &str = "- id: s\n  title: T\n  language: en\n";
const ORGS: &str = "
- {id: alpha, name: Alpha Lab, kind: lab, summary: A., sources: [s]}
- {id: beta, name: Beta Corp, kind: company, summary: B., sources: [s]}
- {id: gamma, name: Gamma, kind: startup, summary: G., sources: [s]}
";
const PEOPLE: &str = "
- {id: ann, name: Ann Smith, summary: A., sources: [s]}
- {id: bob, name: Bob Jones, summary: B., sources: [s]}
- {id: cat, name: Cat Wu, aliases: [Catherine], summary: C., sources: [s]}
";
const EVENTS: &str = "
- {id: e1, date: 2019-03, kind: hire, people: [ann], from: alpha, to: beta, summary: Ann moves to Beta., sources: [s]}
- {id: e2, date: 2019-07-01, kind: statement, people: [bob], orgs: [alpha], summary: Bob speaks., sources: [s]}
- {id: e3, date: 2021, kind: founding, people: [cat], to: gamma, summary: Cat founds Gamma., sources: [s]}
- {id: e4, date: 2021-05, kind: hire, people: [bob], from: alpha, to: gamma, summary: Bob joins Gamma., sources: [s]}
- {id: e5, date: 2021-05-20, kind: offer, from: beta, to: gamma, summary: Beta bids for Gamma., sources: [s]}
- {id: e6, date: 2023-01, kind: departure, people: [ann], from: beta, summary: Ann leaves Beta., sources: [s]}
";

fn data() -> Arc<Data> {
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events: EVENTS,
    };
    Arc::new(Data::new(load("fixture", &files, "").unwrap()))
}

fn app() -> App {
    App::new(data(), (120, 40))
}

fn id_of(app: &App, r: Option<Record>) -> String {
    let ds = &app.data.ds;
    match r {
        Some(Record::Org(o)) => ds.org(o).id.clone(),
        Some(Record::Person(p)) => ds.person(p).id.clone(),
        Some(Record::Event(e)) => ds.event(e).id.clone(),
        _ => "-".into(),
    }
}

use super::test_keys as keys;

/// The one key event `name` stands for, in the shared notation.
fn event_key(name: &str) -> KeyEvent {
    keys::parse(name)[0]
}

/// Sends messages, running searches synchronously as the event loop would.
fn send(app: &mut App, msg: Msg) {
    if let Some(Effect::Search { query, generation }) = update(app, msg) {
        let hits = app.data.index.search(&app.data.ds, &query, MAX_HITS);
        update(app, Msg::Hits { generation, hits });
    }
    check_invariants(app);
}

/// Presses keys, in the shared notation (`"jj<Enter><C-d>"`).
fn press(app: &mut App, keys: &str) {
    for k in keys::parse(keys) {
        send(app, Msg::Key(k));
    }
}

/// What must hold after every message.
fn check_invariants(app: &App) {
    let areas = app.areas();
    for pane in Pane::ALL {
        let (len, s) = (app.len(pane), app.list(pane));
        assert!(s.selected < len.max(1), "{pane:?} selection out of bounds");
        let rows = areas.rows(pane);
        if rows > 0 && len > 0 && !areas.too_small {
            assert!(
                s.offset <= s.selected && s.selected < s.offset + rows,
                "{pane:?} selection off screen"
            );
        }
    }
    if let Some(p) = app.person_filter {
        assert_eq!(app.event_rows.len(&app.data), {
            let events = &app.data.ds.person_events[p as usize];
            events
                .iter()
                .filter(|&&e| app.kind_filter.is_none_or(|k| app.data.ds.event(e).kind == k))
                .count()
        });
    }
}

fn timeline_ids(app: &App) -> Vec<String> {
    (0..app.len(Pane::Timeline))
        .map(|r| id_of(app, app.event_rows.get(&app.data, r).map(Record::Event)))
        .collect()
}

fn people_ids(app: &App) -> Vec<String> {
    (0..app.len(Pane::People))
        .map(|r| id_of(app, app.people_rows.get(&app.data, r).map(Record::Person)))
        .collect()
}

#[test]
fn starts_on_companies_sorted_by_name() {
    let a = app();
    assert_eq!(a.focus, Pane::Companies);
    assert_eq!(id_of(&a, a.detail_record()), "alpha");
    assert_eq!(people_ids(&a), ["ann", "bob", "cat"]);
    assert_eq!(timeline_ids(&a), ["e1", "e2", "e3", "e4", "e5", "e6"]);
    let ds = &a.data.ds;
    assert_eq!(
        ds.whereabouts(0).as_deref(),
        Some("ex-Beta Corp"),
        "Ann's last move was leaving Beta"
    );
    assert_eq!(ds.whereabouts(1).as_deref(), Some("Gamma"));
    assert_eq!(ds.whereabouts(2).as_deref(), Some("Gamma"), "Cat founded Gamma");
    assert_eq!(ds.org_people[2], [1, 2], "people ever at Gamma");
}

#[test]
fn focus_moves_with_tab_h_l_and_digits() {
    let mut a = app();
    press(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::People);
    press(&mut a, "l");
    assert_eq!(a.focus, Pane::Timeline);
    press(&mut a, "<Tab>");
    assert_eq!(a.focus, Pane::Companies);
    press(&mut a, "<BackTab>");
    assert_eq!(a.focus, Pane::Timeline);
    press(&mut a, "h");
    assert_eq!(a.focus, Pane::People);
    press(&mut a, "1");
    assert_eq!(a.focus, Pane::Companies);
    press(&mut a, "3");
    assert_eq!(a.focus, Pane::Timeline);
    press(&mut a, "2");
    assert_eq!(a.focus, Pane::People);
}

#[test]
fn j_k_and_arrows_move_within_bounds() {
    let mut a = app();
    press(&mut a, "jjjj");
    assert_eq!(a.list(Pane::Companies).selected, 2, "clamped at the last company");
    press(&mut a, "k<Up>");
    assert_eq!(a.list(Pane::Companies).selected, 0);
    press(&mut a, "<Up>");
    assert_eq!(a.list(Pane::Companies).selected, 0);
    press(&mut a, "<Down>");
    assert_eq!(id_of(&a, a.detail_record()), "beta");
}

#[test]
fn paging_and_first_last_on_a_long_list() {
    let ds = Dataset::embedded().unwrap();
    let mut a = App::new(Arc::new(Data::new(ds)), (120, 40));
    press(&mut a, "3");
    let rows = a.areas().rows(Pane::Timeline);
    let len = a.len(Pane::Timeline);
    press(&mut a, "<PgDn>");
    assert_eq!(a.list(Pane::Timeline).selected, rows);
    press(&mut a, "<PgUp>");
    assert_eq!(a.list(Pane::Timeline).selected, 0);
    press(&mut a, "<C-d>");
    assert_eq!(a.list(Pane::Timeline).selected, rows / 2);
    press(&mut a, "<C-u>");
    assert_eq!(a.list(Pane::Timeline).selected, 0);
    press(&mut a, "G");
    assert_eq!(a.list(Pane::Timeline).selected, len - 1);
    assert!(
        a.list(Pane::Timeline).offset > 0,
        "scrolled to keep the last row visible"
    );
    press(&mut a, "g");
    assert_eq!(a.list(Pane::Timeline).selected, 0);
    press(&mut a, "<End>");
    assert_eq!(a.list(Pane::Timeline).selected, len - 1);
    press(&mut a, "<Home>");
    assert_eq!(a.list(Pane::Timeline).selected, 0);
}

#[test]
fn selecting_a_company_filters_people_and_timeline_and_esc_clears() {
    let mut a = app();
    press(&mut a, "j<Enter>"); // Beta Corp
    assert_eq!(a.org_filter, Some(1));
    assert_eq!(people_ids(&a), ["ann"]);
    assert_eq!(timeline_ids(&a), ["e1", "e5", "e6"]);
    press(&mut a, "<Esc>");
    assert_eq!(a.org_filter, None);
    assert_eq!(people_ids(&a).len(), 3);
    press(&mut a, "k<Enter>"); // Alpha Lab
    assert_eq!(people_ids(&a), ["ann", "bob"]);
    press(&mut a, "x");
    assert_eq!(timeline_ids(&a).len(), 6);
    press(&mut a, "x");
    assert_eq!(a.note.as_deref(), Some("no filter to clear"));
}

#[test]
fn selecting_a_person_filters_the_timeline() {
    let mut a = app();
    press(&mut a, "2j<Enter>"); // Bob
    assert_eq!(a.person_filter, Some(1));
    assert_eq!(timeline_ids(&a), ["e2", "e4"]);
    assert_eq!(a.focus, Pane::People);
    press(&mut a, "3");
    assert_eq!(id_of(&a, a.detail_record()), "e2");
    // Company and person together: people at the company, timeline of the person.
    press(&mut a, "1<Enter>2j<Enter>");
    assert_eq!(a.org_filter, Some(0));
    assert_eq!(a.person_filter, Some(1));
    assert_eq!(timeline_ids(&a), ["e2", "e4"]);
}

#[test]
fn enter_on_an_event_offers_its_people_and_organizations() {
    let mut a = app();
    press(&mut a, "3<Enter>"); // e1: Ann, Alpha → Beta
    let Mode::Chooser { items, .. } = &a.mode else {
        panic!("{:?}", a.mode)
    };
    assert_eq!(items, &[Target::Person(0), Target::Org(0), Target::Org(1)]);
    press(&mut a, "p");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.focus, Pane::People);
    assert_eq!(id_of(&a, a.detail_record()), "ann");
    assert_eq!(a.person_filter, Some(0));
    press(&mut a, "<Bksp>");
    assert_eq!(a.focus, Pane::Timeline);
    assert_eq!(a.person_filter, None);
    press(&mut a, "<Enter>o");
    assert_eq!(a.focus, Pane::Companies);
    assert_eq!(id_of(&a, a.detail_record()), "alpha");
    assert_eq!(a.org_filter, Some(0));
    press(&mut a, "<C-o>3<Enter>jj<Enter>");
    assert_eq!(id_of(&a, a.detail_record()), "beta");
    press(&mut a, "<C-o>3<Enter><Esc>");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.focus, Pane::Timeline);
}

#[test]
fn back_walks_the_history_stack() {
    let mut a = app();
    press(&mut a, "j<Enter>2<Enter>");
    assert_eq!((a.org_filter, a.person_filter), (Some(1), Some(0)));
    press(&mut a, "<Bksp>");
    assert_eq!((a.org_filter, a.person_filter), (Some(1), None));
    press(&mut a, "<Bksp>");
    assert_eq!(
        (a.org_filter, a.person_filter, a.focus),
        (None, None, Pane::Companies)
    );
    assert_eq!(a.list(Pane::Companies).selected, 1, "selection restored");
    press(&mut a, "<Bksp>");
    assert_eq!(a.note.as_deref(), Some("nothing to go back to"));
}

#[test]
fn brackets_jump_by_year_and_braces_by_month() {
    let mut a = app();
    press(&mut a, "3]");
    assert_eq!(id_of(&a, a.detail_record()), "e3", "first event of 2021");
    press(&mut a, "]");
    assert_eq!(id_of(&a, a.detail_record()), "e6", "first event of 2023");
    press(&mut a, "]");
    assert_eq!(id_of(&a, a.detail_record()), "e6");
    assert_eq!(a.note.as_deref(), Some("no later events"));
    press(&mut a, "[");
    assert_eq!(id_of(&a, a.detail_record()), "e3");
    press(&mut a, "[[");
    assert_eq!(id_of(&a, a.detail_record()), "e1");
    press(&mut a, "}");
    assert_eq!(id_of(&a, a.detail_record()), "e2", "2019-03 → 2019-07");
    press(&mut a, "}}");
    assert_eq!(id_of(&a, a.detail_record()), "e4", "2021 (as January) → 2021-05");
    press(&mut a, "{");
    assert_eq!(id_of(&a, a.detail_record()), "e3");
    // Outside the timeline, brackets do nothing.
    press(&mut a, "1]");
    assert_eq!(a.list(Pane::Companies).selected, 0);
}

#[test]
fn t_jumps_to_a_typed_date() {
    let mut a = app();
    press(&mut a, "t");
    press(&mut a, "2021-05");
    press(&mut a, "<Enter>");
    assert_eq!(a.focus, Pane::Timeline);
    assert_eq!(id_of(&a, a.detail_record()), "e4");
    press(&mut a, "t");
    press(&mut a, "2030");
    press(&mut a, "<Enter>");
    assert_eq!(id_of(&a, a.detail_record()), "e6", "past the end: the last event");
    press(&mut a, "t");
    press(&mut a, "2021-13");
    press(&mut a, "<Enter>");
    let Mode::Prompt { error, .. } = &a.mode else {
        panic!()
    };
    assert_eq!(error.as_deref(), Some("date `2021-13` has no month 13"));
    press(&mut a, "<Bksp><Bksp><Bksp><Esc>");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(id_of(&a, a.detail_record()), "e6", "cancel leaves the selection");
    press(&mut a, "t");
    press(&mut a, "2019!?/");
    let Mode::Prompt { input, .. } = &a.mode else {
        panic!()
    };
    assert_eq!(input, "2019", "only what a date or range holds is typed");
}

#[test]
fn search_updates_per_keystroke_and_enter_focuses_and_filters() {
    let mut a = app();
    press(&mut a, "/");
    let effect = update(&mut a, Msg::Key(event_key("b")));
    assert_eq!(
        effect,
        Some(Effect::Search {
            query: "b".into(),
            generation: 1
        })
    );
    press(&mut a, "ob jnes");
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.query, "bob jnes");
    assert!(!s.pending);
    assert_eq!(s.hits[0].target, Record::Person(1));
    press(&mut a, "<Enter>");
    assert_eq!(a.focus, Pane::People);
    assert_eq!(id_of(&a, a.detail_record()), "bob");
    assert_eq!(a.person_filter, Some(1));
    assert_eq!(timeline_ids(&a), ["e2", "e4"]);
}

#[test]
fn search_esc_cancels_and_keeps_the_view() {
    let mut a = app();
    press(&mut a, "j<Enter>/");
    press(&mut a, "cat");
    press(&mut a, "<Down><Up><Esc>");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.org_filter, Some(1));
    assert_eq!(a.focus, Pane::Companies);
    assert!(a.hits.is_empty(), "a cancelled search leaves nothing for n");
}

#[test]
fn search_editing_keys() {
    let mut a = app();
    press(&mut a, "/");
    press(&mut a, "ann smith");
    press(&mut a, "<C-w>");
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.query, "ann ");
    press(&mut a, "<Bksp>");
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!(s.query, "ann");
    press(&mut a, "<C-u>");
    let Mode::Search(s) = &a.mode else { panic!() };
    assert_eq!((s.query.as_str(), s.hits.len()), ("", 0));
    press(&mut a, "q"); // letters are text here, not "quit"
    assert!(!a.quit);
}

#[test]
fn stale_search_results_are_dropped() {
    let mut a = app();
    press(&mut a, "/");
    update(&mut a, Msg::Key(event_key("a")));
    update(&mut a, Msg::Key(event_key("n")));
    let old = a.data.index.search(&a.data.ds, "a", MAX_HITS);
    update(
        &mut a,
        Msg::Hits {
            generation: 1,
            hits: old,
        },
    );
    let Mode::Search(s) = &a.mode else { panic!() };
    assert!(s.hits.is_empty() && s.pending, "generation 1 is older than 2");
}

#[test]
fn n_and_shift_n_cycle_results_after_closing() {
    let mut a = app();
    press(&mut a, "n");
    assert_eq!(a.note.as_deref(), Some("no search results: press / to search"));
    press(&mut a, "/");
    press(&mut a, "gamma");
    press(&mut a, "<Enter>");
    let first = a.detail_record();
    let total = a.hits.len();
    assert!(total >= 2, "Gamma and the events mentioning it");
    press(&mut a, "n");
    assert_ne!(a.detail_record(), first);
    assert_eq!(a.note, Some(format!("result 2/{total}")));
    press(&mut a, "N");
    assert_eq!(a.detail_record(), first);
    press(&mut a, "N");
    assert_eq!(a.note, Some(format!("result {total}/{total}")), "wraps around");
}

#[test]
fn f_filters_the_timeline_by_kind() {
    let mut a = app();
    press(&mut a, "fj<Enter>"); // first kind: hire
    assert_eq!(a.kind_filter, Some(EventKind::Hire));
    assert_eq!(timeline_ids(&a), ["e1", "e4"]);
    press(&mut a, "2j<Enter>"); // Bob, hires only
    assert_eq!(timeline_ids(&a), ["e4"]);
    press(&mut a, "f");
    let Mode::Kinds { list } = &a.mode else { panic!() };
    assert_eq!(list.selected, 1, "the current kind is preselected");
    press(&mut a, "k<Enter>");
    assert_eq!(a.kind_filter, None);
    assert_eq!(timeline_ids(&a), ["e2", "e4"]);
    press(&mut a, "f<Esc>");
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app();
    press(&mut a, "?");
    assert_eq!(a.mode, Mode::Help { scroll: 0 });
    press(&mut a, "jjk");
    assert_eq!(a.mode, Mode::Help { scroll: 1 });
    press(&mut a, "<Esc><F1>");
    assert_eq!(a.mode, Mode::Help { scroll: 0 });
    press(&mut a, "?");
    assert_eq!(a.mode, Mode::Browse);
    assert!(!a.quit);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app();
    press(&mut a, "q");
    assert!(a.quit);
    let mut a = app();
    press(&mut a, "/<C-c>");
    assert!(a.quit, "Ctrl-c quits from anywhere");
    let mut a = app();
    send(&mut a, Msg::Signal);
    assert!(a.quit);
}

#[test]
fn mouse_click_selects_and_focuses_and_wheel_scrolls_under_the_pointer() {
    let ds = Dataset::embedded().unwrap();
    let mut a = App::new(Arc::new(Data::new(ds)), (120, 40));
    let areas = a.areas();
    let mouse = |kind, column, row| {
        Msg::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let people = areas.people;
    send(
        &mut a,
        mouse(
            MouseEventKind::Down(MouseButton::Left),
            people.x + 3,
            people.y + 3,
        ),
    );
    assert_eq!(a.focus, Pane::People);
    assert_eq!(a.list(Pane::People).selected, 2);
    let tl = areas.timeline;
    send(&mut a, mouse(MouseEventKind::ScrollDown, tl.x + 5, tl.y + 5));
    assert_eq!(a.list(Pane::Timeline).selected, 3);
    assert_eq!(a.focus, Pane::People, "the wheel does not steal focus");
    send(&mut a, mouse(MouseEventKind::ScrollUp, tl.x + 5, tl.y + 5));
    assert_eq!(a.list(Pane::Timeline).selected, 0);
    // A click on a border or outside any pane changes nothing.
    send(
        &mut a,
        mouse(MouseEventKind::Down(MouseButton::Left), people.x + 3, people.y),
    );
    assert_eq!(a.list(Pane::People).selected, 2);
    send(&mut a, mouse(MouseEventKind::Down(MouseButton::Left), 0, 0));
    assert_eq!(a.focus, Pane::People);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let ds = Dataset::embedded().unwrap();
    let mut a = App::new(Arc::new(Data::new(ds)), (120, 40));
    press(&mut a, "3G");
    send(&mut a, Msg::Resize(80, 24));
    assert_eq!(a.size, (80, 24));
    send(&mut a, Msg::Resize(1, 1));
    send(&mut a, Msg::Resize(200, 60));
    press(&mut a, "k");
}

#[test]
fn key_releases_are_ignored() {
    let mut a = app();
    let mut release = event_key("j");
    release.kind = KeyEventKind::Release;
    send(&mut a, Msg::Key(release));
    assert_eq!(a.list(Pane::Companies).selected, 0);
}

#[test]
fn help_scroll_stops_at_its_last_line() {
    let mut a = app();
    a.size = (80, 24);
    press(&mut a, "?");
    for _ in 0..300 {
        press(&mut a, "j");
    }
    let Mode::Help { scroll: bottom } = a.mode else {
        panic!("help closed")
    };
    assert!(bottom > 0 && bottom < 100, "scrolled to {bottom}");
    press(&mut a, "k");
    assert_eq!(a.mode, Mode::Help { scroll: bottom - 1 }, "one k moves the view");
    // A taller terminal shows more, so the bound shrinks with it.
    send(&mut a, Msg::Resize(120, 40));
    let Mode::Help { scroll } = a.mode else { panic!() };
    assert!(scroll < bottom - 1, "{scroll}");
}

#[test]
fn search_and_date_inputs_edit_whole_graphemes() {
    let query = |a: &App| match &a.mode {
        Mode::Search(s) => s.query.clone(),
        other => panic!("{other:?}"),
    };
    let mut a = app();
    press(&mut a, "/");
    press(&mut a, "🇫🇷x");
    press(&mut a, "<Bksp>");
    assert_eq!(query(&a), "🇫🇷");
    press(&mut a, "<Bksp>");
    assert_eq!(query(&a), "", "a flag goes in one Backspace");
    press(&mut a, "🇫🇷x");
    press(&mut a, "<C-u>");
    assert_eq!(query(&a), "");
    press(&mut a, "e\u{301}");
    press(&mut a, "<Bksp>");
    assert_eq!(query(&a), "");
    press(&mut a, "<Esc>t");
    press(&mut a, "2021-05");
    press(&mut a, "<Bksp><Bksp>");
    assert!(matches!(&a.mode, Mode::Prompt { input, .. } if input == "2021-"));
}

#[test]
fn the_shared_key_notation_mixes_text_and_names() {
    let ks = keys::parse("j<Enter>A<C-d>\x1b<lt>");
    let codes: Vec<KeyCode> = ks.iter().map(|k| k.code).collect();
    assert_eq!(
        codes,
        [
            KeyCode::Char('j'),
            KeyCode::Enter,
            KeyCode::Char('A'),
            KeyCode::Char('d'),
            KeyCode::Esc,
            KeyCode::Char('<')
        ]
    );
    assert_eq!(ks[3].modifiers, KeyModifiers::CONTROL);
    assert_eq!(ks[2].modifiers, KeyModifiers::SHIFT);
}
