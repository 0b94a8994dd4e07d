//! Reloads applied by `update`: the place kept by id, the fallbacks, and
//! the error panel over the last good data. The fixture is shared with
//! `ui`'s tests of the screen after a reload.

use super::super::{Msg, update};
use super::*;
use crate::model::{Diagnostic, Files, load};
use crate::tui::app::test_keys as keys;

const SOURCES: &str = "- id: s\n  title: T\n  language: en\n";
pub(crate) const ORGS: &str = "
- {id: alpha, name: Alpha Lab, kind: lab, summary: A., sources: [s]}
- {id: beta, name: Beta Corp, kind: company, summary: B., sources: [s]}
- {id: gamma, name: Gamma, kind: startup, summary: G., sources: [s]}
";
const PEOPLE: &str = "
- {id: ann, name: Ann Smith, summary: A., sources: [s]}
- {id: bob, name: Bob Jones, summary: B., sources: [s]}
";
pub(crate) const EVENTS: &str = "
- {id: e1, date: 2019-03, kind: hire, people: [ann], from: alpha, to: beta, summary: Ann moves., sources: [s]}
- {id: e2, date: 2019-07-01, kind: statement, people: [bob], orgs: [alpha], summary: Bob speaks., sources: [s]}
- {id: e3, date: 2021, kind: founding, people: [bob], to: gamma, summary: Bob founds Gamma., sources: [s]}
";

pub(crate) fn data(orgs: &str, events: &str) -> Arc<Data> {
    let files = Files {
        sources: SOURCES,
        organizations: orgs,
        people: PEOPLE,
        events,
    };
    Arc::new(Data::new(load("fixture", &files, "").unwrap()))
}

pub(crate) fn press(app: &mut App, names: &str) {
    for key in keys::parse(names) {
        update(app, Msg::Key(key));
    }
}

pub(crate) fn loaded(app: &mut App, data: Arc<Data>) -> Option<Effect> {
    update(app, Msg::Reloaded(Reload::Loaded(data)))
}

pub(crate) fn org_id(app: &App) -> String {
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

#[test]
fn lines_wrap_between_words_keeping_a_hint_indented() {
    assert_eq!(
        wrap("unknown field `too` here", 12),
        ["unknown", "field `too`", "here"]
    );
    assert_eq!(
        wrap("  hint: did you mean `to`?", 14),
        ["  hint: did", "  you mean", "  `to`?"]
    );
    // A word wider than a row is cut where the row ends.
    assert_eq!(
        wrap("a data/events.yaml:3:5", 8),
        ["a", "data/eve", "nts.yaml", ":3:5"]
    );
}

#[test]
fn the_panel_hides_and_stays_hidden_across_failed_reloads() {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    let problems = vec![Diagnostic::at("d/events.yaml", (1, 9), "bad".into())];
    update(&mut app, Msg::Reloaded(Reload::Failed(problems.clone())));
    let last = app.errors.as_ref().and_then(|e| e.lines.last().cloned());
    assert_eq!(
        last.as_deref(),
        Some("1 problem found; still showing the last good dataset")
    );
    press(&mut app, "E");
    assert_eq!(app.errors.as_ref().map(|e| e.hidden), Some(true));
    update(&mut app, Msg::Reloaded(Reload::Failed(problems.clone())));
    assert_eq!(app.errors.as_ref().map(|e| e.hidden), Some(true));
    press(&mut app, "E");
    assert_eq!(app.errors.as_ref().map(|e| e.hidden), Some(false));
    // Over an empty dataset (`--watch` opened broken), the panel says so.
    let mut empty = App::new(Arc::new(Data::new(crate::model::Dataset::default())), (120, 40));
    update(&mut empty, Msg::Reloaded(Reload::Failed(problems)));
    let last = empty.errors.as_ref().and_then(|e| e.lines.last().cloned());
    assert_eq!(
        last.as_deref(),
        Some("1 problem found; nothing loaded yet: fix the files and it loads")
    );
}
