//! `rivals`: explore the talent rivalries between AI labs, in a terminal UI
//! or from scripts.
//!
//! - [`model`]: the dataset, its loader and validation;
//! - [`search`]: the fuzzy index over people, organizations and events;
//! - [`cache`]: the on-disk cache of loaded datasets;
//! - [`cli`]: the scriptable subcommands;
//! - [`text`]: sanitizing and fitting dataset text for a terminal.

pub mod cache;
pub mod cli;
pub mod model;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
