//! Every surface says the same: for every organization, on the embedded
//! data and a synthetic dataset, the Companies figures, `rivals show`'s
//! moves, `rivals flow --json`'s totals and the Flows view's totals agree,
//! ranges included; over several periods, `flow --json` and the view's
//! matrix agree too.

use rivals::cli::{Command, Origin, run};
use rivals::model::{Dataset, Date, Files, FlowMatrix, FlowQuery, OrgIx, Range, flows, load};
use rivals::synth::{Spec, generate};
use rivals::tui::view::org_figures;
use serde_json::Value;

fn synthetic() -> Dataset {
    let spec = Spec {
        people: 300,
        orgs: 40,
        events: 2_000,
        seed: 11,
    };
    let [s, o, p, e] = generate(spec);
    let files = Files {
        sources: &s,
        organizations: &o,
        people: &p,
        events: &e,
    };
    load("synth", &files, "").unwrap_or_else(|errs| panic!("{}", errs[0]))
}

fn datasets() -> Vec<Dataset> {
    vec![Dataset::embedded().expect("embedded"), synthetic()]
}

/// People into and out of each organization as `rivals flow --json` says,
/// by organization id.
fn json_totals(ds: &Dataset, q: &FlowQuery) -> std::collections::HashMap<String, (Range, Range)> {
    let cmd = Command::Flow {
        from: q.from,
        to: q.to,
        roll_up: q.roll_up,
        org: None,
        json: true,
    };
    let mut out = String::new();
    assert!(run(&cmd, ds, Origin::Embedded, &mut out).is_ok());
    let pairs: Vec<Value> = serde_json::from_str(&out).expect("JSON");
    let mut totals = std::collections::HashMap::<String, (Range, Range)>::new();
    for pair in pairs {
        let n = |k: &str| u32::try_from(pair[k].as_u64().expect(k)).expect("u32");
        let range = Range {
            count: n("count"),
            min: n("min"),
            max: n("max"),
            at_least: pair["at_least"].as_bool().unwrap_or(false),
            disputed: pair["disputed"].as_bool().expect("disputed"),
        };
        assert!(range.min <= range.count && range.count <= range.max, "{pair}");
        assert_eq!(
            range.disputed,
            !pair["disputed_events"].as_array().expect("list").is_empty(),
            "{pair}"
        );
        if let Some(to) = pair["to"].as_str() {
            totals.entry(to.into()).or_default().0 += range;
        }
        if let Some(from) = pair["from"].as_str() {
            totals.entry(from.into()).or_default().1 += range;
        }
    }
    totals
}

/// People into and out of each organization in the view's matrix.
fn matrix_totals(ds: &Dataset, m: &FlowMatrix) -> std::collections::HashMap<String, (Range, Range)> {
    m.axis
        .iter()
        .zip(&m.totals)
        .filter_map(|(o, &(out, into))| o.map(|o| (ds.org(o).id.clone(), (into, out))))
        .collect()
}

/// The `moves` line of `rivals show ID`.
fn show_moves(ds: &Dataset, id: &str) -> Option<String> {
    let cmd = Command::Show { id: id.into() };
    let mut out = String::new();
    assert!(run(&cmd, ds, Origin::Embedded, &mut out).is_ok());
    out.lines()
        .find_map(|l| l.strip_prefix("moves"))
        .map(|l| l.trim().to_string())
}

#[test]
fn companies_show_flow_json_and_the_flows_view_agree_for_every_organization() {
    for ds in datasets() {
        let own = matrix_totals(&ds, &FlowMatrix::new(&ds, false));
        let rolled = matrix_totals(&ds, &FlowMatrix::new(&ds, true));
        let json = json_totals(&ds, &FlowQuery::default());
        let json_rolled = json_totals(
            &ds,
            &FlowQuery {
                roll_up: true,
                ..FlowQuery::default()
            },
        );
        let mut checked = 0;
        for o in 0..ds.orgs.len() as OrgIx {
            let id = ds.org(o).id.as_str();
            let alone = ds.org_own_moves[o as usize];
            let family = ds.org_moves[o as usize];
            let none = (Range::default(), Range::default());
            // The organization alone: Companies (`c`), the view, JSON.
            assert_eq!(own.get(id).copied().unwrap_or(none), alone, "{}: view", ds.name);
            assert_eq!(json.get(id).copied().unwrap_or(none), alone, "{}: json", ds.name);
            // With its children: Companies, the rolled-up view and JSON.
            if ds.org(o).parent.is_none() {
                assert_eq!(
                    rolled.get(id).copied().unwrap_or(none),
                    family,
                    "{id}: rolled view"
                );
                assert_eq!(
                    json_rolled.get(id).copied().unwrap_or(none),
                    family,
                    "{id}: rolled json"
                );
            }
            if ds.children(o).is_empty() {
                assert_eq!(family, alone, "{id}: no children, one figure");
            }
            // Companies and show write the same ranges.
            let figures = org_figures(&ds, o, true);
            let moves = show_moves(&ds, id);
            if family.0.max + family.1.max == 0 {
                assert!(figures.is_empty(), "{id}");
                continue;
            }
            let (into, out) = (family.0.marked(), family.1.marked());
            let star = if ds.children(o).is_empty() { "" } else { "*" };
            assert_eq!(figures[0], format!("+{into} −{out}{star}"), "{id}");
            let moves = moves.unwrap_or_else(|| panic!("{id}: show has no moves line"));
            assert!(
                moves.starts_with(&format!("{into} in, {out} out")),
                "{id}: {moves}"
            );
            if !ds.children(o).is_empty() {
                let (a, b) = (alone.0.marked(), alone.1.marked());
                assert!(moves.contains(&format!("alone {a} in, {b} out")), "{id}: {moves}");
                let alone_figures = org_figures(&ds, o, false);
                assert_eq!(alone_figures.first(), Some(&format!("+{a} −{b}")), "{id}");
            }
            checked += 1;
        }
        assert!(checked > 5, "{}: {checked} organizations with moves", ds.name);
    }
}

#[test]
fn over_several_periods_flow_json_and_the_flows_matrix_agree() {
    for ds in datasets() {
        let mut any_range = false;
        for (from, to) in [
            (None, Some("2014")),
            (Some("2015"), Some("2024")),
            (Some("2025"), None),
            (Some("2025-06"), Some("2025-06")),
            (Some("2021-03-15"), Some("2023")),
        ] {
            let date = |d: Option<&str>| d.map(|d| Date::parse(d).expect("date"));
            for roll_up in [false, true] {
                let q = FlowQuery {
                    from: date(from),
                    to: date(to),
                    roll_up,
                };
                let m = FlowMatrix::of(&ds, flows(&ds, &q));
                let view = matrix_totals(&ds, &m);
                let json = json_totals(&ds, &q);
                assert_eq!(view, json, "{} {from:?}..{to:?} roll-up {roll_up}", ds.name);
                any_range |= view.values().any(|(i, o)| !i.is_exact() || !o.is_exact());
            }
        }
        assert!(
            any_range,
            "{}: some period holds a disputed or lower-bound count",
            ds.name
        );
    }
}
