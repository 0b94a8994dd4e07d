//! Files the user owns: where the app's folders are, how a small file is
//! read without hanging on a FIFO or a device, and how a file is replaced
//! atomically. The config, the marks and the cache all go through here, so
//! one rule holds for all three.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One of the app's folders in the platform's base directories.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppDir {
    /// `$XDG_CONFIG_HOME/rivals`: the config file.
    Config,
    /// `$XDG_CACHE_HOME/rivals`: dataset images.
    Cache,
    /// `$XDG_STATE_HOME/rivals`: marks.
    State,
}

impl AppDir {
    /// The variable that moves this folder.
    pub fn variable(self) -> &'static str {
        match self {
            AppDir::Config => "XDG_CONFIG_HOME",
            AppDir::Cache => "XDG_CACHE_HOME",
            AppDir::State => "XDG_STATE_HOME",
        }
    }
}

/// The app's folder of `kind` (`…/rivals`), or why there is none. A
/// relative folder (from a relative `HOME` or `XDG_*_HOME`) is refused: it
/// would depend on where the program is started.
pub fn app_dir(kind: AppDir) -> Result<PathBuf, String> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy()
        .map_err(|e| format!("no home folder to keep the {kind:?} folder in ({e}); set HOME"))?;
    let dir = match kind {
        AppDir::Config => base.config_dir(),
        AppDir::Cache => base.cache_dir(),
        AppDir::State => base.state_dir().unwrap_or_else(|| base.data_dir()),
    };
    if dir.is_absolute() {
        Ok(dir.join("rivals"))
    } else {
        Err(format!(
            "the {} folder would be relative ({}): set HOME or {} to an absolute path",
            format!("{kind:?}").to_lowercase(),
            dir.display(),
            kind.variable()
        ))
    }
}

/// Whether nothing at all is at `path`: not a file, not a folder, not
/// even a dangling symlink. Any other answer (something there, or an error
/// such as a loop of symlinks) is not "absent", so it gets reported rather
/// than taken for a missing optional file.
pub fn is_absent(path: &Path) -> bool {
    fs::symlink_metadata(path).is_err_and(|e| e.kind() == io::ErrorKind::NotFound)
}

/// What is wrong with `meta` as a file to read, if anything: a folder, a
/// FIFO, a socket or a device is not one.
fn not_regular(meta: &fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("is a folder, not a file");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("is a FIFO (named pipe), not a regular file");
        }
        if kind.is_socket() {
            return Some("is a socket, not a regular file");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("is a device, not a regular file");
        }
    }
    Some("is not a regular file")
}

/// Opens `path` for reading without ever blocking (a FIFO is opened
/// non-blocking, a terminal never becomes the controlling one) and returns
/// it with its metadata, taken from the open file so nothing can swap the
/// file between the check and the read. The caller decides what it
/// accepts; [`read_small`] is the usual rule.
pub fn open_nonblocking(path: &Path) -> io::Result<(File, fs::Metadata)> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

/// Reads the regular file at `path`, of at most `max` bytes. Opening never
/// blocks (see [`open_nonblocking`]), and a folder, a FIFO, a device or a
/// file past `max` is an error of kind `InvalidInput` whose message says
/// what is wrong. A missing file keeps its `NotFound` kind.
pub fn read_small(path: &Path, max: u64) -> io::Result<Vec<u8>> {
    let (file, meta) = open_nonblocking(path)?;
    if let Some(why) = not_regular(&meta) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, why));
    }
    if meta.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("is {} bytes, more than the {max} allowed", meta.len()),
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("grew past the {max} bytes allowed while being read"),
        ));
    }
    Ok(bytes)
}

/// Where a write to `path` lands: the final target of a symlink (followed,
/// so the link stays a link), else `path` itself. A loop of links is an
/// error, as the OS's own ELOOP.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // Linux gives up after 40 links; so does this.
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        "is a loop of symlinks (more than 40 links)",
    ))
}

/// A temporary file name in `dir` that no other process or call uses:
/// `PID.NANOS.tmp`.
pub fn temp_name(dir: &Path) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    dir.join(format!("{}.{nanos}.tmp", std::process::id()))
}

/// Whether `name` is one of [`temp_name`]'s names.
pub fn is_temp_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".tmp") else {
        return false;
    };
    let mut parts = stem.split('.');
    let digits = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    digits(parts.next()) && digits(parts.next()) && parts.next().is_none()
}

/// Replaces the file at `path` with `bytes` atomically: written to a
/// temporary file beside it, synced, then renamed over it, so a crash or a
/// full disk never leaves half a file. A symlink is written through to its
/// target. On error nothing is left behind.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = write_target(path)?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir)?;
    let tmp = temp_name(&dir);
    let written = File::options()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
    match written.and_then(|()| fs::rename(&tmp, &path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            // Best effort: the error that matters is `e`.
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_a_folder_and_a_big_file_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_small(dir.path(), 10).unwrap_err();
        assert!(err.to_string().contains("folder"), "{err}");
        let big = dir.path().join("big");
        fs::write(&big, vec![b'x'; 11]).unwrap();
        let err = read_small(&big, 10).unwrap_err();
        assert!(err.to_string().contains("more than the 10"), "{err}");
        assert_eq!(read_small(&big, 11).unwrap().len(), 11);
        let missing = read_small(&dir.path().join("none"), 10).unwrap_err();
        assert_eq!(missing.kind(), io::ErrorKind::NotFound);
        #[cfg(unix)]
        {
            let fifo = dir.path().join("fifo");
            let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            let err = read_small(&fifo, 10).unwrap_err();
            assert!(err.to_string().contains("FIFO"), "{err}");
            let err = read_small(Path::new("/dev/zero"), 10).unwrap_err();
            assert!(err.to_string().contains("device"), "{err}");
        }
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_writes_through_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        write_atomic(&real, b"one").unwrap();
        assert_eq!(fs::read(&real).unwrap(), b"one");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink("real.json", &link).unwrap();
            write_atomic(&link, b"two").unwrap();
            assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
            assert_eq!(fs::read(&real).unwrap(), b"two");
            let (a, b) = (dir.path().join("a"), dir.path().join("b"));
            std::os::unix::fs::symlink(&b, &a).unwrap();
            std::os::unix::fs::symlink(&a, &b).unwrap();
            assert!(write_atomic(&a, b"x").unwrap_err().to_string().contains("loop"));
        }
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert!(
            names.iter().all(|n| !n.to_string_lossy().ends_with(".tmp")),
            "{names:?}"
        );
    }

    #[test]
    fn only_our_own_temporary_names_are_ours() {
        let name = temp_name(Path::new("/x"));
        assert!(is_temp_name(name.file_name().unwrap().to_str().unwrap()));
        for other in [
            "notes.tmp",
            "1.tmp",
            "a.2.tmp",
            "1.2.3.tmp",
            "1.2.tmpx",
            ".1.2.tmp",
        ] {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn app_dirs_are_absolute_and_end_in_rivals() {
        // Only reads the environment the test was started with.
        for kind in [AppDir::Config, AppDir::Cache, AppDir::State] {
            if let Ok(dir) = app_dir(kind) {
                assert!(dir.is_absolute() && dir.ends_with("rivals"), "{dir:?}");
            }
        }
    }
}
