//! Reading the config file's TOML: the top-level tables, and the
//! [`Reader`] that collects every problem with its line and column.

use super::Config;
use crate::model::Diagnostic;
use crate::tui::keymap::{Key, Keymap};
use crate::tui::theme::Preset;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// Reads a config file's `text`, naming `file` in messages; every problem
/// found, in file order.
pub fn parse(file: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut r = Reader {
        file,
        text,
        problems: Vec::new(),
        keymap: Keymap::default(),
        written: Vec::new(),
    };
    let root = match DeTable::parse(text) {
        Ok(root) => root,
        Err(e) => {
            let first = e.message().lines().next().unwrap_or_default().trim();
            r.error(
                e.span().unwrap_or(0..0),
                format!("not valid TOML: {first}"),
                "see `rivals config --default` for a complete example",
            );
            return Err(r.problems);
        }
    };
    let mut theme = Preset::Dark.theme();
    for (key, value) in root.get_ref() {
        match (&**key.get_ref(), value.get_ref()) {
            ("keys", DeValue::Table(t)) => r.keys(t),
            ("theme", DeValue::Table(t)) => theme = r.theme(t),
            (name @ ("keys" | "theme"), _) => r.error(
                value.span(),
                format!("`{name}` must be a table"),
                format!("write [{name}] on a line of its own, with its settings below it"),
            ),
            (other, _) => r.error(
                key.span(),
                format!("unknown setting `{other}`"),
                "a config file has a [keys] table and a [theme] table",
            ),
        }
    }
    if r.problems.is_empty() {
        r.check_conflicts();
    }
    if r.problems.is_empty() {
        r.check_ways_out();
    }
    if r.problems.is_empty() {
        Ok(Config {
            keymap: r.keymap,
            theme,
        })
    } else {
        r.problems.sort_by_key(|d| (d.line, d.col));
        Err(r.problems)
    }
}

/// The config file being read: what it set so far and what is wrong.
pub(super) struct Reader<'t> {
    file: &'t str,
    text: &'t str,
    pub(super) problems: Vec<Diagnostic>,
    pub(super) keymap: Keymap,
    /// The bindings the file set: index in [`KEYMAP`], each key with where
    /// it is written.
    pub(super) written: Vec<(usize, Vec<Written>)>,
}

/// A key as the file wrote it, and where.
pub(super) type Written = (Key, Range<usize>);

impl Reader<'_> {
    pub(super) fn error(&mut self, span: Range<usize>, message: String, hint: impl Into<String>) {
        let at = position(self.text, span.start);
        self.problems
            .push(Diagnostic::at(self.file, at, message).hint(hint));
    }
}

/// The items in first-seen order, each once.
pub(super) fn unique<T: PartialEq>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The candidate a misspelt `name` most likely meant, if any, by the one
/// "did you mean" rule ([`crate::model::nearest`]).
pub(super) fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    crate::model::nearest(name, candidates, 1).into_iter().next()
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, col)
}
