//! `rivals timeline`: the events in date order, one per line.

use super::filter::EventFilter;
use crate::model::{Dataset, EventKind};
use crate::text::sanitize;

/// Appends the events `filter` keeps, one `DATE  KIND  SUMMARY` line each.
pub(super) fn timeline(ds: &Dataset, filter: &EventFilter, out: &mut String) {
    let width = EventKind::ALL.iter().map(|k| k.as_str().len()).max().unwrap_or(0);
    for e in &ds.events {
        if filter.keeps(ds, e) {
            out.push_str(&format!(
                "{:<10}  {:<width$}  {}\n",
                e.date.to_string(),
                e.kind.as_str(),
                sanitize(&e.summary)
            ));
        }
    }
}
