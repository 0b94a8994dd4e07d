//! The Companies pane: organizations by name, with hires in and out.

use super::{list, with_right};
use crate::tui::app::App;
use crate::tui::app::Pane;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the visible organizations.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &app.data;
    list(app, Pane::Companies, theme, frame, area, "", |i, width| {
        let Some(&o) = d.ds.orgs_by_name.get(i) else {
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
}
