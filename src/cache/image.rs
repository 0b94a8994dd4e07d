//! An image: its header (magic, format, key, payload length, payload
//! digest), its postcard payload, and the checks a decoded model passes
//! before it is used.

use super::{Cache, FORMAT, Files, Key};
use crate::model::{Dataset, Date, Diagnostic, Loaded};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// First bytes of every image.
const MAGIC: &[u8; 8] = b"RIVALSIM";

/// Header: magic, format, key, payload length, payload digest.
pub(super) const HEADER: usize = 8 + 4 + 32 + 8 + 32;

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

/// Encodes an image: header, then the postcard payload.
pub(super) fn encode<T: Serialize>(value: &T, key: Key) -> Option<Vec<u8>> {
    // Images are ~0.6x the YAML: room for that saves copies as it grows.
    let room = (key.input_bytes / 8 * 5).min(1 << 30) as usize;
    let mut out = Vec::with_capacity(HEADER + room);
    out.resize(HEADER, 0);
    let mut out = postcard::to_extend(value, out).ok()?;
    let len = (out.len() - HEADER) as u64;
    let digest = blake3::hash(&out[HEADER..]);
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
pub(super) fn decode<T: Image>(bytes: &[u8], key: Key) -> Option<T> {
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
        && ds.org_own_moves.len() == no as usize
        && ds.group_ranges.iter().all(|&(e, _)| e < ne)
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
