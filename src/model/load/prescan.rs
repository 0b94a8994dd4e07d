//! Line checks made before the YAML parser runs, so their problems are
//! reported at their own line and column: control bytes, and a second
//! document after `---` or `...` (which the parser reports without a place).

use super::super::diag::Diagnostic;
use super::parse::FileCtx;

/// The first problem of this kind in `file`, if any.
pub(super) fn check(file: &FileCtx) -> Option<Diagnostic> {
    control_char(file).or_else(|| extra_document(file))
}

/// Whether YAML refuses `c` anywhere in a file (C0 controls other than
/// tab, line feed and carriage return; DEL; C1 controls other than NEL).
fn is_refused(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{85}')) || matches!(c, '\u{fffe}' | '\u{ffff}')
}

fn control_char(file: &FileCtx) -> Option<Diagnostic> {
    // Fast path: the first byte of every refused character is one of these.
    let suspect =
        |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || matches!(b, 0x7f | 0xc2 | 0xef);
    if !file.text.as_bytes().iter().any(suspect) {
        return None;
    }
    for (n, line) in file.text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if let Some((col, c)) = line.chars().enumerate().find(|&(_, c)| is_refused(c)) {
            let what = if c == '\0' {
                "a NUL byte".to_string()
            } else {
                format!("control character U+{:04X}", u32::from(c))
            };
            return Some(
                file.err((n + 1, col + 1), format!("{what} is not allowed in YAML"))
                    .hint("delete it; it is often left by a copy from a PDF or a binary file"),
            );
        }
    }
    None
}

/// Whether a line holds more than comments and blanks.
fn significant(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// Whether a line is the marker `m` (`---` or `...`), alone or followed by
/// a space or tab.
fn is_marker(line: &str, m: &str) -> bool {
    line.strip_prefix(m)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

fn extra_document(file: &FileCtx) -> Option<Diagnostic> {
    // Fast path: no line starts with a marker.
    let text = file.text.as_bytes();
    let starts = |m: &[u8]| text.starts_with(m) || memchr::memmem::find(text, &[b"\n", m].concat()).is_some();
    if !starts(b"---") && !starts(b"...") {
        return None;
    }
    let mut seen_content = false;
    let mut ended: Option<usize> = None;
    for (n, line) in file.text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let marker = |m: &str| is_marker(line, m);
        if marker("---") {
            if seen_content {
                return Some(
                    file.err((n + 1, 1), "a second YAML document starts here (`---`)".into())
                        .hint("a dataset file is one list of records: remove the `---` line, or merge the records after it into the list above"),
                );
            }
            continue;
        }
        if marker("...") {
            ended.get_or_insert(n + 1);
            continue;
        }
        if !significant(line) || line.starts_with('%') {
            continue;
        }
        if let Some(end) = ended {
            return Some(
                file.err(
                    (n + 1, 1),
                    format!("text after the end of the document (`...` on line {end})"),
                )
                .hint("remove the `...` line, or the text after it"),
            );
        }
        seen_content = true;
    }
    None
}
