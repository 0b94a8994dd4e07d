//! The Money view: every amount as a horizontal bar, grouped by kind, on
//! one axis per currency; a disputed amount's range across its
//! alternatives is drawn `░` past the bar. Only the rows on screen are drawn.

use super::fit_spans;
use crate::text::fit;
use crate::tui::app::App;
use crate::tui::money::{Bar, Chart, Row, fraction};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

/// Columns of a bar's label and value.
const LABEL: usize = 34;
const VALUE: usize = 12;

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

/// One bar: the label as the article words it, the bar, the value.
fn bar_line(
    chart: &Chart,
    bar: &Bar,
    log: bool,
    selected: bool,
    theme: &Theme,
    width: usize,
) -> Line<'static> {
    let room = width.saturating_sub(LABEL + VALUE + 3);
    let (min, max) = (chart.min(bar.group), chart.max(bar.group));
    let cells = |v: f64| (fraction(v, min, max, log) * room as f64).round() as usize;
    // Solid up to the lowest value the sources give, `▓` from there to
    // the value, `░` from the value to the highest: the disputed range.
    let value = cells(bar.value).max(usize::from(bar.value > 0.0)).min(room);
    let low = cells(bar.low).min(value);
    let high = cells(bar.high).clamp(value, room);
    let drawn = format!(
        "{}{}{}",
        "█".repeat(low),
        "▓".repeat(value - low),
        "░".repeat(high - value)
    );
    let label_style = if selected { theme.selection } else { theme.person };
    let marker = if selected { "›" } else { " " };
    let mut spans = vec![
        Span::styled(marker.to_string(), label_style),
        Span::styled(format!("{:<LABEL$}", fit(&bar.label, LABEL - 1)), label_style),
        Span::styled(
            format!("{:>w$} ", fit(&bar.short, VALUE), w = VALUE),
            theme.amount,
        ),
        Span::styled(drawn, theme.amount),
    ];
    if bar.low < bar.value || bar.high > bar.value {
        spans.push(Span::styled(" ≠".to_string(), theme.disputed));
    }
    Line::from(spans)
}
