//! Load + validate at 1k, 10k and 100k events ("big"), and the memory it
//! takes (printed once: a counting allocator wraps the system one).
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::model::{Files, load};
use rivals::search::SearchIndex;
use rivals::synth::{Spec, generate};
use std::hint::black_box;
use std::sync::atomic::Ordering::Relaxed;
use std::time::Duration;

#[path = "alloc.rs"]
#[allow(dead_code)] // `peak` serves the cache bench
mod alloc;

use alloc::{CURRENT, Counting, PEAK};

#[global_allocator]
static ALLOC: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;

fn memory_report(texts: &[String; 4]) {
    let files = Files {
        sources: &texts[0],
        organizations: &texts[1],
        people: &texts[2],
        events: &texts[3],
    };
    let yaml: usize = texts.iter().map(String::len).sum();
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let ds = load("big", &files, "").unwrap();
    let (peak, model) = (PEAK.load(Relaxed) - base, CURRENT.load(Relaxed) - base);
    let index = SearchIndex::new(&ds);
    let with_index = CURRENT.load(Relaxed) - base;
    eprintln!(
        "memory (big): YAML {:.1} MB; load peak {:.1} MB above the text; model {:.1} MB ({:.2}x YAML); search index {:.1} MB",
        yaml as f64 / MB,
        peak as f64 / MB,
        model as f64 / MB,
        model as f64 / yaml as f64,
        (with_index - model) as f64 / MB
    );
    drop((index, ds));
}

fn bench_load(c: &mut Criterion) {
    let big = generate(Spec::BIG);
    memory_report(&big);
    let mut group = c.benchmark_group("load");
    group.sample_size(10).measurement_time(Duration::from_secs(12));
    for (name, texts) in [
        ("1k", generate(Spec::scaled(1_000))),
        ("10k", generate(Spec::scaled(10_000))),
        ("100k", big),
    ] {
        let files = Files {
            sources: &texts[0],
            organizations: &texts[1],
            people: &texts[2],
            events: &texts[3],
        };
        group.bench_function(name, |b| b.iter(|| black_box(load("bench", &files, "").unwrap())));
    }
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
