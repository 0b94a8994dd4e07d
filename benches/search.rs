//! Fuzzy search per keystroke on 1k and "big", including typos and a
//! narrowing sequence typed one key at a time.
#![allow(clippy::unwrap_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::search::Session;
use std::hint::black_box;

const QUERIES: &[&str] = &[
    "a",
    "me",
    "alxandra",
    "quantm horizn",
    "dmitri petrov",
    "zukerberg",
];
const TYPED: &str = "alexandra whitfield";

fn bench_search(c: &mut Criterion) {
    for (name, data) in [("1k", common::small()), ("big", common::big())] {
        let mut group = c.benchmark_group(format!("search/{name}"));
        for q in QUERIES {
            group.bench_function(*q, |b| b.iter(|| black_box(data.index.search(&data.ds, q, 200))));
        }
        // One iteration types the whole query, a key at a time, narrowing
        // the previous candidates each time: divide by its length per key.
        group.bench_function(format!("typing {TYPED:?} ({} keys)", TYPED.len()), |b| {
            b.iter(|| {
                let mut session = Session::default();
                for end in 1..=TYPED.len() {
                    black_box(
                        data.index
                            .search_in(&data.ds, &TYPED[..end], 200, &mut session, &|| false),
                    );
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
