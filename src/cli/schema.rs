//! `rivals schema`: the JSON Schema of each dataset file, for editors
//! (yaml-language-server) and other validators.

use super::Failure;
use super::export::safe_json;
use crate::files;
use crate::model::{DataFile, schema};
use clap::ValueEnum;
use std::io::{self, Write};
use std::path::Path;

/// A dataset file, as `rivals schema` names it.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum SchemaFile {
    /// sources.yaml
    Sources,
    /// organizations.yaml
    Organizations,
    /// people.yaml
    People,
    /// events.yaml
    Events,
}

impl From<SchemaFile> for DataFile {
    fn from(f: SchemaFile) -> Self {
        match f {
            SchemaFile::Sources => DataFile::Sources,
            SchemaFile::Organizations => DataFile::Organizations,
            SchemaFile::People => DataFile::People,
            SchemaFile::Events => DataFile::Events,
        }
    }
}

/// The name `--out` gives the schema of `file`.
pub fn file_name(file: DataFile) -> String {
    format!("{}.schema.json", file.stem())
}

/// The schema of one file as pretty JSON, with a final newline.
fn text(file: DataFile) -> String {
    let mut out = safe_json(&schema(file));
    out.push('\n');
    out
}

/// Prints the schema of `file`, or writes all four into `out` (created if
/// missing) and says where; schemas already there are replaced only with
/// `force`.
pub fn command(file: Option<SchemaFile>, out: Option<&Path>, force: bool) -> Result<String, Failure> {
    match (file, out) {
        (Some(file), None) => Ok(text(file.into())),
        (None, Some(dir)) => write_all(dir, force),
        _ => Err(Failure::new(
            "give a file (sources, organizations, people or events) or --out DIR".into(),
        )),
    }
}

/// Writes the four schemas into `dir`. Without `force` it refuses, before
/// writing anything, when any of them exists (as a file, a folder or a
/// symlink), and never opens an existing file; with `force` a symlink is
/// replaced by the file, never written through.
fn write_all(dir: &Path, force: bool) -> Result<String, Failure> {
    let shown = dir.display().to_string();
    let cannot = |what: String, e: io::Error| Failure::new(format!("cannot {what}: {e}"));
    if dir.symlink_metadata().is_ok() && !dir.is_dir() {
        return Err(Failure::new(format!("{shown} is not a folder"))
            .hint("--out names the folder to write the four schemas into"));
    }
    std::fs::create_dir_all(dir).map_err(|e| cannot(format!("create {shown}"), e))?;
    let names: Vec<String> = DataFile::ALL.into_iter().map(file_name).collect();
    if !force && let Some(name) = names.iter().find(|n| dir.join(n).symlink_metadata().is_ok()) {
        return Err(Failure::new(format!("{shown}/{name} already exists"))
            .hint("add --force to replace the schemas in it, or give a new or empty folder"));
    }
    let mut written = Vec::new();
    for (file, name) in DataFile::ALL.into_iter().zip(&names) {
        let path = dir.join(name);
        let result = if force {
            replace(&path, text(file).as_bytes())
        } else {
            create(&path, text(file).as_bytes()).inspect(|()| written.push(path.clone()))
        };
        if let Err(e) = result {
            // All or nothing when writing new files, as `rivals new`.
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
            return Err(cannot(format!("write {shown}/{name}"), e));
        }
    }
    Ok(format!("wrote {} to {shown}\n", names.join(", ")))
}

/// Writes a new file at `path`; fails if anything is there, a symlink
/// (even a dangling one) included. A half-written file is removed.
fn create(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    f.write_all(bytes).inspect_err(|_| {
        let _ = std::fs::remove_file(path);
    })
}

/// Replaces what is at `path` with a file holding `bytes`, atomically; a
/// symlink there is removed first, so its target is never touched.
fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if path.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink()) {
        std::fs::remove_file(path)?;
    }
    files::write_atomic(path, bytes)
}
