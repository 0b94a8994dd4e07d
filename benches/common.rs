//! Shared set-up for the benches (a module of each, not a bench itself):
//! datasets generated at run time by `rivals::synth`.
#![allow(dead_code, clippy::unwrap_used)]

use rivals::model::{Dataset, Files, load};
use rivals::synth::{Spec, generate};
use rivals::tui::app::{App, Msg, update};
use rivals::tui::data::Data;
use std::sync::Arc;

/// The binary's allocator, so the figures are the program's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Loads a generated dataset.
pub fn dataset(spec: Spec) -> Dataset {
    let [s, o, p, e] = generate(spec);
    load(
        "bench",
        &Files {
            sources: &s,
            organizations: &o,
            people: &p,
            events: &e,
        },
        "",
    )
    .unwrap()
}

/// The reference "big" dataset ([`Spec::BIG`]), ready for the TUI.
pub fn big() -> Arc<Data> {
    Arc::new(Data::new(dataset(Spec::BIG)))
}

/// A 1,000-event dataset ready for the TUI.
pub fn small() -> Arc<Data> {
    Arc::new(Data::new(dataset(Spec::scaled(1_000))))
}

#[path = "../tests/common/keys.rs"]
mod key_notation;

/// Sends keys in the shared test notation (`\n` is Enter, `<Down>`, ...).
pub fn keys(app: &mut App, keys: &str) {
    for key in key_notation::parse(keys) {
        update(app, Msg::Key(key));
    }
}
