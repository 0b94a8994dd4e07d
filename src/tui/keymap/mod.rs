//! The one keymap table: it drives key handling, the footer hints and the
//! help overlay, so they can never disagree. [`KEYMAP`] holds the default
//! keys; [`Keymap`] is the table with the keys in force, which the config
//! file may change (each action by its [`Action::name`]).
//!
//! - `keys`: the [`Key`] type, its names and labels;
//! - `actions`: the [`Action`] enum and its config names;
//! - `table`: the contexts, the [`KEYMAP`] table and the [`Keymap`] in
//!   force;
//! - `hints`: footer hints and the help overlay's rows.

mod actions;
mod hints;
mod keys;
mod table;

pub use actions::Action;
pub use hints::{DISPUTED_HELP, HELP_KEYS_WIDTH, HelpRow, Shown, UNCERTAIN_HELP, keys_label};
pub use keys::Key;
pub use table::{Binding, Conflict, Ctx, Hint, KEYMAP, Keymap};

#[cfg(test)]
mod tests;
