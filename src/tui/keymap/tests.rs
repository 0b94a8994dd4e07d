use super::hints::wrap;
use super::keys::{ch, ctrl, key};
use super::table::lookups;
use super::*;
use Action as A;
use Ctx::{Browse, Chooser, Global, Popup, Prompt, Search as SearchCtx, Timeline};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn no_key_is_bound_twice_where_it_could_apply() {
    assert_eq!(Keymap::default().conflict(), None);
    let mut km = Keymap::default();
    let search = KEYMAP.iter().position(|b| b.action == A::Search);
    let kind = KEYMAP.iter().position(|b| b.action == A::KindFilter);
    let (Some(search), Some(kind)) = (search, kind) else {
        panic!("search and kind_filter are in the table")
    };
    km.set(search, vec![ch('f')]);
    assert_eq!(
        km.conflict(),
        Some(Conflict {
            key: ch('f'),
            first: search,
            second: kind,
            ctx: Browse
        })
    );
}

#[test]
fn config_names_are_unique_and_never_a_section() {
    let sections: Vec<&str> = lookups()
        .iter()
        .chain([&Global])
        .filter_map(|c| c.section())
        .collect();
    for (i, a) in KEYMAP.iter().enumerate() {
        assert!(
            !sections.contains(&a.action.name()),
            "{} is a section",
            a.action.name()
        );
        for b in &KEYMAP[..i] {
            assert!(
                a.ctx.section() != b.ctx.section() || a.action != b.action,
                "{} twice in one table",
                a.action.name()
            );
        }
    }
}

#[test]
fn keys_read_back_as_written_and_as_shown() {
    for b in KEYMAP {
        for k in b.keys {
            assert_eq!(Key::parse(&k.name()), Ok(*k), "{}", k.name());
            assert_eq!(Key::parse(&k.label()), Ok(*k), "{}", k.label());
        }
    }
    assert_eq!(Key::parse("ctrl-D"), Ok(ctrl('d')));
    assert_eq!(Key::parse("pagedown"), Ok(key(KeyCode::PageDown)));
    assert_eq!(Key::parse("F12"), Ok(key(KeyCode::F(12))));
    assert_eq!(Key::parse("Ctrl--"), Ok(ctrl('-')));
    assert!(Key::parse("Ctrl-").is_err());
    assert!(Key::parse("Hyper-x").is_err());
    assert!(Key::parse("F99").is_err());
    assert!(Key::parse("").is_err());
}

#[test]
fn every_binding_has_help_and_keys() {
    for b in KEYMAP {
        assert!(!b.help.is_empty() && !b.keys.is_empty(), "{:?}", b.action);
    }
}

#[test]
fn keys_resolve_per_context() {
    let km = Keymap::default();
    assert_eq!(km.action(ch('j'), Browse), Some(A::Down));
    assert_eq!(km.action(ch(']'), Browse), None);
    assert_eq!(km.action(ch(']'), Timeline), Some(A::NextYear));
    assert_eq!(km.action(ch('j'), Timeline), Some(A::Down));
    assert_eq!(km.action(ch('j'), SearchCtx), None, "letters are typed in search");
    assert_eq!(km.action(ctrl('c'), SearchCtx), Some(A::Quit));
    let e = KeyEvent::new(KeyCode::Char('D'), KeyModifiers::CONTROL);
    assert_eq!(Key::from_event(&e), ctrl('d'));
    assert_eq!(ctrl('d').label(), "Ctrl-d");
}

#[test]
fn the_guide_documents_every_browsing_and_search_key() {
    let guide = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/guide.md"));
    for b in KEYMAP
        .iter()
        .filter(|b| matches!(b.ctx, Global | Browse | Timeline | SearchCtx))
    {
        assert!(guide.contains(b.help), "docs/guide.md lacks `{}`", b.help);
        for k in b.keys {
            assert!(
                guide.contains(&format!("`{}`", k.label())),
                "docs/guide.md lacks key {}",
                k.label()
            );
        }
    }
}

#[test]
fn hints_are_chosen_by_priority_and_keys_stays() {
    let label = |h: &[Shown]| {
        h.iter()
            .map(|s| format!("{} {}", s.key, s.label))
            .collect::<Vec<_>>()
    };
    let km = Keymap::default();
    let all = km.hints(Browse);
    assert_eq!(
        label(&all),
        [
            "? keys",
            "q quit",
            "Enter select",
            "Esc clear",
            "/ search",
            "f kind",
            "t date",
            "c children"
        ]
    );
    let narrow = km.fitting_hints(Browse, 30, 2);
    assert_eq!(label(&narrow), ["? keys", "q quit", "/ search"]);
    assert_eq!(
        label(&km.fitting_hints(Browse, 0, 2)),
        ["? keys"],
        "? keys always stays"
    );
    assert!(label(&km.hints(Timeline)).contains(&"] year".to_string()));
    assert_eq!(label(&km.own_hints(Chooser)), ["p person", "o company"]);
    assert!(label(&km.hints(Chooser)).contains(&"Enter choose".to_string()));
    assert!(!label(&km.hints(Popup)).contains(&"p person".to_string()));
    assert_eq!(
        km.binding(A::Accept, SearchCtx).map(|(_, keys)| keys[0]),
        Some(key(KeyCode::Enter))
    );
}

#[test]
fn headings_and_notes_name_keys_from_the_table() {
    let km = Keymap::default();
    assert_eq!(SearchCtx.title(&km), "Search (/)");
    assert_eq!(Popup.title(&km), "Lists (Enter on an event, f)");
    assert_eq!(Prompt.title(&km), "Date prompt (t)");
    assert_eq!(km.key_of(A::Help, Browse), "?");
    assert_eq!(km.key_of(A::JumpOrg, Browse), "", "unbound here");
}

#[test]
fn long_help_wraps_at_spaces() {
    assert_eq!(
        wrap("filter by this company", 10),
        ["filter by", "this", "company"]
    );
    assert_eq!(wrap("short", 10), ["short"]);
    assert_eq!(wrap("unbreakable-word here", 5), ["unbreakable-word", "here"]);
    let km = Keymap::default();
    let rows = km.help_rows(74, "");
    assert!(rows.iter().any(|r| matches!(r, HelpRow::More(_))));
    assert!(
        km.help_rows(200, "")
            .iter()
            .all(|r| !matches!(r, HelpRow::More(_)))
    );
}

#[test]
fn every_mode_but_global_has_hints_and_a_way_out() {
    for ctx in lookups() {
        let hs = Keymap::default().hints(ctx);
        assert!(
            hs.iter().any(|h| ["quit", "cancel", "close"].contains(&h.label)),
            "{ctx:?}: no way out in {hs:?}"
        );
    }
}
