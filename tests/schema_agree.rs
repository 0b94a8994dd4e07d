//! The schema says what `rivals check` says: every single-record mistake
//! made by mutating one field of a valid dataset gets the same verdict
//! from the JSON Schema (checked by the jsonschema crate) as from the
//! loader, except the rules listed in [`BEYOND_SCHEMA`] and
//! [`SPELLING`], which JSON Schema cannot express.

use rivals::model::{DataFile, Files, schema};
use serde_yaml::Value as Yaml;

/// A valid dataset using every field of every record type.
const SOURCES: &str = "\
- id: src
  title: An article
  outlet: The Paper
  language: en
  published: 2024-06-01
  file: article.md
- id: spare
  title: Another article
  language: fr
";
const ORGS: &str = "\
- id: a
  name: Alpha Labs
  aliases: [Alpha, AL]
  kind: lab
  founded: 2015-12
  summary: A lab.
  sources: [src]
- id: b
  name: Beta
  kind: company
  parent: a
  founded: 2001
  summary: A company.
  sources: [src]
- id: c
  name: Gamma
  kind: startup
  summary: A startup.
  sources: [src]
  beyond_sources: Its name.
- id: d
  name: Delta
  kind: investor
  summary: An investor.
  sources: [src]
  distinct_from: [c]
";
const PEOPLE: &str = "\
- id: p
  name: Pat Doe
  aliases: [Pat]
  summary: A researcher.
  sources: [src]
  distinct_from: [q]
- id: q
  name: Quinn Roe
  summary: An engineer.
  sources: [src]
- id: r
  name: Robin
  summary: A founder.
  sources: [src]
  beyond_sources: The first name.
";
const EVENTS: &str = "\
- id: hire
  date: 2024-06
  kind: hire
  people: [p, q]
  count: 3
  at_least: true
  from: a
  to: b
  role: chief scientist
  amount:
    value: 14.3e9
    currency: USD
    text: $14.3B
    up_to: true
    period: 4 years
    equivalent: {value: 1.2e10, currency: EUR, text: €12B}
  quote: We are hiring.
  summary: Beta hires from Alpha.
  sources: [src]
  disputed:
    note: Sources differ.
    alternatives:
      - value: about four
        count: 4
        at_least: true
        amount: {value: 100, currency: GBP}
        date: 2024-07
        sources: [src]
- id: group
  date: 2024
  kind: hire
  count: 5
  to: b
  origins:
    - {from: a, count: 2}
    - {from: c, count: 1}
  summary: A group joins Beta.
  sources: [src]
- id: member
  date: 2024-06-02
  kind: hire
  people: [q]
  from: c
  to: b
  part_of: group
  summary: Quinn joins with the group.
  sources: [src]
- id: bid
  date: 2024
  kind: offer
  from: a
  to: c
  amount: {value: 5.0e6, currency: CHF, per: year}
  outcome: declined
  summary: Alpha bids for Gamma.
  sources: [src]
  beyond_sources: The year.
  uncertain:
    note: Garbled.
    alternatives:
      - {value: maybe, count: 2, date: 2023, sources: [src]}
- id: seat
  date: 2024
  kind: board
  people: [q]
  from: c
  summary: Quinn leaves Gamma's board.
  sources: [src]
- id: deal
  date: 2023-01-15
  kind: investment
  orgs: [a, c]
  summary: Alpha invests in Gamma.
  sources: [src]
";

/// Wrong (and some right) values tried in every field, as YAML.
const VALUES: &[&str] = &[
    "-1",
    "-0.0",
    "0",
    "1",
    "1984",
    "999",
    "2019.0",
    "1.5",
    "1000001",
    "1e18",
    "''",
    "'  '",
    "'\u{200b}'",
    "true",
    "null",
    "[]",
    "{}",
    "[x]",
    "Not A Slug",
    "sam-altman",
    "usd",
    "USD",
    "XYZ",
    "four years",
    "4 years",
    "'4'",
    "0 months",
    "2024",
    "'2024'",
    "2024-13",
    "2024-00",
    "2024-06-32",
    "2024-02-30",
    "0000",
    "2024/06",
    "a",
    "c",
    "lab",
    "hire",
    "p",
    "year",
    "declined",
];

/// Rules that need more than the record itself, or comparisons JSON
/// Schema has no words for: a mutation that breaks one of them is
/// refused by `rivals check` and accepted by the schema.
const BEYOND_SCHEMA: &[(&str, &str)] = &[
    (
        "reference",
        "an id of another record must exist and be of the right kind",
    ),
    ("duplicate", "ids are unique across the four files"),
    (
        "group",
        "a member of a group move comes from one of its origins and goes where it went",
    ),
    ("day", "the day must exist in its month (2024-02-30)"),
    (
        "count",
        "`count` is at least the people named and the sum of the origins",
    ),
    (
        "self move",
        "a move's `from` and `to` differ (and no origin is `to`)",
    ),
    ("own name", "an alias is not the record's own name"),
    (
        "case",
        "aliases differ ignoring case and blanks (`uniqueItems` compares exactly)",
    ),
];

/// Spellings YAML reads as a number that JSON Schema sees only as its
/// value: `2019.0` is the integer 2019 to a JSON Schema validator.
const SPELLING: &str = "a number spelled with a fraction or exponent";

/// The fewest mutations `rivals check` must refuse in each run (sources,
/// organizations, people, events, the extra mistakes): fewer would mean
/// the mutations stopped making mistakes and the runs prove little.
const MIN_REFUSED: [usize; 6] = [130, 870, 490, 1110, 2030, 10];

/// The ids of the base dataset.
const IDS: &[&str] = &[
    "src", "spare", "a", "b", "c", "d", "p", "q", "r", "hire", "group", "member", "bid", "seat", "deal",
];

/// Why a mutation may get different verdicts, if it is an allowed case;
/// `referenced` tells whether other records refer to the record.
fn excused(path: &[String], value: &str, referenced: bool) -> Option<&'static str> {
    let field = path.last().map_or("", String::as_str);
    let parent = path.iter().rev().nth(1).map_or("", String::as_str);
    let count = value.parse::<u32>().is_ok_and(|n| (1..=1_000_000).contains(&n));
    if path == ["id"] && (referenced || IDS.contains(&value)) {
        return Some(if referenced { "reference" } else { "duplicate" });
    }
    let reference = matches!(field, "parent" | "part_of" | "from" | "to")
        || matches!(parent, "sources" | "people" | "orgs" | "distinct_from")
        || (matches!(field, "sources" | "people" | "orgs" | "distinct_from") && value == "[x]");
    if reference {
        return Some("reference");
    }
    if path.first().is_some_and(|f| f == "origins") && (count || value == "removed" || value == "[]") {
        return Some(if count { "count" } else { "group" });
    }
    if path == ["count"] && count {
        return Some("count");
    }
    if value == "2024-02-30" {
        return Some("day");
    }
    if value == "2019.0" || value == "-0.0" || value == "1e18" && field != "value" {
        return Some(SPELLING);
    }
    None
}

fn validators() -> Vec<(DataFile, jsonschema::Validator)> {
    DataFile::ALL
        .into_iter()
        .map(|f| {
            let v = jsonschema::draft202012::new(&schema(f)).expect("valid schema");
            (f, v)
        })
        .collect()
}

/// The four files as text, `sources` first.
type Texts = [String; 4];

fn loader_accepts(t: &Texts) -> bool {
    let files = Files {
        sources: &t[0],
        organizations: &t[1],
        people: &t[2],
        events: &t[3],
    };
    rivals::model::load("t", &files, "").is_ok()
}

fn schema_accepts(validators: &[(DataFile, jsonschema::Validator)], t: &Texts) -> bool {
    (0..t.len()).all(|file| schema_accepts_file(validators, t, file))
}

/// The schema's verdict on one file of `t` (a mutation changes one file;
/// the other three are the valid base).
fn schema_accepts_file(validators: &[(DataFile, jsonschema::Validator)], t: &Texts, file: usize) -> bool {
    serde_yaml::from_str::<serde_json::Value>(&t[file]).is_ok_and(|value| validators[file].1.is_valid(&value))
}

/// Every path to a field of a record, descending into maps and the first
/// item of lists; a path's last part is a key or a list index.
fn paths(value: &Yaml, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Yaml::Mapping(map) => {
            for (key, child) in map {
                let Some(key) = key.as_str() else { continue };
                prefix.push(key.to_string());
                out.push(prefix.clone());
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Yaml::Sequence(items) => {
            if let Some(first) = items.first() {
                prefix.push("0".into());
                out.push(prefix.clone());
                paths(first, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

fn at<'a>(value: &'a mut Yaml, path: &[String]) -> Option<&'a mut Yaml> {
    path.iter().try_fold(value, |v, part| match v {
        Yaml::Mapping(m) => m.get_mut(part.as_str()),
        Yaml::Sequence(s) => part.parse::<usize>().ok().and_then(|i| s.get_mut(i)),
        _ => None,
    })
}

/// The dataset with the field at `path` of record `rec` of file `file`
/// set to `value` (removed when `None`); the other three files keep
/// their text.
fn mutate(
    (base, texts): (&[Yaml; 4], &Texts),
    file: usize,
    rec: usize,
    path: &[String],
    value: Option<&Yaml>,
) -> Texts {
    let mut changed = base[file].clone();
    if let Some(record) = changed.as_sequence_mut().and_then(|s| s.get_mut(rec)) {
        match value {
            Some(v) => {
                if let Some(slot) = at(record, path) {
                    *slot = v.clone();
                }
            }
            None => {
                let (last, parent) = path.split_last().expect("a path");
                match at(record, parent) {
                    Some(Yaml::Mapping(m)) => {
                        m.remove(last.as_str());
                    }
                    Some(Yaml::Sequence(s)) => {
                        s.clear();
                    }
                    _ => {}
                }
            }
        }
    }
    let mut t = texts.clone();
    t[file] = serde_yaml::to_string(&changed).expect("YAML");
    t
}

/// The extra mistakes a field-by-field mutation does not make.
fn extra(base: &Texts) -> Vec<(&'static str, Texts, Option<&'static str>)> {
    let change = |file: usize, from: &str, to: &str| {
        let mut t = base.clone();
        assert!(t[file].contains(from), "{from}");
        t[file] = t[file].replacen(from, to, 1);
        t
    };
    vec![
        ("alias twice", change(1, "[Alpha, AL]", "[Alpha, Alpha]"), None),
        (
            "alias twice, other case",
            change(1, "[Alpha, AL]", "[Alpha, alpha]"),
            Some("case"),
        ),
        (
            "alias is the name",
            change(1, "[Alpha, AL]", "[Alpha Labs]"),
            Some("own name"),
        ),
        (
            "person twice",
            change(3, "people: [p, q]", "people: [p, p]"),
            None,
        ),
        (
            "from and origins",
            change(3, "  to: b\n  origins:", "  to: b\n  from: c\n  origins:"),
            None,
        ),
        (
            "from and no origins",
            change(
                3,
                "  origins:\n    - {from: a, count: 2}\n    - {from: c, count: 1}",
                "  from: c\n  origins: []",
            ),
            None,
        ),
        (
            "count under people",
            change(3, "count: 3", "count: 1"),
            Some("count"),
        ),
        (
            "count under origins",
            change(3, "count: 5", "count: 2"),
            Some("count"),
        ),
        (
            "from is to",
            change(3, "  from: a\n  to: b", "  from: b\n  to: b"),
            Some("self move"),
        ),
        (
            "origin is to",
            change(3, "{from: c, count: 1}", "{from: b, count: 1}"),
            Some("self move"),
        ),
        (
            "id too long",
            change(0, "id: src", &format!("id: {}", "s".repeat(101))),
            None,
        ),
    ]
}

/// The verdicts of the schema and of `rivals check` on a run of
/// mutations, and the excuses used where they differ.
struct Agreement {
    validators: Vec<(DataFile, jsonschema::Validator)>,
    texts: Texts,
    disagree: Vec<String>,
    excused_seen: std::collections::BTreeSet<&'static str>,
    tried: usize,
    refused: usize,
}

impl Agreement {
    /// Checks that the base dataset is valid to both.
    fn new() -> Self {
        let validators = validators();
        let texts: Texts = [SOURCES, ORGS, PEOPLE, EVENTS].map(String::from);
        let files = Files {
            sources: &texts[0],
            organizations: &texts[1],
            people: &texts[2],
            events: &texts[3],
        };
        if let Err(e) = rivals::model::load("t", &files, "") {
            panic!("the base dataset loads: {e:#?}");
        }
        assert!(schema_accepts(&validators, &texts), "the base dataset is valid");
        Agreement {
            validators,
            texts,
            disagree: Vec::new(),
            excused_seen: std::collections::BTreeSet::new(),
            tried: 0,
            refused: 0,
        }
    }

    /// Compares the verdicts on `t`; `changed` is the one file a mutation
    /// changed (the others are the valid base), or `None` to ask the
    /// schema about all four.
    fn check(&mut self, what: String, t: &Texts, changed: Option<usize>, excuse: Option<&'static str>) {
        let schema = match changed {
            Some(file) => schema_accepts_file(&self.validators, t, file),
            None => schema_accepts(&self.validators, t),
        };
        let loader = loader_accepts(t);
        self.tried += 1;
        self.refused += usize::from(!loader);
        match excuse {
            _ if loader == schema => {}
            Some(why) if !loader => {
                self.excused_seen.insert(why);
            }
            _ => self
                .disagree
                .push(format!("{what}: check {loader}, schema {schema}")),
        }
    }

    /// Removes, then sets to each of [`VALUES`], every field of the
    /// records of `file` numbered in `which`.
    fn mutate_every_field(&mut self, file: usize, which: std::ops::Range<usize>) {
        let base: [Yaml; 4] = [SOURCES, ORGS, PEOPLE, EVENTS].map(|t| serde_yaml::from_str(t).expect("YAML"));
        let values: Vec<(&str, Yaml)> = VALUES
            .iter()
            .map(|v| (*v, serde_yaml::from_str(v).expect("value YAML")))
            .collect();
        let texts = self.texts.clone();
        let records = base[file].as_sequence().expect("a list");
        for (rec, record) in records.iter().enumerate().filter(|(rec, _)| which.contains(rec)) {
            // The last record of each file is the one no other refers to.
            let referenced = rec + 1 < records.len();
            let mut found = Vec::new();
            paths(record, &mut Vec::new(), &mut found);
            for path in found {
                let name = format!("{}[{rec}].{}", DataFile::ALL[file].stem(), path.join("."));
                let t = mutate((&base, &texts), file, rec, &path, None);
                self.check(
                    format!("{name} removed"),
                    &t,
                    Some(file),
                    excused(&path, "removed", referenced),
                );
                for (text, value) in &values {
                    let t = mutate((&base, &texts), file, rec, &path, Some(value));
                    self.check(
                        format!("{name}: {text}"),
                        &t,
                        Some(file),
                        excused(&path, text, referenced),
                    );
                }
            }
        }
    }

    /// Fails on any disagreement, on an excuse not documented, or when
    /// fewer than `min_refused` mutations were mistakes (the run would
    /// then prove little).
    fn finish(self, min_refused: usize) {
        let Agreement {
            disagree,
            excused_seen,
            tried,
            refused,
            ..
        } = self;
        assert!(
            disagree.is_empty(),
            "{} of {tried} disagree:\n{}",
            disagree.len(),
            disagree.join("\n")
        );
        assert!(
            refused >= min_refused,
            "only {refused} of {tried} mutations are mistakes"
        );
        let listed: Vec<&str> = BEYOND_SCHEMA.iter().map(|(k, _)| *k).chain([SPELLING]).collect();
        for why in &excused_seen {
            assert!(listed.contains(why), "{why} is not documented");
        }
        eprintln!("{tried} mutations, {refused} refused");
    }
}

// One test per file, so that the four run side by side.

#[test]
fn the_schema_and_check_agree_on_every_mistake_in_sources() {
    let mut a = Agreement::new();
    a.mutate_every_field(0, 0..usize::MAX);
    a.finish(MIN_REFUSED[0]);
}

#[test]
fn the_schema_and_check_agree_on_every_mistake_in_organizations() {
    let mut a = Agreement::new();
    a.mutate_every_field(1, 0..usize::MAX);
    a.finish(MIN_REFUSED[1]);
}

#[test]
fn the_schema_and_check_agree_on_every_mistake_in_people() {
    let mut a = Agreement::new();
    a.mutate_every_field(2, 0..usize::MAX);
    a.finish(MIN_REFUSED[2]);
}

#[test]
fn the_schema_and_check_agree_on_every_mistake_in_the_first_event() {
    let mut a = Agreement::new();
    a.mutate_every_field(3, 0..1);
    a.finish(MIN_REFUSED[3]);
}

#[test]
fn the_schema_and_check_agree_on_every_mistake_in_the_other_events() {
    let mut a = Agreement::new();
    a.mutate_every_field(3, 1..usize::MAX);
    a.finish(MIN_REFUSED[4]);
}

#[test]
fn the_schema_and_check_agree_on_mistakes_a_field_alone_does_not_make() {
    let mut a = Agreement::new();
    let texts = a.texts.clone();
    for (what, t, excuse) in extra(&texts) {
        a.check(what.to_string(), &t, None, excuse);
    }
    a.finish(MIN_REFUSED[5]);
}
