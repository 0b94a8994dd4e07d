//! `rivals new DIR`: a commented starter dataset to copy from, one record of
//! each kind with every optional field shown. It never overwrites a file.

use super::Failure;
use crate::model::FILES;
use std::io::Write;
use std::path::Path;

/// The starter files, in the order of [`FILES`].
const STARTER: [&str; 4] = [
    include_str!("starter/sources.yaml"),
    include_str!("starter/organizations.yaml"),
    include_str!("starter/people.yaml"),
    include_str!("starter/events.yaml"),
];

/// Writes the starter dataset into `dir` (created if needed) and returns
/// what to tell the user. Fails before writing anything if any of the four
/// files already exists.
pub fn new(dir: &Path) -> Result<String, Failure> {
    let shown = dir.display().to_string();
    let cannot = |what: &str, e: std::io::Error| Failure::new(format!("cannot {what} {shown}: {e}"));
    std::fs::create_dir_all(dir).map_err(|e| cannot("create", e))?;
    if let Some(file) = FILES.iter().find(|f| dir.join(f).symlink_metadata().is_ok()) {
        return Err(Failure::new(format!("{shown}/{file} already exists"))
            .hint("`rivals new` never overwrites a file; give it a new or empty folder"));
    }
    let mut written = Vec::new();
    for (file, text) in FILES.iter().zip(STARTER) {
        let path = dir.join(file);
        let result = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .and_then(|mut f| {
                written.push(path.clone());
                f.write_all(text.as_bytes())
            });
        if let Err(e) = result {
            // All or nothing: a half-written starter (full disk, file size
            // limit) would make the next `rivals new` refuse the folder.
            for path in &written {
                let _ = std::fs::remove_file(path);
            }
            return Err(cannot(&format!("write {file} in"), e));
        }
    }
    Ok(format!(
        "wrote a starter dataset to {shown}: {}\n\
         edit it, then run: rivals check --data {shown}\n",
        FILES.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Files, load};

    #[test]
    fn the_starter_dataset_loads_with_one_record_of_each_kind() {
        let [sources, organizations, people, events] = STARTER;
        let files = Files {
            sources,
            organizations,
            people,
            events,
        };
        let ds = load("starter", &files, "").unwrap();
        assert_eq!(ds.counts_line(), "1 sources, 3 organizations, 1 people, 1 events");
    }
}
