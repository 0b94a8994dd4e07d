//! Loading the dataset a command runs on: the layers the arguments select,
//! through the cache, with the cache image written beside the command.

use super::args::Cli;
use super::{Origin, output};
use crate::cache::{self, Cache, Pending};
use crate::model::{self, Dataset, Diagnostic};

/// Loads the dataset the arguments select, with the cache image still to
/// write when it missed.
pub fn load(cli: &Cli) -> Result<(Dataset, Option<Pending>), Vec<Diagnostic>> {
    load_layers(cli, &cli.layers())
}

/// Loads the dataset `layers` make, with the arguments' file size limit
/// and cache, and the cache image still to write when it missed.
pub(super) fn load_layers(
    cli: &Cli,
    layers: &[model::Layer],
) -> Result<(Dataset, Option<Pending>), Vec<Diagnostic>> {
    let max = cli.max_file_bytes();
    let cache = Cache::for_user(cli.no_cache);
    cache::load_layers(cache.as_ref(), layers, max, |reads| {
        model::load_layers_read(layers, max, false, reads).map(|l| l.dataset)
    })
}

/// Whether `layers` are the embedded dataset alone.
pub(super) fn origin(layers: &[model::Layer]) -> Origin {
    if layers.iter().all(|l| *l == model::Layer::Embedded) {
        Origin::Embedded
    } else {
        Origin::Folder
    }
}

/// Runs `work` while the cache image (if one is to be written) is written
/// on another thread, then waits for the image.
pub(super) fn beside<T: cache::Image + Sync, R>(
    pending: Option<Pending>,
    value: &T,
    work: impl FnOnce() -> R,
) -> R {
    std::thread::scope(|s| {
        if let Some(pending) = pending {
            s.spawn(|| pending.store(value));
        }
        work()
    })
}

/// Prints diagnostics and a count line to stderr.
pub fn report(errors: &[Diagnostic]) {
    output::errors(errors);
    let count = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let warnings = errors.iter().filter(|d| d.is_warning()).count();
    let found = match warnings {
        0 => count(errors.len(), "problem"),
        w => format!("{} and {}", count(errors.len() - w, "error"), count(w, "warning")),
    };
    output::note(&format!("{found} found; nothing was loaded"));
}

/// Leaves `value` to the operating system, which frees a process's memory
/// at once when it exits: freeing a big dataset piece by piece first takes
/// ~30 ms for nothing.
pub(super) fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}
