//! `rivals check`: validate the dataset, with the checks that only warn.

use super::args::{Cli, Command};
use super::load::{beside, exit_without_freeing, origin, report};
use super::{finish, output, run};
use crate::cache::{self, Cache};
use crate::model;
use std::process::ExitCode;

/// `rivals check`: loads with the checks that only warn, prints the
/// warnings (or refuses them as errors when `strict`) and the counts.
pub(super) fn check(cli: &Cli, command: &Command, strict: bool) -> ExitCode {
    let layers = cli.layers();
    let max = cli.max_file_bytes();
    let cache = Cache::for_user(cli.no_cache);
    let (loaded, pending) = match cache::load_layers(cache.as_ref(), &layers, max, |reads| {
        model::load_layers_read(&layers, max, true, reads)
    }) {
        Ok(loaded) => loaded,
        Err(errors) => {
            report(&errors);
            return ExitCode::from(1);
        }
    };
    let code = beside(pending, &loaded, || {
        if strict && let Err(errors) = loaded.strict() {
            report(&errors);
            return ExitCode::from(1);
        }
        output::errors(&loaded.warnings);
        let mut out = String::new();
        let result = run(command, &loaded.dataset, origin(&layers), &mut out);
        finish(result.map(|()| out))
    });
    exit_without_freeing(loaded);
    code
}
