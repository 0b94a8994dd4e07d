//! A single pass over a file's bytes before the YAML parser sees it,
//! refusing what would make the parser blow up:
//!
//! - aliases (`*name`): each one replays its anchor, so a small file can
//!   expand to gigabytes ("billion laughs"); the format never needs them;
//! - nesting deeper than [`MAX_DEPTH`]: the parser's time grows with the
//!   square of the depth (100,000 `[` would take minutes);
//! - tags (`!!binary`, `!custom`), which serde would silently ignore.
//!
//! It tracks just enough YAML to be exact on real data: quoted scalars
//! (where `*` and `[` are text), comments, and where a node may start.

/// Deepest nesting of collections a dataset file may use.
pub const MAX_DEPTH: usize = 64;

/// Why a file was refused, and where (1-based line and column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    Alias {
        line: usize,
        col: usize,
        name: String,
    },
    TooDeep {
        line: usize,
        col: usize,
    },
    /// A tag (`!!binary`, `!custom`): the format's types are fixed.
    Tag {
        line: usize,
        col: usize,
        tag: String,
    },
}

/// Bytes that can change the scanner's state in plain context.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let special = b"\n\r\t \"'#[]{}-*&!:,?\\";
    let mut k = 0;
    while k < special.len() {
        t[special[k] as usize] = true;
        k += 1;
    }
    t
};

#[derive(Clone, Copy, PartialEq)]
enum State {
    Plain,
    Single,
    Double,
    Comment,
}

/// Whether a node (scalar, collection, alias) may start after `last`, the
/// last significant byte on the line (`\n` at the start of a line).
fn node_start(last: u8, flow_depth: usize) -> bool {
    matches!(last, b'\n' | b':' | b'-' | b'[' | b'{' | b'?') || (last == b',' && flow_depth > 0)
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b >= 0x80
}

/// Checks `text`; `Ok` when it holds neither aliases nor excessive nesting.
pub fn check(text: &str) -> Result<(), Refusal> {
    let bytes = text.as_bytes();
    let (mut state, mut last, mut escaped) = (State::Plain, b'\n', false);
    let (mut line, mut line_start) = (1, 0);
    let (mut flow, mut block) = (0usize, 0usize);
    let col = |i: usize, line_start: usize| text[line_start..i].chars().count() + 1;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
            block = 0;
            if state == State::Comment || state == State::Plain {
                state = State::Plain;
                last = b'\n';
            }
            // A new top-level record: no collection spans it.
            if bytes.get(i + 1..i + 3) == Some(b"- ") {
                flow = 0;
            }
            i += 1;
            continue;
        }
        match state {
            State::Comment => {
                // Nothing matters until the end of the line.
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
                continue;
            }
            State::Double if !escaped && b != b'\\' && b != b'"' => {
                i = memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
                continue;
            }
            State::Plain if !SPECIAL[usize::from(b)] => {
                // A run of ordinary text: only its last byte matters.
                let end = bytes[i..]
                    .iter()
                    .position(|&n| SPECIAL[usize::from(n)])
                    .map_or(bytes.len(), |p| i + p);
                last = bytes[end - 1];
                i = end;
                continue;
            }
            State::Double => {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    state = State::Plain;
                    last = b'"';
                }
            }
            State::Single => {
                if b == b'\'' {
                    if bytes.get(i + 1) == Some(&b'\'') {
                        i += 1;
                    } else {
                        state = State::Plain;
                        last = b'\'';
                    }
                }
            }
            State::Plain => match b {
                b' ' | b'\t' | b'\r' => {}
                b'#' if i == line_start || matches!(bytes[i - 1], b' ' | b'\t') => state = State::Comment,
                b'"' if node_start(last, flow) => state = State::Double,
                b'\'' if node_start(last, flow) => state = State::Single,
                // A collection opens: a flow one (`[`, `{`) or a block
                // sequence item (`- `), both one level deeper.
                b'[' | b'{' | b'-'
                    if node_start(last, flow)
                        && (b != b'-' || matches!(bytes.get(i + 1), Some(b' ') | None)) =>
                {
                    if b == b'-' {
                        block += 1;
                    } else {
                        flow += 1;
                    }
                    if flow + block > MAX_DEPTH {
                        return Err(Refusal::TooDeep {
                            line,
                            col: col(i, line_start),
                        });
                    }
                    last = b;
                }
                b']' | b'}' => {
                    flow = flow.saturating_sub(1);
                    last = b;
                }

                b'!' if node_start(last, flow) => {
                    let end = bytes[i..]
                        .iter()
                        .position(|&n| matches!(n, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}'))
                        .map_or(bytes.len(), |p| i + p);
                    return Err(Refusal::Tag {
                        line,
                        col: col(i, line_start),
                        tag: text[i..end].to_string(),
                    });
                }
                // An anchor (`&name`) comes before the node itself: skip
                // it, still at the node's start.
                b'&' if node_start(last, flow) => {
                    while bytes
                        .get(i + 1)
                        .is_some_and(|&n| !matches!(n, b' ' | b'\t' | b'\n' | b'\r'))
                    {
                        i += 1;
                    }
                }
                b'*' if node_start(last, flow) && bytes.get(i + 1).is_some_and(|&n| is_name_byte(n)) => {
                    let end = bytes[i + 1..]
                        .iter()
                        .position(|&n| !is_name_byte(n))
                        .map_or(bytes.len(), |p| i + 1 + p);
                    let name = text[i + 1..end].to_string();
                    return Err(Refusal::Alias {
                        line,
                        col: col(i, line_start),
                        name,
                    });
                }
                // Mid-scalar brackets are text: they open nothing after them.
                b'[' | b'{' => last = b'x',
                _ => last = b,
            },
        }
        i += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_found_where_nodes_start() {
        let found = |t: &str| match check(t) {
            Err(Refusal::Alias { line, col, name }) => Some((line, col, name)),
            _ => None,
        };
        assert_eq!(found("- id: a\n  name: *big\n"), Some((2, 9, "big".into())));
        assert_eq!(found("- id: a\n  people: [x, *p]\n"), Some((2, 15, "p".into())));
        assert_eq!(found("- *a\n"), Some((1, 3, "a".into())));
        assert_eq!(
            found("- a: &x [*y]\n"),
            Some((1, 10, "y".into())),
            "after an anchor"
        );
        assert_eq!(
            check("- a: !!seq [*y]\n"),
            Err(Refusal::Tag {
                line: 1,
                col: 6,
                tag: "!!seq".into()
            }),
            "a tag is refused first"
        );
        // Text, not aliases: inside quotes, mid-scalar, in comments.
        for ok in [
            "- summary: \"a *b c\"\n",
            "- summary: 'it''s *b'\n",
            "- summary: rates rose *sharply*\n",
            "- summary: Musk's *plan* [x]\n",
            "- id: a # see *note\n",
            "- summary: a, *b\n",
            "- q: \"esc \\\" *x\"\n",
            "- summary: R&D *x\n",
        ] {
            assert_eq!(check(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_at_the_level_that_is_too_deep() {
        let deep = format!("- id: a\n  name: {}\n", "[".repeat(100_000));
        assert_eq!(
            check(&deep),
            Err(Refusal::TooDeep {
                line: 2,
                col: 9 + MAX_DEPTH
            })
        );
        let dashes = format!("{}x\n", "- ".repeat(200));
        assert!(matches!(check(&dashes), Err(Refusal::TooDeep { line: 1, .. })));
        let fine = format!("- id: a\n  name: {}{}\n", "[".repeat(10), "]".repeat(10));
        assert_eq!(check(&fine), Ok(()));
        // Brackets in quotes and plain text do not count.
        assert_eq!(check(&format!("- s: \"{}\"\n", "[".repeat(1000))), Ok(()));
        assert_eq!(check(&format!("- s: a{}\n", "[".repeat(1000))), Ok(()));
    }

    #[test]
    fn the_curated_dataset_passes() {
        for text in [
            include_str!("../../data/sources.yaml"),
            include_str!("../../data/organizations.yaml"),
            include_str!("../../data/people.yaml"),
            include_str!("../../data/events.yaml"),
        ] {
            assert_eq!(check(text), Ok(()));
        }
    }
}
