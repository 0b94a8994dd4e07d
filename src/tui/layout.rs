//! Where each pane goes for a terminal size. Pure, so key handling (page
//! sizes, mouse hits) and rendering agree on the same rectangles.

use ratatui::layout::{Constraint, Layout, Rect};

use super::pane::Pane;

/// Smallest terminal the layout works in.
pub const MIN_WIDTH: u16 = 60;
/// Smallest terminal height the layout works in.
pub const MIN_HEIGHT: u16 = 16;
/// From this width on, lists sit beside the timeline instead of above it.
pub const WIDE: u16 = 100;

/// The rectangles of one frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub companies: Rect,
    pub people: Rect,
    pub timeline: Rect,
    pub detail: Rect,
    pub status: Rect,
    /// The terminal is below the minimum size; nothing but a message fits.
    pub too_small: bool,
}

impl Areas {
    /// Lays out a terminal of `area`.
    pub fn new(area: Rect) -> Self {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return Areas {
                too_small: true,
                ..Areas::default()
            };
        }
        let [title, body, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)]).areas(area);
        let (companies, people, timeline, detail) = if area.width >= WIDE {
            let left_width = (area.width * 3 / 10).clamp(26, 44);
            let [left, right] =
                Layout::horizontal([Constraint::Length(left_width), Constraint::Min(0)]).areas(body);
            let [companies, people] =
                Layout::vertical([Constraint::Percentage(45), Constraint::Min(0)]).areas(left);
            let [timeline, detail] =
                Layout::vertical([Constraint::Percentage(58), Constraint::Min(0)]).areas(right);
            (companies, people, timeline, detail)
        } else {
            let [lists, timeline, detail] = Layout::vertical([
                Constraint::Percentage(32),
                Constraint::Percentage(40),
                Constraint::Min(0),
            ])
            .areas(body);
            let [companies, people] =
                Layout::horizontal([Constraint::Percentage(50), Constraint::Min(0)]).areas(lists);
            (companies, people, timeline, detail)
        };
        Areas {
            title,
            companies,
            people,
            timeline,
            detail,
            status,
            too_small: false,
        }
    }

    /// Everything between the title bar and the status line: where a
    /// full-screen view or the zoomed Detail goes.
    pub fn body(&self) -> Rect {
        let top = self.title.bottom();
        Rect::new(
            self.title.x,
            top,
            self.title.width,
            self.status.y.saturating_sub(top),
        )
    }

    /// The rectangle of a pane, borders included.
    pub fn pane(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Companies => self.companies,
            Pane::People => self.people,
            Pane::Timeline => self.timeline,
        }
    }

    /// Rows of list content inside a pane's borders.
    pub fn rows(&self, pane: Pane) -> usize {
        usize::from(self.pane(pane).height.saturating_sub(2))
    }
}

/// A rectangle of `w`x`h` centred in `area`, clamped to fit.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// The search popup on a screen of `area`: a query line, then results.
pub fn search_popup(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(8).clamp(20, 100),
        area.height.saturating_sub(4).min(24),
    )
}

/// Rows of results the search popup shows (below its query line).
pub fn search_rows(area: Rect) -> usize {
    inner_rows(search_popup(area)).saturating_sub(1)
}

/// The jump chooser listing `items` targets.
pub fn chooser_popup(area: Rect, items: usize) -> Rect {
    let h = u16::try_from(items).unwrap_or(u16::MAX).saturating_add(2);
    centered(area, 56, h.min(area.height))
}

/// The kind filter listing `items` rows.
pub fn kinds_popup(area: Rect, items: usize) -> Rect {
    let h = u16::try_from(items).unwrap_or(u16::MAX).saturating_add(2);
    centered(area, 30, h.min(area.height))
}

/// The help overlay.
pub fn help_popup(area: Rect) -> Rect {
    centered(
        area,
        area.width.saturating_sub(4).min(90),
        area.height.saturating_sub(2),
    )
}

/// Rows under the Sources view's list for the selected article's outlet
/// and full title.
pub const SOURCE_LINES: u16 = 2;

/// Rows of sources the Sources view lists on a screen of `area`: the
/// body between title and status, less its border, header line and the
/// selected article's lines.
pub fn sources_rows(area: Rect) -> usize {
    usize::from(area.height.saturating_sub(5 + SOURCE_LINES))
}

/// The inside of a full-screen view's border (Flows, Money) on a screen
/// of `area`: the body between title and status, less the border.
pub fn view_inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 2,
        area.width.saturating_sub(2),
        area.height.saturating_sub(4),
    )
}

/// Columns of a row's organization name in the Flows matrix.
pub const MATRIX_LABEL_WIDTH: u16 = 18;
/// Columns of one cell of the Flows matrix (count, `≠`, a space).
pub const MATRIX_CELL_WIDTH: u16 = 6;
/// Columns of the Flows matrix's totals at the right: out, in, net.
pub const MATRIX_TOTALS_WIDTH: u16 = 3 * MATRIX_CELL_WIDTH;

/// How many rows and columns of cells the Flows view shows on a screen of
/// `area` (a header row, the `in` row and the selected cell's line take
/// three rows).
pub fn flows_grid(area: Rect) -> (usize, usize) {
    let b = view_inner(area);
    let rows = b.height.saturating_sub(3);
    let cols = b.width.saturating_sub(MATRIX_LABEL_WIDTH + MATRIX_TOTALS_WIDTH) / MATRIX_CELL_WIDTH;
    (usize::from(rows), usize::from(cols))
}

/// Rows of the chart the Money view shows on a screen of `area` (its last
/// row describes the selected amount).
pub fn money_rows(area: Rect) -> usize {
    usize::from(view_inner(area).height.saturating_sub(1))
}

/// Rows inside a popup's border.
pub fn inner_rows(popup: Rect) -> usize {
    usize::from(popup.height.saturating_sub(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pane_is_visible_from_80x24() {
        for (w, h) in [(80, 24), (120, 40), (100, 30), (60, 16), (300, 100)] {
            let a = Areas::new(Rect::new(0, 0, w, h));
            assert!(!a.too_small);
            for p in Pane::ALL {
                assert!(a.rows(p) >= 2, "{w}x{h} {p:?} {a:?}");
            }
            assert!(a.detail.height >= 3, "{w}x{h}");
        }
    }

    #[test]
    fn tiny_terminals_get_the_fallback() {
        for (w, h) in [(0, 0), (1, 1), (59, 40), (200, 15)] {
            assert!(Areas::new(Rect::new(0, 0, w, h)).too_small);
        }
    }
}
