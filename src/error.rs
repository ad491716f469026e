//! The one error type of the crate: where ([`Path`]) and what ([`ErrorKind`]), both as data.
//!
//! Every message names where the problem is (a JSON field path such as
//! `years[0].tiers[1].rate`, or a CSV line and column) and says what was expected, so an
//! editor under deadline can fix the data without reading code. No prose lives here: each
//! language writes its own message from the data ([`crate::words`]); `Display` is the English
//! one, for developers and logs.

/// Where a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Path {
    /// The input as a whole (its size, its encoding).
    Input,
    /// The document's top level.
    Root,
    /// A JSON field path: `years[0].tiers[1].rate`.
    Field(String),
    /// A place in the text: a line, maybe a column, maybe what is there.
    Text { line: usize, column: Option<usize>, name: Option<Name> },
    /// A CSV column as a whole: `column "title"`.
    Column(String),
    /// The n-th CSV column, counting from 1.
    ColumnNo(usize),
}

/// What stands at a [`Path::Text`] position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name {
    /// The CSV column's name: `line 3, column 6 (rate)`.
    Field(String),
    /// The header line: `line 1 (header)`.
    Header,
    /// A header cell that is not a column of the format: `line 1, column 2 ("titel")`.
    Unknown(String),
}

impl Path {
    /// A JSON field path.
    pub fn field(path: &str) -> Path {
        Path::Field(path.to_string())
    }

    /// A line of text.
    pub fn line(line: usize) -> Path {
        Path::Text { line, column: None, name: None }
    }

    /// A line and column of text.
    pub fn at(line: usize, column: usize) -> Path {
        Path::Text { line, column: Some(column), name: None }
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

/// What went wrong, without the where.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The text is not well-formed JSON.
    Json(JsonSyntax),
    /// The text is not well-formed CSV.
    Csv(CsvSyntax),
    /// A value has the wrong type or is out of range.
    Expected { want: Want, got: Got },
    /// A required field is absent.
    Missing { want: Want },
    /// A field the format does not define (often a typo).
    UnknownField { allowed: &'static [&'static str] },
    /// The same year, tier, key or column appears twice.
    Duplicate { what: Dup, first: Path },
    /// Values that are each valid but cannot all be true.
    Conflict(Conflict),
}

impl ErrorKind {
    /// The class of the error, as the bad-input corpus names it.
    pub fn class(&self) -> &'static str {
        match self {
            ErrorKind::Json(_) | ErrorKind::Csv(_) => "syntax",
            ErrorKind::Expected { .. } => "expected",
            ErrorKind::Missing { .. } => "missing",
            ErrorKind::UnknownField { .. } => "unknown_field",
            ErrorKind::Duplicate { .. } => "duplicate",
            ErrorKind::Conflict(_) => "conflict",
        }
    }
}

/// Why JSON text could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonSyntax {
    /// The text ends in the middle of the document.
    End,
    /// A value (number, string, object, array, true, false, null) was expected.
    Value,
    /// A key in double quotes was expected.
    Key,
    /// A `:` after a key was expected.
    Colon,
    /// A `,` or the closing bracket was expected.
    CommaOr(char),
    /// A comma before a closing bracket.
    TrailingComma,
    /// A number not written as JSON writes numbers (`.5`, `1.`, `01`, `+1`).
    Number,
    /// A backslash escape JSON does not define.
    Escape,
    /// A line break or other control character inside a string.
    Control,
    /// More text after the document ended.
    Trailing,
    /// Nested deeper than a dataset ever is.
    Depth(usize),
}

/// Why CSV text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvSyntax {
    /// A quote inside a field that does not start with one.
    QuoteInUnquoted,
    /// Text after a field's closing quote.
    TextAfterQuote,
    /// A quoted field that never closes.
    UnclosedQuote,
}

/// What was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    Percent,
    Points,
    Text,
    TextUpTo(usize),
    /// A whole number of people, `min` or more.
    Count(u64),
    Year,
    YearExample,
    Years,
    Tiers,
    /// A non-empty array of regions, each with "region" and "years".
    Regions,
    RegionObject,
    /// An object of quotes, keyed by the figure's field.
    QuotesObject,
    YearsArray,
    TiersArray,
    YearObject,
    TierObject,
    SourceObject,
    RootObject,
    /// A dataset as the page can pass it: an object, JSON text or CSV text.
    Dataset,
    /// A number JSON can write (not NaN or Infinity).
    FiniteNumber,
    /// A name: a string, or the same name in two languages.
    Name,
    /// Text in UTF-8 (or GB18030, UTF-16 with its byte-order mark).
    Encoding,
    /// A value JSON can write.
    JsonValue,
    AtMostCandidates(u64),
    AtMostTiers(usize),
    AtMostYears(usize),
    AtMostRegions(usize),
    AtMostMegabytes(usize),
    /// As many fields as the header, separated as the header's are.
    FieldsLikeHeader {
        count: usize,
        separator: char,
    },
    RegionOrReference {
        region: String,
        reference: String,
    },
    RequiredColumn(&'static str),
    /// The name an English-name column (`region_en`, `reference_en`) translates.
    ColumnFor(&'static str),
    OnEveryRow(&'static str),
    RegionRow(String),
    FormatVersion(u32),
    CsvHeader,
    DataRow,
    TitleRow,
    ReferenceRate,
    RateOrCounts,
    /// An http:// or https:// address.
    WebAddress,
    /// Text without control characters, bidi controls or line separators.
    PlainText,
    /// At most this many tier entries in all regions and years.
    AtMostEntries(usize),
    /// JSON of at most this many values (objects, arrays, strings, numbers).
    AtMostValues(usize),
}

/// What was found instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Got {
    /// A string, as written (messages quote its first 40 characters).
    Text(String),
    /// A string where a number belongs (a hint says to drop the quotes).
    QuotedNumber(String),
    /// A string with a `%` where a bare number belongs.
    Percent(String),
    /// A number, as written.
    Number(String),
    Null,
    Bool(bool),
    Array,
    EmptyArray,
    Object,
    /// A JS value JSON cannot hold: `NaN`, `Infinity`, `a bigint`, `a function` ….
    Js(&'static str),
    Characters(usize),
    /// A character a text may not hold ([`crate::load::forbidden`]): its code point, and its
    /// place in the text, counting characters from 1.
    Character {
        code: u32,
        at: usize,
    },
    /// How many tier entries the dataset has.
    Entries(usize),
    /// More than this many, found before reading the rest.
    MoreThan(usize),
    Tiers(usize),
    Years(usize),
    Regions(usize),
    Fields(usize),
    /// Bytes that are text in no encoding the loader reads, from byte `at` (counting from 0).
    Bytes {
        at: usize,
    },
    /// A size in megabytes, written with one decimal.
    Megabytes(String),
    Count(u64),
}

/// What appears twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dup {
    Year(i32),
    Region(String),
    Tier { name: String, year: i32 },
    Key(String),
    Column(String),
    Row { year: i32, tier: String, region: String },
    ReferenceRow { year: i32, tier: String },
}

/// Values that cannot all be true.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// A stated difference that puts the other rate outside 0–100.
    ImpliedRate { rate: String, implied: String, reference: bool },
    /// A column that belongs on the region's rows, filled on a reference row.
    RegionOnly(&'static str),
    /// A dataset-wide column filled differently on two rows.
    DatasetWide { key: &'static str, here: String, first: String, first_at: Path },
    /// A reference row without a region row for its year and tier.
    ReferenceWithoutRegion { year: i32, tier: String, region: String },
    /// A region with the reference's name.
    RegionIsReference(String),
    /// Two English names for the same name.
    EnglishName { name: String, here: String, first: String },
    /// A form of format version 2 in a file that says it is version 1.
    NeedsVersion2(Version2),
    /// `regions` beside `region` or `years`: a dataset has either.
    RegionsAndRegion,
}

/// What format version 2 adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version2 {
    /// `regions`: several areas against one reference.
    Regions,
    /// `reference_years`: the reference's own rates.
    ReferenceYears,
    /// A name in two languages.
    Names,
    /// `quotes`: the source's words.
    Quotes,
}

/// An error while loading a dataset: where (`path`) and what (`kind`).
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub path: Path,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(path: Path, kind: ErrorKind) -> Self {
        Error { path, kind }
    }

    /// The value at `path` is not the `want`ed kind: it is `got`.
    pub fn expected(path: Path, want: Want, got: Got) -> Self {
        Error::new(path, ErrorKind::Expected { want, got })
    }

    pub(crate) fn missing(path: Path, want: Want) -> Self {
        Error::new(path, ErrorKind::Missing { want })
    }
}

#[cfg(test)]
mod tests {
    use crate::lang::Lang;

    fn zh(text: &str) -> String {
        crate::load::from_text(text).unwrap_err().message(Lang::Zh)
    }

    #[test]
    fn messages_in_chinese() {
        let doc =
            |tier: &str| crate::cat!(r#"{"title":"T","region":"A","years":[{"year":2019,"tiers":["#, tier, "]}]}");
        assert_eq!(
            zh(&doc(r#"{"tier":"一本线","rate":"abc"}"#)),
            "years[0].tiers[0].rate：应为 0 到 100 之间的百分数，实际为 \"abc\"（请直接写数字，不要加引号）"
        );
        assert_eq!(
            zh(&doc(r#"{"tier":"一本线","rate":15.5,"pased":1}"#)).split('，').next().unwrap(),
            "years[0].tiers[0].pased：无法识别的字段"
        );
        assert_eq!(
            zh(&doc(r#"{"tier":"一本线","rate":1},{"tier":"一本线","rate":2}"#)),
            "years[0].tiers[1].tier：重复的批次 \"一本线\"（2019年）（首次出现在 years[0].tiers[0]）"
        );
        assert_eq!(
            zh("title,year,tier,area,rate\nT,2019,a,b,abc"),
            "第 2 行第 5 列（rate）：应为 0 到 100 之间的百分数，实际为 \"abc\""
        );
        assert_eq!(zh("{"), "第 1 行第 2 列：不是有效的 JSON：数据没写完就结束了（缺少右括号、右引号或某个值）");
        assert!(zh(r#"{"title":"T","region":"A","years":[]}"#).starts_with("years：应为非空的年份列表，实际为 空数组"));
    }

    /// No Chinese message carries an English phrase: every kind is written in both languages.
    #[test]
    fn every_corpus_message_is_chinese_after_its_path() {
        let corpus = crate::json::parse(include_str!("../tests/corpus/bad-inputs.json")).unwrap();
        let crate::json::Value::Array(cases) = corpus else { panic!("the corpus is an array") };
        for case in &cases {
            let (Some(input), Some(format)) = (case.get("input").and_then(|v| v.as_str()), case.get("format")) else {
                continue;
            };
            let err = match format.as_str() {
                Some("csv") => crate::load::from_csv(input),
                _ => crate::load::from_json(input),
            }
            .unwrap_err();
            let msg = err.message(Lang::Zh);
            let (_, after) = msg.split_once('：').unwrap_or(("", ""));
            // Data quoted back ("titel") may be in any language; the words around it may not.
            let unquoted: String = after.split('"').step_by(2).collect();
            let english_words = unquoted
                .split(|c: char| !c.is_ascii_alphabetic() && c != '_')
                .filter(|w| {
                    w.len() > 3
                        && !crate::load::ALL_FIELDS.contains(w)
                        && !["JSON", "true", "false", "null", "http", "https"].contains(w)
                        // A code point's hex digits (U+FFFE).
                        && !w.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_lowercase())
                })
                .count();
            assert!(
                after.chars().next().is_some_and(|c| !c.is_ascii()) && english_words == 0,
                "{:?}: {msg}",
                case.get("name")
            );
        }
    }
}
