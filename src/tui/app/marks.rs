//! Marks (`m` + letter sets one, `'` + letter goes back to it) and the
//! conversion between a place and the ids a mark keeps. Saving is an
//! [`Effect`] for the event loop: nothing here touches a file.

use super::Effect;
use super::state::{App, Mode};
use crate::model::{Date, EventKind, Record};
use crate::tui::keymap::{Action, Key};
use crate::tui::list::ListState;
use crate::tui::marks::{Mark, Marks, is_mark_name};
use crate::tui::pane::Pane;
use crate::tui::view::Period;

/// A mark's place with its ids looked up.
struct Place {
    focus: Pane,
    org: Option<u32>,
    person: Option<u32>,
    kind: Option<EventKind>,
    period: Option<Period>,
    selected: [Option<Record>; 3],
}

/// Keys after `m` or `'`: a letter names the mark; `Esc` cancels.
pub(super) fn mark_key(app: &mut App, action: Option<Action>, key: Key) -> Option<Effect> {
    let Mode::Mark { set } = app.mode else {
        return None;
    };
    app.mode = Mode::Browse;
    match (action, key.mark_name()) {
        (Some(Action::Cancel), _) => None,
        (None, Some(c)) => {
            if set {
                let mark = capture(app);
                app.marks.marks.insert(c, mark);
                app.note = Some(format!("mark '{c}' set"));
                Some(Effect::SaveMarks(app.marks.clone()))
            } else {
                go_to(app, c);
                None
            }
        }
        _ => {
            app.note = Some("a mark is named by a letter, a-z or A-Z".into());
            None
        }
    }
}

/// The current place as ids.
fn capture(app: &App) -> Mark {
    let ds = &app.data.ds;
    let id = |r: Option<Record>| r.map(|r| ds.id_of(r).to_string());
    Mark {
        pane: app.focus.title().to_ascii_lowercase(),
        org: id(app.org_filter.map(Record::Org)),
        person: id(app.person_filter.map(Record::Person)),
        kind: app.kind_filter.map(|k| k.as_str().to_string()),
        from: app.period_filter.and_then(|p| p.from).map(|d| d.to_string()),
        to: app.period_filter.and_then(|p| p.to).map(|d| d.to_string()),
        selected: [
            id(app.selected_org().map(Record::Org)),
            id(app.selected_person().map(Record::Person)),
            id(app.selected_event().map(Record::Event)),
        ],
    }
}

/// The place a mark names, if everything in it still exists.
fn resolve(app: &App, mark: &Mark) -> Option<Place> {
    let ds = &app.data.ds;
    let focus = Pane::ALL
        .into_iter()
        .find(|p| p.title().eq_ignore_ascii_case(&mark.pane))?;
    let record = |id: &Option<String>| -> Option<Option<Record>> {
        match id {
            None => Some(None),
            Some(id) => ds.lookup(id).map(Some),
        }
    };
    let org = match record(&mark.org)? {
        None => None,
        Some(Record::Org(o)) => Some(o),
        Some(_) => return None,
    };
    let person = match record(&mark.person)? {
        None => None,
        Some(Record::Person(p)) => Some(p),
        Some(_) => return None,
    };
    let kind = match &mark.kind {
        None => None,
        Some(k) => Some(EventKind::parse(k)?),
    };
    let date = |d: &Option<String>| match d {
        None => Some(None),
        Some(d) => Date::parse(d).ok().map(Some),
    };
    let (from, to) = (date(&mark.from)?, date(&mark.to)?);
    let period = (from.is_some() || to.is_some()).then_some(Period { from, to });
    let mut selected = [None; 3];
    for (slot, id) in selected.iter_mut().zip(&mark.selected) {
        *slot = record(id)?;
    }
    Some(Place {
        focus,
        org,
        person,
        kind,
        period,
        selected,
    })
}

impl App {
    /// Takes the marks loaded before the event loop, with the note from
    /// loading them. A mark on records this dataset does not have is kept
    /// (it may be another dataset's, or the records may come back) and
    /// named in the status line; one not named by a letter is left out
    /// (it stays in the file).
    pub fn adopt_marks(&mut self, marks: Marks, note: Option<String>) {
        let odd: Vec<String> = marks
            .marks
            .keys()
            .filter(|c| !is_mark_name(**c))
            .map(|c| format!("'{}'", c.escape_debug()))
            .collect();
        self.take_marks(marks);
        let elsewhere: Vec<String> = self
            .marks
            .marks
            .iter()
            .filter(|(_, m)| resolve(self, m).is_none())
            .map(|(c, _)| format!("'{c}'"))
            .collect();
        let mut notes: Vec<String> = note.into_iter().collect();
        match elsewhere.as_slice() {
            [] => {}
            [one] => notes.push(format!("mark {one} points at records not in this dataset; kept")),
            many => notes.push(format!(
                "marks {} point at records not in this dataset; kept",
                many.join(", ")
            )),
        }
        match odd.as_slice() {
            [] => {}
            [one] => notes.push(format!("mark {one} is not named by a letter; ignored")),
            many => notes.push(format!(
                "marks {} are not named by a letter; ignored",
                many.join(", ")
            )),
        }
        self.note = (!notes.is_empty()).then(|| notes.join("; "));
    }

    /// Takes the marks now in the file after a save (ours merged with
    /// those another explorer set), keeping the status line as it is.
    pub fn take_marks(&mut self, marks: Marks) {
        self.marks = Marks {
            marks: marks
                .marks
                .into_iter()
                .filter(|(c, _)| is_mark_name(*c))
                .collect(),
        };
    }
}

/// Goes to mark `c`, remembering where we were for `Backspace`.
fn go_to(app: &mut App, c: char) {
    let Some(mark) = app.marks.marks.get(&c) else {
        app.note = Some(format!("no mark '{c}'"));
        return;
    };
    let Some(place) = resolve(app, mark) else {
        app.note = Some(format!("mark '{c}' points at records not in this dataset"));
        return;
    };
    app.remember();
    app.focus = place.focus;
    app.source_filter = None;
    app.set_filters(place.org, place.person, place.kind, place.period);
    let rows = [
        match place.selected[0] {
            Some(Record::Org(o)) => app.org_row(o),
            _ => None,
        },
        match place.selected[1] {
            Some(Record::Person(p)) => app.people_rows.position(&app.data, p),
            _ => None,
        },
        match place.selected[2] {
            Some(Record::Event(e)) => app.event_rows.position(&app.data, e),
            _ => None,
        },
    ];
    for (pane, row) in Pane::ALL.into_iter().zip(rows) {
        *app.list_mut(pane) = ListState::default();
        app.select_row(pane, row.unwrap_or(0));
    }
    app.note = Some(format!("mark '{c}'"));
}
