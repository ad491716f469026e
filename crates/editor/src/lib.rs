//! The editor's wasm: the shell of the extractor, never part of the reader's bundle. A
//! report's text in, the dataset and the place of every number out, for the playground to
//! highlight.
#![cfg(target_arch = "wasm32")]

// SAFETY: the wasm build is single-threaded (no atomics, no threads), as AssumeSingleThreaded requires.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

use wasm_bindgen::prelude::*;

use passrate_chart::lang::Lang;
use passrate_chart_extract::{Offsets, Options};

/// Extracts a dataset from the text of a results report. Returns JSON:
/// `{dataset (or null), error (or null), needs_year, headline, source: {name, date}, used:
/// [{start, end, number_start, number_end, field, year, tier}], ignored: [{start, end,
/// sentence_start, sentence_end, reason}]}`, with offsets in UTF-16 code units (as JavaScript
/// strings index) and reasons in `lang`.
#[wasm_bindgen]
pub fn extract(text: &str, lang: &str) -> String {
    passrate_chart_extract::extract(text).to_json(text, Lang::parse(lang).unwrap_or_default(), Offsets::Utf16)
}

/// [`extract`] with the year the editor gives for a text that never states its own (0: none).
#[wasm_bindgen]
pub fn extract_in_year(text: &str, lang: &str, year: i32) -> String {
    let options = Options { year: (year != 0).then_some(year), ..Options::default() };
    passrate_chart_extract::extract_with(text, &options).to_json(
        text,
        Lang::parse(lang).unwrap_or_default(),
        Offsets::Utf16,
    )
}
