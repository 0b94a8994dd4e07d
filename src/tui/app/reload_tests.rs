//! Reloads applied by `update`: the place kept by id, the fallbacks, and
//! the error panel over the last good data.

use super::super::{Msg, update};
use super::*;
use crate::model::{Diagnostic, Files, load};
use crate::tui::app::test_keys as keys;

const SOURCES: &str = "- id: s\n  title: T\n  language: en\n";
const ORGS: &str = "
- {id: alpha, name: Alpha Lab, kind: lab, summary: A., sources: [s]}
- {id: beta, name: Beta Corp, kind: company, summary: B., sources: [s]}
- {id: gamma, name: Gamma, kind: startup, summary: G., sources: [s]}
";
const PEOPLE: &str = "
- {id: ann, name: Ann Smith, summary: A., sources: [s]}
- {id: bob, name: Bob Jones, summary: B., sources: [s]}
";
const EVENTS: &str = "
- {id: e1, date: 2019-03, kind: hire, people: [ann], from: alpha, to: beta, summary: Ann moves., sources: [s]}
- {id: e2, date: 2019-07-01, kind: statement, people: [bob], orgs: [alpha], summary: Bob speaks., sources: [s]}
- {id: e3, date: 2021, kind: founding, people: [bob], to: gamma, summary: Bob founds Gamma., sources: [s]}
";

fn data(orgs: &str, events: &str) -> Arc<Data> {
    let files = Files {
        sources: SOURCES,
        organizations: orgs,
        people: PEOPLE,
        events,
    };
    Arc::new(Data::new(load("fixture", &files, "").unwrap()))
}

fn press(app: &mut App, names: &str) {
    for key in keys::parse(names) {
        update(app, Msg::Key(key));
    }
}

fn loaded(app: &mut App, data: Arc<Data>) -> Option<Effect> {
    update(app, Msg::Reloaded(Reload::Loaded(data)))
}

fn org_id(app: &App) -> String {
    app.selected_org()
        .map(|o| app.data.ds.org(o).id.clone())
        .unwrap_or_default()
}

fn event_id(app: &App) -> String {
    app.selected_event()
        .map(|e| app.data.ds.event(e).id.clone())
        .unwrap_or_default()
}

#[test]
fn selection_filters_and_focus_follow_their_ids() {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    // Filter by Beta Corp (second by name), then select e1 on the timeline.
    press(&mut app, "j\n3");
    assert_eq!(org_id(&app), "beta");
    assert_eq!(event_id(&app), "e1");
    // Two organizations that sort first, and an event before e1, shift every row.
    let orgs = format!(
        "- {{id: aa, name: AA, kind: lab, summary: A., sources: [s]}}\n- {{id: ab, name: AB, kind: lab, summary: A., sources: [s]}}\n{ORGS}"
    );
    let events = format!(
        "- {{id: e0, date: 2010, kind: statement, orgs: [beta], summary: Early., sources: [s]}}\n{EVENTS}"
    );
    loaded(&mut app, data(&orgs, &events));
    assert_eq!(org_id(&app), "beta");
    assert_eq!(app.list(Pane::Companies).selected, 3);
    assert_eq!(
        app.org_filter.map(|o| app.data.ds.org(o).id.as_str()),
        Some("beta")
    );
    assert_eq!(app.focus, Pane::Timeline);
    assert_eq!(event_id(&app), "e1");
    assert_eq!(app.list(Pane::Timeline).selected, 1);
    assert_eq!(app.note.as_deref(), Some("reloaded: 4 events"));
}

#[test]
fn what_disappeared_falls_back_to_the_nearest_row() {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    // Filter by Alpha Lab (first by name), then select e2 on the timeline.
    press(&mut app, "\n3j");
    assert_eq!(event_id(&app), "e2");
    // Alpha Lab (the filter and the selection) and e2 are gone.
    let orgs = ORGS.replace(
        "- {id: alpha, name: Alpha Lab, kind: lab, summary: A., sources: [s]}\n",
        "",
    );
    let events = EVENTS
        .replace("from: alpha, ", "")
        .lines()
        .filter(|l| !l.contains("id: e2"))
        .collect::<Vec<_>>()
        .join("\n");
    loaded(&mut app, data(&orgs, &events));
    assert_eq!(app.org_filter, None, "a filter on a removed record is dropped");
    assert_eq!(org_id(&app), "beta", "the row Alpha Lab was on");
    assert_eq!(app.list(Pane::Timeline).selected, 1);
    assert_eq!(event_id(&app), "e3");
    // The history no longer points at Alpha Lab either: going back is safe.
    press(&mut app, "\x7f");
    assert_eq!(app.org_filter, None);
}

#[test]
fn an_open_search_runs_again_on_the_new_data() {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    press(&mut app, "/bob");
    let Mode::Search(before) = &app.mode else {
        panic!("search not open")
    };
    let generation = before.generation;
    let effect = loaded(&mut app, data(ORGS, EVENTS));
    let Some(Effect::Search { query, generation: g }) = effect else {
        panic!("no search asked for: {effect:?}")
    };
    assert_eq!(query, "bob");
    assert!(g > generation);
}

#[test]
fn a_failed_reload_keeps_the_data_and_shows_the_problems_until_a_good_one() {
    let good = data(ORGS, EVENTS);
    let mut app = App::new(Arc::clone(&good), (120, 40));
    let problems: Vec<Diagnostic> = (1..=30)
        .map(|i| Diagnostic::at("d/events.yaml", (i, 9), format!("problem {i}")).hint("fix it"))
        .collect();
    update(&mut app, Msg::Reloaded(Reload::Failed(problems.clone())));
    assert!(Arc::ptr_eq(&app.data, &good), "the last good data stays");
    let errors = app.errors.clone().unwrap_or_default();
    assert_eq!(errors.lines[0], "d/events.yaml:1:9: error: problem 1");
    assert_eq!(errors.lines[1], "  hint: fix it");
    assert_eq!(errors.lines.len(), 61);
    // The panel scrolls, within bounds; browsing still works under it.
    press(&mut app, "<C-e><C-e><C-e><C-y>");
    assert_eq!(app.errors.as_ref().map(|e| e.scroll), Some(2));
    for _ in 0..200 {
        press(&mut app, "<C-e>");
    }
    let max = app
        .errors
        .as_ref()
        .map_or(0, |e| e.max_scroll(panel_area(&app.areas())));
    assert!(max > 0);
    assert_eq!(app.errors.as_ref().map(|e| e.scroll), Some(max));
    press(&mut app, "j");
    assert_eq!(app.list(Pane::Companies).selected, 1);
    // Another failed save keeps the scroll; a good one clears the panel.
    update(&mut app, Msg::Reloaded(Reload::Failed(problems)));
    assert_eq!(app.errors.as_ref().map(|e| e.scroll), Some(max));
    loaded(&mut app, data(ORGS, EVENTS));
    assert_eq!(app.errors, None);
}

#[test]
fn long_lines_wrap_by_display_width() {
    assert_eq!(wrap("abcdef", 4), ["abcd", "ef"]);
    assert_eq!(wrap("", 4), [""]);
    assert_eq!(wrap("日本語", 4), ["日本", "語"]);
}

/// The screen's text after drawing `app`.
fn drawn(app: &App) -> String {
    let backend = ratatui::backend::TestBackend::new(app.size.0, app.size.1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|f| crate::tui::ui::render(app, &crate::tui::theme::Theme::mono(), f))
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .chunks(usize::from(app.size.0))
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_mode_survives_a_reload_to_a_much_smaller_dataset() {
    let tiny = "- {id: alpha, name: Alpha Lab, kind: lab, summary: A., sources: [s]}\n";
    let tiny_events = "[]";
    // Browse deep down, a popup or prompt open, the history full of places.
    for keys in ["\n3G", "3\n", "f", "?", "t2019", "/bob", "2G\n"] {
        let mut app = App::new(data(ORGS, EVENTS), (120, 40));
        press(&mut app, "j\nj\n");
        press(&mut app, keys);
        let mode = std::mem::discriminant(&app.mode);
        loaded(&mut app, data(tiny, tiny_events));
        assert!(app.selected_event().is_none(), "{keys:?}");
        assert_eq!(org_id(&app), "alpha", "{keys:?}");
        if !matches!(app.mode, Mode::Browse) {
            assert_eq!(
                std::mem::discriminant(&app.mode),
                mode,
                "{keys:?}: the open mode stays"
            );
        }
        let screen = drawn(&app);
        assert!(screen.contains("Alpha Lab"), "{keys:?}:\n{screen}");
        // Going back through places of the old dataset is safe.
        press(&mut app, "\x1b\x1b\x7f\x7f\x7f");
        drawn(&app);
    }
}

#[test]
fn the_panel_shows_the_problems_over_the_detail_area() {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    let problem = Diagnostic::at(
        "mine/events.yaml",
        (3, 9),
        "date `2025-13` has no month 13".into(),
    );
    update(&mut app, Msg::Reloaded(Reload::Failed(vec![problem])));
    let screen = drawn(&app);
    assert!(screen.contains("Dataset errors"), "{screen}");
    assert!(
        screen.contains("mine/events.yaml:3:9: error: date `2025-13` has no month 13"),
        "{screen}"
    );
    assert!(screen.contains("Alpha Lab"), "the lists stay:\n{screen}");
}
