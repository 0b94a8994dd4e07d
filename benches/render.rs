//! Frame cost: the same frames on a 1,000-event dataset and on "big", at
//! several sizes and with different panes focused; plus the first frame on
//! the embedded dataset from nothing (load, index, draw).
#![allow(clippy::unwrap_used)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use rivals::model::Dataset;
use rivals::tui::app::App;
use rivals::tui::theme::Theme;
use rivals::tui::ui::render;
use rivals::tui::view::Data;
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
                    s.hits = data.index.search(&data.ds, &s.query, 200);
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

criterion_group!(benches, bench_frames, bench_first_frame);
criterion_main!(benches);
