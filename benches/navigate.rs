//! Jumps, filter changes and pane switches on "big": each must cost the
//! same as on a small dataset (binary searches and precomputed indexes).
#![allow(clippy::unwrap_used)]

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use rivals::tui::app::App;
use rivals::tui::app::Pane;
use std::sync::Arc;

/// A name, a way to set up the state, and the keys whose cost is measured.
type Case<'a> = (String, Box<dyn Fn() -> App + 'a>, &'static str);

fn bench_navigation(c: &mut Criterion) {
    let data = common::big();
    let busiest = (0..data.ds.orgs.len())
        .max_by_key(|&o| data.ds.org_events[o].len())
        .unwrap();
    let busiest_row = data
        .ds
        .orgs_by_name
        .iter()
        .position(|&o| o as usize == busiest)
        .unwrap();
    let mut group = c.benchmark_group("navigate/big");
    let fresh = || App::new(Arc::clone(&data), (200, 50));
    let on_timeline = || {
        let mut app = fresh();
        common::keys(&mut app, "3");
        app
    };
    let cases: Vec<Case> = vec![
        ("G (last event)".into(), Box::new(on_timeline), "G"),
        (
            "g (first event)".into(),
            Box::new(move || {
                let mut app = on_timeline();
                common::keys(&mut app, "G");
                app
            }),
            "g",
        ),
        ("] (next year)".into(), Box::new(on_timeline), "]"),
        ("} (next month)".into(), Box::new(on_timeline), "}"),
        ("t 2014 Enter".into(), Box::new(on_timeline), "t2014\n"),
        (
            format!("select company with {} events", data.ds.org_events[busiest].len()),
            Box::new(move || {
                let mut app = fresh();
                app.lists[Pane::Companies.index()].selected = busiest_row;
                app
            }),
            "\n",
        ),
        (
            "select person".into(),
            Box::new(move || {
                let mut app = fresh();
                common::keys(&mut app, "2jjj");
                app
            }),
            "\n",
        ),
        (
            "clear filters".into(),
            Box::new(move || {
                let mut app = fresh();
                app.lists[Pane::Companies.index()].selected = busiest_row;
                common::keys(&mut app, "\n");
                app
            }),
            "x",
        ),
        ("kind filter (hire)".into(), Box::new(fresh), "fj\n"),
        (
            "p (month filter, then year)".into(),
            Box::new(move || {
                let mut app = on_timeline();
                common::keys(&mut app, "t2020-06\n");
                app
            }),
            "pp",
        ),
        (
            "t range Enter".into(),
            Box::new(on_timeline),
            "t2020-01..2020-06\n",
        ),
        (
            "go to a mark".into(),
            Box::new(move || {
                let mut app = fresh();
                app.lists[Pane::Companies.index()].selected = busiest_row;
                common::keys(&mut app, "\n3Gma1gx");
                app
            }),
            "'a",
        ),
        ("pane switch".into(), Box::new(fresh), "\t"),
    ];
    for (name, setup, keys) in &cases {
        group.bench_function(name.as_str(), |b| {
            b.iter_batched(
                setup,
                |mut app| common::keys(&mut app, keys),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, bench_navigation);
criterion_main!(benches);
