//! The Sankey layout on the embedded data and on hand-made flows.

use super::*;
use crate::model::{Flow, Pair};

fn embedded() -> Dataset {
    Dataset::embedded().unwrap_or_else(|e| panic!("{e:?}"))
}

fn flow(count: u32) -> Flow {
    Flow {
        range: crate::model::Range::exact(count),
        ..Flow::default()
    }
}

#[test]
fn nodes_and_ribbons_add_up_to_the_matrix() {
    let ds = embedded();
    for roll_up in [false, true] {
        let m = FlowMatrix::new(&ds, roll_up);
        let s = Sankey::of(&ds, &m, MAX_NODES);
        let total: u32 = m.flows.iter().map(|(_, f)| f.range.count).sum();
        assert_eq!(s.total, total);
        let sum = |nodes: &[Node]| nodes.iter().map(|n| n.count).sum::<u32>();
        assert_eq!(sum(&s.left), total);
        assert_eq!(sum(&s.right), total);
        assert_eq!(s.ribbons.iter().map(|r| r.range.count).sum::<u32>(), total);
        assert!(s.left.len() <= MAX_NODES && s.right.len() <= MAX_NODES);
        let mut seen: Vec<usize> = Vec::new();
        for r in &s.ribbons {
            let counted: u32 = r.flows.iter().map(|&k| m.flows[k].1.range.count).sum();
            assert_eq!(r.range.count, counted);
            let mut events: Vec<_> = r
                .flows
                .iter()
                .flat_map(|&k| m.flows[k].1.events.clone())
                .collect();
            events.sort_unstable();
            events.dedup();
            assert_eq!(r.moves.events, events);
            assert!(r.moves.people.windows(2).all(|w| w[0] < w[1]));
            let moves = |left, n| s.node_moves(left, n).unwrap_or_else(|| panic!("no node {n}"));
            let (out, into) = (moves(true, r.from), moves(false, r.to));
            assert!(
                r.moves
                    .events
                    .iter()
                    .all(|e| out.events.contains(e) && into.events.contains(e))
            );
            assert!(out.events.windows(2).all(|w| w[0] < w[1]));
            assert!(r.range.min <= r.range.count && r.range.count <= r.range.max);
            seen.extend(&r.flows);
        }
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..m.flows.len()).collect::<Vec<_>>(),
            "each flow drawn once"
        );
        assert!(
            s.ribbons
                .windows(2)
                .all(|w| (w[0].from, w[0].to) < (w[1].from, w[1].to))
        );
    }
}

#[test]
fn the_smallest_are_grouped_and_unknown_stands_alone() {
    let ds = embedded();
    let m = FlowMatrix::new(&ds, false);
    let s = Sankey::of(&ds, &m, MAX_NODES);
    let names: Vec<String> = s.left.iter().map(|n| n.name(&ds).into_owned()).collect();
    let others = names.last().unwrap_or_else(|| panic!("no nodes"));
    assert!(others.starts_with("others ("), "{names:?}");
    assert_eq!(names.len(), MAX_NODES);
    assert_eq!(s.left[0].name(&ds), "OpenAI", "the biggest origin first");
    let right: Vec<String> = s.right.iter().map(|n| n.name(&ds).into_owned()).collect();
    assert!(right.contains(&"?".to_string()), "unknown is a node: {right:?}");
    assert!(s.right.iter().all(|n| !(n.is_others() && n.orgs.contains(&None))));
    // The disputed wave and Avi Verma: OpenAI → MSL, 8 or at least 9.
    let msl = right.iter().position(|n| n == "Meta Superintelligence Labs");
    let wave = s.ribbons.iter().find(|r| r.from == 0 && Some(r.to) == msl);
    let wave = wave.unwrap_or_else(|| panic!("no OpenAI → MSL ribbon"));
    assert!(wave.range.disputed);
    assert_eq!((wave.range.count, wave.range.span()), (8, "8–≥9".to_string()));
}

#[test]
fn few_nodes_are_never_grouped() {
    let ds = embedded();
    let pair = |a: OrgIx, b: Option<OrgIx>| -> Pair { (Some(a), b) };
    let flows = vec![
        (pair(0, Some(1)), flow(5)),
        (pair(1, Some(2)), flow(1)),
        (pair(2, None), flow(2)),
    ];
    let m = FlowMatrix::of(&ds, flows);
    let s = Sankey::of(&ds, &m, 3);
    assert_eq!(s.left.len(), 3);
    assert!(s.left.iter().chain(&s.right).all(|n| !n.is_others()));
    assert_eq!(
        s.right.last().map(|n| n.orgs.clone()),
        Some(vec![None]),
        "unknown last"
    );
    let grouped = Sankey::of(&ds, &m, 2);
    assert_eq!(grouped.left.len(), 2);
    assert_eq!(grouped.left[1].count, 3, "the two smallest origins as one");
    assert_eq!(grouped.left[1].name(&ds), "others (2)");
}

#[test]
fn placing_keeps_everything_in_bounds_and_ribbons_in_their_nodes() {
    let ds = embedded();
    let m = FlowMatrix::new(&ds, false);
    let s = Sankey::of(&ds, &m, MAX_NODES);
    for (height, gap, min) in [
        (136.0, 8.0, 8.0),
        (600.0, 12.0, 4.0),
        (10.0, 8.0, 8.0),
        (0.0, 1.0, 1.0),
    ] {
        let p = s.place(height, gap, min);
        for side in [&p.left, &p.right] {
            for w in side.windows(2) {
                assert!(w[0].1 <= w[1].0 + 1e-6, "nodes overlap at {height}: {side:?}");
            }
            for &(top, bottom) in side.iter() {
                assert!(
                    top >= -1e-6 && bottom <= height + 1e-6 && top <= bottom,
                    "{height}: {side:?}"
                );
            }
        }
        for (r, &(a, b)) in s.ribbons.iter().zip(&p.ribbons) {
            let inside = |(t, bt): Span, (nt, nb): Span| t >= nt - 1e-6 && bt <= nb + 1e-6;
            assert!(
                inside(a, p.left[r.from]) && inside(b, p.right[r.to]),
                "{height}: {r:?}"
            );
            assert!(((a.1 - a.0) - (b.1 - b.0)).abs() < 1e-6, "as thick at both ends");
        }
    }
    // Thickness follows the count.
    let p = s.place(136.0, 8.0, 0.0);
    let thick = |i: usize| p.ribbons[i].0.1 - p.ribbons[i].0.0;
    let (a, b) = (0, s.ribbons.len() - 1);
    let ratio = thick(a) / thick(b);
    assert!((ratio - f64::from(s.ribbons[a].range.count) / f64::from(s.ribbons[b].range.count)).abs() < 1e-6);
}

#[test]
fn nothing_moved_is_an_empty_diagram() {
    let ds = embedded();
    let s = Sankey::of(&ds, &FlowMatrix::of(&ds, Vec::new()), MAX_NODES);
    assert!(s.is_empty() && s.left.is_empty() && s.total == 0);
    assert_eq!(s.place(100.0, 8.0, 8.0), Placed::default());
}
