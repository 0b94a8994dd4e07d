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
/// what it has found.
const SUGGESTION_BUDGET: Duration = Duration::from_millis(100);

/// Candidates still worth scoring, checked against the clock now and then.
fn within_budget<'a>(candidates: impl IntoIterator<Item = &'a str>) -> impl Iterator<Item = &'a str> {
    let start = Instant::now();
    candidates
        .into_iter()
        .enumerate()
        .take_while(move |(i, _)| i % 64 != 63 || start.elapsed() < SUGGESTION_BUDGET)
        .map(|(_, c)| c)
}

/// The closest of `candidates` to `wanted`, if any is close enough to be a
/// plausible typo. Only candidates of comparable length can be (a score of
/// 0.6 needs the shorter to be at least 0.6 of the longer), so only those
/// are scored, within a time budget.
pub fn closest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    if wanted.is_empty() || wanted.len() > 4 * MAX_ID_LEN {
        return None;
    }
    let n = wanted.chars().count();
    within_budget(candidates)
        .filter(|c| {
            let m = c.chars().count();
            5 * n.min(m) >= 3 * n.max(m)
        })
        .map(|c| (strsim::normalized_damerau_levenshtein(wanted, c), c))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Up to `n` candidates close to `wanted`, closest first: none when nothing
/// is close (no arbitrary suggestion), nor for an empty or oversized
/// `wanted`; candidates of very different length are skipped and the
/// search is time-bounded.
pub fn nearest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<&'a str> {
    if wanted.trim().is_empty() || wanted.len() > 4 * MAX_ID_LEN {
        return Vec::new();
    }
    let len = wanted.len();
    let mut scored: Vec<(f64, &str)> = within_budget(candidates)
        .filter(|c| c.len() <= 4 * len + 8 && len <= 4 * c.len() + 8)
        .map(|c| {
            let contains = if c.contains(wanted) || wanted.contains(c) {
                0.3
            } else {
                0.0
            };
            (strsim::jaro_winkler(wanted, c) + contains, c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(n)
        .take_while(|s| s.0 >= 0.75)
        .map(|(_, c)| c)
        .collect()
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
