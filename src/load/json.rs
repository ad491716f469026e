//! JSON → [`Dataset`]. The text is read by [`crate::json`] (numbers kept as written) and the
//! value walked by hand, so every message carries the full field path and the offending value.
//!
//! Format version 1: `title`, `region`, `reference`, `source`, `years`. Version 2 (or no
//! `version`) adds `regions` (several areas against one reference, each `{ "region", "years" }`),
//! `reference_years` (the reference's own stated rates), names in two languages
//! (`{"zh-CN": "运城市", "en": "Yuncheng"}` wherever a name goes) and `quotes` (where the source
//! says each figure, word for word).

use super::{check_dataset, Dataset, Name, Place, Quotes, RegionInput, Source, Stated, TierInput, YearInput};
use crate::cat;
use crate::error::{Conflict, Dup, Error, ErrorKind, Got, Path, Version2, Want};
use crate::json::Value;

pub const ROOT_FIELDS: &[&str] = &["version", "title", "region", "reference", "source", "years"];
pub const ROOT_FIELDS_V2: &[&str] =
    &["version", "title", "region", "reference", "source", "years", "regions", "reference_years"];
pub const REGION_FIELDS: &[&str] = &["region", "years"];
pub const SOURCE_FIELDS: &[&str] = &["name", "date", "url"];
pub const YEAR_FIELDS: &[&str] = &["year", "candidates", "tiers"];
pub const YEAR_FIELDS_V2: &[&str] = &["year", "candidates", "tiers", "quotes"];
pub const YEAR_QUOTE_FIELDS: &[&str] = &["candidates"];
pub const TIER_FIELDS: &[&str] =
    &["tier", "candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp"];
pub const TIER_FIELDS_V2: &[&str] =
    &["tier", "candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp", "quotes"];
pub const QUOTE_FIELDS: &[&str] =
    &["candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp"];
pub const REFERENCE_TIER_FIELDS: &[&str] = &["tier", "rate", "quotes"];
pub const NAME_FIELDS: &[&str] = &["zh-CN", "zh", "en"];

/// Parses and validates a JSON dataset.
pub fn from_json(text: &str) -> Result<Dataset, Error> {
    super::check_size(text)?;
    from_value(&crate::json::parse(text)?)
}

type Fields = [(String, Value)];

/// Which version's fields a document may use.
#[derive(Clone, Copy)]
struct Version {
    v2: bool,
}

impl Version {
    fn fields(self, v1: &'static [&'static str], v2: &'static [&'static str]) -> &'static [&'static str] {
        if self.v2 {
            v2
        } else {
            v1
        }
    }
}

/// Validates an already-parsed JSON value (e.g. a JS object handed over by the page).
pub fn from_value(value: &Value) -> Result<Dataset, Error> {
    let root = object(value, "", Want::RootObject)?;
    let v = match get(root, "version") {
        None => Version { v2: true },
        Some(Value::Number(n)) if n == "1" => Version { v2: false },
        Some(Value::Number(n)) if n == "2" => Version { v2: true },
        // A JS object's number.
        Some(Value::Float(f)) if *f == 1.0 => Version { v2: false },
        Some(Value::Float(f)) if *f == 2.0 => Version { v2: true },
        Some(other) => {
            return Err(Error::expected(Path::field("version"), Want::FormatVersion(super::FORMAT_VERSION), got(other)))
        }
    };
    known_fields(root, "", v.fields(ROOT_FIELDS, ROOT_FIELDS_V2), v)?;
    let title = required_name(root, "", "title", v)?;
    let reference = match get(root, "reference") {
        None | Some(Value::Null) => Name::new(super::DEFAULT_REFERENCE),
        Some(r) => name(r, "reference", v)?,
    };
    let source = match get(root, "source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => {
            Some(Source { name: s.trim().to_string(), date: None, url: None })
        }
        Some(s) => {
            let obj = object(s, "source", Want::SourceObject)?;
            known_fields(obj, "source", SOURCE_FIELDS, v)?;
            Some(Source {
                name: required_text(obj, "source", "name")?,
                date: optional_text(obj, "source", "date")?,
                url: optional_text(obj, "source", "url")?
                    .map(|u| super::web_address(&u, Path::field("source.url")))
                    .transpose()?,
            })
        }
    };
    let mut regions = match (get(root, "regions"), get(root, "region"), get(root, "years")) {
        (Some(rs), None, None) => {
            let list = array(rs, "regions", Want::Regions)?;
            let mut out = Vec::with_capacity(list.len());
            for (i, r) in list.iter().enumerate() {
                let path = cat!("regions[", i, "]");
                let obj = object(r, &path, Want::RegionObject)?;
                known_fields(obj, &path, REGION_FIELDS, v)?;
                let name = required_name(obj, &path, "region", v)?;
                out.push(region(obj, name, &path, v)?);
            }
            out
        }
        (Some(_), _, _) => {
            let both = if get(root, "region").is_some() { "region" } else { "years" };
            return Err(Error::new(Path::field(both), ErrorKind::Conflict(Conflict::RegionsAndRegion)));
        }
        (None, _, _) => vec![region(root, required_name(root, "", "region", v)?, "", v)?],
    };
    if let Some(ry) = get(root, "reference_years") {
        reference_years(ry, &mut regions, v)?;
    }
    let mut ds = Dataset { title, reference, source, regions };
    super::fill_precision(&mut ds);
    check_dataset(&ds)?;
    Ok(ds)
}

fn get<'a>(obj: &'a Fields, key: &str) -> Option<&'a Value> {
    obj.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// A region's years, from the object at `path` ("" for the document itself).
fn region(obj: &Fields, name: Name, path: &str, v: Version) -> Result<RegionInput, Error> {
    let years_path = join(path, "years");
    let years_value = get(obj, "years").ok_or_else(|| Error::missing(Path::field(&years_path), Want::YearsArray))?;
    let years_array = array(years_value, &years_path, Want::Years)?;
    let mut years = Vec::with_capacity(years_array.len());
    for (i, y) in years_array.iter().enumerate() {
        years.push(year(y, &cat!(years_path, "[", i, "]"), v)?);
    }
    Ok(RegionInput { name, years, place: Place::Json(path.to_string()) })
}

fn year(value: &Value, path: &str, v: Version) -> Result<YearInput, Error> {
    let obj = object(value, path, Want::YearObject)?;
    known_fields(obj, path, v.fields(YEAR_FIELDS, YEAR_FIELDS_V2), v)?;
    let year_path = join(path, "year");
    let year = match get(obj, "year") {
        None => return Err(Error::missing(Path::Field(year_path), Want::YearExample)),
        Some(y) => integer(y, &year_path, 1900, 2200, Want::Year)? as i32,
    };
    let candidates = optional_count(obj, path, "candidates", 1)?;
    let candidates_quote = match get(obj, "quotes") {
        Some(q) => {
            let qp = join(path, "quotes");
            let qo = object(q, &qp, Want::QuotesObject)?;
            known_fields(qo, &qp, YEAR_QUOTE_FIELDS, v)?;
            quote(qo, &qp, "candidates")?
        }
        None => None,
    };
    let tiers_path = join(path, "tiers");
    let tiers_value = get(obj, "tiers").ok_or_else(|| Error::missing(Path::field(&tiers_path), Want::TiersArray))?;
    let tiers_array = array(tiers_value, &tiers_path, Want::Tiers)?;
    let mut tiers = Vec::with_capacity(tiers_array.len());
    for (k, t) in tiers_array.iter().enumerate() {
        tiers.push(tier(t, &cat!(tiers_path, "[", k, "]"), v)?);
    }
    Ok(YearInput { year, candidates, candidates_quote, tiers, place: Place::Json(path.to_string()) })
}

fn tier(value: &Value, path: &str, v: Version) -> Result<TierInput, Error> {
    let obj = object(value, path, Want::TierObject)?;
    known_fields(obj, path, v.fields(TIER_FIELDS, TIER_FIELDS_V2), v)?;
    let mut t = TierInput::empty(required_name(obj, path, "tier", v)?, Place::Json(path.to_string()));
    t.candidates = optional_count(obj, path, "candidates", 1)?;
    t.passed = optional_count(obj, path, "passed", 0)?;
    t.rate = optional_number(obj, path, "rate", Range::Percent)?;
    t.reference_rate = optional_number(obj, path, "reference_rate", Range::Percent)?;
    t.vs_reference_pp = optional_number(obj, path, "vs_reference_pp", Range::Points)?;
    t.vs_previous_year_pp = optional_number(obj, path, "vs_previous_year_pp", Range::Points)?;
    if let Some(q) = get(obj, "quotes") {
        t.quotes = quotes(q, &join(path, "quotes"), QUOTE_FIELDS, v)?;
    }
    Ok(t)
}

fn quotes(value: &Value, path: &str, allowed: &'static [&'static str], v: Version) -> Result<Quotes, Error> {
    let obj = object(value, path, Want::QuotesObject)?;
    known_fields(obj, path, allowed, v)?;
    let q = |key: &str| quote(obj, path, key);
    Ok(Quotes {
        candidates: q("candidates")?,
        passed: q("passed")?,
        rate: q("rate")?,
        reference_rate: q("reference_rate")?,
        vs_reference_pp: q("vs_reference_pp")?,
        vs_previous_year_pp: q("vs_previous_year_pp")?,
    })
}

/// `reference_years`: the reference area's stated rates, given to every region's tier of
/// the same year and name (where it is cross-checked like a tier's own `reference_rate`).
fn reference_years(value: &Value, regions: &mut [RegionInput], v: Version) -> Result<(), Error> {
    let list = array(value, "reference_years", Want::Years)?;
    for (i, y) in list.iter().enumerate() {
        let path = cat!("reference_years[", i, "]");
        let obj = object(y, &path, Want::YearObject)?;
        known_fields(obj, &path, &["year", "tiers"], v)?;
        let year_path = join(&path, "year");
        let year = match get(obj, "year") {
            None => return Err(Error::missing(Path::Field(year_path), Want::YearExample)),
            Some(y) => integer(y, &year_path, 1900, 2200, Want::Year)? as i32,
        };
        let tiers_path = join(&path, "tiers");
        let tiers = get(obj, "tiers").ok_or_else(|| Error::missing(Path::field(&tiers_path), Want::TiersArray))?;
        for (k, t) in array(tiers, &tiers_path, Want::Tiers)?.iter().enumerate() {
            let tp = cat!(tiers_path, "[", k, "]");
            let to = object(t, &tp, Want::TierObject)?;
            known_fields(to, &tp, REFERENCE_TIER_FIELDS, v)?;
            let name = required_name(to, &tp, "tier", v)?;
            let Some(rate) = optional_number(to, &tp, "rate", Range::Percent)? else {
                return Err(Error::missing(Path::Field(join(&tp, "rate")), Want::ReferenceRate));
            };
            let quote = match get(to, "quotes") {
                Some(q) => quotes(q, &join(&tp, "quotes"), &["rate"], v)?.rate,
                None => None,
            };
            let mut found = false;
            for r in regions.iter_mut() {
                let Some(ty) = r.years.iter_mut().find(|y| y.year == year) else { continue };
                let Some(rt) = ty.tiers.iter_mut().find(|x| x.tier.text == name.text) else { continue };
                if rt.reference_rate.is_some() {
                    return Err(Error::new(
                        Path::Field(join(&tp, "rate")),
                        ErrorKind::Duplicate {
                            what: Dup::ReferenceRow { year, tier: name.text.clone() },
                            first: rt.place.field("reference_rate"),
                        },
                    ));
                }
                rt.reference_rate = Some(rate);
                rt.quotes.reference_rate = quote.clone();
                found = true;
            }
            if !found {
                let region = regions.first().map(|r| r.name.text.clone()).unwrap_or_default();
                return Err(Error::new(
                    Path::Field(join(&tp, "tier")),
                    ErrorKind::Conflict(Conflict::ReferenceWithoutRegion { year, tier: name.text, region }),
                ));
            }
        }
    }
    Ok(())
}

/// What a number field may hold.
#[derive(Clone, Copy)]
pub(crate) enum Range {
    Percent,
    Points,
}

impl Range {
    pub(crate) fn check(self, v: f64) -> bool {
        v.is_finite()
            && match self {
                Range::Percent => (0.0..=100.0).contains(&v),
                Range::Points => (-100.0..=100.0).contains(&v),
            }
    }

    pub(crate) fn want(self) -> Want {
        match self {
            Range::Percent => Want::Percent,
            Range::Points => Want::Points,
        }
    }
}

/// A number field: a JSON number as written, a string holding one ("14.0", "15.5%" for a
/// rate, full-width digits too), or a JS number (its decimals found by
/// [`super::fill_precision`]).
fn optional_number(obj: &Fields, path: &str, key: &str, range: Range) -> Result<Option<Stated>, Error> {
    let field = || Path::Field(join(path, key));
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let read = match v {
                Value::Number(n) => crate::format::read_decimal(n, false).map(|w| Stated::written(w.value, w.decimals)),
                Value::Float(f) => Some(Stated { value: *f, decimals: crate::format::decimals_of(*f), written: false }),
                Value::String(s) => {
                    let n = super::normalize_number(s);
                    let body = match range {
                        Range::Percent => n.strip_suffix('%').unwrap_or(&n).trim_end(),
                        Range::Points => n.as_str(),
                    };
                    crate::format::read_decimal(body, true).map(|w| Stated::written(w.value, w.decimals))
                }
                _ => None,
            };
            match read {
                Some(s) if range.check(s.value) => Ok(Some(s)),
                _ => {
                    let got = match v {
                        // A number out of range, quotes or not: only the range is wrong.
                        Value::String(_) if read.is_some() => got(v),
                        Value::String(s) if s.trim().ends_with(['%', '％']) => Got::Percent(s.clone()),
                        Value::String(s) => Got::QuotedNumber(s.clone()),
                        v => got(v),
                    };
                    Err(Error::expected(field(), range.want(), got))
                }
            }
        }
    }
}

fn optional_count(obj: &Fields, path: &str, key: &str, min: u64) -> Result<Option<u64>, Error> {
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => integer(v, &join(path, key), min as i64, 1_000_000_000, Want::Count(min)).map(|n| Some(n as u64)),
    }
}

fn integer(v: &Value, path: &str, min: i64, max: i64, want: Want) -> Result<i64, Error> {
    let whole = |x: f64| (x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64);
    let n = match v {
        Value::Number(n) => crate::format::read_decimal(n, false).and_then(|w| whole(w.value)),
        Value::Float(f) => whole(*f),
        Value::String(s) => super::read_count(s),
        _ => None,
    };
    match n {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Error::expected(Path::field(path), want, got(v))),
    }
}

fn required_text(obj: &Fields, path: &str, key: &str) -> Result<String, Error> {
    let field = join(path, key);
    match get(obj, key) {
        None => Err(Error::missing(Path::Field(field), Want::Text)),
        Some(v) => text(v, &field),
    }
}

fn optional_text(obj: &Fields, path: &str, key: &str) -> Result<Option<String>, Error> {
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => text(v, &join(path, key)).map(Some),
    }
}

/// A quote of the source: text of up to [`super::MAX_QUOTE`] characters.
fn quote(obj: &Fields, path: &str, key: &str) -> Result<Option<String>, Error> {
    let field = join(path, key);
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => super::text_at(s, super::MAX_QUOTE, || Path::Field(field.clone())),
        Some(other) => Err(Error::expected(Path::Field(field), Want::Text, got(other))),
    }
}

fn required_name(obj: &Fields, path: &str, key: &str, v: Version) -> Result<Name, Error> {
    let field = join(path, key);
    match get(obj, key) {
        None => Err(Error::missing(Path::Field(field), Want::Text)),
        Some(n) => name(n, &field, v),
    }
}

/// A name: a string, or (version 2) `{"zh-CN": "运城市", "en": "Yuncheng"}`.
fn name(value: &Value, path: &str, v: Version) -> Result<Name, Error> {
    match value {
        Value::Object(obj) => {
            if !v.v2 {
                return Err(Error::new(
                    Path::field(path),
                    ErrorKind::Conflict(Conflict::NeedsVersion2(Version2::Names)),
                ));
            }
            known_fields(obj, path, NAME_FIELDS, v)?;
            let zh = match get(obj, "zh-CN") {
                Some(x) => Some(text(x, &join(path, "zh-CN"))?),
                None => optional_text(obj, path, "zh")?,
            };
            let en = optional_text(obj, path, "en")?;
            match (zh, en) {
                (Some(text), en) => Ok(Name { text, en }),
                (None, Some(en)) => Ok(Name { text: en, en: None }),
                (None, None) => Err(Error::expected(Path::field(path), Want::Name, Got::Object)),
            }
        }
        other => text(other, path).map(Name::new),
    }
}

fn text(v: &Value, path: &str) -> Result<String, Error> {
    match v {
        Value::String(s) => super::text_at(s, super::MAX_TEXT, || Path::field(path))?
            .ok_or_else(|| Error::expected(Path::field(path), Want::Text, got(v))),
        _ => Err(Error::expected(Path::field(path), Want::Text, got(v))),
    }
}

fn object<'a>(v: &'a Value, path: &str, want: Want) -> Result<&'a Fields, Error> {
    v.as_object()
        .ok_or_else(|| Error::expected(if path.is_empty() { Path::Root } else { Path::field(path) }, want, got(v)))
}

fn array<'a>(v: &'a Value, path: &str, want: Want) -> Result<&'a [Value], Error> {
    match v {
        Value::Array(a) if !a.is_empty() => Ok(a),
        _ => Err(Error::expected(Path::field(path), want, got(v))),
    }
}

fn known_fields(obj: &Fields, path: &str, allowed: &'static [&'static str], v: Version) -> Result<(), Error> {
    match obj.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        // A version-2 field in a version-1 file: say which version it needs.
        Some((k, _)) if !v.v2 && is_v2_field(k) => {
            Err(Error::new(Path::Field(join(path, k)), ErrorKind::Conflict(Conflict::NeedsVersion2(v2_name(k)))))
        }
        Some((k, _)) => Err(Error::new(Path::Field(join(path, k)), ErrorKind::UnknownField { allowed })),
        None => Ok(()),
    }
}

fn is_v2_field(k: &str) -> bool {
    matches!(k, "regions" | "reference_years" | "quotes")
}

fn v2_name(k: &str) -> Version2 {
    match k {
        "regions" => Version2::Regions,
        "reference_years" => Version2::ReferenceYears,
        _ => Version2::Quotes,
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        cat!(path, ".", key)
    }
}

/// What `v` is, for an error message: `"abc"`, `101`, `null`, an array.
pub(crate) fn got(v: &Value) -> Got {
    match v {
        Value::Null => Got::Null,
        Value::Bool(b) => Got::Bool(*b),
        Value::Number(n) => Got::Number(n.clone()),
        Value::Float(f) => Got::Number(crate::format::plain(*f)),
        Value::String(s) => Got::Text(s.clone()),
        Value::Array(a) if a.is_empty() => Got::EmptyArray,
        Value::Array(_) => Got::Array,
        Value::Object(_) => Got::Object,
    }
}
