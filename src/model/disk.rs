//! Reading a dataset folder from disk, with clear errors and a size limit.

use super::Dataset;
use super::diag::{Diagnostic, closest};
use super::load::{FILES, Files, Layering, Loaded, Reuse, load_with};
use std::io::{ErrorKind, Read};
use std::path::{Path, PathBuf};

/// A dataset file as a load read it: its path (as the folder was named,
/// joined with the file name), length and BLAKE3 of its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRead {
    pub path: PathBuf,
    pub len: u64,
    pub hash: [u8; 32],
}

/// What a load keeps besides its result: the files it read, for the
/// cache, and the records of files to reuse, for `--watch`.
#[derive(Default)]
pub(super) struct Keep<'a> {
    pub reads: Option<&'a mut Vec<FileRead>>,
    pub reuse: Option<&'a mut Reuse>,
}

/// Largest file read by default: 64 MiB (`--max-file-size` raises it).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads and validates the dataset in folder `dir`. A file that cannot be
/// read is one error, and the other files are still checked. Warnings are not looked for;
/// [`load_dir_checked`] finds them.
pub fn load_dir(dir: &Path, max_bytes: u64) -> Result<Dataset, Vec<Diagnostic>> {
    load_dir_with(dir, max_bytes, false, Keep::default()).map(|l| l.dataset)
}

/// Like [`load_dir`], with the warnings (for `rivals check`).
pub fn load_dir_checked(dir: &Path, max_bytes: u64) -> Result<Loaded, Vec<Diagnostic>> {
    load_dir_with(dir, max_bytes, true, Keep::default())
}

/// Reads the folder and loads it, looking for warnings when `warnings` is
/// set, keeping what `keep` asks for.
pub(super) fn load_dir_with(
    dir: &Path,
    max_bytes: u64,
    warnings: bool,
    mut keep: Keep,
) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = dir.display().to_string();
    let shown = shown.trim_end_matches('/');
    let shown = if shown.is_empty() { "/" } else { shown };
    match std::fs::metadata(dir) {
        Err(e) => {
            return Err(vec![Diagnostic::file(shown, describe(&e)).hint(
                "pass a folder that holds sources.yaml, organizations.yaml, people.yaml and events.yaml",
            )]);
        }
        Ok(m) if !m.is_dir() => {
            return Err(vec![
                Diagnostic::file(shown, "is a file, not a folder".into())
                    .hint("pass the folder that holds the four dataset files"),
            ]);
        }
        Ok(_) => {}
    }
    let mut texts: Vec<String> = Vec::with_capacity(4);
    let mut errors = Vec::new();
    for file in FILES {
        let name = format!("{shown}/{file}");
        match read_text(&dir.join(file), &name, max_bytes, keep.reads.as_deref_mut()) {
            Ok(text) => texts.push(text),
            Err(d) => {
                let d = match misnamed(dir, file) {
                    Some(found) if !dir.join(file).exists() => {
                        Diagnostic::file(&name, format!("no such file, but found {found} beside it"))
                            .hint(format!("rename it to {file}"))
                    }
                    _ => d,
                };
                errors.push(d);
                texts.push(String::new());
            }
        }
    }
    let files = Files {
        sources: &texts[0],
        organizations: &texts[1],
        people: &texts[2],
        events: &texts[3],
    };
    let name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| shown.to_string());
    let layering = Layering {
        hint_embedded: true,
        ..Layering::default()
    };
    let loaded = load_with(&name, &files, shown, warnings, keep.reuse, &layering);
    if errors.is_empty() {
        return loaded;
    }
    // A file that could not be read is one error; the others are still
    // checked (its own "file is empty" is not news).
    let unread: Vec<String> = errors.iter().map(|d| d.file.clone()).collect();
    let found = match loaded {
        Ok(l) => l.warnings,
        Err(found) => found,
    };
    errors.extend(found.into_iter().filter(|d| !unread.contains(&d.file)));
    Err(errors)
}

/// A file in `dir` that is probably `expected` under another name
/// (`organisations.yaml`, `events.yml`, `People.yaml`).
fn misnamed(dir: &Path, expected: &str) -> Option<String> {
    let normal = |name: &str| {
        let lower = name.to_lowercase().replace("organisation", "organization");
        lower
            .strip_suffix(".yaml")
            .or_else(|| lower.strip_suffix(".yml"))
            .map(str::to_string)
    };
    let wanted = normal(expected)?;
    let names: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n != expected && !FILES.contains(&n.as_str()))
        .collect();
    if let Some(same) = names
        .iter()
        .find(|n| normal(n).as_deref() == Some(wanted.as_str()))
    {
        return Some(same.clone());
    }
    let stems: Vec<(String, &String)> = names.iter().filter_map(|n| Some((normal(n)?, n))).collect();
    let near = closest(&wanted, stems.iter().map(|(s, _)| s.as_str()))?;
    stems.iter().find(|(s, _)| s == near).map(|(_, n)| (*n).clone())
}

pub(super) fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file or folder".into(),
        ErrorKind::PermissionDenied => "cannot be read: permission denied".into(),
        _ if e.raw_os_error() == Some(40) => "cannot be read: symbolic link loop".into(),
        _ => format!("cannot be read: {e}"),
    }
}

/// Reads one file as UTF-8, refusing folders, oversized files and bad
/// bytes; what was read goes to `reads` if given.
pub(super) fn read_text(
    path: &Path,
    name: &str,
    max_bytes: u64,
    reads: Option<&mut Vec<FileRead>>,
) -> Result<String, Diagnostic> {
    let (file, meta) = crate::files::open_nonblocking(path).map_err(|e| {
        let d = Diagnostic::file(name, describe(&e));
        match e.kind() {
            ErrorKind::NotFound => d.hint(
                "every dataset folder needs sources.yaml, organizations.yaml, people.yaml and events.yaml",
            ),
            _ => d,
        }
    })?;
    if meta.is_dir() {
        return Err(Diagnostic::file(name, "is a folder, not a file".into())
            .hint("the dataset files must be plain YAML files"));
    }
    if !meta.is_file() {
        // A FIFO would block forever and a device could be endless.
        return Err(
            Diagnostic::file(name, "is not a regular file (a pipe, socket or device)".into())
                .hint("the dataset files must be plain YAML files"),
        );
    }
    let too_big = |size: u64| {
        Diagnostic::file(
            name,
            format!(
                "file is {} MiB, over the limit of {} MiB",
                size.div_ceil(1 << 20),
                max_bytes >> 20
            ),
        )
        .hint("raise the limit with --max-file-size MIB if the file is genuine")
    };
    if meta.len() > max_bytes {
        return Err(too_big(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::file(name, describe(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    if let Some(reads) = reads {
        reads.push(FileRead {
            path: path.to_path_buf(),
            len: bytes.len() as u64,
            hash: *blake3::hash(&bytes).as_bytes(),
        });
    }
    String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        let col = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
        Diagnostic::at(name, (line, col), "file is not valid UTF-8".into()).hint("save the file as UTF-8")
    })
}
