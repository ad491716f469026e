//! JSON → [`Dataset`]. The text is read by [`crate::json`] (numbers kept as written) and the
//! value walked by hand, so every message carries the full field path and the offending value.

use super::{check_dataset, Dataset, Place, Source, Stated, TierInput, YearInput};
use crate::cat;
use crate::error::{Error, ErrorKind, Got, Path, Want};
use crate::json::Value;

pub const ROOT_FIELDS: &[&str] = &["version", "title", "region", "reference", "source", "years"];
pub const SOURCE_FIELDS: &[&str] = &["name", "date", "url"];
pub const YEAR_FIELDS: &[&str] = &["year", "candidates", "tiers"];
pub const TIER_FIELDS: &[&str] =
    &["tier", "candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp"];

/// Parses and validates a JSON dataset.
pub fn from_json(text: &str) -> Result<Dataset, Error> {
    super::check_size(text)?;
    from_value(&crate::json::parse(text)?)
}

/// Validates an already-parsed JSON value (e.g. a JS object handed over by the page).
pub fn from_value(value: &Value) -> Result<Dataset, Error> {
    let root = object(value, "", Want::RootObject)?;
    known_fields(root, "", ROOT_FIELDS)?;
    if let Some(v) = get(root, "version") {
        let ok = matches!(v, Value::Number(n) if n.as_str() == "1");
        if !ok {
            return Err(Error::expected(Path::field("version"), Want::FormatVersion(super::FORMAT_VERSION), got(v)));
        }
    }
    let title = required_text(root, "", "title")?;
    let region = required_text(root, "", "region")?;
    let reference = match get(root, "reference") {
        None | Some(Value::Null) => super::DEFAULT_REFERENCE.to_string(),
        Some(v) => text(v, "reference")?,
    };
    let source = match get(root, "source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => {
            Some(Source { name: s.trim().to_string(), date: None, url: None })
        }
        Some(v) => {
            let obj = object(v, "source", Want::SourceObject)?;
            known_fields(obj, "source", SOURCE_FIELDS)?;
            Some(Source {
                name: required_text(obj, "source", "name")?,
                date: optional_text(obj, "source", "date")?,
                url: optional_text(obj, "source", "url")?,
            })
        }
    };
    let years_value = get(root, "years").ok_or_else(|| Error::missing(Path::field("years"), Want::YearsArray))?;
    let years_array = array(years_value, "years", Want::Years)?;
    let mut years = Vec::with_capacity(years_array.len());
    for (i, y) in years_array.iter().enumerate() {
        years.push(year(y, &cat!("years[", i, "]"))?);
    }
    let ds = Dataset { title, region, reference, source, years };
    check_dataset(&ds)?;
    Ok(ds)
}

fn get<'a>(obj: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    obj.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn year(value: &Value, path: &str) -> Result<YearInput, Error> {
    let obj = object(value, path, Want::YearObject)?;
    known_fields(obj, path, YEAR_FIELDS)?;
    let year_path = join(path, "year");
    let year = match get(obj, "year") {
        None => return Err(Error::missing(Path::Field(year_path), Want::YearExample)),
        Some(v) => integer(v, &year_path, 1900, 2200, Want::Year)? as i32,
    };
    let candidates = optional_count(obj, path, "candidates", 1)?;
    let tiers_path = join(path, "tiers");
    let tiers_value = get(obj, "tiers").ok_or_else(|| Error::missing(Path::field(&tiers_path), Want::TiersArray))?;
    let tiers_array = array(tiers_value, &tiers_path, Want::Tiers)?;
    let mut tiers = Vec::with_capacity(tiers_array.len());
    for (k, t) in tiers_array.iter().enumerate() {
        tiers.push(tier(t, &cat!(tiers_path, "[", k, "]"))?);
    }
    Ok(YearInput { year, candidates, tiers, place: Place::Json(path.to_string()) })
}

fn tier(value: &Value, path: &str) -> Result<TierInput, Error> {
    let obj = object(value, path, Want::TierObject)?;
    known_fields(obj, path, TIER_FIELDS)?;
    let mut t = TierInput::empty(required_text(obj, path, "tier")?, Place::Json(path.to_string()));
    t.candidates = optional_count(obj, path, "candidates", 1)?;
    t.passed = optional_count(obj, path, "passed", 0)?;
    t.rate = optional_number(obj, path, "rate", Range::Percent)?;
    t.reference_rate = optional_number(obj, path, "reference_rate", Range::Percent)?;
    t.vs_reference_pp = optional_number(obj, path, "vs_reference_pp", Range::Points)?;
    t.vs_previous_year_pp = optional_number(obj, path, "vs_previous_year_pp", Range::Points)?;
    Ok(t)
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

fn optional_number(obj: &[(String, Value)], path: &str, key: &str, range: Range) -> Result<Option<Stated>, Error> {
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let read = match v {
                Value::Number(n) => crate::format::read_decimal(n, false),
                _ => None,
            };
            match read {
                Some(w) if range.check(w.value) => Ok(Some(Stated { value: w.value, decimals: w.decimals })),
                _ => {
                    let got = match v {
                        Value::String(s) if s.trim().ends_with('%') => Got::Percent(s.clone()),
                        Value::String(s) => Got::QuotedNumber(s.clone()),
                        v => got(v),
                    };
                    Err(Error::expected(Path::Field(join(path, key)), range.want(), got))
                }
            }
        }
    }
}

fn optional_count(obj: &[(String, Value)], path: &str, key: &str, min: u64) -> Result<Option<u64>, Error> {
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => integer(v, &join(path, key), min as i64, 1_000_000_000, Want::Count(min)).map(|n| Some(n as u64)),
    }
}

fn integer(v: &Value, path: &str, min: i64, max: i64, want: Want) -> Result<i64, Error> {
    let n = match v {
        Value::Number(n) => crate::format::read_decimal(n, false)
            .filter(|w| w.value.fract() == 0.0 && w.value.abs() < 1e15)
            .map(|w| w.value as i64),
        _ => None,
    };
    match n {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Error::expected(Path::field(path), want, got(v))),
    }
}

fn required_text(obj: &[(String, Value)], path: &str, key: &str) -> Result<String, Error> {
    let field = join(path, key);
    match get(obj, key) {
        None => Err(Error::missing(Path::Field(field), Want::Text)),
        Some(v) => text(v, &field),
    }
}

fn optional_text(obj: &[(String, Value)], path: &str, key: &str) -> Result<Option<String>, Error> {
    match get(obj, key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => text(v, &join(path, key)).map(Some),
    }
}

fn text(v: &Value, path: &str) -> Result<String, Error> {
    match v {
        Value::String(s) => match super::visible(s) {
            Some(t) if t.chars().count() <= super::MAX_TEXT => Ok(t.to_string()),
            Some(t) => Err(Error::expected(
                Path::field(path),
                Want::TextUpTo(super::MAX_TEXT),
                Got::Characters(t.chars().count()),
            )),
            None => Err(Error::expected(Path::field(path), Want::Text, got(v))),
        },
        _ => Err(Error::expected(Path::field(path), Want::Text, got(v))),
    }
}

fn object<'a>(v: &'a Value, path: &str, want: Want) -> Result<&'a [(String, Value)], Error> {
    v.as_object()
        .ok_or_else(|| Error::expected(if path.is_empty() { Path::Root } else { Path::field(path) }, want, got(v)))
}

fn array<'a>(v: &'a Value, path: &str, want: Want) -> Result<&'a [Value], Error> {
    match v {
        Value::Array(a) if !a.is_empty() => Ok(a),
        _ => Err(Error::expected(Path::field(path), want, got(v))),
    }
}

fn known_fields(obj: &[(String, Value)], path: &str, allowed: &'static [&'static str]) -> Result<(), Error> {
    match obj.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        Some((k, _)) => Err(Error::new(Path::Field(join(path, k)), ErrorKind::UnknownField { allowed })),
        None => Ok(()),
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
        Value::String(s) => Got::Text(s.clone()),
        Value::Array(a) if a.is_empty() => Got::EmptyArray,
        Value::Array(_) => Got::Array,
        Value::Object(_) => Got::Object,
    }
}
