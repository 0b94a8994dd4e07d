//! Diagnostics: what is wrong in a dataset, where, and how to fix it.

use crate::text::sanitize;
use std::fmt;
use std::time::{Duration, Instant};

/// How serious a problem is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Probably a mistake, but the dataset is usable (`check --strict`
    /// treats it as an error).
    Warning,
    /// The dataset cannot be loaded.
    #[default]
    Error,
}

impl Severity {
    /// The word printed before the message: `error` or `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// One problem found in a dataset, printed as `FILE:LINE:COL: error: WHAT`
/// (or `warning:`) followed by a hint.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (`data/people.yaml`).
    pub file: String,
    /// 1-based line, or 0 for a problem with the whole file.
    pub line: usize,
    /// 1-based column in characters, or 0 for a problem with the whole file.
    pub col: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at a position in a file.
    pub fn at(file: &str, (line, col): (usize, usize), message: String) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            col,
            message,
            hint: None,
        }
    }

    /// A problem with a whole file or folder.
    pub fn file(file: &str, message: String) -> Self {
        Self::at(file, (0, 0), message)
    }

    /// The same problem as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether this is only a warning.
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }

    /// Adds a hint on how to fix the problem.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = sanitize(&self.message);
        let hint = self.hint.as_deref().map(sanitize);
        let label = self.severity.label();
        match (self.line, hint) {
            (0, None) => write!(f, "{}: {label}: {message}", sanitize(&self.file)),
            (0, Some(h)) => write!(f, "{}: {label}: {message}; {h}", sanitize(&self.file)),
            (line, hint) => {
                write!(
                    f,
                    "{}:{line}:{}: {label}: {message}",
                    sanitize(&self.file),
                    self.col
                )?;
                if let Some(h) = hint {
                    write!(f, "\n  hint: {h}")?;
                }
                Ok(())
            }
        }
    }
}

/// Longest id a dataset may use, in bytes: ids are typed on the command
/// line, and suggestions compare ids pairwise.
pub const MAX_ID_LEN: usize = 100;

/// How long one search for suggestions may take before it gives up with
/// what it has found: the one time budget of every "did you mean".
const SUGGESTION_BUDGET: Duration = Duration::from_millis(100);

/// Edits (a letter inserted, deleted or changed, or two neighbours
/// swapped) a typo of `len` characters may have: one per three characters,
/// at least one.
fn edits_allowed(len: usize) -> usize {
    (len / 3).max(1)
}

/// Up to `n` of `candidates` that `wanted` plausibly meant, closest first
/// (fewest edits, then name order). The one "did you mean" rule of every
/// surface (ids, fields, kinds, currencies, config keys, CLI values).
/// Ignoring case, a candidate is suggested when it is within
/// `edits_allowed` edits of `wanted`, or when `wanted` has three
/// characters or more and is a part of it (`law` of `lawsuit`, `altman` of
/// `sam-altman`). Nothing is suggested for a blank or oversized `wanted`
/// (no arbitrary guess); candidates of very different length are skipped,
/// and the search stops after a time budget with what it has.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    let wanted = wanted.trim().to_lowercase();
    if wanted.is_empty() || wanted.len() > 4 * MAX_ID_LEN || n == 0 {
        return Vec::new();
    }
    let len = wanted.chars().count();
    let allowed = edits_allowed(len);
    let start = Instant::now();
    let mut close: Vec<(usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .take_while(|(i, _)| i % 64 != 63 || start.elapsed() < SUGGESTION_BUDGET)
        .filter_map(|(_, c)| {
            let m = c.chars().count();
            if m.max(len) > 2 * m.min(len) + 4 {
                return None;
            }
            let lower = c.to_lowercase();
            let part = len >= 3 && lower.contains(&wanted);
            if !part && m.abs_diff(len) > allowed {
                return None;
            }
            let edits = strsim::damerau_levenshtein(&wanted, &lower);
            (part || edits <= allowed).then_some((edits, c))
        })
        .collect();
    close.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)));
    close.dedup_by(|a, b| a.1 == b.1);
    close.into_iter().take(n).map(|(_, c)| c).collect()
}

/// The one candidate `wanted` most plausibly meant, by [`nearest`]'s rule.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    nearest(wanted, candidates, 1).into_iter().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_position_message_and_hint() {
        let d = Diagnostic::at("data/events.yaml", (3, 5), "unknown field `too`".into())
            .hint("did you mean `to`?");
        assert_eq!(
            d.to_string(),
            "data/events.yaml:3:5: error: unknown field `too`\n  hint: did you mean `to`?"
        );
        let f = Diagnostic::file("data/people.yaml", "file not found".into());
        assert_eq!(f.to_string(), "data/people.yaml: error: file not found");
        let w = Diagnostic::at("data/events.yaml", (2, 3), "late".into()).warning();
        assert_eq!(w.to_string(), "data/events.yaml:2:3: warning: late");
    }

    #[test]
    fn message_text_is_sanitized() {
        let d = Diagnostic::at("f", (1, 1), "id `\x1b]0;x\x07`".into());
        assert!(!d.to_string().contains('\x1b'));
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            closest("sam-altmann", ["sam-altman", "elon-musk"]),
            Some("sam-altman")
        );
        assert_eq!(closest("too", ["to", "from", "orgs"]), Some("to"));
        assert_eq!(closest("zzzz", ["to", "from"]), None);
        assert_eq!(closest("", ["a"]), None);
        assert!(nearest("", ["a", "b"], 5).is_empty());
        assert!(nearest("zzzz", ["sam-altman", "meta"], 5).is_empty());
        assert_eq!(
            nearest("altman", ["sam-altman", "meta", "elon-musk"], 1),
            vec!["sam-altman"]
        );
    }
}

#[cfg(test)]
mod bounds {
    use super::*;

    #[test]
    fn suggestions_for_huge_ids_are_instant() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("person-number-{i}")).collect();
        let huge = "a".repeat(131_072);
        assert!(nearest(&huge, ids.iter().map(String::as_str), 5).is_empty());
        assert_eq!(closest(&huge, ids.iter().map(String::as_str)), None);
        let long = "person-number-".repeat(7);
        let _ = nearest(&long, ids.iter().map(String::as_str), 5);
        let _ = closest(&long, ids.iter().map(String::as_str));
    }
}
