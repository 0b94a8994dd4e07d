//! `rivals search`: fuzzy-search the records, as lines or JSON.

use super::{Failure, export, output};
use crate::model::{Dataset, Record};
use crate::search::{self, SearchIndex};
use crate::text::{fit, sanitize};

/// The id, kind name and display name of a record.
pub fn describe(ds: &Dataset, r: Record) -> (&str, &'static str, &str) {
    match r {
        Record::Person(i) => (&ds.person(i).id, "person", &ds.person(i).name),
        Record::Org(i) => (&ds.org(i).id, "organization", &ds.org(i).name),
        Record::Event(i) => (&ds.event(i).id, "event", &ds.event(i).summary),
        Record::Source(i) => (&ds.source(i).id, "source", &ds.source(i).title),
    }
}

/// Appends the records best matching `query`, at most `limit` of them;
/// fails (exit 1, nothing on standard output) when none does. A query
/// longer than a search reads is cut, with a note on standard error.
pub(super) fn search(
    ds: &Dataset,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut String,
) -> Result<(), Failure> {
    let (query, cut) = search::query::cut(query);
    if cut {
        output::note(&format!(
            "rivals: the query is cut to its first {} characters",
            search::query::MAX_QUERY_CHARS
        ));
    }
    let index = SearchIndex::new(ds);
    let hits = index.search(ds, query, limit);
    if hits.is_empty() {
        return Err(Failure::new(format!("no match for `{}`", fit(query.trim(), 40))));
    }
    if json {
        let rows: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let (id, kind, name) = describe(ds, h.target);
                serde_json::json!({"kind": kind, "id": id, "name": name, "matched": index.text(ds, h.entry), "field": h.field.name(), "match": h.quality.name(), "typos": h.typos, "score": h.score, "via": h.via.iter().map(|v| index.text(ds, v.entry)).collect::<Vec<_>>()})
            })
            .collect();
        out.push_str(&export::safe_json(&serde_json::Value::Array(rows)));
        out.push('\n');
        return Ok(());
    }
    for h in &hits {
        let (id, kind, name) = describe(ds, h.target);
        let matched = index.text(ds, h.entry);
        // An event found through a record it links says so below (`via`).
        let name = if matched != name && h.via.is_empty() {
            format!("{name} (matched {matched})")
        } else {
            name.to_string()
        };
        let via: Vec<&str> = h.via.iter().map(|v| index.text(ds, v.entry)).collect();
        let name = if via.is_empty() {
            name
        } else {
            format!("{name} (via {})", via.join(", "))
        };
        out.push_str(&format!("{kind:<12}  {}  {}\n", sanitize(id), sanitize(&name)));
    }
    Ok(())
}
