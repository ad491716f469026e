//! Tables pasted as text: lines whose cells are separated by tabs or runs of spaces, the first
//! line naming the columns (一本上线率, 较上年, 全省 …), each other line starting with what its
//! row is about: a tier (本科一批), the candidates (参考人数), a year (2021) or an area (石家庄市).
//!
//! A cell is taken only when its column and its row together say what it is; a row's quote is
//! its line.

use super::lexicon::{marks, Names, What};
use super::read::tidy;
use super::scan::{Doc, Kind, Token};
use super::{Found, Ignored, Reason, Span, Tier, Value};
use passrate_chart::load::Stated;
use passrate_chart::model::Field;

/// What a table gave: its figures, the numbers it left, and where it stands.
#[derive(Debug, Default)]
pub(super) struct Read {
    pub found: Vec<Found>,
    pub ignored: Vec<Ignored>,
    /// The lines of the table (header included): the prose reader leaves them alone.
    pub span: Span,
    /// The years that head its rows or columns (2019, 2023年), with their lines.
    pub years: Vec<super::read::YearSeen>,
}

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Column {
    tier: Option<Tier>,
    field: Option<Field>,
    /// 人数: a count, passed or candidates as the row says.
    count: bool,
    /// 2019年 | 2023年: the year of the column's figures.
    year: Option<i32>,
    /// 变化 between two years that are not one after the other: a difference the format has
    /// no place for.
    other_comparison: bool,
}

/// What a row is about.
#[derive(Debug, Clone, PartialEq)]
enum Row {
    /// A tier, and what its row measures when the label says it (一本上线率 beside year columns).
    Tier(Tier, Option<Field>),
    Candidates,
    Year(i32),
    Area(String),
    /// 全省, 全市: the whole the areas are compared with.
    Whole,
}

/// A Markdown table's rule under its header: `|---|---|`.
fn is_rule(text: &str, line: Span) -> bool {
    let s = line.of(text).trim();
    s.starts_with('|') && s.contains('-') && s.chars().all(|c| "|-: ".contains(c))
}

/// The cells of a line: split at tabs and at runs of two or more spaces (ASCII or ideographic),
/// or, in a Markdown table (`| 参考人数 | 18512 |`), at its bars.
fn cells(text: &str, line: Span) -> Vec<Span> {
    let s = line.of(text);
    if s.trim_start().starts_with('|') {
        let mut out = Vec::new();
        let mut from = 0;
        for (i, c) in s.char_indices().chain([(s.len(), '|')]) {
            if c == '|' {
                let cell = super::scan::trim(text, Span::new(line.start + from, line.start + i));
                if cell.start < cell.end {
                    out.push(cell);
                }
                from = i + 1;
            }
        }
        return out;
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut gap = 0;
    let mut gap_start = 0;
    for (i, c) in s.char_indices() {
        let space = c == ' ' || c == '\u{3000}';
        if c == '\t' || space {
            if gap == 0 {
                gap_start = i;
            }
            gap += if c == '\t' || c == '\u{3000}' { 2 } else { 1 };
            continue;
        }
        if gap >= 2 {
            out.push(Span::new(line.start + start, line.start + gap_start));
            start = i;
        }
        gap = 0;
    }
    let end = if gap > 0 { gap_start } else { s.len() };
    out.push(Span::new(line.start + start, line.start + end));
    out.retain(|c| c.start < c.end);
    out
}

/// Every table of the text.
pub(super) fn tables(doc: &Doc, names: &Names) -> Vec<Read> {
    let text = doc.text;
    let mut out = Vec::new();
    let mut k = 0;
    while k < doc.lines.len() {
        let header = cells(text, doc.lines[k]);
        let mut end = k + 1;
        while end < doc.lines.len() && (cells(text, doc.lines[end]).len() >= 2 || is_rule(text, doc.lines[end])) {
            end += 1;
        }
        if header.len() >= 2 && end - k >= 2 && !has_figure(doc, doc.lines[k]) {
            if let Some(mut read) = table(doc, names, &header, &doc.lines[k + 1..end]) {
                whole_above(doc, names, &header, k, &mut read);
                out.push(read);
                k = end;
                continue;
            }
        }
        k += 1;
    }
    out
}

/// `全省：46.1％` on its own line above a table of areas: the whole's row, written as a label.
fn whole_above(doc: &Doc, names: &Names, header: &[Span], k: usize, read: &mut Read) {
    let text = doc.text;
    let Some(line) = doc.lines[..k].iter().rev().find(|l| !l.of(text).trim().is_empty()) else {
        return;
    };
    let s = line.of(text);
    let Some(colon) = s.find(['：', ':']) else {
        return;
    };
    let label = tidy(text, Span::new(line.start, line.start + colon));
    let value = Span::new(line.start + colon + s[colon..].chars().next().map_or(1, char::len_utf8), line.end);
    if label.start >= label.end || row(doc, names, label) != Some(Row::Whole) {
        return;
    }
    // Only beside a table of one column of figures: which column a label's value is is then clear.
    let [_, figures_column] = header else {
        return;
    };
    let column = column(doc, names, *figures_column);
    let figures: Vec<&Token> = doc.tokens_in(value).filter(|t| t.is_figure()).collect();
    let [t] = figures[..] else {
        return;
    };
    let quote = tidy(text, *line);
    match figure(Some(&Row::Whole), &column, t, names.year.map(|y| y.0)) {
        Ok((field, value, year, tier, area)) => {
            read.found.push(Found { area, year, tier, field, value, number: t.whole, quote, sentence: *line })
        }
        Err(reason) => read.ignored.push(Ignored { sentence: *line, number: t.whole, reason }),
    }
    read.span.start = line.start;
}

fn has_figure(doc: &Doc, span: Span) -> bool {
    doc.tokens_in(span).any(|t| t.is_figure())
}

fn column(doc: &Doc, names: &Names, cell: Span) -> Column {
    let text = cell.of(doc.text);
    let ms = marks(doc, names, cell);
    let has = |w: What| ms.iter().any(|m| m.what == w);
    let tier = ms.iter().find_map(|m| match m.what {
        What::Tier(t) => Some(t),
        _ => None,
    });
    let compare = has(What::Compare) || has(What::YearOnYear) || text.contains("增减") || text.contains("变化");
    let field = if compare && has(What::Reference) {
        Some(Field::VsReference)
    } else if compare {
        Some(Field::VsPreviousYear)
    } else if has(What::Rate) && has(What::Reference) {
        Some(Field::ReferenceRate)
    } else if has(What::Rate) {
        Some(Field::Rate)
    } else if has(What::Reference) {
        Some(Field::ReferenceRate)
    } else if has(What::Candidates) {
        Some(Field::Candidates)
    } else if has(What::Pass) {
        Some(Field::Passed)
    } else {
        None
    };
    let year = doc.tokens_in(cell).next().and_then(|t| match t.kind {
        Kind::Year(y) => Some(y),
        Kind::Bare(Some(y), _) if (1990..=2100).contains(&y) && t.whole == super::scan::trim(doc.text, cell) => {
            Some(y as i32)
        }
        _ => None,
    });
    Column { tier, field, count: field.is_none() && text.contains("人数"), year, other_comparison: false }
}

fn row(doc: &Doc, names: &Names, cell: Span) -> Option<Row> {
    let ms = marks(doc, names, cell);
    if let Some(t) = ms.iter().find_map(|m| match m.what {
        What::Tier(t) => Some(t),
        _ => None,
    }) {
        return Some(Row::Tier(t, column(doc, names, cell).field));
    }
    if ms.iter().any(|m| m.what == What::Candidates) {
        return Some(Row::Candidates);
    }
    if !ms.is_empty() && ms.iter().all(|m| m.what == What::Reference) {
        return Some(Row::Whole);
    }
    let mut toks = doc.tokens_in(cell);
    if let Some(t) = toks.next() {
        return match t.kind {
            Kind::Year(y) => Some(Row::Year(y)),
            Kind::Bare(Some(y), _) if (1990..=2100).contains(&y) && t.whole == cell => Some(Row::Year(y as i32)),
            _ => None,
        };
    }
    let name = cell.of(doc.text).trim();
    let named = name.chars().count() <= 12 && name.chars().all(|c| c.is_alphabetic() || "（）() ·-".contains(c));
    named.then(|| Row::Area(name.to_string()))
}

/// The value of a cell for a field, if the cell states one.
fn value(t: &Token, field: Field) -> Option<Value> {
    match (field, t.kind) {
        (Field::Candidates | Field::Passed, Kind::People(Some(n)) | Kind::Bare(Some(n), _)) => Some(Value::Count(n)),
        (Field::Rate | Field::ReferenceRate, Kind::Percent(v)) => Some(Value::Number(v)),
        (Field::Rate | Field::ReferenceRate, Kind::Bare(_, v)) if v.decimals > 0 => Some(Value::Number(v)),
        (Field::VsPreviousYear | Field::VsReference, Kind::Points(v) | Kind::Bare(_, v)) => Some(Value::Number(v)),
        (Field::VsPreviousYear | Field::VsReference, Kind::Flat) => Some(Value::Number(Stated::written(0.0, 0))),
        _ => None,
    }
}

fn table(doc: &Doc, names: &Names, header: &[Span], rows: &[Span]) -> Option<Read> {
    let mut columns: Vec<Column> = header.iter().map(|c| column(doc, names, *c)).collect();
    // 一本上线率 | 较上年: a column that names no tier is about the tier of the one before it.
    let mut tier = None;
    for c in columns.iter_mut() {
        tier = c.tier.or(tier);
        c.tier = tier;
    }
    // 2019年 | 2023年 | 变化: the change is between the two years, last year's only when they
    // follow one another.
    let years: Vec<i32> = columns.iter().filter_map(|c| c.year).collect();
    if let [.., from, to] = years[..] {
        for c in columns.iter_mut().filter(|c| c.year.is_none() && c.field == Some(Field::VsPreviousYear)) {
            if to - from == 1 {
                c.year = Some(to);
            } else {
                c.other_comparison = true;
            }
        }
    }
    if columns[1..].iter().all(|c| c.field.is_none() && !c.count && c.year.is_none()) {
        return None;
    }
    let span = Span::new(header[0].start, rows.last()?.end);
    let mut read = Read { span, ..Read::default() };
    for line in rows.iter().filter(|l| !is_rule(doc.text, **l)) {
        let cs = cells(doc.text, *line);
        let quote = tidy(doc.text, *line);
        let sentence = *line;
        let about = row(doc, names, cs[0]);
        if let Some(Row::Year(year)) = about {
            if let Some(t) = doc.tokens_in(cs[0]).next() {
                read.years.push(super::read::YearSeen { number: t.whole, year, sentence, date: false });
            }
        }
        for (cell, col) in cs.iter().zip(&columns).skip(1) {
            for t in doc.tokens_in(*cell).filter(|t| t.is_figure()) {
                let taken = figure(about.as_ref(), col, t, names.year.map(|y| y.0));
                match taken {
                    Ok((field, value, year, tier, area)) => read.found.push(Found {
                        area,
                        year,
                        tier: if field == Field::Candidates { None } else { tier },
                        field,
                        value,
                        number: t.whole,
                        quote,
                        sentence,
                    }),
                    Err(reason) => read.ignored.push(Ignored { sentence, number: t.whole, reason }),
                }
            }
        }
    }
    Some(read)
}

type Cell = (Field, Value, i32, Option<Tier>, Option<String>);

/// One cell, read from its row and its column.
fn figure(about: Option<&Row>, col: &Column, t: &Token, report_year: Option<i32>) -> Result<Cell, Reason> {
    if t.approx {
        return Err(Reason::Approximate);
    }
    let about = about.ok_or(Reason::Unclear)?;
    if col.other_comparison {
        return Err(Reason::OtherComparison);
    }
    let (mut tier, mut year, mut area) = (col.tier, col.year.or(report_year), None);
    let mut field = col.field;
    match about {
        Row::Tier(t, f) => {
            tier = Some(*t);
            field = field.or(*f);
        }
        Row::Candidates => field = Some(Field::Candidates),
        Row::Year(y) => year = Some(*y),
        Row::Area(a) => area = Some(a.clone()),
        Row::Whole if field == Some(Field::Rate) => field = Some(Field::ReferenceRate),
        Row::Whole => {}
    }
    if col.count && field.is_none() {
        field = Some(Field::Passed);
    }
    let field = field.ok_or(Reason::Unclear)?;
    let value = value(t, field).ok_or(Reason::Unclear)?;
    let year = year.ok_or(Reason::NoYear)?;
    if field != Field::Candidates && tier.is_none() {
        return Err(Reason::NoTier);
    }
    Ok((field, value, year, tier, area))
}
