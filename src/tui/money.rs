//! The Money view's chart, built once: every amount of every event, grouped
//! by kind, on one USD axis; amounts in another currency with no USD
//! equivalent get a group of their own, never mixed in.

use crate::model::{Amount, Dataset, EventIx, EventKind};

/// The groups of the chart, in the order they show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Offers, pay and the sums of hires.
    Pay,
    /// Acquisitions and stakes.
    Deals,
    /// Investments and funding rounds.
    Investments,
    /// Spending plans and every other kind.
    Plans,
    /// Amounts in this currency, with no USD equivalent stated.
    Currency(&'static str),
}

impl Group {
    /// The group of an event of `kind` whose amount is in USD (or has a USD
    /// equivalent) if `usd`, else in `currency`.
    fn of(kind: EventKind, usd: bool, currency: &'static str) -> Group {
        match kind {
            _ if !usd => Group::Currency(currency),
            EventKind::Offer | EventKind::Hire | EventKind::Departure | EventKind::Return => Group::Pay,
            EventKind::Acquisition => Group::Deals,
            EventKind::Investment | EventKind::Funding => Group::Investments,
            _ => Group::Plans,
        }
    }

    /// The group's heading.
    pub fn title(self) -> String {
        match self {
            Group::Pay => "Offers and pay (USD)".into(),
            Group::Deals => "Acquisitions and stakes (USD)".into(),
            Group::Investments => "Investments and funding (USD)".into(),
            Group::Plans => "Spending plans and other (USD)".into(),
            Group::Currency(c) => format!("In {c}, no USD equivalent stated"),
        }
    }
}

/// One amount on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub event: EventIx,
    /// The group the bar is in, whose axis it is drawn on.
    pub group: Group,
    /// The value on the group's axis (USD, or the group's currency).
    pub value: f64,
    /// The lowest and highest value the sources give (the value itself
    /// when undisputed).
    pub low: f64,
    pub high: f64,
    /// The amount as the article words it.
    pub label: String,
    /// The value on the axis, compact: `USD 14.3B`.
    pub short: String,
}

/// One row of the chart.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    /// A group's heading and how many bars it has.
    Heading(Group, usize),
    Bar(Bar),
}

/// Every amount, grouped, largest first in each group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    pub rows: Vec<Row>,
    /// How many bars there are (rows that are not headings).
    pub bars: usize,
    /// The largest high of the USD groups, and of each other currency.
    maxima: Vec<(Option<&'static str>, f64)>,
    /// The smallest positive low of the same.
    minima: Vec<(Option<&'static str>, f64)>,
}

/// `a` on the axis of `usd` (its USD value or equivalent) or of
/// `currency`; `None` if it is on neither.
fn on_axis(a: &Amount, usd: bool, currency: &'static str) -> Option<f64> {
    let equivalent = a.equivalent.as_deref().filter(|e| e.currency == "USD");
    match (usd, a.currency == "USD", equivalent) {
        (true, true, _) => Some(a.value),
        (true, false, Some(e)) => Some(e.value),
        (false, _, _) if a.currency == currency => Some(a.value),
        _ => None,
    }
    .filter(|v| v.is_finite() && *v >= 0.0)
}

impl Chart {
    /// The chart of every amount in `ds`.
    pub fn new(ds: &Dataset) -> Chart {
        let mut bars: Vec<(Group, Bar)> = Vec::new();
        for (ix, e) in ds.events.iter().enumerate() {
            let Some(a) = e.amount() else { continue };
            let usd = a.currency == "USD" || a.equivalent.as_deref().is_some_and(|q| q.currency == "USD");
            let Some(value) = on_axis(a, usd, a.currency) else {
                continue;
            };
            let (mut low, mut high) = (value, value);
            for alt in e.disputed().map_or(&[][..], |d| &d.alternatives) {
                if let Some(v) = alt.amount.as_ref().and_then(|x| on_axis(x, usd, a.currency)) {
                    low = low.min(v);
                    high = high.max(v);
                }
            }
            let shown = if usd && a.currency != "USD" {
                a.equivalent
                    .as_deref()
                    .map_or_else(|| a.normalized(), Amount::normalized)
            } else {
                a.normalized()
            };
            let group = Group::of(e.kind, usd, a.currency);
            bars.push((
                group,
                Bar {
                    event: ix as EventIx,
                    group,
                    value,
                    low,
                    high,
                    label: a.text.clone().unwrap_or_else(|| a.normalized()),
                    short: shown,
                },
            ));
        }
        bars.sort_by(|(g, a), (h, b)| {
            g.cmp(h)
                .then(b.value.total_cmp(&a.value))
                .then(a.event.cmp(&b.event))
        });
        let mut chart = Chart {
            bars: bars.len(),
            ..Chart::default()
        };
        // The row of the current group's heading.
        let mut heading = usize::MAX;
        for (g, bar) in bars {
            let key = key_of(g);
            match chart.rows.get_mut(heading) {
                Some(Row::Heading(h, n)) if *h == g => *n += 1,
                _ => {
                    heading = chart.rows.len();
                    chart.rows.push(Row::Heading(g, 1));
                }
            }
            bump(&mut chart.maxima, key, bar.high, f64::max);
            if bar.low > 0.0 {
                bump(&mut chart.minima, key, bar.low, f64::min);
            }
            chart.rows.push(Row::Bar(bar));
        }
        chart
    }

    /// The largest value on the axis of `group` (at least 1).
    pub fn max(&self, group: Group) -> f64 {
        lookup(&self.maxima, group).unwrap_or(1.0).max(1.0)
    }

    /// The smallest positive value on the axis of `group` (at least 1).
    pub fn min(&self, group: Group) -> f64 {
        lookup(&self.minima, group).unwrap_or(1.0).max(1.0)
    }
}

fn key_of(group: Group) -> Option<&'static str> {
    match group {
        Group::Currency(c) => Some(c),
        _ => None,
    }
}

fn lookup(list: &[(Option<&'static str>, f64)], group: Group) -> Option<f64> {
    let key = key_of(group);
    list.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn bump(
    list: &mut Vec<(Option<&'static str>, f64)>,
    key: Option<&'static str>,
    v: f64,
    pick: fn(f64, f64) -> f64,
) {
    match list.iter_mut().find(|(k, _)| *k == key) {
        Some((_, x)) => *x = pick(*x, v),
        None => list.push((key, v)),
    }
}

/// How far along an axis `value` goes, from 0 to 1: linear from 0 to
/// `max`, or logarithmic from a decade below `min` to `max`.
pub fn fraction(value: f64, min: f64, max: f64, log: bool) -> f64 {
    if !log {
        return (value / max).clamp(0.0, 1.0);
    }
    let floor = (min / 10.0).max(1.0).log10();
    let top = max.log10();
    if value <= 0.0 || top <= floor {
        return if value > 0.0 { 1.0 } else { 0.0 };
    }
    ((value.log10() - floor) / (top - floor)).clamp(0.0, 1.0)
}
