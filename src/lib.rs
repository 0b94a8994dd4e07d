//! `rivals`: explore the talent rivalries between AI labs, in a terminal UI
//! or from scripts.
//!
//! - [`text`]: sanitizing and fitting dataset text for a terminal, and
//!   folding it for matching;
//! - [`files`]: the app's folders, safe reads, atomic writes;
//! - [`model`]: the dataset, its loader and validation;
//! - `synth` (feature `synth`, on for benches, tests and examples):
//!   synthetic datasets of any size in the real format;
//! - [`fields`]: a record's labelled fields, in display order;
//! - [`search`]: the fuzzy index over people, organizations and events;
//! - [`cache`]: the on-disk cache of loaded datasets;
//! - [`tui`]: the terminal explorer: state, `update` and rendering;
//! - [`cli`]: the arguments, the scriptable subcommands and the entry point.
//!
//! Each layer uses only those listed before it (`tests/architecture.rs`
//! reads this list and every module's `crate::` paths, and fails on an
//! import against it).

pub mod cache;
pub mod cli;
pub mod fields;
pub mod files;
pub mod model;
pub mod search;
#[cfg(feature = "synth")]
pub mod synth;
pub mod text;
pub mod tui;
