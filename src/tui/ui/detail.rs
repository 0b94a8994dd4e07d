//! The Detail area: everything about the focused pane's selection,
//! focusable (`4`, `Tab`), scrollable and zoomable (`z`).

use crate::fields::{self, LABEL_WIDTH, Look};
use crate::model::{Dataset, EventIx, Record, SourceIx};
use crate::text::{fit, sanitize};
use crate::tui::app::{App, Mode};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Draws the detail of the current selection from row `app.detail.scroll`.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let focused =
        app.detail.focused && matches!(app.mode, Mode::Browse | Mode::Prompt { .. } | Mode::Mark { .. });
    let title = if app.detail.zoom {
        " 4 Detail · full screen "
    } else {
        " 4 Detail "
    };
    let block = super::bordered(theme, focused, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let scroll = app.detail.scroll;
    // The events of the mini-timeline that can show: up to the bottom row.
    let limit = scroll.saturating_add(usize::from(inner.height));
    let lines = lines(app, theme, limit, usize::from(inner.width));
    let at = u16::try_from(scroll).unwrap_or(u16::MAX);
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).scroll((at, 0)),
        inner,
    );
}

/// Rows the detail takes at `width` columns once wrapped, every event of
/// its mini-timeline counted but not built: what bounds the scroll. Word
/// wrapping can take a row more than the width says per line that wraps,
/// so each such line counts one spare row (at most that many blank rows
/// show at the end).
pub fn rows(app: &App, width: usize) -> usize {
    if width == 0 {
        return 0;
    }
    let ds = &app.data.ds;
    let events = match app.detail_record() {
        Some(Record::Person(p)) => ds.person_events.get(p as usize).map_or(0, Vec::len),
        Some(Record::Org(o)) => ds.org_events.get(o as usize).map_or(0, Vec::len),
        _ => 0,
    };
    let wrapped: usize = lines(app, &Theme::mono(), 0, width)
        .iter()
        .map(|l| match l.width().div_ceil(width) {
            0 | 1 => 1,
            n => n + 1,
        })
        .sum();
    wrapped + events
}

/// The detail's lines, with at most `limit` events of a mini-timeline.
fn lines(app: &App, theme: &Theme, limit: usize, width: usize) -> Vec<Line<'static>> {
    let ds = &app.data.ds;
    match app.detail_record() {
        Some(Record::Person(p)) => {
            let p_rec = ds.person(p);
            let mut l = vec![heading(&p_rec.name, "person", theme)];
            fields(&mut l, ds, Record::Person(p), theme);
            para(&mut l, &p_rec.summary);
            timeline(&mut l, ds, &ds.person_events[p as usize], theme, limit, width);
            sources(&mut l, ds, &p_rec.sources, theme);
            l
        }
        Some(Record::Org(o)) => {
            let org = ds.org(o);
            let mut l = vec![heading(&org.name, org.kind.as_str(), theme)];
            fields(&mut l, ds, Record::Org(o), theme);
            para(&mut l, &org.summary);
            timeline(&mut l, ds, &ds.org_events[o as usize], theme, limit, width);
            sources(&mut l, ds, &org.sources, theme);
            l
        }
        Some(Record::Event(e)) => event(ds, e, theme),
        _ => vec![Line::styled("Nothing selected.", theme.muted)],
    }
}

fn heading(title: &str, kind: &str, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(sanitize(title).into_owned(), theme.heading),
        Span::styled(format!("  {kind}"), theme.kind),
    ])
}

/// The record's fields, from the list `rivals show` prints too. The date
/// is in the heading already.
fn fields(lines: &mut Vec<Line<'static>>, ds: &Dataset, record: Record, theme: &Theme) {
    for f in fields::of(ds, record) {
        let label = |style: Style| Span::styled(format!("{:<LABEL_WIDTH$} ", f.label), style);
        let value = sanitize(&f.value).into_owned();
        lines.push(match f.look {
            Look::Date => continue,
            Look::Plain => Line::from(vec![label(theme.muted), Span::raw(value)]),
            Look::Amount => Line::from(vec![label(theme.muted), Span::styled(value, theme.amount)]),
            Look::Quote => Line::from(vec![
                label(theme.muted),
                Span::styled(format!("“{value}”"), Style::new().italic()),
            ]),
            Look::Disputed => Line::from(vec![label(theme.disputed), Span::raw(value)]),
            Look::Alternative(sources) => {
                let from: Vec<String> = sources
                    .iter()
                    .map(|&s| sanitize(&ds.source(s).title).into_owned())
                    .collect();
                Line::from(vec![
                    Span::styled("  • ", theme.disputed),
                    Span::raw(value),
                    Span::styled(format!("  ({})", from.join("; ")), theme.muted),
                ])
            }
        });
    }
}

fn para(lines: &mut Vec<Line<'static>>, text: &str) {
    lines.push(Line::raw(sanitize(text.trim()).into_owned()));
}

/// A mini-timeline: the record's first `limit` events.
fn timeline(
    lines: &mut Vec<Line<'static>>,
    ds: &Dataset,
    events: &[EventIx],
    theme: &Theme,
    limit: usize,
    width: usize,
) {
    if events.is_empty() {
        return;
    }
    lines.push(Line::styled(
        format!("Timeline ({})", events.len()),
        theme.heading,
    ));
    for &e in events.iter().take(limit) {
        let e = ds.event(e);
        let date = format!("{:<10} ", e.date.to_string());
        lines.push(Line::from(vec![
            Span::styled(date, theme.date),
            Span::raw(fit(&e.summary, width.saturating_sub(11))),
        ]));
    }
}

fn sources(lines: &mut Vec<Line<'static>>, ds: &Dataset, sources: &[SourceIx], theme: &Theme) {
    lines.push(Line::styled("Sources", theme.heading));
    for &s in sources {
        lines.push(Line::from(vec![
            Span::styled("• ", theme.muted),
            Span::raw(sanitize(&ds.source(s).title).into_owned()),
        ]));
    }
}

fn event(ds: &Dataset, ix: EventIx, theme: &Theme) -> Vec<Line<'static>> {
    let e = ds.event(ix);
    let mut l = vec![Line::from(vec![
        Span::styled(e.date.to_string(), theme.date),
        Span::raw("  "),
        Span::styled(e.kind.as_str(), theme.kind),
        Span::styled(
            if e.disputed().is_some() {
                "  ≠ disputed"
            } else {
                ""
            },
            theme.disputed,
        ),
    ])];
    para(&mut l, &e.summary);
    fields(&mut l, ds, Record::Event(ix), theme);
    sources(&mut l, ds, &e.sources, theme);
    l
}
