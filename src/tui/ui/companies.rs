//! The Companies pane: organizations in the chosen order, with the people
//! who joined and left each.

use super::{fit_spans, list, with_right};
use crate::tui::app::App;
use crate::tui::pane::Pane;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the visible organizations.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &app.data;
    let order = format!(" {}", app.org_order.label());
    list(app, Pane::Companies, theme, frame, area, &order, |i, width| {
        let Some(&o) = app.org_rows.get(i) else {
            return Default::default();
        };
        let (hires_in, hires_out) = d.ds.org_moves[o as usize];
        let counts = if hires_in + hires_out == 0 {
            String::new()
        } else {
            format!("+{hires_in} −{hires_out}")
        };
        with_right(
            vec![(d.ds.org(o).name.clone(), theme.org)],
            (&[counts], theme.muted),
            width,
        )
    });
    legend(theme, frame, area);
}

/// The legend of the counts column, right-aligned on the bottom border.
pub const LEGEND: &str = " +joined −left ";

/// Writes [`LEGEND`] over the bottom border of the pane at `area`.
fn legend(theme: &Theme, frame: &mut Frame, area: Rect) {
    let w = u16::try_from(crate::text::width(LEGEND)).unwrap_or(u16::MAX);
    if area.width < w + 4 || area.height < 2 {
        return;
    }
    let at = Rect::new(area.right() - w - 1, area.bottom() - 1, w, 1);
    frame.render_widget(fit_spans(vec![(LEGEND.into(), theme.muted)], usize::from(w)), at);
}
