//! The Flows view's Sankey, time scrubber and the timeline's precise
//! periods: `update` key by key, and the screens as text at 80×24 and
//! 120×40, in colour, without colour and in ASCII.

use super::views_tests::{app, draw, embedded, keys, text};
use crate::model::{Date, Period};
use crate::tui::app::sankey::Pick;
use crate::tui::app::{Mode, Msg, update};
use crate::tui::pane::Pane;
use crate::tui::theme::{Glyphs, Theme};

fn year(y: u16) -> Option<Period> {
    Some(Period::of(Date::year(y)))
}

#[test]
fn sankey_screens() {
    for size in [(120u16, 40u16), (80, 24)] {
        let mut a = embedded(size);
        keys(&mut a, "Fv");
        assert!(a.flows_view.sankey && a.mode == Mode::Flows);
        let screen = text(&draw(&a, &Theme::color()));
        for want in [
            "Flows · Sankey · all time · 41 people",
            "OpenAI 13≠",
            "16≠ Meta Superinte",
            "6 ?",
            "others (5) 5",
            "≠8–≥9",
            "OpenAI → Meta Superintelligence Labs: 8 people (≠ sources give 8–≥9)",
        ] {
            assert!(screen.contains(want), "{want} missing at {size:?}\n{screen}");
        }
        insta::assert_snapshot!(format!("sankey_{}x{}", size.0, size.1), screen);
    }
    // Without colour, each origin's ribbons have a pattern; in ASCII too.
    let mut a = embedded((80, 24));
    keys(&mut a, "Fvj");
    let mono = text(&draw(&a, &Theme::mono()));
    assert!(mono.contains('▓') && mono.contains('▒'), "{mono}");
    insta::assert_snapshot!("sankey_80x24_mono", mono);
    let ascii = text(&draw(&a, &Theme::mono().with_glyphs(Glyphs::Ascii)));
    assert!(
        ascii
            .chars()
            .all(|c| c.is_ascii() || c == '≠' || c == '–' || c == '…'),
        "{ascii}"
    );
    assert!(ascii.contains('#') && ascii.contains('='), "{ascii}");
    insta::assert_snapshot!("sankey_80x24_ascii", ascii);
}

#[test]
fn sankey_keys_walk_ribbons_and_nodes_and_open_their_moves() {
    let mut a = embedded((120, 40));
    keys(&mut a, "Fv");
    assert_eq!(a.flows_view.pick, Pick::Ribbon(0));
    keys(&mut a, "jj");
    assert_eq!(a.flows_view.pick, Pick::Ribbon(2));
    keys(&mut a, "k");
    assert_eq!(a.flows_view.pick, Pick::Ribbon(1));
    let r = a.sankey().ribbons[1].clone();
    keys(&mut a, "l");
    assert_eq!(a.flows_view.pick, Pick::Right(r.to));
    keys(&mut a, "k");
    keys(&mut a, "h");
    assert!(matches!(a.flows_view.pick, Pick::Left(_)));
    // Enter on the first ribbon: its moves in the timeline, Bksp back.
    keys(&mut a, "hhhhhhhhhhhhhhhhj");
    assert_eq!(a.flows_view.pick, Pick::Ribbon(0));
    keys(&mut a, "\n");
    assert_eq!((a.mode.clone(), a.focus), (Mode::Browse, Pane::Timeline));
    let note = a.note.clone().unwrap_or_default();
    assert!(
        note.starts_with("8 people OpenAI → Meta Superintelligence Labs"),
        "{note}"
    );
    let first = &a.sankey().ribbons[0];
    let mut events: Vec<_> = first
        .flows
        .iter()
        .flat_map(|&k| a.matrix().flows[k].1.events.clone())
        .collect();
    events.sort_unstable();
    assert_eq!(a.len(Pane::Timeline), events.len());
    keys(&mut a, "\x7f");
    assert!(a.mode == Mode::Flows && a.flows_view.sankey, "back to the Sankey");
    // r rolls up: fewer nodes, and the selection stays inside.
    let before = a.sankey().left.len() + a.sankey().right.len();
    keys(&mut a, "llllllllllllllllr");
    assert!(a.flows_view.roll_up);
    assert!(a.sankey().left.len() + a.sankey().right.len() <= before);
    assert_eq!(
        a.flows_view.pick,
        crate::tui::app::sankey::clamp(a.flows_view.pick, a.sankey())
    );
    keys(&mut a, "v");
    assert!(!a.flows_view.sankey, "v goes back to the matrix");
}

#[test]
fn the_scrubber_steps_types_and_plays_the_years() {
    let mut a = app((100, 30));
    keys(&mut a, "F");
    assert_eq!(a.data.years(), [2020, 2021, 2022, 2023]);
    keys(&mut a, "]");
    assert_eq!(a.flows_view.period, year(2020));
    assert_eq!(
        a.matrix().flows.iter().map(|(_, f)| f.range.count).sum::<u32>(),
        2
    );
    let screen = text(&draw(&a, &Theme::mono()));
    assert!(screen.contains("Flows · matrix · 2020 ·"), "{screen}");
    keys(&mut a, "v");
    assert!(text(&draw(&a, &Theme::mono())).contains("Flows · Sankey · 2020 · 2 people"));
    keys(&mut a, "[");
    assert_eq!(a.flows_view.period, None);
    keys(&mut a, "[");
    assert_eq!(a.flows_view.period, None, "all time is the first step");
    // t: the date prompt over the view; its period is the view's.
    keys(&mut a, "t2021..2022");
    let asking = text(&draw(&a, &Theme::mono()));
    assert!(asking.contains("Flows · Sankey"), "the view stays");
    assert!(asking.contains("period to count: 2021..2022"), "{asking}");
    keys(&mut a, "\n");
    assert_eq!(a.mode, Mode::Flows);
    let typed = Period {
        from: Some(Date::year(2021)),
        to: Some(Date::year(2022)),
    };
    assert_eq!(a.flows_view.period, Some(typed));
    assert_eq!(a.sankey().total, 4, "Rosa and the three");
    keys(&mut a, "t\x1b");
    assert_eq!((a.mode.clone(), a.flows_view.period), (Mode::Flows, Some(typed)));
    // p plays from the first year, a tick a year, and stops after the last.
    keys(&mut a, "p");
    assert!(a.flows_view.playing && a.tick_after().is_some());
    assert_eq!(a.flows_view.period, year(2020));
    assert!(text(&draw(&a, &Theme::mono())).contains("2020 ▶ playing"));
    update(&mut a, Msg::Tick);
    assert_eq!(a.flows_view.period, year(2021));
    update(&mut a, Msg::Tick);
    update(&mut a, Msg::Tick);
    assert_eq!(a.flows_view.period, year(2023));
    update(&mut a, Msg::Tick);
    assert!(
        !a.flows_view.playing && a.tick_after().is_none(),
        "stopped after the last year"
    );
    assert_eq!(a.flows_view.period, year(2023));
    // Any key stops it, and does nothing else.
    keys(&mut a, "[[p");
    assert!(a.flows_view.playing);
    let pick = a.flows_view.pick;
    keys(&mut a, "j");
    assert!(!a.flows_view.playing);
    assert_eq!((a.flows_view.pick, a.flows_view.period), (pick, year(2021)));
    // Ctrl-c still quits while playing.
    keys(&mut a, "p");
    assert!(a.flows_view.playing);
    update(
        &mut a,
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('c'),
            crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    assert!(a.quit);
}

#[test]
fn precise_hides_the_events_dated_too_coarsely_for_the_period() {
    let mut a = embedded((120, 40));
    keys(&mut a, "3t2025-06\np");
    let june = Period::of(Date {
        month: 6,
        ..Date::year(2025)
    });
    assert_eq!(a.period_filter, Some(june));
    let rows = |a: &crate::tui::app::App| -> Vec<Date> {
        (0..a.len(Pane::Timeline))
            .filter_map(|r| a.event_rows.get(&a.data, r))
            .map(|e| a.data.ds.event(e).date)
            .collect()
    };
    let all = rows(&a);
    let vague = all.iter().filter(|&&d| june.is_vague(d)).count();
    assert!(vague > 0, "year-only events show in June");
    keys(&mut a, "P");
    let exact = rows(&a);
    assert_eq!(exact.len(), all.len() - vague);
    assert!(exact.iter().all(|&d| !june.is_vague(d)));
    let screen = text(&draw(&a, &Theme::mono()));
    assert!(
        screen.contains(&format!("exact dates only ({vague} hidden)")),
        "{screen}"
    );
    keys(&mut a, "j");
    let screen = text(&draw(&a, &Theme::mono()));
    assert!(screen.contains("filter: 2025-06 exact dates"), "{screen}");
    keys(&mut a, "P");
    assert_eq!(rows(&a).len(), all.len(), "P again shows them");
}
