//! CSV → [`Dataset`]: one row per year × tier × area, as a spreadsheet exports it.
//!
//! RFC 4180: fields may be quoted, quotes inside are doubled, quoted fields may hold commas
//! and line breaks, lines end in CRLF or LF, a UTF-8 byte-order mark is skipped. Cells pasted
//! from Excel or WPS are separated by tabs, and some locales use semicolons: the header's
//! separator is the file's. Numbers may be typed as spreadsheets and Chinese input methods
//! type them (`15.5%`, `１５．５％`, `36,192人`). Errors name the line and column. The columns
//! are documented in the README ("CSV columns").
//!
//! With a `reference` column and no `region` column, every area that is not the reference is
//! a region of its own (format version 2: all the cities of a province).

use super::json::Range;
use super::{check_dataset, Dataset, Name as AreaName, Place, RegionInput, Source, Stated, TierInput, YearInput};
use crate::error::{Conflict, CsvSyntax, Dup, Error, ErrorKind, Got, Name, Path, Want};

/// Every column the format defines. `year`, `tier` and `area` are required.
pub const COLUMNS: &[&str] = &[
    "version",
    "title",
    "title_en",
    "region",
    "region_en",
    "reference",
    "reference_en",
    "source",
    "source_date",
    "source_url",
    "year",
    "tier",
    "tier_en",
    "area",
    "area_en",
    "candidates",
    "passed",
    "rate",
    "vs_reference_pp",
    "vs_previous_year_pp",
    "candidates_quote",
    "passed_quote",
    "rate_quote",
    "vs_reference_pp_quote",
    "vs_previous_year_pp_quote",
];

const REGION_ONLY: &[&str] = &[
    "candidates",
    "passed",
    "vs_reference_pp",
    "vs_previous_year_pp",
    "candidates_quote",
    "passed_quote",
    "vs_reference_pp_quote",
    "vs_previous_year_pp_quote",
];

/// Dataset-wide columns: filled on one row or repeated identically.
const META: &[&str] = &[
    "version",
    "title",
    "title_en",
    "region",
    "region_en",
    "reference",
    "reference_en",
    "source",
    "source_date",
    "source_url",
];

#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// The separator of the first line (outside quotes): a tab, a semicolon or a full-width comma
/// when the line has no comma but one of those, else the comma.
fn separator(text: &str) -> char {
    let mut counts = [0usize; 4];
    let mut in_quotes = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => counts[0] += 1,
            '\t' if !in_quotes => counts[1] += 1,
            ';' if !in_quotes => counts[2] += 1,
            '，' if !in_quotes => counts[3] += 1,
            _ => {}
        }
    }
    match counts {
        [0, t, _, _] if t > 0 => '\t',
        [0, 0, s, _] if s > 0 => ';',
        [0, 0, 0, f] if f > 0 => '，',
        _ => ',',
    }
}

/// Splits CSV text into records, keeping the line each record starts on.
fn records(text: &str, sep: char) -> Result<Vec<Record>, Error> {
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
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                quoted = false;
                column += 1;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                // A blank row (Excel writes `,,,,,` for rows it once had) is no row.
                if !fields.iter().all(|f| f.trim().is_empty()) {
                    if out.len() > MAX_ROWS {
                        return Err(Error::expected(
                            Path::Input,
                            Want::AtMostEntries(super::MAX_ENTRIES),
                            Got::MoreThan(MAX_ROWS),
                        ));
                    }
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
    if !fields.iter().all(|f| f.trim().is_empty()) {
        out.push(Record { line: start_line, fields });
    }
    Ok(out)
}

/// The most data rows a CSV may have: one per tier entry, and the reference's rows (at most
/// one per year and tier).
const MAX_ROWS: usize = super::MAX_ENTRIES + super::MAX_YEARS * super::MAX_TIERS;

/// Column names as a Chinese spreadsheet writes them, and the column each is. A unit in
/// brackets after a name is allowed (`达线率（%）`, `参考人数(人)`).
pub const CHINESE_COLUMNS: &[(&str, &str)] = &[
    ("标题", "title"),
    ("地区", "area"),
    ("城市", "area"),
    ("区县", "area"),
    ("本地", "region"),
    ("对比地区", "reference"),
    ("参照地区", "reference"),
    ("年份", "year"),
    ("年度", "year"),
    ("批次", "tier"),
    ("参考人数", "candidates"),
    ("考生人数", "candidates"),
    ("达线人数", "passed"),
    ("上线人数", "passed"),
    ("达线率", "rate"),
    ("上线率", "rate"),
    ("与全省差", "vs_reference_pp"),
    ("与全省相差", "vs_reference_pp"),
    ("与对比地区差", "vs_reference_pp"),
    ("比上年", "vs_previous_year_pp"),
    ("比去年", "vs_previous_year_pp"),
    ("来源", "source"),
    ("数据来源", "source"),
    ("发布日期", "source_date"),
    ("来源链接", "source_url"),
];

/// The header names an error about an unknown column lists: every English name, and the
/// first Chinese name of each column that has one (the README lists every synonym).
pub const HEADER_NAMES: &[&str] = &[
    "version",
    "title",
    "title_en",
    "region",
    "region_en",
    "reference",
    "reference_en",
    "source",
    "source_date",
    "source_url",
    "year",
    "tier",
    "tier_en",
    "area",
    "area_en",
    "candidates",
    "passed",
    "rate",
    "vs_reference_pp",
    "vs_previous_year_pp",
    "candidates_quote",
    "passed_quote",
    "rate_quote",
    "vs_reference_pp_quote",
    "vs_previous_year_pp_quote",
    "标题",
    "地区",
    "本地",
    "对比地区",
    "年份",
    "批次",
    "参考人数",
    "达线人数",
    "达线率",
    "与全省差",
    "比上年",
    "来源",
    "发布日期",
    "来源链接",
];

/// The column a header cell names: an English name in any case, or a Chinese one with an
/// optional unit in brackets.
fn column_of(cell: &str) -> Option<&'static str> {
    let name = cell.trim().trim_matches('\u{3000}');
    let lower = name.to_ascii_lowercase();
    if let Some(c) = COLUMNS.iter().find(|c| **c == lower) {
        return Some(c);
    }
    let bare = match name.find(['（', '(']) {
        Some(i) if name.ends_with(['）', ')']) => name[..i].trim_end(),
        _ => name,
    };
    CHINESE_COLUMNS.iter().find(|(zh, _)| *zh == bare).map(|(_, en)| *en)
}

/// Parses and validates a CSV dataset.
pub fn from_csv(text: &str) -> Result<Dataset, Error> {
    super::check_size(text)?;
    let sep = separator(text.strip_prefix('\u{feff}').unwrap_or(text));
    let recs = records(text, sep)?;
    let Some((header, rows)) = recs.split_first() else {
        return Err(Error::missing(Path::Input, Want::CsvHeader));
    };
    let index = columns(header)?;
    if rows.is_empty() {
        return Err(Error::missing(Path::Input, Want::DataRow));
    }
    let mut meta = Meta::default();
    let mut cells = Vec::with_capacity(rows.len());
    for rec in rows {
        let cell = Cell { rec, index: &index };
        if rec.fields.len() != header.fields.len() {
            return Err(Error::expected(
                Path::line(rec.line),
                Want::FieldsLikeHeader { count: header.fields.len(), separator: sep },
                Got::Fields(rec.fields.len()),
            ));
        }
        for key in META {
            meta.set(key, &cell)?;
        }
        cells.push(cell);
    }
    if let Some((at, v)) = meta.get("version") {
        if v != "1" && v != "2" {
            return Err(Error::expected(at.clone(), Want::FormatVersion(super::FORMAT_VERSION), Got::Text(v.clone())));
        }
    }
    let Some(title) = meta.get("title").map(|(_, v)| v.clone()) else {
        return Err(Error::missing(Path::Column("title".into()), Want::TitleRow));
    };
    let title = AreaName { text: title, en: meta.get("title_en").map(|(_, v)| v.clone()) };
    let (regions, reference, names) = areas(&cells, &meta)?;
    let reference = reference.unwrap_or_else(|| super::DEFAULT_REFERENCE.to_string());
    let url = meta.get("source_url").map(|(at, v)| super::web_address(v, at.clone())).transpose()?;
    let source = meta.get("source").map(|(_, name)| Source {
        name: name.clone(),
        date: meta.get("source_date").map(|(_, v)| v.clone()),
        url,
    });
    let ds = Dataset { title, reference: AreaName { en: names.english(&reference), text: reference }, source, regions };
    check_dataset(&ds)?;
    Ok(ds)
}

/// The header's columns, each with its place: every name known (English, or its Chinese
/// synonym), none twice, `year`, `tier` and `area` present.
fn columns(header: &Record) -> Result<Vec<(&'static str, usize)>, Error> {
    let mut index: Vec<(&'static str, usize)> = Vec::new();
    for (i, name) in header.fields.iter().enumerate() {
        let Some(known) = column_of(name) else {
            let name = name.trim().to_string();
            return Err(Error::new(
                Path::Text { line: header.line, column: Some(i + 1), name: Some(Name::Unknown(name)) },
                ErrorKind::UnknownField { allowed: HEADER_NAMES },
            ));
        };
        if let Some((_, j)) = index.iter().find(|(c, _)| *c == known) {
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
    Ok(index)
}

/// The rows sorted into areas: the regions with their years and tiers, the reference's name
/// (when the data names it), and every English name given. Which areas are regions: the
/// `region` column's if given; with only a `reference` column, every other area; with
/// neither, the first area named (the second is the reference).
fn areas(cells: &[Cell], meta: &Meta) -> Result<(Vec<RegionInput>, Option<String>, Names), Error> {
    let named_region = meta.get("region").map(|(_, v)| v.clone());
    let mut reference = meta.get("reference").map(|(_, v)| v.clone());
    let many = named_region.is_none() && reference.is_some();
    let first_region = match &named_region {
        Some(r) => r.clone(),
        None => {
            let first = cells
                .iter()
                .map(|c| c.text("area"))
                .find(|a| !matches!(a, Ok(Some(a)) if Some(a) == reference.as_ref()));
            first.transpose()?.flatten().unwrap_or_default()
        }
    };
    let mut names = Names::default();
    // `region_en` and `reference_en` name the two in English where they have no rows of their
    // own to carry an `area_en` (a reference known only from the cities' differences).
    for (key, en_key) in [("region", "region_en"), ("reference", "reference_en")] {
        if let Some((at, en)) = meta.get(en_key) {
            let Some((_, name)) = meta.get(key) else {
                return Err(Error::missing(Path::Column(key.into()), Want::ColumnFor(en_key)));
            };
            names.areas.push((name.clone(), en.clone(), at.clone()));
        }
    }
    let mut regions: Vec<RegionInput> = Vec::new();
    let mut reference_rows = Vec::new();
    for cell in cells {
        let area = cell.required_text("area")?;
        names.area(&area, cell)?;
        let is_region = area == first_region || (many && reference.as_ref() != Some(&area));
        if !is_region {
            match &reference {
                Some(r) if *r == area => reference_rows.push(cell),
                Some(r) => {
                    return Err(Error::expected(
                        cell.at("area"),
                        Want::RegionOrReference { region: first_region.clone(), reference: r.clone() },
                        Got::Text(area),
                    ))
                }
                None => {
                    reference = Some(area);
                    reference_rows.push(cell);
                }
            }
            continue;
        }
        let r = match regions.iter().position(|r| r.name.text == area) {
            Some(r) => r,
            None => {
                let place = Place::Line(cell.rec.line);
                regions.push(RegionInput { name: AreaName::new(area.clone()), years: Vec::new(), place });
                regions.len() - 1
            }
        };
        region_row(&mut regions[r], cell, &mut names)?;
    }
    if regions.is_empty() {
        return Err(Error::missing(Path::Column("area".into()), Want::RegionRow(first_region)));
    }
    for cell in reference_rows {
        reference_row(&mut regions, cell, &mut names)?;
    }
    for r in &mut regions {
        r.name.en = names.english(&r.name.text);
        for t in r.years.iter_mut().flat_map(|y| &mut y.tiers) {
            t.tier.en = names.tier_english(&t.tier.text);
        }
    }
    Ok((regions, reference, names))
}

/// A row of a region: one tier of one year.
fn region_row(region: &mut RegionInput, cell: &Cell, names: &mut Names) -> Result<(), Error> {
    let year = cell.year()?;
    let y = match region.years.iter().position(|y| y.year == year) {
        Some(i) => i,
        None => {
            region.years.push(YearInput {
                year,
                candidates: None,
                candidates_quote: None,
                tiers: Vec::new(),
                place: Place::Line(cell.rec.line),
            });
            region.years.len() - 1
        }
    };
    let name = cell.required_text("tier")?;
    names.tier(&name, cell)?;
    if let Some(t) = region.years[y].tiers.iter().find(|t| t.tier.text == name) {
        return Err(Error::new(
            cell.at("tier"),
            ErrorKind::Duplicate {
                what: Dup::Row { year, tier: name, region: region.name.text.clone() },
                first: t.place.path(),
            },
        ));
    }
    let mut t = TierInput::empty(AreaName::new(name), Place::Line(cell.rec.line));
    t.candidates = cell.count("candidates", 1)?;
    t.passed = cell.count("passed", 0)?;
    t.rate = cell.number("rate", Range::Percent)?;
    t.vs_reference_pp = cell.number("vs_reference_pp", Range::Points)?;
    t.vs_previous_year_pp = cell.number("vs_previous_year_pp", Range::Points)?;
    t.quotes.candidates = cell.text("candidates_quote")?;
    t.quotes.passed = cell.text("passed_quote")?;
    t.quotes.rate = cell.text("rate_quote")?;
    t.quotes.vs_reference_pp = cell.text("vs_reference_pp_quote")?;
    t.quotes.vs_previous_year_pp = cell.text("vs_previous_year_pp_quote")?;
    region.years[y].tiers.push(t);
    Ok(())
}

/// A row of the reference: its rate for one tier of one year, given to every region's tier
/// of that year and name.
fn reference_row(regions: &mut [RegionInput], cell: &Cell, names: &mut Names) -> Result<(), Error> {
    for key in REGION_ONLY {
        if cell.text(key)?.is_some() {
            return Err(Error::new(cell.at(key), ErrorKind::Conflict(Conflict::RegionOnly(key))));
        }
    }
    let year = cell.year()?;
    let name = cell.required_text("tier")?;
    names.tier(&name, cell)?;
    let Some(rate) = cell.number("rate", Range::Percent)? else {
        return Err(Error::missing(cell.at("rate"), Want::ReferenceRate));
    };
    let quote = cell.text("rate_quote")?;
    let mut found = false;
    for r in regions.iter_mut() {
        let tier =
            r.years.iter_mut().find(|y| y.year == year).and_then(|y| y.tiers.iter_mut().find(|t| t.tier.text == name));
        if let Some(t) = tier {
            if t.reference_rate.is_some() {
                return Err(Error::new(
                    cell.at("tier"),
                    ErrorKind::Duplicate { what: Dup::ReferenceRow { year, tier: name }, first: t.place.path() },
                ));
            }
            t.reference_rate = Some(rate);
            t.quotes.reference_rate = quote.clone();
            found = true;
        }
    }
    if !found {
        let region = regions.first().map(|r| r.name.text.clone()).unwrap_or_default();
        return Err(Error::new(
            cell.at("tier"),
            ErrorKind::Conflict(Conflict::ReferenceWithoutRegion { year, tier: name, region }),
        ));
    }
    Ok(())
}

/// English names given in `area_en` and `tier_en`, one per name: a second, different one is
/// an error.
#[derive(Default)]
struct Names {
    areas: Vec<(String, String, Path)>,
    tiers: Vec<(String, String, Path)>,
}

impl Names {
    fn area(&mut self, name: &str, cell: &Cell) -> Result<(), Error> {
        Self::note(&mut self.areas, name, cell, "area_en")
    }

    fn tier(&mut self, name: &str, cell: &Cell) -> Result<(), Error> {
        Self::note(&mut self.tiers, name, cell, "tier_en")
    }

    fn note(list: &mut Vec<(String, String, Path)>, name: &str, cell: &Cell, key: &str) -> Result<(), Error> {
        let Some(en) = cell.text(key)? else { return Ok(()) };
        match list.iter().find(|(n, _, _)| n == name) {
            Some((_, first, _)) if *first != en => Err(Error::new(
                cell.at(key),
                ErrorKind::Conflict(Conflict::EnglishName { name: name.to_string(), here: en, first: first.clone() }),
            )),
            Some(_) => Ok(()),
            None => {
                list.push((name.to_string(), en, cell.at(key)));
                Ok(())
            }
        }
    }

    fn english(&self, name: &str) -> Option<String> {
        self.areas.iter().find(|(n, _, _)| n == name).map(|(_, en, _)| en.clone())
    }

    fn tier_english(&self, name: &str) -> Option<String> {
        self.tiers.iter().find(|(n, _, _)| n == name).map(|(_, en, _)| en.clone())
    }
}

/// Dataset-wide columns, with where each was first set.
#[derive(Default)]
struct Meta {
    set: Vec<(&'static str, Path, String)>,
}

impl Meta {
    fn get(&self, key: &str) -> Option<(&Path, &String)> {
        self.set.iter().find(|(k, _, _)| *k == key).map(|(_, p, v)| (p, v))
    }

    fn set(&mut self, key: &'static str, cell: &Cell) -> Result<(), Error> {
        let Some(value) = cell.text(key)? else { return Ok(()) };
        match self.get(key) {
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
                self.set.push((key, cell.at(key), value));
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
        let limit = if key.ends_with("_quote") { super::MAX_QUOTE } else { super::MAX_TEXT };
        super::text_at(&self.rec.fields[i], limit, || self.at(key))
    }

    fn required_text(&self, key: &'static str) -> Result<String, Error> {
        self.text(key)?.ok_or_else(|| Error::missing(self.at(key), Want::OnEveryRow(key)))
    }

    fn year(&self) -> Result<i32, Error> {
        let v = self.required_text("year")?;
        let n = super::normalize_number(&v);
        let n = n.strip_suffix('年').unwrap_or(&n);
        let year = crate::format::read_decimal(n, false).filter(|w| w.decimals == 0 && !n.contains(['e', 'E']));
        match year.map(|w| w.value) {
            Some(y) if (1900.0..=2200.0).contains(&y) => Ok(y as i32),
            _ => Err(Error::expected(self.at("year"), Want::Year, Got::Text(v))),
        }
    }

    fn count(&self, key: &str, min: u64) -> Result<Option<u64>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        match super::read_count(&v) {
            Some(n) if n as u64 >= min && n <= 1_000_000_000 => Ok(Some(n as u64)),
            _ => Err(Error::expected(self.at(key), Want::Count(min), Got::Text(v))),
        }
    }

    fn number(&self, key: &str, range: Range) -> Result<Option<Stated>, Error> {
        let Some(v) = self.text(key)? else { return Ok(None) };
        // A spreadsheet exports a percentage-formatted cell as "15.5%"; the unit is implied.
        let n = super::normalize_number(&v);
        let body = n.strip_suffix('%').unwrap_or(&n).trim_end();
        match crate::format::read_decimal(body, true) {
            Some(w) if range.check(w.value) => Ok(Some(Stated::written(w.value, w.decimals))),
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
        let recs = records(text, ',').unwrap();
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[1].fields, vec!["2019", "一本,线", "运城市", "say \"hi\"\nthere"]);
        assert_eq!(recs[1].line, 2);
    }

    #[test]
    fn unclosed_quote_names_its_line() {
        let err = records("a,b\n1,\"oops\n", ',').unwrap_err();
        assert_eq!(err.path.text(), "line 2");
    }

    #[test]
    fn stray_quote_names_line_and_column() {
        let err = records("a,b\n1,2\"3\n", ',').unwrap_err();
        assert_eq!(err.path.text(), "line 2, column 2");
    }

    #[test]
    fn the_header_says_the_separator() {
        assert_eq!(separator("a,b\tc\n"), ',');
        assert_eq!(separator("a\tb\tc\nx,y"), '\t');
        assert_eq!(separator("a;b;c\n"), ';');
        assert_eq!(separator("a，b，c\n"), '，');
        assert_eq!(separator("\"a,b\"\tc\n"), '\t', "a comma inside quotes is data");
        assert_eq!(separator("a\n"), ',');
    }
}
