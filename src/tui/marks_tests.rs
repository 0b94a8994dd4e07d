//! The marks file's rules: where it is, what a load reads and what a save
//! keeps.

use super::marks::{MAX_BYTES, Mark, Marks, Store};
use crate::model::Layer;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn mark(pane: &str) -> Mark {
    Mark {
        pane: pane.into(),
        org: Some("beta".into()),
        from: Some("2025-07".into()),
        to: Some("2025-07".into()),
        selected: [Some("beta".into()), None, Some("e1".into())],
        ..Mark::default()
    }
}

fn marks(letters: &[(char, &str)]) -> Marks {
    Marks {
        marks: letters.iter().map(|&(c, pane)| (c, mark(pane))).collect(),
    }
}

fn embedded(dir: &Path) -> Store {
    Store::in_dir(dir, &[Layer::Embedded], "embedded")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn on_disk(store: &Store) -> Marks {
    serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap()
}

#[test]
fn marks_round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("rivals");
    let mut store = embedded(&state);
    assert_eq!(store.path(), state.join("marks-embedded.json"));
    assert_eq!(store.load(), (Marks::default(), None), "no file yet: no marks");
    let mut set = marks(&[('a', "timeline"), ('Z', "people")]);
    let saved = store.save(&set).unwrap();
    assert_eq!((saved.marks, saved.note), (set.clone(), None));
    assert_eq!(embedded(&state).load(), (set.clone(), None));
    assert_eq!(
        names(&state),
        ["marks-embedded.json", "marks-embedded.json.lock"],
        "no temporary file left"
    );
    set.marks.insert('a', mark("companies"));
    store.save(&set).unwrap();
    assert_eq!(
        embedded(&state).load().0,
        set,
        "a mark set again replaces the old one"
    );
}

#[test]
fn the_file_is_keyed_by_the_folders_real_location() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one/data"), dir.path().join("two/data"));
    fs::create_dir_all(&one).unwrap();
    fs::create_dir_all(&two).unwrap();
    let state = dir.path().join("state");
    let at = |layers: &[Layer], name: &str| Store::in_dir(&state, layers, name).path().to_path_buf();
    let first = at(&[Layer::Folder(one.clone())], "data");
    let second = at(&[Layer::Folder(two.clone())], "data");
    assert_ne!(first, second, "two folders called data keep apart");
    let name = first.file_name().unwrap().to_str().unwrap();
    assert!(
        name.starts_with("marks-data-")
            && name.ends_with(".json")
            && name.len() == "marks-data-.json".len() + 12,
        "{name}"
    );
    // The same folder by another way in is the same dataset.
    let roundabout = dir.path().join("two/../one/./data");
    assert_eq!(at(&[Layer::Folder(roundabout)], "data"), first);
    #[cfg(unix)]
    {
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&one, &link).unwrap();
        assert_eq!(
            at(&[Layer::Folder(link)], "link"),
            state.join(name.replace("data-", "link-"))
        );
    }
    // Layers: their order and the embedded layer count.
    let both = at(
        &[Layer::Folder(one.clone()), Layer::Folder(two.clone())],
        "data + data",
    );
    assert_ne!(
        both,
        at(&[Layer::Folder(two), Layer::Folder(one.clone())], "data + data")
    );
    assert_ne!(both, at(&[Layer::Embedded, Layer::Folder(one)], "data + data"));
    assert!(
        both.file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("marks-data___data-")
    );
    assert_eq!(at(&[], "embedded"), state.join("marks-embedded.json"));
    let long = at(&[Layer::Folder(dir.path().into())], &"x".repeat(300));
    assert!(long.file_name().unwrap().len() < 80, "{long:?}");
}

#[test]
fn the_previous_versions_file_is_read_until_the_new_one_exists() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir(&data).unwrap();
    let legacy = dir.path().join("marks-data.json");
    let old = marks(&[('a', "people")]);
    fs::write(&legacy, serde_json::to_vec(&old).unwrap()).unwrap();
    let mut store = Store::in_dir(dir.path(), &[Layer::Folder(data.clone())], "data");
    assert_ne!(store.path(), legacy);
    assert_eq!(store.load(), (old.clone(), None));
    let mut set = old.clone();
    set.marks.insert('b', mark("timeline"));
    store.save(&set).unwrap();
    assert_eq!(on_disk(&store), set, "the old marks move to the new file");
    assert_eq!(
        fs::read(&legacy).unwrap(),
        serde_json::to_vec(&old).unwrap(),
        "untouched"
    );
    // From now on the new file is read.
    fs::write(&legacy, "{}").unwrap();
    let mut again = Store::in_dir(dir.path(), &[Layer::Folder(data)], "data");
    assert_eq!(again.load().0, set);
}

#[test]
fn marks_not_in_memory_stay_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = embedded(dir.path());
    store.save(&marks(&[('a', "people"), ('b', "timeline")])).unwrap();
    // An explorer that kept only 'a' (say 'b' names a record it does not
    // have) sets 'c': 'b' stays.
    let mut other = embedded(dir.path());
    let (loaded, _) = other.load();
    assert_eq!(loaded.marks.len(), 2);
    let saved = other
        .save(&marks(&[('a', "people"), ('c', "companies")]))
        .unwrap();
    assert_eq!(
        saved.marks,
        marks(&[('a', "people"), ('b', "timeline"), ('c', "companies")])
    );
    assert_eq!(on_disk(&store), saved.marks);
}

#[test]
fn two_stores_saving_different_marks_both_keep_theirs() {
    let dir = tempfile::tempdir().unwrap();
    let (mut one, mut two) = (embedded(dir.path()), embedded(dir.path()));
    one.save(&marks(&[('x', "people")])).unwrap();
    two.save(&marks(&[('a', "people")])).unwrap();
    assert_eq!(on_disk(&one), marks(&[('a', "people"), ('x', "people")]));
    // Both have the same marks; `two` sets 'a' again while `one` still
    // has the old 'a' in memory and sets 'b': `two`'s 'a' stays.
    assert_eq!(one.load().0, on_disk(&two));
    two.save(&marks(&[('a', "timeline")])).unwrap();
    let saved = one
        .save(&marks(&[('a', "people"), ('b', "companies"), ('x', "people")]))
        .unwrap();
    assert_eq!(
        saved.marks,
        marks(&[('a', "timeline"), ('b', "companies"), ('x', "people")]),
        "only what `one` changed is written"
    );
    // Many saves at once, from threads: every mark arrives.
    let letters: Vec<char> = ('c'..='w').collect();
    std::thread::scope(|s| {
        for &c in &letters {
            let path = dir.path().to_path_buf();
            s.spawn(move || embedded(&path).save(&marks(&[(c, "people")])).unwrap());
        }
    });
    let all = on_disk(&one);
    assert!(
        letters.iter().all(|c| all.marks.contains_key(c)),
        "{:?}",
        all.marks.keys()
    );
    assert_eq!(all.marks.len(), letters.len() + 3);
}

#[test]
fn a_corrupt_file_is_moved_aside_before_a_new_one_is_written() {
    for bad in [
        "{not json",
        "",
        "{\"marks\": {\"ab\": {\"pane\": \"x\"}}}",
        "[1, 2]",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut store = embedded(dir.path());
        fs::write(store.path(), bad).unwrap();
        let (loaded, note) = store.load();
        assert_eq!(loaded, Marks::default(), "{bad}");
        let note = note.unwrap_or_default();
        assert!(
            note.contains("corrupt, ignored") && note.contains("moved aside"),
            "{bad}: {note}"
        );
        let saved = store.save(&marks(&[('a', "people")])).unwrap();
        let note = saved.note.unwrap_or_default();
        assert!(note.contains("moved aside to"), "{note}");
        let aside: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".json.corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{bad}");
        assert!(note.contains(&*aside[0].to_string_lossy()), "{note}");
        assert_eq!(fs::read(&aside[0]).unwrap(), bad.as_bytes(), "the bytes are kept");
        assert_eq!(on_disk(&store), marks(&[('a', "people")]));
    }
}

#[test]
fn a_big_file_is_not_read_and_is_moved_aside_at_the_next_save() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = embedded(dir.path());
    // Sparse: 400 MB on paper, nothing on disk.
    let file = fs::File::create(store.path()).unwrap();
    file.set_len(400 << 20).unwrap();
    let (loaded, note) = store.load();
    assert_eq!(loaded, Marks::default());
    assert!(note.is_some_and(|n| n.contains("more than a marks file holds")));
    let saved = store.save(&marks(&[('a', "people")])).unwrap();
    assert!(saved.note.is_some_and(|n| n.contains("moved aside")));
    let big = names(dir.path())
        .into_iter()
        .find(|n| n.contains(".corrupt-"))
        .unwrap();
    assert_eq!(fs::metadata(dir.path().join(big)).unwrap().len(), 400 << 20);
    assert!(fs::metadata(store.path()).unwrap().len() < MAX_BYTES);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking_and_left_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let mut store = embedded(dir.path());
    let c = std::ffi::CString::new(store.path().to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let (loaded, note) = store.load();
    assert_eq!(loaded, Marks::default());
    let note = note.unwrap_or_default();
    assert!(
        note.contains("unreadable, ignored") && note.contains("FIFO"),
        "{note}"
    );
    let err = store.save(&marks(&[('a', "people")])).unwrap_err();
    assert!(err.to_string().contains("FIFO"), "{err}");
    assert!(fs::symlink_metadata(store.path()).unwrap().file_type().is_fifo());
    // A folder in its place is left alone too.
    let dir2 = tempfile::tempdir().unwrap();
    let mut store = embedded(dir2.path());
    fs::create_dir(store.path()).unwrap();
    assert!(store.load().1.is_some_and(|n| n.contains("folder")));
    assert!(store.save(&Marks::default()).is_err());
    assert!(store.path().is_dir());
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles/marks.json");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, serde_json::to_vec(&marks(&[('a', "people")])).unwrap()).unwrap();
    let state = dir.path().join("state");
    fs::create_dir(&state).unwrap();
    let mut store = embedded(&state);
    std::os::unix::fs::symlink(&real, store.path()).unwrap();
    assert_eq!(store.load().0, marks(&[('a', "people")]));
    store.save(&marks(&[('a', "people"), ('b', "people")])).unwrap();
    assert!(
        fs::symlink_metadata(store.path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let through: Marks = serde_json::from_slice(&fs::read(&real).unwrap()).unwrap();
    assert_eq!(through, marks(&[('a', "people"), ('b', "people")]));
    // A corrupt target is moved aside beside the target; the link stays.
    fs::write(&real, "garbage").unwrap();
    let saved = store.save(&marks(&[('c', "people")])).unwrap();
    assert!(saved.note.is_some());
    assert!(
        fs::symlink_metadata(store.path())
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        names(real.parent().unwrap())
            .iter()
            .any(|n| n.starts_with("marks.json.corrupt-"))
    );
}

#[cfg(unix)]
#[test]
fn a_lock_held_elsewhere_fails_the_save_instead_of_hanging() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().unwrap();
    let mut store = embedded(dir.path());
    store.lock_wait = Duration::from_millis(100);
    let holder = fs::File::create(dir.path().join("marks-embedded.json.lock")).unwrap();
    assert_eq!(unsafe { libc::flock(holder.as_raw_fd(), libc::LOCK_EX) }, 0);
    let err = store.save(&marks(&[('a', "people")])).unwrap_err();
    assert!(err.to_string().contains("holds the lock"), "{err}");
    assert!(!store.path().exists(), "nothing written without the lock");
    drop(holder);
    store.save(&marks(&[('a', "people")])).unwrap();
    assert_eq!(on_disk(&store), marks(&[('a', "people")]));
}

#[test]
fn an_unwritable_place_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    fs::write(&file, "x").unwrap();
    let mut store = embedded(&file.join("sub"));
    assert!(store.save(&Marks::default()).is_err());
    let (marks, note) = embedded(&file).load();
    assert_eq!(marks, Marks::default());
    assert!(note.is_some_and(|n| n.contains("unreadable, ignored")), "");
}

#[test]
fn the_state_dir_follows_xdg_state_home() {
    // Only reads the environment the test was started with.
    if let Some(state) = std::env::var_os("XDG_STATE_HOME").filter(|s| Path::new(s).is_absolute()) {
        let store = Store::for_layers(&[], "embedded").unwrap();
        assert_eq!(store.path(), Path::new(&state).join("rivals/marks-embedded.json"));
    } else if let Ok(store) = Store::for_layers(&[], "embedded") {
        assert!(store.path().ends_with("rivals/marks-embedded.json"));
    }
}
