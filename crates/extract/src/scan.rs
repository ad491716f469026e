//! Text → lines, sentences, clauses and number tokens with their units.
//!
//! A sentence ends at 。！？!?, at a full stop followed by a space, and at a line break; a
//! clause at ，；：,;: inside it (a comma between digits is a thousands separator). A number
//! is a run of digits (ASCII or full-width) with thousands separators, a decimal part and
//! 万; its unit says what kind of number it is: `%`, 个百分点, 人, 所, 年 … The words around
//! it are left to [`super::lexicon`].

use super::Span;
use passrate_chart::lang::Lang;
use passrate_chart::load::Stated;

/// What a number is, from its unit and the characters around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    /// `15.5%`, "15.5 percent".
    Percent(Stated),
    /// `0.7个百分点`, "0.7 points".
    Points(Stated),
    /// `36192人`, `3.62万名`, "25,306 candidates"; `None` when not a whole number.
    People(Option<u64>),
    /// A number with no unit ("3,618 passed"); `None` when not a whole number.
    Bare(Option<u64>, Stated),
    /// `2019年`, "2019".
    Year(i32),
    /// `2023年6月底`, `8月14日`, "August 2, 2020", `2019-08-14`: with its year when it has one.
    Date(Option<i32>),
    Money,
    Schools,
    Districts,
    Score,
    Rank,
    /// A count of other things: 张, 项, 个考点.
    Counted,
    /// 持平, "unchanged": a difference of zero, written in words.
    Flat,
    /// One end of a range: 10%至14%, 3000到4000人.
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Token {
    /// The digits (with their sign and 万), or the word 持平.
    pub number: Span,
    /// The number with its unit: what a reader would underline.
    pub whole: Span,
    pub kind: Kind,
    /// 约, 余, 以上, "more than": not an exact figure.
    pub approx: bool,
    /// An explicit sign: `+0.7`, `-0.3`.
    pub sign: Option<bool>,
}

impl Token {
    /// A number that may be a figure (not a year, a date or a count of other things).
    pub fn is_figure(&self) -> bool {
        matches!(self.kind, Kind::Percent(_) | Kind::Points(_) | Kind::People(_) | Kind::Bare(..) | Kind::Flat)
    }
}

#[derive(Debug, Clone)]
pub(super) struct Sentence {
    pub span: Span,
    pub clauses: Vec<Span>,
}

#[derive(Debug)]
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    /// In text order.
    pub tokens: Vec<Token>,
    /// Lines, without their line breaks.
    pub lines: Vec<Span>,
    /// The first line, when it is a heading (short, no full stop, more text below).
    pub heading: Option<Span>,
    /// Whether the heading is about the exam's results, so that it can title the chart.
    pub heading_is_title: bool,
}

impl Doc<'_> {
    /// The tokens whose numbers stand inside `span`, in order (found by halving: the tokens are
    /// in text order and do not overlap).
    pub fn tokens_in(&self, span: Span) -> impl Iterator<Item = &Token> {
        let first = self.tokens.partition_point(|t| t.number.start < span.start);
        self.tokens[first..]
            .iter()
            .take_while(move |t| t.number.start < span.end)
            .filter(move |t| span.contains(t.number))
    }

    /// Whether a word for "no change" (持平, "level with") ends exactly at `end`.
    pub fn flat_ends_at(&self, end: usize) -> bool {
        let k = self.tokens.partition_point(|t| t.whole.end < end);
        self.tokens.get(k).is_some_and(|t| t.whole.end == end && t.kind == Kind::Flat)
    }
}

pub(super) fn scan(text: &str) -> Doc<'_> {
    let lang = language(text);
    let lines = lines(text);
    let heading = heading(text, &lines);
    let heading_is_title = heading.is_some_and(|h| {
        let t = h.of(text).to_ascii_lowercase();
        ["高考", "达线", "上线", "本科", "一本", "gaokao", "college entrance", "pass rate"]
            .iter()
            .any(|w| t.contains(w))
    });
    let sentences = sentences(text);
    let mut tokens = numbers(text, lang);
    tokens.extend(flats(text, lang));
    tokens.sort_by_key(|t| t.number.start);
    Doc { text, lang, sentences, tokens, lines, heading, heading_is_title }
}

/// Chinese when there is about as much Chinese as English in it (a Chinese character carries
/// about as much as an English word).
fn language(text: &str) -> Lang {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars() {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if han * 4 >= latin && han > 0 {
        Lang::Zh
    } else {
        Lang::En
    }
}

pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            let end = if text[..i].ends_with('\r') { i - 1 } else { i };
            out.push(Span::new(start, end));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(Span::new(start, text.len()));
    }
    out
}

fn heading(text: &str, lines: &[Span]) -> Option<Span> {
    let mut filled = lines.iter().map(|l| trim(text, *l)).filter(|l| l.start < l.end);
    let first = filled.next()?;
    filled.next()?;
    let t = first.of(text);
    let ends = ['。', '！', '？', '!', '?', '；', ';'];
    let sentence = t.contains(ends) || t.ends_with('.') || t.contains(". ");
    (!sentence && t.chars().count() <= 80).then_some(first)
}

/// `span` without surrounding white space.
pub(super) fn trim(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let mut start = 0usize;
    let mut clause_start = 0usize;
    let mut clauses = Vec::new();
    let push = |out: &mut Vec<Sentence>, clauses: &mut Vec<Span>, from: usize, to: usize| {
        let span = trim(text, Span::new(from, to));
        clauses.retain(|c: &Span| c.start < c.end);
        if span.start < span.end {
            out.push(Sentence { span, clauses: std::mem::take(clauses) });
        }
        clauses.clear();
    };
    for (i, &(pos, c)) in chars.iter().enumerate() {
        let next = chars.get(i + 1).map(|c| c.1);
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let digit_around = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        // "No. 2", "Aug. 14": an abbreviation's full stop ends nothing.
        let abbreviation = c == '.' && {
            let word: String = text[..pos].chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
            let word: String = word.chars().rev().collect::<String>().to_ascii_lowercase();
            ABBREVIATIONS.contains(&word.as_str())
        };
        let ends = match c {
            '。' | '！' | '？' | '!' | '?' | '\n' => true,
            '.' if abbreviation => false,
            // A half-width full stop in Chinese text: 情况.全市
            '.' => !digit_around && next.is_none_or(|n| n.is_whitespace() || n == '"' || n == '”' || is_han(n)),
            _ => false,
        };
        let splits = match c {
            // Not at a colon: `一本上线人数：4,689人` is one clause, its label and its value.
            // (but not in ２３，６８０, a full-width count)
            '，' => {
                !(prev.is_some_and(|p| ('０'..='９').contains(&p)) && next.is_some_and(|n| ('０'..='９').contains(&n)))
            }
            '；' => true,
            ',' | ';' => !digit_around,
            _ => false,
        };
        if ends {
            clauses.push(trim(text, Span::new(clause_start, pos)));
            let end = if c == '\n' { pos } else { at(i + 1) };
            push(&mut out, &mut clauses, start, end);
            start = at(i + 1);
            clause_start = start;
        } else if splits {
            clauses.push(trim(text, Span::new(clause_start, pos)));
            clause_start = at(i + 1);
        }
    }
    if start < text.len() {
        clauses.push(trim(text, Span::new(clause_start, text.len())));
        push(&mut out, &mut clauses, start, text.len());
    }
    out
}

/// Words whose full stop is an abbreviation's.
const ABBREVIATIONS: &[&str] = &[
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs",
    "ms", "dr", "st", "vs", "prof",
];

fn digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Whether a wire dateline's dash follows (past an agency's name in brackets): "June 25, 2023
/// -- …", "June 25, 2023 (Xinhua) -- …".
pub(super) fn dashes_after(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix('(').and_then(|r| r.split_once(')')) {
        Some((agency, r)) if agency.len() <= 20 => r.trim_start(),
        _ => rest,
    };
    rest.starts_with(['-', '—', '–'])
}

/// Where the month's name just before `pos` (past spaces) starts, if there is one.
fn month_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].trim_end().trim_end_matches('.');
    let word: String = before.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
    let word: String = word.chars().rev().collect::<String>().to_ascii_lowercase();
    (before.len() < text[..pos].len() && MONTHS.contains(&word.as_str())).then(|| before.len() - word.len())
}

/// The length of a month's name starting at `pos` after spaces, if there is one.
fn month_after(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    if spaces == 0 {
        return None;
    }
    let word: String = rest[spaces..].chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    MONTHS.contains(&word.to_ascii_lowercase().as_str()).then_some(spaces + word.len())
}

/// Units in Chinese text, longest first.
const ZH_UNITS: &[(&str, Unit)] = &[
    ("个百分点", Unit::Points),
    ("百分点", Unit::Points),
    ("%", Unit::Percent),
    ("％", Unit::Percent),
    ("万人次", Unit::Counted),
    ("人次", Unit::Counted),
    ("万余人", Unit::PeopleWan { approx: true }),
    ("万多人", Unit::PeopleWan { approx: true }),
    ("万余名", Unit::PeopleWan { approx: true }),
    ("万多名", Unit::PeopleWan { approx: true }),
    ("万人", Unit::PeopleWan { approx: false }),
    ("万名", Unit::PeopleWan { approx: false }),
    ("余人", Unit::People { approx: true }),
    ("多人", Unit::People { approx: true }),
    ("余名", Unit::People { approx: true }),
    ("多名", Unit::People { approx: true }),
    ("人", Unit::People { approx: false }),
    ("名", Unit::People { approx: false }),
    ("万元", Unit::Money),
    ("亿元", Unit::Money),
    ("千元", Unit::Money),
    ("元", Unit::Money),
    ("亿", Unit::Money),
    ("年", Unit::Year),
    ("月", Unit::Month),
    ("日", Unit::Date),
    ("号", Unit::Date),
    ("所", Unit::Schools),
    ("个", Unit::Ge),
    ("分", Unit::Score),
    ("位", Unit::Rank),
    ("张", Unit::Counted),
    ("项", Unit::Counted),
    ("次", Unit::Counted),
    ("倍", Unit::Counted),
    ("家", Unit::Counted),
    ("届", Unit::Counted),
    ("门", Unit::Counted),
    ("间", Unit::Counted),
    ("台", Unit::Counted),
    ("套", Unit::Counted),
    ("册", Unit::Counted),
    ("篇", Unit::Counted),
    ("场", Unit::Counted),
];

/// Units in English text, longest first; they must end at a word's end.
const EN_UNITS: &[(&str, Unit)] = &[
    ("percentage points", Unit::Points),
    ("percentage point", Unit::Points),
    ("per cent", Unit::Percent),
    ("percent", Unit::Percent),
    ("%", Unit::Percent),
    ("points", Unit::Points),
    ("point", Unit::Points),
    ("pts", Unit::Points),
    ("pp", Unit::Points),
    ("candidates", Unit::People { approx: false }),
    ("students", Unit::People { approx: false }),
    ("examinees", Unit::People { approx: false }),
    ("test-takers", Unit::People { approx: false }),
    ("people", Unit::People { approx: false }),
    ("high schools", Unit::Schools),
    ("schools", Unit::Schools),
    ("counties", Unit::Districts),
    ("districts", Unit::Districts),
    ("million", Unit::Money),
    ("billion", Unit::Money),
    ("yuan", Unit::Money),
    ("st", Unit::Rank),
    ("nd", Unit::Rank),
    ("rd", Unit::Rank),
    ("th", Unit::Rank),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    Points,
    Percent,
    People {
        approx: bool,
    },
    PeopleWan {
        approx: bool,
    },
    Money,
    Year,
    Month,
    Date,
    Schools,
    Districts,
    /// 个: what is counted follows (县, 考点 …).
    Ge,
    Score,
    Rank,
    Counted,
}

const ZH_BEFORE_APPROX: &[&str] = &["约", "近", "超过", "逾", "将近", "接近", "大约", "超", "多达", "不到", "不足"];
const ZH_AFTER_APPROX: &[&str] = &["余", "多", "以上", "左右", "上下", "以下", "之多"];
const EN_BEFORE_APPROX: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "more than",
    "over",
    "some",
    "roughly",
    "approximately",
    "at least",
    "fewer than",
    "less than",
    "under",
    "up to",
    "close to",
    "tops",
    "topped",
    "exceeds",
    "exceeded",
    "surpasses",
    "surpassed",
];
const EN_AFTER_APPROX: &[&str] = &["or more", "or so", "plus"];

fn ends_with_word(before: &str, word: &str) -> bool {
    let b = before.trim_end_matches(' ');
    b.len() >= word.len()
        && b.is_char_boundary(b.len() - word.len())
        && b[b.len() - word.len()..].eq_ignore_ascii_case(word)
        && !b[..b.len() - word.len()].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
}

fn starts_with_word(after: &str, word: &str) -> bool {
    let a = after.trim_start_matches(' ');
    a.len() >= word.len()
        && a.is_char_boundary(word.len())
        && a[..word.len()].eq_ignore_ascii_case(word)
        && !a[word.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// The digits of one number as read, before its unit.
struct Raw {
    /// Where the number starts (at its sign, if it has one) and ends (past 万).
    number: Span,
    sign: Option<bool>,
    /// The integer digits without separators, and the decimals.
    digits: String,
    frac: String,
    /// How many digits came before the first separator: a year has four.
    int_len: usize,
    wan: bool,
    value: Option<Stated>,
}

impl Raw {
    fn is_year_shaped(&self) -> bool {
        self.int_len == 4 && self.digits.len() == 4 && self.frac.is_empty() && !self.wan
    }
}

/// Every number of the text, with its unit.
fn numbers(text: &str, lang: Lang) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match number_at(text, &chars, i, lang) {
            Step::Skip(next) => i = next,
            Step::Token(t) => {
                let end = t.whole.end.max(t.number.end);
                out.push(t);
                i = chars.partition_point(|c| c.0 < end);
            }
        }
    }
    out
}

/// What reading at one character gave: nothing (go on at the index), or a number.
enum Step {
    Skip(usize),
    Token(Token),
}

/// The number starting at character `i`, if one does.
fn number_at(text: &str, chars: &[(usize, char)], i: usize, lang: Lang) -> Step {
    let ch = |i: usize| chars.get(i).map(|c| c.1);
    let is_digit = |i: usize| ch(i).and_then(digit).is_some();
    if !is_digit(i) {
        return Step::Skip(i + 1);
    }
    // Digits inside a word (G20, tier-1) are part of the word.
    let prev = i.checked_sub(1).and_then(ch);
    let prev2 = i.checked_sub(2).and_then(ch);
    if prev.is_some_and(|p| p.is_ascii_alphabetic())
        || (prev == Some('-') && prev2.is_some_and(|p| p.is_ascii_alphabetic()))
    {
        let mut j = i;
        while is_digit(j) {
            j += 1;
        }
        return Step::Skip(j);
    }
    // 1️⃣: a keycap is a list marker, not a number.
    let mut j = i;
    while is_digit(j) {
        j += 1;
    }
    if matches!(ch(j), Some('\u{fe0f}' | '\u{20e3}')) {
        return Step::Skip(j);
    }
    match raw_number(text, chars, i, lang) {
        Ok(raw) => Step::Token(classify(text, lang, &raw)),
        Err(date) => Step::Token(date),
    }
}

/// The digits at character `i` with their sign, separators, decimals and 万; or, for
/// `2019-08-14`, the date as a token.
fn raw_number(text: &str, chars: &[(usize, char)], i: usize, lang: Lang) -> Result<Raw, Token> {
    let at = |i: usize| chars.get(i).map_or(text.len(), |c| c.0);
    let ch = |i: usize| chars.get(i).map(|c| c.1);
    let is_digit = |i: usize| ch(i).and_then(digit).is_some();
    let prev = i.checked_sub(1).and_then(ch);
    let prev2 = i.checked_sub(2).and_then(ch);
    let mut start = i;
    let mut sign = None;
    if let Some(p @ ('+' | '-' | '−' | '－' | '＋')) = prev {
        if !prev2.is_some_and(|c| c.is_ascii_alphanumeric()) {
            start = i - 1;
            sign = Some(matches!(p, '+' | '＋'));
        }
    }
    let mut digits = String::new();
    let mut j = i;
    while let Some(d) = ch(j).and_then(digit) {
        digits.push((b'0' + d) as char);
        j += 1;
    }
    let int_len = digits.len();
    // 2019-08-14, 2019/8/14, 2019.08.14
    if int_len == 4 {
        if let Some(end) = iso_date(chars, j) {
            let whole = Span::new(at(start), at(end));
            let kind = Kind::Date(digits.parse().ok());
            return Err(Token { number: whole, whole, kind, approx: false, sign: None });
        }
    }
    // Thousands separators: 36,192 (only after one to three digits); ２３，６８０ between
    // full-width digits.
    let full = |i: usize| ch(i).is_some_and(|c| ('０'..='９').contains(&c));
    let separator = |j: usize| match ch(j) {
        Some(',') => true,
        Some('，') => j > 0 && full(j - 1) && (1..=3).all(|k| full(j + k)),
        _ => false,
    };
    if int_len <= 3 {
        while separator(j) && (1..=3).all(|k| is_digit(j + k)) && !is_digit(j + 4) {
            for k in 1..=3 {
                digits.push((b'0' + ch(j + k).and_then(digit).unwrap_or(0)) as char);
            }
            j += 4;
        }
    }
    let mut frac = String::new();
    if matches!(ch(j), Some('.' | '．')) && is_digit(j + 1) {
        j += 1;
        while let Some(d) = ch(j).and_then(digit) {
            frac.push((b'0' + d) as char);
            j += 1;
        }
    }
    // 万 belongs to the number unless it starts 万元 (money is read as a unit).
    let wan = lang == Lang::Zh && ch(j) == Some('万') && ch(j + 1) != Some('元');
    if wan {
        j += 1;
    }
    let mut written = digits.clone();
    if !frac.is_empty() {
        written.push('.');
        written.push_str(&frac);
    }
    let value = passrate_chart::format::read_decimal(&written, true).map(|w| {
        let v = if sign == Some(false) { -w.value } else { w.value };
        Stated::written(v, w.decimals)
    });
    Ok(Raw { number: Span::new(at(start), at(j)), sign, digits, frac, int_len, wan, value })
}

/// A number and its unit → what kind of number it is, where it ends and whether a hedge
/// makes it approximate.
fn classify(text: &str, lang: Lang, raw: &Raw) -> Token {
    let number = raw.number;
    let before = &text[..number.start];
    let rank_before = match lang {
        // 第1位; 前3名 (but 前 before other units is "before": 6月5日前).
        Lang::Zh => before.ends_with('第') || (before.ends_with('前') && text[number.end..].starts_with(['名', '位'])),
        Lang::En => ["no.", "ranked", "top"].iter().any(|w| ends_with_word(before, w)),
    };
    // "scored 600 or above": a score, not a count.
    let score = lang == Lang::En
        && (["scored", "score of", "scores of"].iter().any(|w| ends_with_word(before, w))
            || ["or above", "or higher", "and above"].iter().any(|w| starts_with_word(&text[number.end..], w)));
    // "Some 27,542": wire style before an exact-looking count, a hedge before a round one.
    let round = raw.frac.is_empty() && raw.digits.len() >= 3 && raw.digits.ends_with("00");
    let mut approx = match lang {
        Lang::Zh => ZH_BEFORE_APPROX.iter().any(|w| before.trim_end().ends_with(w)),
        Lang::En => EN_BEFORE_APPROX.iter().any(|w| ends_with_word(before, w) && (*w != "some" || round)),
    };
    let (unit, unit_len) = unit(text, number.end, lang);
    let mut end = number.end + unit_len;
    let kind = match unit {
        _ if rank_before => Kind::Rank,
        None | Some(Unit::Points) if score => Kind::Score,
        Some(Unit::People { approx: a }) => {
            approx |= a;
            Kind::People(whole(&raw.digits, &raw.frac, raw.wan))
        }
        Some(Unit::PeopleWan { approx: a }) if !raw.wan => {
            approx |= a;
            Kind::People(whole(&raw.digits, &raw.frac, true))
        }
        Some(u) => unit_kind(text, u, raw, &mut end),
        None => bare_kind(text, lang, raw, &mut end),
    };
    let after = &text[end..];
    approx |= match lang {
        Lang::Zh => ZH_AFTER_APPROX.iter().any(|w| after.starts_with(w)),
        Lang::En => EN_AFTER_APPROX.iter().any(|w| starts_with_word(after, w)),
    };
    // 10%至14%之间: either end of a range is no figure.
    let figure = matches!(kind, Kind::Percent(_) | Kind::Points(_) | Kind::People(_) | Kind::Bare(..));
    let kind = if figure && is_range(text, number, end, lang) { Kind::Range } else { kind };
    // A date is underlined from its month: August 2, 2020.
    let from = match kind {
        Kind::Date(_) if lang == Lang::En => month_before(text, number.start).unwrap_or(number.start),
        _ => number.start,
    };
    Token { number, whole: Span::new(from, end), kind, approx, sign: raw.sign }
}

/// Whether a number is one end of a range: 10%至14%, 10%-14%, "between 10 and 14 percent".
fn is_range(text: &str, number: Span, end: usize, lang: Lang) -> bool {
    // (written tight: in a pasted table, "14.1%   -0.3" is two cells)
    let digit_after = |s: &str| s.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let number_before = |s: &str| s.ends_with(|c: char| c.is_ascii_digit() || "%％".contains(c));
    let after = &text[end..];
    let before = &text[..number.start];
    let dashes: &[&str] = match lang {
        Lang::Zh => &["至", "到", "～", "~", "－", "—", "-"],
        Lang::En => &["-", "\u{2013}"],
    };
    let dashed = dashes.iter().any(|d| after.strip_prefix(d).is_some_and(digit_after))
        || dashes.iter().any(|d| before.strip_suffix(d).is_some_and(number_before));
    // "between 10 and 14 percent", "between 10 percent and 14 percent"
    let before = before.trim_end();
    let between = lang == Lang::En
        && (ends_with_word(before, "between")
            || before.strip_suffix("and").is_some_and(|b| {
                let b = b.trim_end();
                let b = b.strip_suffix("percent").unwrap_or(b).trim_end().trim_end_matches(['%', ' ']);
                let b = b.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
                b.len() < before.len() - 3 && ends_with_word(b, "between")
            }));
    dashed || between
}

/// The kind a written unit (other than people) gives; `end` moves past a date's month and day.
fn unit_kind(text: &str, unit: Unit, raw: &Raw, end: &mut usize) -> Kind {
    match unit {
        Unit::Percent => raw.value.map_or(Kind::Counted, Kind::Percent),
        Unit::Points => raw.value.map_or(Kind::Counted, Kind::Points),
        Unit::People { .. } | Unit::PeopleWan { .. } | Unit::Counted => Kind::Counted,
        Unit::Money => Kind::Money,
        Unit::Schools => Kind::Schools,
        Unit::Districts => Kind::Districts,
        Unit::Score => Kind::Score,
        Unit::Rank => Kind::Rank,
        Unit::Ge => {
            let what = text[*end..].trim_start_matches(['（', '(']);
            // 0.2个和0.9个百分点: the unit is the last number's.
            let listed = what.starts_with(['和', '、', '与', '及']);
            if listed {
                match raw.value {
                    Some(v) => Kind::Bare(whole(&raw.digits, &raw.frac, raw.wan), v),
                    None => Kind::Counted,
                }
            } else if what.starts_with(['县', '区', '乡', '镇']) || what.starts_with("市（") {
                Kind::Districts
            } else if ["学校", "高中", "中学", "所"].iter().any(|w| what.starts_with(w)) {
                Kind::Schools
            } else {
                Kind::Counted
            }
        }
        Unit::Year if raw.int_len == 4 && raw.frac.is_empty() && !raw.wan => {
            let year: i32 = raw.digits.parse().unwrap_or(0);
            match zh_month_day(text, *end) {
                Some(len) => {
                    *end += len;
                    Kind::Date(Some(year))
                }
                None => Kind::Year(year),
            }
        }
        Unit::Year => Kind::Counted,
        Unit::Month => {
            *end += zh_day(text, *end);
            Kind::Date(None)
        }
        Unit::Date => Kind::Date(None),
    }
}

/// The kind of a number with no unit: an English date or year, or a bare number.
fn bare_kind(text: &str, lang: Lang, raw: &Raw, end: &mut usize) -> Kind {
    let number = raw.number;
    if lang == Lang::En && month_before(text, number.start).is_some() {
        // August 2, 2020 / June 2021
        let rest = &text[*end..];
        let skip = rest.len() - rest.trim_start_matches([',', ' ']).len();
        let year: String = rest[skip..].chars().take_while(|c| c.is_ascii_digit()).collect();
        if raw.int_len <= 2 && year.len() == 4 {
            *end += skip + 4;
            return Kind::Date(year.parse().ok());
        }
        return Kind::Date(if raw.int_len == 4 { raw.digits.parse().ok() } else { None });
    }
    if lang == Lang::En {
        if let Some(len) = month_after(text, *end) {
            // 2 August 2020
            *end += len;
            let rest = &text[*end..];
            let year: String = rest.trim_start_matches(' ').chars().take_while(|c| c.is_ascii_digit()).collect();
            if year.len() == 4 {
                *end += rest.len() - rest.trim_start_matches(' ').len() + 4;
            }
            return Kind::Date(year.parse().ok());
        }
        let y = raw.digits.parse::<i32>().unwrap_or(0);
        if raw.is_year_shaped() && raw.sign.is_none() && (1900..=2100).contains(&y) {
            return Kind::Year(y);
        }
    }
    // 2024高考, 2024届: a year written without 年, named by the exam or the class it is of.
    if lang == Lang::Zh && ["高考", "届"].iter().any(|w| text[*end..].starts_with(w)) {
        let y = raw.digits.parse::<i32>().unwrap_or(0);
        if raw.is_year_shaped() && raw.sign.is_none() && (1990..=2100).contains(&y) {
            return Kind::Year(y);
        }
    }
    match raw.value {
        Some(v) => Kind::Bare(whole(&raw.digits, &raw.frac, raw.wan), v),
        None => Kind::Counted,
    }
}

/// The number of people `digits.frac` (× 10,000 with 万), when it is a whole number.
fn whole(digits: &str, frac: &str, wan: bool) -> Option<u64> {
    let scale = if wan { 4 } else { 0 };
    let frac = frac.trim_end_matches('0');
    if frac.len() > scale || digits.len() + scale > 15 {
        return None;
    }
    let mut n: u64 = 0;
    for b in digits.bytes().chain(frac.bytes()) {
        n = n * 10 + (b - b'0') as u64;
    }
    for _ in frac.len()..scale {
        n *= 10;
    }
    Some(n)
}

fn unit(text: &str, pos: usize, lang: Lang) -> (Option<Unit>, usize) {
    let rest = &text[pos..];
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let r = &rest[spaces..];
    match lang {
        Lang::Zh => {
            ZH_UNITS.iter().find(|(w, _)| r.starts_with(w)).map_or((None, 0), |(w, u)| (Some(*u), spaces + w.len()))
        }
        Lang::En => {
            for (w, u) in EN_UNITS {
                // 1st, 3rd: attached to the digits.
                if matches!(u, Unit::Rank) && spaces > 0 {
                    continue;
                }
                if r.len() >= w.len()
                    && r.is_char_boundary(w.len())
                    && r[..w.len()].eq_ignore_ascii_case(w)
                    && !r[w.len()..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    return (Some(*u), spaces + w.len());
                }
            }
            (None, 0)
        }
    }
}

/// After `2023年`: the length of `6月底`, `8月14日` …, if a month follows.
fn zh_month_day(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    let digits = rest.chars().take_while(|c| digit(*c).is_some()).map(char::len_utf8).sum::<usize>();
    if digits == 0 || !rest[digits..].starts_with('月') {
        return None;
    }
    let month_end = digits + '月'.len_utf8();
    Some(month_end + zh_day(text, pos + month_end))
}

/// After `6月`: the length of `14日`, `底`, `中旬` …
fn zh_day(text: &str, pos: usize) -> usize {
    let rest = &text[pos..];
    let digits = rest.chars().take_while(|c| digit(*c).is_some()).map(char::len_utf8).sum::<usize>();
    if digits > 0 && (rest[digits..].starts_with('日') || rest[digits..].starts_with('号')) {
        return digits + '日'.len_utf8();
    }
    ["上旬", "中旬", "下旬", "底", "初", "末"].iter().find(|w| rest.starts_with(*w)).map_or(0, |w| w.len())
}

/// After the year of `2019-08-14` (`j` at the separator): the index past the date.
fn iso_date(chars: &[(usize, char)], j: usize) -> Option<usize> {
    let sep = chars.get(j)?.1;
    if !matches!(sep, '-' | '/' | '.') {
        return None;
    }
    let run = |from: usize| chars[from.min(chars.len())..].iter().take_while(|c| c.1.is_ascii_digit()).count();
    let m = run(j + 1);
    if !(1..=2).contains(&m) || chars.get(j + 1 + m).map(|c| c.1) != Some(sep) {
        return None;
    }
    let d = run(j + 2 + m);
    (1..=2).contains(&d).then_some(j + 2 + m + d)
}

/// 持平 and "unchanged": a difference of zero in words.
fn flats(text: &str, lang: Lang) -> Vec<Token> {
    let words: &[&str] = match lang {
        Lang::Zh => &["持平"],
        Lang::En => &["unchanged", "the same as", "level with", "flat"],
    };
    let mut out = Vec::new();
    for w in words {
        let mut from = 0;
        while let Some(k) = find_word(text, from, w, lang) {
            let span = Span::new(k, k + w.len());
            let before = &text[..k];
            let approx = match lang {
                Lang::Zh => ["基本", "大致", "大体", "略"].iter().any(|a| before.ends_with(a)),
                Lang::En => {
                    ["broadly", "roughly", "almost", "nearly", "largely"].iter().any(|a| ends_with_word(before, a))
                }
            };
            out.push(Token { number: span, whole: span, kind: Kind::Flat, approx, sign: None });
            from = span.end;
        }
    }
    out
}

/// The next `word` at or after `from`: any occurrence in Chinese, a whole word in English.
pub(super) fn find_word(text: &str, from: usize, word: &str, lang: Lang) -> Option<usize> {
    let mut from = from;
    loop {
        let k = match lang {
            Lang::Zh => text[from..].find(word)? + from,
            // An ASCII word matches only at ASCII bytes, which are always character boundaries.
            Lang::En => {
                let (bytes, w) = (text.as_bytes(), word.as_bytes());
                (from..(text.len() + 1).saturating_sub(w.len()))
                    .find(|&k| bytes[k..k + w.len()].eq_ignore_ascii_case(w))?
            }
        };
        let end = k + word.len();
        let ok = lang == Lang::Zh
            || (!text[..k].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
                && !text[end..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric()));
        if ok {
            return Some(k);
        }
        from = k + 1;
        while !text.is_char_boundary(from) {
            from += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, Kind, bool)> {
        let doc = scan(text);
        doc.tokens.iter().map(|t| (t.whole.of(text).to_string(), t.kind, t.approx)).collect()
    }

    #[test]
    fn chinese_units() {
        let k = kinds("参考人数为36,192人，达线率为15.5%，高于全省0.7个百分点；考生共计3.62万人，14所学校，2023年6月底，8月14日，第1名，约3.2万名，3000余人，520分，1892张，12个县（市、区），持平。");
        let want = [
            ("36,192人", Kind::People(Some(36192)), false),
            ("15.5%", Kind::Percent(Stated::written(15.5, 1)), false),
            ("0.7个百分点", Kind::Points(Stated::written(0.7, 1)), false),
            ("3.62万人", Kind::People(Some(36200)), false),
            ("14所", Kind::Schools, false),
            ("2023年6月底", Kind::Date(Some(2023)), false),
            ("8月14日", Kind::Date(None), false),
            ("1名", Kind::Rank, false),
            ("3.2万名", Kind::People(Some(32000)), true),
            ("3000余人", Kind::People(Some(3000)), true),
            ("520分", Kind::Score, false),
            ("1892张", Kind::Counted, false),
            ("12个", Kind::Districts, false),
            ("持平", Kind::Flat, false),
        ];
        let got: Vec<_> = k.iter().map(|(s, k, a)| (s.as_str(), *k, *a)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn wan_counts_are_taken_only_when_whole() {
        assert_eq!(whole("3", "62", true), Some(36200));
        assert_eq!(whole("3", "6192", true), Some(36192));
        assert_eq!(whole("3", "61925", true), None);
        assert_eq!(whole("36192", "", false), Some(36192));
        assert_eq!(whole("36192", "5", false), None);
        assert_eq!(whole("36192", "0", false), Some(36192));
    }

    #[test]
    fn english_units_and_dates() {
        let k = kinds("Published August 2, 2020. 25,306 candidates sat the 2020 exam; 3,618 passed the tier-1 line, a pass rate of 14.3 percent, up 0.8 points; 45 million yuan for 12 schools by June 2021, ranked 1st, more than 3,000 students, +0.5 pp.");
        let got: Vec<_> = k.iter().map(|(s, k, a)| (s.as_str(), *k, *a)).collect();
        assert_eq!(
            got,
            vec![
                ("August 2, 2020", Kind::Date(Some(2020)), false),
                ("25,306 candidates", Kind::People(Some(25306)), false),
                ("2020", Kind::Year(2020), false),
                ("3,618", Kind::Bare(Some(3618), Stated::written(3618.0, 0)), false),
                ("14.3 percent", Kind::Percent(Stated::written(14.3, 1)), false),
                ("0.8 points", Kind::Points(Stated::written(0.8, 1)), false),
                ("45 million", Kind::Money, false),
                ("12 schools", Kind::Schools, false),
                ("June 2021", Kind::Date(Some(2021)), false),
                ("1st", Kind::Rank, false),
                ("3,000 students", Kind::People(Some(3000)), true),
                ("+0.5 pp", Kind::Points(Stated::written(0.5, 1)), false),
            ]
        );
    }

    #[test]
    fn sentences_and_clauses() {
        let text = "标题一行\n今年参考36,192人，一本达线5872人；达线率15.5%。Up 0.4 points. Next";
        let doc = scan(text);
        let s: Vec<Vec<&str>> = doc.sentences.iter().map(|s| s.clauses.iter().map(|c| c.of(text)).collect()).collect();
        assert_eq!(
            s,
            vec![
                vec!["标题一行"],
                vec!["今年参考36,192人", "一本达线5872人", "达线率15.5%"],
                vec!["Up 0.4 points"],
                vec!["Next"]
            ]
        );
        assert_eq!(doc.heading.map(|h| h.of(text)), Some("标题一行"));
        assert_eq!(doc.lang, Lang::Zh);
        assert_eq!(scan("Up 0.4 points on last year.").lang, Lang::En);
    }

    #[test]
    fn a_full_stop_ends_a_sentence_before_a_quote_mark_not_inside_a_word() {
        let text = "The bureau said the rate was 15.5 percent.\" Figures are on sxkszx.cn today. Next";
        let doc = scan(text);
        let s: Vec<&str> = doc.sentences.iter().map(|s| s.clauses[0].of(text)).collect();
        assert_eq!(s, ["The bureau said the rate was 15.5 percent", "\" Figures are on sxkszx.cn today", "Next"]);
        let text = "It was 15.5 percent.\u{201d} Next";
        let doc = scan(text);
        assert_eq!(doc.sentences.len(), 2, "a full stop before a closing curly quote ends the sentence");
    }

    #[test]
    fn years_are_four_digits_alone() {
        let k = kinds("2,010 passed; 1950.5 points; 2020 exam");
        assert_eq!(k[0].1, Kind::Bare(Some(2010), Stated::written(2010.0, 0)));
        assert!(!matches!(k[1].1, Kind::Year(_)), "{:?}", k[1]);
        assert_eq!(k[2].1, Kind::Year(2020));
        // "some" before a round count is a hedge, before an exact-looking one wire style.
        assert!(kinds("some 2,700 students")[0].2);
        assert!(kinds("some 300 students")[0].2);
        assert!(!kinds("some 2,713 students")[0].2);
        assert_eq!(whole("1234", "", true), Some(12_340_000));
        assert_eq!(whole("1234567890123456", "", false), None);
        assert_eq!(whole("123456789012345", "", false), Some(123_456_789_012_345));
    }

    #[test]
    fn whole_words_and_months() {
        // A word inside a longer one is not the word.
        assert_eq!(find_word("Shanxian and Shanxi's", 0, "Shanxi", Lang::En), Some(13));
        assert_eq!(find_word("inShanxi, Shanxi", 0, "Shanxi", Lang::En), Some(10));
        assert!(starts_with_word(" or more students", "or more"));
        assert!(!starts_with_word(" or moreover", "or more"));
        // "3,600 or so": hedged after the number.
        assert!(kinds("3,600 or so students").iter().any(|k| k.0.starts_with("3,600") && k.2));
        // "600 or higher": a score, not a count.
        assert_eq!(kinds("600 or higher")[0].1, Kind::Score);
        // A month only with a space (or its full stop) before the number.
        assert_eq!(month_before("June 2021", 5), Some(0));
        assert_eq!(month_before("Aug. 2021", 5), Some(0));
        assert_eq!(month_before("June2021", 4), None);
    }

    #[test]
    fn language_lines_and_heading() {
        // One Chinese character for four Latin letters tips a text to Chinese.
        assert_eq!(language("中abcd"), Lang::Zh);
        assert_eq!(language("中abcde"), Lang::En);
        assert_eq!(language("1234"), Lang::En);
        let text = "标题\r\n正文一行\r\n";
        let ls: Vec<&str> = lines(text).iter().map(|l| l.of(text)).collect();
        assert_eq!(ls, ["标题", "正文一行"]);
        assert_eq!(lines("a\nb").iter().map(|l| l.of("a\nb")).collect::<Vec<_>>(), ["a", "b"]);
        // A heading is a first line that is not a sentence, above more text.
        let h = |t: &str| heading(t, &lines(t)).map(|s| s.of(t).to_string());
        assert_eq!(h("泽川市高考成绩揭晓\n正文。"), Some("泽川市高考成绩揭晓".into()));
        assert_eq!(h("泽川市高考成绩揭晓"), None);
        assert_eq!(h("今年一本上线率提高。\n正文。"), None);
        assert_eq!(h("Results are out. More\nText"), None);
        assert_eq!(h("Results are out.\nText"), None);
        assert_eq!(h(&format!("{}\n正文", "长".repeat(81))), None);
        assert_eq!(h(&format!("{}\n正文", "长".repeat(80))), Some("长".repeat(80)));
    }

    #[test]
    fn units_wan_money_and_dates() {
        assert_eq!(kinds("考生3.62万人")[0].1, Kind::People(Some(36200)));
        assert_eq!(kinds("投入45万元")[0].1, Kind::Money);
        assert_eq!(kinds("2019年8月14日")[0].1, Kind::Date(Some(2019)));
        assert_eq!(kinds("8月14日")[0].1, Kind::Date(None));
        assert_eq!(kinds("2019-08-14")[0].1, Kind::Date(Some(2019)));
        assert_eq!(kinds("2019/8/14")[0].1, Kind::Date(Some(2019)));
        assert_eq!(kinds("A-1 and -0.3 points")[0].1, Kind::Points(Stated::written(-0.3, 1)));
        // A full-width comma separates thousands only between full-width digits.
        assert_eq!(kinds("共23，６８０人")[0].0, "23");
        assert_eq!(kinds("共２３，680人")[0].0, "２３");
    }

    #[test]
    fn full_width_digits_and_signs() {
        let k = kinds("达线率为１５．５％，比上年−0.3个百分点");
        assert_eq!(k[0].1, Kind::Percent(Stated::written(15.5, 1)));
        assert_eq!(k[1].1, Kind::Points(Stated::written(-0.3, 1)));
        assert_eq!(scan("比上年−0.3个百分点").tokens[0].sign, Some(false));
    }
}
