//! `rivals diff OLD NEW`: what changed between two datasets, record by
//! record and field by field (each record as `export --format json` writes
//! it), pointing at NEW's files; then what it does to the answers, the
//! flows and organization totals of [`model::diff::flows`]. Exit status 0
//! when they are the same, 1 when they differ, 2 on trouble, like diff.

use super::args::Cli;
use super::export::{record_json, safe_json};
use super::load::{beside, exit_without_freeing, load_layers};
use super::output;
use super::search::describe;
#[cfg(test)]
use crate::model::Layer;
use crate::model::diff::{self, Change, FlowDiff, OrgId, RecordDiff};
use crate::model::{self, Dataset, Diagnostic, Place, Record};
use crate::text::sanitize;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

/// Trouble: a dataset that does not load, output that cannot be written.
const TROUBLE: u8 = 2;

/// Runs `rivals diff`: loads both datasets (exit 2 if either fails), and
/// writes their differences as text or JSON.
pub(super) fn command(cli: &Cli, old: &Path, new: &Path, json: bool) -> ExitCode {
    let (old_layers, new_layers) = (Cli::layers_of(old), Cli::layers_of(new));
    for (arg, layers) in [(old, &old_layers), (new, &new_layers)] {
        if layers.is_empty() {
            let shown = arg.display().to_string();
            let d = Diagnostic::file("rivals", format!("`{shown}` names no dataset"))
                .hint("give a folder, `embedded`, or layers such as `embedded:./mine`");
            output::error(&d);
            return ExitCode::from(TROUBLE);
        }
    }
    let loaded = (load_layers(cli, &old_layers), load_layers(cli, &new_layers));
    let ((old_ds, old_pending), (new_ds, new_pending)) = match loaded {
        (Ok(a), Ok(b)) => (a, b),
        (a, b) => {
            let errors: Vec<Diagnostic> = [a.err(), b.err()].into_iter().flatten().flatten().collect();
            super::report(&errors);
            return ExitCode::from(TROUBLE);
        }
    };
    let code = beside(old_pending, &old_ds, || {
        beside(new_pending, &new_ds, || {
            let places = model::places(&new_layers, cli.max_file_bytes());
            let d = Diff::new(&old_ds, &new_ds, &places);
            let out = if json { d.json() } else { d.text() };
            if output::stdout(&out) != ExitCode::SUCCESS {
                ExitCode::from(TROUBLE)
            } else if d.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        })
    });
    exit_without_freeing((old_ds, new_ds));
    code
}

/// One field that differs: its name, and its value before and after
/// (`null` where the record lacks it).
#[derive(Serialize)]
struct FieldChange {
    field: String,
    old: Value,
    new: Value,
}

/// Where a record of NEW is written.
#[derive(Serialize)]
struct At<'a> {
    kind: &'static str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// A record in both, with the fields that differ.
#[derive(Serialize)]
struct Changed<'a> {
    #[serde(flatten)]
    at: At<'a>,
    fields: Vec<FieldChange>,
}

/// A flow whose count changed, by organization ids (`null`: unknown).
#[derive(Serialize)]
struct PairOut<'a> {
    from: Option<&'a str>,
    to: Option<&'a str>,
    old: u32,
    new: u32,
}

/// An organization whose moves in or out changed.
#[derive(Serialize)]
struct OrgOut<'a> {
    id: Option<&'a str>,
    #[serde(rename = "in")]
    into: CountOut,
    out: CountOut,
}

#[derive(Serialize)]
struct CountOut {
    old: u32,
    new: u32,
}

impl From<Change> for CountOut {
    fn from(c: Change) -> Self {
        CountOut {
            old: c.old,
            new: c.new,
        }
    }
}

/// The differences, as `--json` writes them.
#[derive(Serialize)]
struct Diff<'a> {
    added: Vec<At<'a>>,
    removed: Vec<At<'a>>,
    changed: Vec<Changed<'a>>,
    flows: Vec<PairOut<'a>>,
    organizations: Vec<OrgOut<'a>>,
    /// For the text: the datasets, and how many records are in both.
    #[serde(skip)]
    names: Names<'a>,
}

/// What the text needs besides the ids: organization names.
struct Names<'a> {
    old: &'a Dataset,
    new: &'a Dataset,
    kept: usize,
}

impl<'a> Diff<'a> {
    fn new(old: &'a Dataset, new: &'a Dataset, places: &'a hashbrown::HashMap<String, Place>) -> Self {
        let RecordDiff { added, removed, kept } = diff::records(old, new);
        let at = |ds: &'a Dataset, r: Record, place: bool| {
            let (id, kind, _) = describe(ds, r);
            let place = places.get(id).filter(|_| place);
            At {
                kind,
                id,
                file: place.map(|(f, _)| f.as_str()),
                line: place.map(|&(_, l)| l),
            }
        };
        let changed = kept
            .iter()
            .filter_map(|&(o, n)| {
                let fields = fields(&record_json(old, o), &record_json(new, n));
                (!fields.is_empty()).then(|| Changed {
                    at: at(new, n, true),
                    fields,
                })
            })
            .collect();
        let FlowDiff { pairs, orgs } = diff::flows(old, new);
        let flows = pairs
            .iter()
            .map(|((from, to), c)| PairOut {
                from: org_id(old, new, from),
                to: org_id(old, new, to),
                old: c.old,
                new: c.new,
            })
            .collect();
        let organizations = orgs
            .iter()
            .map(|(o, into, out)| OrgOut {
                id: org_id(old, new, o),
                into: (*into).into(),
                out: (*out).into(),
            })
            .collect();
        Diff {
            added: added.iter().map(|&r| at(new, r, true)).collect(),
            removed: removed.iter().map(|&r| at(old, r, false)).collect(),
            changed,
            flows,
            organizations,
            names: Names {
                old,
                new,
                kept: kept.len(),
            },
        }
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
            && self.flows.is_empty()
            && self.organizations.is_empty()
    }

    fn json(&self) -> String {
        let mut out = safe_json(self);
        out.push('\n');
        out
    }

    fn text(&self) -> String {
        let mut out = String::new();
        if self.is_empty() {
            let _ = writeln!(out, "no differences: the same {} records", self.names.kept);
            return out;
        }
        let list = |out: &mut String, title: &str, mark: char, items: &[At]| {
            if items.is_empty() {
                return;
            }
            let _ = writeln!(out, "{title} ({}):", items.len());
            for a in items {
                let _ = writeln!(out, "  {mark} {}", at_text(a));
            }
        };
        list(&mut out, "added", '+', &self.added);
        list(&mut out, "removed", '-', &self.removed);
        if !self.changed.is_empty() {
            let _ = writeln!(out, "changed ({}):", self.changed.len());
            for c in &self.changed {
                let _ = writeln!(out, "  ~ {}", at_text(&c.at));
                for f in &c.fields {
                    let _ = writeln!(
                        out,
                        "      {}: {} → {}",
                        f.field,
                        value_text(&f.old),
                        value_text(&f.new)
                    );
                }
            }
        }
        let name = |id: Option<&str>| self.names.org_name(id);
        if !self.flows.is_empty() {
            let _ = writeln!(
                out,
                "flows that changed ({}), people moving from → to:",
                self.flows.len()
            );
            for p in &self.flows {
                let _ = writeln!(out, "  {} → {}: {} → {}", name(p.from), name(p.to), p.old, p.new);
            }
        }
        if !self.organizations.is_empty() {
            let _ = writeln!(
                out,
                "organizations whose moves changed ({}):",
                self.organizations.len()
            );
            for o in &self.organizations {
                let mut parts = Vec::new();
                for (label, c) in [("in", &o.into), ("out", &o.out)] {
                    if c.old != c.new {
                        parts.push(format!("{label} {} → {}", c.old, c.new));
                    }
                }
                let _ = writeln!(out, "  {}: {}", name(o.id), parts.join(", "));
            }
        }
        out
    }
}

impl Names<'_> {
    /// An organization's name, as NEW has it (else OLD); `?` for unknown.
    fn org_name(&self, id: Option<&str>) -> String {
        let Some(id) = id else {
            return "?".into();
        };
        let named = |ds: &Dataset| match ds.lookup(id) {
            Some(Record::Org(o)) => Some(sanitize(&ds.org(o).name).into_owned()),
            _ => None,
        };
        named(self.new)
            .or_else(|| named(self.old))
            .unwrap_or_else(|| id.into())
    }
}

/// An organization's id as one of the datasets holds it (so it lives as
/// long as they do).
fn org_id<'a>(old: &'a Dataset, new: &'a Dataset, id: &OrgId) -> Option<&'a str> {
    let id = id.as_deref()?;
    let held = |ds: &'a Dataset| match ds.lookup(id) {
        Some(Record::Org(o)) => Some(ds.org(o).id.as_str()),
        _ => None,
    };
    held(new).or_else(|| held(old))
}

/// `event my-event  mine/events.yaml:12`.
fn at_text(a: &At) -> String {
    let mut s = format!("{} {}", a.kind, a.id);
    if let (Some(file), Some(line)) = (a.file, a.line) {
        let _ = write!(s, "  {}:{line}", sanitize(file));
    }
    s
}

/// A value as the text shows it: text as it is, `(none)` for a missing
/// field, anything else as compact JSON; made safe for a terminal.
fn value_text(v: &Value) -> String {
    let text = match v {
        Value::Null => "(none)".to_string(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    sanitize(&text).into_owned()
}

/// The fields whose values differ between two records' JSON objects, in
/// NEW's field order, then those only OLD has. Objects on both sides and
/// lists of the same length are followed down, so a change deep inside
/// (`disputed.alternatives.1.count`) is one line with its own path.
fn fields(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    descend("", old, new, &mut out);
    out
}

fn descend(path: &str, old: &Value, new: &Value, out: &mut Vec<FieldChange>) {
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match (old, new) {
        (Value::Object(o), Value::Object(n)) => {
            let keys = n.keys().chain(o.keys().filter(|k| !n.contains_key(*k)));
            for k in keys {
                let (a, b) = (o.get(k).unwrap_or(&Value::Null), n.get(k).unwrap_or(&Value::Null));
                descend(&join(k), a, b, out);
            }
        }
        (Value::Array(o), Value::Array(n)) if o.len() == n.len() && !path.is_empty() => {
            for (i, (a, b)) in o.iter().zip(n).enumerate() {
                descend(&join(&i.to_string()), a, b, out);
            }
        }
        (a, b) if a != b => out.push(FieldChange {
            field: path.to_string(),
            old: a.clone(),
            new: b.clone(),
        }),
        _ => {}
    }
}

/// The layers of `rivals diff`'s arguments, for tests of the splitting.
#[cfg(test)]
fn layers(arg: &str) -> Vec<Layer> {
    Cli::layers_of(Path::new(arg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_that_differ_are_listed_in_order() {
        let old = serde_json::json!({"id": "a", "date": "2025", "role": "CEO", "summary": "s"});
        let new = serde_json::json!({"id": "a", "date": "2025-06", "summary": "s", "quote": "q"});
        let f = fields(&old, &new);
        let names: Vec<&str> = f.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, ["date", "quote", "role"]);
        assert_eq!(value_text(&f[1].old), "(none)");
        assert_eq!(value_text(&f[2].old), "CEO");
        assert_eq!(value_text(&serde_json::json!(["a", "b"])), r#"["a","b"]"#);
        assert_eq!(value_text(&serde_json::json!("x\u{1b}[2J")), "x\\u{1b}[2J");
    }

    #[test]
    fn a_change_inside_a_block_is_named_by_its_path() {
        let old = serde_json::json!({"disputed": {"note": "n", "alternatives": [{"count": 7}, {"count": 8}]}, "people": ["a"]});
        let new = serde_json::json!({"disputed": {"note": "n", "alternatives": [{"count": 7}, {"count": 9}]}, "people": ["a", "b"]});
        let f = fields(&old, &new);
        let names: Vec<&str> = f.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(names, ["disputed.alternatives.1.count", "people"]);
        assert_eq!(
            (value_text(&f[0].old), value_text(&f[0].new)),
            ("8".into(), "9".into())
        );
    }

    #[test]
    fn an_argument_is_a_folder_embedded_or_layers() {
        assert_eq!(layers("embedded"), vec![Layer::Embedded]);
        let dir = std::env::temp_dir();
        assert_eq!(
            layers(&dir.display().to_string()),
            vec![Layer::Folder(dir.clone())]
        );
        #[cfg(unix)]
        assert_eq!(
            layers("embedded:./mine"),
            vec![Layer::Embedded, Layer::Folder("./mine".into())]
        );
        assert!(layers("").is_empty());
    }
}
