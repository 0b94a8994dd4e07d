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
        let hits = app.data.index().search(&app.data.ds, &query, MAX_HITS);
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
    assert!(a.detail.focused, "Detail comes after Timeline");
    press(&mut a, "<Tab>");
    assert_eq!((a.focus, a.detail.focused), (Pane::Companies, false));
    press(&mut a, "<BackTab>");
    assert!(a.detail.focused, "and before Companies");
    press(&mut a, "<BackTab>");
    assert_eq!((a.focus, a.detail.focused), (Pane::Timeline, false));
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
    let old = a.data.index().search(&a.data.ds, "a", MAX_HITS);
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

/// The help overlay's scroll, if it is open.
fn help_scroll(a: &App) -> Option<usize> {
    match &a.mode {
        Mode::Help(h) => Some(h.scroll),
        _ => None,
    }
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app();
    press(&mut a, "?");
    assert_eq!(help_scroll(&a), Some(0));
    press(&mut a, "jjk");
    assert_eq!(help_scroll(&a), Some(1));
    press(&mut a, "<Esc><F1>");
    assert_eq!(help_scroll(&a), Some(0));
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
    let Some(bottom) = help_scroll(&a) else {
        panic!("help closed")
    };
    assert!(bottom > 0 && bottom < 150, "scrolled to {bottom}");
    press(&mut a, "k");
    assert_eq!(help_scroll(&a), Some(bottom - 1), "one k moves the view");
    // A taller terminal shows more, so the bound shrinks with it.
    send(&mut a, Msg::Resize(120, 40));
    let Some(scroll) = help_scroll(&a) else { panic!() };
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

#[test]
fn search_results_are_grouped_by_kind_best_group_first() {
    let mut a = app();
    // "gamma" names an organization and is in several event summaries.
    press(&mut a, "/gamma");
    let Mode::Search(s) = &a.mode else { panic!() };
    let kinds: Vec<RecordKind> = s.hits.iter().map(|h| RecordKind::of(h.target)).collect();
    assert_eq!(kinds[0], RecordKind::Org, "{kinds:?}");
    // Each kind forms one run, and the counts say how long.
    let mut runs: Vec<(RecordKind, usize)> = Vec::new();
    for k in kinds {
        match runs.last_mut() {
            Some((last, n)) if *last == k => *n += 1,
            _ => runs.push((k, 1)),
        }
    }
    assert_eq!(runs, s.groups);
    assert!(s.groups.len() >= 2, "{:?}", s.groups);
    assert_eq!(RecordKind::Org.count(1), "companies (1)");
    assert_eq!(RecordKind::Event.count(3), "events (3)");
}

#[test]
fn enter_on_a_source_jumps_to_the_first_event_it_supports() {
    let mut a = app();
    a.jump_to(Record::Source(0));
    assert_eq!(a.focus, Pane::Timeline);
    assert_eq!(id_of(&a, a.detail_record()), timeline_ids(&a)[0]);
    assert_eq!(a.note.as_deref(), Some("source `s` supports 6 events"));
}

fn period_label(app: &App) -> Option<String> {
    app.period_filter.map(|p| p.label())
}

#[test]
fn p_keeps_the_timeline_to_the_month_then_the_year_then_all_time() {
    let mut a = app();
    press(&mut a, "3jjj");
    assert_eq!(id_of(&a, a.detail_record()), "e4", "2021-05");
    press(&mut a, "p");
    assert_eq!(period_label(&a).as_deref(), Some("2021-05"));
    assert_eq!(
        timeline_ids(&a),
        ["e3", "e4", "e5"],
        "the year-only 2021 event stays, marked, in May 2021"
    );
    assert_eq!(id_of(&a, a.detail_record()), "e4", "the selection stays");
    press(&mut a, "p");
    assert_eq!(period_label(&a).as_deref(), Some("2021"));
    assert_eq!(timeline_ids(&a), ["e3", "e4", "e5"]);
    press(&mut a, "p");
    assert_eq!(a.period_filter, None);
    assert_eq!(timeline_ids(&a), ["e1", "e2", "e3", "e4", "e5", "e6"]);
    assert_eq!(id_of(&a, a.detail_record()), "e4");
    press(&mut a, "<Bksp>");
    assert_eq!(
        period_label(&a).as_deref(),
        Some("2021"),
        "back restores the period"
    );
}

#[test]
fn p_on_a_year_only_event_takes_its_year_and_esc_or_x_clears_it() {
    let mut a = app();
    press(&mut a, "3jj");
    assert_eq!(id_of(&a, a.detail_record()), "e3", "dated 2021");
    press(&mut a, "p");
    assert_eq!(period_label(&a).as_deref(), Some("2021"));
    press(&mut a, "<Esc>");
    assert_eq!(a.period_filter, None, "Esc clears the period with the filters");
    assert_eq!(a.note, None);
    press(&mut a, "f<Down><Enter>p");
    assert!(a.kind_filter.is_some() && a.period_filter.is_some());
    press(&mut a, "x");
    assert_eq!((a.kind_filter, a.period_filter), (None, None), "x clears both");
    press(&mut a, "x");
    assert_eq!(a.note.as_deref(), Some("no filter to clear"));
}

#[test]
fn p_works_only_on_the_timeline() {
    let mut a = app();
    press(&mut a, "p");
    assert_eq!(a.period_filter, None, "p is a timeline key");
    press(&mut a, "3p");
    assert!(a.period_filter.is_some());
}

#[test]
fn the_date_prompt_takes_short_forms_month_names_and_ranges() {
    for typed in ["2021-5", "2021-05", "may 2021", "May 2021", "2021 may"] {
        let mut a = app();
        press(&mut a, &format!("t{typed}<Enter>"));
        assert_eq!(a.mode, Mode::Browse, "{typed}");
        assert_eq!(id_of(&a, a.detail_record()), "e4", "{typed}");
        assert_eq!(a.period_filter, None, "a date jumps, it does not filter");
    }
    let mut a = app();
    press(&mut a, "t2019-03..2019-07<Enter>");
    assert_eq!(period_label(&a).as_deref(), Some("2019-03..2019-07"));
    assert_eq!(timeline_ids(&a), ["e1", "e2"]);
    assert_eq!(a.focus, Pane::Timeline);
    assert_eq!(a.list(Pane::Timeline).selected, 0);
    press(&mut a, "tfrom 2021 to 2021-05<Enter>");
    assert_eq!(timeline_ids(&a), ["e3", "e4", "e5"]);
    press(&mut a, "tto 2019<Enter>");
    assert_eq!(period_label(&a).as_deref(), Some("to 2019"));
    assert_eq!(timeline_ids(&a), ["e1", "e2"]);
    press(&mut a, "t2023..<Enter>");
    assert_eq!(timeline_ids(&a), ["e6"]);
    press(&mut a, "t2030..<Enter>");
    assert_eq!(timeline_ids(&a), Vec::<String>::new());
    assert_eq!(a.note.as_deref(), Some("no events in from 2030"));
    press(&mut a, "t2021-05..2019<Enter>");
    let Mode::Prompt { error, .. } = &a.mode else {
        panic!("an impossible range keeps the prompt open")
    };
    assert!(error.as_deref().is_some_and(|e| e.contains("before it starts")));
    press(&mut a, "<Esc><Esc>");
    assert_eq!(a.period_filter, None);
    assert_eq!(timeline_ids(&a).len(), 6);
}

#[test]
fn jumps_put_the_target_row_at_the_top_of_the_pane() {
    let ds = Dataset::embedded().unwrap();
    let mut a = App::new(Arc::new(Data::new(ds)), (120, 40));
    let top = |a: &App| {
        let s = a.list(Pane::Timeline);
        (s.offset == s.selected, s.selected)
    };
    press(&mut a, "3t2015<Enter>");
    let (at_top, row) = top(&a);
    assert!(row > 3 && at_top, "t: row {row} at the top");
    press(&mut a, "]");
    let (at_top, next) = top(&a);
    assert!(next > row && at_top, "]: row {next} at the top");
    press(&mut a, "}");
    assert!(top(&a).0, "}}");
    press(&mut a, "[");
    assert!(top(&a).0, "[");
    press(&mut a, "{");
    assert!(top(&a).0, "{{");
    press(&mut a, "j");
    let s = *a.list(Pane::Timeline);
    assert_eq!(s.selected, s.offset + 1, "moving on does not scroll at once");
    press(&mut a, "G");
    let s = *a.list(Pane::Timeline);
    let rows = a.areas().rows(Pane::Timeline);
    assert_eq!(
        s.offset,
        a.len(Pane::Timeline) - rows,
        "the end is never scrolled past"
    );
}

#[test]
fn m_sets_a_mark_by_id_and_quote_goes_back_to_it() {
    let mut a = app();
    press(&mut a, "j<Enter>3j"); // Beta Corp; its second event
    let place = (a.focus, a.org_filter, id_of(&a, a.detail_record()));
    press(&mut a, "m");
    assert_eq!(a.mode, Mode::Mark { set: true });
    let effect = update(&mut a, Msg::Key(event_key("a")));
    let Some(Effect::SaveMarks(saved)) = effect else {
        panic!("setting a mark asks the loop to save: {effect:?}")
    };
    assert_eq!(saved, a.marks);
    let mark = &saved.marks[&'a'];
    assert_eq!(mark.pane, "timeline");
    assert_eq!(mark.org.as_deref(), Some("beta"));
    assert_eq!(mark.selected[2].as_deref(), Some(place.2.as_str()));
    assert_eq!(a.note.as_deref(), Some("mark 'a' set"));
    press(&mut a, "x1gj"); // somewhere else
    assert_ne!((a.focus, a.org_filter), (place.0, place.1));
    let before = (a.focus, a.org_filter, id_of(&a, a.detail_record()));
    assert_eq!(update(&mut a, Msg::Key(event_key("'"))), None);
    press(&mut a, "a");
    assert_eq!((a.focus, a.org_filter, id_of(&a, a.detail_record())), place);
    assert_eq!(a.note.as_deref(), Some("mark 'a'"));
    press(&mut a, "<Bksp>");
    assert_eq!(
        (a.focus, a.org_filter, id_of(&a, a.detail_record())),
        before,
        "a mark is a jump: Backspace returns"
    );
    press(&mut a, "'z");
    assert_eq!(a.note.as_deref(), Some("no mark 'z'"));
    press(&mut a, "m<Esc>");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.marks, saved, "Esc sets nothing");
    press(&mut a, "m1");
    assert_eq!(a.note.as_deref(), Some("a mark is named by a letter, a-z or A-Z"));
    assert_eq!(a.marks, saved);
}

#[test]
fn marks_keep_the_period_and_kind_and_survive_edits_to_the_data() {
    let mut a = app();
    press(&mut a, "3jjjpf<Down><Enter>");
    assert!(a.period_filter.is_some() && a.kind_filter.is_some());
    press(&mut a, "mq");
    let saved = a.marks.clone();
    // The same data with an event added before the marked one: rows move,
    // ids do not.
    let events = format!(
        "- {{id: e0, date: 2018, kind: statement, people: [ann], orgs: [beta], summary: Early., sources: [s]}}\n{EVENTS}"
    );
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events: &events,
    };
    let edited = Arc::new(Data::new(load("fixture", &files, "").unwrap()));
    let mut b = App::new(edited, (120, 40));
    b.adopt_marks(saved, None);
    assert_eq!(b.note, None, "nothing stale");
    press(&mut b, "'q");
    assert_eq!(b.focus, Pane::Timeline);
    assert_eq!(id_of(&b, b.detail_record()), id_of(&a, a.detail_record()));
    assert_eq!((b.period_filter, b.kind_filter), (a.period_filter, a.kind_filter));
}

#[test]
fn a_stale_mark_is_kept_with_a_note_and_a_load_note_is_shown() {
    let mut a = app();
    press(&mut a, "2jj<Enter>ma3mb"); // Cat filtered; then the timeline
    let saved = a.marks.clone();
    assert_eq!(saved.marks.len(), 2);
    // Cat is gone from the edited data, with her events.
    let people = PEOPLE.replace(
        "- {id: cat, name: Cat Wu, aliases: [Catherine], summary: C., sources: [s]}\n",
        "",
    );
    let events: String = EVENTS
        .lines()
        .filter(|l| !l.contains("[cat]"))
        .map(|l| format!("{l}\n"))
        .collect();
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: &people,
        events: &events,
    };
    let edited = Arc::new(Data::new(load("fixture", &files, "").unwrap()));
    let mut b = App::new(Arc::clone(&edited), (120, 40));
    b.adopt_marks(saved.clone(), None);
    assert_eq!(
        b.note.as_deref(),
        Some("marks 'a', 'b' point at records not in this dataset; kept")
    );
    assert_eq!(
        b.marks, saved,
        "kept, to be saved back and used where they resolve"
    );
    press(&mut b, "'a");
    assert_eq!(
        b.note.as_deref(),
        Some("mark 'a' points at records not in this dataset")
    );
    // Back in the dataset that has Cat, they work again.
    let mut back = app();
    back.adopt_marks(b.marks.clone(), None);
    assert_eq!(back.note, None);
    press(&mut back, "'a");
    assert_eq!(back.note.as_deref(), Some("mark 'a'"));
    let mut one = saved;
    one.marks.remove(&'b');
    let mut c = App::new(edited, (120, 40));
    c.adopt_marks(one.clone(), None);
    assert_eq!(
        c.note.as_deref(),
        Some("mark 'a' points at records not in this dataset; kept")
    );
    let mut odd = one.clone();
    odd.marks.insert('\x1b', odd.marks[&'a'].clone());
    let mut e = app();
    e.adopt_marks(odd, None);
    assert_eq!(
        e.note.as_deref(),
        Some("mark '\\u{1b}' is not named by a letter; ignored"),
        "a mark not named by a letter is dropped, its name shown harmlessly"
    );
    assert_eq!(e.marks, one);
    let mut d = app();
    d.adopt_marks(one.clone(), Some("marks file x is corrupt; ignored".into()));
    assert_eq!(d.note.as_deref(), Some("marks file x is corrupt; ignored"));
    assert_eq!(d.marks, one, "valid marks are kept");
    press(&mut d, "j");
    assert_eq!(d.note, None, "the note goes with the next key");
}

#[test]
fn a_failed_save_is_noted_in_the_status_line() {
    let mut a = app();
    update(&mut a, Msg::Note("marks not saved: \x1b[31mdisk full".into()));
    assert_eq!(a.note.as_deref(), Some("marks not saved: \\u{1b}[31mdisk full"));
}

#[test]
fn backspace_and_ctrl_f_walk_the_jump_list_both_ways() {
    let mut a = app();
    press(&mut a, "<Enter>"); // Alpha
    press(&mut a, "j<Enter>"); // Beta
    press(&mut a, "j<Enter>"); // Gamma
    assert_eq!(a.org_filter, Some(2));
    press(&mut a, "<C-f>");
    assert_eq!(a.note.as_deref(), Some("nothing to go forward to"));
    press(&mut a, "<Bksp><C-o>");
    assert_eq!(a.org_filter, Some(0));
    press(&mut a, "<C-f>");
    assert_eq!(a.org_filter, Some(1));
    press(&mut a, "<C-f>");
    assert_eq!(a.org_filter, Some(2));
    assert_eq!(a.list(Pane::Companies).selected, 2);
    press(&mut a, "<Bksp><Bksp><Bksp>");
    assert_eq!(a.org_filter, None, "back to the start");
    press(&mut a, "<Bksp>");
    assert_eq!(a.note.as_deref(), Some("nothing to go back to"));
    press(&mut a, "<C-f><C-f>");
    assert_eq!(a.org_filter, Some(1));
    press(&mut a, "3"); // moving inside a pane is not a jump
    press(&mut a, "<C-f>");
    assert_eq!(a.org_filter, Some(2));
    press(&mut a, "<Bksp><Bksp>");
    assert_eq!(a.org_filter, Some(0));
    press(&mut a, "2<Enter>"); // a new jump forgets the way forward
    press(&mut a, "<C-f>");
    assert_eq!(a.note.as_deref(), Some("nothing to go forward to"));
}

#[test]
fn the_jump_list_is_bounded_both_ways() {
    let mut a = app();
    for i in 0..(state::MAX_HISTORY + 50) {
        press(&mut a, if i % 2 == 0 { "g<Enter>" } else { "j<Enter>" });
    }
    assert_eq!(a.history.len(), state::MAX_HISTORY);
    for _ in 0..state::MAX_HISTORY {
        press(&mut a, "<Bksp>");
        assert_eq!(a.note, None);
    }
    press(&mut a, "<Bksp>");
    assert_eq!(a.note.as_deref(), Some("nothing to go back to"));
    assert_eq!(a.forward.len(), state::MAX_HISTORY);
    for _ in 0..state::MAX_HISTORY {
        press(&mut a, "<C-f>");
        assert_eq!(a.note, None);
    }
    press(&mut a, "<C-f>");
    assert_eq!(a.note.as_deref(), Some("nothing to go forward to"));
    assert_eq!(a.history.len(), state::MAX_HISTORY);
}

#[test]
fn ctrl_z_asks_the_event_loop_to_suspend_in_every_mode() {
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    for keys in ["", "/ab", "?", "t20"] {
        let mut a = app();
        press(&mut a, keys);
        let before = a.mode.clone();
        assert_eq!(
            update(&mut a, Msg::Key(ctrl_z)),
            Some(Effect::Suspend),
            "{keys:?}"
        );
        assert_eq!(a.mode, before, "suspending changes nothing: {keys:?}");
    }
    // A plain z is no suspend.
    let mut a = app();
    assert_eq!(update(&mut a, Msg::Key(event_key("z"))), None);
}

fn embedded_app() -> App {
    App::new(Arc::new(Data::new(Dataset::embedded().unwrap())), (120, 40))
}

fn source_row(app: &App, id: &str) -> usize {
    app.data.ds.sources.iter().position(|s| s.id == id).unwrap()
}

#[test]
fn sources_view_opens_and_closes_with_the_panes_intact() {
    let mut app = embedded_app();
    press(&mut app, "2jj");
    let (lists, focus) = (app.lists, app.focus);
    press(&mut app, "S");
    assert_eq!(
        app.mode,
        Mode::Sources {
            list: Default::default()
        }
    );
    assert_eq!(app.ctx(), crate::tui::keymap::Ctx::Sources);
    press(&mut app, "jj");
    assert!(matches!(&app.mode, Mode::Sources { list } if list.selected == 2));
    press(&mut app, "k\x1b");
    assert_eq!(
        (app.mode.clone(), app.lists, app.focus),
        (Mode::Browse, lists, focus)
    );
    press(&mut app, "SS");
    assert_eq!(app.mode, Mode::Browse, "S closes the view too");
    assert_eq!(app.source_filter, None);
}

#[test]
fn enter_on_a_source_filters_every_pane_and_esc_clears_it() {
    let mut app = embedded_app();
    let row = source_row(&app, "musk-vs-ai-giants");
    press(&mut app, "S");
    for _ in 0..row {
        press(&mut app, "j");
    }
    press(&mut app, "\n");
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(app.source_filter, Some(row as u32));
    let sup = app.data.ds.source_support[row].clone();
    assert_eq!(app.len(Pane::Timeline), sup.events.len());
    assert_eq!(app.len(Pane::People), sup.people.len());
    assert_eq!(app.len(Pane::Companies), sup.orgs.len());
    assert!(sup.events.len() < app.data.ds.events.len());
    for r in 0..app.len(Pane::Timeline) {
        let e = app.event_rows.get(&app.data, r).unwrap();
        assert!(app.data.ds.event(e).sources.contains(&(row as u32)));
    }
    // The sparkline counts only what is listed.
    let twelfths = 12 * sup.events.len() as u64;
    assert_eq!(app.density.counts(10_000).iter().sum::<u64>(), twelfths);
    // Reopening selects the source in force.
    press(&mut app, "S");
    assert!(matches!(&app.mode, Mode::Sources { list } if list.selected == row));
    press(&mut app, "\x1b\x1b");
    assert_eq!(app.source_filter, None);
    assert_eq!(app.len(Pane::Timeline), app.data.ds.events.len());
    press(&mut app, "\x7f");
    assert_eq!(app.source_filter, Some(row as u32), "Backspace brings it back");
}

#[test]
fn s_cycles_the_companies_order_keeping_the_selection() {
    let mut app = embedded_app();
    press(&mut app, "jjj");
    let kept = app.selected_org();
    let moves = |app: &App, r: usize| {
        let (into, out) = app.data.ds.org_moves[app.org_rows[r] as usize];
        (into.count, out.count)
    };
    press(&mut app, "s");
    assert_eq!(app.org_order, OrgOrder::Arrivals);
    assert_eq!(app.selected_org(), kept);
    assert!((1..app.org_rows.len()).all(|r| moves(&app, r - 1).0 >= moves(&app, r).0));
    press(&mut app, "s");
    assert_eq!(app.org_order, OrgOrder::Departures);
    assert!((1..app.org_rows.len()).all(|r| moves(&app, r - 1).1 >= moves(&app, r).1));
    press(&mut app, "s");
    assert_eq!(app.org_order, OrgOrder::Net);
    let net = |m: (u32, u32)| i64::from(m.0) - i64::from(m.1);
    assert!((1..app.org_rows.len()).all(|r| net(moves(&app, r - 1)) >= net(moves(&app, r))));
    press(&mut app, "s");
    assert_eq!(app.org_order, OrgOrder::Name);
    assert_eq!(app.org_rows, app.data.ds.orgs_by_name);
    assert_eq!(app.selected_org(), kept);
}

/// Selects OpenAI, whose Detail is long, in Companies.
fn select_openai(app: &mut App) {
    let ds = &app.data.ds;
    let openai = ds
        .orgs_by_name
        .iter()
        .position(|&o| ds.org(o).id == "openai")
        .unwrap();
    for _ in 0..openai {
        press(app, "j");
    }
}

#[test]
fn detail_takes_the_focus_scrolls_within_bounds_and_zooms() {
    let mut app = embedded_app();
    select_openai(&mut app);
    press(&mut app, "4");
    assert!(app.detail.focused);
    assert_eq!(app.focus, Pane::Companies, "Detail still shows the company");
    let lists = app.lists;
    press(&mut app, "jjj");
    assert_eq!(app.detail.scroll, 3);
    assert_eq!(app.lists, lists, "j scrolls Detail, not the list");
    press(&mut app, "k");
    assert_eq!(app.detail.scroll, 2);
    press(&mut app, "G");
    let width = usize::from(app.detail_area().width - 2);
    let height = usize::from(app.detail_area().height - 2);
    let max = app.detail_rows(width) - height;
    assert_eq!(app.detail.scroll, max, "bounded by the content");
    assert!(max > 10);
    press(&mut app, "z");
    let zoomed = |app: &App| {
        let area = app.detail_area();
        app.detail_rows(usize::from(area.width - 2)) - usize::from(area.height - 2)
    };
    assert_eq!(app.detail.scroll, zoomed(&app), "a bigger view scrolls less");
    press(&mut app, "jj");
    assert_eq!(app.detail.scroll, zoomed(&app), "stays bounded");
    press(&mut app, "z");
    press(&mut app, "jj<PgDn><PgDn>");
    assert_eq!(app.detail.scroll, max);
    press(&mut app, "g");
    assert_eq!(app.detail.scroll, 0);
    press(&mut app, "z");
    assert!(app.detail.zoom && app.detail.focused);
    assert!(app.detail_area().height > app.areas().detail.height);
    press(&mut app, "z");
    assert!(!app.detail.zoom && app.detail.focused);
    press(&mut app, "\t");
    assert!(!app.detail.focused);
    assert_eq!(app.focus, Pane::Companies, "Tab from Detail wraps to Companies");
    press(&mut app, "3\t");
    assert!(app.detail.focused, "Tab from Timeline reaches Detail");
    press(&mut app, "<BackTab>");
    assert_eq!((app.detail.focused, app.focus), (false, Pane::Timeline));
    press(&mut app, "z");
    assert!(app.detail.zoom);
    press(&mut app, "1");
    assert_eq!(app.detail, Default::default());
    assert_eq!(app.focus, Pane::Companies);
}

#[test]
fn detail_scroll_resets_when_the_selection_changes() {
    let mut app = embedded_app();
    select_openai(&mut app);
    press(&mut app, "4jjj");
    assert_eq!(app.detail.scroll, 3);
    press(&mut app, "\tj");
    assert_eq!(app.detail.scroll, 0);
}

/// What `Enter` applied: the filters and the rows they leave.
fn applied(a: &App) -> (String, bool, String, Option<u32>, Vec<String>, Vec<String>) {
    (
        id_of(a, a.org_filter.map(Record::Org)),
        a.org_family,
        id_of(a, a.person_filter.map(Record::Person)),
        a.source_filter,
        people_ids(a),
        timeline_ids(a),
    )
}

#[test]
fn a_second_enter_on_a_filtered_company_never_narrows_it() {
    let mut a = embedded_app();
    press(&mut a, "/meta<Enter>");
    assert_eq!(id_of(&a, a.org_filter.map(Record::Org)), "meta");
    let with_children = applied(&a);
    assert!(with_children.1, "Meta with its children");
    press(&mut a, "<Enter>");
    assert_eq!(applied(&a), with_children, "Enter again keeps the filter");
    assert_eq!(a.note.as_deref(), Some("already filtered by Meta · c: alone"));
    // Its own key switches the children out and in.
    press(&mut a, "c");
    assert!(!a.org_family && a.org_filter == Some(a.selected_org().unwrap()));
    let alone = applied(&a);
    assert!(alone.5.len() < with_children.5.len(), "fewer events alone");
    press(&mut a, "<Enter>");
    assert_eq!(applied(&a), alone, "Enter keeps Meta alone too");
    assert_eq!(
        a.note.as_deref(),
        Some("already filtered by Meta · c: with children")
    );
    press(&mut a, "c");
    assert_eq!(applied(&a), with_children);
    press(&mut a, "<Bksp>");
    assert_eq!(applied(&a), alone, "the switch is a step of the jump list");
}

#[test]
fn c_says_why_when_there_is_nothing_to_switch() {
    let mut a = app();
    // Without a company filter, `c` switches the Companies figures.
    press(&mut a, "c");
    assert_eq!(a.note.as_deref(), Some("Companies: figures alone"));
    assert!(!a.org_family);
    press(&mut a, "c");
    assert_eq!(
        a.note.as_deref(),
        Some("Companies: figures with their children (*)")
    );
    press(&mut a, "c<Enter>c");
    assert!(a.org_family, "a company filter takes its children again");
    assert_eq!(a.note.as_deref(), Some("Alpha Lab has no child organizations"));
    assert!(a.org_family);
    press(&mut a, "<Enter>");
    assert_eq!(a.note.as_deref(), Some("already filtered by Alpha Lab"));
}

#[test]
fn enter_on_a_search_result_applies_what_enter_in_its_pane_applies() {
    // A company: the same filter as Enter on its row.
    let (mut searched, mut entered) = (app(), app());
    press(&mut searched, "3/beta corp<Enter>");
    press(&mut entered, "1j<Enter>");
    assert_eq!(applied(&searched), applied(&entered));
    assert_eq!(searched.focus, Pane::Companies);
    // A person, under a company filter that lists them: the filter stays,
    // as Enter on their row in People leaves it.
    let (mut searched, mut entered) = (app(), app());
    press(&mut searched, "1<Enter>/bob jones<Enter>");
    press(&mut entered, "1<Enter>2j<Enter>");
    assert_eq!(applied(&searched), applied(&entered));
    assert_eq!(id_of(&searched, searched.detail_record()), "bob");
    // A source: the filter Enter applies in the Sources view, then its
    // first event.
    let (mut searched, mut entered) = (app(), app());
    searched.jump_to(Record::Source(0));
    press(&mut entered, "S<Enter>");
    assert_eq!(applied(&searched), applied(&entered));
    assert_eq!(searched.source_filter, Some(0));
    assert_eq!(searched.focus, Pane::Timeline);
}

#[test]
fn a_person_hidden_by_the_source_filter_is_shown_when_jumped_to() {
    let mut a = embedded_app();
    let s = source_row(&a, "musk-vs-ai-giants");
    a.filter_source(s as u32);
    let ds = &a.data.ds;
    let hidden = ds
        .people_by_name
        .iter()
        .copied()
        .find(|p| !ds.source_support[s].people.contains(p));
    let Some(p) = hidden else {
        panic!("every person is in that source")
    };
    a.jump_to(Record::Person(p));
    a.settle();
    check_invariants(&a);
    assert_eq!(a.person_filter, Some(p));
    assert_eq!(a.selected_person(), Some(p), "listed and selected");
    assert_eq!(a.source_filter, None, "the source that hid them is dropped");
}

/// The help overlay's state; panics if it is closed.
fn help_state(a: &App) -> HelpState {
    match &a.mode {
        Mode::Help(h) => h.clone(),
        other => panic!("help is closed: {other:?}"),
    }
}

#[test]
fn help_pages_half_pages_and_goes_to_either_end() {
    let mut a = app();
    a.size = (80, 24);
    let page = crate::tui::layout::inner_rows(crate::tui::layout::help_popup(a.screen()));
    let bottom = state::max_help_scroll(&a.keymap, a.screen(), "");
    assert!(page > 2 && bottom > 2 * page, "page {page}, bottom {bottom}");
    press(&mut a, "?<PgDn>");
    assert_eq!(help_scroll(&a), Some(page));
    press(&mut a, "<C-d>");
    assert_eq!(help_scroll(&a), Some(page + page / 2));
    press(&mut a, "<C-u><PgUp>");
    assert_eq!(help_scroll(&a), Some(0));
    press(&mut a, "<PgUp>");
    assert_eq!(help_scroll(&a), Some(0), "stops at the top");
    press(&mut a, "G");
    assert_eq!(help_scroll(&a), Some(bottom));
    press(&mut a, "<PgDn>j<C-d>");
    assert_eq!(help_scroll(&a), Some(bottom), "stops at the bottom");
    press(&mut a, "g");
    assert_eq!(help_scroll(&a), Some(0));
    press(&mut a, "<End>");
    assert_eq!(help_scroll(&a), Some(bottom));
    press(&mut a, "<Home>");
    assert_eq!(help_scroll(&a), Some(0));
}

#[test]
fn slash_in_help_filters_the_keys_and_esc_clears_then_closes() {
    let mut a = app();
    a.size = (80, 24);
    press(&mut a, "?jj/");
    assert_eq!(a.ctx(), crate::tui::keymap::Ctx::HelpFilter);
    press(&mut a, "Mark");
    let h = help_state(&a);
    assert_eq!((h.filter.as_str(), h.typing, h.scroll), ("Mark", true, 0));
    assert!(!a.quit, "letters are typed, not keys");
    // Every binding left has the text in its keys or its description.
    let rows = a.keymap.help_rows(80, &h.filter);
    let mut bindings = 0;
    for row in &rows {
        if let crate::tui::keymap::HelpRow::Binding(keys, _) = row {
            bindings += 1;
            let help = crate::tui::keymap::KEYMAP
                .iter()
                .find(|b| b.keys == *keys)
                .map_or("", |b| b.help);
            assert!(help.to_lowercase().contains("mark"), "{help}");
        }
    }
    assert_eq!(bindings, 2, "set a mark, go to a mark");
    assert!(rows.len() < a.keymap.help_rows(80, "").len() / 4);
    press(&mut a, "x<Bksp>");
    assert_eq!(help_state(&a).filter, "Mark");
    // Enter keeps the filter and gives the keys back.
    press(&mut a, "<Enter>");
    let h = help_state(&a);
    assert_eq!((h.filter.as_str(), h.typing), ("Mark", false));
    assert_eq!(a.ctx(), crate::tui::keymap::Ctx::Help);
    press(&mut a, "<Esc>");
    assert_eq!(help_state(&a), HelpState::default(), "Esc clears the filter");
    press(&mut a, "<Esc>");
    assert_eq!(a.mode, Mode::Browse, "a second Esc closes help");
    // Esc while typing clears it too; the next one closes.
    press(&mut a, "?/half a<Space>pa");
    assert_eq!(help_state(&a).filter, "half a pa");
    press(&mut a, "<C-w>");
    assert_eq!(help_state(&a).filter, "half a ");
    press(&mut a, "<C-u>");
    assert_eq!(help_state(&a).filter, "");
    press(&mut a, "zzz");
    assert!(matches!(
        a.keymap.help_rows(80, "zzz")[..],
        [crate::tui::keymap::HelpRow::NoMatch]
    ));
    press(&mut a, "<Esc>");
    assert_eq!(help_state(&a), HelpState::default());
    press(&mut a, "<Esc>");
    assert_eq!(a.mode, Mode::Browse);
}

#[test]
fn the_help_filter_scrolls_within_its_rows() {
    let mut a = app();
    a.size = (80, 24);
    press(&mut a, "?G");
    assert!(help_state(&a).scroll > 0);
    press(&mut a, "/e");
    assert_eq!(help_state(&a).scroll, 0, "a new filter starts at the top");
    let bottom = state::max_help_scroll(&a.keymap, a.screen(), "e");
    assert!(bottom > 0);
    press(
        &mut a,
        "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>",
    );
    assert_eq!(help_state(&a).scroll, bottom);
    press(&mut a, "<Bksp>");
    assert_eq!(help_state(&a).scroll, 0);
}
