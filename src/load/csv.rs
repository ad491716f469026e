//! CSV → [`Dataset`]: one row per year × tier × area, as a spreadsheet exports it.
//!
//! RFC 4180: fields may be quoted, quotes inside are doubled, quoted fields may hold commas
//! and line breaks, lines end in CRLF or LF, a UTF-8 byte-order mark is skipped. Errors name
//! the line and column. The columns are documented in the README ("CSV columns").

use super::json::Range;
use super::{check_dataset, Dataset, Place, Source, Stated, TierInput, YearInput};
use crate::error::{Conflict, CsvSyntax, Dup, Error, ErrorKind, Got, Name, Path, Want};

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
            '"' => return Err(Error::new(Path::at(line, column), ErrorKind::Csv(CsvSyntax::QuoteInUnquoted))),
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
                return Err(Error::new(Path::at(line, column), ErrorKind::Csv(CsvSyntax::TextAfterQuote)))
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return Err(Error::new(Path::line(start_line), ErrorKind::Csv(CsvSyntax::UnclosedQuote)));
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
        return Err(Error::missing(Path::Input, Want::CsvHeader));
    };
    let mut index: Vec<(&'static str, usize)> = Vec::new();
    for (i, name) in header.fields.iter().enumerate() {
        let name = name.trim().to_ascii_lowercase();
        let Some(known) = COLUMNS.iter().find(|c| **c == name) else {
            return Err(Error::new(
                Path::Text { line: header.line, column: Some(i + 1), name: Some(Name::Unknown(name)) },
                ErrorKind::UnknownField { allowed: COLUMNS },
            ));
        };
        if let Some((_, j)) = index.iter().find(|(c, _)| c == known) {
            return Err(Error::new(
                Path::at(header.line, i + 1),
                ErrorKind::Duplicate { what: Dup::Column(known.to_string()), first: Path::ColumnNo(j + 1) },
            ));
        }
        index.push((known, i));
    }
    for required in ["year", "tier", "area"] {
        if !index.iter().any(|(c, _)| *c == required) {
            return Err(Error::missing(
                Path::Text { line: header.line, column: None, name: Some(Name::Header) },
                Want::RequiredColumn(required),
            ));
        }
    }
    if rows.is_empty() {
        return Err(Error::missing(Path::Input, Want::DataRow));
    }

    let mut meta = Meta::default();
    let mut region_rows = Vec::new();
    let mut reference_rows = Vec::new();
    for rec in rows {
        let cell = Cell { rec, index: &index };
        if rec.fields.len() != header.fields.len() {
            return Err(Error::expected(
                Path::line(rec.line),
                Want::FieldsLikeHeader(header.fields.len()),
                Got::Fields(rec.fields.len()),
            ));
        }
        for key in ["version", "title", "region", "reference", "source", "source_date", "source_url"] {
            meta.set(key, &cell)?;
        }
        region_rows.push(cell);
    }
    if let Some((at, v)) = &meta.version {
        if v.as_str() != "1" {
            return Err(Error::expected(at.clone(), Want::FormatVersion(super::FORMAT_VERSION), Got::Text(v.clone())));
        }
    }
    let Some((_, title)) = meta.title.clone() else {
        return Err(Error::missing(Path::Column("title".into()), Want::TitleRow));
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
                    cell.at("area"),
                    Want::RegionOrReference { region: region.clone(), reference: r.clone() },
                    Got::Text(area),
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
                years.push(YearInput { year, candidates: None, tiers: Vec::new(), place: Place::Line(cell.rec.line) });
                years.len() - 1
            }
        };
        let name = cell.required_text("tier")?;
        if let Some(t) = years[y].tiers.iter().find(|t| t.tier == name) {
            return Err(Error::new(
                cell.at("tier"),
                ErrorKind::Duplicate {
                    what: Dup::Row { year, tier: name, region: region.clone() },
                    first: t.place.path(),
                },
            ));
        }
        let mut t = TierInput::empty(name, Place::Line(cell.rec.line));
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
                return Err(Error::new(cell.at(key), ErrorKind::Conflict(Conflict::RegionOnly(key))));
            }
        }
        let year = cell.year()?;
        let name = cell.required_text("tier")?;
        let Some(rate) = cell.number("rate", Range::Percent)? else {
            return Err(Error::missing(cell.at("rate"), Want::ReferenceRate));
        };
        let tier = years.iter_mut().find(|y| y.year == year).and_then(|y| y.tiers.iter_mut().find(|t| t.tier == name));
        match tier {
            Some(t) if t.reference_rate.is_some() => {
                return Err(Error::new(
                    cell.at("tier"),
                    ErrorKind::Duplicate { what: Dup::ReferenceRow { year, tier: name }, first: t.place.path() },
                ))
            }
            Some(t) => t.reference_rate = Some(rate),
            None => {
                return Err(Error::new(
                    cell.at("tier"),
                    ErrorKind::Conflict(Conflict::ReferenceWithoutRegion { year, tier: name, region: region.clone() }),
                ))
            }
        }
    }
    if years.is_empty() {
        return Err(Error::missing(Path::Column("area".into()), Want::RegionRow(region)));
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
    version: Option<(Path, String)>,
    title: Option<(Path, String)>,
    region: Option<(Path, String)>,
    reference: Option<(Path, String)>,
    source: Option<(Path, String)>,
    source_date: Option<(Path, String)>,
    source_url: Option<(Path, String)>,
}

impl Meta {
    fn set(&mut self, key: &'static str, cell: &Cell) -> Result<(), Error> {
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
                ErrorKind::Conflict(Conflict::DatasetWide {
                    key,
                    here: value,
                    first: v.clone(),
                    first_at: first.clone(),
                }),
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

    fn at(&self, key: &str) -> Path {
        Path::Text {
            line: self.rec.line,
            column: self.column(key).map(|i| i + 1),
            name: Some(Name::Field(key.to_string())),
        }
    }

    fn text(&self, key: &str) -> Result<Option<String>, Error> {
        let Some(i) = self.column(key) else { return Ok(None) };
        let Some(v) = super::visible(&self.rec.fields[i]) else { return Ok(None) };
        if v.chars().count() > super::MAX_TEXT {
            return Err(Error::expected(
                self.at(key),
                Want::TextUpTo(super::MAX_TEXT),
                Got::Characters(v.chars().count()),
            ));
        }
        Ok(Some(v.to_string()))
    }

    fn required_text(&self, key: &'static str) -> Result<String, Error> {
        self.text(key)?.ok_or_else(|| Error::missing(self.at(key), Want::OnEveryRow(key)))
    }

    fn year(&self) -> Result<i32, Error> {
        let v = self.required_text("year")?;
        let year = crate::format::read_decimal(&v, false).filter(|w| w.decimals == 0 && !v.contains(['e', 'E']));
        match year.map(|w| w.value) {
            Some(y) if (1900.0..=2200.0).contains(&y) => Ok(y as i32),
            _ => Err(Error::expected(self.at("year"), Want::Year, Got::Text(v))),
        }
    }

    fn count(&self, key: &str, min: u64) -> Result<Option<u64>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        let digits: String = v.chars().filter(|c| *c != ',' && *c != ' ').collect();
        let n = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && digits.len() <= 12 {
            digits.bytes().fold(0u64, |n, b| n * 10 + (b - b'0') as u64)
        } else {
            u64::MAX
        };
        if n >= min && n <= 1_000_000_000 {
            Ok(Some(n))
        } else {
            Err(Error::expected(self.at(key), Want::Count(min), Got::Text(v)))
        }
    }

    fn number(&self, key: &str, range: Range) -> Result<Option<Stated>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        // A spreadsheet exports a percentage-formatted cell as "15.5%"; the unit is implied.
        let body = v.strip_suffix('%').unwrap_or(&v).trim().replace('−', "-");
        match crate::format::read_decimal(&body, true) {
            Some(w) if range.check(w.value) => Ok(Some(Stated { value: w.value, decimals: w.decimals })),
            _ => Err(Error::expected(self.at(key), range.want(), Got::Text(v))),
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
        assert_eq!(err.path.text(), "line 2");
    }

    #[test]
    fn stray_quote_names_line_and_column() {
        let err = records("a,b\n1,2\"3\n").unwrap_err();
        assert_eq!(err.path.text(), "line 2, column 2");
    }
}
