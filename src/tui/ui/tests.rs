//! Render tests: the screen as text (insta snapshots) at several sizes and
//! modes, plus checks on styles that text snapshots cannot show.

use super::render;
use crate::model::{Dataset, Files, load};
use crate::tui::app::{App, Effect, MAX_HITS, Msg, update};
use crate::tui::data::Data;
use crate::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use std::sync::Arc;

pub(super) fn embedded(size: (u16, u16)) -> App {
    App::new(Arc::new(Data::new(Dataset::embedded().unwrap())), size)
}

use crate::tui::app::test_keys as key_notation;

/// Sends keys in the shared notation, running searches as the loop would.
pub(super) fn keys(app: &mut App, keys: &str) {
    for key in key_notation::parse(keys) {
        if let Some(Effect::Search { query, generation }) = update(app, Msg::Key(key)) {
            let hits = app.data.index().search(&app.data.ds, &query, MAX_HITS);
            update(app, Msg::Hits { generation, hits });
        }
    }
}

fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| render(app, theme, f)).unwrap();
    t.backend().buffer().clone()
}

/// The screen as text, one line per row.
pub(super) fn text(app: &App) -> String {
    let buf = draw(app, &Theme::color());
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = crate::text::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

#[test]
fn wide_120x40() {
    insta::assert_snapshot!(text(&embedded((120, 40))));
}

#[test]
fn narrow_80x24() {
    let mut app = embedded((80, 24));
    keys(&mut app, "3jjj");
    insta::assert_snapshot!(text(&app));
}

#[test]
fn too_small_and_degenerate_sizes() {
    insta::assert_snapshot!(text(&embedded((40, 10))));
    for size in [(1, 1), (0, 0), (59, 16), (60, 15), (1, 200), (300, 1)] {
        let screen = text(&embedded(size));
        if size.0 > 0 && size.1 > 0 {
            assert!(
                screen.contains('…') || screen.contains("too small"),
                "{size:?}: {screen}"
            );
        }
    }
    for size in [(60, 16), (99, 30), (100, 30), (300, 100)] {
        let screen = text(&embedded(size));
        for pane in ["Companies", "People", "Timeline", "Detail"] {
            assert!(screen.contains(pane), "{size:?} lacks {pane}");
        }
    }
}

#[test]
fn company_selected_filters_the_other_panes() {
    let mut app = embedded((120, 40));
    // Meta Superintelligence Labs is the 12th company by name.
    keys(&mut app, "jjjjjjjjjjj\n");
    insta::assert_snapshot!(text(&app));
}

#[test]
fn event_detail_shows_amount_quote_dispute_and_sources() {
    let mut app = embedded((120, 40));
    keys(&mut app, "/scale ai\n");
    keys(&mut app, "3");
    let screen = text(&app);
    insta::assert_snapshot!(screen);
}

#[test]
fn search_popup_with_typo() {
    let mut app = embedded((120, 40));
    keys(&mut app, "/zukerberg");
    insta::assert_snapshot!(text(&app));
}

#[test]
fn help_overlay() {
    let mut app = embedded((120, 40));
    keys(&mut app, "?");
    insta::assert_snapshot!(text(&app));
}

#[test]
fn chooser_and_kind_popups() {
    let mut app = embedded((100, 30));
    keys(&mut app, "3\n");
    insta::assert_snapshot!("chooser", text(&app));
    keys(&mut app, "\x1bf");
    insta::assert_snapshot!("kinds", text(&app));
}

#[test]
fn date_prompt_in_the_status_line() {
    let mut app = embedded((100, 30));
    keys(&mut app, "t2025-1");
    let screen = text(&app);
    assert!(
        screen
            .lines()
            .last()
            .unwrap()
            .starts_with("date or range: 2025-1▏"),
        "{screen}"
    );
}

const HOSTILE_ORGS: &str = "
- {id: zhong, name: \"中国科学院 Academy\", kind: lab, summary: \"CJK name.\", sources: [s]}
- {id: rocket, name: \"🚀 Rocket Labs 🚀\", kind: startup, summary: \"Emoji.\", sources: [s]}
- {id: evil, name: \"Evil\\e[31mRed\\e]0;pwned\\aCorp\", kind: company, summary: \"Has \\e[2J escapes\\r and \\b.\", sources: [s]}
- {id: bidi, name: \"Right\\u202eLeft\\u200bZero\", kind: other, summary: \"Bidi.\", sources: [s]}
";
const HOSTILE_PEOPLE: &str = "
- {id: wei, name: \"张伟\", summary: \"宽字符的人名和一段很长很长很长很长很长很长很长很长很长的中文摘要\", sources: [s]}
- {id: bell, name: \"Ding\\a\\e[5mDong\", summary: \"Bell.\", sources: [s]}
";
const HOSTILE_EVENTS: &str = "
- {id: e1, date: 2024-02-29, kind: hire, people: [wei], from: zhong, to: rocket, summary: \"张伟 joins 🚀 with a summary long enough to be cut off at the edge of any sane terminal width.\", sources: [s], amount: {value: 1.5e9, currency: CNY}}
- {id: e2, date: 2024, kind: lawsuit, people: [bell], from: evil, to: bidi, summary: \"\\e]52;c;aGk=\\a clipboard \\e[?1049l screen\", sources: [s]}
";

fn hostile(size: (u16, u16)) -> App {
    let files = Files {
        sources: "- {id: s, title: \"T\\e[1m\", language: en}\n",
        organizations: HOSTILE_ORGS,
        people: HOSTILE_PEOPLE,
        events: HOSTILE_EVENTS,
    };
    App::new(Arc::new(Data::new(load("hostile", &files, "").unwrap())), size)
}

#[test]
fn hostile_text_is_shown_harmlessly_and_aligned() {
    let mut app = hostile((100, 30));
    keys(&mut app, "j");
    let screen = text(&app);
    insta::assert_snapshot!(screen);
    for (y, line) in screen.lines().enumerate() {
        assert_eq!(crate::text::width(line), 100, "row {y} is misaligned: {line}");
    }
    let buf = draw(&app, &Theme::color());
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(crate::text::is_unsafe),
            "unsafe char {:?} reached the buffer",
            cell.symbol()
        );
    }
    // Every pane of every mode too.
    for k in ["2", "3", "3/evil", "\x1b?", "\x1b3\n"] {
        keys(&mut app, k);
        let buf = draw(&app, &Theme::color());
        assert!(
            buf.content()
                .iter()
                .all(|c| !c.symbol().chars().any(crate::text::is_unsafe)),
            "after {k:?}"
        );
    }
}

#[test]
fn no_color_uses_no_colour_but_keeps_the_selection_visible() {
    let app = embedded((120, 40));
    let mono = draw(&app, &Theme::mono());
    assert!(
        mono.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    assert!(
        mono.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::REVERSED)),
        "selection shown by reverse video"
    );
    let colour = draw(&app, &Theme::color());
    assert!(colour.content().iter().any(|c| c.bg == Color::Cyan));
    // Same text either way.
    let symbols = |b: &Buffer| {
        b.content()
            .iter()
            .map(|c| c.symbol().to_string())
            .collect::<String>()
    };
    assert_eq!(symbols(&mono), symbols(&colour));
}

#[test]
fn search_highlights_matched_characters() {
    let mut app = embedded((120, 40));
    keys(&mut app, "/altman");
    let buf = draw(&app, &Theme::mono());
    let hit_style = Theme::mono().match_hit.add_modifier;
    let highlighted: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(hit_style) && !c.modifier.contains(Modifier::REVERSED))
        .map(|c| c.symbol().to_lowercase())
        .collect();
    assert!(highlighted.contains("altman"), "{highlighted}");
}

#[test]
fn popups_keep_their_own_scroll_offset() {
    let mut app = embedded((80, 24));
    keys(&mut app, "/a");
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
    for _ in 0..20 {
        update(&mut app, Msg::Key(down));
    }
    let offset = |app: &App| match &app.mode {
        crate::tui::app::Mode::Search(s) => s.list.offset,
        _ => panic!("search closed"),
    };
    let scrolled = offset(&app);
    assert!(scrolled > 0);
    let before = text(&app);
    update(&mut app, Msg::Key(up));
    assert_eq!(offset(&app), scrolled, "one step up does not move the window");
    let after = text(&app);
    let first_result = |s: &str| s.lines().nth(5).map(str::to_owned);
    assert_eq!(first_result(&before), first_result(&after));
}

/// The `key label` hints on row `y`: runs in the key style, each with the
/// text after it up to the next separator. Also returns the row's text
/// from `from` to `to` with those hints taken out, to catch unstyled hints.
fn hints_on_row(buf: &Buffer, y: u16, from: u16, to: u16) -> (Vec<String>, String) {
    let key = Theme::color().key;
    let cells: Vec<(String, bool)> = (from..to)
        .map(|x| {
            let c = &buf[(x, y)];
            let border = c
                .symbol()
                .chars()
                .all(|ch| ('\u{2500}'..='\u{257f}').contains(&ch));
            let blank = c.symbol().trim().is_empty();
            let is_key = !border && !blank && c.fg == key.fg.unwrap() && c.modifier.contains(Modifier::BOLD);
            (c.symbol().to_string(), is_key)
        })
        .collect();
    let (mut found, mut rest) = (Vec::new(), String::new());
    let mut i = 0;
    while i < cells.len() {
        if !cells[i].1 {
            rest.push_str(&cells[i].0);
            i += 1;
            continue;
        }
        let mut hint = String::new();
        while i < cells.len() && cells[i].1 {
            hint.push_str(&cells[i].0);
            i += 1;
        }
        // The label: one space, then up to a separator or the border.
        let text: String = cells[i..].iter().map(|c| c.0.as_str()).collect();
        let label: String = text
            .chars()
            .skip(1)
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect();
        i += 1 + label.chars().count();
        found.push(format!("{hint} {label}"));
        rest.push('#');
    }
    (found, rest)
}

#[test]
fn hints_come_from_the_table() {
    use crate::tui::keymap::{self, Ctx};
    use crate::tui::layout;
    let table = |ctx: Ctx| -> Vec<String> {
        keymap::Keymap::default()
            .hints(ctx)
            .iter()
            .map(|h| format!("{} {}", h.key, h.label))
            .collect()
    };
    let key_names: Vec<String> = keymap::KEYMAP
        .iter()
        .flat_map(|b| {
            b.keys
                .iter()
                .map(|k| k.label())
                .chain([keymap::keys_label(b.keys)])
        })
        .collect();
    // (keys to reach the mode, its context, the popup whose title has hints)
    type PopupAt = fn(Rect) -> Option<Rect>;
    let modes: [(&str, Ctx, PopupAt); 8] = [
        ("", Ctx::Browse, |_| None),
        ("3", Ctx::Timeline, |_| None),
        ("3/sam", Ctx::Search, |a| Some(layout::search_popup(a))),
        ("3\n", Ctx::Chooser, |a| Some(layout::chooser_popup(a, 2))),
        ("f", Ctx::Popup, |_| None),
        ("t20", Ctx::Prompt, |_| None),
        ("m", Ctx::Mark, |_| None),
        ("?", Ctx::Help, |a| Some(layout::help_popup(a))),
    ];
    for size in [(80, 24), (120, 40), (200, 50)] {
        for (keys_in, ctx, popup) in modes {
            let mut app = embedded(size);
            keys(&mut app, keys_in);
            assert_eq!(app.ctx(), ctx, "{keys_in:?}");
            let buf = draw(&app, &Theme::color());
            let screen = Rect::new(0, 0, size.0, size.1);
            let mut rows = vec![(size.1 - 1, 0, size.0)];
            if let Some(p) = popup(screen) {
                rows.push((p.y, p.x, p.right()));
            }
            let mut on_status = Vec::new();
            for (y, x, end) in rows {
                let (found, rest) = hints_on_row(&buf, y, x, end);
                for h in &found {
                    assert!(
                        table(ctx).contains(h),
                        "{ctx:?} {size:?}: `{h}` is not in the table"
                    );
                }
                // Nothing hint-like left unstyled: no key name followed
                // by a word in what is left of the row.
                let words: Vec<&str> = rest.split([' ', '·']).filter(|w| !w.is_empty()).collect();
                for pair in words.windows(2) {
                    assert!(
                        !(key_names.contains(&pair[0].to_string())
                            && pair[1].starts_with(|c: char| c.is_lowercase())),
                        "{ctx:?} {size:?} row {y}: unstyled hint `{} {}` in {rest:?}",
                        pair[0],
                        pair[1]
                    );
                }
                if y == size.1 - 1 {
                    on_status = found;
                }
            }
            if ctx != Ctx::Prompt && ctx != Ctx::Search && ctx != Ctx::Help {
                assert!(!on_status.is_empty(), "{ctx:?} {size:?}: no hints");
            }
            if matches!(ctx, Ctx::Browse | Ctx::Timeline) {
                assert!(on_status.contains(&"? keys".to_string()), "{size:?}");
            }
        }
    }
}

#[test]
fn status_line_shows_the_current_modes_hints() {
    let status = |keys_in: &str| {
        let mut app = embedded((80, 24));
        keys(&mut app, keys_in);
        text(&app).lines().last().unwrap().to_string()
    };
    let browse = status("");
    for h in ["? keys", "/ search", "f kind", "t date"] {
        assert!(browse.contains(h), "80 columns: {h} missing in {browse}");
    }
    let search = status("/sam");
    assert!(
        search.contains("Enter jump") && search.contains("Esc cancel"),
        "{search}"
    );
    assert!(!search.contains("? keys"), "? is typed in search: {search}");
    let chooser = status("3\n");
    assert!(
        chooser.contains("p person") && chooser.contains("Esc close"),
        "{chooser}"
    );
    let kinds = status("f");
    assert!(
        kinds.contains("Enter choose") && !kinds.contains("p person"),
        "{kinds}"
    );
    let prompt = status("t");
    assert!(
        prompt.contains("Enter jump") && prompt.contains("Esc cancel"),
        "{prompt}"
    );
    let help = status("?");
    assert!(help.contains("Esc close") && help.contains("j down"), "{help}");
}

#[test]
fn display_slips_are_fixed() {
    // An organization found by its alias shows the name too, like people.
    let mut app = embedded((120, 40));
    keys(&mut app, "/msl");
    let screen = text(&app);
    assert!(screen.contains("MSL  (Meta Superintelligence Labs)"), "{screen}");
    // A cut organization name gives way to its alias.
    let mut app = embedded((80, 24));
    keys(&mut app, "2");
    let screen = text(&app);
    assert!(screen.contains("ex-MSL"), "{screen}");
    assert!(!screen.contains("ex-Meta Superi…"), "{screen}");
    // The dispute and uncertainty markers never touch a date, even a full one.
    let d = &app.data;
    let disputed: Vec<String> = (0..d.ds.events.len() as crate::model::EventIx)
        .filter(|&e| d.ds.event(e).disputed().is_some() || d.ds.event(e).uncertain().is_some())
        .map(|e| {
            super::timeline::row(d, e, None, super::timeline::DATE_WIDTH, &Theme::color(), 80).to_string()
        })
        .collect();
    assert!(
        disputed.iter().any(|r| r.starts_with("2023-07-12 ~ founding")),
        "{disputed:?}"
    );
    for (r, e) in disputed.iter().zip(
        d.ds.events
            .iter()
            .filter(|e| e.disputed().is_some() || e.uncertain().is_some()),
    ) {
        // `≠` where sources disagree, `~` for one source's uncertain reading.
        let mark = if e.disputed().is_some() { " ≠ " } else { " ~ " };
        assert!(r.contains(mark), "{r}");
    }
}

#[test]
fn timeline_rows_say_outcomes_and_name_roles() {
    let app = embedded((80, 24));
    let d = &app.data;
    let row = |id: &str| {
        let e = d.ds.events.iter().position(|e| e.id == id).unwrap() as crate::model::EventIx;
        super::timeline::row(d, e, None, super::timeline::DATE_WIDTH, &Theme::color(), 200).to_string()
    };
    assert!(row("meta-bid-for-ssi").contains("Meta ⇢ Safe Superintelligence offer declined"));
    // `unknown` says nothing the row should spend room on.
    assert!(!row("meta-offers-nfdg-stake").contains("unknown"));
    // The losing bidder is no owner of DeepMind; OpenAI is the one thing founded.
    let deepmind = row("google-acquires-deepmind");
    assert!(
        deepmind.contains("Google ⇢ Google DeepMind · also Meta"),
        "{deepmind}"
    );
    assert!(row("openai-founded").contains("OpenAI · also Google, Google DeepMind"));
    assert!(row("zilis-leaves-openai-board").contains("Shivon Zilis  leaves OpenAI board"));
}

#[test]
fn a_long_query_scrolls_so_the_end_and_cursor_show() {
    let mut app = embedded((80, 24));
    let long = format!("/{}zz🇫🇷", "a".repeat(150));
    keys(&mut app, &long);
    let screen = text(&app);
    let input = screen.lines().find(|l| l.contains("/ ")).unwrap();
    assert!(input.contains("/ …aaa"), "{input}");
    assert!(input.contains("zz🇫🇷▏"), "{input}");
}

#[test]
fn clearing_a_flag_from_the_search_box_rewrites_every_cell_it_covered() {
    // Terminals disagree on how wide a flag is (tmux 3.3 gives each half a
    // column), so a cell the flag covered must be rewritten, not assumed
    // cleared, or a stray half-flag stays on screen.
    let mut app = embedded((80, 24));
    keys(&mut app, "/🇫🇷x");
    let before = draw(&app, &Theme::color());
    keys(&mut app, "<C-u>");
    let after = draw(&app, &Theme::color());
    let popup = crate::tui::layout::search_popup(Rect::new(0, 0, 80, 24));
    let (flag_x, y) = (popup.x + 1 + 2, popup.y + 1);
    assert_eq!(before[(flag_x, y)].symbol(), "🇫🇷");
    let updates: Vec<(u16, u16)> = before.diff(&after).iter().map(|&(x, y, _)| (x, y)).collect();
    assert!(updates.contains(&(flag_x + 1, y)), "{updates:?}");
}

#[test]
fn month_view_marks_year_only_dates_as_month_unknown() {
    let mut app = embedded((120, 40));
    keys(&mut app, "3t2023-07\np");
    let screen = text(&app);
    assert_eq!(
        screen.matches("2023 (month unknown)").count(),
        5,
        "every year-only 2023 event shows, marked: {screen}"
    );
    assert!(screen.contains("2023-07-12"), "{screen}");
    assert!(!screen.contains("2023-06-13"), "June is filtered out: {screen}");
    let status = screen.lines().last().unwrap_or_default();
    assert!(status.starts_with(" filter: 2023-07 "), "{status}");
    assert!(screen.contains("3 Timeline · 2023-07"), "{screen}");
    insta::assert_snapshot!(screen);
    keys(&mut app, "p");
    let screen = text(&app);
    assert!(
        !screen.contains("month unknown"),
        "in a year view a year-only date is plain: {screen}"
    );
}

#[test]
fn mark_keys_ask_for_a_letter_in_the_status_line() {
    let mut app = embedded((100, 30));
    keys(&mut app, "m");
    let screen = text(&app);
    let status = screen.lines().last().unwrap_or_default();
    assert!(
        status.starts_with("set mark: press a letter · Esc cancel"),
        "{status}"
    );
    keys(&mut app, "a'");
    let screen = text(&app);
    let status = screen.lines().last().unwrap_or_default();
    assert!(
        status.starts_with("go to mark: press a letter · marks a · Esc cancel"),
        "{status}"
    );
}

/// The screen drawn with `theme`, as text.
fn text_with(app: &App, theme: &Theme) -> String {
    let buf = draw(app, theme);
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_remap_shows_in_the_hints_and_the_help() {
    let config = "[keys]\nsearch = [\"v\"]\nquit = [\"Q\", \"Ctrl-q\"]\nhelp = [\"H\"]\n\
                  [keys.help_overlay]\ncancel = [\"Esc\", \"H\"]\n";
    let keymap = crate::tui::config::parse("config.toml", config).unwrap().keymap;
    let mut app = embedded((120, 40)).with_keymap(Arc::new(keymap));
    let browse = text(&app);
    for hint in ["H keys", "Q quit", "v search"] {
        assert!(browse.contains(hint), "{hint} missing:\n{browse}");
    }
    assert!(!browse.contains("/ search") && !browse.contains("? keys"));
    keys(&mut app, "?");
    assert!(
        matches!(app.mode, crate::tui::app::Mode::Browse),
        "? is unbound now"
    );
    // Open help and scroll to the search section's heading.
    keys(&mut app, "Hjjjjjjjjjjjjjjjjjj");
    let help = text(&app);
    assert!(help.contains("Search (v)"), "{help}");
    insta::assert_snapshot!("help_overlay_remapped", help);
    keys(&mut app, "H");
    assert!(matches!(app.mode, crate::tui::app::Mode::Browse), "H closes help");
}

#[test]
fn ascii_draws_no_box_or_marker_characters() {
    let mut app = embedded((100, 30));
    keys(&mut app, "3");
    let theme = Theme::color().with_glyphs(crate::tui::theme::Glyphs::Ascii);
    let screen = text_with(&app, &theme);
    let drawing: Vec<char> = screen
        .chars()
        .filter(|&c| crate::tui::ascii::ascii(c).is_some())
        .collect();
    assert!(drawing.is_empty(), "{drawing:?} in\n{screen}");
    assert!(screen.contains("+ 1 Companies by name -"), "{screen}");
    assert!(
        screen.contains("+ 3 Timeline ==="),
        "focused pane is drawn with =:\n{screen}"
    );
    assert!(screen.contains("> "), "selection marker:\n{screen}");
    let unicode = text_with(&app, &Theme::color());
    assert!(unicode.contains('─') && unicode.contains('›'));
    insta::assert_snapshot!("ascii_timeline", screen);
}

#[test]
fn sources_view_120x40_and_80x24() {
    for size in [(120, 40), (80, 24)] {
        let mut app = embedded(size);
        keys(&mut app, "Sj");
        let screen = text(&app);
        assert!(screen.lines().next().unwrap().contains("Sources view"));
        insta::assert_snapshot!(format!("sources_view_{}x{}", size.0, size.1), screen);
        let mono = draw(&app, &Theme::mono());
        assert!(
            mono.content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
        assert!(
            mono.content()
                .iter()
                .any(|c| c.modifier.contains(Modifier::REVERSED))
        );
    }
    let mut small = embedded((40, 10));
    keys(&mut small, "S");
    assert!(text(&small).contains("too small"));
}

#[test]
fn source_filter_sorted_companies_and_sparkline() {
    let mut app = embedded((120, 40));
    keys(&mut app, "Sjj\nss3");
    let screen = text(&app);
    assert!(screen.contains("Companies by departures"), "{screen}");
    assert!(
        super::companies::LEGENDS
            .iter()
            .any(|l| screen.contains(l.trim())),
        "{screen}"
    );
    assert!(
        screen.contains("source meta-agi-exodus") || screen.contains("filter: source"),
        "{screen}"
    );
    assert!(screen.contains("per month"));
    insta::assert_snapshot!(screen);
    let mono = draw(&app, &Theme::mono());
    assert!(
        mono.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    let mut narrow = embedded((80, 24));
    keys(&mut narrow, "s3j");
    insta::assert_snapshot!(text(&narrow));
}

#[test]
fn detail_focused_scrolled_and_full_screen() {
    for size in [(120, 40), (80, 24)] {
        let mut app = embedded(size);
        keys(&mut app, "2jjjjjjjjj4jj");
        let screen = text(&app);
        assert!(screen.contains("┏ 4 Detail"), "{screen}");
        insta::assert_snapshot!(format!("detail_scrolled_{}x{}", size.0, size.1), screen);
        keys(&mut app, "z");
        let zoomed = text(&app);
        assert!(zoomed.contains("4 Detail · full screen") && !zoomed.contains("1 Companies"));
        insta::assert_snapshot!(format!("detail_zoomed_{}x{}", size.0, size.1), zoomed);
        let mono = draw(&app, &Theme::mono());
        assert!(
            mono.content()
                .iter()
                .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
        );
    }
    let mut small = embedded((40, 10));
    keys(&mut small, "4z");
    assert!(text(&small).contains("too small"));
}

#[test]
fn timeline_rows_word_moves_groups_offers_and_lawsuits_apart() {
    let a = embedded((200, 60));
    let d = &a.data;
    let row = |id: &str| {
        let e = match d.ds.lookup(id) {
            Some(crate::model::Record::Event(e)) => e,
            _ => panic!("no event {id}"),
        };
        let line = super::timeline::row(d, e, None, 10, &Theme::color(), 200);
        line.spans.iter().map(|s| s.content.as_ref()).collect::<String>()
    };
    let group = row("msl-eleven-signings");
    assert!(
        group.contains("11–≥12≠ people · OpenAI, Google, Anthropic → Meta Superintelligence Labs"),
        "{group}"
    );
    let offer = row("meta-bid-for-ssi");
    assert!(
        offer.contains("Meta ⇢ Safe Superintelligence offer") && !offer.contains('→'),
        "{offer}"
    );
    let suit = row("musk-sues-openai");
    assert!(
        suit.contains("Elon Musk v. OpenAI") && !suit.contains('→'),
        "{suit}"
    );
    // A suit against a person: `from` sues the first person named.
    let countersuit = row("openai-countersues-musk");
    assert!(
        countersuit.contains("OpenAI v. Elon Musk") && !countersuit.contains("Elon Musk  "),
        "{countersuit}"
    );
}

/// The Timeline's sparkline row of `buf`: each bar's glyph and whether it
/// is drawn in the selection style (reverse video in mono).
fn sparkline_bars(buf: &Buffer) -> Vec<(char, bool)> {
    let row = (0..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.contains("per month")
        })
        .unwrap();
    // From the Timeline's corner on (the People pane's scrollbar is `█` too).
    let corner = (0..buf.area.width)
        .find(|&x| matches!(buf[(x, row)].symbol(), "┗" | "└"))
        .unwrap();
    (corner..buf.area.width)
        .map(|x| &buf[(x, row)])
        .filter_map(|c| {
            let ch = c.symbol().chars().next()?;
            ('▁'..='█')
                .contains(&ch)
                .then(|| (ch, c.modifier.contains(Modifier::REVERSED)))
        })
        .collect()
}

#[test]
fn sparkline_scale_lets_quiet_months_differ_and_marks_the_selected_event() {
    let mut app = embedded((120, 40));
    keys(&mut app, "3");
    let buf = draw(&app, &Theme::mono());
    let bars = sparkline_bars(&buf);
    let screen = text(&app);
    assert!(screen.contains("per month, √ scale"), "{screen}");
    // The years before 2025 are quiet beside its summer, yet not all alike.
    let before_2025: std::collections::BTreeSet<char> =
        bars.iter().take(bars.len() * 3 / 4).map(|b| b.0).collect();
    assert!(before_2025.len() >= 3, "{before_2025:?}\n{screen}");
    // The first event is dated 2012 only: its twelve months are marked.
    let marked: Vec<usize> = (0..bars.len()).filter(|&i| bars[i].1).collect();
    assert!(marked.len() >= 2 && marked[0] == 0, "{marked:?}\n{screen}");
    // A month-dated event marks one column, further on.
    keys(&mut app, "G");
    let bars = sparkline_bars(&draw(&app, &Theme::mono()));
    let marked: Vec<usize> = (0..bars.len()).filter(|&i| bars[i].1).collect();
    assert_eq!(marked.len(), 1, "{marked:?}");
}

#[test]
fn sources_view_shows_the_selected_articles_outlet_and_full_title() {
    let full = "Simseo · The AI industry has become a kind of Game of Thrones, and it says \
                something uneasy about your future";
    // The two lines above the bottom border, inside it, joined.
    let footer = |app: &App| {
        let screen = text(app);
        let lines: Vec<&str> = screen.lines().collect();
        let n = lines.len();
        let inside = |l: &str| l.trim_matches(|c| c == '┃' || c == ' ').to_string();
        (
            format!("{} {}", inside(lines[n - 4]), inside(lines[n - 3])),
            screen,
        )
    };
    for width in [120, 80] {
        let mut app = embedded((width, 24));
        keys(&mut app, "S");
        let (text, screen) = footer(&app);
        assert_eq!(text.trim(), full, "{screen}");
    }
    // At the narrowest screen too (cutting with `…` when two lines are
    // not enough is `wrap`'s unit test).
    let mut app = embedded((60, 16));
    keys(&mut app, "S");
    let (text, screen) = footer(&app);
    assert_eq!(text.trim(), full, "{screen}");
    keys(&mut app, "j");
    let (text, screen) = footer(&app);
    assert_eq!(
        text.trim(),
        "Simseo · \"Someone has broken into our home\"",
        "{screen}"
    );
}
