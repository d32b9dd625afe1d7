// Starts the Sitrep page. Trunk writes the hashed names of the JS glue and the wasm module into
// this script tag's data attributes (see Trunk.toml `pattern_script`). Loading from a file
// instead of an inline script lets the page's CSP stay at script-src 'self'.
const tag = document.querySelector('script[data-sitrep-js]');
const { default: init } = await import(tag.dataset.sitrepJs);
await init({ module_or_path: tag.dataset.sitrepWasm });
