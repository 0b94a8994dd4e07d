//! The People pane: everyone, or those ever at the filtered company, with
//! their current or last known organization.

use super::{list, with_right};
use crate::model::{Dataset, PersonIx};
use crate::tui::app::App;
use crate::tui::pane::Pane;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;

/// Draws the visible people.
pub fn render(app: &App, theme: &Theme, frame: &mut Frame, area: Rect) {
    let d = &app.data;
    // The title is ` 2 People · at NAME `: the name, or an alias that fits
    // whole, or the name cut.
    let room = usize::from(area.width).saturating_sub(" 2 People · at  ".len() + 2);
    let extra = match app.org_filter {
        Some(o) => {
            let org = d.ds.org(o);
            let names: Vec<&String> = std::iter::once(&org.name).chain(&org.aliases).collect();
            let whole = names
                .iter()
                .find(|n| crate::text::width(&crate::text::sanitize(n)) <= room);
            format!(" · at {}", crate::text::fit(whole.unwrap_or(&&org.name), room))
        }
        None => String::new(),
    };
    list(app, Pane::People, theme, frame, area, &extra, |i, width| {
        let Some(p) = app.people_rows.get(d, i) else {
            return Default::default();
        };
        with_right(
            vec![(d.ds.person(p).name.clone(), theme.person)],
            (&whereabouts(&d.ds, p), theme.muted),
            width,
        )
    });
}

/// Where a person was last seen, longest first: `ex-` and the organization's
/// name, then the same with each of its aliases (`ex-MSL`), for narrow rows.
fn whereabouts(ds: &Dataset, p: PersonIx) -> Vec<String> {
    let Some(full) = ds.whereabouts(p) else {
        return Vec::new();
    };
    let Some(o) = ds.person_last_org[p as usize] else {
        return vec![full];
    };
    let prefix = if ds.person_left[p as usize] { "ex-" } else { "" };
    let mut all = vec![full];
    all.extend(ds.org(o).aliases.iter().map(|a| format!("{prefix}{a}")));
    all
}
