//! End-to-end: the real binary in a pseudo-terminal.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored, colour_codes};

#[test]
fn browse_search_jump_help_and_quit() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    let screen = pty.wait_text("1/25");
    for pane in [
        "1 Companies",
        "2 People",
        "3 Timeline",
        "Detail",
        "rivals · embedded",
    ] {
        assert!(screen.contains(pane), "{pane} missing:\n{screen}");
    }
    assert!(pty.alternate_screen());

    // A typo'd name finds the person; Enter focuses them and filters the timeline.
    pty.send("/shngjia");
    pty.wait_text("person  Shengjia Zhao");
    pty.send("\r");
    let screen = pty.wait_text("filter: Shengjia Zhao");
    assert!(screen.contains("› Shengjia Zhao"), "{screen}");
    assert!(
        screen.contains("Shengjia Zhao  OpenAI → Meta Superintelligence Labs"),
        "{screen}"
    );
    assert!(
        !screen.contains("Geoffrey Hinton +1"),
        "timeline still unfiltered:\n{screen}"
    );

    // Clear the filter; on the timeline, ] moves to the next year (2012 → 2013).
    pty.send("x3g");
    pty.wait_text("1/92");
    pty.send("]");
    pty.wait_text("2/92");

    // Help lists the keys from the keymap.
    pty.send("?");
    // Wait for the whole overlay, not just its title: a loaded machine can show a half-painted frame.
    let screen = pty.wait_for("the help overlay", |s| {
        s.contains("Keys · Esc close") && s.contains("fuzzy search people, companies and events")
    });
    assert!(screen.contains("Ctrl-c"), "{screen}");
    pty.send("\x1b");
    pty.wait_for("help closed", |s| !s.contains("Keys · Esc close"));

    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn ctrl_c_quits_from_a_popup_and_restores() {
    let mut pty = Pty::spawn(&[], 80, 24, &[]);
    pty.wait_text("Companies");
    pty.send("/mus");
    pty.wait_text("Elon Musk");
    pty.send("\x03");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

#[test]
fn a_tiny_terminal_gets_a_message_not_a_broken_layout() {
    let mut pty = Pty::spawn(&[], 30, 8, &[]);
    pty.wait_text("terminal too small");
    pty.send("q");
    assert!(pty.wait_exit());
}

/// Runs the explorer with `args` and `env`, quits, and returns every byte it wrote.
fn output_of(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut pty = Pty::spawn(args, 100, 30, env);
    pty.wait_text("Companies");
    // Open the popups too: they have their own styles.
    pty.send("/sam");
    pty.wait_text("Sam Altman");
    pty.send("\x1b");
    pty.wait_for("search closed", |s| !s.contains("Search ·"));
    pty.send("?");
    pty.wait_text("Keys");
    pty.send("\x1b");
    pty.wait_for("help closed", |s| !s.contains("Keys ·"));
    pty.send("q");
    assert!(pty.wait_exit());
    String::from_utf8_lossy(&pty.raw.lock().unwrap()).into_owned()
}

#[test]
fn no_color_sends_no_colour_codes() {
    // The check sees colour when there is some...
    let coloured = colour_codes(&output_of(&[], &[]));
    assert!(
        !coloured.is_empty(),
        "the colour check found nothing in a colour run"
    );
    // ...and none with --no-color or NO_COLOR.
    for (args, env) in [
        (&["--no-color"][..], &[][..]),
        (&[][..], &[("NO_COLOR", "1")][..]),
    ] {
        let codes = colour_codes(&output_of(args, env));
        assert!(codes.is_empty(), "{args:?} {env:?}: colour codes sent: {codes:?}");
    }
}

#[test]
fn the_colour_check_knows_every_form() {
    for seq in [
        "\x1b[38;5;12m",
        "\x1b[48;5;0m",
        "\x1b[36m",
        "\x1b[1;46m",
        "\x1b[38;2;1;2;3m",
        "\x1b[92m",
        "\x1b[0;104m",
    ] {
        assert_eq!(colour_codes(seq).len(), 1, "{seq:?}");
    }
    for seq in [
        "\x1b[0m",
        "\x1b[1m",
        "\x1b[7m",
        "\x1b[39m",
        "\x1b[49m",
        "\x1b[1;4m",
        "\x1b[38C",
    ] {
        assert!(colour_codes(seq).is_empty(), "{seq:?}");
    }
}

#[test]
fn redraws_on_resize() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    pty.wait_for("wide layout", |s| {
        s.lines()
            .any(|l| l.contains("1 Companies") && l.contains("3 Timeline"))
    });
    pty.resize(80, 24);
    pty.wait_for("stacked layout", |s| {
        s.lines()
            .any(|l| l.contains("1 Companies") && l.contains("2 People"))
    });
    pty.resize(30, 8);
    pty.wait_text("terminal too small");
    pty.resize(100, 30);
    pty.wait_text("3 Timeline");
    pty.send("q");
    assert!(pty.wait_exit());
}

#[test]
fn works_in_common_terminal_types() {
    for term in [
        "xterm-256color",
        "screen-256color",
        "tmux-256color",
        "xterm",
        "linux",
        "vt100",
    ] {
        let mut pty = Pty::spawn(&[], 100, 30, &[("TERM", term)]);
        pty.wait_text("3 Timeline");
        pty.send("jq");
        assert!(pty.wait_exit(), "{term}");
        assert_restored(&pty);
    }
}

#[test]
fn idle_uses_no_cpu() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    pty.wait_text("1/25");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let before = pty.cpu_ticks();
    std::thread::sleep(std::time::Duration::from_secs(2));
    let used = pty.cpu_ticks() - before;
    // A polling loop would burn ticks (100 a second per core); sleeping uses none.
    assert!(used <= 1, "used {used} ticks of CPU in 2 s of idling");
    pty.send("q");
    assert!(pty.wait_exit());
}

#[test]
fn views_walk_flows_cell_back_money_sources_and_out() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    pty.wait_text("1/25");
    // Flows: the OpenAI row, the MSL column (busiest first).
    pty.send("F");
    pty.wait_text("Flows view");
    pty.send("j");
    pty.wait_text("OpenAI → Meta Superintelligence Labs: 8 to at least 9 people");
    // Enter on the cell: back to the panes, the timeline holds its moves.
    pty.send("\r");
    // The whole frame is waited for: a screen read mid-redraw may hold the
    // new timeline row before the status line's count.
    pty.wait_for(
        "the cell's moves in the timeline, 1/4, unfiltered rows gone",
        |s| {
            !s.contains("Flows view")
                && s.contains("7–≥8≠ people · OpenAI → Meta Superintelligence Labs")
                && s.contains("1/4")
                && !s.contains("2012 ")
        },
    );
    // Backspace comes back to the matrix, on the same cell.
    pty.send("\x7f");
    pty.wait_text("OpenAI → Meta Superintelligence Labs: 8 to at least 9 people");
    pty.send("\x1b");
    pty.wait_for("the panes", |s| {
        !s.contains("Flows view") && s.contains("1 Companies")
    });
    // Money, then Sources; Esc leaves each for the panes as they were.
    pty.send("M");
    pty.wait_for("the Money view with its amounts", |s| {
        s.contains("Money view") && s.contains("£400 million") && s.contains("USD 660M")
    });
    pty.send("\x1b");
    pty.wait_for("the panes", |s| {
        !s.contains("Money view") && s.contains("1 Companies")
    });
    pty.send("S");
    pty.wait_for("the Sources view with its articles", |s| {
        s.contains("Sources view") && s.contains("Someone has broken into our home")
    });
    pty.send("\x1b");
    pty.wait_for("the panes", |s| {
        !s.contains("Sources view") && s.contains("1 Companies")
    });
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}

/// The Sankey's time scrubber plays on the event loop's tick, with no
/// key pressed, and any key stops it.
#[test]
fn the_sankey_plays_the_years_and_a_key_stops_it() {
    let mut pty = Pty::spawn(&[], 120, 40, &[]);
    pty.wait_text("1/25");
    pty.send("Fv");
    pty.wait_text("Flows · Sankey · all time");
    pty.send("p");
    let first = pty.wait_text("▶ playing");
    let year = |s: &str| {
        s.lines()
            .find_map(|l| l.split("Flows · Sankey · ").nth(1))
            .and_then(|t| t.get(..4))
            .and_then(|y| y.parse::<u16>().ok())
    };
    let start = year(&first).unwrap_or_else(|| panic!("no year:\n{first}"));
    // The next year comes on its own.
    pty.wait_for("the next year, played", |s| year(s).is_some_and(|y| y > start));
    pty.send("x");
    pty.wait_for("stopped", |s| s.contains("stopped") && !s.contains("▶ playing"));
    let stopped = year(&pty.screen());
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(year(&pty.screen()), stopped, "no tick after the stop");
    pty.send("\x1b");
    pty.wait_text("1 Companies");
    pty.send("q");
    assert!(pty.wait_exit());
    assert_restored(&pty);
}
