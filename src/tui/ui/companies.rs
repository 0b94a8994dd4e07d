//! The Companies pane: organizations in the chosen order, with the people
//! who joined and left each (ranges where a count is disputed or a lower
//! bound).

use super::{fit_spans, list, with_right};
use crate::tui::app::App;
use crate::tui::pane::Pane;
use crate::tui::theme::Theme;
use crate::tui::view::org_figures;
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
        let counts = org_figures(&d.ds, o, app.org_family);
        with_right(
            vec![(d.ds.org(o).name.clone(), theme.org)],
            (&counts, theme.muted),
            width,
        )
    });
    legend(theme, frame, area);
}

/// The legends of the counts column, longest first: the first that fits
/// is drawn right-aligned on the bottom border. `≠`: a disputed count in
/// the range; `*`: a parent's figures with its children's (`c` shows
/// them alone).
pub const LEGENDS: [&str; 3] = [
    " +joined −left ≠disputed *with children ",
    " +in −out ≠disputed *children ",
    " +joined −left ",
];

/// Writes the longest of [`LEGENDS`] that fits over the bottom border of
/// the pane at `area`.
fn legend(theme: &Theme, frame: &mut Frame, area: Rect) {
    let fits = LEGENDS.iter().find_map(|l| {
        let w = u16::try_from(crate::text::width(l)).ok()?;
        (area.width >= w + 4).then_some((l, w))
    });
    let Some((legend, w)) = fits else { return };
    if area.height < 2 {
        return;
    }
    let at = Rect::new(area.right() - w - 1, area.bottom() - 1, w, 1);
    frame.render_widget(
        fit_spans(vec![((*legend).into(), theme.muted)], usize::from(w)),
        at,
    );
}
