use super::keys::KEY_FORMS;
use super::parse::position;
use super::theme::COLOR_FORMS;
use super::*;
use crate::tui::keymap::Action;
use crate::tui::keymap::{Ctx, KEYMAP, Key};
use crossterm::event::KeyCode;
use ratatui::style::Color;

fn errors(text: &str) -> Vec<String> {
    match parse("config.toml", text) {
        Ok(_) => Vec::new(),
        Err(ds) => ds.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn the_default_file_changes_nothing_even_uncommented() {
    let text = default_text();
    assert_eq!(parse("c", &text), Ok(Config::default()));
    let uncommented: String = text
        .lines()
        .map(|l| l.strip_prefix("# ").filter(|r| r.contains(" = {")).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(uncommented.contains("\ntitle_bar = {"));
    assert_eq!(parse("c", &uncommented), Ok(Config::default()));
    for b in KEYMAP {
        assert!(text.contains(b.help), "{}", b.help);
    }
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("c", ""), Ok(Config::default()));
}

#[test]
fn a_partial_file_changes_only_what_it_says() {
    let text = "[keys]\nquit = [\"Q\", \"Ctrl-q\"]\n[keys.search_box]\ncancel = [\"Ctrl-g\"]\n\
                [theme]\nname = \"light\"\ndate = \"#FF8800\"\nkey = { bg = \"black\", italic = true, bold = false }\n";
    let Ok(c) = parse("c", text) else {
        panic!("{:?}", parse("c", text))
    };
    let k = |c: char| Key {
        code: KeyCode::Char(c),
        ctrl: false,
    };
    assert_eq!(c.keymap.action(k('Q'), Ctx::Browse), Some(Action::Quit));
    assert_eq!(c.keymap.action(k('q'), Ctx::Browse), None, "q no longer quits");
    assert_eq!(c.keymap.key_of(Action::Cancel, Ctx::Search), "Ctrl-g");
    assert_eq!(
        c.keymap.key_of(Action::Cancel, Ctx::Prompt),
        "Esc",
        "other tables keep theirs"
    );
    assert_eq!(c.keymap.key_of(Action::Down, Ctx::Browse), "j");
    let light = Theme::light();
    assert_eq!(c.theme.date, light.date.fg(Color::Rgb(255, 136, 0)));
    assert_eq!(c.theme.key.bg, Some(Color::Black));
    assert_eq!(c.theme.key.fg, light.key.fg, "fields not given stay");
    assert!(
        c.theme
            .key
            .add_modifier
            .contains(ratatui::style::Modifier::ITALIC)
    );
    assert!(!c.theme.key.add_modifier.contains(ratatui::style::Modifier::BOLD));
    assert_eq!(c.theme.person, light.person);
}

#[test]
fn mistakes_are_reported_at_their_line_and_column() {
    assert_eq!(
        errors("[keys]\nquit = [\"q\"\n"),
        [
            "config.toml:2:12: error: not valid TOML: unclosed array, expected `]`\n  hint: see `rivals config --default` for a complete example"
        ]
    );
    assert_eq!(
        errors("[keys]\nquitt = [\"q\"]\n"),
        ["config.toml:2:1: error: unknown action `quitt` in [keys]\n  hint: did you mean `quit`?"]
    );
    assert_eq!(
        errors("[keys]\ncancel = [\"q\"]\n"),
        [
            "config.toml:2:1: error: unknown action `cancel` in [keys]\n  hint: `cancel` is set in [keys.search_box], [keys.lists], [keys.prompt], [keys.mark], [keys.help_overlay], [keys.sources_view], [keys.help_filter], [keys.flows_view], [keys.money_view]"
        ]
    );
    assert_eq!(
        errors("[keys]\ndown = [\"j\", \"Hyper-x\"]\n"),
        [format!(
            "config.toml:2:14: error: `Hyper-x` is not a key\n  hint: a key is {KEY_FORMS}"
        )]
    );
    assert_eq!(
        errors("[keys]\ndown = \"j\"\n"),
        ["config.toml:2:8: error: `down` takes a list of keys\n  hint: write it as down = [\"j\", \"Down\"]"]
    );
    assert_eq!(
        errors("[theme]\nname = \"solarized\"\ndate = \"blu\"\nkey = 3\n"),
        [
            "config.toml:2:8: error: unknown theme `solarized`\n  hint: one of: dark, light, high-contrast".to_string(),
            format!("config.toml:3:8: error: `blu` is not a colour\n  hint: a colour is {COLOR_FORMS}"),
            "config.toml:4:7: error: `key` takes a colour or a style\n  hint: write key = \"red\" or key = { fg = \"red\", bold = true }".into(),
        ]
    );
    assert_eq!(
        errors("[theme]\nborder = { fg = \"red\", blink = true }\n"),
        [
            "config.toml:2:24: error: unknown style field `blink`\n  hint: a style has: fg, bg, bold, dim, italic, underlined, reversed, crossed_out"
        ]
    );
    assert_eq!(
        errors("[keys.timeline]\nnext_year = [\"]\"]\n"),
        [
            "config.toml:1:7: error: unknown table [keys.timeline]\n  hint: the tables under [keys] are anywhere, search_box, lists, chooser, prompt, mark, help_overlay, sources_view, help_filter, flows_view, money_view; browsing and timeline actions sit in [keys] itself"
        ]
    );
    assert_eq!(
        errors("colour = 1\n"),
        [
            "config.toml:1:1: error: unknown setting `colour`\n  hint: a config file has a [keys] table and a [theme] table"
        ]
    );
    assert_eq!(
        errors("[keys.search_box]\naccept = [\"a\"]\n"),
        [
            "config.toml:2:11: error: `a` cannot be a key in the search box: it is typed there\n  hint: bind a key with Ctrl- (Ctrl-n) or a named key (Esc, Down)"
        ]
    );
}

#[test]
fn two_actions_on_one_key_name_both() {
    assert_eq!(
        errors("[keys]\nsearch = [\"/\", \"f\"]\n"),
        [
            "config.toml:2:16: error: `f` is bound to both `search` and `kind_filter` while browsing\n  hint: give one of them another key (by default `search` is /, `kind_filter` is f)"
        ]
    );
    // Timeline keys meet browsing keys there.
    let e = errors("[keys]\nnext_year = [\"j\"]\n");
    assert!(
        e[0].starts_with(
            "config.toml:2:14: error: `j` is bound to both `down` and `next_year` in the timeline"
        ),
        "{e:?}"
    );
    // Keys anywhere meet every context's.
    let e = errors("[keys.anywhere]\nquit = [\"Ctrl-u\"]\n");
    assert!(e[0].starts_with("config.toml:2:9: error: `Ctrl-u` is bound to both `anywhere.quit` and `half_page_up` while browsing"), "{e:?}");
    // Swapping two keys is fine.
    assert!(errors("[keys]\nsearch = [\"f\"]\nkind_filter = [\"/\"]\n").is_empty());
}

#[test]
fn hostile_text_is_reported_harmlessly() {
    // TOML escapes, so the parsed names and values hold the raw bytes.
    let e = errors("[keys]\n\"\\u001b]0;owned\\u0007\" = [\"q\"]\n[theme]\ndate = \"\\u001b[31m\"\n");
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e.iter().all(|l| !l.contains('\u{1b}') && !l.contains('\u{7}')),
        "{e:?}"
    );
}

proptest::proptest! {
    /// Any mix of config fragments, well-formed or not, parses or gives
    /// positioned errors; it never panics.
    #[test]
    fn never_panics(parts in proptest::collection::vec(proptest::sample::select(vec![
        "[keys]\n", "[keys.search_box]\n", "[keys.anywhere]\n", "[theme]\n", "[keys.lists]\n",
        "quit = [\"Q\"]\n", "down = [\"j\", \"Ctrl-x\"]\n", "accept = [\"Ctrl-a\"]\n",
        "name = \"light\"\n", "date = \"#zz\"\n", "key = { fg = \"red\", bold = 1 }\n",
        "search = []\n", "x = 1\n", "= \n", "\"\u{1b}\" = 2\n", "[[keys]]\n", "help = [\"F0\"]\n",
        "cancel = [\"Esc\", \"Esc\"]\n", "muted = { bg = \"255\" }\n", "é = \"→\"\n",
    ]), 0..12)) {
        let text: String = parts.concat();
        match parse("c", &text) {
            Ok(_) => {}
            Err(problems) => {
                proptest::prop_assert!(!problems.is_empty());
                proptest::prop_assert!(problems.iter().all(|d| d.line >= 1 && d.col >= 1 && d.hint.is_some()));
            }
        }
    }
}

#[test]
fn positions_count_characters() {
    assert_eq!(position("a\nβc", 4), (2, 2));
    assert_eq!(position("", 0), (1, 1));
    assert_eq!(position("ab", 99), (1, 3));
}

#[test]
fn a_conflict_between_two_anywhere_actions_is_anywhere() {
    assert_eq!(
        errors("[keys.anywhere]\nsuspend = [\"Ctrl-c\"]\n"),
        [
            "config.toml:2:12: error: `Ctrl-c` is bound to both `anywhere.quit` and `anywhere.suspend` anywhere\n  hint: give one of them another key (by default `anywhere.quit` is Ctrl-c, `anywhere.suspend` is Ctrl-z)"
        ]
    );
}

#[test]
fn a_mark_letter_cannot_be_a_key_of_the_mark_prompt() {
    assert_eq!(
        errors("[keys.mark]\ncancel = [\"Esc\", \"a\"]\n"),
        [
            "config.toml:2:18: error: `a` cannot be a key after m or ' (marks): a letter there names a mark\n  hint: bind a key that is not a letter (Esc, 1, Ctrl-g)"
        ]
    );
    // Not a letter, or with Ctrl: no mark is named so.
    assert!(errors("[keys.mark]\ncancel = [\"Esc\", \"1\", \"Ctrl-a\"]\n").is_empty());
}

#[test]
fn every_prompt_keeps_a_way_out() {
    assert_eq!(
        errors("[keys.prompt]\ncancel = [\"Ctrl-Esc\", \"Ctrl-m\"]\n"),
        [
            "config.toml:2:11: error: `cancel` leaves the date prompt with no way out: a terminal sends none of its keys (Ctrl-Esc, Ctrl-m)\n  hint: keep a key every terminal sends, such as Esc; Ctrl- goes with a letter (but i and m, sent as Tab and Enter), Space or a named key other than Esc, Enter, Tab, Shift-Tab and Backspace"
        ]
    );
    // One key a terminal sends is enough.
    assert!(errors("[keys.help_overlay]\ncancel = [\"Ctrl-Enter\", \"Ctrl-g\"]\n").is_empty());
    // Other actions may have such keys (some terminals send them).
    assert!(errors("[keys]\nsearch = [\"Ctrl-Enter\"]\n").is_empty());
}
