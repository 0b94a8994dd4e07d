//! Search per keystroke on 1k and "big": plain, typo'd, multi-word and
//! one-letter queries, three-term queries in the extended syntax, narrowing
//! sequences typed one key at a time, the index build that loading
//! pays for it, and `rivals show` with a huge unknown id (no slow
//! suggestions; tests/cli.rs and tests/hostile.rs check its output).
#![allow(clippy::unwrap_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::search::{SearchIndex, Session};
use std::hint::black_box;
use std::time::Duration;

const QUERIES: &[&str] = &[
    "a",
    "me",
    "alxandra",
    "quantm horizn",
    "dmitri petrov",
    "zukerberg",
    "castelanos",
    "whitfield alexandra",
    "deep mind",
    "alexandra 'whit !petrov",
    "^quantum horizn | dmitri$ 'a",
];
/// Typed a key at a time: plain words, and three terms of the syntax.
const TYPED: &[&str] = &["alexandra whitfield", "alexandra 'whit !petrov"];

fn bench_search(c: &mut Criterion) {
    for (name, data) in [("1k", common::small()), ("big", common::big())] {
        let mut group = c.benchmark_group(format!("search/{name}"));
        for q in QUERIES {
            group.bench_function(*q, |b| {
                b.iter(|| black_box(data.index().search(&data.ds, q, 200)))
            });
        }
        // One iteration types the whole query, a key at a time, narrowing
        // the previous candidates each time: divide by its length per key.
        for typed in TYPED {
            group.bench_function(format!("typing {typed:?} ({} keys)", typed.len()), |b| {
                b.iter(|| {
                    let mut session = Session::default();
                    for end in 1..=typed.len() {
                        black_box(data.index().search_in(
                            &data.ds,
                            &typed[..end],
                            200,
                            &mut session,
                            &|| false,
                        ));
                    }
                })
            });
        }
        group.finish();
        // What loading pays for the index (compare with the load bench).
        let mut group = c.benchmark_group(format!("index/{name}"));
        group.sample_size(10).measurement_time(Duration::from_secs(8));
        let index = SearchIndex::new(&data.ds);
        println!(
            "index/{name}: {:.1} MB on the heap",
            index.heap_bytes() as f64 / 1e6
        );
        group.bench_function("build", |b| b.iter(|| black_box(SearchIndex::new(&data.ds))));
        group.finish();
    }
    let mut group = c.benchmark_group("show a huge id");
    group.sample_size(10);
    for (name, id) in [
        ("sam-altman- x 11,900", "sam-altman-".repeat(11_900)),
        ("a x 131,000", "a".repeat(131_000)),
    ] {
        group.bench_function(format!("process: rivals show ({name})"), |b| {
            b.iter(|| {
                let out = std::process::Command::new(env!("CARGO_BIN_EXE_rivals"))
                    .env_remove("RIVALS_DATA")
                    .env("RIVALS_NO_CACHE", "1")
                    .args(["show", &id])
                    .output()
                    .unwrap();
                assert!(!out.status.success());
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
