//! The dataset cache on "big": the warm load (hash the files, read, check
//! and decode the image) next to the normal YAML load, and the image's
//! postcard encoding next to JSON on the same model (printed once: size,
//! encode, decode, and memory for a warm load vs a YAML load).
#![allow(clippy::unwrap_used)]

use criterion::{Criterion, criterion_group, criterion_main};
use rivals::cache::{Cache, Image, key_of_layers};
use rivals::model::{Dataset, Layer, load_dir};
use rivals::synth::{Spec, write};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "alloc.rs"]
mod alloc;
#[path = "first_frame.rs"]
mod first_frame;

use alloc::{Counting, peak};
use first_frame::first_frame;

#[global_allocator]
static ALLOC: Counting = Counting;

const MB: f64 = 1024.0 * 1024.0;
const MAX: u64 = 1 << 30;

/// Best of ten wall times of `f`, in ms (the best is the least disturbed
/// by other work on a shared machine).
fn ms<T>(mut f: impl FnMut() -> T) -> f64 {
    (0..10)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min)
}

fn restored(mut ds: Dataset) -> Dataset {
    assert!(ds.restore());
    ds
}

/// Size, encode and decode (with the consistency check and id table
/// rebuild) of the image's encoding (postcard) and of JSON.
fn encodings(ds: &Dataset, yaml: usize) {
    type Codec<'a> = (
        &'a str,
        Box<dyn Fn(&Dataset) -> Vec<u8>>,
        Box<dyn Fn(&[u8]) -> Dataset>,
    );
    let codecs: Vec<Codec> = vec![
        (
            "postcard",
            Box::new(|d| postcard::to_stdvec(d).unwrap()),
            Box::new(|b| postcard::from_bytes(b).unwrap()),
        ),
        (
            "JSON image (serde_json)",
            Box::new(|d| serde_json::to_vec(d).unwrap()),
            Box::new(|b| serde_json::from_slice(b).unwrap()),
        ),
    ];
    for (name, enc, dec) in &codecs {
        let bytes = enc(ds);
        let encode = ms(|| enc(ds));
        let decode = ms(|| restored(dec(&bytes)));
        let ((), mem) = peak(|| drop(restored(dec(&bytes))));
        eprintln!(
            "cache encoding {name}: {:.1} MB ({:.2}x YAML), encode {encode:.0} ms, decode + check + id table {decode:.0} ms, peak {:.1} MB",
            bytes.len() as f64 / MB,
            bytes.len() as f64 / yaml as f64,
            mem as f64 / MB
        );
    }
    let bytes = postcard::to_stdvec(ds).unwrap();
    let check = (0..10)
        .map(|_| {
            let mut d: Dataset = postcard::from_bytes(&bytes).unwrap();
            let t = Instant::now();
            assert!(d.restore());
            t.elapsed().as_secs_f64() * 1e3
        })
        .fold(f64::INFINITY, f64::min);
    eprintln!("cache: of which check + id table rebuild {check:.0} ms");
}

fn bench_cache(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("big");
    write(Spec::BIG, &data).unwrap();
    let yaml: u64 = std::fs::read_dir(&data)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    let cache = Cache::at(tmp.path().join("rivals"));
    let layers = [Layer::Folder(data.clone())];
    let key = key_of_layers::<Dataset>(&layers, MAX).unwrap();
    let (ds, cold_peak) = peak(|| load_dir(&data, MAX).unwrap());
    let t = Instant::now();
    cache.put(key, &ds);
    let put = t.elapsed().as_secs_f64() * 1e3;
    let (warm, warm_peak) = peak(|| cache.get::<Dataset>(key).unwrap());
    drop(warm);
    eprintln!(
        "cache (big): YAML {:.1} MB; writing the image {put:.0} ms; hashing the files {:.0} ms; memory peak YAML load {:.1} MB, warm load {:.1} MB",
        yaml as f64 / MB,
        ms(|| key_of_layers::<Dataset>(&layers, MAX).unwrap()),
        cold_peak as f64 / MB,
        warm_peak as f64 / MB
    );
    encodings(&ds, yaml as usize);
    drop(ds);

    let mut group = c.benchmark_group("cache");
    group.sample_size(10).measurement_time(Duration::from_secs(12));
    group.bench_function("warm load big", |b| {
        b.iter(|| {
            black_box(
                cache
                    .get::<Dataset>(key_of_layers::<Dataset>(&layers, MAX).unwrap())
                    .unwrap(),
            )
        })
    });
    group.bench_function("YAML load big", |b| {
        b.iter(|| black_box(load_dir(&data, MAX).unwrap()))
    });
    let rivals = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rivals"))
            .env("XDG_CACHE_HOME", tmp.path())
            .env_remove("RIVALS_NO_CACHE")
            .arg("--data")
            .arg(&data)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    group.bench_function("process: rivals check --data big, warm", |b| {
        b.iter(|| rivals(&["check"]))
    });
    group.bench_function("process: rivals check --data big, --no-cache", |b| {
        b.iter(|| rivals(&["--no-cache", "check"]))
    });
    group.bench_function("process: rivals check --data big, cold (writes the image)", |b| {
        b.iter(|| {
            for image in std::fs::read_dir(tmp.path().join("rivals")).unwrap() {
                std::fs::remove_file(image.unwrap().path()).unwrap();
            }
            rivals(&["check"])
        })
    });
    group.bench_function("process: explorer first frame on big, warm (pty, 120x40)", |b| {
        b.iter_custom(|iters| {
            (0..iters)
                .map(|_| {
                    first_frame(|cmd| {
                        cmd.env("XDG_CACHE_HOME", tmp.path());
                        cmd.env_remove("RIVALS_NO_CACHE");
                        cmd.arg("--data");
                        cmd.arg(&data);
                    })
                })
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_cache);
criterion_main!(benches);
