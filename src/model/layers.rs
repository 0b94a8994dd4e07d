//! Layered datasets: several folders and the embedded data merged into
//! one dataset. Each kind of file is concatenated across layers, in order,
//! and validated as a whole, so ids are unique across layers and references
//! cross them; every position is then mapped back to the layer file it is in.

use super::EMBEDDED;
use super::diag::Diagnostic;
use super::disk::{FileRead, Keep, describe, load_dir_with, read_text};
use super::load::{FILES, Files, Layering, Loaded, Reuse, load_with};
use std::path::{Path, PathBuf};

/// One layer of a dataset: the data built into the binary or a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Layer {
    /// The embedded dataset (`--data embedded`).
    Embedded,
    /// A folder holding some of the four files.
    Folder(PathBuf),
}

impl Layer {
    /// The layer an argument names: `embedded`, or a folder.
    pub fn from_arg(arg: PathBuf) -> Layer {
        if arg.as_os_str() == "embedded" {
            Layer::Embedded
        } else {
            Layer::Folder(arg)
        }
    }

    /// Whether a folder layer of several leaves out the file at `path`:
    /// nothing at all is there, not even a symlink, and not because a folder
    /// on the way is something else. Any other error reading it (a dangling
    /// symlink, a loop of them) is reported, never taken for a left-out file.
    pub fn leaves_out(path: &Path) -> bool {
        crate::files::is_absent(path)
    }
}

/// Loads the dataset made of `layers`, in order. One folder loads exactly
/// as [`load_dir`](super::load_dir) does. Several are merged: a layer may leave files out,
/// ids must be unique across layers and references may cross them; every
/// problem names the layer's own file, line and column.
pub fn load_layers(layers: &[Layer], max_bytes: u64) -> Result<super::Dataset, Vec<Diagnostic>> {
    load_layers_with(layers, max_bytes, false, Keep::default()).map(|l| l.dataset)
}

/// Like [`load_layers`], reusing the records of every file (or, with
/// several layers, every kind of file) whose text is the same as when
/// `reuse` last saw it: a `--watch` reload parses only what changed.
pub fn reload_layers(
    layers: &[Layer],
    max_bytes: u64,
    reuse: &mut Reuse,
) -> Result<super::Dataset, Vec<Diagnostic>> {
    let keep = Keep {
        reuse: Some(reuse),
        ..Keep::default()
    };
    load_layers_with(layers, max_bytes, false, keep).map(|l| l.dataset)
}

/// Like [`load_layers`] (with the warnings when `warnings` is set), adding
/// every dataset file it read to `reads` if given: what the cache checks its
/// key against, so an image is only stored for the bytes that were loaded.
pub fn load_layers_read(
    layers: &[Layer],
    max_bytes: u64,
    warnings: bool,
    reads: Option<&mut Vec<FileRead>>,
) -> Result<Loaded, Vec<Diagnostic>> {
    let keep = Keep {
        reads,
        ..Keep::default()
    };
    load_layers_with(layers, max_bytes, warnings, keep)
}

/// Loads the layers, looking for warnings when `warnings` is set.
fn load_layers_with(
    layers: &[Layer],
    max_bytes: u64,
    warnings: bool,
    keep: Keep,
) -> Result<Loaded, Vec<Diagnostic>> {
    match layers {
        [] | [Layer::Embedded] => {
            let layering = Layering::default();
            load_with("embedded", &EMBEDDED, "data", warnings, keep.reuse, &layering)
        }
        [Layer::Folder(dir)] => load_dir_with(dir, max_bytes, warnings, keep),
        _ => merge(layers, max_bytes, warnings, keep),
    }
}

/// One layer's text of one kind of file, placed in the merged text.
struct Part {
    /// The file as messages name it (`mine/events.yaml`).
    name: String,
    /// First line of the part in the merged text (1-based).
    first_line: usize,
    /// Which layer it comes from (0-based).
    layer: usize,
}

/// Reads every layer's files, concatenates each kind's records in layer
/// order and validates the whole, mapping positions back to layer files.
fn merge(
    layers: &[Layer],
    max_bytes: u64,
    warnings: bool,
    mut keep: Keep,
) -> Result<Loaded, Vec<Diagnostic>> {
    let twice = repeated(layers);
    if !twice.is_empty() {
        return Err(twice);
    }
    let mut errors = Vec::new();
    let mut names = Vec::new();
    let mut folders = Vec::new();
    // (file name, text, layer) for every kind, per layer, where present.
    let mut found: [Vec<(String, String, usize)>; 4] = Default::default();
    for (ix, layer) in layers.iter().enumerate() {
        match layer {
            Layer::Embedded => {
                names.push("embedded".to_string());
                let e = EMBEDDED;
                let texts = [e.sources, e.organizations, e.people, e.events];
                for (k, text) in texts.into_iter().enumerate() {
                    found[k].push((format!("embedded/{}", FILES[k]), text.to_string(), ix));
                }
            }
            Layer::Folder(dir) => {
                let shown = shown(dir);
                if let Err(d) = check_folder(dir, &shown) {
                    errors.push(d);
                    continue;
                }
                names.push(folder_name(dir, &shown));
                folders.push(shown.clone());
                for (k, file) in FILES.iter().enumerate() {
                    let path = dir.join(file);
                    let name = format!("{shown}/{file}");
                    if Layer::leaves_out(&path) {
                        continue;
                    }
                    match read_text(&path, &name, max_bytes, keep.reads.as_deref_mut()) {
                        Ok(text) => found[k].push((name, text, ix)),
                        Err(d) => errors.push(d),
                    }
                }
            }
        }
    }
    let mut merged: [String; 4] = Default::default();
    let mut parts: [Vec<Part>; 4] = Default::default();
    for k in 0..4 {
        if found[k].is_empty() && errors.is_empty() {
            let file = FILES[k];
            let message = format!("no layer has {file}: not in {}", folders.join(", "));
            errors.push(
                Diagnostic::file(file, message)
                    .hint("add it to one of the --data folders (`[]` if it lists nothing)"),
            );
        }
        for (name, text, layer) in &found[k] {
            if let Err(d) = append(&mut merged[k], &mut parts[k], name, text, *layer) {
                errors.push(d);
            }
        }
        if merged[k].is_empty() {
            merged[k].push_str("[]\n");
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let files = Files {
        sources: &merged[0],
        organizations: &merged[1],
        people: &merged[2],
        events: &merged[3],
    };
    let layering = Layering {
        parts: parts
            .each_ref()
            .map(|p| p.iter().map(|p| (p.first_line, p.layer)).collect()),
        hint_embedded: !layers.contains(&Layer::Embedded),
    };
    let relocate_all = |found: Vec<Diagnostic>| found.into_iter().map(|d| relocate(d, &parts)).collect();
    load_with(&names.join(" + "), &files, "", warnings, keep.reuse, &layering)
        .map(|loaded| Loaded {
            warnings: relocate_all(loaded.warnings),
            ..loaded
        })
        .map_err(relocate_all)
}

/// Appends one layer file's records (a block list: `- ` at column 0) to the
/// merged text of its kind. A file with no records adds nothing.
fn append(
    merged: &mut String,
    parts: &mut Vec<Part>,
    name: &str,
    text: &str,
    layer: usize,
) -> Result<(), Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let significant = |l: &str| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with('#')
    };
    // A leading document marker becomes a comment of the same length.
    let start = lines.iter().position(|l| significant(l));
    let marker = start.filter(|&i| lines[i].trim_end() == "---");
    if let Some(i) = marker {
        lines[i] = "#--\n";
    }
    let first = lines.iter().enumerate().find(|(_, l)| significant(l));
    let Some((at, line)) = first else {
        return Ok(());
    };
    let rest_blank = lines[at + 1..].iter().all(|l| !significant(l));
    if line.trim_end() == "[]" && rest_blank {
        return Ok(());
    }
    if !(line.starts_with("- ") || line.trim_end() == "-") {
        return Err(
            Diagnostic::at(name, (at + 1, 1), "records are not a block list".into())
                .hint("with several --data layers, write each record as `- id: ...` at the start of a line"),
        );
    }
    parts.push(Part {
        name: name.to_string(),
        first_line: merged.matches('\n').count() + 1,
        layer,
    });
    merged.extend(lines);
    if !merged.ends_with('\n') {
        merged.push('\n');
    }
    Ok(())
}

/// The layer file and line of `line` in the merged text of `file`.
fn place(file: &str, line: usize, parts: &[Vec<Part>; 4]) -> Option<(String, usize)> {
    let k = FILES.iter().position(|f| *f == file)?;
    // The last part starting at or before the line: an error at the end of
    // the merged text belongs to the last file.
    let part = parts[k].iter().rev().find(|p| p.first_line <= line)?;
    Some((part.name.clone(), line - part.first_line + 1))
}

/// Moves a diagnostic on the merged text to the layer file it is in,
/// including positions quoted in its message and hint (`first defined at
/// F:L:C`, the YAML parser's `at line L column C`).
fn relocate(mut d: Diagnostic, parts: &[Vec<Part>; 4]) -> Diagnostic {
    let merged = d.file.clone();
    if let Some((file, line)) = place(&d.file, d.line, parts) {
        (d.file, d.line) = (file, line);
    }
    const LINE: &str = " at line ";
    let mut from = 0;
    while let Some(at) = d.message[from..].find(LINE).map(|i| from + i + LINE.len()) {
        let digits = d.message[at..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(d.message.len() - at);
        from = at + digits;
        let Some((file, line)) = d.message[at..from]
            .parse()
            .ok()
            .and_then(|l| place(&merged, l, parts))
        else {
            continue;
        };
        let moved = if file == d.file {
            line.to_string()
        } else {
            format!("{line} of {file}")
        };
        d.message.replace_range(at..from, &moved);
        from = at + moved.len();
    }
    move_positions(&mut d.message, parts);
    if let Some(hint) = &mut d.hint {
        move_positions(hint, parts);
    }
    d
}

/// Rewrites each `FILE:LINE` in `text` that names a merged file (the bare
/// `events.yaml:27:11`, as in `first defined at …`) to the layer file and
/// its line; the column stays as it is.
fn move_positions(text: &mut String, parts: &[Vec<Part>; 4]) {
    for file in FILES {
        let mut from = 0;
        while let Some(start) = text[from..].find(file).map(|i| from + i) {
            let end = start + file.len();
            from = end;
            let bare = !text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c == '/' || c == '.' || c == '_' || c == '-' || c.is_alphanumeric());
            let rest = text[end..].strip_prefix(':').unwrap_or("");
            let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
            let line = rest[..digits].parse().ok().filter(|_| bare);
            let Some((name, line)) = line.and_then(|l| place(file, l, parts)) else {
                continue;
            };
            let moved = format!("{name}:{line}");
            text.replace_range(start..end + 1 + digits, &moved);
            from = start + moved.len();
        }
    }
}

/// A folder layer as messages name it: as given, without a trailing `/`.
pub(super) fn shown(dir: &Path) -> String {
    let shown = dir.display().to_string();
    let shown = shown.trim_end_matches('/');
    if shown.is_empty() { "/" } else { shown }.to_string()
}

/// One error for each layer that repeats an earlier one: `embedded` twice,
/// or the same folder however it is spelled (`X`, `./X/`, a symlink to it),
/// compared by canonical path. Merged with itself, a layer would clash on
/// every id it holds.
fn repeated(layers: &[Layer]) -> Vec<Diagnostic> {
    // (canonical folder, or `None` for the embedded data; as named)
    let mut seen: Vec<(Option<PathBuf>, String)> = Vec::new();
    let mut errors = Vec::new();
    for layer in layers {
        let (id, name) = match layer {
            Layer::Embedded => (None, "embedded".to_string()),
            // A folder that cannot be resolved is reported by the load.
            Layer::Folder(dir) => match dir.canonicalize() {
                Ok(real) => (Some(real), shown(dir)),
                Err(_) => continue,
            },
        };
        match seen.iter().find(|(other, _)| *other == id) {
            Some((_, first)) => {
                let same = if *first == name {
                    String::new()
                } else {
                    format!(" (the same folder as {first})")
                };
                errors.push(
                    Diagnostic::file(&name, format!("layer given twice{same}"))
                        .hint("give each --data layer once"),
                );
            }
            None => seen.push((id, name)),
        }
    }
    errors
}

/// Checks that a folder layer is a folder that can be read.
fn check_folder(dir: &Path, shown: &str) -> Result<(), Diagnostic> {
    match std::fs::metadata(dir) {
        Err(e) => Err(Diagnostic::file(shown, describe(&e)).hint(
            "pass a folder that holds some of sources.yaml, organizations.yaml, people.yaml and events.yaml",
        )),
        Ok(m) if !m.is_dir() => Err(Diagnostic::file(shown, "is a file, not a folder".into())
            .hint("pass the folder that holds the layer's dataset files")),
        Ok(_) => Ok(()),
    }
}

/// The folder's own name, for the title bar.
fn folder_name(dir: &Path, shown: &str) -> String {
    dir.canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| shown.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_in_text_move_to_the_layer_file_and_line() {
        let part = |name: &str, first_line| Part {
            name: name.into(),
            first_line,
            layer: 0,
        };
        let parts: [Vec<Part>; 4] = [
            vec![],
            vec![],
            vec![],
            vec![part("embedded/events.yaml", 1), part("mine/events.yaml", 900)],
        ];
        let mut text = "events.yaml:905:11: this `[` list starts here; see events.yaml:3:1".to_string();
        move_positions(&mut text, &parts);
        assert_eq!(
            text,
            "mine/events.yaml:6:11: this `[` list starts here; see embedded/events.yaml:3:1"
        );
        // Layer paths, names without a line and other files stay as they are.
        let kept = "a/events.yaml:3:1, `events.yaml`, people.yaml:3:1, myevents.yaml:2:1";
        let mut text = kept.to_string();
        move_positions(&mut text, &parts);
        assert_eq!(text, kept);
    }
}
