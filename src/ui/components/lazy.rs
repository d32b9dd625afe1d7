//! [`Lazy`]: a part of a view drawn by a plain function of its inputs, and drawn again only when
//! those inputs change.
//!
//! An incident card is a few hundred elements; when one figure of the article changes, one of
//! its rows changes. Each row is a `Lazy` whose `deps` are exactly the values the row shows
//! (and the callbacks it needs): Yew compares them and skips both drawing and reconciling the
//! rows that stayed the same.
//!
//! `draw` is a `fn`, not a closure, so it cannot capture anything that `deps` leaves out: a
//! row drawn from stale data cannot happen.

use yew::prelude::*;

/// Props of [`Lazy`].
#[derive(Properties)]
pub struct LazyProps<D: PartialEq + 'static> {
    /// Everything `draw` reads.
    pub deps: D,
    /// Draws the part from `deps`. One call site passes one function, so only `deps` is
    /// compared.
    pub draw: fn(&D) -> Html,
}

impl<D: PartialEq + 'static> PartialEq for LazyProps<D> {
    fn eq(&self, other: &Self) -> bool {
        self.deps == other.deps
    }
}

/// Draws `draw(deps)`, again only when `deps` changed.
#[component]
pub fn Lazy<D: PartialEq + 'static>(props: &LazyProps<D>) -> Html {
    (props.draw)(&props.deps)
}

/// `html! { <Lazy<D> deps={deps} draw={draw} /> }`, without spelling out `D`.
pub fn lazy<D: PartialEq + 'static>(deps: D, draw: fn(&D) -> Html) -> Html {
    html! { <Lazy<D> {deps} {draw} /> }
}

/// As [`lazy`], with a key (for items of a list).
pub fn lazy_keyed<D: PartialEq + 'static>(key: String, deps: D, draw: fn(&D) -> Html) -> Html {
    html! { <Lazy<D> {key} {deps} {draw} /> }
}
