//! The help overlay drawn scrolled and filtered (insta snapshots).

use super::super::tests::{embedded, keys, text};

/// The bottom border of the help overlay: the filter and the position.
fn bottom_border(screen: &str) -> &str {
    screen.lines().rev().find(|l| l.contains('┘')).unwrap_or_default()
}

#[test]
fn help_scrolled_shows_its_position() {
    let mut app = embedded((120, 40));
    keys(&mut app, "?<PgDn>");
    let screen = text(&app);
    let total = app.keymap.help_rows(88, "").len();
    assert!(
        bottom_border(&screen).contains(&format!(" 37/{total} ")),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn help_filtered_while_typing_and_kept() {
    let mut app = embedded((120, 40));
    keys(&mut app, "?/page");
    let typing = text(&app);
    assert!(bottom_border(&typing).contains("/ page▏"), "{typing}");
    insta::assert_snapshot!("help_filter_typing", typing);
    keys(&mut app, "<Enter>");
    let kept = text(&app);
    assert!(bottom_border(&kept).contains("/ page "), "{kept}");
    assert!(!bottom_border(&kept).contains('▏'));
    keys(&mut app, "<Esc>");
    assert!(!bottom_border(&text(&app)).contains("/ page"), "cleared");
}

#[test]
fn help_filter_with_no_match_says_so_harmlessly() {
    let mut app = embedded((80, 24));
    keys(&mut app, "?/zq\u{1b}");
    // Esc cleared it; type an odd text again, a control character left out.
    keys(&mut app, "/zq<C-a>");
    let screen = text(&app);
    assert!(screen.contains("no key or description contains `zq`"), "{screen}");
    assert!(bottom_border(&screen).contains(" 1/1 "), "{screen}");
    insta::assert_snapshot!("help_filter_no_match_80x24", screen);
}

#[test]
fn help_says_what_the_markers_mean() {
    let mut app = embedded((120, 40));
    keys(&mut app, "?/garbled<Enter>");
    let screen = text(&app);
    assert!(
        screen.contains("~ marks an event with one source's ambiguous or garbled reading"),
        "{screen}"
    );
    assert!(!screen.contains("≠ marks"), "filtered out: {screen}");
}
