//! The Flows and Money views, and the timeline's family selection: tables
//! checked against hand-computed figures of a small dataset, `update` key
//! by key, and the screens as text.

use crate::model::{Dataset, EventIx, Files, load};
use crate::tui::app::{App, Effect, MAX_HITS, Mode, Msg, test_keys, update};
use crate::tui::data::Data;
use crate::tui::flows::{Matrix, org_name};
use crate::tui::layout::{MATRIX_CELL_WIDTH, MATRIX_LABEL_WIDTH, flows_grid};
use crate::tui::money::{Chart, Group, Row, fraction};
use crate::tui::pane::Pane;
use crate::tui::theme::Theme;
use crate::tui::ui::render;
use crate::tui::view::EventRows;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use std::sync::Arc;

const SOURCES: &str = "- id: s\n  title: T\n  language: en\n";
const ORGS: &str = "
- {id: a, name: Alpha, kind: lab, summary: x, sources: [s]}
- {id: b, name: Beta, kind: lab, summary: x, sources: [s]}
- {id: c, name: Gamma, kind: company, summary: x, sources: [s]}
- {id: c2, name: Gamma Lab, kind: lab, parent: c, summary: x, sources: [s]}
";
const PEOPLE: &str = "
- {id: p1, name: Pia, summary: x, sources: [s]}
- {id: p2, name: Quinn, summary: x, sources: [s]}
- {id: p3, name: Rosa, summary: x, sources: [s]}
- {id: p4, name: Sam, summary: x, sources: [s]}
";
// Moves: Alpha→Beta 2 (Pia, Quinn), Beta→Alpha 1 (Rosa), a group of 3
// Alpha→Gamma Lab, Sam leaving Gamma for places unknown. Not moves: an
// offer, a lawsuit. Amounts: USD 1M offer for Beta (a bid), USD 14.3B
// acquisition disputed with 14.9B, GBP 400M ≈ USD 660M acquisition, EUR 5M
// investment disputed with a dollar figure (off its axis), USD 2M offered
// to Quinn (pay).
const EVENTS: &str = "
- {id: e1, date: 2020, kind: hire, people: [p1], from: a, to: b, summary: Pia moves., sources: [s]}
- {id: e2, date: 2020, kind: hire, people: [p2], from: a, to: b, summary: Quinn moves., sources: [s]}
- {id: e3, date: 2021, kind: hire, people: [p3], from: b, to: a, summary: Rosa moves., sources: [s]}
- {id: e4, date: 2022, kind: hire, count: 3, from: a, to: c2, summary: Three move., sources: [s]}
- {id: e5, date: 2023, kind: departure, people: [p4], from: c, summary: Sam leaves., sources: [s]}
- {id: e6, date: 2023, kind: offer, people: [p1], from: c, to: b, amount: {value: 1.0e6, currency: USD, text: a million}, summary: An offer., sources: [s]}
- {id: e7, date: 2024, kind: lawsuit, people: [p4], orgs: [a], summary: Sam sues., sources: [s]}
- id: e8
  date: 2024
  kind: acquisition
  from: c
  to: b
  amount: {value: 14.3e9, currency: USD, text: $14.3B for 49% of Beta}
  disputed:
    note: Two prices.
    alternatives:
      - {value: $14.9B, amount: {value: 14.9e9, currency: USD}, sources: [s]}
  summary: A stake.
  sources: [s]
- {id: e9, date: 2024, kind: acquisition, from: a, to: b, amount: {value: 400.0e6, currency: GBP, text: £400M, equivalent: {value: 660.0e6, currency: USD}}, summary: A deal., sources: [s]}
- id: e10
  date: 2024
  kind: investment
  from: b
  to: a
  amount: {value: 5.0e6, currency: EUR, text: five million euros}
  disputed:
    note: Dollars.
    alternatives:
      - {value: $6M, amount: {value: 6.0e6, currency: USD}, sources: [s]}
  summary: A bet.
  sources: [s]
- {id: e11, date: 2024, kind: offer, people: [p2], from: a, amount: {value: 2.0e6, currency: USD, text: two million}, summary: A package., sources: [s]}
";

fn ds() -> Dataset {
    let files = Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events: EVENTS,
    };
    load("views", &files, "").unwrap_or_else(|e| panic!("{e:?}"))
}

pub(super) fn app(size: (u16, u16)) -> App {
    App::new(Arc::new(Data::new(ds())), size)
}

pub(super) fn embedded(size: (u16, u16)) -> App {
    App::new(
        Arc::new(Data::new(
            Dataset::embedded().unwrap_or_else(|_| panic!("embedded")),
        )),
        size,
    )
}

pub(super) fn keys(app: &mut App, keys: &str) {
    for key in test_keys::parse(keys) {
        if let Some(Effect::Search { query, generation }) = update(app, Msg::Key(key)) {
            let hits = app.data.index().search(&app.data.ds, &query, MAX_HITS);
            update(app, Msg::Hits { generation, hits });
        }
    }
}

pub(super) fn draw(app: &App, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap_or_else(|e| panic!("{e}"));
    t.draw(|f| render(app, theme, f))
        .unwrap_or_else(|e| panic!("{e}"));
    t.backend().buffer().clone()
}

pub(super) fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn event(ds: &Dataset, id: &str) -> EventIx {
    match ds.lookup(id) {
        Some(crate::model::Record::Event(e)) => e,
        _ => panic!("no event {id}"),
    }
}

#[test]
fn matrix_totals_and_cells_match_a_hand_count() {
    let ds = ds();
    let m = Matrix::new(&ds, false);
    let names: Vec<&str> = m.axis.iter().map(|&o| org_name(&ds, o)).collect();
    // Alpha: out 2+3, in 1; Beta: in 2, out 1; Gamma Lab: in 3; then the
    // unknown destination (in 1) and Gamma (out 1), unknown after names.
    assert_eq!(names, ["Alpha", "Beta", "Gamma Lab", "Gamma", "?"]);
    let counts = |t: &[(crate::model::Range, crate::model::Range)]| {
        t.iter().map(|(o, i)| (o.count, i.count)).collect::<Vec<_>>()
    };
    assert_eq!(counts(&m.totals), [(5, 1), (1, 2), (0, 3), (1, 0), (0, 1)]);
    let count = |r, c| m.cell(r, c).map(|(_, f)| f.range.count);
    assert_eq!(
        (count(0, 1), count(1, 0), count(0, 2), count(3, 4)),
        (Some(2), Some(1), Some(3), Some(1))
    );
    assert_eq!(count(3, 1), None, "the offer is no move");
    let nets: Vec<Option<String>> = (0..m.len()).map(|i| m.net(i)).collect();
    let net = |n: &str| Some(n.to_string());
    assert_eq!(
        nets,
        [net("-4"), net("+1"), net("+3"), net("-1"), None],
        "as `rivals flow` writes them: unknown has no net gain"
    );
    assert_eq!(m.max, 3);
    let rolled = Matrix::new(&ds, true);
    let names: Vec<&str> = rolled.axis.iter().map(|&o| org_name(&ds, o)).collect();
    assert_eq!(names, ["Alpha", "Gamma", "Beta", "?"]);
    assert_eq!(
        counts(&rolled.totals)[1],
        (1, 3),
        "Gamma Lab's arrivals count for Gamma"
    );
}

#[test]
fn the_grid_leaves_room_for_labels_totals_and_footer() {
    assert_eq!(flows_grid(Rect::new(0, 0, 120, 40)), (33, 13));
    assert_eq!(flows_grid(Rect::new(0, 0, 80, 24)), (17, 7));
    assert_eq!(flows_grid(Rect::new(0, 0, 10, 3)), (0, 0));
}

#[test]
fn money_values_match_the_articles_on_one_usd_axis() {
    let ds = ds();
    let chart = Chart::new(&ds);
    let rows: Vec<String> = chart
        .rows
        .iter()
        .map(|r| match r {
            Row::Heading(g, n) => format!("# {} ({n})", g.title()),
            Row::Bar(b) => format!(
                "{} {} {}..{} {} · {}{}",
                ds.event(b.event).id,
                b.value,
                b.low,
                b.high,
                b.who,
                b.label,
                if b.disputed { " ≠" } else { "" }
            ),
        })
        .collect();
    assert_eq!(
        rows,
        [
            "# Offers and pay (USD) (1)",
            "e11 2000000 2000000..2000000 Alpha · two million",
            "# Acquisitions, bids and stakes (USD) (3)",
            "e8 14300000000 14300000000..14900000000 Gamma → Beta · $14.3B for 49% of Beta ≠",
            "e9 660000000 660000000..660000000 Alpha → Beta · £400M",
            "e6 1000000 1000000..1000000 Gamma → Beta · a million",
            "# In EUR, no USD equivalent stated (1)",
            "e10 5000000 5000000..5000000 Beta → Alpha · five million euros ≠",
        ]
    );
    assert_eq!(
        chart.max(Group::Deals),
        14.9e9,
        "one USD axis, up to the highest alternative"
    );
    assert_eq!(
        chart.max(Group::Currency("EUR")),
        5.0e6,
        "euros are never on the USD axis"
    );
    assert_eq!(fraction(14.9e9 / 2.0, 1e6, 14.9e9, false), 0.5);
    assert!(
        (fraction(1e8, 1e6, 1e9, true) - 0.75).abs() < 1e-9,
        "log: 1e5..1e9"
    );
}

#[test]
fn flows_keys_move_roll_up_and_close_with_the_panes_intact() {
    let mut a = app((120, 40));
    keys(&mut a, "2j");
    let before = (a.focus, a.lists);
    keys(&mut a, "F");
    assert_eq!(a.mode, Mode::Flows);
    keys(&mut a, "jlll");
    assert_eq!((a.flows_view.rows.selected, a.flows_view.cols.selected), (1, 3));
    keys(&mut a, "kkkkhhhhhh");
    assert_eq!(
        (a.flows_view.rows.selected, a.flows_view.cols.selected),
        (0, 0),
        "clamped at the edges"
    );
    keys(&mut a, "jjjjjjjjjj");
    assert_eq!(a.flows_view.rows.selected, 4, "clamped at the last organization");
    keys(&mut a, "\x1b");
    assert_eq!(
        (a.mode.clone(), a.focus, a.lists),
        (Mode::Browse, before.0, before.1)
    );
    keys(&mut a, "Fl");
    assert_eq!(a.flows_view.cols.selected, 1, "the view keeps its place");
    keys(&mut a, "gg");
    keys(&mut a, "F");
    assert_eq!(a.mode, Mode::Browse, "its own key closes it");
    // Roll-up keeps the cursor on the same organizations: row Gamma (3)
    // becomes row 1 rolled up.
    keys(&mut a, "Fkkkkkjjjr");
    assert!(a.flows_view.roll_up);
    assert_eq!(a.flows_view.rows.selected, 1);
    keys(&mut a, "r");
    assert_eq!(a.flows_view.rows.selected, 3);
}

#[test]
fn enter_on_a_cell_filters_the_timeline_and_backspace_returns() {
    let mut a = app((120, 40));
    keys(&mut a, "Fl");
    keys(&mut a, "\n");
    assert_eq!(a.mode, Mode::Browse);
    assert_eq!(a.focus, Pane::Timeline);
    let d = &a.data.ds;
    assert_eq!(
        a.event_rows,
        EventRows::Some(vec![event(d, "e1"), event(d, "e2")])
    );
    assert_eq!(a.flow_cell.as_deref(), Some("Alpha → Beta"));
    keys(&mut a, "\x7f");
    assert_eq!(a.mode, Mode::Flows, "back to the matrix");
    assert_eq!((a.flows_view.rows.selected, a.flows_view.cols.selected), (0, 1));
    assert_eq!(a.event_rows, EventRows::All, "the timeline as it was");
    assert_eq!(a.flow_cell, None);
    // An empty cell says so and stays.
    keys(&mut a, "h\n");
    assert_eq!(a.mode, Mode::Flows);
    assert_eq!(a.note.as_deref(), Some("no moves Alpha → Alpha"));
}

#[test]
fn money_keys_skip_headings_toggle_log_and_open_the_event() {
    let mut a = app((120, 40));
    keys(&mut a, "M");
    assert_eq!((a.mode.clone(), a.money_view.list.selected), (Mode::Money, 1));
    keys(&mut a, "j");
    assert_eq!(a.money_view.list.selected, 3, "over the heading");
    keys(&mut a, "k");
    assert_eq!(a.money_view.list.selected, 1);
    keys(&mut a, "k");
    assert_eq!(a.money_view.list.selected, 1, "never on the first heading");
    keys(&mut a, "G");
    assert_eq!(a.money_view.list.selected, 7);
    keys(&mut a, "L");
    assert!(a.money_view.log);
    keys(&mut a, "\n");
    assert_eq!((a.mode.clone(), a.focus), (Mode::Browse, Pane::Timeline));
    assert_eq!(a.selected_event(), Some(event(&a.data.ds, "e10")));
    keys(&mut a, "M\x1b");
    assert_eq!(a.mode, Mode::Browse);
    assert!(a.money_view.log, "the scale is kept");
}

#[test]
fn selecting_a_parent_includes_its_children_and_c_toggles_them() {
    let mut a = embedded((120, 40));
    let ds = &a.data.ds;
    let row = ds
        .orgs_by_name
        .iter()
        .position(|&o| ds.org(o).id == "meta")
        .unwrap_or(0);
    let signings = event(ds, "msl-eleven-signings");
    for _ in 0..row {
        keys(&mut a, "j");
    }
    keys(&mut a, "\n");
    assert!(
        a.event_rows.position(&a.data, signings).is_some(),
        "MSL's story under Meta"
    );
    let text_now = text(&draw(&a, &Theme::color()));
    assert!(text_now.contains("Meta (incl. children)"), "{text_now}");
    keys(&mut a, "c");
    assert!(!a.org_family);
    assert!(a.event_rows.position(&a.data, signings).is_none(), "Meta alone");
    assert!(text(&draw(&a, &Theme::color())).contains("Meta (alone)"));
    keys(&mut a, "\x7f");
    assert!(a.org_family && a.event_rows.position(&a.data, signings).is_some());
}

/// Every view's screen at a size, in colour; the monochrome screen has the
/// same text (counts and bars, not colour, carry the figures).
fn view_screens(keys_to_open: &str, name: &str) {
    for size in [(120u16, 40u16), (80, 24)] {
        let mut a = embedded(size);
        keys(&mut a, keys_to_open);
        let colour = draw(&a, &Theme::color());
        let mono = draw(&a, &Theme::mono());
        assert_eq!(text(&colour), text(&mono), "the same text without colour");
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), text(&colour));
    }
    let mut a = embedded((40, 10));
    keys(&mut a, keys_to_open);
    assert!(text(&draw(&a, &Theme::mono())).contains("too small"));
}

#[test]
fn flows_view_screens() {
    view_screens("Fj", "flows");
    let mut a = embedded((120, 40));
    keys(&mut a, "Fj");
    let buf = draw(&a, &Theme::mono());
    let reversed = (0..buf.area.width)
        .flat_map(|x| (0..buf.area.height).map(move |y| (x, y)))
        .any(|p| buf[p].modifier.contains(Modifier::REVERSED));
    assert!(reversed, "the selected cell shows without colour");
}

#[test]
fn money_view_screens() {
    view_screens("MjL", "money");
}

#[test]
fn money_groups_amounts_by_what_they_pay_for_and_names_who_pays() {
    let a = embedded((120, 40));
    let ds = &a.data.ds;
    let chart = Chart::new(ds);
    let bar = |id: &str| {
        chart.rows.iter().find_map(|r| match r {
            Row::Bar(b) if ds.event(b.event).id == id => Some((b.group, b.who.as_str(), b.disputed)),
            _ => None,
        })
    };
    // A plan to spend is no investment in anyone; a bid for a company is a
    // deal, not pay; a hire's sum goes from the employer to the person.
    assert_eq!(
        bar("amazon-datacentre-plan-2025"),
        Some((Group::Plans, "Amazon", false))
    );
    assert_eq!(
        bar("meta-bid-for-ssi"),
        None,
        "the article gives no price for the bid"
    );
    assert_eq!(
        bar("google-acquires-deepmind"),
        Some((Group::Deals, "Google → Google DeepMind", false))
    );
    assert_eq!(
        bar("meta-invests-in-scale-ai"),
        Some((Group::Investments, "Meta → Scale AI", true))
    );
    assert_eq!(
        bar("agarwal-joins-meta"),
        Some((Group::Pay, "MSL → Rishabh Agarwal", false)),
        "one article's garbled figure is uncertain, not disputed"
    );
    let agarwal = chart.rows.iter().find_map(|r| match r {
        Row::Bar(b) if ds.event(b.event).id == "agarwal-joins-meta" => Some(b),
        _ => None,
    });
    assert!(agarwal.is_some_and(|b| b.uncertain), "marked `~`");
    // A company's worth is not money anyone raised.
    assert_eq!(
        bar("ssi-valued-32b"),
        Some((Group::Valuations, "Safe Superintelligence", false))
    );
    assert_eq!(
        bar("stargate-announced"),
        Some((Group::Investments, "→ Stargate", false))
    );
}

#[test]
fn flows_says_what_is_cut_aligns_the_in_row_and_shows_its_own_state() {
    let mut a = embedded((80, 24));
    keys(&mut a, "Fj");
    let screen = text(&draw(&a, &Theme::mono()));
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let starting = |p: &str| {
        lines
            .iter()
            .find(|l| l.iter().collect::<String>().starts_with(p))
            .unwrap_or_else(|| panic!("no line {p}\n{screen}"))
    };
    assert!(
        starting("┏").iter().collect::<String>().contains(" › 7 more ┓"),
        "{screen}"
    );
    // Each `in` total ends where the counts above it end, before the `≠`
    // column.
    let into = starting("┃in ");
    let (label, cell) = (1 + MATRIX_LABEL_WIDTH as usize, MATRIX_CELL_WIDTH as usize);
    for c in 0..7 {
        let x = label + c * cell;
        assert!(
            into[x + cell - 2].is_ascii_digit() && matches!(into[x + cell - 1], ' ' | '≠'),
            "column {c}\n{screen}"
        );
    }
    // Unknown is no organization: no net gain, as in `rivals flow`.
    let unknown: String = starting("┃? ").iter().collect();
    assert!(unknown.ends_with("     3     6      ┃"), "{unknown}");
    let status: String = lines[23].iter().collect();
    assert!(
        status.starts_with(" 2015–2025 · not rolled up · OAI → MSL "),
        "{status}"
    );
    keys(&mut a, "llllllll");
    let screen = text(&draw(&a, &Theme::mono()));
    let top = screen.lines().nth(1).unwrap_or("");
    assert!(
        top.contains(" · not rolled up ━") && top.contains(" ‹ 5 · › 2 more ┓"),
        "{screen}"
    );
    keys(&mut a, "r");
    let screen = text(&draw(&a, &Theme::mono()));
    assert!(
        screen.lines().last().unwrap_or("").contains(" · rolled up"),
        "{screen}"
    );
}

#[test]
fn money_bars_of_lower_bounds_are_open_ended() {
    let a = embedded((120, 40));
    let ds = &a.data.ds;
    let chart = Chart::new(ds);
    let open = |id: &str| {
        chart.rows.iter().find_map(|r| match r {
            Row::Bar(b) if ds.event(b.event).id == id => Some(b.open_ended),
            _ => None,
        })
    };
    // "more than $4.4 billion" and "over $100 billion" (article 004).
    assert_eq!(open("openai-raises-stock-pay"), Some(true));
    assert_eq!(open("stargate-announced"), Some(true));
    assert_eq!(open("meta-invests-in-scale-ai"), Some(false));
}
