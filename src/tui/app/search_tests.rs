//! The search box's length rule: typing and pasting stop at the length a
//! search reads, with a note.

use super::super::reload::tests::{EVENTS, ORGS, data, press};
use super::super::{Msg, update};
use super::*;

fn searching() -> App {
    let mut app = App::new(data(ORGS, EVENTS), (120, 40));
    press(&mut app, "/");
    app
}

fn query(app: &App) -> &str {
    match &app.mode {
        Mode::Search(s) => &s.query,
        _ => "",
    }
}

#[test]
fn a_paste_fills_the_query_up_to_its_limit_with_a_note() {
    let mut app = searching();
    let effect = update(&mut app, Msg::Paste("zuckerburg".repeat(2_000)));
    assert_eq!(query(&app).chars().count(), MAX_QUERY_CHARS);
    assert!(matches!(effect, Some(Effect::Search { .. })));
    assert!(
        app.note.as_deref().is_some_and(|n| n.contains("at most")),
        "{:?}",
        app.note
    );
    // Full: another key is refused, with the note again; a deletion is not.
    press(&mut app, "x");
    assert_eq!(query(&app).chars().count(), MAX_QUERY_CHARS);
    assert!(app.note.is_some());
    press(&mut app, "<Bksp>x");
    assert!(query(&app).ends_with('x'));
    assert_eq!(query(&app).chars().count(), MAX_QUERY_CHARS);
}

#[test]
fn a_short_paste_goes_in_whole_without_a_note() {
    let mut app = searching();
    update(&mut app, Msg::Paste("bob\tjones".into()));
    assert_eq!(query(&app), "bob jones");
    assert_eq!(app.note, None);
}
