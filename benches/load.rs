//! Load + validate at 1k, 10k and 100k events ("big"), and the memory it
//! takes (printed once: a counting allocator wraps the binary's one); and a
//! `--watch` reload of "big" after people.yaml changed, next to a full load.
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::model::{Files, Layer, Reuse, load, load_layers, reload_layers};
use rivals::search::SearchIndex;
use rivals::synth::{Spec, generate, write};
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

/// A reload after an edit of people.yaml: events.yaml (20 MB of the
/// 25 MB) is not parsed again.
fn bench_reload(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("big");
    write(Spec::BIG, &dir).unwrap();
    let people = dir.join("people.yaml");
    let original = std::fs::read_to_string(&people).unwrap();
    let edited = format!("{original}# edited\n");
    let layers = [Layer::Folder(dir.clone())];
    let mut reuse = Reuse::default();
    reload_layers(&layers, 1 << 30, &mut reuse).unwrap();
    let mut group = c.benchmark_group("reload");
    group.sample_size(10).measurement_time(Duration::from_secs(12));
    let mut flip = false;
    group.bench_function("big, people.yaml edited (--watch)", |b| {
        b.iter(|| {
            flip = !flip;
            std::fs::write(&people, if flip { &edited } else { &original }).unwrap();
            black_box(reload_layers(&layers, 1 << 30, &mut reuse).unwrap())
        })
    });
    group.bench_function("big, full load", |b| {
        b.iter(|| black_box(load_layers(&layers, 1 << 30).unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench_load, bench_reload);
criterion_main!(benches);
