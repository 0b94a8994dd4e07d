//! A content-addressed cache of validated datasets, so a second start on
//! unchanged files skips YAML parsing and validation.
//!
//! An image lives in the platform cache folder (`$XDG_CACHE_HOME/rivals/`
//! on Linux) under the hex of its key: a BLAKE3 of the program version,
//! [`FORMAT`], what is cached ([`Image::KIND`]), the folder as given and as
//! resolved, and every dataset file's bytes in order. The image repeats the
//! key and carries a BLAKE3 of its payload, and a decoded model is checked
//! for consistency before use, so a truncated, corrupt, hostile or
//! misplaced image is ignored (and replaced) rather than trusted. Images
//! are written to a temporary file and renamed, on a thread of their own
//! ([`Pending`]); at most [`MAX_IMAGES`] are kept, the least recently used
//! removed first. Any cache failure (read-only or missing folder, full
//! disk, file size limit) just means a normal load.

mod amount;
mod image;
mod key;

pub use image::Image;
pub use key::{Files, Key, key_of_layers};

use crate::model::{FileRead, Layer};
use image::{decode, encode};
use key::{key_of_reads, read_key};
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Version of the image layout and encoding; bump it whenever the model's
/// types or the encoding change, so older images are never decoded.
pub const FORMAT: u32 = 2;

/// Most images kept; the least recently used go first.
pub const MAX_IMAGES: usize = 8;

/// Temporary files older than this were left by a killed process.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// A folder of cached images.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The user's cache (`$XDG_CACHE_HOME/rivals` or the platform's
    /// equivalent), unless `off` or no cache folder can be named.
    pub fn for_user(off: bool) -> Option<Cache> {
        use etcetera::BaseStrategy;
        if off {
            return None;
        }
        let base = etcetera::base_strategy::choose_native_strategy().ok()?;
        // A relative folder (from a relative HOME) would depend on where the
        // program is started: no cache rather than one in the current folder.
        let dir = base.cache_dir();
        dir.is_absolute().then(|| Cache::at(dir.join("rivals")))
    }

    /// A cache in `dir` (created when the first image is written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    fn path(&self, key: Key) -> PathBuf {
        let hex: String = key.hash.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}.img"))
    }

    /// The image stored under `key`, if there is one and it decodes and
    /// checks; a bad image is removed.
    pub fn get<T: Image>(&self, key: Key) -> Option<T> {
        let path = self.path(key);
        let meta = fs::metadata(&path).ok()?;
        let limit = key.max_image_bytes();
        let decoded = if meta.is_file() && meta.len() <= limit {
            let mut bytes = Vec::with_capacity(meta.len() as usize);
            File::open(&path)
                .and_then(|f| f.take(limit).read_to_end(&mut bytes))
                .ok()?;
            decode::<T>(&bytes, key)
        } else {
            None
        };
        match decoded {
            Some(value) => {
                // Mark it recently used (best effort).
                let _ = File::options()
                    .append(true)
                    .open(&path)
                    .and_then(|f| f.set_modified(SystemTime::now()));
                Some(value)
            }
            None => {
                let _ = fs::remove_file(&path);
                None
            }
        }
    }

    /// Stores `value` under `key` atomically, then removes the oldest
    /// images past [`MAX_IMAGES`]. Failures are ignored: the cache is only
    /// an optimization.
    pub fn put<T: Image>(&self, key: Key, value: &T) {
        let Some(bytes) = encode(value, key) else { return };
        if fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tmp = self.dir.join(format!(
            "{}.{}.tmp",
            std::process::id(),
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos())
        ));
        let written = File::options()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .and_then(|mut f| f.write_all(&bytes));
        if written.and_then(|()| fs::rename(&tmp, self.path(key))).is_err() {
            let _ = fs::remove_file(&tmp);
            return;
        }
        self.prune();
    }

    /// Removes the least recently used images past [`MAX_IMAGES`] and
    /// temporary files left by killed processes.
    fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let mut images = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            match path.extension().and_then(|e| e.to_str()) {
                Some("img") => images.push((modified, path)),
                Some("tmp") if now.duration_since(modified).is_ok_and(|age| age > STALE_TEMP) => {
                    let _ = fs::remove_file(&path);
                }
                _ => {}
            }
        }
        images.sort_unstable_by_key(|image| std::cmp::Reverse(image.0));
        for (_, path) in images.iter().skip(MAX_IMAGES) {
            let _ = fs::remove_file(path);
        }
    }
}

/// An image still to be written, and where.
#[derive(Debug)]
pub struct Pending {
    cache: Cache,
    key: Key,
}

impl Pending {
    /// Writes `value` as the image. Slow on large data (encoding and
    /// writing the 100k-event dataset takes ~0.1 s): callers run it on a
    /// thread of its own, beside the command or after the first frame.
    pub fn store<T: Image>(self, value: &T) {
        self.cache.put(self.key, value);
    }
}

/// Loads the dataset in `layers` through `cache`: the image when the files
/// are unchanged, else `load()`, with the image to write ([`Pending`]).
/// When asked, `load` lists the files it read with what they held; the
/// image is only written if that gives the key the files were looked up by
/// (a file that changed during the load, even and back again, means no
/// image).
pub fn load_layers<T: Image, E>(
    cache: Option<&Cache>,
    layers: &[Layer],
    max_bytes: u64,
    load: impl FnOnce(Option<&mut Vec<FileRead>>) -> Result<T, E>,
) -> Result<(T, Option<Pending>), E> {
    // Without a cache (or a key) nothing needs to know what the load read.
    let Some(cache) = cache else {
        return load(None).map(|value| (value, None));
    };
    let Some(files) = read_key(layers, max_bytes) else {
        return load(None).map(|value| (value, None));
    };
    let key = files.key(T::KIND);
    if let Some(hit) = cache.get(key).or_else(|| T::stand_in(cache, &files)) {
        return Ok((hit, None));
    }
    let mut reads = Vec::new();
    let value = load(Some(&mut reads))?;
    let read = key_of_reads(layers, &reads).map(|files| files.key(T::KIND));
    let pending = (read == Some(key)).then(|| Pending {
        cache: cache.clone(),
        key,
    });
    Ok((value, pending))
}

#[cfg(test)]
mod tests;
