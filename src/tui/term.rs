//! The real terminal: setup, restore on every exit path, suspend and
//! resume, and the threads that turn input, signals, search results and
//! reloads of a watched dataset into messages.

use super::app::{MAX_HITS, Msg, Reload};
use super::data::Data;
use crate::cache;
use crate::model::Dataset;
use crate::model::{FILES, Layer, Reuse, reload_layers};
use crate::search::Session;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use notify::event::ModifyKind;
use notify::{Event as FsEvent, EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};
use signal_hook::consts::{SIGHUP, SIGINT, SIGSTOP, SIGTERM, SIGTSTP};
use std::io::{self, stdout};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Duration;

/// Whether the terminal is in our modes. The panic hook and the guard's
/// drop both restore; only the first may write, since leaving the alternate
/// screen a second time moves the cursor back up over the panic message.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Why a terminal called `term` (the `TERM` variable) cannot draw the
/// explorer, if it cannot: unset, empty and `dumb` terminals cannot move
/// the cursor or show colour.
pub fn cannot_draw(term: Option<&str>) -> Option<String> {
    let which = match term.map(str::trim) {
        None | Some("") => "TERM is not set".to_string(),
        Some("dumb") => "TERM=dumb".to_string(),
        Some(_) => return None,
    };
    Some(format!(
        "can't draw the explorer on this terminal ({which}); \
         set TERM (e.g. TERM=xterm-256color) or use a subcommand (see rivals --help)"
    ))
}

/// Raw mode, the alternate screen, mouse capture, bracketed paste and a
/// hidden cursor.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(
        stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Undoes exactly what [`Guard::enter`] turned on. Safe to call twice: the
/// second call writes nothing.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableBracketedPaste,
            DisableMouseCapture,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Hands the terminal back and stops the process, as Ctrl-z does in a
/// shell; returns once continued (`fg`, SIGCONT) with the terminal taken
/// over again. The caller must redraw everything.
pub fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGSTOP)?;
    take_over()
}

/// Holds the terminal in raw mode on the alternate screen; restores it
/// when dropped, whatever the exit path (return, `?`, panic unwinding).
pub struct Guard;

impl Guard {
    /// Switches the terminal over, after installing a panic hook that
    /// restores it before the panic message prints.
    pub fn enter() -> io::Result<Guard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        let guard = Guard;
        take_over()?;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// The signal that asked the program to stop, if one did.
#[derive(Clone, Default)]
pub struct Stop(Arc<AtomicI32>);

impl Stop {
    /// The signal's number; `None` when the program stopped for another reason.
    pub fn signal(&self) -> Option<i32> {
        Some(self.0.load(Ordering::SeqCst)).filter(|&n| n != 0)
    }
}

/// Starts the input and signal threads; everything arrives on one channel,
/// so the loop sleeps until something happens (no polling). [`Stop`] tells
/// which signal, if any, asked the program to quit.
pub fn spawn_sources() -> io::Result<(Sender<Msg>, Receiver<Msg>, Stop)> {
    let (tx, rx) = mpsc::channel();
    let input = tx.clone();
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(Event::Key(k)) => Msg::Key(k),
                Ok(Event::Mouse(m)) => Msg::Mouse(m),
                Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                Ok(Event::Paste(text)) => Msg::Paste(text),
                Ok(_) => continue,
                Err(_) => Msg::Signal,
            };
            if input.send(msg).is_err() {
                break;
            }
        }
    });
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP])?;
    let stop = Stop::default();
    let (sig, caught) = (tx.clone(), Arc::clone(&stop.0));
    thread::spawn(move || {
        for signal in signals.forever() {
            let msg = if signal == SIGTSTP {
                Msg::Suspend
            } else {
                caught.store(signal, Ordering::SeqCst);
                Msg::Signal
            };
            if sig.send(msg).is_err() {
                break;
            }
        }
    });
    Ok((tx, rx, stop))
}

/// The search worker's inbox: the newest query wins, and a query still
/// running when a newer one arrives is cancelled mid-scan.
pub struct Searcher {
    jobs: Sender<(Arc<Data>, String, u64)>,
    latest: Arc<AtomicU64>,
}

impl Searcher {
    /// Starts the worker thread; results come back as [`Msg::Hits`].
    pub fn spawn(results: Sender<Msg>) -> Searcher {
        let (jobs, rx) = mpsc::channel::<(Arc<Data>, String, u64)>();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        thread::spawn(move || {
            let mut session = Session::default();
            while let Ok(mut job) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    job = newer;
                }
                let (data, query, generation) = job;
                let superseded = || newest.load(Ordering::Relaxed) != generation;
                let Some(hits) =
                    data.index()
                        .search_in(&data.ds, &query, MAX_HITS, &mut session, &superseded)
                else {
                    continue;
                };
                if results.send(Msg::Hits { generation, hits }).is_err() {
                    break;
                }
            }
        });
        Searcher { jobs, latest }
    }

    /// Asks for a search in `data`; any older one still running stops.
    pub fn request(&self, data: Arc<Data>, query: String, generation: u64) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.jobs.send((data, query, generation));
    }
}

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
    fn dumb_empty_and_unset_terminals_cannot_draw() {
        for term in [None, Some(""), Some("dumb"), Some(" dumb ")] {
            let why = cannot_draw(term).unwrap_or_default();
            assert!(
                why.contains("can't draw") && why.contains("TERM"),
                "{term:?}: {why}"
            );
        }
        for term in ["xterm-256color", "linux", "vt100", "screen"] {
            assert_eq!(cannot_draw(Some(term)), None, "{term}");
        }
    }

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
