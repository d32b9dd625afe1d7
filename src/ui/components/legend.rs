//! The legend: each kind's colour, underline style and short label, so kind is never told by
//! colour alone.

use yew::prelude::*;

use crate::extract::Kind;
use crate::ui::render::{kind_hint, kind_label};

/// The legend of highlight kinds.
#[component]
pub fn Legend() -> Html {
    html! {
        <ul class="legend" aria-label="Legend">
            { for Kind::ALL.iter().map(|&k| html! {
                <li>
                    <span class={classes!("swatch", format!("k-{}", k.as_str()))}
                          data-legend-kind={k.as_str()} aria-hidden="true">
                        { kind_label(k) }
                    </span>
                    <span class="hint">{ kind_hint(k) }</span>
                </li>
            }) }
        </ul>
    }
}
