//! CSV → [`Dataset`]: one row per year × tier × area, as a spreadsheet exports it.
//!
//! RFC 4180: fields may be quoted, quotes inside are doubled, quoted fields may hold commas
//! and line breaks, lines end in CRLF or LF, a UTF-8 byte-order mark is skipped. Errors name
//! the line and column. The columns are documented in the README ("CSV columns").

use super::json::{quote, Range};
use super::{check_dataset, Dataset, Source, Stated, TierInput, YearInput};
use crate::error::{Error, ErrorKind};

/// Every column the format defines. `year`, `tier` and `area` are required.
pub const COLUMNS: &[&str] = &[
    "version",
    "title",
    "region",
    "reference",
    "source",
    "source_date",
    "source_url",
    "year",
    "tier",
    "area",
    "candidates",
    "passed",
    "rate",
    "vs_reference_pp",
    "vs_previous_year_pp",
];

const REGION_ONLY: &[&str] = &["candidates", "passed", "vs_reference_pp", "vs_previous_year_pp"];

#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// Splits CSV text into records, keeping the line each record starts on.
fn records(text: &str) -> Result<Vec<Record>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start_line = 1;
    let mut in_quotes = false;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut column = 1;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() && !quoted => {
                field.clear();
                in_quotes = true;
                quoted = true;
            }
            '"' => {
                return Err(Error::new(
                    format!("line {line}, column {column}"),
                    ErrorKind::Syntax(
                        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")".into(),
                    ),
                ))
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
                column += 1;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                if !(fields.len() == 1 && fields[0].trim().is_empty()) {
                    out.push(Record { line: start_line, fields: std::mem::take(&mut fields) });
                }
                fields.clear();
                quoted = false;
                line += 1;
                start_line = line;
                column = 1;
            }
            c if quoted && !c.is_whitespace() => {
                return Err(Error::new(
                    format!("line {line}, column {column}"),
                    ErrorKind::Syntax("text after a closing quote; put the whole field inside the quotes".into()),
                ))
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(Error::new(
            format!("line {start_line}"),
            ErrorKind::Syntax("a quoted field is never closed (missing \")".into()),
        ));
    }
    fields.push(field);
    if !(fields.len() == 1 && fields[0].trim().is_empty()) {
        out.push(Record { line: start_line, fields });
    }
    Ok(out)
}

/// Parses and validates a CSV dataset.
pub fn from_csv(text: &str) -> Result<Dataset, Error> {
    super::check_size(text)?;
    let recs = records(text)?;
    let Some((header, rows)) = recs.split_first() else {
        return Err(Error::missing("(input)", "a CSV header line such as year,tier,area,rate"));
    };
    let mut index: Vec<(&'static str, usize)> = Vec::new();
    for (i, name) in header.fields.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        let at = format!("line {}, column {}", header.line, i + 1);
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            return Err(Error::new(format!("{at} (\"{name}\")"), ErrorKind::UnknownField { allowed: COLUMNS }));
        };
        if let Some((_, j)) = index.iter().find(|(c, _)| c == known) {
            return Err(Error::new(
                at,
                ErrorKind::Duplicate { what: format!("column \"{known}\""), first: format!("column {}", j + 1) },
            ));
        }
        index.push((known, i));
    }
    for required in ["year", "tier", "area"] {
        if !index.iter().any(|(c, _)| *c == required) {
            return Err(Error::missing(
                &format!("line {} (header)", header.line),
                format!("a \"{required}\" column; the required columns are year, tier and area"),
            ));
        }
    }
    if rows.is_empty() {
        return Err(Error::missing("(input)", "at least one data row after the header"));
    }

    let mut meta = Meta::default();
    let mut region_rows = Vec::new();
    let mut reference_rows = Vec::new();
    for rec in rows {
        let cell = Cell { rec, index: &index };
        if rec.fields.len() != header.fields.len() {
            return Err(Error::new(
                format!("line {}", rec.line),
                ErrorKind::Expected {
                    expected: format!("{} fields like the header", header.fields.len()),
                    got: format!("{} fields", rec.fields.len()),
                },
            ));
        }
        for key in ["version", "title", "region", "reference", "source", "source_date", "source_url"] {
            meta.set(key, &cell)?;
        }
        region_rows.push(cell);
    }
    if let Some((at, v)) = &meta.version {
        if v.parse::<u32>().ok() != Some(super::FORMAT_VERSION) {
            return Err(Error::expected(at, format!("{}", super::FORMAT_VERSION), quote(v)));
        }
    }
    let Some((_, title)) = meta.title.clone() else {
        return Err(Error::missing("column \"title\"", "the chart title on at least one row"));
    };

    // Which area is the region: the `region` column if given, else the first area named.
    let region = meta.region.as_ref().map(|(_, v)| v.clone());
    let region = match region {
        Some(r) => r,
        None => region_rows[0].text("area")?.unwrap_or_default(),
    };
    let mut reference = meta.reference.as_ref().map(|(_, v)| v.clone());
    let mut rest = Vec::new();
    for cell in region_rows.drain(..) {
        let area = cell.required_text("area")?;
        if area == region {
            rest.push(cell);
            continue;
        }
        match &reference {
            Some(r) if *r == area => reference_rows.push(cell),
            Some(r) => {
                return Err(Error::expected(
                    &cell.at("area"),
                    format!("the region \"{region}\" or the reference \"{r}\""),
                    quote(&area),
                ))
            }
            None => {
                reference = Some(area);
                reference_rows.push(cell);
            }
        }
    }

    let mut years: Vec<YearInput> = Vec::new();
    for cell in &rest {
        let year = cell.year()?;
        let y = match years.iter().position(|y| y.year == year) {
            Some(i) => i,
            None => {
                years.push(YearInput {
                    year,
                    candidates: None,
                    tiers: Vec::new(),
                    path: format!("line {}", cell.rec.line),
                });
                years.len() - 1
            }
        };
        let name = cell.required_text("tier")?;
        if let Some(t) = years[y].tiers.iter().find(|t| t.tier == name) {
            return Err(Error::new(
                cell.at("tier"),
                ErrorKind::Duplicate { what: format!("row for {year} {name} {region}"), first: t.path.clone() },
            ));
        }
        let mut t = TierInput::empty(name, format!("line {}", cell.rec.line));
        t.candidates = cell.count("candidates", 1)?;
        t.passed = cell.count("passed", 0)?;
        t.rate = cell.number("rate", Range::Percent)?;
        t.vs_reference_pp = cell.number("vs_reference_pp", Range::Points)?;
        t.vs_previous_year_pp = cell.number("vs_previous_year_pp", Range::Points)?;
        years[y].tiers.push(t);
    }
    for cell in &reference_rows {
        for key in REGION_ONLY {
            if cell.text(key)?.is_some() {
                return Err(Error::new(
                    cell.at(key),
                    ErrorKind::Conflict(format!(
                        "\"{key}\" belongs on the region's rows; a reference row carries only its rate"
                    )),
                ));
            }
        }
        let year = cell.year()?;
        let name = cell.required_text("tier")?;
        let Some(rate) = cell.number("rate", Range::Percent)? else {
            return Err(Error::missing(&cell.at("rate"), "the reference area's pass rate"));
        };
        let tier = years.iter_mut().find(|y| y.year == year).and_then(|y| y.tiers.iter_mut().find(|t| t.tier == name));
        match tier {
            Some(t) if t.reference_rate.is_some() => {
                return Err(Error::new(
                    cell.at("tier"),
                    ErrorKind::Duplicate {
                        what: format!("reference row for {year} {name}"),
                        first: "an earlier line".into(),
                    },
                ))
            }
            Some(t) => t.reference_rate = Some(rate),
            None => {
                return Err(Error::new(
                    cell.at("tier"),
                    ErrorKind::Conflict(format!(
                    "a reference rate for {year} {name}, but no row for the region \"{region}\" in that year and tier"
                )),
                ))
            }
        }
    }
    if years.is_empty() {
        return Err(Error::missing("column \"area\"", format!("at least one row for the region \"{region}\"")));
    }
    let source = meta.source.map(|(_, name)| Source {
        name,
        date: meta.source_date.map(|(_, v)| v),
        url: meta.source_url.map(|(_, v)| v),
    });
    let ds = Dataset {
        title,
        region,
        reference: reference.unwrap_or_else(|| super::DEFAULT_REFERENCE.to_string()),
        source,
        years,
    };
    check_dataset(&ds)?;
    Ok(ds)
}

/// Dataset-wide columns: filled on one row or repeated identically, with where they were set.
#[derive(Default)]
struct Meta {
    version: Option<(String, String)>,
    title: Option<(String, String)>,
    region: Option<(String, String)>,
    reference: Option<(String, String)>,
    source: Option<(String, String)>,
    source_date: Option<(String, String)>,
    source_url: Option<(String, String)>,
}

impl Meta {
    fn set(&mut self, key: &str, cell: &Cell) -> Result<(), Error> {
        let Some(value) = cell.text(key)? else { return Ok(()) };
        let slot = match key {
            "version" => &mut self.version,
            "title" => &mut self.title,
            "region" => &mut self.region,
            "reference" => &mut self.reference,
            "source" => &mut self.source,
            "source_date" => &mut self.source_date,
            _ => &mut self.source_url,
        };
        match slot {
            Some((first, v)) if *v != value => Err(Error::new(
                cell.at(key),
                ErrorKind::Conflict(format!(
                    "\"{key}\" is {} here but {} at {first}; a dataset has one {key} (leave it empty after the first row)",
                    quote(&value),
                    quote(v)
                )),
            )),
            Some(_) => Ok(()),
            None => {
                *slot = Some((cell.at(key), value));
                Ok(())
            }
        }
    }
}

struct Cell<'a> {
    rec: &'a Record,
    index: &'a [(&'static str, usize)],
}

impl Cell<'_> {
    fn column(&self, key: &str) -> Option<usize> {
        self.index.iter().find(|(c, _)| *c == key).map(|(_, i)| *i)
    }

    fn at(&self, key: &str) -> String {
        match self.column(key) {
            Some(i) => format!("line {}, column {} ({key})", self.rec.line, i + 1),
            None => format!("line {} ({key})", self.rec.line),
        }
    }

    fn text(&self, key: &str) -> Result<Option<String>, Error> {
        let Some(i) = self.column(key) else { return Ok(None) };
        let Some(v) = super::visible(&self.rec.fields[i]) else { return Ok(None) };
        if v.chars().count() > super::MAX_TEXT {
            return Err(Error::expected(
                &self.at(key),
                format!("at most {} characters", super::MAX_TEXT),
                format!("{} characters", v.chars().count()),
            ));
        }
        Ok(Some(v.to_string()))
    }

    fn required_text(&self, key: &str) -> Result<String, Error> {
        self.text(key)?.ok_or_else(|| Error::missing(&self.at(key), format!("a {key} on every row")))
    }

    fn year(&self) -> Result<i32, Error> {
        let v = self.required_text("year")?;
        match v.parse::<i32>() {
            Ok(y) if (1900..=2200).contains(&y) => Ok(y),
            _ => Err(Error::expected(&self.at("year"), "a year between 1900 and 2200", quote(&v))),
        }
    }

    fn count(&self, key: &str, min: u64) -> Result<Option<u64>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        let digits: String = v.chars().filter(|c| *c != ',' && *c != ' ').collect();
        match digits.parse::<u64>() {
            Ok(n) if n >= min && n <= 1_000_000_000 => Ok(Some(n)),
            _ => Err(Error::expected(
                &self.at(key),
                if min == 0 { "a whole number of people, 0 or more" } else { "a whole number of people, 1 or more" },
                quote(&v),
            )),
        }
    }

    fn number(&self, key: &str, range: Range) -> Result<Option<Stated>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        // A spreadsheet exports a percentage-formatted cell as "15.5%"; the unit is implied.
        let body = v.strip_suffix('%').unwrap_or(&v).trim().replace('−', "-");
        match body.parse::<f64>() {
            Ok(n) if range.check(n) => {
                let decimals = match body.split_once('.') {
                    Some((_, frac)) if frac.len() <= 6 && frac.bytes().all(|b| b.is_ascii_digit()) => frac.len() as u8,
                    Some(_) => crate::format::decimals_of(n),
                    None => 0,
                };
                Ok(Some(Stated { value: n, decimals }))
            }
            _ => Err(Error::expected(&self.at(key), range.expected(), quote(&v))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc4180_quoting_crlf_and_bom() {
        let text = "\u{feff}year,tier,area,title\r\n2019,\"一本,线\",运城市,\"say \"\"hi\"\"\nthere\"\r\n";
        let recs = records(text).unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].fields, vec!["2019", "一本,线", "运城市", "say \"hi\"\nthere"]);
        assert_eq!(recs[1].line, 2);
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        let err = records("a,b\n1,\"oops\n").unwrap_err();
        assert_eq!(err.path, "line 2");
    }

    #[test]
    fn stray_quote_names_line_and_column() {
        let err = records("a,b\n1,2\"3\n").unwrap_err();
        assert_eq!(err.path, "line 2, column 2");
    }
}
