//! Popups: the fuzzy search, the jump chooser and the kind filter.

use super::status::hint_spans;
use super::{fit_spans, mark_selected};
use crate::model::{EventIx, EventKind, Record};
use crate::search::{Field, Hit};
use crate::text::{fit, is_unsafe, sanitize, tail};
use crate::tui::app::{App, SearchState, Target};
use crate::tui::keymap::{Ctx, Shown};
use crate::tui::layout::{chooser_popup, kinds_popup, search_popup};
use crate::tui::list::ListState;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::CellDiffOption;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Clears `rect` and draws a bordered popup titled `title` then the hints,
/// `·`-separated; returns the inside.
fn frame_popup(frame: &mut Frame, rect: Rect, title: String, hints: &[Shown], theme: &Theme) -> Rect {
    let mut spans = vec![Span::styled(title, theme.popup_title)];
    if !hints.is_empty() {
        spans.push(Span::styled(" · ", theme.muted));
        spans.extend(hint_spans(hints, " · ", theme));
    }
    spans.push(Span::raw(" "));
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::from(spans));
    let inner = block.inner(rect);
    frame.render_widget(Clear, rect);
    frame.render_widget(block, rect);
    inner
}

/// Rows of a popup list from its offset, with the selection highlighted.
fn rows(
    list: &ListState,
    lines: Vec<Line<'static>>,
    theme: &Theme,
    height: usize,
    width: usize,
) -> Vec<Line<'static>> {
    lines
        .into_iter()
        .enumerate()
        .skip(list.offset)
        .take(height)
        .map(|(i, mut line)| {
            if i == list.selected {
                mark_selected(&mut line, width, theme.selection);
            }
            line
        })
        .collect()
}

/// The search popup: query, then results tagged by kind with the matched
/// characters highlighted. Only the visible results are built.
pub fn search(app: &App, s: &SearchState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = search_popup(area);
    let hints = app.keymap.essential_hints(Ctx::Search);
    let hints_width: usize = hints.iter().map(|h| h.width() + 3).sum();
    let status = if s.pending {
        "searching…".to_string()
    } else if s.query.trim().is_empty() {
        "type to search".to_string()
    } else if s.hits.is_empty() {
        "no match".to_string()
    } else {
        // Each group with its count where the title has room, else the total.
        let groups: Vec<String> = s.groups.iter().map(|&(k, n)| k.count(n)).collect();
        let groups = groups.join(", ");
        let room = usize::from(rect.width).saturating_sub(12 + hints_width);
        if crate::text::width(&groups) <= room {
            groups
        } else {
            format!("{} results", s.hits.len())
        }
    };
    let inner = frame_popup(frame, rect, format!(" Search · {status}"), &hints, theme);
    if inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    // The end of the query, so what is typed and the cursor stay in view.
    let query = tail(&sanitize(&s.query), width.saturating_sub(3)).into_owned();
    let input = fit_spans(
        vec![
            ("/ ".into(), theme.key),
            (query, Style::new()),
            ("▏".into(), theme.key),
        ],
        width,
    );
    let input_row = Rect { height: 1, ..inner };
    frame.render_widget(Paragraph::new(input), input_row);
    // Terminals disagree on the width of some emoji (tmux 3.3 gives each
    // half of a flag its own column): rewrite the whole row every frame so
    // nothing typed and then deleted stays on screen.
    let buf = frame.buffer_mut();
    for x in input_row.left()..input_row.right() {
        buf[(x, input_row.y)].set_diff_option(CellDiffOption::AlwaysUpdate);
    }
    let list_area = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    let height = usize::from(list_area.height);
    let lines: Vec<Line> = s
        .hits
        .iter()
        .enumerate()
        .skip(s.list.offset)
        .take(height)
        .map(|(i, hit)| {
            let mut line = hit_line(app, hit, theme, width);
            if i == s.list.selected {
                mark_selected(&mut line, width, theme.selection);
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list_area);
}

/// One result: a kind tag, then the matched text with hits highlighted.
fn hit_line(app: &App, hit: &Hit, theme: &Theme, width: usize) -> Line<'static> {
    let ds = &app.data.ds;
    // What the record is called, before a match in another of its fields.
    let named = |name: &str| match hit.field {
        Field::Name | Field::Alias | Field::Title => String::new(),
        _ => format!("{}  ", sanitize(name)),
    };
    let (tag, tag_style, prefix) = match hit.target {
        Record::Person(p) => ("person ", theme.person, named(&ds.person(p).name)),
        Record::Org(o) => ("company", theme.org, named(&ds.org(o).name)),
        Record::Event(e) => ("event  ", theme.kind, format!("{} ", ds.event(e).date)),
        Record::Source(s) => ("source ", theme.muted, named(&ds.source(s).title)),
    };
    let prefix_style = match hit.target {
        Record::Event(_) => theme.date,
        _ => Style::new(),
    };
    let mut spans = vec![
        Span::styled(format!(" {tag} "), tag_style),
        Span::styled(fit(&prefix, width.saturating_sub(tag.len() + 2)), prefix_style),
    ];
    let mut used = 1 + tag.len() + 1 + unicode_width::UnicodeWidthStr::width(prefix.as_str());
    let text = app.data.index().text(ds, hit.entry);
    let mut run = String::new();
    let mut run_hit = false;
    for (i, c) in text.chars().enumerate() {
        let c = if is_unsafe(c) { '�' } else { c };
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            run.push('…');
            break;
        }
        let is_hit = hit.indices.contains(&i);
        if is_hit != run_hit && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_hit { theme.match_hit } else { Style::new() },
            ));
        }
        run_hit = is_hit;
        run.push(c);
        used += w;
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if run_hit { theme.match_hit } else { Style::new() },
        ));
    }
    // An event matched through records it links: `via Sam Altman`.
    for (k, via) in hit.via.iter().enumerate() {
        let room = width.saturating_sub(used);
        let lead = if k == 0 { "  via " } else { ", " };
        if room <= lead.len() + 1 {
            break;
        }
        spans.push(Span::styled(lead, theme.muted));
        used += lead.len();
        let text = app.data.index().text(ds, via.entry);
        for (i, c) in text.chars().enumerate() {
            let c = if is_unsafe(c) { '�' } else { c };
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > width {
                spans.push(Span::styled("…", theme.muted));
                used = width;
                break;
            }
            let style = if via.indices.contains(&i) {
                theme.match_hit
            } else {
                theme.muted
            };
            spans.push(Span::styled(c.to_string(), style));
            used += w;
        }
    }
    // Matched by an alias: the alias, then the name it stands for.
    let name = match hit.target {
        Record::Person(p) => Some(&ds.person(p).name),
        Record::Org(o) => Some(&ds.org(o).name),
        Record::Event(_) | Record::Source(_) => None,
    };
    if let Some(name) = name
        && hit.field == Field::Alias
    {
        spans.push(Span::styled(
            fit(&format!("  ({name})"), width.saturating_sub(used)),
            theme.muted,
        ));
    }
    Line::from(spans)
}

/// The chooser for an event's people and organizations.
pub fn chooser(
    app: &App,
    event: EventIx,
    items: &[Target],
    list: &ListState,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let ds = &app.data.ds;
    let rect = chooser_popup(area, items.len());
    let title = format!(" Jump from {}", ds.event(event).date);
    let inner = frame_popup(frame, rect, title, &app.keymap.own_hints(Ctx::Chooser), theme);
    let width = usize::from(inner.width);
    let lines: Vec<Line<'static>> = items
        .iter()
        .map(|t| match *t {
            Target::Person(p) => fit_spans(
                vec![
                    (" person   ".into(), theme.person),
                    (ds.person(p).name.clone(), Style::new()),
                ],
                width,
            ),
            Target::Org(o) => fit_spans(
                vec![
                    (" company  ".into(), theme.org),
                    (ds.org(o).name.clone(), Style::new()),
                ],
                width,
            ),
        })
        .collect();
    frame.render_widget(
        Paragraph::new(rows(list, lines, theme, usize::from(inner.height), width)),
        inner,
    );
}

/// The event-kind filter.
pub fn kinds(app: &App, list: &ListState, theme: &Theme, frame: &mut Frame, area: Rect) {
    let rect = kinds_popup(area, EventKind::ALL.len() + 1);
    let inner = frame_popup(frame, rect, " Filter by kind".into(), &[], theme);
    let width = usize::from(inner.width);
    let current = |k: Option<EventKind>| if app.kind_filter == k { "● " } else { "  " };
    let mut lines = vec![Line::raw(format!("{}all kinds", current(None)))];
    lines.extend(
        EventKind::ALL
            .iter()
            .map(|&k| Line::styled(format!("{}{}", current(Some(k)), k.as_str()), theme.kind)),
    );
    frame.render_widget(
        Paragraph::new(rows(list, lines, theme, usize::from(inner.height), width)),
        inner,
    );
}
