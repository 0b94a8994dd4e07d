//! `rivals flow` on the 100k-event synthetic dataset: counting every move
//! (with and without roll-up, over all time and one year), and the same
//! with the matrix printed. Loading is not included.
#![allow(clippy::unwrap_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::cli::{Command, Origin, run};
use rivals::model::{Date, FlowQuery, flows};
use rivals::synth::Spec;
use std::hint::black_box;

fn bench_flow(c: &mut Criterion) {
    let ds = common::dataset(Spec::BIG);
    let mut group = c.benchmark_group("flow/big");
    let year = Date::parse("2020").unwrap();
    let queries = [
        ("all", FlowQuery::default()),
        (
            "roll-up",
            FlowQuery {
                roll_up: true,
                ..FlowQuery::default()
            },
        ),
        (
            "one year",
            FlowQuery {
                from: Some(year),
                to: Some(year),
                roll_up: false,
            },
        ),
    ];
    for (name, q) in queries {
        group.bench_function(name, |b| b.iter(|| black_box(flows(&ds, &q))));
    }
    for (name, json) in [("text", false), ("json", true)] {
        let cmd = Command::Flow {
            from: None,
            to: None,
            roll_up: false,
            org: None,
            json,
        };
        group.bench_function(format!("rivals flow ({name})"), |b| {
            b.iter(|| {
                let mut out = String::new();
                assert!(run(&cmd, &ds, Origin::Embedded, &mut out).is_ok());
                black_box(out)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_flow);
criterion_main!(benches);
