//! The Timeline pane: `DATE  KIND  who  from → to  amount`, in date order.

use super::{fit_spans, list};
use crate::model::{Event, EventIx, EventKind, Outcome, Range};
use crate::tui::app::App;
use crate::tui::data::Data;
use crate::tui::pane::Pane;
use crate::tui::theme::Theme;
use crate::tui::view::{Period, date_label};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

/// Marks an event whose facts the sources dispute.
pub const DISPUTED: &str = "≠";

/// Marks an event with one source's ambiguous or garbled reading.
pub const UNCERTAIN: &str = "~";

const KIND_WIDTH: usize = 14;

/// Columns a date takes at least (`YYYY-MM-DD`).
pub const DATE_WIDTH: usize = 10;

/// Draws the visible events.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &app.data;
    let mut extra = String::new();
    if let Some(k) = app.kind_filter {
        extra.push_str(&format!(" · {k}"));
    }
    if let Some(p) = app.period_filter {
        extra.push_str(&format!(" · {}", p.label()));
    }
    // The date column fits the longest date on screen: `2025 (month
    // unknown)` in a month view.
    let offset = app.list(Pane::Timeline).offset;
    let date_width = (offset..offset + usize::from(area.height))
        .filter_map(|i| app.event_rows.get(d, i))
        .map(|e| date_label(d.ds.event(e).date, app.period_filter).len())
        .fold(DATE_WIDTH, usize::max);
    list(
        app,
        Pane::Timeline,
        theme,
        frame,
        area,
        &extra,
        |i, width| match app.event_rows.get(d, i) {
            Some(e) => row(d, e, app.period_filter, date_width, theme, width),
            None => Line::default(),
        },
    );
    sparkline(app, theme, frame, area);
}

/// Bars of the sparkline, lowest to highest.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Events per month over the dataset's span, drawn on the pane's bottom
/// border from precomputed counts (`app.density`) on a square-root scale
/// (so quiet months still differ beside a busy one), the selected event's
/// month (its year's months if only the year is known) in the selection
/// style, like a cursor on the time axis.
fn sparkline(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let density = &app.density;
    let label = if density.year_only > 0 {
        format!(" per month, √ scale ({} year-only spread) ", density.year_only)
    } else {
        " per month, √ scale ".to_string()
    };
    let inner = usize::from(area.width - 2);
    // Room for the label when the bars would still be 10 columns or more.
    let width = match inner.checked_sub(crate::text::width(&label) + 1) {
        Some(w) if w >= 10 => w,
        _ => inner,
    };
    let counts = density.counts(width);
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    let marked = app
        .selected_event()
        .and_then(|e| density.columns_of(app.data.ds.event(e).date, width));
    let is_marked = |c: usize| marked.is_some_and(|(a, b)| (a..=b).contains(&c));
    let y = area.bottom() - 1;
    let buf = frame.buffer_mut();
    for (c, &n) in counts.iter().enumerate() {
        let x = area.x + 1 + c as u16;
        let bar = match level(n, max).checked_sub(1) {
            Some(l) => BARS[l.min(BARS.len() - 1)],
            None if is_marked(c) => BARS[0],
            None => continue,
        };
        let style = if is_marked(c) { theme.selection } else { theme.date };
        buf[(x, y)].set_char(bar).set_style(style);
    }
    let room = inner.saturating_sub(counts.len() + 1);
    if crate::text::width(&label) <= room {
        let x = area.x + 2 + counts.len() as u16;
        buf.set_string(x, y, label, theme.muted);
    }
}

/// The bar height (0 for none, up to the number of bars) of `n` against
/// the largest count `max`, on a square-root scale: any event shows.
fn level(n: u64, max: u64) -> usize {
    if n == 0 || max == 0 {
        return 0;
    }
    let share = (n as f64 / max as f64).sqrt().min(1.0);
    ((share * BARS.len() as f64).ceil() as usize).max(1)
}

/// Who event `ix` is about: a group move's size as the Flows view counts
/// it (`8 people`, `7–≥8≠ people` when disputed or a lower bound; never one
/// member's name plus the rest), else its first person and `+N` more.
fn who(d: &Data, ix: EventIx) -> String {
    let e = d.ds.event(ix);
    if e.is_move()
        && let Some(size) = e.group_size()
    {
        let range = d.ds.group_range(ix).unwrap_or_else(|| Range::exact(size));
        let people = if range.is_exact() && range.count == 1 {
            "person"
        } else {
            "people"
        };
        return format!("{} {people}", range.marked());
    }
    match e.people.first() {
        Some(&p) if e.people.len() > 1 => format!("{} +{}", d.ds.person(p).name, e.people.len() - 1),
        Some(&p) => d.ds.person(p).name.clone(),
        None => String::new(),
    }
}

/// Where an event happened, in words that fit its kind: arrows only for
/// moves (`OpenAI → Meta`, `Google, DeepMind → MSL` for a group's
/// origins), `Meta ⇢ SSI offer`, `Elon Musk v. OpenAI` (`OpenAI v. Elon
/// Musk` for a suit against a person), `Google ⇢ DNNresearch` for deals, `leaves OpenAI board` for a seat, the
/// organization the event is about first and the others after `· also`
/// (`Google ⇢ DeepMind · also Meta`), plain names otherwise.
pub fn place(d: &Data, e: &Event) -> String {
    let name = |o: u32| d.ds.org(o).name.clone();
    let names = |orgs: &mut dyn Iterator<Item = u32>| orgs.map(name).collect::<Vec<_>>().join(", ");
    match e.kind {
        _ if e.is_move() => {
            let from = match e.origins() {
                [] => e.from.map(name),
                origins => Some(names(&mut origins.iter().map(|o| o.from))),
            };
            match (from, e.to) {
                (Some(f), Some(t)) => format!("{f} → {}", name(t)),
                (Some(f), None) => format!("{f} →"),
                (None, Some(t)) => format!("→ {}", name(t)),
                (None, None) => String::new(),
            }
        }
        EventKind::Offer => match (e.from, e.to) {
            (Some(f), Some(t)) => format!("{} ⇢ {} offer", name(f), name(t)),
            (None, Some(t)) => format!("offer for {}", name(t)),
            (Some(f), None) => format!("{} offer", name(f)),
            (None, None) => "offer".into(),
        },
        EventKind::Board => match (e.from, e.to) {
            (Some(f), Some(t)) => format!("{} board → {} board", name(f), name(t)),
            (Some(f), None) => format!("leaves {} board", name(f)),
            (None, Some(t)) => format!("joins {} board", name(t)),
            (None, None) => "board".into(),
        },
        EventKind::Lawsuit => {
            // A suit against a person: `from` sues the first person in
            // `people` when no `to` is named (`OpenAI v. Elon Musk`).
            if let (Some(f), None, Some(&p)) = (e.from, e.to, e.people.first()) {
                return format!("{} v. {}", name(f), d.ds.person(p).name);
            }
            let plaintiff = match (e.people.first(), e.from) {
                (Some(&p), _) => Some(d.ds.person(p).name.clone()),
                (None, Some(f)) => Some(name(f)),
                (None, None) => None,
            };
            let defendants = names(&mut e.to.into_iter().chain(e.orgs.iter().copied()));
            match plaintiff {
                Some(p) => format!("{p} v. {defendants}"),
                None => format!("v. {defendants}"),
            }
        }
        _ => {
            // Money or a stake changing hands: `Google ⇢ DNNresearch`; what
            // an event is about: `OpenAI`, then the others it involves.
            let main = match (e.from, e.to) {
                (Some(f), Some(t)) => Some(format!("{} ⇢ {}", name(f), name(t))),
                (None, Some(t)) => Some(name(t)),
                _ => None,
            };
            let mut orgs: Vec<u32> = Vec::new();
            for o in e.all_orgs() {
                let shown = main.is_some() && (Some(o) == e.from || Some(o) == e.to);
                if !shown && !orgs.contains(&o) {
                    orgs.push(o);
                }
            }
            let rest = names(&mut orgs.into_iter());
            match main {
                Some(main) if rest.is_empty() => main,
                Some(main) => format!("{main} · also {rest}"),
                None => rest,
            }
        }
    }
}

/// One timeline row, its date in a column `date_width` wide; in a
/// `period` that holds its date only in part, the date says so: `2025
/// (month unknown)`.
pub fn row(
    d: &Data,
    ix: EventIx,
    period: Option<Period>,
    date_width: usize,
    theme: &Theme,
    width: usize,
) -> Line<'static> {
    let e = d.ds.event(ix);
    let mark = match (e.disputed(), e.uncertain()) {
        (Some(_), _) => DISPUTED,
        (None, Some(_)) => UNCERTAIN,
        (None, None) => " ",
    };
    let mut pieces: Vec<(String, Style)> = vec![
        (format!("{:<date_width$}", date_label(e.date, period)), theme.date),
        (" ".into(), Style::new()),
        (mark.to_string(), theme.disputed),
        (" ".into(), Style::new()),
        (format!("{:<KIND_WIDTH$}", e.kind.as_str()), theme.kind),
        (" ".into(), Style::new()),
    ];
    // A lawsuit names its plaintiff in its place (`Elon Musk v. OpenAI`).
    let who = if e.kind == EventKind::Lawsuit {
        String::new()
    } else {
        who(d, ix)
    };
    let place = place(d, e);
    if !who.is_empty() {
        pieces.push((who, theme.person));
        let sep = if e.is_group() && !place.is_empty() {
            " · "
        } else {
            "  "
        };
        pieces.push((sep.into(), Style::new()));
    }
    if !place.is_empty() {
        pieces.push((place, theme.org));
    }
    // How an offer ended, when the sources say: `Meta ⇢ SSI offer declined`.
    if let Some(outcome) = e.outcome().filter(|&o| o != Outcome::Unknown) {
        pieces.push((format!(" {outcome}"), theme.kind));
    }
    if let Some(a) = e.amount() {
        pieces.push(("  ".into(), Style::new()));
        pieces.push((a.short(), theme.amount));
    }
    if e.people.is_empty() && e.from.is_none() && e.to.is_none() && e.orgs.is_empty() {
        pieces.push((e.summary.clone(), theme.muted));
    }
    fit_spans(pieces, width)
}
