//! The editor's wasm shell for the extractor (built with `--features authoring`, never part
//! of the reader's bundle): a report's text in, the dataset and the place of every number
//! out, for the playground to highlight.

use wasm_bindgen::prelude::*;

use crate::extract::{Offsets, Options};
use crate::lang::Lang;

/// Extracts a dataset from the text of a results report. Returns JSON:
/// `{dataset (or null), error (or null), needs_year, headline, source: {name, date}, used: [{start, end, number_start, number_end, field,
/// year, tier}], ignored: [{start, end, sentence_start, sentence_end, reason}]}`, with offsets
/// in UTF-16 code units (as JavaScript strings index) and reasons in `lang`.
#[wasm_bindgen]
pub fn extract(text: &str, lang: &str) -> String {
    crate::extract::extract(text).to_json(text, Lang::parse(lang).unwrap_or_default(), Offsets::Utf16)
}

/// [`extract`] with the year the editor gives for a text that never states its own (0: none).
#[wasm_bindgen]
pub fn extract_in_year(text: &str, lang: &str, year: i32) -> String {
    let options = Options { year: (year != 0).then_some(year), ..Options::default() };
    crate::extract::extract_with(text, &options).to_json(text, Lang::parse(lang).unwrap_or_default(), Offsets::Utf16)
}
