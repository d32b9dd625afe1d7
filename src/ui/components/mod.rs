//! The page's pieces. Each takes the document (compared by pointer, see
//! [`DocRef`](super::state::DocRef)) and a `dispatch: Callback<Action>`; none holds document
//! state of its own.

pub mod article_input;
pub mod highlighted;
pub mod incidents;
pub mod lazy;
pub mod legend;
pub mod span_editor;
pub mod toolbar;

use yew::prelude::*;

use super::state::{Action, DocRef};

/// Props shared by the components that show the document and send actions.
#[derive(Properties, PartialEq, Clone)]
pub struct DocProps {
    /// The document shown.
    pub doc: DocRef,
    /// Sends an action to the page's reducer.
    #[prop_or_default]
    pub dispatch: Callback<Action>,
}
