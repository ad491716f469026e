//! Load: text (JSON or CSV) → a validated [`Dataset`], exactly as stated by the source.
//!
//! This room parses and validates; it derives nothing. Every value is checked once, here,
//! and a bad one is reported with its field path (JSON) or line and column (CSV). No web-sys,
//! no drawing.

mod csv;
mod json;

pub use self::csv::{from_csv, COLUMNS};
pub use self::json::{from_json, from_value, ROOT_FIELDS, SOURCE_FIELDS, TIER_FIELDS, YEAR_FIELDS};

use crate::cat;
use crate::error::{Conflict, Dup, Error, ErrorKind, Got, Name, Path, Want};

/// Every field and column name the formats define (they appear verbatim in any language).
pub const ALL_FIELDS: &[&str] = &[
    "version",
    "title",
    "region",
    "reference",
    "source",
    "source_date",
    "source_url",
    "years",
    "year",
    "tiers",
    "tier",
    "area",
    "name",
    "date",
    "url",
    "candidates",
    "passed",
    "rate",
    "reference_rate",
    "vs_reference_pp",
    "vs_previous_year_pp",
];

/// The version of the data format this crate reads (the `version` field).
pub const FORMAT_VERSION: u32 = 1;

/// The reference area's name when the data does not give one.
pub const DEFAULT_REFERENCE: &str = "全省";

/// The largest number of tiers in one year and of years in one dataset. Beyond these a
/// chart is unreadable and the data is almost certainly not what the editor meant.
pub const MAX_TIERS: usize = 500;
pub const MAX_YEARS: usize = 100;

/// The longest name or title, in characters.
pub const MAX_TEXT: usize = 200;

/// The largest input, in bytes: far above any real dataset (500 tiers × 100 years is about
/// 4 MB of JSON), low enough that a wrong file fails at once instead of freezing the page.
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// A name as the reader will see it: trimmed, and `None` when nothing visible is left
/// (spaces, zero-width spaces and joiners, word joiners, byte-order marks).
pub fn visible(s: &str) -> Option<&str> {
    let invisible = |c: char| c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
    let t = s.trim_matches(invisible);
    (!t.is_empty()).then_some(t)
}

/// Rejects an input over [`MAX_INPUT`] before parsing it.
pub(crate) fn check_size(text: &str) -> Result<(), Error> {
    if text.len() > MAX_INPUT {
        return Err(Error::expected(
            Path::Input,
            Want::AtMostMegabytes(MAX_INPUT / (1024 * 1024)),
            Got::Megabytes(crate::format::fixed(text.len() as f64 / (1024.0 * 1024.0), 1)),
        ));
    }
    Ok(())
}

/// A number as the source printed it: its value and how many decimals it was given with.
/// The decimals set the rounding tolerance of every cross-check and the precision of
/// everything derived from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stated {
    pub value: f64,
    pub decimals: u8,
}

impl Stated {
    pub fn new(value: f64) -> Self {
        Stated { value, decimals: crate::format::decimals_of(value) }
    }
}

/// Where the figures were published.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub name: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A dataset as stated by its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: String,
    /// The area the report is about (a city).
    pub region: String,
    /// The area it is compared with (the province).
    pub reference: String,
    pub source: Option<Source>,
    /// In the order given; the model sorts them.
    pub years: Vec<YearInput>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearInput {
    pub year: i32,
    /// Candidates who sat the exam in the region (参考人数).
    pub candidates: Option<u64>,
    pub tiers: Vec<TierInput>,
    /// Where the year is in the input: `years[0]`, or `line 2` in CSV.
    pub place: Place,
}

/// Where an item (a year, a tier) sits in the input, so that a message about one of its
/// fields can say where: `years[0].tiers[1].rate`, or `line 3 (rate)` in CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A JSON path: `years[0].tiers[1]`.
    Json(String),
    /// A CSV line.
    Line(usize),
}

impl Place {
    /// The item itself.
    pub fn path(&self) -> Path {
        match self {
            Place::Json(p) => Path::field(p),
            Place::Line(l) => Path::line(*l),
        }
    }

    /// One of its fields.
    pub fn field(&self, field: &str) -> Path {
        match self {
            Place::Json(p) => Path::Field(cat!(p, ".", field)),
            Place::Line(l) => Path::Text { line: *l, column: None, name: Some(Name::Field(field.to_string())) },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierInput {
    /// The line's name (一本线, 二本线, 本科线 …).
    pub tier: String,
    /// Candidates for this tier when it differs from the year's (e.g. one stream only).
    pub candidates: Option<u64>,
    pub passed: Option<u64>,
    pub rate: Option<Stated>,
    pub reference_rate: Option<Stated>,
    pub vs_reference_pp: Option<Stated>,
    pub vs_previous_year_pp: Option<Stated>,
    /// Where the tier is in the input.
    pub place: Place,
}

impl TierInput {
    /// A tier with a name and where it sits, and no figures yet.
    pub fn empty(tier: String, place: Place) -> Self {
        TierInput {
            tier,
            candidates: None,
            passed: None,
            rate: None,
            reference_rate: None,
            vs_reference_pp: None,
            vs_previous_year_pp: None,
            place,
        }
    }
}

/// Loads JSON or CSV, telling them apart by the first non-blank character (`{` is JSON).
pub fn from_text(text: &str) -> Result<Dataset, Error> {
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if body.starts_with('{') || body.starts_with('[') {
        from_json(text)
    } else {
        from_csv(text)
    }
}

/// Checks shared by both formats, run once the dataset is assembled.
pub(crate) fn check_dataset(ds: &Dataset) -> Result<(), Error> {
    if ds.years.len() > MAX_YEARS {
        return Err(Error::expected(Path::field("years"), Want::AtMostYears(MAX_YEARS), Got::Years(ds.years.len())));
    }
    for (i, y) in ds.years.iter().enumerate() {
        if let Some(j) = ds.years[..i].iter().position(|o| o.year == y.year) {
            return Err(Error::new(
                y.place.field("year"),
                ErrorKind::Duplicate { what: Dup::Year(y.year), first: ds.years[j].place.path() },
            ));
        }
        if y.tiers.len() > MAX_TIERS {
            return Err(Error::expected(
                y.place.field("tiers"),
                Want::AtMostTiers(MAX_TIERS),
                Got::Tiers(y.tiers.len()),
            ));
        }
        // Sorted names, not a scan of the tiers before each: 500 tiers × 100 years stays fast.
        let mut order: Vec<usize> = (0..y.tiers.len()).collect();
        order.sort_by(|&a, &b| y.tiers[a].tier.cmp(&y.tiers[b].tier).then(a.cmp(&b)));
        if let Some(w) = order.windows(2).filter(|w| y.tiers[w[0]].tier == y.tiers[w[1]].tier).min_by_key(|w| w[1]) {
            let (j, t) = (w[0], &y.tiers[w[1]]);
            return Err(Error::new(
                t.place.field("tier"),
                ErrorKind::Duplicate {
                    what: Dup::Tier { name: t.tier.clone(), year: y.year },
                    first: y.tiers[j].place.path(),
                },
            ));
        }
        for t in &y.tiers {
            let candidates = t.candidates.or(y.candidates);
            if let (Some(p), Some(c)) = (t.passed, candidates) {
                if p > c {
                    return Err(Error::expected(t.place.field("passed"), Want::AtMostCandidates(c), Got::Count(p)));
                }
            }
            // A stated difference must leave a rate: 15.5 % "up 34 points" would mean −18.5 % last year.
            let rate =
                t.rate.map(|r| r.value).or_else(|| t.passed.zip(candidates).map(|(p, c)| p as f64 / c as f64 * 100.0));
            for (field, diff, reference) in
                [("vs_reference_pp", t.vs_reference_pp, true), ("vs_previous_year_pp", t.vs_previous_year_pp, false)]
            {
                if let (Some(r), Some(d)) = (rate, diff) {
                    let implied = r - d.value;
                    if !(-0.05..=100.05).contains(&implied) {
                        return Err(Error::new(
                            t.place.field(field),
                            ErrorKind::Conflict(Conflict::ImpliedRate {
                                rate: crate::format::fixed(r, 2),
                                implied: crate::format::fixed(implied, 2),
                                reference,
                            }),
                        ));
                    }
                }
            }
            let has_counts = t.passed.is_some() && candidates.is_some();
            if t.rate.is_none() && !has_counts {
                return Err(Error::missing(t.place.field("rate"), Want::RateOrCounts));
            }
        }
    }
    Ok(())
}
