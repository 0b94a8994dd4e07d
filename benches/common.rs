//! Shared set-up for the benches (a module of each, not a bench itself):
//! datasets generated at run time by `rivals::synth`.
#![allow(dead_code, clippy::unwrap_used)]

use rivals::model::{Dataset, Files, load};
use rivals::synth::{Spec, generate};
use rivals::tui::app::{App, Msg, update};
use rivals::tui::view::Data;
use std::sync::Arc;

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

/// Sends keys given as characters (`\n` is Enter, `\x1b` Esc).
pub fn keys(app: &mut App, keys: &str) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\x1b' => KeyCode::Esc,
            '\t' => KeyCode::Tab,
            c => KeyCode::Char(c),
        };
        update(app, Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }
}
