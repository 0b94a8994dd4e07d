//! Loading dataset folders from disk: what the curator sees for files
//! that are there under another name.

#![allow(clippy::unwrap_used)]

use rivals::model::load_dir;
use std::path::Path;

fn write_dataset(dir: &Path, names: [&str; 4]) {
    let texts = [
        "- id: s1\n  title: T\n  language: en\n",
        "- id: meta\n  name: Meta\n  kind: company\n  summary: S.\n  sources: [s1]\n",
        "[]\n",
        "[]\n",
    ];
    for (name, text) in names.iter().zip(texts) {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn messages(dir: &Path) -> Vec<String> {
    load_dir(dir, 1 << 20)
        .expect_err("expected problems")
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_misnamed_file_beside_the_expected_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(
        dir.path(),
        ["sources.yaml", "organisations.yaml", "people.yaml", "events.yml"],
    );
    let shown = dir.path().display();
    assert_eq!(
        messages(dir.path()),
        [
            format!(
                "{shown}/organizations.yaml: error: no such file, but found organisations.yaml beside it; rename it to organizations.yaml"
            ),
            format!(
                "{shown}/events.yaml: error: no such file, but found events.yml beside it; rename it to events.yaml"
            ),
        ]
    );
}

#[test]
fn a_missing_file_with_nothing_like_it_says_so() {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(
        dir.path(),
        ["sources.yaml", "organizations.yaml", "people.yaml", "notes.txt"],
    );
    let got = messages(dir.path());
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(
        got[0].contains("events.yaml: error: no such file or folder"),
        "{got:?}"
    );
}

#[test]
fn warnings_come_with_a_valid_dataset() {
    let dir = tempfile::tempdir().unwrap();
    write_dataset(
        dir.path(),
        ["sources.yaml", "organizations.yaml", "people.yaml", "events.yaml"],
    );
    std::fs::write(
        dir.path().join("people.yaml"),
        "- id: zuck\n  name: Mark\n  aliases: [Meta]\n  summary: S.\n  sources: [s1]\n",
    )
    .unwrap();
    let loaded = rivals::model::load_dir_checked(dir.path(), 1 << 20).unwrap();
    assert_eq!(loaded.warnings.len(), 1);
    assert_eq!((loaded.warnings[0].line, loaded.warnings[0].col), (3, 13));
    assert!(loaded.strict().is_err());
}
