//! Finding where a record, key or value stands in a YAML file's text.
//!
//! serde_yaml reports positions only for the errors it finds itself. The
//! validation pass works on typed records, so when it finds a problem it
//! asks this line scanner where record `i`'s key `k` is. It understands the
//! block style the format is written in (a list of `- key: value` maps);
//! for anything else it falls back to the record's first line.

/// A 1-based (line, column) position.
pub type Pos = (usize, usize);

/// Line index of a file's top-level list of records.
pub struct Locator<'a> {
    lines: Vec<&'a str>,
    /// 0-based line of each record's `-`.
    starts: Vec<usize>,
    /// Column (0-based) of the `-` that starts each record.
    indent: usize,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_significant(line: &str) -> bool {
    let t = line.trim();
    !(t.is_empty() || t.starts_with('#') || t == "---" || t.starts_with('%'))
}

fn starts_item(line: &str, indent: usize) -> bool {
    indent_of(line) == indent && {
        let rest = &line[indent..];
        rest == "-" || rest.starts_with("- ")
    }
}

/// Column (0-based) of the first character after "- " on an item line.
fn after_dash(line: &str, indent: usize) -> usize {
    let rest = &line[indent + 1..];
    indent + 1 + (rest.len() - rest.trim_start_matches(' ').len())
}

impl<'a> Locator<'a> {
    /// Scans `text` (BOM already removed).
    pub fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        let indent = lines
            .iter()
            .find(|l| is_significant(l))
            .map_or(0, |l| indent_of(l));
        let starts = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| starts_item(l, indent))
            .map(|(i, _)| i)
            .collect();
        Locator {
            lines,
            starts,
            indent,
        }
    }

    /// The byte offsets and first lines of each record, for parsing records
    /// one at a time. `None` when the file is not a block list.
    pub fn chunks(&self, text: &str) -> Option<Vec<(usize, usize)>> {
        if self.starts.is_empty() {
            return None;
        }
        let mut offsets = Vec::with_capacity(self.starts.len());
        let mut byte = 0;
        let mut next = self.starts.iter().peekable();
        for (i, line) in text.split('\n').enumerate() {
            if next.peek() == Some(&&i) {
                offsets.push((byte, i));
                next.next();
            }
            byte += line.len() + 1;
        }
        Some(offsets)
    }

    fn range(&self, record: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(record)?;
        let end = self.starts.get(record + 1).copied().unwrap_or(self.lines.len());
        Some((start, end))
    }

    /// Position of record `record`'s first key, or of its `-`.
    pub fn record(&self, record: usize) -> Pos {
        match self.range(record) {
            Some((start, _)) => {
                let line = self.lines[start];
                let col = if line.len() > self.indent + 1 {
                    after_dash(line, self.indent)
                } else {
                    self.indent
                };
                (start + 1, col + 1)
            }
            None => (1, 1),
        }
    }

    /// Position of the key at `path` (e.g. `["amount", "value"]`) inside a
    /// record, if it is written in block style.
    pub fn key(&self, record: usize, path: &[&str]) -> Option<Pos> {
        let (start, end) = self.range(record)?;
        let first = self.lines[start];
        let mut key_col = if first.len() > self.indent + 1 {
            after_dash(first, self.indent)
        } else {
            ((start + 1)..end)
                .map(|i| self.lines[i])
                .find(|l| is_significant(l))
                .map(indent_of)?
        };
        let (mut from, mut to) = (start, end);
        let mut found = None;
        for name in path {
            let line_ix = (from..to).find(|&i| {
                let line = self.lines[i];
                let col = if i == start {
                    key_col.min(line.len())
                } else {
                    indent_of(line)
                };
                (i == start || col == key_col) && key_matches(&line[col..], name)
            })?;
            found = Some((line_ix + 1, key_col + 1));
            // The key's block: following lines indented deeper than it.
            from = line_ix + 1;
            to = (from..to)
                .find(|&i| is_significant(self.lines[i]) && indent_of(self.lines[i]) <= key_col)
                .unwrap_or(to);
            if let Some(nested) = (from..to).map(|i| self.lines[i]).find(|l| is_significant(l)) {
                key_col = indent_of(nested);
            }
        }
        found
    }

    /// Position of `token` as a whole word within the key's line or block
    /// (e.g. one id in `people: [a, b]`); falls back to the key.
    pub fn token(&self, record: usize, key: &str, token: &str) -> Pos {
        self.token_nth(record, key, token, 0)
    }

    /// Like [`Locator::token`], for the `nth` (0-based) occurrence.
    pub fn token_nth(&self, record: usize, key: &str, token: &str, nth: usize) -> Pos {
        let mut left = nth;
        let Some((line, col)) = self.key(record, &[key]) else {
            return self.record(record);
        };
        let (_, end) = self.range(record).unwrap_or((0, self.lines.len()));
        let key_indent = col - 1;
        for i in (line - 1)..end {
            let text = self.lines[i];
            if i >= line
                && is_significant(text)
                && indent_of(text) <= key_indent
                && !text.trim_start().starts_with('-')
            {
                break;
            }
            let mut skip = if i == line - 1 { key_indent + key.len() } else { 0 };
            while let Some(at) = find_word(&text[skip.min(text.len())..], token) {
                let byte = skip + at;
                if left == 0 {
                    return (i + 1, text[..byte].chars().count() + 1);
                }
                left -= 1;
                skip = byte + token.len().max(1);
            }
        }
        (line, col)
    }

    /// Position of the value after `key:` in a record.
    pub fn value(&self, record: usize, path: &[&str]) -> Pos {
        match self.key(record, path) {
            Some((line, col)) => {
                let text = self.lines[line - 1];
                let key_start = text.char_indices().nth(col - 1).map_or(text.len(), |(b, _)| b);
                let rest = &text[key_start..];
                match rest.find(':') {
                    Some(colon) => {
                        let after = &rest[colon + 1..];
                        let spaces = after.len() - after.trim_start().len();
                        (line, col + rest[..colon + 1].chars().count() + spaces)
                    }
                    None => (line, col),
                }
            }
            None => self.record(record),
        }
    }
}

impl Locator<'_> {
    /// Where `key` is written a second time in the same mapping, searching
    /// the record that holds 1-based `line`.
    pub fn duplicate_key(&self, line: usize, key: &str) -> Option<Pos> {
        let record = self.starts.iter().rposition(|&s| s < line)?;
        let (start, end) = self.range(record)?;
        // Columns of the earlier `key`s still in scope: a line indented
        // less, or a new list item, closes the mappings deeper than it.
        let mut seen: Vec<usize> = Vec::new();
        for i in start..end {
            let text = self.lines[i];
            if !is_significant(text) {
                continue;
            }
            let indent = indent_of(text);
            let col = if text[indent..] == *"-" || text[indent..].starts_with("- ") {
                after_dash(text, indent)
            } else {
                indent
            };
            seen.retain(|&c| c <= indent);
            if key_matches(&text[col..], key) {
                if seen.contains(&col) {
                    return Some((i + 1, text[..col].chars().count() + 1));
                }
                seen.push(col);
            }
        }
        None
    }
}

fn key_matches(rest: &str, name: &str) -> bool {
    let rest = rest.trim_start_matches(['"', '\'']);
    rest.strip_prefix(name)
        .map(|r| r.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
        .unwrap_or(false)
}

fn find_word(hay: &str, word: &str) -> Option<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let mut from = 0;
    while let Some(at) = hay[from..].find(word) {
        let start = from + at;
        let end = start + word.len();
        let before_ok = hay[..start].chars().next_back().is_none_or(|c| !is_word(c));
        let after_ok = hay[end..].chars().next().is_none_or(|c| !is_word(c));
        if before_ok && after_ok {
            return Some(start);
        }
        from = start + word.len().max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# people\n- id: a\n  name: A\n  amount:\n    value: 3\n    currency: USD\n  people: [bob, bo]\n-\n  id: b\n  orgs:\n    - meta\n    - x\n";

    #[test]
    fn finds_records_keys_and_nested_keys() {
        let l = Locator::new(TEXT);
        assert_eq!(l.record(0), (2, 3));
        assert_eq!(l.key(0, &["id"]), Some((2, 3)));
        assert_eq!(l.key(0, &["name"]), Some((3, 3)));
        assert_eq!(l.key(0, &["amount", "value"]), Some((5, 5)));
        assert_eq!(l.key(0, &["amount", "currency"]), Some((6, 5)));
        assert_eq!(l.key(0, &["missing"]), None);
        assert_eq!(l.key(1, &["id"]), Some((9, 3)));
        assert_eq!(l.value(0, &["name"]), (3, 9));
    }

    #[test]
    fn finds_tokens_in_flow_and_block_lists() {
        let l = Locator::new(TEXT);
        assert_eq!(l.token(0, "people", "bo"), (7, 17));
        assert_eq!(l.token(0, "people", "bob"), (7, 12));
        assert_eq!(l.token(1, "orgs", "x"), (12, 7));
        let twice = Locator::new("- people: [a, b, a]\n");
        assert_eq!(twice.token_nth(0, "people", "a", 1), (1, 18));
    }

    #[test]
    fn chunks_split_at_each_record() {
        let l = Locator::new(TEXT);
        let chunks = l.chunks(TEXT).unwrap();
        assert_eq!(chunks.iter().map(|c| c.1).collect::<Vec<_>>(), [1, 7]);
        assert!(TEXT[chunks[1].0..].starts_with("-\n  id: b"));
        assert!(Locator::new("a: b\n").chunks("a: b\n").is_none());
    }
}
