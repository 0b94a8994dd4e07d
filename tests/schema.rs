//! The JSON Schemas of `rivals schema`, checked by an independent
//! validator (the jsonschema crate): every shipped dataset passes, and each
//! kind of mistake the loader refuses is refused by the schema too.

use rivals::model::{DataFile, schema};
use serde_json::{Value, json};

fn validator(file: DataFile) -> jsonschema::Validator {
    let s = schema(file);
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    jsonschema::draft202012::new(&s).expect("the schema is a valid 2020-12 schema")
}

/// YAML as an editor's YAML 1.2 reads it, as JSON values.
fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).expect("test YAML parses")
}

fn errors(file: DataFile, value: &Value) -> Vec<String> {
    validator(file)
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect()
}

fn file(f: DataFile) -> String {
    format!("{}.yaml", f.stem())
}

#[test]
fn every_shipped_dataset_file_is_valid() {
    let root = env!("CARGO_MANIFEST_DIR");
    for dir in ["data", "src/cli/starter"] {
        for f in DataFile::ALL {
            let path = format!("{root}/{dir}/{}", file(f));
            let text = std::fs::read_to_string(&path).expect("dataset file is readable");
            let value = yaml(&text);
            let errs = errors(f, &value);
            assert!(errs.is_empty(), "{path}: {errs:#?}");
            assert!(
                value.as_array().is_some_and(|a| !a.is_empty()),
                "{path} is a list"
            );
        }
    }
}

/// A minimal valid event, changed by `edit`.
fn event(edit: impl FnOnce(&mut Value)) -> Value {
    let mut e = json!({
        "id": "e", "date": "2024-06", "kind": "hire", "people": ["p"],
        "from": "a", "to": "b", "summary": "s", "sources": ["src"]
    });
    edit(&mut e);
    json!([e])
}

#[test]
fn yaml_numbers_are_accepted_where_the_loader_takes_them() {
    let text = "- id: e\n  date: 2014\n  kind: offer\n  people: [p]\n  amount: {value: 14.3e9, currency: USD, period: 4 years}\n  summary: s\n  sources: [src]\n  disputed:\n    note: n\n    alternatives:\n      - {value: 12, date: 2015-01-02, sources: [src]}\n";
    let value = yaml(text);
    assert!(value[0]["date"].is_u64(), "an unquoted year is a number");
    assert!(value[0]["amount"]["value"].is_f64(), "14.3e9 is a float");
    assert_eq!(errors(DataFile::Events, &value), Vec::<String>::new());
    for date in [json!("2024"), json!("2024-12-31"), json!(1999)] {
        let v = event(|e| e["date"] = date.clone());
        assert!(validator(DataFile::Events).is_valid(&v), "{date} is a date");
    }
}

#[test]
fn unknown_fields_are_rejected_at_every_level() {
    let top = event(|e| e["colour"] = json!("red"));
    assert!(!validator(DataFile::Events).is_valid(&top));
    let nested = event(|e| e["amount"] = json!({"value": 1, "currency": "USD", "cents": 3}));
    assert!(!validator(DataFile::Events).is_valid(&nested));
    let person = json!([{"id": "p", "name": "P", "summary": "s", "sources": ["x"], "age": 40}]);
    assert!(!validator(DataFile::People).is_valid(&person));
    assert!(
        validator(DataFile::People)
            .is_valid(&json!([{"id": "p", "name": "P", "summary": "s", "sources": ["x"]}]))
    );
}

#[test]
fn unknown_kinds_are_rejected() {
    assert!(!validator(DataFile::Events).is_valid(&event(|e| e["kind"] = json!("poaching"))));
    let org = |kind: &str| json!([{"id": "o", "name": "O", "kind": kind, "summary": "s", "sources": ["x"]}]);
    assert!(validator(DataFile::Organizations).is_valid(&org("lab")));
    assert!(!validator(DataFile::Organizations).is_valid(&org("Lab")));
    assert!(!validator(DataFile::Organizations).is_valid(&org("guild")));
}

#[test]
fn wrong_types_are_rejected() {
    let cases = [
        ("summary", json!(["s"])),
        ("people", json!("p")),
        ("count", json!(-1)),
        ("count", json!("3")),
        ("amount", json!({"value": "lots", "currency": "USD"})),
        ("id", json!(["e"])),
        ("id", json!(-7)),
    ];
    for (key, bad) in cases {
        let v = event(|e| e[key] = bad.clone());
        assert!(!validator(DataFile::Events).is_valid(&v), "{key}: {bad}");
    }
    assert!(
        !validator(DataFile::Events).is_valid(&json!({"id": "e"})),
        "a file is a list"
    );
}

#[test]
fn dates_not_in_yyyy_mm_dd_form_are_rejected() {
    for date in [
        json!("2024/06"),
        json!("June 2024"),
        json!("2024-6"),
        json!("2024-13"),
        json!("2024-06-32"),
        json!("24"),
        json!("1e3"),
        json!(2024.5),
        json!(10000),
        json!(0),
    ] {
        let v = event(|e| e["date"] = date.clone());
        assert!(!validator(DataFile::Events).is_valid(&v), "{date}");
    }
    let source = json!([{"id": "s", "title": "T", "language": "en", "published": "July 2025"}]);
    assert!(!validator(DataFile::Sources).is_valid(&source));
}

#[test]
fn records_without_sources_are_rejected() {
    assert!(!validator(DataFile::Events).is_valid(&event(|e| e["sources"] = json!([]))));
    let missing = event(|e| {
        e.as_object_mut().map(|o| o.remove("sources"));
    });
    assert!(!validator(DataFile::Events).is_valid(&missing));
    let alternative = event(|e| {
        e["disputed"] = json!({"note": "n", "alternatives": [{"count": 3, "sources": []}]});
    });
    assert!(!validator(DataFile::Events).is_valid(&alternative));
    let org = json!([{"id": "o", "name": "O", "kind": "lab", "summary": "s", "sources": []}]);
    assert!(!validator(DataFile::Organizations).is_valid(&org));
}

#[test]
fn the_command_prints_one_schema_or_writes_all_four() {
    let out = std::process::Command::new(crate::common::BIN)
        .args(["schema", "events"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(printed, schema(DataFile::Events));

    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("schemas");
    let out = std::process::Command::new(crate::common::BIN)
        .arg("schema")
        .arg("--out")
        .arg(&target)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for f in DataFile::ALL {
        let text =
            std::fs::read_to_string(target.join(format!("{}.schema.json", f.stem()))).expect("written");
        assert_eq!(serde_json::from_str::<Value>(&text).expect("JSON"), schema(f));
    }

    let none = std::process::Command::new(crate::common::BIN)
        .arg("schema")
        .output()
        .expect("runs");
    assert_eq!(none.status.code(), Some(2), "a file or --out is required");
}

/// The companion files for an events file that names `src`, `p`, `a`, `b`.
const SOURCES: &str = "- id: src\n  title: T\n  language: en\n";
const ORGS: &str = "- id: a\n  name: A\n  kind: lab\n  summary: s\n  sources: [src]\n- id: b\n  name: B\n  kind: company\n  summary: s\n  sources: [src]\n";
const PEOPLE: &str = "- id: p\n  name: P\n  summary: s\n  sources: [src]\n";

fn loads(events: &str) -> bool {
    let files = rivals::model::Files {
        sources: SOURCES,
        organizations: ORGS,
        people: PEOPLE,
        events,
    };
    rivals::model::load("t", &files, "").is_ok()
}

#[test]
fn the_schema_and_the_loader_agree_on_each_mistake() {
    let good = "- id: e\n  date: 2024-06\n  kind: hire\n  people: [p]\n  from: a\n  to: b\n  amount: {value: 14.3e9, currency: USD}\n  summary: s\n  sources: [src]\n";
    assert!(loads(good));
    assert!(validator(DataFile::Events).is_valid(&yaml(good)));
    let mistakes = [
        (
            "unknown field",
            good.replace("  summary: s", "  summary: s\n  colour: red"),
        ),
        ("unknown kind", good.replace("kind: hire", "kind: poaching")),
        ("wrong type", good.replace("people: [p]", "people: {p: 1}")),
        ("date form", good.replace("date: 2024-06", "date: 2024/06")),
        ("month", good.replace("date: 2024-06", "date: 2024-13")),
        ("no sources", good.replace("sources: [src]", "sources: []")),
        ("amount type", good.replace("value: 14.3e9", "value: lots")),
    ];
    for (what, text) in mistakes {
        assert!(!loads(&text), "the loader takes the {what}");
        assert!(
            !validator(DataFile::Events).is_valid(&yaml(&text)),
            "the schema takes the {what}"
        );
    }
}
