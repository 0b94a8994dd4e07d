use super::image::HEADER;
use super::*;
use crate::model::{Dataset, Diagnostic, Layer, Loaded, Record};
use crate::synth::{Spec, generate};
use std::fs::{self, File};
use std::time::{Duration, SystemTime};

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
        && a.org_own_moves == b.org_own_moves
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
        |d| d.events[0].people = [&d.events[0].people[..], &[u32::MAX]].concat().into(),
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

/// Pruning removes only what the cache wrote: the user's files in the
/// cache folder (or in the folder a symlinked cache folder points to)
/// survive, however old and whatever they end with.
#[test]
fn pruning_never_removes_a_file_the_cache_did_not_write() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    fs::create_dir(&real).unwrap();
    let foreign = [
        "notes.img",
        "x.tmp",
        "my.backup.tmp",
        // An image name of the wrong length, and one in upper case.
        &format!("{}.img", "a".repeat(62)),
        &format!("{}.img", "A".repeat(64)),
    ];
    let long_ago = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
    for name in foreign {
        let path = real.join(name);
        fs::write(&path, "mine").unwrap();
        File::options()
            .append(true)
            .open(&path)
            .unwrap()
            .set_modified(long_ago)
            .unwrap();
    }
    // A temporary file of the cache's own, left by a killed process.
    let stale = crate::files::temp_name(&real);
    fs::write(&stale, "half an image").unwrap();
    File::options()
        .append(true)
        .open(&stale)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let dir = if cfg!(unix) {
        let link = tmp.path().join("link");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&real, &link).unwrap();
        link
    } else {
        real.clone()
    };
    let cache = Cache::at(&dir);
    let ds = dataset();
    for n in 0..MAX_IMAGES as u8 + 3 {
        cache.put(key(n), &ds);
    }
    for name in foreign {
        assert_eq!(fs::read(real.join(name)).unwrap(), b"mine", "{name}");
    }
    assert!(!stale.exists(), "a stale temporary of the cache's is removed");
    let images = fs::read_dir(&real)
        .unwrap()
        .filter(|e| is_image_name(e.as_ref().unwrap().file_name().to_str().unwrap()))
        .count();
    assert_eq!(images, MAX_IMAGES);
}

/// A symlink planted under an image's name is replaced by the image, not
/// written through to the file it points to.
#[cfg(unix)]
#[test]
fn an_image_is_never_written_through_a_symlink() {
    let tmp = tempfile::tempdir().unwrap();
    let precious = tmp.path().join("precious");
    fs::write(&precious, "keep me").unwrap();
    let cache = Cache::at(tmp.path().join("c"));
    fs::create_dir(tmp.path().join("c")).unwrap();
    std::os::unix::fs::symlink(&precious, cache.path(key(1))).unwrap();
    cache.put(key(1), &dataset());
    let kept = fs::read(&precious).unwrap() == b"keep me";
    assert!(kept, "the symlink's target was overwritten");
    assert!(cache.get::<Dataset>(key(1)).is_some());
}

#[test]
fn image_names_are_a_keys_lower_case_hex() {
    let cache = Cache::at("/c");
    let name = cache.path(key(0xab));
    assert!(is_image_name(name.file_name().unwrap().to_str().unwrap()));
    for other in [
        "notes.img",
        "ab.img",
        &"a".repeat(64),
        &format!("{}.img", "g".repeat(64)),
    ] {
        assert!(!is_image_name(other), "{other}");
    }
}
