//! The layer order written in `src/lib.rs` (and, inside the explorer, in
//! `src/tui/mod.rs`) is true: no module names a module listed after it.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The modules a `mod.rs`/`lib.rs` declares, in the order its `//!` doc
/// names them (each in backticks).
fn layer_order(root: &Path) -> Vec<String> {
    let text = fs::read_to_string(root).unwrap();
    let doc: String = text
        .lines()
        .filter_map(|l| l.strip_prefix("//!"))
        .collect::<Vec<_>>()
        .join("\n");
    let declared: Vec<String> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod "))
        .filter_map(|l| l.strip_suffix(';'))
        .map(str::to_string)
        .collect();
    let mut order: Vec<(usize, String)> = declared
        .into_iter()
        .map(|m| {
            let at = doc
                .find(&format!("`{m}`"))
                .unwrap_or_else(|| panic!("{}: the doc does not name module `{m}`", root.display()));
            (at, m)
        })
        .collect();
    order.sort();
    order.into_iter().map(|(_, m)| m).collect()
}

/// The Rust files under `dir`, at any depth, tests left out.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let n = p.file_name().unwrap().to_string_lossy().to_string();
            if p.is_dir() {
                stack.push(p);
            } else if n.ends_with(".rs") && n != "tests.rs" && !n.ends_with("_tests.rs") {
                out.push(p);
            }
        }
    }
    out
}

/// The source files of module `name` under `dir`, tests left out.
fn files_of(dir: &Path, name: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let file = dir.join(format!("{name}.rs"));
    if file.is_file() {
        out.push(file);
    }
    let sub = dir.join(name);
    if sub.is_dir() {
        out.extend(rust_files(&sub));
    }
    out
}

/// The code of `path` without comments and without its trailing
/// `#[cfg(test)] mod …` block.
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]") && lines.peek().is_some_and(|n| n.trim_start().starts_with("mod ")) {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The first path segment after each `prefix` in `code` (a group `{a, b::c}`
/// gives each of its items), where `prefix` is not the tail of a longer
/// `super::` chain.
fn named_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        if code[..at].ends_with("::") {
            continue;
        }
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        out.push(ident(&group[i..]));
                    }
                    _ => {}
                }
            }
        } else {
            out.push(ident(rest));
        }
    }
    out
}

/// Every import against the order of the modules declared in `root`,
/// where a module of `dir` names its siblings through `prefixes(depth)`.
fn violations(root: &Path, dir: &Path, prefixes: impl Fn(usize) -> Vec<String>) -> Vec<String> {
    let order = layer_order(root);
    let rank: BTreeMap<&str, usize> = order.iter().enumerate().map(|(i, m)| (m.as_str(), i)).collect();
    let mut bad = Vec::new();
    for module in &order {
        for file in files_of(dir, module) {
            let depth =
                file.strip_prefix(dir).unwrap().components().count() - usize::from(file.ends_with("mod.rs"));
            let code = code(&file);
            for prefix in prefixes(depth) {
                for used in named_after(&code, &prefix) {
                    if let Some(&r) = rank.get(used.as_str())
                        && used != *module
                        && r > rank[module.as_str()]
                    {
                        bad.push(format!(
                            "{}: `{module}` uses `{used}`, listed after it",
                            file.display()
                        ));
                    }
                }
            }
        }
    }
    bad
}

#[test]
fn the_crate_layers_hold() {
    let src = Path::new(SRC);
    let bad = violations(&src.join("lib.rs"), src, |_| vec!["crate::".to_string()]);
    assert!(
        bad.is_empty(),
        "imports against the order in src/lib.rs:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_explorer_layers_hold() {
    let tui = Path::new(SRC).join("tui");
    let bad = violations(&tui.join("mod.rs"), &tui, |depth| {
        vec!["crate::tui::".to_string(), "super::".repeat(depth)]
    });
    assert!(
        bad.is_empty(),
        "imports against the order in src/tui/mod.rs:\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_checker_sees_an_import_against_the_order() {
    // The helpers above on a made-up tree: `low` may not use `high`.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("lib.rs"),
        "//! - [`low`]: first;\n//! - [`high`]: second.\npub mod high;\npub mod low;\n",
    )
    .unwrap();
    fs::write(dir.path().join("high.rs"), "use crate::low::A;\n").unwrap();
    fs::write(dir.path().join("low.rs"), "// crate::high in a comment is fine\n").unwrap();
    let check = || violations(&dir.path().join("lib.rs"), dir.path(), |_| vec!["crate::".into()]);
    assert!(check().is_empty());
    fs::create_dir(dir.path().join("low")).unwrap();
    fs::write(dir.path().join("low/deep.rs"), "use crate::{high::B, low::C};\n").unwrap();
    let bad = check();
    assert_eq!(bad.len(), 1, "{bad:?}");
    assert!(bad[0].contains("`low` uses `high`"), "{bad:?}");
}

/// Every source file of the crate outside tests, each with its code (the
/// trailing test module left out).
fn sources() -> Vec<(PathBuf, String)> {
    rust_files(Path::new(SRC))
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            let lines: Vec<&str> = text.lines().collect();
            let end = lines
                .windows(2)
                .position(|w| {
                    w[0].trim_start().starts_with("#[cfg(test)]") && w[1].trim_start().starts_with("mod ")
                })
                .unwrap_or(lines.len());
            (p, lines[..end].join("\n"))
        })
        .collect()
}

/// The functions of `code` longer than `max` lines, from the `fn` line to
/// the closing brace at the same indent.
fn long_functions(code: &str, max: usize) -> Vec<(String, usize)> {
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let body = line.trim_start();
        let indent = line.len() - body.len();
        let words: Vec<&str> = body.split_whitespace().collect();
        let at = words.iter().position(|w| *w == "fn");
        let is_fn = at.is_some_and(|at| {
            words[..at]
                .iter()
                .all(|w| w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe"))
        });
        if is_fn && !line.trim_end().ends_with(';') {
            let name = words[at.unwrap_or(0) + 1]
                .split(['(', '<'])
                .next()
                .unwrap_or("")
                .to_string();
            let close = format!("{}}}", " ".repeat(indent));
            let end = (i + 1..lines.len())
                .find(|&j| lines[j].trim_end() == close)
                .unwrap_or(lines.len() - 1);
            if end - i + 1 > max {
                out.push((name, end - i + 1));
            }
            i = end;
        }
        i += 1;
    }
    out
}

#[test]
fn modules_fit_in_a_head() {
    // docs/architecture.md: outside tests, no file over 600 lines and no
    // function over 100.
    let mut bad = Vec::new();
    for (path, code) in sources() {
        let lines = code.lines().count();
        if lines > 600 {
            bad.push(format!("{}: {lines} lines", path.display()));
        }
        for (name, len) in long_functions(&code, 100) {
            bad.push(format!("{}: fn {name} is {len} lines", path.display()));
        }
    }
    assert!(
        bad.is_empty(),
        "split these along their seams:\n{}",
        bad.join("\n")
    );
}

#[test]
fn long_functions_are_found() {
    let body = "    x();\n".repeat(5);
    let code = format!(
        "pub(crate) fn short() {{\n{body}}}\n\nimpl A {{\n    fn long(&self) {{\n{body}{body}    }}\n}}\n"
    );
    assert_eq!(long_functions(&code, 8), vec![("long".to_string(), 12)]);
    assert!(long_functions(&code, 12).is_empty());
}
