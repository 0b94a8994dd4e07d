//! Frame cost: the same frames on a 1,000-event dataset and on "big", at
//! several sizes and with different panes focused; plus the first frame on
//! the embedded dataset from nothing (load, draw; the search index is built
//! after it, on a thread of its own).
#![allow(clippy::unwrap_used)]

mod common;
#[path = "first_frame.rs"]
mod first_frame;

use criterion::{Criterion, criterion_group, criterion_main};
use first_frame::first_frame;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rivals::model::Dataset;
use rivals::tui::app::App;
use rivals::tui::data::Data;
use rivals::tui::theme::Theme;
use rivals::tui::ui::render;
use std::hint::black_box;
use std::sync::Arc;

fn bench_frames(c: &mut Criterion) {
    let theme = Theme::color();
    for (name, data) in [("1k", common::small()), ("big", common::big())] {
        let mut group = c.benchmark_group(format!("frame/{name}"));
        for (w, h) in [(200u16, 50u16), (120, 40), (80, 24)] {
            for (label, setup) in [
                ("companies", ""),
                ("timeline-end", "3G"),
                ("org-filter", "\n3j"),
                ("search", "/alex"),
            ] {
                let mut app = App::new(Arc::clone(&data), (w, h));
                common::keys(&mut app, setup);
                if let rivals::tui::app::Mode::Search(s) = &mut app.mode {
                    s.hits = data.index().search(&data.ds, &s.query, 200);
                }
                let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
                group.bench_function(format!("{w}x{h}/{label}"), |b| {
                    b.iter(|| {
                        term.draw(|f| render(&app, &theme, f)).unwrap();
                        black_box(term.backend().buffer().area);
                    })
                });
            }
        }
        group.finish();
    }
}

/// Frames with the time-density sparkline under the Timeline, on the 1k
/// and the big dataset: the sparkline reads counts made when the filters
/// change, so a frame costs the same whatever the number of events. Also
/// the update that recounts them (a source filter set and cleared).
fn bench_sparkline(c: &mut Criterion) {
    let theme = Theme::color();
    let mut group = c.benchmark_group("sparkline");
    for (name, data) in [("1k", common::small()), ("big", common::big())] {
        for (w, h) in [(200u16, 50u16), (80, 24)] {
            let mut app = App::new(Arc::clone(&data), (w, h));
            common::keys(&mut app, "3}}}}");
            assert!(app.density.months() > 1);
            let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
            group.bench_function(format!("frame/{name}/{w}x{h}"), |b| {
                b.iter(|| {
                    term.draw(|f| render(&app, &theme, f)).unwrap();
                    black_box(term.backend().buffer().area);
                })
            });
        }
        let mut app = App::new(Arc::clone(&data), (120, 40));
        group.bench_function(format!("source-filter-recount/{name}"), |b| {
            b.iter(|| {
                common::keys(&mut app, "S\n\x1b");
                black_box(app.density.months());
            })
        });
    }
    group.finish();
}

fn bench_first_frame(c: &mut Criterion) {
    let theme = Theme::color();
    c.bench_function("first-frame/embedded", |b| {
        b.iter(|| {
            let data = Arc::new(Data::new(Dataset::embedded().unwrap()));
            let app = App::new(data, (120, 40));
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            term.draw(|f| render(&app, &theme, f)).unwrap();
            black_box(term.backend().buffer().area);
        })
    });
}

/// From process start to the first frame on screen: the real binary in a
/// pseudo-terminal, timed until its output holds the panes.
fn bench_first_frame_process(c: &mut Criterion) {
    let mut group = c.benchmark_group("first-frame");
    group.sample_size(20);
    group.bench_function("process start to first frame (pty, 120x40)", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| first_frame(|_| {})).sum())
    });
    group.finish();
}

/// The Flows and Money views on "big": opening each cold (its table built
/// from nothing, as the first `F` or `M` does; the Sankey's picture is the
/// matrix and its layout), and a key plus a frame inside each once open.
/// The Sankey should cost at most 1.5x the matrix.
fn bench_views(c: &mut Criterion) {
    let theme = Theme::color();
    let data = common::big();
    let mut group = c.benchmark_group("views/big");
    group.bench_function("open-flows-cold", |b| {
        b.iter(|| black_box(rivals::tui::flows::Matrix::new(&data.ds, false).len()))
    });
    group.bench_function("open-sankey-cold", |b| {
        b.iter(|| {
            black_box(
                rivals::tui::flows::Picture::new(&data.ds, None, false)
                    .sankey
                    .ribbons
                    .len(),
            )
        })
    });
    // The Sankey's own share of its cold open: the layout of a built matrix.
    let matrix = rivals::tui::flows::Matrix::new(&data.ds, false);
    group.bench_function("sankey-layout-of-a-matrix", |b| {
        b.iter(|| {
            let s = rivals::model::Sankey::of(&data.ds, &matrix, rivals::model::sankey::MAX_NODES);
            black_box(s.ribbons.len())
        })
    });
    group.bench_function("open-money-cold", |b| {
        b.iter(|| black_box(rivals::tui::money::Chart::new(&data.ds).rows.len()))
    });
    // As the TUI runs: the tables warmed on a thread at load, then the
    // view opened and drawn.
    let warm = Data::shared(data.ds.clone());
    warm.picture(None, false);
    warm.chart();
    for (name, setup, keys) in [
        ("flows", "", "F\x1b"),
        ("sankey", "Fv\x1b", "F\x1b"),
        ("money", "", "M\x1b"),
    ] {
        let mut app = App::new(Arc::clone(&warm), (120, 40));
        common::keys(&mut app, setup);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(format!("open-{name}-warmed-at-load-and-frame"), |b| {
            b.iter(|| {
                common::keys(&mut app, &keys[..1]);
                term.draw(|f| render(&app, &theme, f)).unwrap();
                common::keys(&mut app, &keys[1..]);
                black_box(term.backend().buffer().area);
            })
        });
    }
    for (name, open, key) in [
        ("flows", "F", "j"),
        ("sankey", "Fv", "j"),
        ("sankey-node", "Fv", "l"),
        ("money", "M", "j"),
    ] {
        let mut app = App::new(Arc::clone(&data), (120, 40));
        common::keys(&mut app, open);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(format!("{name}-key-and-frame"), |b| {
            b.iter(|| {
                common::keys(&mut app, key);
                term.draw(|f| render(&app, &theme, f)).unwrap();
                black_box(term.backend().buffer().area);
            })
        });
    }
    // The time scrubber: a year forward and drawn, then back (pictures
    // warmed at load).
    for (name, open) in [("flows", "F"), ("sankey", "Fv")] {
        let mut app = App::new(Arc::clone(&warm), (120, 40));
        common::keys(&mut app, open);
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        group.bench_function(format!("{name}-year-step-and-frame-and-back"), |b| {
            b.iter(|| {
                common::keys(&mut app, "]");
                term.draw(|f| render(&app, &theme, f)).unwrap();
                common::keys(&mut app, "[");
                black_box(term.backend().buffer().area);
            })
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    bench_frames,
    bench_sparkline,
    bench_views,
    bench_first_frame,
    bench_first_frame_process
);
criterion_main!(benches);
