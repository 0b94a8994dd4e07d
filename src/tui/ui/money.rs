//! The Money view: every amount as a horizontal bar, grouped by kind, on
//! one axis per currency, labelled with who pays whom and the article's
//! words. A disputed amount's range across its alternatives is drawn `▓`
//! below the value and `░` past it; a bar too small for one cell is `▏`; a
//! lower bound ends open (`┄┄▸`). Only the rows on screen are drawn.

use super::fit_spans;
use crate::text::fit;
use crate::tui::app::App;
use crate::tui::money::{Bar, Chart, Row, fraction};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of a bar's label (at least; it takes 40% of a wide row) and
/// value.
const LABEL: usize = 34;
const VALUE: usize = 12;

/// A bar too small to fill one cell (never `▓`, which is a range).
const TINY: &str = "▏";
/// What follows a bar whose value is a lower bound.
const OPEN: &str = "┄┄▸";

/// Draws the view over the whole body.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, body: Rect) {
    let v = &app.money_view;
    let chart = app.chart();
    let scale = if v.log { "log scale" } else { "linear scale" };
    let title = format!(" Money · {} amounts · {scale} ", chart.bars);
    let block = super::bordered(theme, true, title);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let rows = usize::from(inner.height.saturating_sub(1));
    if chart.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled("  no amounts in the data", theme.muted)),
            inner,
        );
        return;
    }
    let start = v.list.offset;
    let mut lines: Vec<Line> = Vec::with_capacity(rows + 1);
    for (i, row) in chart.rows.iter().enumerate().skip(start).take(rows) {
        match row {
            Row::Heading(g, n) => {
                lines.push(Line::styled(format!("{} · {n}", g.title()), theme.heading));
            }
            Row::Bar(bar) => {
                lines.push(bar_line(chart, bar, v.log, i == v.list.selected, theme, width));
            }
        }
    }
    while lines.len() < rows {
        lines.push(Line::default());
    }
    if let Some(Row::Bar(bar)) = chart.rows.get(v.list.selected) {
        let e = app.data.ds.event(bar.event);
        let text = format!(
            "{} · {} · {}",
            e.date,
            e.kind.as_str(),
            e.summary.replace('\n', " ")
        );
        lines.push(fit_spans(vec![(text, theme.muted)], width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// One bar: who pays whom and the article's words, the value, the bar.
fn bar_line(
    chart: &Chart,
    bar: &Bar,
    log: bool,
    selected: bool,
    theme: &Theme,
    width: usize,
) -> Line<'static> {
    let label = LABEL.max(width * 2 / 5);
    let room = width.saturating_sub(label + VALUE + 3);
    let (min, max) = (chart.min(bar.group), chart.max(bar.group));
    let cells = |v: f64| (fraction(v, min, max, log) * room as f64).round() as usize;
    // Solid up to the lowest value the sources give, `▓` from there to
    // the value, `░` from the value to the highest: the disputed range.
    let value = cells(bar.value).min(room);
    let low = cells(bar.low).min(value);
    let high = cells(bar.high).clamp(value, room);
    let mut drawn = format!("{}{}", "█".repeat(low), "▓".repeat(value - low));
    if value == 0 && bar.value > 0.0 {
        drawn.push_str(TINY);
    }
    drawn.push_str(&"░".repeat(high - value));
    if bar.open_ended {
        drawn.push_str(OPEN);
    }
    let (who_style, words_style) = if selected {
        (theme.selection, theme.selection)
    } else {
        (theme.org, theme.person)
    };
    let marker = if selected { "›" } else { " " };
    let mut text = vec![(bar.who.clone(), who_style)];
    if !bar.who.is_empty() {
        text.push((" · ".to_string(), words_style));
    }
    text.push((bar.label.clone(), words_style));
    let mut label_line = fit_spans(text, label - 1);
    let used = label_line.width();
    label_line.spans.push(Span::styled(
        " ".repeat(label - 1 - used.min(label - 1)),
        words_style,
    ));
    let mut spans = vec![Span::styled(marker.to_string(), words_style)];
    spans.extend(label_line.spans);
    spans.push(Span::styled(
        format!("{:>w$} ", fit(&bar.short, VALUE), w = VALUE),
        theme.amount,
    ));
    spans.push(Span::styled(drawn, theme.amount));
    if bar.disputed || bar.low < bar.value || bar.high > bar.value {
        spans.push(Span::styled(" ≠".to_string(), theme.disputed));
    } else if bar.uncertain {
        spans.push(Span::styled(" ~".to_string(), theme.muted));
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::{Bar, Chart, OPEN, TINY, bar_line};
    use crate::tui::money::Group;
    use crate::tui::theme::Theme;

    fn bar(value: f64, low: f64, high: f64) -> Bar {
        Bar {
            event: 0,
            group: Group::Pay,
            value,
            low,
            high,
            who: "Meta → Scale AI".into(),
            label: "$14.3 billion".into(),
            short: "USD 14.3B".into(),
            uncertain: false,
            disputed: false,
            open_ended: false,
        }
    }

    fn drawn(bar: &Bar) -> String {
        // An empty chart's axis runs from 0 to 1 (linear).
        let line = bar_line(&Chart::default(), bar, false, false, &Theme::mono(), 80);
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_bar_names_who_pays_whom_before_the_words() {
        assert!(drawn(&bar(1.0, 1.0, 1.0)).starts_with(" Meta → Scale AI · $14.3 billion "));
    }

    #[test]
    fn a_tiny_bar_is_no_range_and_ranges_are_shaded() {
        let tiny = drawn(&bar(0.001, 0.001, 0.001));
        assert!(tiny.contains(TINY) && !tiny.contains('▓'), "{tiny}");
        let range = drawn(&bar(0.5, 0.25, 0.75));
        assert!(
            range.contains('▓') && range.contains('░') && range.ends_with(" ≠"),
            "{range}"
        );
        let none = drawn(&bar(0.0, 0.0, 0.0));
        assert!(!none.contains(TINY), "zero draws nothing: {none}");
    }

    #[test]
    fn a_lower_bound_is_open_ended_and_a_dispute_off_the_axis_keeps_its_mark() {
        let mut b = bar(0.5, 0.5, 0.5);
        assert!(!drawn(&b).contains(OPEN) && !drawn(&b).contains('≠'));
        b.open_ended = true;
        assert!(drawn(&b).ends_with(&format!("█{OPEN}")), "{}", drawn(&b));
        b.disputed = true;
        assert!(drawn(&b).ends_with(" ≠"));
    }
}
