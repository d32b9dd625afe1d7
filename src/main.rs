//! Mounts the Sitrep page.
fn main() {
    // The page re-extracts on every edit: keep each paragraph's rule finds for the next run.
    sitrep::extract::memo::enable(true);
    yew::Renderer::<sitrep::ui::App>::new().render();
    #[cfg(target_arch = "wasm32")]
    warm_up(0);
}

/// Loads the data and compiles the rules while the user reads the page, one step per timer tick
/// so the page stays responsive, instead of on the first paste. A step that extraction already
/// took (a restored article) costs nothing.
#[cfg(target_arch = "wasm32")]
fn warm_up(step: usize) {
    use gloo::timers::callback::Timeout;
    let dimensions = sitrep::extract::dimensions();
    let delay = if step == 0 { 300 } else { 20 };
    Timeout::new(delay, move || {
        match step {
            0 => sitrep::extract::load_data(),
            s if s <= dimensions.len() => dimensions[s - 1].1.compile_all(),
            _ => {
                sitrep::extract::compile_rules();
                return;
            }
        }
        warm_up(step + 1);
    })
    .forget();
}
