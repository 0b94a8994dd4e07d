//! The Companies pane: organizations in the chosen order, with the people
//! who joined and left each (ranges where a count is disputed or a lower
//! bound).

use super::{fit_spans, list, with_right};
use crate::model::{Dataset, OrgIx};
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
        let counts = figures(&d.ds, o, app.org_family);
        with_right(
            vec![(d.ds.org(o).name.clone(), theme.org)],
            (&counts, theme.muted),
            width,
        )
    });
    legend(theme, frame, area);
}

/// The figures of organization `o` as its row shows them, longest first:
/// `+15–≥16≠ −6*` (people in and out as ranges, see
/// [`Range::marked`](crate::model::Range::marked)), then `+15≠ −6*` for a
/// narrow row; `*` when they include its children's (`family`; else its
/// own figures). None with no moves.
pub fn figures(ds: &Dataset, o: OrgIx, family: bool) -> Vec<String> {
    let moves = if family { &ds.org_moves } else { &ds.org_own_moves };
    let (into, out) = moves.get(o as usize).copied().unwrap_or_default();
    if into.max + out.max == 0 && !into.at_least && !out.at_least {
        return Vec::new();
    }
    let incl = if family && !ds.children(o).is_empty() {
        "*"
    } else {
        ""
    };
    vec![
        format!("+{} −{}{incl}", into.marked(), out.marked()),
        format!("+{} −{}{incl}", into.tight(), out.tight()),
    ]
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
