//! The People pane: everyone, or those ever at the filtered company, with
//! their current or last known organization.

use super::{list, with_right};
use crate::tui::app::App;
use crate::tui::app::Pane;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the visible people.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &app.data;
    // The title is ` 2 People · at NAME `: cut the name to the pane.
    let room = usize::from(area.width).saturating_sub(" 2 People · at  ".len() + 2);
    let extra = match app.org_filter {
        Some(o) => format!(" · at {}", crate::text::fit(&d.ds.org(o).name, room)),
        None => String::new(),
    };
    list(app, Pane::People, theme, frame, area, &extra, |i, width| {
        let Some(p) = app.people_rows.get(d, i) else {
            return Default::default();
        };
        let org = d.ds.whereabouts(p).unwrap_or_default();
        with_right(
            vec![(d.ds.person(p).name.clone(), theme.person)],
            (org, theme.muted),
            width,
        )
    });
}
