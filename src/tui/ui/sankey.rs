//! The Flows view as a Sankey diagram: origins on the left, destinations
//! on the right, each ribbon as thick as its count, drawn in eighths of a
//! row with block elements, one colour per origin. Without colour
//! (`NO_COLOR`, `--ascii`) each origin's ribbons get a pattern of their own
//! and every node is labelled with its count, so it reads the same. The
//! layout is [`Sankey::place`]'s; this only draws it.

use super::fit_spans;
use crate::model::sankey::{Placed, Span};
use crate::model::{Range, Sankey};
use crate::text::{fit, width};
use crate::tui::app::App;
use crate::tui::app::sankey::{Pick, describe};
use crate::tui::theme::{Glyphs, Theme};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Eighths of a row: the vertical unit the layout is placed in.
const EIGHTHS: f64 = 8.0;

/// Blocks filling the lower 0..8 eighths of a cell.
const LOWER: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Each origin's fill without colour: Unicode, and ASCII for `--ascii`.
const PATTERNS: [char; 8] = ['█', '▓', '▒', '░', '▚', '╳', '≡', '∙'];
const ASCII_PATTERNS: [char; 8] = ['#', '=', '%', ':', '+', 'x', '@', '~'];

/// How the diagram is painted: colours in eighths, or patterns by cell.
struct Paint {
    color: bool,
    patterns: &'static [char; 8],
}

/// The period the view counts, as its title says it: `all time`,
/// `2025`, `2025 ▶ playing`.
pub(super) fn period_label(app: &App) -> String {
    let period = match app.flows_view.period {
        None => "all time".into(),
        Some(p) => p.label(),
    };
    if app.flows_view.playing {
        format!("{period} ▶ playing")
    } else {
        period
    }
}

/// Draws the Sankey over the whole body.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let v = &app.flows_view;
    let s = app.sankey();
    let roll = if v.roll_up { "rolled up" } else { "not rolled up" };
    let people = if s.total == 1 { "person" } else { "people" };
    let title = format!(
        " Flows · Sankey · {} · {} {people} · {roll} ",
        period_label(app),
        s.total
    );
    let block = super::bordered(theme, true, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    if s.is_empty() {
        let text = format!("  no moves in {}", period_label(app));
        frame.render_widget(Paragraph::new(Line::styled(text, theme.muted)), inner);
        return;
    }
    if inner.height >= 3 {
        let diagram = Rect {
            height: inner.height - 1,
            ..inner
        };
        let paint = Paint {
            color: theme.has_color(),
            patterns: if theme.glyphs == Glyphs::Ascii {
                &ASCII_PATTERNS
            } else {
                &PATTERNS
            },
        };
        draw(app, s, &paint, theme, frame.buffer_mut(), diagram);
    }
    let words = Rect {
        y: inner.bottom().saturating_sub(1),
        height: inner.height.min(1),
        ..inner
    };
    frame.render_widget(
        Paragraph::new(selected_line(app, theme, usize::from(inner.width))),
        words,
    );
}

/// A node's label with its count: `OpenAI 12`, `14≠ Meta`.
fn label(app: &App, s: &Sankey, left: bool, n: usize) -> String {
    let ds = &app.data.ds;
    let (node, disputed) = if left {
        (
            &s.left[n],
            s.ribbons.iter().any(|r| r.from == n && r.range.disputed),
        )
    } else {
        (
            &s.right[n],
            s.ribbons.iter().any(|r| r.to == n && r.range.disputed),
        )
    };
    let name = crate::text::sanitize(&node.name(ds)).into_owned();
    let mark = if disputed { "≠" } else { "" };
    if left {
        format!("{name} {}{mark}", node.count)
    } else {
        format!("{}{mark} {name}", node.count)
    }
}

/// Draws the nodes, their labels and the ribbons in `area`.
fn draw(app: &App, s: &Sankey, paint: &Paint, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let w = usize::from(area.width);
    let labels_l: Vec<String> = (0..s.left.len()).map(|n| label(app, s, true, n)).collect();
    let labels_r: Vec<String> = (0..s.right.len()).map(|n| label(app, s, false, n)).collect();
    let widest = |v: &[String]| v.iter().map(|l| width(l)).max().unwrap_or(0);
    let lw = widest(&labels_l).min(w / 4).max(1);
    let rw = widest(&labels_r).min(w / 4).max(1);
    // Label, space, bar, ribbons, bar, space, label.
    if w < lw + rw + 8 {
        return;
    }
    let (bar_l, bar_r) = (area.x + lw as u16 + 1, area.x + (w - rw - 2) as u16);
    // A few people need no whole screen: two rows a person at most.
    let most = s.left.len().max(s.right.len()) as f64;
    let rows = f64::from(area.height).min(f64::from(s.total) * 2.0 + most - 1.0);
    let placed = s.place(rows * EIGHTHS, EIGHTHS, EIGHTHS);
    let pick = app.flows_view.pick;
    // Dimmed ribbons first, the selection over them.
    for selected in [false, true] {
        for (i, r) in s.ribbons.iter().enumerate() {
            if pick.holds(i, r) != selected {
                continue;
            }
            let mut style = theme.series(r.from, paint.color);
            // The selection to the eighth; the rest shaded, by cell.
            let (fine, fill) = if selected {
                style = style.add_modifier(Modifier::BOLD);
                (paint.color, paint.patterns[r.from % paint.patterns.len()])
            } else if paint.color {
                style = style.add_modifier(Modifier::DIM);
                (false, '░')
            } else {
                style = style.add_modifier(Modifier::DIM);
                (false, paint.patterns[r.from % paint.patterns.len()])
            };
            let (a, b) = placed.ribbons[i];
            for x in bar_l + 1..bar_r {
                let t = f64::from(x - bar_l) / f64::from(bar_r - bar_l);
                // Smooth at both ends, steepest in the middle.
                let k = t * t * (3.0 - 2.0 * t);
                let span = (a.0 + (b.0 - a.0) * k, a.1 + (b.1 - a.1) * k);
                column(buf, area, x, span, style, fine, fill);
            }
        }
    }
    nodes(
        app,
        s,
        &placed,
        paint,
        theme,
        buf,
        area,
        (bar_l, bar_r),
        (&labels_l, &labels_r),
    );
    disputes(s, &placed, theme, buf, area, (bar_l, bar_r));
}

/// Draws both sides' bars and labels.
#[allow(clippy::too_many_arguments)]
fn nodes(
    app: &App,
    s: &Sankey,
    placed: &Placed,
    paint: &Paint,
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    (bar_l, bar_r): (u16, u16),
    (labels_l, labels_r): (&[String], &[String]),
) {
    let pick = app.flows_view.pick;
    let lw = usize::from(bar_l - area.x - 1);
    let rw = usize::from(area.right() - bar_r - 2);
    for (left, spans, labels) in [(true, &placed.left, labels_l), (false, &placed.right, labels_r)] {
        let mut free_from = area.y;
        for (n, &span) in spans.iter().enumerate() {
            let chosen = match pick {
                Pick::Left(k) => left && k == n,
                Pick::Right(k) => !left && k == n,
                Pick::Ribbon(i) => s
                    .ribbons
                    .get(i)
                    .is_some_and(|r| if left { r.from == n } else { r.to == n }),
            };
            let base = if left {
                theme.series(n, paint.color)
            } else {
                theme.org
            };
            let (x, fill) = if left { (bar_l, '█') } else { (bar_r, '█') };
            column(buf, area, x, span, base, paint.color, fill);
            // The label on the node's middle row, or the first free row below.
            let mid = area.y + ((span.0 + span.1) / 2.0 / EIGHTHS) as u16;
            let y = mid.max(free_from);
            if y >= area.bottom() {
                continue;
            }
            free_from = y + 1;
            let style = if chosen { theme.selection } else { base };
            if left {
                let text = fit(&labels[n], lw);
                let pad = lw.saturating_sub(width(&text)) as u16;
                buf.set_string(area.x + pad, y, text, style);
            } else {
                buf.set_string(bar_r + 2, y, fit(&labels[n], rw), style);
            }
        }
    }
}

/// Writes `≠ 7–8` in the middle of each disputed ribbon.
fn disputes(s: &Sankey, placed: &Placed, theme: &Theme, buf: &mut Buffer, area: Rect, bars: (u16, u16)) {
    for (r, &(a, b)) in s.ribbons.iter().zip(&placed.ribbons) {
        if !r.range.disputed {
            continue;
        }
        let text = format!("≠{}", r.range.span());
        let mid = (a.0 + a.1 + b.0 + b.1) / 4.0;
        let y = area.y + ((mid / EIGHTHS) as u16).min(area.height.saturating_sub(1));
        let x = ((bars.0 + bars.1) / 2).saturating_sub(width(&text) as u16 / 2);
        buf.set_string(x, y, text, theme.disputed);
    }
}

/// Paints the vertical `span` (in eighths from the area's top) of column
/// `x`: if `fine`, to the eighth with block elements; else the cells at
/// least half covered (or the most covered one) with `fill`.
fn column(buf: &mut Buffer, area: Rect, x: u16, span: Span, style: Style, fine: bool, fill: char) {
    let (top, bottom) = ((span.0.round() as i64).max(0), span.1.round() as i64);
    if bottom <= top || x >= area.right() {
        // Too thin for an eighth: one line, so the ribbon still shows.
        if span.1 > span.0 && x < area.right() {
            let y = area.y + (span.0 / EIGHTHS) as u16;
            if y < area.bottom() {
                buf[(x, y)]
                    .set_char(if fine { '━' } else { fill })
                    .set_style(style);
            }
        }
        return;
    }
    let rows = i64::from(area.height);
    let (first, last) = (top / 8, ((bottom - 1) / 8).min(rows - 1));
    let mut best: Option<(i64, i64)> = None;
    let mut drew = false;
    for row in first..=last {
        let cell_top = row * 8;
        let (from, to) = ((top - cell_top).clamp(0, 8), (bottom - cell_top).clamp(0, 8));
        let covered = to - from;
        if covered <= 0 {
            continue;
        }
        let y = area.y + row as u16;
        let cell = &mut buf[(x, y)];
        if !fine {
            if covered >= 4 {
                cell.set_char(fill).set_style(style);
                drew = true;
            } else if best.is_none_or(|(_, c)| covered > c) {
                best = Some((row, covered));
            }
            continue;
        }
        let (ch, st) = match (from, to) {
            (0, 8) => ('█', style),
            // The lower part of the cell: a lower block.
            (_, 8) => (LOWER[covered as usize], style),
            // The upper part: the uncovered lower part drawn in reverse.
            (0, _) => (LOWER[(8 - covered) as usize], reversed(style)),
            // Inside the cell: a line, or a full cell if most of it.
            _ if covered >= 4 => ('█', style),
            _ => ('━', style),
        };
        cell.set_char(ch).set_style(st);
    }
    if !drew && let Some((row, _)) = best {
        buf[(x, area.y + row as u16)].set_char(fill).set_style(style);
    }
}

/// `style` with its colour behind a block that fills the rest of the cell.
fn reversed(style: Style) -> Style {
    match style.fg {
        Some(c) => Style::reset().bg(c).add_modifier(style.add_modifier),
        None => style,
    }
}

/// The selection in words: `OpenAI → Meta: 7 people (≠ 7–8; 1 named:
/// Ann), 2 events`.
fn selected_line(app: &App, theme: &Theme, width: usize) -> Line<'static> {
    let ds = &app.data.ds;
    let Some(d) = describe(app, app.flows_view.pick) else {
        return Line::default();
    };
    let (label, count, range, moves) = (d.label, d.count, d.range, d.moves);
    let mut text = Range::exact(count).words("person", "people");
    if !range.is_exact() {
        let mark = if range.disputed { "≠ " } else { "" };
        text.push_str(&format!(" ({mark}sources give {})", range.span()));
    }
    let people = &moves.people;
    if !people.is_empty() {
        let names: Vec<&str> = people
            .iter()
            .take(3)
            .map(|&p| ds.person(p).name.as_str())
            .collect();
        let more = if people.len() > 3 { ", …" } else { "" };
        text.push_str(&format!(" · {} named: {}{more}", people.len(), names.join(", ")));
    }
    let n = moves.events.len();
    text.push_str(&format!(" · {n} {}", if n == 1 { "event" } else { "events" }));
    fit_spans(
        vec![
            (format!("{label}: "), theme.org),
            (crate::text::sanitize(&text).into_owned(), theme.person),
        ],
        width,
    )
}
