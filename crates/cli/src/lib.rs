//! The command line's own code beside `passrate-chart` (the binary, `main.rs`): the PNG
//! renderer, which rasterises the core's SVG with resvg. Neither wasm depends on this crate.

pub mod png;
