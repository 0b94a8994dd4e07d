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
//! are written atomically ([`crate::files::write_atomic`]), on a thread of
//! their own ([`Pending`]); at most [`MAX_IMAGES`] are kept, the least
//! recently used removed first. Pruning only ever removes the cache's own
//! names (a key's hex `.img` and [`crate::files::temp_name`]'s temporaries):
//! anything else in the folder is the user's. Any cache failure (read-only
//! or missing folder, full disk, file size limit) just means a normal load.

mod amount;
mod image;
mod key;

pub use image::Image;
pub use key::{Files, Key, key_of_layers};

use crate::files::{AppDir, app_dir, is_temp_name, read_small, write_atomic};
use crate::model::{FileRead, Layer};
use image::{decode, encode};
use key::{key_of_reads, read_key};
use std::fs::{self, File};
use std::io;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

/// Version of the image layout and encoding; bump it whenever the model's
/// types, the encoding or what `check` reports (a cached image holds its
/// warnings) change, so older images are never decoded.
pub const FORMAT: u32 = 6;

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
    /// The user's cache ([`AppDir::Cache`]: `$XDG_CACHE_HOME/rivals`),
    /// unless `off` or no absolute cache folder can be named (a relative
    /// one would depend on where the program is started).
    pub fn for_user(off: bool) -> Option<Cache> {
        if off {
            return None;
        }
        app_dir(AppDir::Cache).ok().map(Cache::at)
    }

    /// A cache in `dir` (created when the first image is written).
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    fn path(&self, key: Key) -> PathBuf {
        let hex: String = key.hash.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{hex}{IMAGE_SUFFIX}"))
    }

    /// The image stored under `key`, if there is one and it decodes and
    /// checks; a bad image is removed.
    pub fn get<T: Image>(&self, key: Key) -> Option<T> {
        let path = self.path(key);
        // Not a regular file or past the limit: a bad image, removed below.
        // Any other error (none there, unreadable): left alone.
        let decoded = match read_small(&path, key.max_image_bytes()) {
            Ok(bytes) => decode::<T>(&bytes, key),
            Err(e) if e.kind() == io::ErrorKind::InvalidInput => None,
            Err(_) => return None,
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
        let path = self.path(key);
        // An image's name is the cache's own: a symlink planted there is
        // replaced, never written through to wherever it points.
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            let _ = fs::remove_file(&path);
        }
        if write_atomic(&path, &bytes).is_ok() {
            self.prune();
        }
    }

    /// Removes the least recently used images past [`MAX_IMAGES`] and
    /// temporary files left by killed processes: only names the cache
    /// writes ([`is_image_name`], [`is_temp_name`]), never the user's files.
    fn prune(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let now = SystemTime::now();
        let mut images = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            let (image, temp) = (is_image_name(name), is_temp_name(name));
            if !image && !temp {
                continue;
            }
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            if image {
                images.push((modified, entry.path()));
            } else if now.duration_since(modified).is_ok_and(|age| age > STALE_TEMP) {
                let _ = fs::remove_file(entry.path());
            }
        }
        images.sort_unstable_by_key(|image| std::cmp::Reverse(image.0));
        for (_, path) in images.iter().skip(MAX_IMAGES) {
            let _ = fs::remove_file(path);
        }
    }
}

/// What an image's name ends with, after its key's hex.
const IMAGE_SUFFIX: &str = ".img";

/// Whether `name` is an image's: the 64 lower-case hex digits of a key,
/// then [`IMAGE_SUFFIX`].
fn is_image_name(name: &str) -> bool {
    name.strip_suffix(IMAGE_SUFFIX).is_some_and(|hex| {
        hex.len() == 64
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
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
