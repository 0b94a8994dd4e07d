//! The three list panes, in focus order: a leaf shared by the state, the
//! layout, the key bindings and the drawing.

/// The panes, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pane {
    Companies,
    People,
    Timeline,
}

impl Pane {
    /// All panes in Tab order.
    pub const ALL: [Pane; 3] = [Pane::Companies, Pane::People, Pane::Timeline];

    /// Position in [`Pane::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Companies => "Companies",
            Pane::People => "People",
            Pane::Timeline => "Timeline",
        }
    }
}
