//! The key an image is looked up by: a BLAKE3 of the program version, the
//! format, the folders and every dataset file's length and BLAKE3.

use super::{FORMAT, Image};
use crate::model::{FILES, FileRead, Layer};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// What an image is looked up by: a BLAKE3 of everything it depends on,
/// and the size of the files it was made from (which bounds the image's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub(super) hash: [u8; 32],
    pub(super) input_bytes: u64,
}

impl Key {
    /// Largest image accepted for this key: images are about half the
    /// size of the YAML, so anything over twice that plus 1 MiB is refused
    /// unread.
    pub(super) fn max_image_bytes(self) -> u64 {
        self.input_bytes.saturating_mul(2).saturating_add(1 << 20)
    }
}

/// What the key of every kind of image of some files starts with: all but
/// the kind ([`Files::key`] adds it).
#[derive(Clone, Debug)]
pub struct Files {
    hasher: blake3::Hasher,
    input_bytes: u64,
}

impl Files {
    /// The key of the image of kind `kind` of these files.
    pub fn key(&self, kind: &str) -> Key {
        let mut h = self.hasher.clone();
        feed(&mut h, kind.as_bytes());
        Key {
            hash: *h.finalize().as_bytes(),
            input_bytes: self.input_bytes,
        }
    }
}

/// The key of a `T` made from the dataset in `layers`: `None` when a file
/// cannot be read as the loader would (missing, not a regular file, over
/// `max_bytes`), so the loader reports it, or for the embedded dataset.
pub fn key_of_layers<T: Image>(layers: &[Layer], max_bytes: u64) -> Option<Key> {
    read_key(layers, max_bytes).map(|files| files.key(T::KIND))
}

/// Feeds `bytes` to `h`, length first, so no two inputs run together.
fn feed(h: &mut blake3::Hasher, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The files of `layers`, in order, as on disk. A file is absent only when
/// the loader would skip it (the name itself does not exist); any other
/// error (a dangling symlink, a loop of them, a layer that is not a folder,
/// a folder that cannot be searched) means no key, so the loader reports it
/// just as without the cache.
pub(super) fn read_key(layers: &[Layer], max_bytes: u64) -> Option<Files> {
    let mut buf = Vec::new();
    key_with(layers, |path| {
        // Checked and read through one open file: a FIFO swapped in after
        // the check cannot block the read.
        let (file, meta) = match crate::files::open_nonblocking(path) {
            Ok(opened) => opened,
            Err(_) if Layer::leaves_out(path) => return Some(None),
            Err(_) => return None,
        };
        if !meta.is_file() || meta.len() > max_bytes {
            return None;
        }
        hash_file(file, max_bytes, &mut buf).map(Some)
    })
}

/// The files of `layers`, in order, as a load read them: the same keys as
/// [`read_key`] gave if, and only if, the load read the bytes it hashed.
pub(super) fn key_of_reads(layers: &[Layer], reads: &[FileRead]) -> Option<Files> {
    key_with(layers, |path| {
        let read = reads.iter().find(|r| r.path == path);
        Some(read.map(|r| (r.len, blake3::Hash::from_bytes(r.hash))))
    })
}

/// The files of `layers`, in order, for their keys: every file enters by
/// its length and BLAKE3, which `file` gives for a path (`Some(None)`: there
/// is no such file; `None`: it cannot be read as the loader would, so no
/// key). The embedded dataset alone has no key: it loads faster than an
/// image would. With one folder every file must be there (the loader
/// reports a missing one); with several, a layer may leave files out.
fn key_with(
    layers: &[Layer],
    mut file: impl FnMut(&Path) -> Option<Option<(u64, blake3::Hash)>>,
) -> Option<Files> {
    if layers.iter().all(|l| *l == Layer::Embedded) {
        return None;
    }
    let mut h = blake3::Hasher::new();
    feed(&mut h, env!("CARGO_PKG_VERSION").as_bytes());
    h.update(&FORMAT.to_le_bytes());
    let mut input_bytes = 0u64;
    for layer in layers {
        let dir = match layer {
            Layer::Embedded => {
                let e = crate::model::EMBEDDED;
                h.update(b"E");
                for text in [e.sources, e.organizations, e.people, e.events] {
                    feed(&mut h, text.as_bytes());
                    input_bytes += text.len() as u64;
                }
                continue;
            }
            Layer::Folder(dir) => dir,
        };
        h.update(b"F");
        let resolved = dir.canonicalize().ok()?;
        for part in [dir.as_os_str(), resolved.as_os_str()] {
            feed(&mut h, part.as_encoded_bytes());
        }
        for name in FILES {
            match file(&dir.join(name))? {
                Some((len, file_hash)) => {
                    h.update(b"+");
                    h.update(&len.to_le_bytes());
                    h.update(file_hash.as_bytes());
                    input_bytes += len;
                }
                None if layers.len() > 1 => {
                    h.update(b"-");
                }
                None => return None,
            }
        }
    }
    Some(Files {
        hasher: h,
        input_bytes,
    })
}

/// Bytes of a file read and hashed at a time.
const HASH_CHUNK: usize = 4 << 20;

/// The length and BLAKE3 of `file`, read a chunk at a time
/// into `buf`; `None` if it cannot be read or is longer than `max_bytes`.
/// (Not memory-mapped: a file truncated while mapped would kill the
/// process. Hashed on one core: BLAKE3's SIMD hashes 25 MB in a few ms,
/// and spreading it over both cores measured no faster.)
fn hash_file(file: File, max_bytes: u64, buf: &mut Vec<u8>) -> Option<(u64, blake3::Hash)> {
    let mut file = file.take(max_bytes.saturating_add(1));
    let mut hasher = blake3::Hasher::new();
    loop {
        buf.clear();
        let n = (&mut file).take(HASH_CHUNK as u64).read_to_end(buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update(buf);
    }
    let len = hasher.count();
    (len <= max_bytes).then(|| (len, hasher.finalize()))
}
