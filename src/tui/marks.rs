//! Marks kept between runs: one JSON file per dataset in the app's state
//! folder (`$XDG_STATE_HOME/rivals/`), keyed by where the dataset is. The
//! explorer's `update` never touches the file: the marks are loaded before
//! the terminal is taken over, and the event loop saves them when asked to.
//!
//! No mark is ever lost:
//! - the file is named after the dataset's real location (the canonical
//!   paths of its folders, as a short hash beside the readable name), so
//!   two folders both called `data` keep apart; a file of the previous
//!   version (`marks-NAME.json`) is read until the new one exists;
//! - a save writes only the marks this explorer changed, merged into what
//!   is on disk at that moment, under a lock: marks of records the dataset
//!   does not have, and marks another explorer set meanwhile, stay;
//! - a corrupt (or oversized) file is moved aside, never overwritten; a
//!   FIFO, a folder or a device there is left alone and nothing is saved;
//! - a symlink is written through to its target and stays a link.

use crate::files::{self, AppDir};
use crate::model::Layer;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The largest marks file read: 52 marks take a few kilobytes.
pub const MAX_BYTES: u64 = 1 << 20;

/// How long a save waits for another explorer's lock before giving up.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// A place to come back to, by record ids (not row numbers), so it
/// survives edits to the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The focused pane: `companies`, `people` or `timeline`.
    pub pane: String,
    /// The organization filter's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The person filter's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The kind filter, as in the data files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The period filter's first date (`YYYY[-MM[-DD]]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The period filter's last date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Ids of the rows selected in Companies, People and Timeline.
    #[serde(default)]
    pub selected: [Option<String>; 3],
}

/// Every mark of a dataset, by letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// The marks, by the character that names them.
    pub marks: BTreeMap<char, Mark>,
}

/// What a save left on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    /// Every mark in the file now: ours merged with those already there.
    pub marks: Marks,
    /// Something to say in the status line (a corrupt file moved aside).
    pub note: Option<String>,
}

/// Where a dataset's marks live, and what this explorer last saw there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
    /// The previous version's file (keyed by the dataset's name only),
    /// read while `path` does not exist; never written.
    legacy: Option<PathBuf>,
    /// The marks as last loaded or saved: a save writes only what differs.
    seen: Marks,
    /// How long a save waits for another explorer's lock.
    pub(super) lock_wait: Duration,
}

/// What reading one marks file found.
enum Read {
    Missing,
    Marks(Marks),
    /// A regular file that is not a marks file (or far too big for one):
    /// moved aside before a new one is written.
    Corrupt(String),
    /// Not a file we may replace (a FIFO, a folder, a device) or not
    /// readable: nothing is written over it.
    Unusable(String),
}

/// Whether `c` names a mark: an ASCII letter, `a`-`z` or `A`-`Z`. The
/// mark prompt, the config file's check of `[keys.mark]` and the marks
/// kept from a file all ask this.
pub fn is_mark_name(c: char) -> bool {
    c.is_ascii_alphabetic()
}

impl Store {
    /// The marks file of the dataset made of `layers` and called `name`,
    /// in the app's state folder; or why there is none.
    pub fn for_layers(layers: &[Layer], name: &str) -> Result<Store, String> {
        files::app_dir(AppDir::State).map(|dir| Store::in_dir(&dir, layers, name))
    }

    /// The marks file of the dataset made of `layers` and called `name`,
    /// in `dir`: `marks-embedded.json` for the embedded data, else
    /// `marks-NAME-HASH.json`, HASH naming the folders' canonical paths.
    pub fn in_dir(dir: &Path, layers: &[Layer], name: &str) -> Store {
        let folders: Vec<&Path> = layers
            .iter()
            .filter_map(|l| match l {
                Layer::Folder(p) => Some(p.as_path()),
                Layer::Embedded => None,
            })
            .collect();
        let readable = safe_name(name);
        let legacy = dir.join(format!("marks-{readable}.json"));
        if folders.is_empty() {
            return Store {
                path: legacy,
                legacy: None,
                seen: Marks::default(),
                lock_wait: LOCK_WAIT,
            };
        }
        let mut key = Vec::new();
        for layer in layers {
            match layer {
                Layer::Embedded => key.extend_from_slice(b"embedded"),
                Layer::Folder(p) => key.extend_from_slice(real_path(p).as_os_str().as_encoded_bytes()),
            }
            key.push(0);
        }
        let hash = blake3::hash(&key).to_hex();
        let short: String = readable.chars().take(40).collect();
        Store {
            path: dir.join(format!("marks-{short}-{}.json", &hash.as_str()[..12])),
            legacy: Some(legacy),
            seen: Marks::default(),
            lock_wait: LOCK_WAIT,
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved marks (of the previous version's file while there is no
    /// file of this one); none if there is no file yet. A file that cannot
    /// be read or parsed gives no marks and a note saying it was ignored.
    /// Never blocks: a FIFO is refused, a big file is not read.
    pub fn load(&mut self) -> (Marks, Option<String>) {
        let (read, from) = self.read();
        let (marks, note) = match read {
            Read::Missing => (Marks::default(), None),
            Read::Marks(marks) => (marks, None),
            Read::Corrupt(why) => (
                Marks::default(),
                Some(format!(
                    "marks file corrupt, ignored ({why}); moved aside at the next mark: {}",
                    from.display()
                )),
            ),
            Read::Unusable(why) => (
                Marks::default(),
                Some(format!(
                    "marks file unreadable, ignored: {} {why}",
                    from.display()
                )),
            ),
        };
        self.seen = marks.clone();
        (marks, note.map(|n| crate::text::sanitize(&n).into_owned()))
    }

    /// Saves the marks of `marks` that differ from what this store last
    /// saw, merged into the file as it is now, under a lock; returns what
    /// the file holds afterwards. A corrupt file is moved aside first
    /// (`NAME.corrupt-SECONDS`); a FIFO, a folder or a device in its place
    /// is an error and stays as it is.
    pub fn save(&mut self, marks: &Marks) -> io::Result<Saved> {
        let target = files::write_target(&self.path)?;
        let _lock = lock(&target, self.lock_wait)?;
        let (read, from) = self.read();
        let mut note = None;
        let mut merged = match read {
            Read::Missing => Marks::default(),
            Read::Marks(on_disk) => on_disk,
            Read::Unusable(why) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{} {why}", from.display()),
                ));
            }
            // The previous version's file is not ours to move.
            Read::Corrupt(_) if from != self.path => Marks::default(),
            Read::Corrupt(_) => {
                let aside = move_aside(&target)?;
                note = Some(
                    crate::text::sanitize(&format!(
                        "the corrupt marks file was moved aside to {}",
                        aside.display()
                    ))
                    .into_owned(),
                );
                Marks::default()
            }
        };
        for (c, mark) in &marks.marks {
            if self.seen.marks.get(c) != Some(mark) {
                merged.marks.insert(*c, mark.clone());
            }
        }
        let json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        files::write_atomic(&self.path, &json)?;
        self.seen = merged.clone();
        Ok(Saved { marks: merged, note })
    }

    /// Reads this version's file, or the previous version's while there
    /// is none; says which file it read.
    fn read(&self) -> (Read, PathBuf) {
        match (read_file(&self.path), &self.legacy) {
            (Read::Missing, Some(legacy)) => (read_file(legacy), legacy.clone()),
            (read, _) => (read, self.path.clone()),
        }
    }
}

/// A dataset's name as a file name: letters, digits, `-`, `_`, `.`.
fn safe_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Where a folder really is: its canonical path, else its absolute one.
fn real_path(path: &Path) -> PathBuf {
    fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Reads one marks file, without blocking and without reading more than
/// [`MAX_BYTES`].
fn read_file(path: &Path) -> Read {
    match fs::metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
        Ok(meta) if meta.is_file() && meta.len() > MAX_BYTES => {
            return Read::Corrupt(format!("{} bytes, more than a marks file holds", meta.len()));
        }
        _ => {}
    }
    match files::read_small(path, MAX_BYTES) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Read::Missing,
        Err(e) => Read::Unusable(format!("({e})")),
        Ok(bytes) => match serde_json::from_slice(&bytes) {
            Ok(marks) => Read::Marks(marks),
            Err(e) => Read::Corrupt(e.to_string()),
        },
    }
}

/// Renames the file at `target` to `TARGET.corrupt-SECONDS` (with `-N`
/// added if that exists), keeping its bytes for the user to look at.
fn move_aside(target: &Path) -> io::Result<PathBuf> {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let base = format!("{}.corrupt-{secs}", target.display());
    let mut aside = PathBuf::from(&base);
    let mut n = 1;
    while fs::symlink_metadata(&aside).is_ok() {
        n += 1;
        aside = PathBuf::from(format!("{base}-{n}"));
    }
    fs::rename(target, &aside)?;
    Ok(aside)
}

/// Takes the lock file beside `target` (`TARGET.lock`), waiting at most
/// `wait` for another explorer to let it go; held until the file
/// returned is dropped.
fn lock(target: &Path, wait: Duration) -> io::Result<File> {
    let mut name = target.as_os_str().to_owned();
    name.push(".lock");
    let path = PathBuf::from(name);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir)?;
    }
    let mut options = File::options();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO in its place must not block the open.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | libc::O_CLOEXEC);
    }
    let file = options.open(&path)?;
    if !file.metadata()?.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is not a regular file", path.display()),
        ));
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        let waited = std::time::Instant::now();
        // SAFETY: flock on a descriptor this function owns; no memory is shared.
        while unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            let e = io::Error::last_os_error();
            if e.kind() != io::ErrorKind::WouldBlock && e.kind() != io::ErrorKind::Interrupted {
                return Err(e);
            }
            if waited.elapsed() > wait {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!("another program holds the lock {}", path.display()),
                ));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
    Ok(file)
}
