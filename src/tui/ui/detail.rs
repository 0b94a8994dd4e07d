//! The Detail area: everything about the focused pane's selection.

use crate::model::{Dataset, EventIx, Record, SourceIx};
use crate::text::{fit, sanitize};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the detail of the current selection.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let block = Block::bordered().border_style(theme.border).title(" Detail ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let ds = &app.data.ds;
    let budget = usize::from(inner.height);
    let width = usize::from(inner.width);
    let lines = match app.detail_record() {
        Some(Record::Person(p)) => {
            let p_rec = ds.person(p);
            let mut l = vec![heading(&p_rec.name, "person", theme)];
            field(&mut l, "aliases", &p_rec.aliases.join(", "), theme);
            if let Some(w) = ds.whereabouts(p) {
                field(&mut l, "last seen", &w, theme);
            }
            para(&mut l, &p_rec.summary);
            timeline(&mut l, ds, &ds.person_events[p as usize], theme, budget, width);
            sources(&mut l, ds, &p_rec.sources, theme);
            l
        }
        Some(Record::Org(o)) => {
            let org = ds.org(o);
            let mut l = vec![heading(&org.name, org.kind.as_str(), theme)];
            field(&mut l, "aliases", &org.aliases.join(", "), theme);
            if let Some(parent) = org.parent {
                field(&mut l, "part of", &ds.org(parent).name, theme);
            }
            if let Some(f) = org.founded {
                field(&mut l, "founded", &f.to_string(), theme);
            }
            let (hin, hout) = ds.org_moves[o as usize];
            field(&mut l, "moves", &format!("{hin} in, {hout} out"), theme);
            para(&mut l, &org.summary);
            timeline(&mut l, ds, &ds.org_events[o as usize], theme, budget, width);
            sources(&mut l, ds, &org.sources, theme);
            l
        }
        Some(Record::Event(e)) => event(ds, e, theme),
        _ => vec![Line::styled("Nothing selected.", theme.muted)],
    };
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

fn heading(title: &str, kind: &str, theme: &Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled(sanitize(title).into_owned(), theme.heading),
        Span::styled(format!("  {kind}"), theme.kind),
    ])
}

fn field(lines: &mut Vec<Line<'static>>, label: &str, value: &str, theme: &Theme) {
    if !value.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<10} "), theme.muted),
            Span::raw(sanitize(value).into_owned()),
        ]));
    }
}

fn para(lines: &mut Vec<Line<'static>>, text: &str) {
    lines.push(Line::raw(sanitize(text.trim()).into_owned()));
}

/// A mini-timeline: as many of the record's events as can show.
fn timeline(
    lines: &mut Vec<Line<'static>>,
    ds: &Dataset,
    events: &[EventIx],
    theme: &Theme,
    budget: usize,
    width: usize,
) {
    if events.is_empty() {
        return;
    }
    lines.push(Line::styled(
        format!("Timeline ({})", events.len()),
        theme.heading,
    ));
    let room = budget.saturating_sub(lines.len()).max(1);
    for &e in events.iter().take(room) {
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

fn event(ds: &Dataset, e: EventIx, theme: &Theme) -> Vec<Line<'static>> {
    let e = ds.event(e);
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
    let names =
        |ixs: &[u32], f: &dyn Fn(u32) -> String| ixs.iter().map(|&i| f(i)).collect::<Vec<_>>().join(", ");
    field(
        &mut l,
        "people",
        &names(&e.people, &|p| ds.person(p).name.clone()),
        theme,
    );
    if let Some(c) = e.count() {
        field(&mut l, "count", &c.to_string(), theme);
    }
    if let Some(f) = e.from {
        field(&mut l, "from", &ds.org(f).name, theme);
    }
    if let Some(t) = e.to {
        field(&mut l, "to", &ds.org(t).name, theme);
    }
    field(
        &mut l,
        "also",
        &names(&e.orgs, &|o| ds.org(o).name.clone()),
        theme,
    );
    if let Some(r) = e.role() {
        field(&mut l, "role", r, theme);
    }
    if let Some(a) = e.amount() {
        let stated = a
            .text
            .as_deref()
            .map_or_else(|| a.normalized(), |t| format!("{t}  ({})", a.normalized()));
        l.push(Line::from(vec![
            Span::styled("amount     ", theme.muted),
            Span::styled(sanitize(&stated).into_owned(), theme.amount),
        ]));
    }
    if let Some(q) = e.quote() {
        l.push(Line::from(vec![
            Span::styled("quote      ", theme.muted),
            Span::styled(format!("“{}”", sanitize(q.trim())), Style::new().italic()),
        ]));
    }
    if let Some(d) = e.disputed() {
        l.push(Line::from(vec![
            Span::styled("disputed   ", theme.disputed),
            Span::raw(sanitize(&d.note).into_owned()),
        ]));
        for alt in &d.alternatives {
            let from: Vec<String> = alt
                .sources
                .iter()
                .map(|&s| sanitize(&ds.source(s).title).into_owned())
                .collect();
            l.push(Line::from(vec![
                Span::styled("  • ", theme.disputed),
                Span::raw(sanitize(&alt.value).into_owned()),
                Span::styled(format!("  ({})", from.join("; ")), theme.muted),
            ]));
        }
    }
    sources(&mut l, ds, &e.sources, theme);
    l
}
