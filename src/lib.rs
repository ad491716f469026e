//! # passrate-chart
//!
//! Charts of exam pass rates for news pages: a region's rates against a reference area
//! (city vs province) and against the previous year, with the provenance of every number.
//! Figures the source states are drawn solid; figures derived from them are hatched or
//! hollow and say how they were derived; figures that contradict each other get a numbered
//! footnote on the chart.
//!
//! The code flows one way, one room per step, each a plain function of the one before:
//!
//! ```text
//! text (JSON / CSV) → load → Dataset → model → Model → layout → Scene → render → pixels
//!                                                         └→ its points' words, the page text (describe)
//! ```
//!
//! This is the core of a workspace: the browser shell is the reader's own crate
//! (`crates/reader`, the only Rust that knows the browser exists), the extractor's shell the
//! editor's (`crates/editor`), and the command line with its PNG renderer `crates/cli`.
//! Everything here runs and is tested natively. Every sentence comes from `words`, one module per language.
//!
//! ```
//! use passrate_chart::{describe, layout, load, model, views, words::Lang};
//!
//! let data = r#"{ "title": "运城市2019年高考本科达线情况", "region": "运城市", "reference": "山西省",
//!   "years": [ { "year": 2019, "candidates": 36192, "tiers": [
//!     { "tier": "一本线", "passed": 5872, "rate": 15.5, "vs_reference_pp": 0.7, "vs_previous_year_pp": 0.4 } ] } ] }"#;
//! let model = model::build(&load::from_text(data)?);
//! let tier = &model.current().tiers[0];
//! assert_eq!(tier.reference_rate.as_ref().unwrap().value, 14.8); // derived: 15.5 − 0.7
//! assert_eq!(model.warnings.len(), 1); // 5,872 ÷ 36,192 = 16.2 %, not 15.5 %
//!
//! let opts = layout::Options { width: 640.0, height: 420.0, dpr: 2.0, lang: Lang::Zh, ..Default::default() };
//! let scene = views::layout(&model, views::View::Compare, &opts);
//! assert_eq!(scene.width, 1280);
//! // The words of each point drawn, in the scene's reading order.
//! let points = describe::points(&model, &scene, Lang::Zh);
//! assert_eq!(points[0].value, "15.5%");
//! # Ok::<(), passrate_chart::Error>(())
//! ```

// An `Error` is returned at most once per load (the cold path), and keeps its data unboxed
// so that each language can match on it; its size costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod describe;
pub mod error;
pub mod format;
pub mod json;
pub mod lang;
pub mod layout;
pub mod load;
pub mod model;
pub mod phrase;
pub mod render;
mod sort;
pub mod table;
pub mod text;
pub mod views;
pub mod words;

pub use error::{Error, ErrorKind};

/// Loads `text` (JSON or CSV) and builds its model in one step.
pub fn parse(text: &str) -> Result<model::Model, Error> {
    load::from_text(text).map(|ds| model::build(&ds))
}
