//! `rivals new DIR`: a commented starter dataset to copy from, every field
//! of the format explained in each file's header and used in a record. It
//! never overwrites a file.

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
    use crate::model::{DataFile, Files, load_checked, schema};
    use std::collections::BTreeSet;

    #[test]
    fn the_starter_dataset_loads_with_no_warning() {
        let [sources, organizations, people, events] = STARTER;
        let files = Files {
            sources,
            organizations,
            people,
            events,
        };
        let loaded = load_checked("starter", &files, "").unwrap();
        assert_eq!(loaded.warnings, vec![]);
        assert_eq!(
            loaded.dataset.counts_line(),
            "2 sources, 5 organizations, 2 people, 5 events"
        );
    }

    /// Every property name in a JSON Schema: its records' and its `$defs`'.
    fn properties(v: &serde_json::Value, out: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(props)) = map.get("properties") {
                    out.extend(props.keys().cloned());
                }
                map.values().for_each(|x| properties(x, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|x| properties(x, out)),
            _ => {}
        }
    }

    /// Whether a YAML line writes `name` as a key (`name:` at the start of
    /// a word: `  from:`, `{from:`, `, count:`).
    fn writes_key(line: &str, name: &str) -> bool {
        let key = format!("{name}:");
        line.match_indices(&key).any(|(at, _)| {
            line[..at]
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, ' ' | '{' | ',' | '-'))
        })
    }

    #[test]
    fn the_starter_explains_and_uses_every_field_of_the_schema() {
        for (file, text) in DataFile::ALL.into_iter().zip(STARTER) {
            let mut names = BTreeSet::new();
            properties(&schema(file), &mut names);
            assert!(names.contains("id") && names.len() >= 6, "{names:?}");
            let (comments, records): (Vec<&str>, Vec<&str>) =
                text.lines().partition(|l| l.trim_start().starts_with('#'));
            let explained: BTreeSet<&str> = comments
                .iter()
                .flat_map(|l| l.split(|c: char| !(c.is_ascii_lowercase() || c == '_')))
                .collect();
            for name in &names {
                let stem = file.stem();
                assert!(
                    explained.contains(name.as_str()),
                    "{stem}: `{name}` is not explained"
                );
                assert!(
                    records.iter().any(|l| writes_key(l, name)),
                    "{stem}: no record uses `{name}`"
                );
            }
        }
    }

    #[test]
    fn the_starter_says_what_a_parent_changes() {
        let organizations = STARTER[1];
        assert!(!organizations.contains("changes nothing else"));
        assert!(
            organizations.contains("counts include this one's"),
            "{organizations}"
        );
    }
}
