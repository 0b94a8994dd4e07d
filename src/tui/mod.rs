//! The interactive explorer.

use crate::model::Dataset;
use std::process::ExitCode;

/// Runs the TUI until the user quits.
pub fn run(ds: Dataset, _no_color: bool) -> ExitCode {
    println!("{}", ds.counts_line());
    ExitCode::SUCCESS
}
