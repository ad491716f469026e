//! The one error type of the crate. Every message names where the problem is (a JSON field
//! path such as `years[0].tiers[1].rate`, or a CSV line and column) and says what was
//! expected, so an editor under deadline can fix the data without reading code.

use std::fmt;

/// What went wrong, without the where.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The text is not well-formed JSON or CSV.
    Syntax(String),
    /// A value has the wrong type or is out of range.
    Expected { expected: String, got: String },
    /// A required field is absent.
    Missing { expected: String },
    /// A field the format does not define (often a typo).
    UnknownField { allowed: &'static [&'static str] },
    /// The same year, tier or column appears twice.
    Duplicate { what: String, first: String },
    /// Values that are each valid but cannot all be true.
    Conflict(String),
}

/// An error while loading a dataset: where (`path`) and what (`kind`).
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// A JSON field path (`years[0].tiers[1].rate`), a CSV position (`line 3, column 6 (rate)`),
    /// or `(root)` / `(input)` for the document as a whole.
    pub path: String,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Error { path: path.into(), kind }
    }

    pub(crate) fn expected(path: &str, expected: impl Into<String>, got: impl Into<String>) -> Self {
        Error::new(path, ErrorKind::Expected { expected: expected.into(), got: got.into() })
    }

    pub(crate) fn missing(path: &str, expected: impl Into<String>) -> Self {
        Error::new(path, ErrorKind::Missing { expected: expected.into() })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            ErrorKind::Syntax(msg) => write!(f, "{msg}"),
            ErrorKind::Expected { expected, got } => write!(f, "expected {expected}, got {got}"),
            ErrorKind::Missing { expected } => write!(f, "missing; expected {expected}"),
            ErrorKind::UnknownField { allowed } => {
                write!(f, "unknown field; expected one of {}", allowed.join(", "))
            }
            ErrorKind::Duplicate { what, first } => write!(f, "duplicate {what} (first at {first})"),
            ErrorKind::Conflict(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {}

use crate::format::Lang;

impl Error {
    /// The message for a reader in `lang`: English is the `Display` text; Chinese translates
    /// the position and what was expected, keeping field names and quoted values as they are.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Zh => format!("{}：{}", zh_path(&self.path), self.zh_kind()),
        }
    }

    fn zh_kind(&self) -> String {
        match &self.kind {
            ErrorKind::Syntax(msg) => zh_syntax(msg),
            ErrorKind::Expected { expected, got } => {
                format!("应为{}，实际为 {}", spaced(&zh_phrase(expected)), zh_got(got))
            }
            ErrorKind::Missing { expected } => format!("缺少此项，应为{}", spaced(&zh_phrase(expected))),
            ErrorKind::UnknownField { allowed } => format!("无法识别的字段，可用的字段为 {}", allowed.join("、")),
            ErrorKind::Duplicate { what, first } => format!("重复的{}（首次出现在 {}）", zh_what(what), zh_path(first)),
            ErrorKind::Conflict(msg) => format!("数据相互矛盾：{msg}"),
        }
    }
}

/// A space before a phrase that starts with Latin letters or digits, as Chinese typesetting
/// puts between the two scripts.
fn spaced(phrase: &str) -> String {
    match phrase.chars().next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '"' => format!(" {phrase}"),
        _ => phrase.to_string(),
    }
}

/// `line 3, column 6 (rate)` → `第 3 行第 6 列（rate）`; JSON paths stay as they are.
fn zh_path(path: &str) -> String {
    match path {
        "(root)" => return "（整个数据）".into(),
        "(input)" => return "（输入）".into(),
        _ => {}
    }
    let mut out = String::new();
    let mut rest = path;
    if let Some(r) = rest.strip_prefix("line ") {
        let n: String = r.chars().take_while(char::is_ascii_digit).collect();
        out.push_str(&format!("第 {n} 行"));
        rest = &r[n.len()..];
        if let Some(r) = rest.strip_prefix(", column ") {
            let c: String = r.chars().take_while(char::is_ascii_digit).collect();
            out.push_str(&format!("第 {c} 列"));
            rest = &r[c.len()..];
        }
        let rest = rest.trim();
        if rest == "(header)" {
            out.push_str("（表头）");
        } else if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
            out.push_str(&format!("（{inner}）"));
        }
        return out;
    }
    if let Some(col) = path.strip_prefix("column ") {
        return format!("{col} 列");
    }
    path.to_string()
}

fn zh_syntax(msg: &str) -> String {
    if let Some(rest) = msg.strip_prefix("invalid JSON: ") {
        return format!("不是有效的 JSON（{rest}）");
    }
    if msg.starts_with("a quote inside an unquoted field") {
        return "未加引号的字段里出现了引号；请给整个字段加上引号，并把其中的引号写成两个（\"\"）".into();
    }
    if msg.starts_with("text after a closing quote") {
        return "右引号后面还有文字；请把整个字段放进引号里".into();
    }
    if msg.starts_with("a quoted field is never closed") {
        return "引号没有闭合（缺少 \"）".into();
    }
    format!("格式有误（{msg}）")
}

/// What was expected, in Chinese; an English phrase this table does not know stays English.
fn zh_phrase(en: &str) -> String {
    let num = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let exact = match en {
        "a percentage between 0 and 100" => Some("0 到 100 之间的百分数"),
        "a difference in percentage points between -100 and 100" => Some("-100 到 100 之间的百分点差值"),
        "a non-empty string" => Some("非空的文字"),
        "a whole number of people, 0 or more" => Some("不小于 0 的整数人数"),
        "a whole number of people, 1 or more" => Some("不小于 1 的整数人数"),
        "a year between 1900 and 2200" => Some("1900 到 2200 之间的年份"),
        "a year such as 2019" => Some("年份，例如 2019"),
        "a non-empty array of years" => Some("非空的年份列表"),
        "a non-empty array of tiers" => Some("非空的批次列表"),
        "an object with \"year\" and \"tiers\"" => Some("包含 year 和 tiers 的对象"),
        "a JSON object with \"title\", \"region\" and \"years\"" => Some("包含 title、region 和 years 的 JSON 对象"),
        "an array of years, each with \"year\" and \"tiers\"" => Some("年份列表，每项包含 year 和 tiers"),
        "a CSV header line such as year,tier,area,rate" => Some("CSV 表头，例如 year,tier,area,rate"),
        "at least one data row after the header" => Some("表头之后至少一行数据"),
        "the chart title on at least one row" => Some("至少在一行中填写图表标题"),
        "the reference area's pass rate" => Some("参照地区的达线率"),
        "a pass rate, or \"passed\" together with \"candidates\", to draw this tier" => {
            Some("达线率，或同时给出 passed 与 candidates")
        }
        _ => None,
    };
    if let Some(zh) = exact {
        return zh.to_string();
    }
    if en.starts_with("an object like") {
        return "对象，例如 {\"name\": \"…\", \"date\": \"2019-08-14\"}".into();
    }
    if en.starts_with("an object such as") || en.starts_with("an array of tiers such as") {
        return format!("对象，例如 {}", en.split_once("such as ").map_or("", |(_, r)| r));
    }
    if let Some(r) = en.strip_prefix("at most the ") {
        return format!("不超过参考人数 {}", num(r));
    }
    if en.starts_with("at most ") && en.ends_with(" tiers") {
        return format!("不超过 {} 个批次", num(en));
    }
    if en.starts_with("at most ") && en.ends_with(" years") {
        return format!("不超过 {} 个年份", num(en));
    }
    if en.starts_with("at most ") && en.ends_with(" MB of data") {
        return format!("不超过 {} MB 的数据", num(en));
    }
    if en.ends_with(" characters") && (en.starts_with("at most ") || en.starts_with("a string of at most ")) {
        return format!("不超过 {} 个字符的文字", num(en));
    }
    if en.ends_with(" fields like the header") {
        return format!("与表头相同的 {} 个字段", num(en));
    }
    if let Some(r) = en.strip_prefix("the region ") {
        if let Some((region, reference)) = r.split_once(" or the reference ") {
            return format!("本地 {region} 或参照 {reference}");
        }
    }
    if let Some(r) = en.strip_prefix("a \"") {
        if let Some((col, _)) = r.split_once("\" column") {
            return format!("“{col}”列（必需的列为 year、tier、area）");
        }
    }
    if let Some(r) = en.strip_prefix("a ").and_then(|r| r.strip_suffix(" on every row")) {
        return format!("每一行都填写 {r}");
    }
    if let Some(r) = en.strip_prefix("at least one row for the region ") {
        return format!("至少一行本地 {r} 的数据");
    }
    if en.ends_with("(the data format version this build reads)") {
        return format!("{}（本版本读取的数据格式版本）", num(en));
    }
    en.to_string()
}

fn zh_got(got: &str) -> String {
    let got = got
        .replace(" (write it as a number, without quotes)", "（请直接写数字，不要加引号）")
        .replace(" (write the number without the % sign)", "（请去掉 % 号，只写数字）");
    match got.as_str() {
        "an array" => "一个数组".into(),
        "an empty array" => "空数组".into(),
        "an object" => "一个对象".into(),
        _ if got.ends_with(" characters") => got.replace(" characters", " 个字符"),
        _ if got.ends_with(" tiers") => got.replace(" tiers", " 个批次"),
        _ if got.ends_with(" years") => got.replace(" years", " 个年份"),
        _ if got.ends_with(" fields") => got.replace(" fields", " 个字段"),
        _ => got,
    }
}

fn zh_what(what: &str) -> String {
    if let Some(y) = what.strip_prefix("year ") {
        return format!("年份 {y}");
    }
    if let Some(r) = what.strip_prefix("tier ") {
        if let Some((name, year)) = r.rsplit_once(" in ") {
            return format!("批次 {name}（{year}年）");
        }
    }
    if let Some(c) = what.strip_prefix("column ") {
        return format!("列 {c}");
    }
    if let Some(r) = what.strip_prefix("reference row for ") {
        return format!("参照行（{r}）");
    }
    if let Some(r) = what.strip_prefix("row for ") {
        return format!("数据行（{r}）");
    }
    what.to_string()
}

#[cfg(test)]
mod tests {
    use crate::format::Lang;

    fn zh(text: &str) -> String {
        crate::load::from_text(text).unwrap_err().message(Lang::Zh)
    }

    #[test]
    fn messages_in_chinese() {
        let doc = |tier: &str| format!(r#"{{"title":"T","region":"A","years":[{{"year":2019,"tiers":[{tier}]}}]}}"#);
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
        assert_eq!(zh("{"), "第 1 行第 1 列：不是有效的 JSON（EOF while parsing an object）");
        assert!(zh(r#"{"title":"T","region":"A","years":[]}"#).starts_with("years：应为非空的年份列表，实际为 空数组"));
    }

    #[test]
    fn every_corpus_message_is_translated_in_its_lead() {
        // The English Display stays for developers; the Chinese one must not fall back to
        // English for what was expected.
        let corpus: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../tests/corpus/bad-inputs.json")).unwrap();
        for case in corpus.iter().filter(|c| c["input"].is_string()) {
            let input = case["input"].as_str().unwrap();
            let err = match case["format"].as_str().unwrap() {
                "csv" => crate::load::from_csv(input),
                _ => crate::load::from_json(input),
            }
            .unwrap_err();
            let msg = err.message(Lang::Zh);
            let after = msg.split_once('：').map_or("", |(_, r)| r);
            assert!(after.chars().next().is_some_and(|c| !c.is_ascii()), "{}: {msg}", case["name"]);
        }
    }
}
