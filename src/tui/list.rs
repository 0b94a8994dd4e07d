//! Selection and scrolling of a virtualized list: only `offset..offset +
//! height` rows are ever built.

/// Selected row and first visible row of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub selected: usize,
    pub offset: usize,
}

/// Rows kept between the selection and the list's edge when scrolling.
pub const SCROLL_MARGIN: usize = 3;

impl ListState {
    /// Moves the selection by `delta` rows, clamped to `0..len`.
    pub fn move_by(&mut self, delta: isize, len: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len.saturating_sub(1));
    }

    /// Selects row `row`, clamped to `0..len`.
    pub fn select(&mut self, row: usize, len: usize) {
        self.selected = row.min(len.saturating_sub(1));
    }

    /// Selects row `row`, clamped to `0..len`, and makes it the first
    /// visible row (a jump's target shows at the top, with what follows).
    pub fn select_at_top(&mut self, row: usize, len: usize) {
        self.select(row, len);
        self.offset = self.selected;
    }

    /// Scrolls so the selection is visible in `height` rows with a margin.
    pub fn scroll_into_view(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = visible_offset(self.offset, self.selected, len, height);
    }

    /// Like [`ListState::scroll_into_view`] after the selection moved from
    /// row `from`: moving down only ever scrolls down, so stepping on from
    /// a row put at the top keeps it there.
    pub fn follow(&mut self, from: usize, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let margin = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
        let keep = self.selected > from
            && self.selected >= self.offset
            && self.selected + margin < self.offset + height
            && self.offset <= len.saturating_sub(height);
        if !keep {
            self.offset = visible_offset(self.offset, self.selected, len, height);
        }
    }
}

/// The first visible row that keeps `selected` on screen, at least
/// [`SCROLL_MARGIN`] rows from either edge where the list allows. A
/// selection exactly on the first visible row stays there: only
/// [`ListState::select_at_top`] puts it there (moving up scrolls early).
pub fn visible_offset(offset: usize, selected: usize, len: usize, height: usize) -> usize {
    if height == 0 || len <= height {
        return 0;
    }
    let margin = SCROLL_MARGIN.min(height.saturating_sub(1) / 2);
    let max_offset = len - height;
    let mut offset = offset.min(max_offset);
    if selected == offset {
        return offset;
    }
    if selected < offset + margin {
        offset = selected.saturating_sub(margin);
    } else if selected + margin >= offset + height {
        offset = (selected + margin + 1).saturating_sub(height);
    }
    offset.min(max_offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_clamp_to_the_list() {
        let mut s = ListState::default();
        s.move_by(-1, 10);
        assert_eq!(s.selected, 0);
        s.move_by(25, 10);
        assert_eq!(s.selected, 9);
        s.move_by(3, 0);
        assert_eq!(s.selected, 0);
    }

    #[test]
    fn scrolling_keeps_a_margin() {
        // 100 rows, 10 visible: moving down past row 6 scrolls.
        assert_eq!(visible_offset(0, 6, 100, 10), 0);
        assert_eq!(visible_offset(0, 7, 100, 10), 1);
        assert_eq!(visible_offset(50, 52, 100, 10), 49);
        assert_eq!(visible_offset(0, 99, 100, 10), 90);
        assert_eq!(visible_offset(90, 0, 100, 10), 0);
        assert_eq!(visible_offset(5, 3, 5, 10), 0, "short lists never scroll");
        assert_eq!(visible_offset(5, 3, 100, 0), 0);
        assert_eq!(visible_offset(0, 50, 100, 1), 50);
        assert_eq!(visible_offset(0, 50, 100, 2), 49);
        assert_eq!(visible_offset(40, 40, 100, 10), 40, "a row put at the top stays");
        assert_eq!(visible_offset(95, 95, 100, 10), 90, "clamped near the end");
    }

    #[test]
    fn stepping_down_from_a_row_at_the_top_does_not_scroll() {
        let mut s = ListState::default();
        s.select_at_top(40, 100);
        s.scroll_into_view(100, 10);
        assert_eq!((s.selected, s.offset), (40, 40), "a row put at the top stays");
        s.move_by(1, 100);
        s.follow(40, 100, 10);
        assert_eq!((s.selected, s.offset), (41, 40));
        s.move_by(5, 100);
        s.follow(41, 100, 10);
        assert_eq!((s.selected, s.offset), (46, 40), "the bottom margin scrolls");
        s.move_by(1, 100);
        s.follow(46, 100, 10);
        assert_eq!(s.offset, 41);
        let mut up = ListState {
            selected: 40,
            offset: 40,
        };
        up.move_by(-1, 100);
        up.follow(40, 100, 10);
        assert_eq!(up.offset, 36, "moving up keeps the top margin");
    }

    #[test]
    fn the_selection_is_always_on_screen() {
        for len in [0usize, 1, 5, 50] {
            for height in [0usize, 1, 2, 3, 7, 60] {
                for selected in 0..len.max(1) {
                    for offset in [0, 3, 49, 1000] {
                        let o = visible_offset(offset, selected, len, height);
                        if height > 0 && len > 0 {
                            assert!(
                                o <= selected && selected < o + height,
                                "{len} {height} {selected} {offset} -> {o}"
                            );
                        }
                    }
                }
            }
        }
    }
}
