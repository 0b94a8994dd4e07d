//! The Sources view: every article with its outlet, language and date,
//! and how many people, organizations and events it supports; under the
//! list, the selected article's outlet and full title, wrapped.

use super::{fit_spans, mark_selected};
use crate::text::{fit, sanitize};
use crate::tui::app::App;
use crate::tui::layout::SOURCE_LINES;
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
    let footer = usize::from(SOURCE_LINES).min(usize::from(inner.height.saturating_sub(1)));
    let rows = usize::from(inner.height.saturating_sub(1)).saturating_sub(footer);
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
    if let Some(s) = ds.sources.get(list.selected) {
        let text = match &s.outlet {
            Some(o) => format!("{o} · {}", s.title),
            None => s.title.clone(),
        };
        let at = inner.bottom().saturating_sub(footer as u16);
        let area = Rect::new(inner.x, at, inner.width, footer as u16);
        let lines: Vec<Line> = wrap(&text, width, footer)
            .into_iter()
            .map(|l| Line::styled(l, theme.heading))
            .collect();
        frame.render_widget(Paragraph::new(lines), area);
    }
}

/// `text`, sanitized, in at most `max_lines` lines of `width` columns:
/// broken at spaces (inside a word only if it is longer than a line),
/// the last line ending with `…` when the text goes on.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    if width == 0 || max_lines == 0 {
        return Vec::new();
    }
    let clean = sanitize(text);
    let mut lines: Vec<String> = Vec::new();
    let (mut line, mut used) = (String::new(), 0);
    for word in clean.split(' ') {
        let w = crate::text::width(word);
        if used + usize::from(used > 0) + w <= width {
            if used > 0 {
                line.push(' ');
                used += 1;
            }
            line.push_str(word);
            used += w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        for c in word.chars() {
            let cw = crate::text::width(c.encode_utf8(&mut [0; 4]));
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(fit(&rest, width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn titles_wrap_at_spaces_and_end_with_an_ellipsis_when_cut() {
        let title = "Simseo · The AI industry has become a kind of Game of Thrones";
        assert_eq!(
            wrap(title, 30, 3),
            [
                "Simseo · The AI industry has",
                "become a kind of Game of",
                "Thrones"
            ]
        );
        assert_eq!(
            wrap(title, 30, 2),
            ["Simseo · The AI industry has", "become a kind of Game of Thro…"]
        );
        assert_eq!(wrap("Supercalifragilistic", 8, 2), ["Supercal", "ifragil…"]);
        assert_eq!(wrap(title, 1, 1), ["…"]);
        assert!(wrap(title, 0, 2).is_empty());
        assert_eq!(wrap("a\u{1b}[2Jb", 40, 1), ["a\\u{1b}[2Jb"], "sanitized");
    }
}
