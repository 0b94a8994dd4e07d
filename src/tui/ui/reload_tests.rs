//! The screen after a reload (`--watch`): every mode still draws on a much
//! smaller dataset, and the error panel covers the Detail area. The
//! datasets are those of the app's reload tests.

use crate::model::Diagnostic;
use crate::tui::app::reload_fixture::{EVENTS, ORGS, data, loaded, org_id, press};
use crate::tui::app::{App, Mode, Msg, Reload, update};
use crate::tui::theme::Theme;

/// The screen's text after drawing `app`.
fn drawn(app: &App) -> String {
    let backend = ratatui::backend::TestBackend::new(app.size.0, app.size.1);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|f| super::render(app, &Theme::mono(), f)).unwrap();
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

#[test]
fn the_panel_wraps_between_words_and_hides() {
    let mut app = App::new(data(ORGS, EVENTS), (100, 30));
    let problem = Diagnostic::at(
        "mine/events.yaml",
        (106, 10),
        "`\"` opened here is not closed".into(),
    )
    .hint("close it with `\"` where the value ends (YAML read on and gave up at events.yaml:108:79)");
    update(&mut app, Msg::Reloaded(Reload::Failed(vec![problem])));
    insta::assert_snapshot!("error_panel_wrapped", drawn(&app));
    press(&mut app, "E");
    let screen = drawn(&app);
    assert!(!screen.contains("Dataset errors"), "{screen}");
    assert!(screen.contains("errors hidden (E shows)"), "{screen}");
}
