//! What the Detail area says about a record: its lines as text in semantic
//! looks, for `ui::detail` to draw in the theme's styles and for the state
//! to bound the scroll by, so both count the same rows.

use crate::fields::{self, LABEL_WIDTH, Look};
use crate::model::{Dataset, EventIx, Record, SourceIx};
use crate::text::{fit, sanitize};
use unicode_width::UnicodeWidthStr;

/// How a piece of text looks; the theme gives each its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Plain,
    Heading,
    Kind,
    Muted,
    Date,
    Amount,
    Disputed,
    /// A quotation, in italics.
    Quote,
}

/// One line of the Detail area.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailLine {
    /// One text, the whole line in one look (line breaks in it dropped).
    Whole(String, Slot),
    /// Pieces in their own looks.
    Pieces(Vec<(String, Slot)>),
}

impl DetailLine {
    /// Columns the line takes unwrapped.
    pub fn width(&self) -> usize {
        match self {
            DetailLine::Whole(text, _) => text.lines().map(UnicodeWidthStr::width).sum(),
            DetailLine::Pieces(pieces) => pieces.iter().map(|(t, _)| t.width()).sum(),
        }
    }
}

/// Rows the detail of `record` takes at `width` columns once wrapped,
/// every event of its mini-timeline counted but not built: what bounds the
/// scroll. Word wrapping can take a row more than the width says per line
/// that wraps, so each such line counts one spare row (at most that many
/// blank rows show at the end).
pub fn rows(ds: &Dataset, record: Option<Record>, width: usize) -> usize {
    if width == 0 {
        return 0;
    }
    let events = record.map_or(0, |r| ds.record_events(r).len());
    let wrapped: usize = lines(ds, record, 0, width)
        .iter()
        .map(|l| match l.width().div_ceil(width) {
            0 | 1 => 1,
            n => n + 1,
        })
        .sum();
    wrapped + events
}

/// The detail's lines at `width` columns, with at most `limit` events of
/// a mini-timeline.
pub fn lines(ds: &Dataset, record: Option<Record>, limit: usize, width: usize) -> Vec<DetailLine> {
    match record {
        Some(Record::Person(p)) => {
            let p_rec = ds.person(p);
            let mut l = vec![heading(&p_rec.name, "person")];
            fields(&mut l, ds, Record::Person(p));
            para(&mut l, &p_rec.summary);
            timeline(&mut l, ds, Record::Person(p), limit, width);
            sources(&mut l, ds, &p_rec.sources);
            l
        }
        Some(Record::Org(o)) => {
            let org = ds.org(o);
            let mut l = vec![heading(&org.name, org.kind.as_str())];
            fields(&mut l, ds, Record::Org(o));
            para(&mut l, &org.summary);
            timeline(&mut l, ds, Record::Org(o), limit, width);
            sources(&mut l, ds, &org.sources);
            l
        }
        Some(Record::Event(e)) => event(ds, e),
        _ => vec![DetailLine::Whole("Nothing selected.".into(), Slot::Muted)],
    }
}

fn heading(title: &str, kind: &str) -> DetailLine {
    DetailLine::Pieces(vec![
        (sanitize(title).into_owned(), Slot::Heading),
        (format!("  {kind}"), Slot::Kind),
    ])
}

/// The record's fields, from the list `rivals show` prints too. The date
/// is in the heading already.
fn fields(lines: &mut Vec<DetailLine>, ds: &Dataset, record: Record) {
    for f in fields::of(ds, record) {
        let label = |slot: Slot| (format!("{:<LABEL_WIDTH$} ", f.label), slot);
        let value = sanitize(&f.value).into_owned();
        lines.push(DetailLine::Pieces(match f.look {
            Look::Date => continue,
            Look::Plain => vec![label(Slot::Muted), (value, Slot::Plain)],
            Look::Amount => vec![label(Slot::Muted), (value, Slot::Amount)],
            Look::Quote => vec![label(Slot::Muted), (format!("“{value}”"), Slot::Quote)],
            Look::Disputed => vec![label(Slot::Disputed), (value, Slot::Plain)],
            Look::Uncertain => vec![label(Slot::Muted), (value, Slot::Plain)],
            Look::Alternative(sources) => {
                let from: Vec<String> = sources
                    .iter()
                    .map(|&s| sanitize(&ds.source(s).title).into_owned())
                    .collect();
                vec![
                    ("  • ".into(), Slot::Disputed),
                    (value, Slot::Plain),
                    (format!("  ({})", from.join("; ")), Slot::Muted),
                ]
            }
        }));
    }
}

fn para(lines: &mut Vec<DetailLine>, text: &str) {
    lines.push(DetailLine::Whole(sanitize(text.trim()).into_owned(), Slot::Plain));
}

/// A mini-timeline: the first `limit` of the events the record lists.
fn timeline(lines: &mut Vec<DetailLine>, ds: &Dataset, record: Record, limit: usize, width: usize) {
    let events = ds.record_events(record);
    if events.is_empty() {
        return;
    }
    lines.push(DetailLine::Whole(
        format!("Timeline ({})", fields::events_count(ds, record, events.len())),
        Slot::Heading,
    ));
    for &e in events.iter().take(limit) {
        let e = ds.event(e);
        let date = format!("{:<10} ", e.date.to_string());
        lines.push(DetailLine::Pieces(vec![
            (date, Slot::Date),
            (fit(&e.summary, width.saturating_sub(11)), Slot::Plain),
        ]));
    }
}

fn sources(lines: &mut Vec<DetailLine>, ds: &Dataset, sources: &[SourceIx]) {
    lines.push(DetailLine::Whole("Sources".into(), Slot::Heading));
    for &s in sources {
        lines.push(DetailLine::Pieces(vec![
            ("• ".into(), Slot::Muted),
            (sanitize(&ds.source(s).title).into_owned(), Slot::Plain),
        ]));
    }
}

fn event(ds: &Dataset, ix: EventIx) -> Vec<DetailLine> {
    let e = ds.event(ix);
    let disputed = if e.disputed().is_some() {
        "  ≠ disputed"
    } else {
        ""
    };
    let uncertain = if e.uncertain().is_some() {
        "  ~ uncertain"
    } else {
        ""
    };
    let mut l = vec![DetailLine::Pieces(vec![
        (e.date.to_string(), Slot::Date),
        ("  ".into(), Slot::Plain),
        (e.kind.as_str().into(), Slot::Kind),
        (disputed.into(), Slot::Disputed),
        (uncertain.into(), Slot::Muted),
    ])];
    para(&mut l, &e.summary);
    fields(&mut l, ds, Record::Event(ix));
    sources(&mut l, ds, &e.sources);
    l
}
