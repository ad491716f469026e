//! The JSON loader on arbitrary bytes: an error or a dataset, never a panic; every dataset
//! it accepts builds a model and lays out.
#![no_main]
use libfuzzer_sys::fuzz_target;
use passrate_chart::layout::Options;
use passrate_chart::views::{layout, View};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(ds) = passrate_chart::load::from_json(text) {
            let m = passrate_chart::model::build(&ds);
            let _ = layout(&m, View::Compare, &Options::default());
        }
    }
});
