//! Rewording serde_yaml's errors as diagnostics with hints.

use super::super::diag::{Diagnostic, closest};
use super::super::guard::{MAX_DEPTH, Refusal};
use super::parse::FileCtx;
use super::syntax;

/// Turns a serde_yaml error into a diagnostic with a hint.
pub(super) fn yaml_error(file: &FileCtx, e: &serde_yaml::Error, line_offset: usize) -> Diagnostic {
    let pos = e
        .location()
        .map_or((1, 1), |l| (l.line() + line_offset, l.column()));
    let mut text = e.to_string();
    let opened = opened_at(&text, line_offset);
    if let Some(at) = text.find(" at line ") {
        text.truncate(at);
    }
    // serde_yaml prefixes record errors with a path such as `.[0].amount.value: `.
    let (path, what) = match text.split_once(": ") {
        Some((p, w)) if p.starts_with('.') => (p.to_string(), w.to_string()),
        _ => (String::new(), text.clone()),
    };
    let field = path
        .rsplit('.')
        .next()
        .filter(|s| !s.is_empty() && !s.starts_with('['));
    let (message, hint) = explain(&what, field);
    let message = syntax::as_written(file.line(pos.0).unwrap_or_default(), pos.1, &message);
    let message = match field {
        Some(f) if !message.contains(&format!("`{f}`")) => format!("`{f}`: {message}"),
        _ => message,
    };
    if opened.is_none()
        && let Some((bracket, at)) = file.unclosed().filter(|&(_, at)| at <= pos)
    {
        return never_closed(file, bracket, at);
    }
    let syntax = path.is_empty() && !what.starts_with("invalid") && !what.contains("field");
    if syntax && line_has_tab(file, pos.0) {
        return file
            .err(pos, "a tab in the indentation".into())
            .hint("indent with spaces; YAML does not allow tabs in indentation");
    }
    let opened = opened.or_else(|| {
        // Only the record (or the whole file's parse) the error is in.
        let first = line_offset + 1;
        let (q, (line, col)) =
            syntax::open_quote(file.text_from(first), pos.0 + 1 - first).filter(|_| syntax)?;
        let at = (line + first - 1, col);
        Some((if q == '"' { "`\"`" } else { "`'`" }, at))
    });
    if let Some((what, at)) = opened {
        return never_closed_at(file, what, at, pos);
    }
    let mut d = file.err(pos, message);
    d.hint = hint;
    // serde names a duplicate at its record: point at the second key.
    let duplicate = what
        .strip_prefix("duplicate entry with key ")
        .or_else(|| what.strip_prefix("duplicate field "))
        .map(|k| k.trim_matches(['"', '`']));
    if let Some(at) = duplicate.and_then(|key| file.loc().duplicate_key(pos.0, key)) {
        (d.line, d.col) = at;
    }
    d
}

/// Whether the indentation of line `n` holds a tab.
fn line_has_tab(file: &FileCtx, n: usize) -> bool {
    let line = file.line(n).unwrap_or_default();
    line.chars().take_while(|c| c.is_whitespace()).any(|c| c == '\t')
}

/// The diagnostic for a quote, `[` or `{` (`what`) opened at `at` and not
/// closed where it should be, at the opening: YAML gave up later, at
/// `gave_up`, on whatever it swallowed.
fn never_closed_at(
    file: &FileCtx,
    what: &str,
    (line, col): (usize, usize),
    gave_up: (usize, usize),
) -> Diagnostic {
    let short = file.name.rsplit('/').next().unwrap_or(&file.name);
    let quote = file.char_at((line, col)).filter(|c| matches!(c, '"' | '\''));
    let what = match quote {
        Some(q) => format!("`{q}`"),
        None => what.to_string(),
    };
    let close = match what.as_str() {
        "`[`" => "`]`",
        "`{`" => "`}`",
        _ => what.as_str(),
    };
    file.err((line, col), format!("{what} opened here is not closed"))
        .hint(format!(
            "close it with {close} where the value ends (YAML read on and gave up at {short}:{}:{})",
            gave_up.0, gave_up.1
        ))
}

/// From libyaml's `..., while scanning a quoted scalar at line 2 column 12`:
/// what was left open, and where it opened.
fn opened_at(text: &str, line_offset: usize) -> Option<(&'static str, (usize, usize))> {
    let (_, context) = text.split_once(", while ")?;
    let what = if context.starts_with("scanning a quoted scalar") {
        "a quoted string"
    } else if context.starts_with("parsing a flow sequence") {
        "`[`"
    } else if context.starts_with("parsing a flow mapping") {
        "`{`"
    } else {
        return None;
    };
    let (_, at) = context.split_once(" at line ")?;
    let (line, col) = at.split_once(" column ")?;
    let num = |s: &str| s.trim().parse::<usize>().ok();
    Some((what, (num(line)? + line_offset, num(col)?)))
}

/// The diagnostic for a flow `[` or `{` at `at` that the file never closes,
/// at the bracket: serde reports it as whatever the list swallowed (often a
/// type error), and libyaml only when it reads the end of the file.
fn never_closed(file: &FileCtx, bracket: char, (line, col): (usize, usize)) -> Diagnostic {
    let short = file.name.rsplit('/').next().unwrap_or(&file.name);
    let (close, what) = if bracket == '[' {
        (']', "list")
    } else {
        ('}', "map")
    };
    file.err(
        (line, col),
        format!("`{bracket}` opened at {short}:{line}:{col} is never closed"),
    )
    .hint(format!(
        "close the {what} with `{close}` where it ends, or write it in block style"
    ))
}

/// The first flow `[` or `{` of `text` still open at its end, and its
/// 1-based (line, column); `None` when every one is closed, or when a
/// quoted string is left open instead (libyaml reports that itself).
/// Brackets in comments, quoted strings, block scalars (`|`, `>`) and
/// plain text (`a [b`) open nothing.
pub(super) fn unclosed_flow(text: &str) -> Option<(char, (usize, usize))> {
    let mut open: Vec<(char, (usize, usize))> = Vec::new();
    let mut quote: Option<char> = None;
    // The indentation a block scalar's lines go deeper than.
    let mut scalar: Option<usize> = None;
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = scalar {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            scalar = None;
        }
        let mut prev = ' ';
        let mut chars = line.char_indices().peekable();
        let mut col = 0;
        while let Some((at, c)) = chars.next() {
            col += 1;
            match quote {
                Some('"') if c == '\\' => {
                    chars.next();
                    col += 1;
                }
                Some(q) if c == q => {
                    if q == '\'' && chars.peek().is_some_and(|&(_, d)| d == '\'') {
                        chars.next();
                        col += 1;
                    } else {
                        quote = None;
                    }
                }
                Some(_) => {}
                None => {
                    let starts = if open.is_empty() {
                        value_start(&line[..at])
                    } else {
                        prev.is_whitespace() || matches!(prev, '[' | '{' | ',' | ':')
                    };
                    match c {
                        '#' if prev.is_whitespace() => break,
                        '"' | '\'' if starts => quote = Some(c),
                        '[' | '{' if starts || !open.is_empty() => open.push((c, (n + 1, col))),
                        ']' | '}' if !open.is_empty() => {
                            open.pop();
                        }
                        '|' | '>' if starts && open.is_empty() => {
                            let key = line.trim_start_matches([' ', '-']);
                            scalar = Some(line.len() - key.len());
                            break;
                        }
                        _ => {}
                    }
                }
            }
            prev = c;
        }
    }
    if quote.is_some() {
        return None;
    }
    open.first().copied()
}

/// Whether a value can start after `before` on a line in block style:
/// after the indentation, a list item's `- ` or a key's `: `.
fn value_start(before: &str) -> bool {
    let t = before.trim_end();
    t.len() < before.len() && (t.ends_with(':') || t.trim_start().chars().all(|c| c == '-' || c == ' '))
        || before.trim().is_empty()
}

/// The diagnostic for a file the pre-parse guard refused.
pub(super) fn refused(file: &FileCtx, refusal: Refusal) -> Diagnostic {
    match refusal {
        Refusal::Alias { line, col, name } => file
            .err((line, col), format!("YAML alias `*{name}` is not allowed"))
            .hint("write the value out in full; aliases can expand a small file into gigabytes, and the format never needs them"),
        Refusal::Tag { line, col, tag } => file
            .err((line, col), format!("YAML tag `{tag}` is not allowed"))
            .hint("remove the tag; every field's type is fixed by the format (quote text that starts with `!`)"),
        Refusal::TooDeep { line, col } => file
            .err((line, col), format!("nested more than {MAX_DEPTH} levels deep"))
            .hint("dataset records are flat lists of fields; check for unclosed brackets"),
    }
}

/// The `names` in a serde message, in order.
fn ticked(text: &str) -> Vec<String> {
    text.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

/// From serde's "`bad`, expected one of `a`, `b`": the bad name, and a
/// hint with the closest allowed name and the whole `listing`.
fn suggest(rest: &str, listing: &str) -> (String, String) {
    let names = ticked(rest);
    let (bad, allowed) = names
        .split_first()
        .map_or(("", &[][..]), |(b, a)| (b.as_str(), a));
    let allowed: Vec<&str> = allowed.iter().map(String::as_str).collect();
    let hint = match closest(bad, allowed.iter().copied()) {
        Some(s) => format!("did you mean `{s}`? {listing}: {}", allowed.join(", ")),
        None => format!("{listing}: {}", allowed.join(", ")),
    };
    (bad.to_string(), hint)
}

/// serde's words for types in the format's words: `null` for a unit
/// value, a list for a sequence, a map of fields for one of the loader's
/// own record types (whose names mean nothing to a curator).
fn plain_types(what: &str) -> String {
    let mut out = what
        .replace("unit value", "null")
        .replace("expected a sequence", "expected a list")
        .replace("expected f64", "expected a number")
        .replace("expected u32", "expected a whole number");
    if let Some(at) = out.find("expected struct ") {
        let name_end = out[at + 16..]
            .find(|c: char| !c.is_alphanumeric())
            .map_or(out.len(), |n| at + 16 + n);
        out.replace_range(at..name_end, "expected a map of fields");
    }
    out
}

/// The number in `invalid type: string "1e400", expected f64`, when it is
/// a number too large for any type (YAML then reads it as text).
fn out_of_range(what: &str) -> Option<&str> {
    let rest = what.strip_prefix("invalid type: string \"")?;
    let (number, tail) = rest.split_once('"')?;
    let infinite = number.parse::<f64>().is_ok_and(f64::is_infinite);
    (tail.contains("expected f64") && infinite).then_some(number)
}

/// Rewords a serde or YAML message and finds a hint for it.
fn explain(what: &str, field: Option<&str>) -> (String, Option<String>) {
    if let Some(rest) = what.strip_prefix("unknown field ") {
        let (bad, hint) = suggest(rest, "allowed fields");
        return (format!("unknown field `{bad}`"), Some(hint));
    }
    if let Some(rest) = what.strip_prefix("unknown variant ") {
        let (bad, hint) = suggest(rest, "one of");
        let what = field.map_or("value".to_string(), |f| format!("`{f}`"));
        return (format!("unknown {what} `{bad}`"), Some(hint));
    }
    if let Some(rest) = what.strip_prefix("missing field ") {
        let name = ticked(rest).into_iter().next().unwrap_or_default();
        return (
            format!("missing field `{name}`"),
            Some(format!("add `{name}:` to this record")),
        );
    }
    if what.starts_with("duplicate field") {
        return (what.to_string(), Some("write each field once per record".into()));
    }
    if what.starts_with("invalid type: map, expected a sequence") && field.is_none() {
        return (
            "the file holds a map, but a dataset file is a list of records".into(),
            Some("start each record with `- ` (e.g. `- id: ...`)".into()),
        );
    }
    if let Some(big) = out_of_range(what) {
        return (
            format!("`{big}` is out of range"),
            Some("write a plain number in units, below 1e18, e.g. 14.3e9".into()),
        );
    }
    if what.starts_with("invalid type") || what.starts_with("invalid value") {
        let what = plain_types(what);
        let hint = match field {
            Some("people" | "orgs" | "aliases" | "sources" | "alternatives") => {
                "write a list, e.g. `[a, b]`".to_string()
            }
            Some("date" | "published" | "founded") => "write a date as YYYY, YYYY-MM or YYYY-MM-DD".into(),
            Some("value") => "write a plain number in units, e.g. 14.3e9".into(),
            Some("count") => "write a whole number of people, e.g. 11".into(),
            None => "each element of the list must be a map of fields (`- id: ...`)".into(),
            _ => "check the value's type against the format in docs/format.md".into(),
        };
        return (what, Some(hint));
    }
    if what.contains("tab character") {
        return (
            what.to_string(),
            Some("indent with spaces; YAML does not allow tabs in indentation".into()),
        );
    }
    if what.contains("repetition limit") || what.contains("recursion limit") {
        return (
            format!("{what}: the file expands aliases or nests too deeply"),
            Some("write values out plainly; the format needs no anchors, aliases or deep nesting".into()),
        );
    }
    (
        what.to_string(),
        Some("check the indentation and quoting near here".into()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_flow_bracket_left_open() {
        assert_eq!(unclosed_flow("- a: [x,\n  b: y\n"), Some(('[', (1, 6))));
        assert_eq!(unclosed_flow("- a: [x, {b: [c]}\n"), Some(('[', (1, 6))));
        assert_eq!(unclosed_flow("-\n  a: {b: 1\n"), Some(('{', (2, 6))));
        assert_eq!(unclosed_flow("- [a\n"), Some(('[', (1, 3))));
    }

    #[test]
    fn brackets_that_open_nothing() {
        for text in [
            "- a: [x, \"]\", 'y''s ]', \"\\\"]\"]\n",
            "- a: text [with bracket\n  b: it's {fine\n",
            "- a: 1 # [comment\n# [ too\n",
            "- a: |\n    [literal\n    {text\n  b: [x]\n",
            "- a: >-\n    [folded\n- b: [y]\n",
            "- a: \"never [ closed\n",
        ] {
            assert_eq!(unclosed_flow(text), None, "{text}");
        }
    }
}
