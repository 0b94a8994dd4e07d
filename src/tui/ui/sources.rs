//! The Sources view: every article with its outlet, language and date,
//! and how many people, organizations and events it supports.

use super::{fit_spans, mark_selected};
use crate::tui::app::App;
use crate::tui::list::ListState;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

/// Header of the count columns, matching [`row`]'s widths.
const HEADER: &str = "  published  lang  people  orgs  events  outlet · title";

/// Draws the view over the body of the screen, `list` its selection.
pub fn render(app: &App, list: &ListState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let ds = &app.data.ds;
    let block = super::bordered(theme, true, format!(" Sources ({}) ", ds.sources.len()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = vec![fit_spans(vec![(HEADER.into(), theme.heading)], width)];
    let rows = usize::from(inner.height.saturating_sub(1));
    let end = ds.sources.len().min(list.offset + rows);
    for i in list.offset..end {
        let s = &ds.sources[i];
        let (people, orgs, events) = ds.source_support.get(i).map_or((0, 0, 0), |sup| {
            (sup.people.len(), sup.orgs.len(), sup.events.len())
        });
        let date = s.published.map_or_else(|| "?".into(), |d| d.to_string());
        let marker = if i == list.selected { "› " } else { "  " };
        let mut line = fit_spans(
            vec![
                (marker.into(), Style::new()),
                (format!("{date:<10} "), theme.date),
                (format!("{:<4}  ", s.language), theme.kind),
                (format!("{people:>6}  {orgs:>4}  {events:>6}  "), theme.amount),
                (
                    s.outlet.clone().map(|o| format!("{o} · ")).unwrap_or_default(),
                    theme.org,
                ),
                (s.title.clone(), Style::new()),
            ],
            width,
        );
        if i == list.selected {
            mark_selected(&mut line, width, theme.selection);
        }
        lines.push(line);
    }
    if ds.sources.is_empty() {
        lines.push(Line::styled("  (no sources)", theme.muted));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
