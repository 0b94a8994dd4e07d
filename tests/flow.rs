//! `show`, the Companies pane and `flow` count moves the same way.
#![allow(clippy::unwrap_used)]

use rivals::cli::{Command, Origin, run};
use rivals::model::{Dataset, FlowQuery, OrgIx, Range, flows};

/// What `flow` says comes into and goes out of `o` with its children: the
/// rolled-up column and row of a top organization, else its own.
fn flow_counts(ds: &Dataset, o: OrgIx) -> (Range, Range) {
    let top = ds.org(o).parent.is_none();
    let q = FlowQuery {
        roll_up: top,
        ..FlowQuery::default()
    };
    let rows = flows(ds, &q);
    let (mut inn, mut out) = (Range::default(), Range::default());
    for ((from, to), f) in &rows {
        if *to == Some(o) {
            inn += f.range;
        }
        if *from == Some(o) {
            out += f.range;
        }
    }
    (inn, out)
}

#[test]
fn show_and_the_companies_pane_agree_with_flow() {
    let ds = Dataset::embedded().unwrap();
    let mut checked = 0;
    for o in 0..ds.orgs.len() as OrgIx {
        if ds.org(o).parent.is_some() && !ds.children(o).is_empty() {
            continue; // a middle of the tree: neither rolled up nor alone
        }
        let (inn, out) = flow_counts(&ds, o);
        assert_eq!(
            ds.org_moves[o as usize],
            (inn, out),
            "Companies pane, {}",
            ds.org(o).id
        );
        let mut text = String::new();
        let show = Command::Show {
            id: ds.org(o).id.clone(),
        };
        assert!(run(&show, &ds, Origin::Embedded, &mut text).is_ok());
        let line = text.lines().find(|l| l.starts_with("moves ")).unwrap();
        let expected = format!("{} in, {} out", inn.marked(), out.marked());
        assert!(
            line.contains(&expected),
            "show {}: {line:?}, flow: {expected}",
            ds.org(o).id
        );
        checked += 1;
    }
    assert_eq!(checked, ds.orgs.len());
}

#[test]
fn the_memo_adds_up() {
    let ds = Dataset::embedded().unwrap();
    let Some(rivals::model::Record::Org(msl)) = ds.lookup("meta-superintelligence-labs") else {
        panic!("MSL is in the data");
    };
    // Wang, Friedman, the eleven (with Zhao and Bansal inside), Agarwal,
    // Verma and Knight.
    let (into, out) = ds.org_moves[msl as usize];
    assert_eq!((into.count, out.count), (16, 3));
    // Article 004's "at least eight" from OpenAI against the memo's seven.
    assert_eq!((into.marked(), out.marked()), ("16–≥17≠".into(), "3".into()));
}

#[test]
fn flow_text_and_the_flows_view_share_one_axis_order() {
    let ds = Dataset::embedded().unwrap();
    for roll_up in [false, true] {
        let m = rivals::model::FlowMatrix::new(&ds, roll_up);
        let want: Vec<String> = m
            .axis
            .iter()
            .map(|o| o.map_or("? (unknown)".to_string(), |o| ds.org(o).name.clone()))
            .collect();
        let mut text = String::new();
        let flow = Command::Flow {
            from: None,
            to: None,
            roll_up,
            org: None,
            json: false,
        };
        assert!(run(&flow, &ds, Origin::Embedded, &mut text).is_ok());
        // Row lines: a tag (a number or `?`), two spaces, the name.
        let got: Vec<String> = text
            .lines()
            .skip(2)
            .take(want.len())
            .map(|l| {
                let label = l.get(5..).unwrap_or_default();
                label.split("  ").next().unwrap_or_default().to_string()
            })
            .collect();
        assert_eq!(got, want, "roll_up {roll_up}:\n{text}");
    }
}
