//! `rivals`: explore the talent rivalries between AI labs, in a terminal UI
//! or from scripts.
//!
//! - [`model`]: the dataset, its loader and validation;
//! - [`fields`]: a record's labelled fields, in display order;
//! - [`search`]: the fuzzy index over people, organizations and events;
//! - [`cli`]: the scriptable subcommands;
//! - [`text`]: sanitizing and fitting dataset text for a terminal.

pub mod cli;
pub mod fields;
pub mod model;
pub mod search;
pub mod synth;
pub mod text;
pub mod tui;
