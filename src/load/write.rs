//! [`Dataset`] → JSON text (format version 2), which [`super::from_json`] reads back to an
//! equal dataset: numbers with the decimals they were stated with (`33.0` stays `33.0`), names
//! in both languages, quotes of the source. One tier per line, so a diff of two files reads.
//!
//! A dataset with one region is written with `region` and `years` at the top; several with
//! `regions`. Reference rates go into their tiers as `reference_rate` (which is where
//! `reference_years` puts them on loading).

use super::{Dataset, Name, Quotes, RegionInput, Source, Stated, TierInput, YearInput};
use crate::json::{Fields, Writer};

/// The dataset as JSON text of format version 2.
pub fn to_json(ds: &Dataset) -> String {
    let mut w = Writer::default();
    w.raw("{\n  \"version\": ");
    w.int(super::FORMAT_VERSION as i64);
    w.raw(",\n  \"title\": ");
    name(&mut w, &ds.title);
    w.raw(",\n  \"reference\": ");
    name(&mut w, &ds.reference);
    if let Some(s) = &ds.source {
        w.raw(",\n  \"source\": ");
        source(&mut w, s);
    }
    match ds.regions.as_slice() {
        [one] => {
            w.raw(",\n  \"region\": ");
            name(&mut w, &one.name);
            w.raw(",\n  \"years\": ");
            years(&mut w, &one.years, "  ");
        }
        several => {
            w.raw(",\n  \"regions\": [");
            for (i, r) in several.iter().enumerate() {
                w.raw(if i == 0 { "\n    " } else { ",\n    " });
                region(&mut w, r);
            }
            w.raw("\n  ]");
        }
    }
    w.raw("\n}\n");
    w.out
}

/// A number as stated: its value with exactly its decimals, as JSON writes numbers.
fn stated(s: &Stated) -> String {
    crate::format::decimal(s.value, s.decimals)
}

/// A name: a string, or `{"zh-CN": …, "en": …}` when it has an English form.
fn name(w: &mut Writer, n: &Name) {
    match &n.en {
        None => w.string(&n.text),
        Some(en) => w.object(|o| {
            o.str("zh-CN", &n.text);
            o.str("en", en);
        }),
    }
}

fn source(w: &mut Writer, s: &Source) {
    w.object(|o| {
        o.str("name", &s.name);
        if let Some(d) = &s.date {
            o.str("date", d);
        }
        if let Some(u) = &s.url {
            o.str("url", u);
        }
    });
}

fn region(w: &mut Writer, r: &RegionInput) {
    w.raw("{\"region\": ");
    name(w, &r.name);
    w.raw(", \"years\": ");
    years(w, &r.years, "    ");
    w.raw("}");
}

/// The years of a region, one per line at `indent` + 2, each tier on a line of its own.
fn years(w: &mut Writer, years: &[YearInput], indent: &str) {
    w.raw("[");
    for (i, y) in years.iter().enumerate() {
        w.raw(if i == 0 { "\n" } else { ",\n" });
        w.raw(indent);
        w.raw("  {\"year\": ");
        w.int(y.year as i64);
        if let Some(c) = y.candidates {
            w.raw(", \"candidates\": ");
            w.int(c as i64);
        }
        if let Some(q) = &y.candidates_quote {
            w.raw(", \"quotes\": ");
            w.object(|o| o.str("candidates", q));
        }
        w.raw(", \"tiers\": [");
        for (k, t) in y.tiers.iter().enumerate() {
            w.raw(if k == 0 { "\n" } else { ",\n" });
            w.raw(indent);
            w.raw("    ");
            tier(w, t);
        }
        w.raw("\n");
        w.raw(indent);
        w.raw("  ]}");
    }
    w.raw("\n");
    w.raw(indent);
    w.raw("]");
}

fn tier(w: &mut Writer, t: &TierInput) {
    w.object(|o| {
        name(o.key("tier"), &t.tier);
        let counts = [("candidates", t.candidates), ("passed", t.passed)];
        for (key, n) in counts {
            if let Some(n) = n {
                o.int(key, n as i64);
            }
        }
        let numbers = [
            ("rate", &t.rate),
            ("reference_rate", &t.reference_rate),
            ("vs_reference_pp", &t.vs_reference_pp),
            ("vs_previous_year_pp", &t.vs_previous_year_pp),
        ];
        for (key, n) in numbers {
            if let Some(n) = n {
                o.key(key).raw(&stated(n));
            }
        }
        if t.quotes != Quotes::default() {
            quotes(o.key("quotes"), &t.quotes);
        }
    });
}

fn quotes(w: &mut Writer, q: &Quotes) {
    w.object(|o: &mut Fields| {
        let all = [
            ("candidates", &q.candidates),
            ("passed", &q.passed),
            ("rate", &q.rate),
            ("reference_rate", &q.reference_rate),
            ("vs_reference_pp", &q.vs_reference_pp),
            ("vs_previous_year_pp", &q.vs_previous_year_pp),
        ];
        for (key, text) in all {
            if let Some(text) = text {
                o.str(key, text);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_signs_and_quotes_survive() {
        let text = r#"{"title": {"zh-CN": "标题", "en": "Title"}, "region": "A", "reference": "P",
            "years": [{"year": 2020, "candidates": 1000, "quotes": {"candidates": "参考1000人"},
              "tiers": [{"tier": "T", "passed": 140, "rate": 14.0, "vs_reference_pp": -0.30,
                "quotes": {"rate": "达线率为14.0%", "vs_reference_pp": "低于全省0.30个百分点"}}]}]}"#;
        let ds = super::super::from_json(text).unwrap();
        let out = to_json(&ds);
        assert!(out.contains("\"rate\":14.0"), "{out}");
        assert!(out.contains("\"vs_reference_pp\":-0.30"), "{out}");
        assert!(out.contains("\"version\": 2"), "{out}");
        let back = super::super::from_json(&out).unwrap();
        assert_eq!(back, ds);
        assert_eq!(to_json(&back), out);
    }
}
