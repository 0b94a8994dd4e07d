//! `--watch`: the [`Watcher`] reloads the dataset when one of its files
//! changes, ignoring the file system events that cannot change it, and when
//! a folder layer goes away or comes back.

use crate::cache;
use crate::model::Dataset;
use crate::model::{FILES, Layer, Reuse, reload_layers};
use crate::tui::app::{Msg, Reload};
use crate::tui::data::Data;
use notify::event::ModifyKind;
use notify::{Event as FsEvent, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, Weak};
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
    /// The problems of the dataset when the explorer opened on it broken
    /// (and empty): shown at once in the error panel.
    pub failed: Vec<crate::model::Diagnostic>,
}

/// How long the files must stay quiet before a reload: an editor's
/// write-then-rename, or a burst of saves, gives one reload.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// How often a folder layer that went away is looked for. A folder's own
/// watch says when it is moved or removed, but nothing says when it is back
/// (watching its parent would wake the worker for every change beside it):
/// it is looked for only while it is missing, so a watched dataset idles.
const MISSING_POLL: Duration = Duration::from_secs(1);

/// Watches the folder layers of a dataset; dropping it stops watching.
/// Each change to one of the four files, or a folder layer moved away,
/// removed, or back, reloads the whole dataset on a worker thread, answered
/// as [`Msg::Reloaded`], so keys are handled while a big dataset loads.
pub struct Watcher {
    _watcher: Arc<Mutex<RecommendedWatcher>>,
}

impl Watcher {
    /// Starts watching the folders of `watch` and the loading worker.
    pub fn spawn(watch: Watch, results: Sender<Msg>) -> io::Result<Watcher> {
        let (kick, kicks) = mpsc::channel::<()>();
        let dirs: Vec<PathBuf> = watch
            .layers
            .iter()
            .filter_map(|l| match l {
                Layer::Folder(dir) => Some(dir.clone()),
                Layer::Embedded => None,
            })
            .collect();
        let folders = folder_paths(&dirs);
        let mut watcher = notify::recommended_watcher(move |res: notify::Result<FsEvent>| {
            if res.is_ok_and(|event| changes_data(&event, &folders)) {
                let _ = kick.send(());
            }
        })
        .map_err(io::Error::other)?;
        for dir in &dirs {
            watcher
                .watch(dir, RecursiveMode::NonRecursive)
                .map_err(|e| io::Error::other(format!("cannot watch {}: {e}", dir.display())))?;
        }
        let watcher = Arc::new(Mutex::new(watcher));
        if !watch.failed.is_empty() {
            let _ = results.send(Msg::Reloaded(Reload::Failed(watch.failed.clone())));
        }
        let worker = Worker {
            watch,
            dirs,
            watcher: Arc::downgrade(&watcher),
            results,
        };
        thread::spawn(move || worker.run(&kicks));
        Ok(Watcher { _watcher: watcher })
    }
}

/// The loading worker of a [`Watcher`].
struct Worker {
    watch: Watch,
    /// The folder layers, as given.
    dirs: Vec<PathBuf>,
    /// Held weakly: dropping the [`Watcher`] ends the kicks, and the worker.
    watcher: Weak<Mutex<RecommendedWatcher>>,
    results: Sender<Msg>,
}

impl Worker {
    /// Reloads on every burst of kicks (or a folder layer seen back) until
    /// the watcher is dropped or the explorer gone.
    fn run(self, kicks: &Receiver<()>) {
        let watch = &self.watch;
        // Parse every file once now, so that a reload parses only the
        // files that changed (the explorer may have started from the
        // cache image, which keeps no parsed records).
        let mut reuse = Reuse::default();
        let _ = reload_layers(&watch.layers, watch.max_bytes, &mut reuse);
        // What the files held at the last load: a save that changes
        // nothing (or a change undone) is not a reload.
        let mut last = watch.shown;
        let mut seen: Vec<Option<FolderId>> = self.dirs.iter().map(|d| folder_id(d)).collect();
        loop {
            // While a folder is missing, look for it now and then too.
            let woke = if seen.iter().any(Option::is_none) {
                kicks.recv_timeout(MISSING_POLL)
            } else {
                kicks.recv().map_err(|_| RecvTimeoutError::Disconnected)
            };
            match woke {
                // Wait for the files to be quiet: an editor's write and
                // rename, or a burst of saves, gives one reload.
                Ok(()) => while kicks.recv_timeout(DEBOUNCE).is_ok() {},
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => break,
            }
            let now_seen: Vec<Option<FolderId>> = self.dirs.iter().map(|d| folder_id(d)).collect();
            if now_seen != seen {
                self.rewatch(&seen, &now_seen);
                seen = now_seen;
            } else if woke.is_err() {
                continue;
            }
            let now = cache::key_of_layers::<Dataset>(&watch.layers, watch.max_bytes);
            if now.is_some() && now == last {
                continue;
            }
            last = now;
            let reload = match reload_layers(&watch.layers, watch.max_bytes, &mut reuse) {
                Ok(ds) => Reload::Loaded(Data::shared(ds)),
                Err(problems) => Reload::Failed(problems),
            };
            if self.results.send(Msg::Reloaded(reload)).is_err() {
                break;
            }
        }
    }

    /// Watches again each folder that is back or is another folder now
    /// (the watch of one moved away or removed is gone or elsewhere).
    fn rewatch(&self, before: &[Option<FolderId>], now: &[Option<FolderId>]) {
        let Some(watcher) = self.watcher.upgrade() else {
            return;
        };
        let Ok(mut watcher) = watcher.lock() else {
            return;
        };
        for ((dir, before), now) in self.dirs.iter().zip(before).zip(now) {
            if now.is_some() && now != before {
                let _ = watcher.unwatch(dir);
                let _ = watcher.watch(dir, RecursiveMode::NonRecursive);
            }
        }
    }
}

/// Which folder is at a path: device and inode where there are such.
type FolderId = (u64, u64);

/// The folder at `dir`, if there is one.
fn folder_id(dir: &Path) -> Option<FolderId> {
    let meta = std::fs::metadata(dir).ok().filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        // No inode: a folder replaced without being seen missing is not
        // watched again.
        Some((0, 0)).filter(|_| meta.is_dir())
    }
}

/// The paths that name the folders `dirs` in file system events: as given,
/// made absolute, as the watcher names them.
fn folder_paths(dirs: &[PathBuf]) -> Vec<PathBuf> {
    dirs.iter().filter_map(|d| std::path::absolute(d).ok()).collect()
}

/// Whether a file system event can change what the dataset holds: one of
/// the four files in one of the `folders` created, written, renamed or
/// removed, one of the `folders` itself moved or removed, or
/// events lost (the watch must look again). Opening or reading one (as
/// every load does) or touching its times or mode is not, so the worker's
/// own reading never sets off another reload.
fn changes_data(event: &FsEvent, folders: &[PathBuf]) -> bool {
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
    let in_folders = |p: &Path| folders.iter().any(|f| f == p);
    kind && event
        .paths
        .iter()
        .any(|p| in_folders(p) || (is_data_file(p) && p.parent().is_some_and(in_folders)))
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
        let folders = [PathBuf::from("/d")];
        let changes_data = |event: &FsEvent| changes_data(event, &folders);
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
        // The folder itself moved or removed (as its own watch reports it);
        // a dataset file in another folder is not ours.
        for kind in [
            EventKind::Create(CreateKind::Folder),
            EventKind::Modify(ModifyKind::Name(notify::event::RenameMode::From)),
            EventKind::Remove(notify::event::RemoveKind::Folder),
        ] {
            assert!(changes_data(&event(kind, "/d")), "{kind:?}");
            assert!(!changes_data(&event(kind, "/e")), "{kind:?}");
            assert!(!changes_data(&event(kind, "/events.yaml")), "{kind:?}");
        }
        let open = EventKind::Access(AccessKind::Open(notify::event::AccessMode::Read));
        assert!(!changes_data(&event(open, "/d")));
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
