//! Line scans for what YAML reports late or as something else: a quote
//! left open in the middle of a file (the parser gives up lines later, at
//! whatever the quote swallowed), and numbers written in hex, octal or
//! with underscores (which YAML reads, and the format does not allow).

use super::super::diag::Diagnostic;
use super::super::locate::Pos;
use super::parse::FileCtx;

/// Whether a value can start after `before` on a line: after the
/// indentation, a list item's `- `, a key's `: `, or inside a flow list
/// or map after `[`, `{` or `,`.
fn value_start(before: &str) -> bool {
    let t = before.trim_end();
    t.is_empty()
        || (t.len() < before.len()
            && (t.ends_with([':', '[', '{', ',']) || t.trim_start().chars().all(|c| c == '-' || c == ' ')))
        || t.ends_with(['[', '{'])
}

/// The lines of `text` that are not inside a block scalar (`|`, `>`),
/// with their 1-based numbers.
fn plain_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut scalar: Option<usize> = None;
    text.split('\n').enumerate().filter_map(move |(n, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = scalar {
            if line.trim().is_empty() || indent > parent {
                return None;
            }
            scalar = None;
        }
        let body = line.split(" #").next().unwrap_or(line).trim_end();
        if body.ends_with(['|', '>']) || body.ends_with("|-") || body.ends_with(">-") {
            scalar = Some(indent);
        }
        Some((n + 1, line))
    })
}

/// The first quote opened at a value's start and not closed on its own
/// line, in the record (block list item) holding line `upto`, before it:
/// where a YAML syntax error after it most likely comes from.
pub(super) fn open_quote(text: &str, upto: usize) -> Option<(char, Pos)> {
    let mut found: Option<(char, Pos)> = None;
    for (n, line) in plain_lines(text).take_while(|&(n, _)| n < upto) {
        if line.starts_with("- ") || line == "-" {
            found = None;
        }
        if found.is_some() {
            continue;
        }
        let mut quote: Option<(char, usize)> = None;
        let mut chars = line.char_indices().enumerate().peekable();
        while let Some((col, (at, c))) = chars.next() {
            match quote {
                Some(('"', _)) if c == '\\' => {
                    chars.next();
                }
                Some((q, _)) if c == q => {
                    if q == '\'' && chars.peek().is_some_and(|&(_, (_, d))| d == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
                Some(_) => {}
                None if c == '#' && line[..at].ends_with(' ') => break,
                None if matches!(c, '"' | '\'') && value_start(&line[..at]) => quote = Some((c, col + 1)),
                None => {}
            }
        }
        found = quote.map(|(q, col)| (q, (n, col)));
    }
    found
}

/// `message` with the number serde quotes (`floating point `1000.0``,
/// `integer `511``) replaced by the plain value written on `line` at `col`
/// (`1e3`, `0x1FF`): a value is quoted as written.
pub(super) fn as_written(line: &str, col: usize, message: &str) -> String {
    let kinds = ["floating point `", "integer `"];
    let Some((start, kind)) = kinds.iter().find_map(|k| message.find(k).map(|at| (at, k))) else {
        return message.to_string();
    };
    let from = start + kind.len();
    let Some(len) = message[from..].find('`') else {
        return message.to_string();
    };
    let written = line
        .char_indices()
        .nth(col.saturating_sub(1))
        .map(|(b, _)| &line[b..])
        .and_then(|rest| rest.split([',', ']', '}', '#', '\r']).next())
        .map(str::trim)
        .filter(|w| !w.is_empty() && !w.starts_with(['"', '\'', '[', '{']));
    match written {
        Some(w) => format!("{}{w}{}", &message[..from], &message[from + len..]),
        None => message.to_string(),
    }
}

/// How a plain number is written that the format does not allow: hex
/// (`0x1FF`), octal (`0o17`), binary or with underscores (`1_000`).
fn odd_number(token: &str) -> Option<&'static str> {
    let t = token.trim_start_matches(['-', '+']);
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c == '_' || c.is_digit(radix));
    if let Some(rest) = t.strip_prefix("0x") {
        digits(rest, 16).then_some("a hex number")
    } else if let Some(rest) = t.strip_prefix("0o") {
        digits(rest, 8).then_some("an octal number")
    } else if let Some(rest) = t.strip_prefix("0b") {
        digits(rest, 2).then_some("a binary number")
    } else {
        let number = t.starts_with(|c: char| c.is_ascii_digit())
            && t.contains('_')
            && t.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '_' | '.' | 'e' | 'E' | '-' | '+'));
        number.then_some("a number with underscores")
    }
}

/// Every plain (unquoted) value written as hex, octal, binary or with
/// underscores, reported at the value as written.
pub(super) fn numbers(file: &FileCtx) -> Vec<Diagnostic> {
    let text = file.text;
    if !text.contains("0x") && !text.contains("0o") && !text.contains("0b") && !text.contains('_') {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (n, line) in plain_lines(text) {
        let mut start = 0;
        for (at, c) in line.char_indices() {
            if matches!(c, '"' | '\'') && value_start(&line[..at]) || c == '#' && line[..at].ends_with(' ') {
                break;
            }
            if at < start || !value_start(&line[..at]) || c == ' ' {
                continue;
            }
            let token = line[at..]
                .split([',', ']', '}', ' ', '#'])
                .next()
                .unwrap_or_default();
            start = at + token.len();
            // A date is checked as written, with its own message.
            let date = ["date:", "published:", "founded:"]
                .iter()
                .any(|k| line[..at].trim_end().ends_with(k));
            if let Some(what) = odd_number(token).filter(|_| !date) {
                let col = line[..at].chars().count() + 1;
                out.push(
                    file.err((n, col), format!("`{token}` is {what}, which the format does not allow"))
                        .hint("write the number in plain decimal digits (e.g. 511 or 1000), or quote it if it is text"),
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_quote_left_open_on_its_line() {
        let text = "- id: a\n  quote: \"open\n  b: \"x\" y\n- id: b\n";
        assert_eq!(open_quote(text, 3), Some(('"', (2, 10))));
        assert_eq!(open_quote(text, 5), None, "another record");
        let fine = "- id: a\n  q: 'it''s' # \"x\n  t: >-\n    a \"b\n";
        assert_eq!(open_quote(fine, 5), None);
    }

    #[test]
    fn numbers_are_quoted_as_written() {
        let text = "  count: 1e3 # many";
        let m = "invalid type: floating point `1000.0`, expected u32";
        assert_eq!(
            as_written(text, 10, m),
            "invalid type: floating point `1e3`, expected u32"
        );
        assert_eq!(as_written(text, 10, "unknown field `x`"), "unknown field `x`");
    }

    #[test]
    fn names_odd_numbers_only() {
        for (t, what) in [
            ("0x1FF", Some("a hex number")),
            ("0o17", Some("an octal number")),
            ("1_000", Some("a number with underscores")),
            ("-0x1", Some("a hex number")),
            ("1000", None),
            ("snake_case", None),
            ("0xyz", None),
        ] {
            assert_eq!(odd_number(t), what, "{t}");
        }
    }
}
