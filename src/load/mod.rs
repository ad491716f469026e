//! Load: text (JSON or CSV) → a validated [`Dataset`], exactly as stated by the source, and
//! a dataset back to JSON ([`to_json`]).
//!
//! This room parses and validates; it derives nothing. Every value is checked once, here,
//! and a bad one is reported with its field path (JSON) or line and column (CSV). No web-sys,
//! no drawing.

mod csv;
mod encoding;
mod json;
mod write;

pub use self::csv::{from_csv, COLUMNS};
#[cfg(not(target_arch = "wasm32"))]
pub use self::encoding::decode;
pub use self::encoding::{decode_with, Encoding};
pub use self::json::{
    from_json, from_value, NAME_FIELDS, QUOTE_FIELDS, REGION_FIELDS, ROOT_FIELDS, ROOT_FIELDS_V2, SOURCE_FIELDS,
    TIER_FIELDS, TIER_FIELDS_V2, YEAR_FIELDS, YEAR_FIELDS_V2,
};
pub use self::write::to_json;

use crate::cat;
use crate::error::{Conflict, Dup, Error, ErrorKind, Got, Name as FieldName, Path, Want};

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
    "regions",
    "reference_years",
    "quotes",
    "title_en",
    "area_en",
    "region_en",
    "reference_en",
    "tier_en",
    "candidates_quote",
    "passed_quote",
    "rate_quote",
    "vs_reference_pp_quote",
    "vs_previous_year_pp_quote",
    "zh-CN",
    "zh",
    "en",
];

/// The newest version of the data format this crate reads (the `version` field). Version 1
/// files load unchanged; version 2 adds several regions against one reference, names in two
/// languages and quotes of the source. A file without `version` may use either.
pub const FORMAT_VERSION: u32 = 2;

/// The most regions (areas) one dataset compares with its reference: a county-level overview
/// of a province has up to about 200 (Sichuan has 183 county-level divisions, Hebei 167).
pub const MAX_REGIONS: usize = 250;

/// The reference area's name when the data does not give one.
pub const DEFAULT_REFERENCE: &str = "全省";

/// The largest number of tiers in one year and of years in one region. Results reports name
/// a handful of lines (一本, 二本, 本科, 专科, 特控, and the arts and sports lines of each batch);
/// 300 is what the compare view can still draw one bar pair each for on a desktop, the
/// benchmark's scale case. The exam was resumed in 1977: 60 years. Beyond these a chart is
/// unreadable and the data is almost certainly not what the editor meant; within them,
/// [`MAX_ENTRIES`] bounds the whole.
pub const MAX_TIERS: usize = 300;
pub const MAX_YEARS: usize = 60;

/// The most tier entries (one tier of one year of one region) in a dataset: 100 areas × 20
/// tiers × 12 years, or 250 areas × 6 tiers × 16 years. It bounds the work and memory of every
/// view, whatever the shape of the data.
pub const MAX_ENTRIES: usize = 25_000;

/// The longest name or title, in characters.
pub const MAX_TEXT: usize = 200;

/// The longest quote of the source, in characters: a clause or two.
pub const MAX_QUOTE: usize = 400;

/// The largest input, in bytes: far above any real dataset (500 tiers × 100 years is about
/// 4 MB of JSON), low enough that a wrong file fails at once instead of freezing the page.
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// Whether a name or text may not hold `c`: control characters other than tab and line
/// breaks (a vertical tab is Word's Shift+Enter; XML cannot hold most of them), the bidi
/// controls that reorder what a reader sees (U+202E turns "%9.99" into "99.9%"), the
/// Unicode line and paragraph separators, and noncharacters.
pub fn forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'
            | '\u{c}'
            | '\u{e}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{fdd0}'..='\u{fdef}'
    ) || (c as u32 & 0xfffe) == 0xfffe
}

/// A name or text as the loader keeps it: trimmed ([`visible`]), `None` when nothing visible
/// is left; an error at `path` when it holds a [`forbidden`] character (its code and place,
/// counting characters from 1; a carriage return only as part of CR LF) or is longer than
/// `limit` characters.
pub(crate) fn text_at(s: &str, limit: usize, path: impl Fn() -> Path) -> Result<Option<String>, Error> {
    let chars: Vec<char> = s.chars().collect();
    let bad = chars.iter().enumerate().find(|(i, &c)| forbidden(c) || (c == '\r' && chars.get(i + 1) != Some(&'\n')));
    if let Some((i, &c)) = bad {
        return Err(Error::expected(path(), Want::PlainText, Got::Character { code: c as u32, at: i + 1 }));
    }
    let Some(t) = visible(s) else { return Ok(None) };
    let n = t.chars().count();
    if n > limit {
        return Err(Error::expected(path(), Want::TextUpTo(limit), Got::Characters(n)));
    }
    Ok(Some(t.to_string()))
}

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
    /// Whether `decimals` were read from the number as written (JSON or CSV text, a numeric
    /// string), rather than found from a JS number, which does not keep them.
    pub written: bool,
}

impl Stated {
    /// A number with the fewest decimals that write it.
    pub fn new(value: f64) -> Self {
        Stated { value, decimals: crate::format::decimals_of(value), written: false }
    }

    /// A number as written, with `decimals` decimals.
    pub fn written(value: f64, decimals: u8) -> Self {
        Stated { value, decimals, written: true }
    }

    /// The decimals up to the last non-zero digit written: `18.70` has one, `14.0` none. A
    /// trailing zero may be a cell format's (Excel's `0.00%`), not a claim of precision, so
    /// the consistency checks compare at this precision.
    pub fn significant(&self) -> u8 {
        crate::format::significant(self.value, self.decimals)
    }

    /// The precision this number gives what is derived from it: its significant decimals,
    /// and at least one when it was written with a decimal point (`18.70 − 2.3` is `16.4`;
    /// `15.0 − 1.0` is `14.0`, not `14`).
    pub fn for_derivation(&self) -> u8 {
        self.significant().max(self.decimals.min(1))
    }
}

/// A number typed as people type it into spreadsheets and Chinese input methods, in ASCII:
/// full-width digits, `．`, `％`, `，` and `－`, and the minus sign `−`, become `0`–`9`, `.`,
/// `%`, `,` and `-`; surrounding spaces go.
pub fn normalize_number(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' => '.',
            '％' => '%',
            '，' => ',',
            '－' | '−' => '-',
            '＋' => '+',
            c => c,
        })
        .collect()
}

/// A count as spreadsheets write it: `36192`, `36,192`, `36 192`, `36192人`, full-width
/// digits. Anything else (a fraction, a sign, letters) is `None`.
pub fn read_count(s: &str) -> Option<i64> {
    let n = normalize_number(s);
    let n = n.strip_suffix('人').unwrap_or(&n).trim_end();
    let digits: String = n.chars().filter(|c| *c != ',' && *c != ' ').collect();
    if digits.is_empty() || digits.len() > 12 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(digits.bytes().fold(0i64, |n, b| n * 10 + (b - b'0') as i64))
}

/// Numbers from JS objects keep no written form: `14.0` arrives as `14`. Each of them takes
/// the finest precision written in the same field elsewhere in the dataset (a rate beside
/// rates written to one decimal prints with one decimal: `14.0%`). Numeric strings
/// (`"14.0"`) keep exactly what they say, and are the way to state a precision outright.
pub(crate) fn fill_precision(ds: &mut Dataset) {
    fn field(t: &mut TierInput, k: usize) -> &mut Option<Stated> {
        match k {
            0 => &mut t.rate,
            1 => &mut t.reference_rate,
            2 => &mut t.vs_reference_pp,
            _ => &mut t.vs_previous_year_pp,
        }
    }
    for k in 0..4 {
        let (mut finest, mut loose) = (0, false);
        for t in ds.regions.iter_mut().flat_map(|r| &mut r.years).flat_map(|y| &mut y.tiers) {
            if let Some(s) = field(t, k) {
                finest = finest.max(s.decimals);
                loose |= !s.written;
            }
        }
        if loose {
            for t in ds.regions.iter_mut().flat_map(|r| &mut r.years).flat_map(|y| &mut y.tiers) {
                if let Some(s) = field(t, k).as_mut().filter(|s| !s.written) {
                    s.decimals = s.decimals.max(finest);
                }
            }
        }
    }
}

/// A source's web address as a reader's link may open it: `http://` or `https://` and a
/// host, with no spaces or control characters. Anything else (`javascript:`, a relative
/// path, a bare domain) is an error naming the field.
pub(crate) fn web_address(url: &str, path: Path) -> Result<String, Error> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &u[8..]
    } else if lower.starts_with("http://") {
        &u[7..]
    } else {
        ""
    };
    let host_ok = rest.split(['/', '?', '#']).next().is_some_and(|h| !h.is_empty());
    if host_ok && !u.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Ok(u.to_string())
    } else {
        Err(Error::expected(path, Want::WebAddress, Got::Text(url.to_string())))
    }
}

/// Which field of the format a stated number sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Rate,
    ReferenceRate,
    VsReference,
    VsPreviousYear,
    Passed,
    Candidates,
}

/// Where the figures were published.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Source {
    pub name: String,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// A name as the data gives it (a place, a tier, a title), and its English form when the
/// data has one (format version 2: `{"zh-CN": "运城市", "en": "Yuncheng"}`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Name {
    pub text: String,
    pub en: Option<String>,
}

impl Name {
    pub fn new(text: impl Into<String>) -> Name {
        Name { text: text.into(), en: None }
    }

    /// The name for a reader of `lang`: the English one for English when the data has it.
    pub fn get(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.text,
        }
    }

    /// Whether `s` is this name in either language.
    pub fn is(&self, s: &str) -> bool {
        self.text == s || self.en.as_deref() == Some(s)
    }
}

/// A dataset as stated by its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub title: Name,
    /// The area the regions are compared with (the province).
    pub reference: Name,
    pub source: Option<Source>,
    /// The areas reported on (cities): one, or several against the one reference.
    pub regions: Vec<RegionInput>,
}

impl Dataset {
    /// The first region's name and years: the whole dataset when it has one region.
    pub fn region(&self) -> &RegionInput {
        &self.regions[0]
    }
}

/// One area reported on and its years, as stated.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionInput {
    pub name: Name,
    /// In the order given; the model sorts them.
    pub years: Vec<YearInput>,
    /// Where the region is in the input: `regions[1]`, the document, or its first CSV line.
    pub place: Place,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearInput {
    pub year: i32,
    /// Candidates who sat the exam in the region (参考人数).
    pub candidates: Option<u64>,
    /// Where the source says so, word for word.
    pub candidates_quote: Option<String>,
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
            Place::Json(p) if p.is_empty() => Path::Root,
            Place::Json(p) => Path::field(p),
            Place::Line(l) => Path::line(*l),
        }
    }

    /// One of its fields.
    pub fn field(&self, field: &str) -> Path {
        match self {
            Place::Json(p) if p.is_empty() => Path::field(field),
            Place::Json(p) => Path::Field(cat!(p, ".", field)),
            Place::Line(l) => Path::Text { line: *l, column: None, name: Some(FieldName::Field(field.to_string())) },
        }
    }
}

/// Where the source says each figure of a tier, word for word (format version 2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Quotes {
    pub candidates: Option<String>,
    pub passed: Option<String>,
    pub rate: Option<String>,
    pub reference_rate: Option<String>,
    pub vs_reference_pp: Option<String>,
    pub vs_previous_year_pp: Option<String>,
}

impl Quotes {
    /// The quote of `field` (a field of the format: `rate`, `passed` …).
    pub fn get(&self, field: Field) -> Option<&str> {
        match field {
            Field::Candidates => self.candidates.as_deref(),
            Field::Passed => self.passed.as_deref(),
            Field::Rate => self.rate.as_deref(),
            Field::ReferenceRate => self.reference_rate.as_deref(),
            Field::VsReference => self.vs_reference_pp.as_deref(),
            Field::VsPreviousYear => self.vs_previous_year_pp.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TierInput {
    /// The line's name (一本线, 二本线, 本科线 …); tiers match across years by its `text`.
    pub tier: Name,
    /// Candidates for this tier when it differs from the year's (e.g. one stream only).
    pub candidates: Option<u64>,
    pub passed: Option<u64>,
    pub rate: Option<Stated>,
    pub reference_rate: Option<Stated>,
    pub vs_reference_pp: Option<Stated>,
    pub vs_previous_year_pp: Option<Stated>,
    pub quotes: Quotes,
    /// Where the tier is in the input.
    pub place: Place,
}

impl TierInput {
    /// A tier with a name and where it sits, and no figures yet.
    pub fn empty(tier: Name, place: Place) -> Self {
        TierInput {
            tier,
            candidates: None,
            passed: None,
            rate: None,
            reference_rate: None,
            vs_reference_pp: None,
            vs_previous_year_pp: None,
            quotes: Quotes::default(),
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
    if ds.regions.len() > MAX_REGIONS {
        return Err(Error::expected(
            Path::field("regions"),
            Want::AtMostRegions(MAX_REGIONS),
            Got::Regions(ds.regions.len()),
        ));
    }

    for (i, r) in ds.regions.iter().enumerate() {
        if let Some(j) = ds.regions[..i].iter().position(|o| o.name.text == r.name.text) {
            return Err(Error::new(
                r.place.field("region"),
                ErrorKind::Duplicate { what: Dup::Region(r.name.text.clone()), first: ds.regions[j].place.path() },
            ));
        }
        if r.name.text == ds.reference.text {
            return Err(Error::new(
                r.place.field("region"),
                ErrorKind::Conflict(Conflict::RegionIsReference(r.name.text.clone())),
            ));
        }
        check_region(r)?;
    }
    let entries: usize = ds.regions.iter().flat_map(|r| &r.years).map(|y| y.tiers.len()).sum();
    if entries > MAX_ENTRIES {
        return Err(Error::expected(Path::Input, Want::AtMostEntries(MAX_ENTRIES), Got::Entries(entries)));
    }
    Ok(())
}

fn check_region(r: &RegionInput) -> Result<(), Error> {
    if r.years.len() > MAX_YEARS {
        return Err(Error::expected(r.place.field("years"), Want::AtMostYears(MAX_YEARS), Got::Years(r.years.len())));
    }
    for (i, y) in r.years.iter().enumerate() {
        if let Some(j) = r.years[..i].iter().position(|o| o.year == y.year) {
            return Err(Error::new(
                y.place.field("year"),
                ErrorKind::Duplicate { what: Dup::Year(y.year), first: r.years[j].place.path() },
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
        crate::sort::sort_by(&mut order, |&a, &b| y.tiers[a].tier.text.cmp(&y.tiers[b].tier.text).then(a.cmp(&b)));
        let same = |w: &[usize]| y.tiers[w[0]].tier.text == y.tiers[w[1]].tier.text;
        if let Some(w) = order.windows(2).filter(|w| same(w)).min_by_key(|w| w[1]) {
            let (j, t) = (w[0], &y.tiers[w[1]]);
            return Err(Error::new(
                t.place.field("tier"),
                ErrorKind::Duplicate {
                    what: Dup::Tier { name: t.tier.text.clone(), year: y.year },
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
