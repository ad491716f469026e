//! JSON → [`Dataset`]. The text is parsed into a `serde_json::Value` and walked by hand, so
//! every message carries the full field path and the offending value.

use serde_json::{Map, Value};

use super::{check_dataset, Dataset, Source, Stated, TierInput, YearInput};
use crate::error::{Error, ErrorKind};

pub const ROOT_FIELDS: &[&str] = &["version", "title", "region", "reference", "source", "years"];
pub const SOURCE_FIELDS: &[&str] = &["name", "date", "url"];
pub const YEAR_FIELDS: &[&str] = &["year", "candidates", "tiers"];
pub const TIER_FIELDS: &[&str] =
    &["tier", "candidates", "passed", "rate", "reference_rate", "vs_reference_pp", "vs_previous_year_pp"];

/// Parses and validates a JSON dataset.
pub fn from_json(text: &str) -> Result<Dataset, Error> {
    super::check_size(text)?;
    let text = text.trim_start_matches('\u{feff}');
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let msg = e.to_string();
        // serde_json ends its messages with " at line L column C"; keep the position up front.
        let reason = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Error::new(
            format!("line {}, column {}", e.line(), e.column()),
            ErrorKind::Syntax(format!("invalid JSON: {reason}")),
        )
    })?;
    from_json_value(&value)
}

/// Validates an already-parsed JSON value (e.g. a JS object handed over by the page).
pub fn from_json_value(value: &Value) -> Result<Dataset, Error> {
    let root = object(value, "(root)", "a JSON object with \"title\", \"region\" and \"years\"")?;
    known_fields(root, "", ROOT_FIELDS)?;
    if let Some(v) = root.get("version") {
        match v.as_u64() {
            Some(n) if n == super::FORMAT_VERSION as u64 => {}
            _ => {
                return Err(Error::expected(
                    "version",
                    format!("{} (the data format version this build reads)", super::FORMAT_VERSION),
                    describe(v),
                ))
            }
        }
    }
    let title = required_text(root, "", "title")?;
    let region = required_text(root, "", "region")?;
    let reference = match root.get("reference") {
        None | Some(Value::Null) => super::DEFAULT_REFERENCE.to_string(),
        Some(v) => text(v, "reference")?,
    };
    let source = match root.get("source") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if !s.trim().is_empty() => {
            Some(Source { name: s.trim().to_string(), date: None, url: None })
        }
        Some(v) => {
            let obj = object(v, "source", "an object like {\"name\": \"…\", \"date\": \"2019-08-14\"}")?;
            known_fields(obj, "source", SOURCE_FIELDS)?;
            Some(Source {
                name: required_text(obj, "source", "name")?,
                date: optional_text(obj, "source", "date")?,
                url: optional_text(obj, "source", "url")?,
            })
        }
    };
    let years_value = root
        .get("years")
        .ok_or_else(|| Error::missing("years", "an array of years, each with \"year\" and \"tiers\""))?;
    let years_array = array(years_value, "years", "a non-empty array of years")?;
    let mut years = Vec::with_capacity(years_array.len());
    for (i, y) in years_array.iter().enumerate() {
        years.push(year(y, &format!("years[{i}]"))?);
    }
    let ds = Dataset { title, region, reference, source, years };
    check_dataset(&ds)?;
    Ok(ds)
}

fn year(value: &Value, path: &str) -> Result<YearInput, Error> {
    let obj = object(value, path, "an object with \"year\" and \"tiers\"")?;
    known_fields(obj, path, YEAR_FIELDS)?;
    let year_path = format!("{path}.year");
    let year = match obj.get("year") {
        None => return Err(Error::missing(&year_path, "a year such as 2019")),
        Some(v) => integer(v, &year_path, 1900, 2200, "a year between 1900 and 2200")? as i32,
    };
    let candidates = optional_count(obj, path, "candidates", 1)?;
    let tiers_path = format!("{path}.tiers");
    let tiers_value = obj.get("tiers").ok_or_else(|| {
        Error::missing(&tiers_path, "an array of tiers such as {\"tier\": \"一本线\", \"rate\": 15.5}")
    })?;
    let tiers_array = array(tiers_value, &tiers_path, "a non-empty array of tiers")?;
    let mut tiers = Vec::with_capacity(tiers_array.len());
    for (k, t) in tiers_array.iter().enumerate() {
        tiers.push(tier(t, &format!("{tiers_path}[{k}]"))?);
    }
    Ok(YearInput { year, candidates, tiers, path: path.to_string() })
}

fn tier(value: &Value, path: &str) -> Result<TierInput, Error> {
    let obj = object(value, path, "an object such as {\"tier\": \"一本线\", \"rate\": 15.5}")?;
    known_fields(obj, path, TIER_FIELDS)?;
    let mut t = TierInput::empty(required_text(obj, path, "tier")?, path.to_string());
    t.candidates = optional_count(obj, path, "candidates", 1)?;
    t.passed = optional_count(obj, path, "passed", 0)?;
    t.rate = optional_number(obj, path, "rate", Range::Percent)?;
    t.reference_rate = optional_number(obj, path, "reference_rate", Range::Percent)?;
    t.vs_reference_pp = optional_number(obj, path, "vs_reference_pp", Range::Points)?;
    t.vs_previous_year_pp = optional_number(obj, path, "vs_previous_year_pp", Range::Points)?;
    Ok(t)
}

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

    pub(crate) fn expected(self) -> &'static str {
        match self {
            Range::Percent => "a percentage between 0 and 100",
            Range::Points => "a difference in percentage points between -100 and 100",
        }
    }
}

fn optional_number(obj: &Map<String, Value>, path: &str, key: &str, range: Range) -> Result<Option<Stated>, Error> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let field = join(path, key);
            match v.as_f64() {
                Some(n) if range.check(n) => Ok(Some(stated(v, n))),
                _ => {
                    let hint = match v {
                        Value::String(s) if s.trim().ends_with('%') => " (write the number without the % sign)",
                        Value::String(_) => " (write it as a number, without quotes)",
                        _ => "",
                    };
                    Err(Error::expected(&field, range.expected(), format!("{}{hint}", describe(v))))
                }
            }
        }
    }
}

/// Keeps the decimals as typed: `33.0` is stated to one decimal, `33` to none.
fn stated(v: &Value, n: f64) -> Stated {
    let typed = v.to_string();
    match typed.split_once('.') {
        Some((_, frac)) if frac.len() <= 6 && frac.bytes().all(|b| b.is_ascii_digit()) => {
            Stated { value: n, decimals: frac.len() as u8 }
        }
        None if typed.bytes().all(|b| b.is_ascii_digit() || b == b'-') => Stated { value: n, decimals: 0 },
        _ => Stated::new(n),
    }
}

fn optional_count(obj: &Map<String, Value>, path: &str, key: &str, min: u64) -> Result<Option<u64>, Error> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => {
            let field = join(path, key);
            let what =
                if min == 0 { "a whole number of people, 0 or more" } else { "a whole number of people, 1 or more" };
            integer(v, &field, min as i64, 1_000_000_000, what).map(|n| Some(n as u64))
        }
    }
}

fn integer(v: &Value, path: &str, min: i64, max: i64, what: &str) -> Result<i64, Error> {
    let n = v.as_i64().or_else(|| v.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 1e15).map(|f| f as i64));
    match n {
        Some(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(Error::expected(path, what, describe(v))),
    }
}

fn required_text(obj: &Map<String, Value>, path: &str, key: &str) -> Result<String, Error> {
    let field = join(path, key);
    match obj.get(key) {
        None => Err(Error::missing(&field, "a non-empty string")),
        Some(v) => text(v, &field),
    }
}

fn optional_text(obj: &Map<String, Value>, path: &str, key: &str) -> Result<Option<String>, Error> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => text(v, &join(path, key)).map(Some),
    }
}

fn text(v: &Value, path: &str) -> Result<String, Error> {
    match v {
        Value::String(s) => match super::visible(s) {
            Some(t) if t.chars().count() <= super::MAX_TEXT => Ok(t.to_string()),
            Some(t) => Err(Error::expected(
                path,
                format!("a string of at most {} characters", super::MAX_TEXT),
                format!("{} characters", t.chars().count()),
            )),
            None => Err(Error::expected(path, "a non-empty string", describe(v))),
        },
        _ => Err(Error::expected(path, "a non-empty string", describe(v))),
    }
}

fn object<'a>(v: &'a Value, path: &str, what: &str) -> Result<&'a Map<String, Value>, Error> {
    v.as_object().ok_or_else(|| Error::expected(path, what, describe(v)))
}

fn array<'a>(v: &'a Value, path: &str, what: &str) -> Result<&'a Vec<Value>, Error> {
    match v.as_array() {
        Some(a) if !a.is_empty() => Ok(a),
        _ => Err(Error::expected(path, what, describe(v))),
    }
}

fn known_fields(obj: &Map<String, Value>, path: &str, allowed: &'static [&'static str]) -> Result<(), Error> {
    match obj.keys().find(|k| !allowed.contains(&k.as_str())) {
        Some(k) => Err(Error::new(join(path, k), ErrorKind::UnknownField { allowed })),
        None => Ok(()),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// A short description of a value for error messages: `"abc"`, `101`, `null`, `an array`.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => quote(s),
        Value::Array(a) if a.is_empty() => "an empty array".into(),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// `s` in double quotes, shortened to 40 characters.
pub(crate) fn quote(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    format!("\"{out}\"")
}
