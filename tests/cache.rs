//! The dataset cache, through the real binary with `XDG_CACHE_HOME` in a
//! temporary folder.
#![allow(clippy::unwrap_used)]

use crate::common;

use common::pty::{Pty, assert_restored};
use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// A dataset folder and a cache home, both temporary.
struct Setup {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    home: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let tmp = tempfile::tempdir().unwrap();
        let data = tmp.path().join("data");
        write_dataset(&data, SOURCES, ORGS, PEOPLE, EVENTS);
        let home = tmp.path().join("cache-home");
        Setup {
            _tmp: tmp,
            data,
            home,
        }
    }

    /// `rivals --data DATA ARGS` with this cache home.
    fn rivals(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(common::BIN);
        cmd.env_remove("RIVALS_DATA")
            .env_remove("RIVALS_NO_CACHE")
            .env("XDG_CACHE_HOME", &self.home)
            .arg("--data")
            .arg(&self.data)
            .args(args);
        cmd
    }

    /// The output of a successful run.
    fn out(&self, args: &[&str]) -> String {
        let out = self.rivals(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    fn dir(&self) -> PathBuf {
        self.home.join("rivals")
    }

    /// The images in the cache, in name order.
    fn images(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(self.dir()) else {
            return Vec::new();
        };
        let mut all: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        all.sort();
        assert!(all.iter().all(|p| p.extension().unwrap() == "img"), "{all:?}");
        all
    }

    /// The one image in the cache.
    fn image(&self) -> PathBuf {
        let images = self.images();
        assert_eq!(images.len(), 1, "{images:?}");
        images[0].clone()
    }
}

const EXPORT: &[&str] = &["export", "--format", "json"];

/// Sets a file's modification time a day back.
fn age(path: &Path) -> SystemTime {
    let old = SystemTime::now() - Duration::from_secs(86_400);
    fs::File::options()
        .append(true)
        .open(path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    old
}

fn modified(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn a_hit_prints_what_a_normal_load_prints() {
    let s = Setup::new();
    let plain = s.out(&["--no-cache", "export", "--format", "json"]);
    assert!(s.images().is_empty(), "--no-cache wrote an image");
    assert_eq!(s.out(EXPORT), plain, "first (cold) run");
    let image = s.image();
    let old = age(&image);
    let commands: [&[&str]; 5] = [
        EXPORT,
        &["check"],
        &["timeline"],
        &["show", "sam-altman"],
        &["search", "altmn"],
    ];
    for args in commands {
        let mut cold = args.to_vec();
        cold.insert(0, "--no-cache");
        assert_eq!(s.out(args), s.out(&cold), "{args:?}");
    }
    // The image was read and accepted: a hit marks it recently used.
    assert!(modified(&image) > old);
    // `check` keeps its own image (the dataset with its warnings).
    assert_eq!(s.images().len(), 2);
    assert!(s.images().contains(&image));
}

#[test]
fn editing_one_byte_of_one_file_is_a_miss() {
    let s = Setup::new();
    s.out(&["timeline"]);
    let first = s.image();
    let events = s.data.join("events.yaml");
    let text = fs::read_to_string(&events).unwrap();
    fs::write(
        &events,
        text.replacen("Last day of 2023.", "Last day of 2024.", 1),
    )
    .unwrap();
    let out = s.out(&["timeline"]);
    assert!(out.contains("Last day of 2024."), "{out}");
    assert!(!out.contains("Last day of 2023."), "{out}");
    let images = s.images();
    assert_eq!(images.len(), 2, "a new image for the new bytes");
    assert!(images.contains(&first));
    // And the old bytes hit the old image again.
    fs::write(&events, text).unwrap();
    let old = age(&first);
    assert!(s.out(&["timeline"]).contains("Last day of 2023."));
    assert!(modified(&first) > old);
}

#[test]
fn a_damaged_or_misplaced_image_is_ignored_and_rewritten() {
    let s = Setup::new();
    let plain = s.out(&["--no-cache", "export", "--format", "json"]);
    s.out(EXPORT);
    let image = s.image();
    let good = fs::read(&image).unwrap();

    // A valid image of another dataset, under this dataset's key.
    let other = Setup::new();
    let events = other.data.join("events.yaml");
    fs::write(&events, EVENTS.replace("Last day of 2023.", "Another dataset.")).unwrap();
    other.out(&["check"]);
    let foreign = fs::read(other.image()).unwrap();
    assert_ne!(foreign, good);

    let mut noise = vec![0u8; good.len()];
    let mut x: u32 = 0x9e37_79b9;
    for b in &mut noise {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    // One bit of a summary's text: still a well-formed model.
    let mut flipped = good.clone();
    let at = good.windows(15).position(|w| w == b"Social networks").unwrap();
    flipped[at] ^= 0x20;
    let damaged: [(&str, Vec<u8>); 6] = [
        ("empty", Vec::new()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("one byte short", good[..good.len() - 1].to_vec()),
        ("random bytes", noise),
        ("one bit flipped", flipped),
        ("another dataset's image", foreign),
    ];
    for (what, bytes) in damaged {
        fs::write(&image, &bytes).unwrap();
        assert_eq!(s.out(EXPORT), plain, "{what}");
        assert_eq!(fs::read(&image).unwrap(), good, "{what}: not rewritten");
    }
}

#[test]
fn an_unwritable_cache_folder_means_no_cache() {
    // The cache folder's place is taken by a file: nothing can be created.
    let s = Setup::new();
    let plain = s.out(&["--no-cache", "export", "--format", "json"]);
    fs::create_dir_all(&s.home).unwrap();
    fs::write(s.dir(), "not a folder").unwrap();
    assert_eq!(s.out(EXPORT), plain);
    assert_eq!(s.out(EXPORT), plain);
    assert_eq!(fs::read_to_string(s.dir()).unwrap(), "not a folder");

    // A read-only cache folder (root can write to it anyway).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let s = Setup::new();
        fs::create_dir_all(s.dir()).unwrap();
        fs::set_permissions(s.dir(), fs::Permissions::from_mode(0o555)).unwrap();
        let root = fs::write(s.dir().join("probe"), "").is_ok();
        let _ = fs::remove_file(s.dir().join("probe"));
        assert_eq!(s.out(EXPORT), plain);
        assert_eq!(s.out(EXPORT), plain);
        if !root {
            assert!(s.images().is_empty());
        }
        fs::set_permissions(s.dir(), fs::Permissions::from_mode(0o755)).unwrap();
    }
}

#[test]
fn no_cache_flag_and_variable_turn_it_off() {
    let s = Setup::new();
    s.out(&["--no-cache", "check"]);
    for on in ["1", "true", "yes"] {
        let out = s.rivals(&["check"]).env("RIVALS_NO_CACHE", on).output().unwrap();
        assert!(out.status.success());
    }
    assert!(!s.dir().exists(), "the cache was written");
    // Empty, 0, false, no: the cache stays on.
    for off in ["", "0", "false", "no"] {
        let out = s.rivals(&["check"]).env("RIVALS_NO_CACHE", off).output().unwrap();
        assert!(out.status.success());
        s.image();
        fs::remove_dir_all(s.dir()).unwrap();
    }
    s.out(&["check"]);
    s.image();
    // With the cache off, even a damaged image is not touched.
    fs::write(s.image(), "junk").unwrap();
    s.out(&["--no-cache", "check"]);
    assert_eq!(fs::read(s.image()).unwrap(), b"junk");
}

#[test]
fn the_embedded_dataset_is_not_cached() {
    let s = Setup::new();
    let out = Command::new(common::BIN)
        .env_remove("RIVALS_DATA")
        .env("XDG_CACHE_HOME", &s.home)
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!s.home.exists());
}

#[test]
fn a_bad_dataset_is_reported_as_without_the_cache_and_not_cached() {
    let s = Setup::new();
    fs::write(s.data.join("people.yaml"), "- id: x\n  nme: X\n").unwrap();
    let cached = s.rivals(&["check"]).output().unwrap();
    let plain = s.rivals(&["--no-cache", "check"]).output().unwrap();
    assert_eq!(cached.status.code(), Some(1));
    assert_eq!(cached.stderr, plain.stderr);
    assert!(s.images().is_empty());
}

#[test]
fn layers_are_cached_by_every_layers_bytes_and_check_keeps_its_warnings() {
    let s = Setup::new();
    // A layer over the embedded dataset, with only events: one about
    // `sam-altman` and `openai` from the layer below.
    let layer = s.data.parent().unwrap().join("mine");
    fs::create_dir_all(&layer).unwrap();
    let events = "- id: my-event\n  date: 2026-01\n  kind: statement\n  people: [sam-altman]\n  \
                  orgs: [openai]\n  summary: Mine.\n  sources: [someone-broke-in]\n";
    fs::write(layer.join("events.yaml"), events).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(common::BIN)
            .env_remove("RIVALS_DATA")
            .env_remove("RIVALS_NO_CACHE")
            .env("XDG_CACHE_HOME", &s.home)
            .args(["--data", "embedded", "--data"])
            .arg(&layer)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let cold = run(&["timeline", "--person", "sam-altman"]);
    assert!(cold.0.contains("Mine."), "{}", cold.0);
    assert_eq!(s.images().len(), 1, "the merged dataset is cached");
    assert_eq!(run(&["timeline", "--person", "sam-altman"]), cold, "a hit");
    assert_eq!(s.images().len(), 1, "a hit writes nothing new");
    // `check` caches the dataset with its warnings (the event is dated
    // after the source it cites), and prints them on a hit too.
    let (out, err) = run(&["check"]);
    assert!(out.starts_with("ok: "), "{out}");
    assert!(err.contains("warning: "), "{err}");
    assert_eq!(s.images().len(), 2, "check's image is its own");
    assert_eq!(run(&["check"]), (out, err), "check from the image");
    // One byte more in the layer: a miss, and a new image.
    fs::write(layer.join("events.yaml"), events.replace("Mine.", "Mine!")).unwrap();
    let edited = run(&["timeline", "--person", "sam-altman"]);
    assert!(edited.0.contains("Mine!"), "{}", edited.0);
    assert_eq!(s.images().len(), 3);
}

#[test]
fn the_explorer_writes_the_image_after_its_first_frame_and_starts_from_it() {
    let s = Setup::new();
    let home = s.home.to_str().unwrap();
    let data = s.data.to_str().unwrap();
    let env = [("XDG_CACHE_HOME", home), ("RIVALS_NO_CACHE", "")];
    let mut pty = Pty::spawn(&["--data", data], 100, 30, &env);
    pty.wait_text("3 Timeline");
    pty.send("q");
    assert!(pty.wait_exit(), "the explorer quits");
    // Written by the time the process has ended (waited for after the
    // terminal is restored).
    let image = s.image();
    let written = modified(&image);
    assert_restored(&pty);

    // A second start reads it: same screen, and the image is not rewritten
    // (only its time is touched, to mark it recently used).
    let bytes = fs::read(&image).unwrap();
    let mut again = Pty::spawn(&["--data", data], 100, 30, &env);
    again.wait_text("3 Timeline");
    again.wait_text("Sam Altman");
    again.send("q");
    assert!(again.wait_exit());
    assert_eq!(fs::read(&image).unwrap(), bytes);
    assert!(modified(&image) >= written);
    assert_eq!(s.images().len(), 1);
}

#[test]
fn an_image_over_the_file_size_limit_is_just_not_written() {
    let s = Setup::new();
    let plain = s.out(&["--no-cache", "show", "sam-altman"]);
    // `ulimit -f 0`: no file may grow. Without handling SIGXFSZ the
    // write of the image killed the process before it printed anything.
    let script = format!(
        "ulimit -f 0 && exec '{}' --data '{}' show sam-altman",
        common::BIN,
        s.data.display()
    );
    let out = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("XDG_CACHE_HOME", &s.home)
        .env_remove("RIVALS_NO_CACHE")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap(), plain);
    assert!(s.images().is_empty(), "no image, and no temporary file left");
}

#[test]
fn a_relative_home_means_no_cache_not_one_in_the_current_folder() {
    let s = Setup::new();
    let work = tempfile::tempdir().unwrap();
    let plain = s.out(&["--no-cache", "export", "--format", "json"]);
    let out = s
        .rivals(EXPORT)
        .env_remove("XDG_CACHE_HOME")
        .env("HOME", "relative-home")
        .current_dir(work.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), plain);
    assert_eq!(
        fs::read_dir(work.path()).unwrap().count(),
        0,
        "nothing written here"
    );
}

#[test]
fn after_check_the_other_commands_start_from_checks_image() {
    let s = Setup::new();
    let plain = s.out(&["--no-cache", "export", "--format", "json"]);
    s.out(&["check"]);
    let image = s.image();
    // The same files: `export` reads the dataset from check's image (which
    // holds it with its warnings) and writes no image of its own.
    assert_eq!(s.out(EXPORT), plain);
    assert_eq!(s.images(), vec![image.clone()]);
    // Not the other way round: check needs its warnings, so a dataset image
    // does not serve it.
    fs::remove_file(&image).unwrap();
    s.out(EXPORT);
    s.out(&["check"]);
    assert_eq!(s.images().len(), 2);
}
