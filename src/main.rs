//! Mounts the Sitrep page.
fn main() {
    yew::Renderer::<sitrep::ui::App>::new().render();
}
