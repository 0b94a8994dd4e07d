//! `--ascii`: the drawn screen with every border, marker, arrow and bar
//! character replaced by an ASCII one of the same width, for terminals
//! without Unicode. It works on the finished buffer, so no widget (and no
//! widget added later) can miss it.

use ratatui::buffer::Buffer;

/// The ASCII stand-in for a drawing character, if it is one.
pub fn ascii(c: char) -> Option<char> {
    Some(match c {
        // Box drawing: plain, rounded, double and thick lines.
        '─' | '╌' | '┄' | '┈' => '-',
        '━' | '═' | '╍' | '┅' | '┉' => '=',
        '│' | '┃' | '║' | '╎' | '╏' | '┆' | '┇' | '┊' | '┋' => '|',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' => {
            '+'
        }
        '┏' | '┓' | '┗' | '┛' | '┣' | '┫' | '┳' | '┻' | '╋' => '+',
        '╔' | '╗' | '╚' | '╝' | '╠' | '╣' | '╦' | '╩' | '╬' => '+',
        // Scrollbars, cursors and the sparkline's bars, lowest to highest.
        '▏' | '▕' => '|',
        '▁' => '_',
        '▂' | '▃' => '.',
        '▄' => 'o',
        '▅' | '▆' => '*',
        '▇' | '█' | '▉' | '▊' | '▋' | '▌' | '▍' | '▎' | '▐' | '▒' => '#',
        // The Money view's disputed range: down to the lowest, up to the highest.
        '▓' => '=',
        '░' => ':',
        // Markers, arrows and punctuation.
        '›' | '»' | '→' | '⇢' | '⟶' | '▶' | '▸' => '>',
        '‹' | '«' | '←' | '◀' | '◂' => '<',
        '↑' | '▲' => '^',
        '↓' | '▼' => 'v',
        '≠' => '!',
        '≥' => '>',
        '≤' => '<',
        '·' | '…' => '.',
        '•' | '●' | '◆' | '★' => '*',
        '○' | '◯' => 'o',
        '−' | '–' | '—' => '-',
        '“' | '”' | '„' => '"',
        '‘' | '’' => '\'',
        '�' => '?',
        _ => return None,
    })
}

/// Replaces every drawing character in `buf` by its ASCII stand-in.
pub fn transliterate(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            let mut chars = cell.symbol().chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && let Some(a) = ascii(c)
            {
                cell.set_char(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::widgets::{Block, BorderType, Widget};

    #[test]
    fn borders_become_ascii_and_text_stays() {
        let area = Rect::new(0, 0, 8, 3);
        let mut buf = Buffer::empty(area);
        Block::bordered()
            .border_type(BorderType::Thick)
            .title("é→·")
            .render(area, &mut buf);
        transliterate(&mut buf);
        let rows: Vec<String> = (0..3)
            .map(|y| (0..8).map(|x| buf[(x, y)].symbol().to_string()).collect())
            .collect();
        assert_eq!(rows, ["+é>.===+", "|      |", "+======+"]);
    }

    #[test]
    fn every_stand_in_is_one_ascii_column() {
        for c in ['─', '┃', '╭', '█', '▁', '›', '≠', '≥', '…', '●', '“', '↓'] {
            let a = ascii(c);
            assert!(a.is_some_and(|a| a.is_ascii_graphic()), "{c}");
            assert_eq!(unicode_width::UnicodeWidthChar::width(c), Some(1), "{c}");
        }
        assert_eq!(ascii('é'), None);
    }
}
