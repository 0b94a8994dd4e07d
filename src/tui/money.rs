//! The Money view's chart, built once: every amount of every event, grouped
//! by what it pays for, on one USD axis; amounts in another currency with
//! no USD equivalent get a group of their own, never mixed in. Each bar
//! names who pays whom (`Meta → Scale AI`).

use crate::model::{Amount, Dataset, Disputed, Event, EventIx, EventKind, OrgIx};

/// The groups of the chart, in the order they show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Offers to people, pay and the sums of hires.
    Pay,
    /// Acquisitions, stakes, and offers to buy an organization.
    Deals,
    /// Investments and funding rounds someone receives.
    Investments,
    /// What a company is said to be worth: not money anyone paid.
    Valuations,
    /// Spending nobody receives (an investment with no `to`: data-centre
    /// plans) and every other kind.
    Plans,
    /// Amounts in this currency, with no USD equivalent stated.
    Currency(&'static str),
}

impl Group {
    /// The group of event `e`, whose amount is in USD (or has a USD
    /// equivalent) if `usd`, else in `currency`. An offer courting an
    /// organization (`to`) is a bid, a deal; one courting people is pay.
    /// An investment or funding with no `to` is spending, a plan.
    fn of(e: &Event, usd: bool, currency: &'static str) -> Group {
        match e.kind {
            _ if !usd => Group::Currency(currency),
            EventKind::Offer if e.to.is_some() => Group::Deals,
            EventKind::Offer | EventKind::Hire | EventKind::Departure | EventKind::Return => Group::Pay,
            EventKind::Acquisition => Group::Deals,
            EventKind::Investment | EventKind::Funding if e.to.is_some() => Group::Investments,
            EventKind::Valuation => Group::Valuations,
            _ => Group::Plans,
        }
    }

    /// The group's heading.
    pub fn title(self) -> String {
        match self {
            Group::Pay => "Offers and pay (USD)".into(),
            Group::Deals => "Acquisitions, bids and stakes (USD)".into(),
            Group::Investments => "Investments and funding (USD)".into(),
            Group::Valuations => "Valuations, not money raised (USD)".into(),
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
    /// Who pays whom: `Meta → Scale AI`, `Amazon` (no payee),
    /// `→ Stargate` (no payer), `OpenAI` (no direction); may be empty.
    pub who: String,
    /// The amount as the article words it.
    pub label: String,
    /// The value on the axis, compact: `USD 14.3B`.
    pub short: String,
    /// Whether one source's wording of the amount is uncertain (ambiguous
    /// or garbled): marked `~`, never as disputed.
    pub uncertain: bool,
    /// Whether a source gives another amount (in any currency, on this
    /// axis or not) or disputes it in words only.
    pub disputed: bool,
    /// Whether the value is a lower bound ("more than $4.4 billion"),
    /// drawn open-ended.
    pub open_ended: bool,
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
            let group = Group::of(e, usd, a.currency);
            bars.push((
                group,
                Bar {
                    event: ix as EventIx,
                    group,
                    value,
                    low,
                    high,
                    who: who(ds, e),
                    label: a.text.clone().unwrap_or_else(|| a.normalized()),
                    short: shown,
                    uncertain: amount_questioned(e.uncertain()),
                    disputed: amount_questioned(e.disputed()),
                    open_ended: open_ended(e, a),
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

/// Whether `e`'s amount `a` (or one a source gives instead) is a lower
/// bound (`at_least`): the bar has no end.
fn open_ended(e: &Event, a: &Amount) -> bool {
    a.at_least
        || e.disputed().is_some_and(|d| {
            d.alternatives
                .iter()
                .any(|alt| alt.amount.as_ref().is_some_and(|x| x.at_least))
        })
}

/// Whether a `disputed` or `uncertain` block questions an event's amount:
/// an alternative gives an amount (in any currency), or says something in
/// words only (no count, amount or date).
fn amount_questioned(block: Option<&Disputed>) -> bool {
    block.is_some_and(|d| {
        d.alternatives
            .iter()
            .any(|a| a.amount.is_some() || (a.count.is_none() && a.date.is_none()))
    })
}

/// Longest `who` written with full names; longer ones use each
/// organization's shortest name (`MSL`, `SSI`).
const WHO_FULL: usize = 24;

/// Who pays whom in `e`, by the format's `from`/`to` of its kind: for a
/// hire, departure or return the new employer pays the first person; for
/// the rest `from` (or else the first person) pays `to`; kinds with no
/// direction name their organizations.
pub fn who(ds: &Dataset, e: &Event) -> String {
    let text = |short: bool| {
        let org = |o: OrgIx| {
            let org = ds.org(o);
            let name = org.name.as_str();
            if short {
                let shortest = org
                    .aliases
                    .iter()
                    .map(String::as_str)
                    .min_by_key(|a| a.chars().count());
                shortest
                    .filter(|a| a.chars().count() < name.chars().count())
                    .unwrap_or(name)
            } else {
                name
            }
        };
        let person = |i: usize| e.people.get(i).map(|&p| ds.person(p).name.as_str());
        let (payer, payee) = match e.kind {
            EventKind::Hire | EventKind::Departure | EventKind::Return => (e.to.map(org), person(0)),
            EventKind::Offer | EventKind::Acquisition | EventKind::Investment | EventKind::Funding => {
                (e.from.map(org).or_else(|| person(0)), e.to.map(org))
            }
            _ => {
                let names: Vec<&str> = e.all_orgs().map(org).collect();
                return names.join(", ");
            }
        };
        match (payer, payee) {
            (Some(a), Some(b)) => format!("{a} → {b}"),
            (Some(a), None) => a.to_string(),
            (None, Some(b)) => format!("→ {b}"),
            (None, None) => String::new(),
        }
    };
    let full = text(false);
    if crate::text::width(&full) <= WHO_FULL {
        full
    } else {
        text(true)
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
