//! `--watch`: the [`Watcher`] reloads the dataset when one of its files
//! changes, ignoring the file system events that cannot change it.

use crate::cache;
use crate::model::Dataset;
use crate::model::{FILES, Layer, Reuse, reload_layers};
use crate::tui::app::{Msg, Reload};
use crate::tui::data::Data;
use notify::event::ModifyKind;
use notify::{Event as FsEvent, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::io;
use std::path::Path;
use std::sync::mpsc::{self, Sender};
use std::thread;
use std::time::Duration;

/// What `--watch` reloads: the dataset's layers and the file size limit.
#[derive(Clone, Debug)]
pub struct Watch {
    /// The layers to load; their folders are the ones watched.
    pub layers: Vec<Layer>,
    /// The file size limit, in bytes.
    pub max_bytes: u64,
    /// What the files held when the explorer's dataset was loaded (taken
    /// before loading, so a change made during the load still reloads).
    pub shown: Option<cache::Key>,
}

/// How long the files must stay quiet before a reload: an editor's
/// write-then-rename, or a burst of saves, gives one reload.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Watches the folder layers of a dataset; dropping it stops watching.
/// Each change to one of the four files reloads the whole dataset on a
/// worker thread, answered as [`Msg::Reloaded`], so keys are handled while
/// a big dataset loads.
pub struct Watcher {
    _watcher: RecommendedWatcher,
}

impl Watcher {
    /// Starts watching the folders of `watch` and the loading worker.
    pub fn spawn(watch: Watch, results: Sender<Msg>) -> io::Result<Watcher> {
        let (kick, kicks) = mpsc::channel::<()>();
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<FsEvent>| {
            if res.is_ok_and(|event| changes_data(&event)) {
                let _ = kick.send(());
            }
        })
        .map_err(io::Error::other)?;
        for layer in &watch.layers {
            if let Layer::Folder(dir) = layer {
                watcher
                    .watch(dir, RecursiveMode::NonRecursive)
                    .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", dir.display())))?;
            }
        }
        thread::spawn(move || {
            // Parse every file once now, so that a reload parses only the
            // files that changed (the explorer may have started from the
            // cache image, which keeps no parsed records).
            let mut reuse = Reuse::default();
            let _ = reload_layers(&watch.layers, watch.max_bytes, &mut reuse);
            // What the files held at the last load: a save that changes
            // nothing (or a change undone) is not a reload.
            let mut last = watch.shown;
            while kicks.recv().is_ok() {
                // Wait for the files to be quiet: an editor's write and
                // rename, or a burst of saves, gives one reload.
                while kicks.recv_timeout(DEBOUNCE).is_ok() {}
                let now = cache::key_of_layers::<Dataset>(&watch.layers, watch.max_bytes);
                if now.is_some() && now == last {
                    continue;
                }
                last = now;
                let reload = match reload_layers(&watch.layers, watch.max_bytes, &mut reuse) {
                    Ok(ds) => Reload::Loaded(Data::shared(ds)),
                    Err(problems) => Reload::Failed(problems),
                };
                if results.send(Msg::Reloaded(reload)).is_err() {
                    break;
                }
            }
        });
        Ok(Watcher { _watcher: watcher })
    }
}

/// Whether a file system event can change what the dataset holds: one of
/// the four files created, written, renamed or removed, or events lost (the
/// watch must look again). Opening or reading
/// one (as every load does) or touching its times or mode is not, so the
/// worker's own reading never sets off another reload.
fn changes_data(event: &FsEvent) -> bool {
    // The kernel's queue overflowed: any file may have changed.
    if event.need_rescan() {
        return true;
    }
    let kind = match event.kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) | EventKind::Other => false,
    };
    kind && event.paths.iter().any(|p| is_data_file(p))
}

/// Whether a changed path is one of the four dataset files (an editor's
/// swap and backup files are not).
fn is_data_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| FILES.iter().any(|f| name == *f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify::event::{AccessKind, CreateKind};

    #[test]
    fn reading_a_file_or_touching_it_is_not_a_change() {
        let event = |kind, path: &str| FsEvent::new(kind).add_path(path.into());
        let data = "/d/events.yaml";
        for kind in [
            EventKind::Create(CreateKind::File),
            EventKind::Modify(ModifyKind::Data(notify::event::DataChange::Content)),
            EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::To)),
            EventKind::Remove(notify::event::RemoveKind::File),
        ] {
            assert!(changes_data(&event(kind, data)), "{kind:?}");
            assert!(!changes_data(&event(kind, "/d/.events.yaml.swp")), "{kind:?}");
        }
        for kind in [
            EventKind::Access(AccessKind::Open(notify::event::AccessMode::Read)),
            EventKind::Access(AccessKind::Close(notify::event::AccessMode::Read)),
            EventKind::Modify(ModifyKind::Metadata(notify::event::MetadataKind::AccessTime)),
            EventKind::Other,
        ] {
            assert!(!changes_data(&event(kind, data)), "{kind:?}");
        }
        // Lost events (the kernel's queue overflowed): look again.
        let overflow = FsEvent::new(EventKind::Other).set_flag(notify::event::Flag::Rescan);
        assert!(changes_data(&overflow));
    }

    #[test]
    fn only_the_four_dataset_files_trigger_a_reload() {
        assert!(is_data_file(Path::new("/d/events.yaml")));
        assert!(is_data_file(Path::new("people.yaml")));
        for other in ["/d/.events.yaml.swp", "/d/events.yaml~", "/d/4913", "/d"] {
            assert!(!is_data_file(Path::new(other)), "{other}");
        }
    }
}
