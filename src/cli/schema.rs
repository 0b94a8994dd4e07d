//! `rivals schema`: the JSON Schema of each dataset file, for editors
//! (yaml-language-server) and other validators.

use super::Failure;
use super::export::safe_json;
use crate::model::{DataFile, schema};
use clap::ValueEnum;
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
/// missing, schemas already there replaced) and says where.
pub fn command(file: Option<SchemaFile>, out: Option<&Path>) -> Result<String, Failure> {
    match (file, out) {
        (Some(file), None) => Ok(text(file.into())),
        (None, Some(dir)) => write_all(dir),
        _ => Err(Failure::new(
            "give a file (sources, organizations, people or events) or --out DIR".into(),
        )),
    }
}

fn write_all(dir: &Path) -> Result<String, Failure> {
    let shown = dir.display().to_string();
    let cannot = |what: String, e: std::io::Error| Failure::new(format!("cannot {what}: {e}"));
    std::fs::create_dir_all(dir).map_err(|e| cannot(format!("create {shown}"), e))?;
    let mut names = Vec::new();
    for file in DataFile::ALL {
        let name = file_name(file);
        std::fs::write(dir.join(&name), text(file))
            .map_err(|e| cannot(format!("write {shown}/{name}"), e))?;
        names.push(name);
    }
    Ok(format!("wrote {} to {shown}\n", names.join(", ")))
}
