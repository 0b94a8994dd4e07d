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

use crate::model::{Dataset, Date, Diagnostic, FILES, FileRead, Layer, Loaded};
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fs::{self, File};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Version of the image layout and encoding; bump it whenever the model's
/// types or the encoding change, so older images are never decoded.
pub const FORMAT: u32 = 2;

/// Most images kept; the least recently used go first.
pub const MAX_IMAGES: usize = 8;

/// First bytes of every image.
const MAGIC: &[u8; 8] = b"RIVALSIM";

/// Header: magic, format, key, payload length, payload digest.
const HEADER: usize = 8 + 4 + 32 + 8 + 32;

/// Temporary files older than this were left by a killed process.
const STALE_TEMP: Duration = Duration::from_secs(3600);

/// A folder of cached images.
#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

/// What an image is looked up by: a BLAKE3 of everything it depends on,
/// and the size of the files it was made from (which bounds the image's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    hash: [u8; 32],
    input_bytes: u64,
}

impl Key {
    /// Largest image accepted for this key: images are about half the
    /// size of the YAML, so anything over twice that plus 1 MiB is refused
    /// unread.
    fn max_image_bytes(self) -> u64 {
        self.input_bytes.saturating_mul(2).saturating_add(1 << 20)
    }
}

/// A model that can be cached: serializable, and able to check and rebuild
/// itself after decoding.
pub trait Image: Serialize + DeserializeOwned {
    /// What is cached, hashed into the key, so images of different types
    /// made from the same files never meet.
    const KIND: &'static str;

    /// Checks what decoding cannot (references in range, consistent
    /// indexes) and rebuilds what is not stored. `false` rejects the image.
    fn restore(&mut self) -> bool;

    /// A value made from the image of another kind made from the same
    /// files, when there is no image of this kind (a dataset from the
    /// image `rivals check` wrote, which holds it with its warnings).
    fn stand_in(_cache: &Cache, _files: &Files) -> Option<Self> {
        None
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

/// Encodes an image: header, then the postcard payload.
fn encode<T: Serialize>(value: &T, key: Key) -> Option<Vec<u8>> {
    // Images are ~0.6x the YAML: room for that saves copies as it grows.
    let room = (key.input_bytes / 8 * 5).min(1 << 30) as usize;
    let mut out = Vec::with_capacity(HEADER + room);
    out.resize(HEADER, 0);
    let mut out = postcard::to_extend(value, out).ok()?;
    let len = (out.len() - HEADER) as u64;
    let mut hasher = blake3::Hasher::new();
    hasher.update_rayon(&out[HEADER..]);
    let digest = hasher.finalize();
    let header = [
        MAGIC.as_slice(),
        &FORMAT.to_le_bytes(),
        &key.hash,
        &len.to_le_bytes(),
        digest.as_bytes(),
    ]
    .concat();
    out.get_mut(..HEADER)?.copy_from_slice(&header);
    Some(out)
}

/// Decodes and checks an image made for `key`; `None` for anything else.
fn decode<T: Image>(bytes: &[u8], key: Key) -> Option<T> {
    let (header, payload) = bytes.split_at_checked(HEADER)?;
    let (magic, rest) = header.split_at(8);
    let (format, rest) = rest.split_at(4);
    let (stored_key, rest) = rest.split_at(32);
    let (len, digest) = rest.split_at(8);
    let ok = magic == MAGIC
        && format == FORMAT.to_le_bytes()
        && stored_key == key.hash
        && len == (payload.len() as u64).to_le_bytes();
    if !ok {
        return None;
    }
    // The digest is checked on a second core while decoding (which is safe
    // on any bytes) goes on.
    let (intact, value) = std::thread::scope(|s| {
        let digest_ok = s.spawn(|| digest == blake3::hash(payload).as_bytes());
        let value = postcard::from_bytes::<T>(payload).ok();
        (digest_ok.join().unwrap_or(false), value)
    });
    let mut value = value.filter(|_| intact)?;
    value.restore().then_some(value)
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

/// The files of `layers`, in order, as on disk.
fn read_key(layers: &[Layer], max_bytes: u64) -> Option<Files> {
    let mut buf = Vec::new();
    key_with(layers, |path| {
        let Ok(meta) = fs::metadata(path) else {
            return Some(None);
        };
        if !meta.is_file() || meta.len() > max_bytes {
            return None;
        }
        hash_file(path, max_bytes, &mut buf).map(Some)
    })
}

/// The files of `layers`, in order, as a load read them: the same keys as
/// [`read_key`] gave if, and only if, the load read the bytes it hashed.
fn key_of_reads(layers: &[Layer], reads: &[FileRead]) -> Option<Files> {
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

/// The length and BLAKE3 of the file at `path`, read a chunk at a time
/// into `buf` and hashed on every core; `None` if it cannot be read or is
/// longer than `max_bytes`. (Not memory-mapped: a file truncated while
/// mapped would kill the process.)
fn hash_file(path: &Path, max_bytes: u64, buf: &mut Vec<u8>) -> Option<(u64, blake3::Hash)> {
    let mut file = File::open(path).ok()?.take(max_bytes.saturating_add(1));
    let mut hasher = blake3::Hasher::new();
    loop {
        buf.clear();
        let n = (&mut file).take(HASH_CHUNK as u64).read_to_end(buf).ok()?;
        if n == 0 {
            break;
        }
        hasher.update_rayon(buf);
    }
    let len = hasher.count();
    (len <= max_bytes).then(|| (len, hasher.finalize()))
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

impl Image for Loaded {
    const KIND: &'static str = "loaded";

    fn restore(&mut self) -> bool {
        // A dataset with errors is never stored: an image with one is not ours.
        self.warnings.iter().all(Diagnostic::is_warning) && self.dataset.restore()
    }
}

impl Image for Dataset {
    const KIND: &'static str = "dataset";

    fn stand_in(cache: &Cache, files: &Files) -> Option<Self> {
        cache.get::<Loaded>(files.key(Loaded::KIND)).map(|l| l.dataset)
    }

    fn restore(&mut self) -> bool {
        let ok = consistent(self);
        if ok {
            self.index_ids();
        }
        ok
    }
}

/// Whether every reference and index of a decoded dataset is in range, its
/// dates in range and its events in date order: what the program relies on
/// not to panic. (Whether the content is right is the key's and the
/// digest's job.)
fn consistent(ds: &Dataset) -> bool {
    let n = |len: usize| u32::try_from(len).ok();
    let (Some(ns), Some(no), Some(np), Some(ne)) = (
        n(ds.sources.len()),
        n(ds.orgs.len()),
        n(ds.people.len()),
        n(ds.events.len()),
    ) else {
        return false;
    };
    let all_below = |ixs: &[u32], n: u32| ixs.iter().all(|&i| i < n);
    let valid = |d: &Date| {
        (1..=9999).contains(&d.year) && d.month <= 12 && d.day <= 31 && (d.month > 0 || d.day == 0)
    };
    let permutation = |ixs: &[u32], n: u32| {
        let mut seen = vec![false; n as usize];
        ixs.len() == n as usize
            && ixs
                .iter()
                .all(|&i| i < n && !std::mem::replace(&mut seen[i as usize], true))
    };
    let sources_ok = ds.sources.iter().all(|s| s.published.as_ref().is_none_or(valid));
    let orgs_ok = ds.orgs.iter().all(|o| {
        o.parent.is_none_or(|p| p < no) && o.founded.as_ref().is_none_or(valid) && all_below(&o.sources, ns)
    });
    let people_ok = ds.people.iter().all(|p| all_below(&p.sources, ns));
    let events_ok = ds.events.iter().all(|e| {
        let details_ok = e.details.as_ref().is_none_or(|d| {
            d.disputed
                .as_ref()
                .is_none_or(|x| x.alternatives.iter().all(|a| all_below(&a.sources, ns)))
        });
        let groups_ok = e
            .details
            .as_ref()
            .is_none_or(|d| d.origins.iter().all(|o| o.from < no) && d.part_of.is_none_or(|g| g < ne));
        valid(&e.date)
            && groups_ok
            && all_below(&e.people, np)
            && e.all_orgs().all(|o| o < no)
            && all_below(&e.sources, ns)
            && details_ok
    }) && ds.events.windows(2).all(|w| w[0].date <= w[1].date);
    let per_org = |v: &[Vec<u32>], n: u32| v.len() == no as usize && v.iter().all(|x| all_below(x, n));
    let per_person = |v: &[Vec<u32>], n: u32| v.len() == np as usize && v.iter().all(|x| all_below(x, n));
    sources_ok
        && orgs_ok
        && people_ok
        && events_ok
        && per_org(&ds.org_events, ne)
        && per_org(&ds.org_people, np)
        && per_person(&ds.person_events, ne)
        && ds.org_moves.len() == no as usize
        && per_org(&ds.org_children, no)
        && ds.group_members.iter().all(|&(g, m)| g < ne && m < ne)
        && ds.source_support.len() == ns as usize
        && ds
            .source_support
            .iter()
            .all(|s| all_below(&s.people, np) && all_below(&s.orgs, no) && all_below(&s.events, ne))
        && ds.person_last_org.len() == np as usize
        && ds.person_last_org.iter().all(|o| o.is_none_or(|o| o < no))
        && ds.person_left.len() == np as usize
        && permutation(&ds.orgs_by_name, no)
        && permutation(&ds.people_by_name, np)
}

/// Serde for [`Amount`], whose currency is a shared static code: stored as
/// text, restored as one of the static three-letter codes (the loader
/// accepts only ISO 4217 codes).
mod amount {
    use crate::model::{Amount, Period};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;

    /// Every `AAA`..`ZZZ`, so a decoded code is shared, not leaked.
    static CODES: [[u8; 3]; 26 * 26 * 26] = {
        let mut all = [[0u8; 3]; 26 * 26 * 26];
        let mut i = 0;
        while i < all.len() {
            all[i] = [
                b'A' + (i / 676) as u8,
                b'A' + (i / 26 % 26) as u8,
                b'A' + (i % 26) as u8,
            ];
            i += 1;
        }
        all
    };

    /// The static code equal to `text`, if it is three capital letters.
    pub fn intern(text: &str) -> Option<&'static str> {
        let [a, b, c] = <[u8; 3]>::try_from(text.as_bytes()).ok()?;
        if ![a, b, c].iter().all(u8::is_ascii_uppercase) {
            return None;
        }
        let i = usize::from(a - b'A') * 676 + usize::from(b - b'A') * 26 + usize::from(c - b'A');
        std::str::from_utf8(CODES.get(i)?).ok()
    }

    /// How an amount is stored: its equivalent is stored flat, never as an
    /// amount with an equivalent of its own, so no image can nest amounts
    /// deep enough to exhaust the stack while decoding.
    #[derive(Serialize, Deserialize)]
    struct Stored<'a> {
        #[serde(borrow)]
        amount: Flat<'a>,
        #[serde(borrow)]
        equivalent: Option<Flat<'a>>,
    }

    /// An amount without its equivalent.
    #[derive(Serialize, Deserialize)]
    struct Flat<'a> {
        value: f64,
        #[serde(borrow)]
        currency: Cow<'a, str>,
        text: Option<Cow<'a, str>>,
        up_to: bool,
        period: Option<(u32, bool)>,
    }

    impl<'a> Flat<'a> {
        fn of(a: &'a Amount) -> Flat<'a> {
            Flat {
                value: a.value,
                currency: Cow::Borrowed(a.currency),
                text: a.text.as_deref().map(Cow::Borrowed),
                up_to: a.up_to,
                period: a.period.map(|p| (p.n, p.months)),
            }
        }

        fn amount<E: serde::de::Error>(self, equivalent: Option<Box<Amount>>) -> Result<Amount, E> {
            Ok(Amount {
                value: self.value,
                currency: intern(&self.currency).ok_or_else(|| E::custom("not a currency code"))?,
                text: self.text.map(Cow::into_owned),
                equivalent,
                up_to: self.up_to,
                period: self.period.map(|(n, months)| Period { n, months }),
            })
        }
    }

    impl Serialize for Amount {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let equivalent = self.equivalent.as_deref();
            if equivalent.is_some_and(|e| e.equivalent.is_some()) {
                // The loader never makes one; refuse rather than drop it.
                return Err(serde::ser::Error::custom("an equivalent with an equivalent"));
            }
            Stored {
                amount: Flat::of(self),
                equivalent: equivalent.map(Flat::of),
            }
            .serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Amount {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let Stored { amount, equivalent } = Stored::deserialize(d)?;
            let equivalent = equivalent.map(|e| e.amount(None)).transpose()?;
            amount.amount(equivalent.map(Box::new))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use crate::synth::{Spec, generate};

    fn dataset() -> Dataset {
        let [s, o, p, e] = generate(Spec::scaled(300));
        let files = crate::model::Files {
            sources: &s,
            organizations: &o,
            people: &p,
            events: &e,
        };
        crate::model::load("t", &files, "").unwrap()
    }

    fn key(n: u8) -> Key {
        Key {
            hash: [n; 32],
            input_bytes: 1 << 20,
        }
    }

    fn same(a: &Dataset, b: &Dataset) -> bool {
        a.name == b.name
            && a.sources == b.sources
            && a.orgs == b.orgs
            && a.people == b.people
            && a.events == b.events
            && a.org_events == b.org_events
            && a.person_events == b.person_events
            && a.org_people == b.org_people
            && a.org_moves == b.org_moves
            && a.person_last_org == b.person_last_org
            && a.person_left == b.person_left
            && a.orgs_by_name == b.orgs_by_name
            && a.people_by_name == b.people_by_name
    }

    #[test]
    fn an_image_round_trips_and_rebuilds_the_id_table() {
        let ds = dataset();
        let back: Dataset = decode(&encode(&ds, key(1)).unwrap(), key(1)).unwrap();
        assert!(same(&ds, &back));
        let id = &ds.events[7].id;
        assert_eq!(back.lookup(id), Some(Record::Event(7)));
        assert!(ds.events.iter().any(|e| e.amount().is_some()));
    }

    #[test]
    fn other_keys_formats_and_damaged_images_are_refused() {
        let ds = dataset();
        let image = encode(&ds, key(1)).unwrap();
        assert!(decode::<Dataset>(&image, key(2)).is_none());
        let mut format = image.clone();
        format[8] ^= 1;
        assert!(decode::<Dataset>(&format, key(1)).is_none());
        for cut in [0, 10, HEADER, image.len() / 2, image.len() - 1] {
            assert!(decode::<Dataset>(&image[..cut], key(1)).is_none(), "cut at {cut}");
        }
        let mut flipped = image.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(decode::<Dataset>(&flipped, key(1)).is_none());
    }

    /// An image whose digest is right but whose model is not (as a hostile
    /// writer could make) is refused by the consistency check.
    #[test]
    fn a_well_formed_but_inconsistent_model_is_refused() {
        let bad: [fn(&mut Dataset); 6] = [
            |d| d.events[0].people.push(u32::MAX),
            |d| d.events[3].date.month = 13,
            |d| d.orgs[0].parent = Some(d.orgs.len() as u32),
            |d| d.people_by_name[0] = d.people_by_name[1],
            |d| d.org_events.pop().map(drop).unwrap_or(()),
            |d| d.events.reverse(),
        ];
        for (i, spoil) in bad.iter().enumerate() {
            let mut ds = dataset();
            spoil(&mut ds);
            assert!(
                decode::<Dataset>(&encode(&ds, key(1)).unwrap(), key(1)).is_none(),
                "case {i}"
            );
        }
    }

    #[test]
    fn a_file_that_changed_while_loading_gets_no_image_even_if_changed_back() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("data");
        crate::synth::write(Spec::scaled(300), &dir).unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        let layers = [Layer::Folder(dir.clone())];
        let people = dir.join("people.yaml");
        let original = fs::read(&people).unwrap();
        let time = fs::metadata(&people).unwrap().modified().unwrap();
        // Writes `bytes` in place and puts the modification time back.
        let rewrite = |bytes: &[u8]| {
            fs::write(&people, bytes).unwrap();
            File::options()
                .append(true)
                .open(&people)
                .unwrap()
                .set_modified(time)
                .unwrap();
        };
        let mut other = original.clone();
        let at = other.windows(6).position(|w| w == b"name: ").unwrap() + 6;
        other[at] = if other[at] == b'Q' { b'X' } else { b'Q' };
        let load = |changed_back: bool| {
            load_layers(Some(&cache), &layers, 1 << 30, |reads| {
                // Another program rewrites a file after it was hashed (same
                // length and time, other bytes), and maybe back again
                // before anything could hash it a second time.
                rewrite(&other);
                let loaded = crate::model::load_layers_read(&layers, 1 << 30, false, reads);
                if changed_back {
                    rewrite(&original);
                }
                loaded.map(|l| l.dataset)
            })
            .unwrap_or_else(|e| panic!("{e:?}"))
        };
        for changed_back in [false, true] {
            rewrite(&original);
            let (_, pending) = load(changed_back);
            assert!(pending.is_none(), "changed back: {changed_back}");
        }

        // Unchanged files are stored.
        rewrite(&original);
        let (ds, pending) = load_layers(Some(&cache), &layers, 1 << 30, |reads| {
            crate::model::load_layers_read(&layers, 1 << 30, false, reads).map(|l| l.dataset)
        })
        .unwrap_or_else(|e| panic!("{e:?}"));
        pending.unwrap().store(&ds);
        assert_eq!(fs::read_dir(tmp.path().join("cache")).unwrap().count(), 1);
    }

    #[test]
    fn a_checked_image_holding_an_error_is_refused() {
        let warning = Diagnostic::file("events.yaml", "a warning".into());
        let mut loaded = Loaded {
            dataset: dataset(),
            warnings: vec![Diagnostic {
                severity: crate::model::Severity::Warning,
                ..warning.clone()
            }],
        };
        assert!(loaded.restore());
        loaded.warnings[0].severity = crate::model::Severity::Error;
        assert!(!loaded.restore());
    }

    #[test]
    fn currency_codes_are_interned_statically() {
        assert_eq!(amount::intern("USD"), Some("USD"));
        assert_eq!(amount::intern("ZZZ"), Some("ZZZ"));
        for bad in ["usd", "US", "USDD", "U$D", "ÄBC", ""] {
            assert_eq!(amount::intern(bad), None, "{bad}");
        }
    }

    #[test]
    fn an_oversized_image_or_a_folder_is_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let k = key(1);
        cache.put(k, &dataset());
        let image = fs::read(cache.path(k)).unwrap();
        let mut big = image.clone();
        big.resize(k.max_image_bytes() as usize + 1, 0);
        fs::write(cache.path(k), &big).unwrap();
        assert!(cache.get::<Dataset>(k).is_none());
        assert!(!cache.path(k).exists(), "an oversized image is removed");
        fs::create_dir(cache.path(k)).unwrap();
        assert!(cache.get::<Dataset>(k).is_none());
        fs::remove_dir(cache.path(k)).unwrap();
        fs::write(cache.path(k), &image).unwrap();
        assert!(cache.get::<Dataset>(k).is_some());
    }

    #[test]
    fn the_cache_keeps_a_bounded_number_of_images() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path().join("c"));
        let ds = dataset();
        for n in 0..MAX_IMAGES as u8 + 3 {
            cache.put(key(n), &ds);
            // Distinct modification times, oldest first.
            let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000 + u64::from(n));
            File::options()
                .append(true)
                .open(cache.path(key(n)))
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
        let kept = fs::read_dir(dir.path().join("c")).unwrap().count();
        assert_eq!(kept, MAX_IMAGES);
        assert!(cache.get::<Dataset>(key(0)).is_none());
        assert!(cache.get::<Dataset>(key(MAX_IMAGES as u8 + 2)).is_some());
    }
}

#[cfg(test)]
mod amount_tests {
    use crate::model::Amount;

    fn usd(value: f64, equivalent: Option<Amount>) -> Amount {
        Amount {
            value,
            currency: "USD",
            text: Some("about".into()),
            equivalent: equivalent.map(Box::new),
            up_to: true,
            period: None,
        }
    }

    #[test]
    fn an_amount_and_its_equivalent_round_trip_flat() {
        let a = usd(1e9, Some(usd(2e9, None)));
        let bytes = postcard::to_stdvec(&a).unwrap();
        assert_eq!(postcard::from_bytes::<Amount>(&bytes).unwrap(), a);
    }

    #[test]
    fn an_equivalent_of_an_equivalent_is_refused_not_dropped() {
        let nested = usd(1.0, Some(usd(2.0, Some(usd(3.0, None)))));
        assert!(postcard::to_stdvec(&nested).is_err());
    }

    #[test]
    fn a_bad_currency_code_in_an_image_is_a_decoding_error() {
        let mut bytes = postcard::to_stdvec(&usd(1.0, None)).unwrap();
        let at = bytes.windows(3).position(|w| w == b"USD").unwrap();
        bytes[at..at + 3].copy_from_slice(b"usd");
        assert!(postcard::from_bytes::<Amount>(&bytes).is_err());
    }
}
