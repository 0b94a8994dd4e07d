//! Marks kept between runs: one JSON file per dataset in the platform's
//! state directory (`$XDG_STATE_HOME/rivals/marks-NAME.json`), written
//! atomically. The explorer's `update` never touches the file: the event
//! loop loads it before starting and saves it when asked to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A place to come back to, by record ids (not row numbers), so it
/// survives edits to the data.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The focused pane: `companies`, `people` or `timeline`.
    pub pane: String,
    /// The organization filter's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    /// The person filter's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// The kind filter, as in the data files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The period filter's first date (`YYYY[-MM[-DD]]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// The period filter's last date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// Ids of the rows selected in Companies, People and Timeline.
    #[serde(default)]
    pub selected: [Option<String>; 3],
}

/// Every mark of a dataset, by letter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    pub marks: BTreeMap<char, Mark>,
}

/// Where a dataset's marks live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The marks file of the dataset named `dataset` in the platform's
    /// state directory, if there is one.
    pub fn for_dataset(dataset: &str) -> Option<Store> {
        use etcetera::BaseStrategy;
        let base = etcetera::choose_base_strategy().ok()?;
        let dir = base.state_dir().unwrap_or_else(|| base.data_dir());
        // A relative folder (from a relative HOME) would depend on where
        // the explorer is started: no marks file rather than one there.
        dir.is_absolute()
            .then(|| Store::in_dir(&dir.join("rivals"), dataset))
    }

    /// The marks file of `dataset` in `dir`.
    pub fn in_dir(dir: &Path, dataset: &str) -> Store {
        let safe: String = dataset
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Store {
            path: dir.join(format!("marks-{safe}.json")),
        }
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved marks; none if there is no file yet. A file that cannot
    /// be read or parsed gives no marks and a note saying it was ignored.
    pub fn load(&self) -> (Marks, Option<String>) {
        let shown = self.path.display();
        match std::fs::read(&self.path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => (Marks::default(), None),
            Err(e) => (
                Marks::default(),
                Some(
                    crate::text::sanitize(&format!("marks file unreadable, ignored: {shown} ({e})"))
                        .into_owned(),
                ),
            ),
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(marks) => (marks, None),
                Err(_) => (
                    Marks::default(),
                    Some(
                        crate::text::sanitize(&format!("marks file corrupt, ignored: {shown}")).into_owned(),
                    ),
                ),
            },
        }
    }

    /// Writes `marks` atomically: to a temporary file beside the real one,
    /// then renamed over it, so a crash never leaves half a file.
    pub fn save(&self, marks: &Marks) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let json = serde_json::to_vec_pretty(marks).map_err(io::Error::other)?;
        let mut tmp_name = self.path.as_os_str().to_owned();
        tmp_name.push(format!(".tmp-{}", std::process::id()));
        let tmp = PathBuf::from(tmp_name);
        let written = std::fs::File::create(&tmp).and_then(|mut f| {
            f.write_all(&json)?;
            f.sync_all()
        });
        match written.and_then(|()| std::fs::rename(&tmp, &self.path)) {
            Ok(()) => Ok(()),
            Err(e) => {
                // Best effort: the error that matters is `e`.
                let _ = std::fs::remove_file(&tmp);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn marks_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(&dir.path().join("rivals"), "my data/../x");
        assert_eq!(
            store.path().file_name().unwrap().to_str(),
            Some("marks-my_data_.._x.json")
        );
        assert_eq!(store.load(), (Marks::default(), None), "no file yet: no marks");
        let mut marks = Marks::default();
        marks.marks.insert('a', mark("timeline"));
        marks.marks.insert('Z', mark("people"));
        store.save(&marks).unwrap();
        assert_eq!(store.load(), (marks.clone(), None));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("rivals"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");
        marks.marks.remove(&'Z');
        store.save(&marks).unwrap();
        assert_eq!(store.load().0, marks, "saving replaces the file");
    }

    #[test]
    fn a_corrupt_file_is_ignored_with_a_note() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::in_dir(dir.path(), "embedded");
        for bad in [
            "{not json",
            "",
            "{\"marks\": {\"ab\": {\"pane\": \"x\"}}}",
            "[1, 2]",
        ] {
            std::fs::write(store.path(), bad).unwrap();
            let (marks, note) = store.load();
            assert_eq!(marks, Marks::default(), "{bad}");
            assert!(note.is_some_and(|n| n.contains("corrupt")), "{bad}");
        }
    }

    #[test]
    fn an_unwritable_place_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("plain-file");
        std::fs::write(&file, "x").unwrap();
        let store = Store::in_dir(&file.join("sub"), "embedded");
        assert!(store.save(&Marks::default()).is_err());
        let (marks, note) = Store::in_dir(&file, "embedded").load();
        assert_eq!(marks, Marks::default());
        assert!(note.is_some_and(|n| n.contains("unreadable, ignored")));
    }

    #[test]
    fn the_state_dir_follows_xdg_state_home() {
        // Only reads the environment the test was started with.
        if let Some(state) = std::env::var_os("XDG_STATE_HOME").filter(|s| Path::new(s).is_absolute()) {
            let store = Store::for_dataset("embedded").unwrap();
            assert_eq!(store.path(), Path::new(&state).join("rivals/marks-embedded.json"));
        } else if let Some(store) = Store::for_dataset("embedded") {
            assert!(store.path().ends_with("rivals/marks-embedded.json"));
        }
    }
}
