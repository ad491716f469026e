//! Layout, describe and the hit table over arbitrary valid datasets: any number of tiers and
//! years the loader accepts, any labels, any size, dpr, language, view and toggles.
#![no_main]
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use passrate_chart::words::Lang;
use passrate_chart::layout::{Options, Shown};
use passrate_chart::views::{layout, View};
use serde_json::{json, Value};

#[derive(Arbitrary, Debug)]
struct Tier {
    name: String,
    candidates: Option<u32>,
    passed: Option<u32>,
    rate: Option<u16>,
    reference_rate: Option<u16>,
    vs_reference: Option<i16>,
    vs_previous: Option<i16>,
    tenths: bool,
}

#[derive(Arbitrary, Debug)]
struct Input {
    title: String,
    region: String,
    reference: String,
    years: Vec<(u8, Option<u32>, Vec<Tier>)>,
    width: u16,
    height: u16,
    dpr: u8,
    change: bool,
    english: bool,
    furniture: bool,
    shown: (bool, bool, bool),
    pointer: (i16, i16),
}

fn number(v: i32, tenths: bool) -> Value {
    if tenths {
        json!(v as f64 / 10.0)
    } else {
        json!(v)
    }
}

fuzz_target!(|input: Input| {
    let years: Vec<Value> = input
        .years
        .iter()
        .map(|(y, candidates, tiers)| {
            let tiers: Vec<Value> = tiers
                .iter()
                .map(|t| {
                    let mut o = json!({ "tier": t.name });
                    if let Some(c) = t.candidates {
                        o["candidates"] = json!(c);
                    }
                    if let Some(p) = t.passed {
                        o["passed"] = json!(p);
                    }
                    let pct = |v: u16| number((v % 1001) as i32, t.tenths);
                    let pp = |v: i16| number((v % 1001) as i32, t.tenths);
                    if let Some(r) = t.rate {
                        o["rate"] = pct(r);
                    }
                    if let Some(r) = t.reference_rate {
                        o["reference_rate"] = pct(r);
                    }
                    if let Some(d) = t.vs_reference {
                        o["vs_reference_pp"] = pp(d);
                    }
                    if let Some(d) = t.vs_previous {
                        o["vs_previous_year_pp"] = pp(d);
                    }
                    o
                })
                .collect();
            let mut o = json!({ "year": 2000 + *y as i32 % 60, "tiers": tiers });
            if let Some(c) = candidates {
                o["candidates"] = json!(c);
            }
            o
        })
        .collect();
    let doc = json!({ "title": input.title, "region": input.region, "reference": input.reference, "years": years });
    // Only what the loader accepts is a valid model.
    let Ok(model) = passrate_chart::parse(&doc.to_string()) else { return };
    let opts = Options {
        width: input.width as f64,
        height: input.height as f64,
        dpr: 0.5 + (input.dpr % 8) as f64 / 2.0,
        lang: if input.english { Lang::En } else { Lang::Zh },
        furniture: input.furniture,
        shown: Shown { region: input.shown.0, reference: input.shown.1, previous: input.shown.2 },
        ..Options::default()
    };
    let view = if input.change { View::Change } else { View::Compare };
    let scene = layout(&model, view, &opts);
    assert!(scene.width > 0 && scene.height > 0);
    assert_eq!(passrate_chart::describe::points(&model, &scene, opts.lang).len(), scene.hits.hits.len());
    let _ = scene.hits.find(input.pointer.0 as f64, input.pointer.1 as f64, 8.0);
    let _ = passrate_chart::describe::page(&model, view, opts.lang, opts.shown);
    let _ = passrate_chart::describe::table_html(&passrate_chart::describe::table(&model, view, opts.lang));
});
