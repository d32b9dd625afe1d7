//! The Yew page (to be built out by the UI work).

pub mod storage;

use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! { <main><h1>{ "Sitrep" }</h1></main> }
}
