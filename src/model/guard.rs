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
    let mut s = Scanner::new(text);
    while s.i < s.bytes.len() {
        s.step()?;
    }
    Ok(())
}

/// Where the scan is and what it has seen on the current line.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// The next byte to look at.
    i: usize,
    state: State,
    /// The last significant byte on the line (`\n` at its start).
    last: u8,
    /// The previous byte in a double-quoted scalar was a backslash.
    escaped: bool,
    line: usize,
    line_start: usize,
    /// Open flow collections (`[`, `{`).
    flow: usize,
    /// Block sequence items (`- `) opened on this line.
    block: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Scanner<'a> {
        Scanner {
            text,
            bytes: text.as_bytes(),
            i: 0,
            state: State::Plain,
            last: b'\n',
            escaped: false,
            line: 1,
            line_start: 0,
            flow: 0,
            block: 0,
        }
    }

    /// The 1-based column of byte `i` on the current line.
    fn col(&self, i: usize) -> usize {
        self.text[self.line_start..i].chars().count() + 1
    }

    /// Moves past the byte at `i`, or past a run of bytes that cannot
    /// change the state.
    fn step(&mut self) -> Result<(), Refusal> {
        let (bytes, i) = (self.bytes, self.i);
        let b = bytes[i];
        if b == b'\n' {
            self.newline();
            return Ok(());
        }
        match self.state {
            State::Comment => {
                // Nothing matters until the end of the line.
                self.i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
                return Ok(());
            }
            State::Double if !self.escaped && b != b'\\' && b != b'"' => {
                self.i = memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p);
                return Ok(());
            }
            State::Plain if !SPECIAL[usize::from(b)] => {
                // A run of ordinary text: only its last byte matters.
                let end = bytes[i..]
                    .iter()
                    .position(|&n| SPECIAL[usize::from(n)])
                    .map_or(bytes.len(), |p| i + p);
                self.last = bytes[end - 1];
                self.i = end;
                return Ok(());
            }
            State::Double => self.double(b),
            State::Single => self.single(b),
            State::Plain => self.plain(b)?,
        }
        self.i += 1;
        Ok(())
    }

    /// A line ends: comments and plain scalars end with it.
    fn newline(&mut self) {
        let i = self.i;
        self.line += 1;
        self.line_start = i + 1;
        self.block = 0;
        if self.state == State::Comment || self.state == State::Plain {
            self.state = State::Plain;
            self.last = b'\n';
        }
        // A new top-level record: no collection spans it.
        if self.bytes.get(i + 1..i + 3) == Some(b"- ") {
            self.flow = 0;
        }
        self.i += 1;
    }

    /// A backslash or quote in a double-quoted scalar.
    fn double(&mut self, b: u8) {
        if self.escaped {
            self.escaped = false;
        } else if b == b'\\' {
            self.escaped = true;
        } else if b == b'"' {
            self.state = State::Plain;
            self.last = b'"';
        }
    }

    /// A byte in a single-quoted scalar, where `''` is a quote.
    fn single(&mut self, b: u8) {
        if b == b'\'' {
            if self.bytes.get(self.i + 1) == Some(&b'\'') {
                self.i += 1;
            } else {
                self.state = State::Plain;
                self.last = b'\'';
            }
        }
    }

    /// A special byte outside quotes and comments.
    fn plain(&mut self, b: u8) -> Result<(), Refusal> {
        let (bytes, text, i) = (self.bytes, self.text, self.i);
        let at_node = node_start(self.last, self.flow);
        match b {
            b' ' | b'\t' | b'\r' => {}
            b'#' if i == self.line_start || matches!(bytes[i - 1], b' ' | b'\t') => {
                self.state = State::Comment
            }
            b'"' if at_node => self.state = State::Double,
            b'\'' if at_node => self.state = State::Single,
            // A collection opens: a flow one (`[`, `{`) or a block
            // sequence item (`- `), both one level deeper.
            b'[' | b'{' | b'-' if at_node && (b != b'-' || matches!(bytes.get(i + 1), Some(b' ') | None)) => {
                if b == b'-' {
                    self.block += 1;
                } else {
                    self.flow += 1;
                }
                if self.flow + self.block > MAX_DEPTH {
                    return Err(Refusal::TooDeep {
                        line: self.line,
                        col: self.col(i),
                    });
                }
                self.last = b;
            }
            b']' | b'}' => {
                self.flow = self.flow.saturating_sub(1);
                self.last = b;
            }
            b'!' if at_node => {
                let end = bytes[i..]
                    .iter()
                    .position(|&n| matches!(n, b' ' | b'\t' | b'\n' | b'\r' | b',' | b']' | b'}'))
                    .map_or(bytes.len(), |p| i + p);
                return Err(Refusal::Tag {
                    line: self.line,
                    col: self.col(i),
                    tag: text[i..end].to_string(),
                });
            }
            // An anchor (`&name`) comes before the node itself: skip
            // it, still at the node's start.
            b'&' if at_node => {
                while bytes
                    .get(self.i + 1)
                    .is_some_and(|&n| !matches!(n, b' ' | b'\t' | b'\n' | b'\r'))
                {
                    self.i += 1;
                }
            }
            b'*' if at_node && bytes.get(i + 1).is_some_and(|&n| is_name_byte(n)) => {
                let end = bytes[i + 1..]
                    .iter()
                    .position(|&n| !is_name_byte(n))
                    .map_or(bytes.len(), |p| i + 1 + p);
                return Err(Refusal::Alias {
                    line: self.line,
                    col: self.col(i),
                    name: text[i + 1..end].to_string(),
                });
            }
            // Mid-scalar brackets are text: they open nothing after them.
            b'[' | b'{' => self.last = b'x',
            _ => self.last = b,
        }
        Ok(())
    }
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
