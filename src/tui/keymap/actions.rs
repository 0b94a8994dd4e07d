//! What a key can ask for: the [`Action`] enum, and each action's name in
//! the config file.

use crate::tui::pane::Pane;

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Hand the terminal back and stop, like Ctrl-z in a shell.
    Suspend,
    NextPane,
    PrevPane,
    Focus(Pane),
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    First,
    Last,
    NextYear,
    PrevYear,
    NextMonth,
    PrevMonth,
    DatePrompt,
    Search,
    NextHit,
    PrevHit,
    KindFilter,
    Help,
    Select,
    Back,
    Forward,
    SetMark,
    GoToMark,
    PeriodFilter,
    ClearFilter,
    Cancel,
    Accept,
    JumpPerson,
    JumpOrg,
    DeleteWord,
    ClearInput,
    ErrorsDown,
    ErrorsUp,
    /// Hide or show the error panel.
    ErrorsToggle,
    /// Open the Sources view.
    Sources,
    /// Focus the Detail pane.
    FocusDetail,
    /// Toggle the Detail pane full screen.
    ZoomDetail,
    /// Cycle the Companies order.
    SortOrgs,
    Flows,
    Money,
    Left,
    Right,
    RollUp,
    LogScale,
    /// The company filter with its child organizations, or alone.
    Children,
    /// The Flows view as a matrix or a Sankey diagram.
    Sankey,
    /// Play the Flows view's years one after another.
    Play,
    /// Hide, or show again, the events dated too coarsely for the period.
    Precise,
}

impl Action {
    /// The action's name in the config file: `next_year`. The match is
    /// exhaustive, so a new action cannot go unnamed.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::NextPane => "next_pane",
            Action::PrevPane => "prev_pane",
            Action::Focus(Pane::Companies) => "focus_companies",
            Action::Focus(Pane::People) => "focus_people",
            Action::Focus(Pane::Timeline) => "focus_timeline",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::First => "first",
            Action::Last => "last",
            Action::NextYear => "next_year",
            Action::PrevYear => "prev_year",
            Action::NextMonth => "next_month",
            Action::PrevMonth => "prev_month",
            Action::DatePrompt => "date_prompt",
            Action::Search => "search",
            Action::NextHit => "next_hit",
            Action::PrevHit => "prev_hit",
            Action::KindFilter => "kind_filter",
            Action::Help => "help",
            Action::Select => "select",
            Action::Back => "back",
            Action::ClearFilter => "clear_filter",
            Action::Cancel => "cancel",
            Action::Accept => "accept",
            Action::JumpPerson => "jump_person",
            Action::JumpOrg => "jump_org",
            Action::DeleteWord => "delete_word",
            Action::ClearInput => "clear_input",
            Action::Forward => "forward",
            Action::SetMark => "set_mark",
            Action::GoToMark => "go_to_mark",
            Action::PeriodFilter => "period_filter",
            Action::ErrorsDown => "errors_down",
            Action::ErrorsUp => "errors_up",
            Action::ErrorsToggle => "errors_toggle",
            Action::Sources => "open_sources",
            Action::SortOrgs => "sort_companies",
            Action::FocusDetail => "focus_detail",
            Action::ZoomDetail => "zoom_detail",
            Action::Flows => "flows",
            Action::Money => "money",
            Action::Left => "left",
            Action::Right => "right",
            Action::RollUp => "roll_up",
            Action::LogScale => "log_scale",
            Action::Children => "children",
            Action::Sankey => "sankey",
            Action::Play => "play",
            Action::Precise => "precise",
        }
    }
}
