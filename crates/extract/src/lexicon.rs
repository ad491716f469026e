//! The words around the numbers: which tier, which area, which year, compared with what, up
//! or down. Each language has one table of words and what each marks; a [`Mark`] is where
//! one of them stands in the text. Place names (运城市, 山西省, "Datong city") are found once
//! per text, and the report's own region, province and year decided from them.

use super::scan::{find_word, is_han, Doc, Kind};
use super::{Span, Tier};
use passrate_chart::lang::Lang;

/// What a word says about the numbers near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum What {
    Tier(Tier),
    /// The tier's pass rate: 达线率, 一本率, "pass rate".
    Rate,
    /// A share of the candidates: 占, "of candidates".
    Share,
    /// Reaching a line: 达线, 上线, "passed".
    Pass,
    /// Candidates who sat: 参考, 考生, "sat".
    Candidates,
    /// 报名: registered, which is not sat.
    Registered,
    /// The report's region: 我市, 全市, its name.
    Region,
    /// The reference: 全省, 我省, its name, "provincial".
    Reference,
    /// Another area: a county, a school, another city, the country.
    Elsewhere,
    ThisYear,
    LastYear,
    /// 前年: the year before last.
    YearBefore,
    /// A year in digits (2018年, "2018"), from its number token.
    Year(i32),
    /// 同比, "year on year": compared with last year, in one word.
    YearOnYear,
    /// 比, 较, 高于, "than", "above": what follows is compared with.
    Compare,
    Up,
    Down,
    /// 文科, 理科: one stream.
    Stream,
    /// 文理科: both streams together.
    BothStreams,
    /// 分别, "respectively": a list of numbers for a list of tiers or years.
    Respectively,
    /// 近三年: the last n years, this one included.
    Recent(u8),
}

/// A word of the lexicon where it stands in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Mark {
    pub span: Span,
    pub what: What,
}

use What::*;

const ONE: What = What::Tier(Tier::One);
const TWO: What = What::Tier(Tier::Two);
const UG: What = What::Tier(Tier::Undergraduate);
const VOC: What = What::Tier(Tier::Vocational);

/// Chinese words and what they mark; at each place the longest word wins.
const ZH: &[(&str, &[What])] = &[
    ("特殊类型招生控制线", &[ONE]),
    ("第一批本科", &[ONE]),
    ("本科第一批", &[ONE]),
    ("本科一批", &[ONE]),
    ("一批本科", &[ONE]),
    ("重点本科", &[ONE]),
    ("特控线", &[ONE]),
    ("一本", &[ONE]),
    ("第二批本科", &[TWO]),
    ("本科第二批", &[TWO]),
    ("本科二批", &[TWO]),
    ("二批本科", &[TWO]),
    ("二本", &[TWO]),
    ("高职专科", &[VOC]),
    ("专科", &[VOC]),
    ("高职", &[VOC]),
    ("本科", &[UG]),
    ("达线率", &[Rate]),
    ("上线率", &[Rate]),
    ("过线率", &[Rate]),
    ("进线率", &[Rate]),
    ("上线比例", &[Rate]),
    ("达线比例", &[Rate]),
    ("占比", &[Share]),
    ("占", &[Share]),
    ("达线", &[Pass]),
    ("上线", &[Pass]),
    ("过线", &[Pass]),
    ("进线", &[Pass]),
    ("线", &[Pass]),
    ("参考人数", &[Candidates]),
    ("参加高考", &[Candidates]),
    ("参加考试", &[Candidates]),
    ("高考人数", &[Candidates]),
    ("考试人数", &[Candidates]),
    ("考生", &[Candidates]),
    ("参考", &[Candidates]),
    ("应考", &[Candidates]),
    ("赴考", &[Candidates]),
    ("报名", &[Registered]),
    ("报考", &[Registered]),
    ("我市", &[Region]),
    ("全市", &[Region]),
    ("本市", &[Region]),
    ("该市", &[Region]),
    ("全省", &[Reference]),
    ("我省", &[Reference]),
    ("本省", &[Reference]),
    ("该省", &[Reference]),
    ("省级", &[]),
    ("省份", &[]),
    ("省", &[Reference]),
    ("全国", &[Elsewhere]),
    ("全县", &[Region]),
    ("我县", &[Region]),
    ("本县", &[Region]),
    ("全区", &[Region]),
    ("我区", &[Region]),
    ("本区", &[Region]),
    ("县", &[Elsewhere]),
    ("市区", &[Elsewhere]),
    ("城区", &[Elsewhere]),
    ("地区", &[]),
    ("区", &[Elsewhere]),
    ("乡镇", &[Elsewhere]),
    ("中学", &[Elsewhere]),
    ("高中", &[Elsewhere]),
    ("学校", &[Elsewhere]),
    ("校", &[Elsewhere]),
    ("今年", &[ThisYear]),
    ("本年", &[ThisYear]),
    ("当年", &[ThisYear]),
    ("去年", &[LastYear]),
    ("前年", &[YearBefore]),
    ("上年", &[LastYear]),
    ("上一年", &[LastYear]),
    ("前一年", &[LastYear]),
    ("上届", &[LastYear]),
    ("同比", &[YearOnYear]),
    ("高于", &[Compare, Up]),
    ("低于", &[Compare, Down]),
    ("超过", &[Compare, Up]),
    ("超出", &[Compare, Up]),
    ("领先", &[Compare, Up]),
    ("落后于", &[Compare, Down]),
    ("落后", &[Compare, Down]),
    ("相比", &[Compare]),
    ("对比", &[Compare]),
    ("比例", &[]),
    ("比重", &[]),
    ("比", &[Compare]),
    ("较", &[Compare]),
    ("与", &[Compare]),
    ("高出", &[Compare, Up]),
    ("↑", &[Up]),
    ("↓", &[Down]),
    ("⬇\u{fe0f}", &[Down]),
    ("⬇", &[Down]),
    ("⬆\u{fe0f}", &[Up]),
    ("⬆", &[Up]),
    ("略降", &[Down]),
    ("微降", &[Down]),
    ("略升", &[Up]),
    ("微升", &[Up]),
    ("提高", &[Up]),
    ("提升", &[Up]),
    ("增长", &[Up]),
    ("增加", &[Up]),
    ("上升", &[Up]),
    ("上涨", &[Up]),
    ("增幅", &[Up]),
    ("多出", &[Up]),
    ("降低", &[Down]),
    ("下降", &[Down]),
    ("下滑", &[Down]),
    ("减少", &[Down]),
    ("回落", &[Down]),
    ("下跌", &[Down]),
    ("降幅", &[Down]),
    ("文理科", &[BothStreams]),
    ("文、理科", &[BothStreams]),
    ("文理", &[BothStreams]),
    ("文科", &[Stream]),
    ("理科", &[Stream]),
    ("文史", &[Stream]),
    ("理工", &[Stream]),
    ("物理类", &[Stream]),
    ("历史类", &[Stream]),
    ("艺术类", &[Stream]),
    ("体育类", &[Stream]),
    ("艺体", &[Stream]),
    ("分别", &[Respectively]),
];

/// English words (matched whole, in any case) and what they mark.
const EN: &[(&str, &[What])] = &[
    // "the tier-two undergraduate cutoff": the tier, named in full.
    ("tier-1 undergraduate", &[ONE]),
    ("tier 1 undergraduate", &[ONE]),
    ("tier one undergraduate", &[ONE]),
    ("tier-one undergraduate", &[ONE]),
    ("first-tier undergraduate", &[ONE]),
    ("tier-2 undergraduate", &[TWO]),
    ("tier 2 undergraduate", &[TWO]),
    ("tier two undergraduate", &[TWO]),
    ("tier-two undergraduate", &[TWO]),
    ("second-tier undergraduate", &[TWO]),
    ("tier-1", &[ONE]),
    ("tier 1", &[ONE]),
    ("tier one", &[ONE]),
    ("tier-one", &[ONE]),
    ("special-type cutoff", &[ONE]),
    ("special-type line", &[ONE]),
    ("first-tier", &[ONE]),
    ("first tier", &[ONE]),
    ("first-batch", &[ONE]),
    ("first batch", &[ONE]),
    ("key-university", &[ONE]),
    ("key university", &[ONE]),
    ("tier-2", &[TWO]),
    ("tier 2", &[TWO]),
    ("tier two", &[TWO]),
    ("tier-two", &[TWO]),
    ("second-tier", &[TWO]),
    ("second tier", &[TWO]),
    ("second-batch", &[TWO]),
    ("second batch", &[TWO]),
    ("undergraduate", &[UG]),
    ("bachelor's", &[UG]),
    ("bachelor", &[UG]),
    ("vocational", &[VOC]),
    ("junior college", &[VOC]),
    ("junior-college", &[VOC]),
    ("pass rate", &[Rate]),
    ("passing rate", &[Rate]),
    ("pass-rate", &[Rate]),
    ("rate", &[Rate]),
    ("rates", &[Rate]),
    ("of candidates", &[Share]),
    ("of them", &[Share]),
    ("average of", &[Rate]),
    ("of all candidates", &[Share]),
    ("of the candidates", &[Share]),
    ("share of", &[Share]),
    ("passed", &[Pass]),
    ("passes", &[Pass]),
    ("pass", &[Pass]),
    ("reached", &[Pass]),
    ("cleared", &[Pass]),
    ("qualified", &[Pass]),
    ("crossed", &[Pass]),
    ("made the", &[Pass]),
    ("scored above", &[Pass]),
    ("candidates", &[Candidates]),
    ("students", &[Candidates]),
    ("examinees", &[Candidates]),
    ("test-takers", &[Candidates]),
    ("sat", &[Candidates]),
    ("took", &[Candidates]),
    ("registered", &[Registered]),
    ("signed up", &[Registered]),
    ("applied", &[Registered]),
    ("the city", &[Region]),
    ("city's", &[Region]),
    ("citywide", &[Region]),
    ("city-wide", &[Region]),
    ("city", &[Region]),
    ("provincial", &[Reference]),
    ("province's", &[Reference]),
    ("province", &[Reference]),
    ("provincewide", &[Reference]),
    ("province-wide", &[Reference]),
    ("national", &[Elsewhere]),
    ("nationwide", &[Elsewhere]),
    ("country", &[Elsewhere]),
    ("county", &[Elsewhere]),
    ("counties", &[Elsewhere]),
    ("district", &[Elsewhere]),
    ("districts", &[Elsewhere]),
    ("school", &[Elsewhere]),
    ("schools", &[Elsewhere]),
    ("this year", &[ThisYear]),
    ("this year's", &[ThisYear]),
    ("last year", &[LastYear]),
    ("last year's", &[LastYear]),
    ("the previous year", &[LastYear]),
    ("previous year", &[LastYear]),
    ("a year earlier", &[LastYear]),
    ("a year ago", &[LastYear]),
    ("the year before", &[LastYear]),
    ("year on year", &[YearOnYear]),
    ("year-on-year", &[YearOnYear]),
    ("on the year", &[YearOnYear]),
    ("higher than", &[Compare, Up]),
    ("lower than", &[Compare, Down]),
    ("above", &[Compare, Up]),
    ("below", &[Compare, Down]),
    ("than", &[Compare]),
    ("compared with", &[Compare]),
    ("compared to", &[Compare]),
    ("versus", &[Compare]),
    ("vs", &[Compare]),
    ("on", &[Compare]),
    ("from", &[Compare]),
    ("over", &[Compare]),
    ("against", &[Compare]),
    ("up", &[Up]),
    ("higher", &[Up]),
    ("rose", &[Up]),
    ("risen", &[Up]),
    ("increased", &[Up]),
    ("increase", &[Up]),
    ("gained", &[Up]),
    ("climbed", &[Up]),
    ("improved", &[Up]),
    ("down", &[Down]),
    ("lower", &[Down]),
    ("fell", &[Down]),
    ("fallen", &[Down]),
    ("decreased", &[Down]),
    ("decrease", &[Down]),
    ("dropped", &[Down]),
    ("declined", &[Down]),
    ("slipped", &[Down]),
    ("arts and science", &[BothStreams]),
    ("both streams", &[BothStreams]),
    ("arts stream", &[Stream]),
    ("science stream", &[Stream]),
    ("arts candidates", &[Stream]),
    ("science candidates", &[Stream]),
    ("liberal arts", &[Stream]),
    ("respectively", &[Respectively]),
];

/// Words before "rate" that make it something other than a pass rate.
const OTHER_RATES: &[&str] = &[
    "growth",
    "interest",
    "admission",
    "admissions",
    "enrolment",
    "enrollment",
    "employment",
    "birth",
    "exchange",
    "tax",
];

/// The report's own names and year.
#[derive(Debug, Default, Clone)]
pub(super) struct Names {
    /// The region reported on (运城市, "Datong"), when the report names it.
    pub region: Option<String>,
    /// The province (山西省, "Shanxi"), when the report names it.
    pub reference: Option<String>,
    /// The report's year (what 今年 means), and the token that says it.
    pub year: Option<(i32, usize)>,
    /// Named places and what each is to the report (its region, its reference, elsewhere),
    /// in text order.
    pub places: Vec<Mark>,
    /// Reading one area of many (a province's cities): a figure is the area's only where its
    /// name is said, and 全市/全省 are the whole the areas are compared with.
    pub strict: bool,
    /// The region is a county or district: 全市 is its reference, the province elsewhere.
    pub county: bool,
}

impl Names {
    /// The names as one area of a province-wide text sees them: `area` is the region, every
    /// other city elsewhere.
    pub fn for_area(&self, area: &str, text: &str) -> Names {
        let places = self
            .places
            .iter()
            .map(|m| {
                let what = match m.what {
                    Reference => Reference,
                    _ if same_area(m.span.of(text), area) => Region,
                    _ => Elsewhere,
                };
                Mark { span: m.span, what }
            })
            .collect();
        Names { region: Some(area.to_string()), places, strict: true, ..self.clone() }
    }

    /// The cities named in the text, in order, each once.
    pub fn areas(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in &self.places {
            let name = m.span.of(text).to_string();
            if m.what == Reference {
                continue;
            }
            // TAIYUAN in a dateline and Taiyuan in the story are one city, named as the story does.
            match out.iter_mut().find(|o| same_area(o, &name)) {
                Some(o) if o.chars().any(|c| c.is_ascii_uppercase()) && !o.chars().any(char::is_lowercase) => *o = name,
                Some(_) => {}
                None => out.push(name),
            }
        }
        out
    }
}

/// Whether two names are one area: TAIYUAN in a wire story's dateline and Taiyuan in its
/// text; 嵩阳 in a list and 嵩阳市 later.
pub(super) fn same_area(a: &str, b: &str) -> bool {
    let short = |long: &str, short: &str| long.strip_suffix(['市', '县']) == Some(short);
    a.eq_ignore_ascii_case(b) || short(a, b) || short(b, a)
}

/// Characters that end a Chinese place name going backwards (运城 in 记者从运城市).
const NAME_STOPS: &str =
    "市省县区年月日今据从在对于向由是为到及和与的了将全我本该各其共有自出经按至往赴来去等个者讯报考";

/// Function words that are not names in English (The city, In Datong).
const EN_NOT_NAMES: &[&str] = &[
    "The", "A", "An", "This", "That", "Our", "Each", "Every", "Its", "Their", "In", "Of", "Whole", "Same", "Home",
    "Host",
];

/// Named places: (span, name as the dataset would hold it, is it a province).
fn places(text: &str, lang: Lang) -> Vec<(Span, String, bool)> {
    let mut out = Vec::new();
    match lang {
        Lang::Zh => {
            for (k, c) in text.char_indices() {
                if !matches!(c, '市' | '省' | '县' | '区') {
                    continue;
                }
                let after = &text[k + c.len_utf8()..];
                if after.starts_with(['级', '份', '区']) || (c == '区' && after.starts_with(['市', '域'])) {
                    continue;
                }
                // 嵩阳、伊洛、颍川三市: a count of the places listed before it, each a place.
                if let Some(listed) = counted_list(text, k) {
                    out.extend(listed.into_iter().map(|span| (span, span.of(text).to_string(), false)));
                    continue;
                }
                let mut start = k;
                let mut n = 0;
                for (j, p) in text[..k].char_indices().rev() {
                    if n == 4 || !is_han(p) || NAME_STOPS.contains(p) {
                        break;
                    }
                    start = j;
                    n += 1;
                }
                if n >= 2 {
                    let span = Span::new(start, k + c.len_utf8());
                    out.push((span, span.of(text).to_string(), c == '省'));
                }
            }
        }
        Lang::En => {
            for (word, province) in
                [("city", false), ("province", true), ("prefecture", false), ("district", false), ("county", false)]
            {
                let mut from = 0;
                while let Some(k) = find_word(text, from, word, lang) {
                    from = k + word.len();
                    // Datong city / Shanxi Province
                    let before = text[..k].trim_end_matches(' ');
                    let name: String = before.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
                    let name: String = name.chars().rev().collect();
                    if name.starts_with(|c: char| c.is_ascii_uppercase()) && !EN_NOT_NAMES.contains(&name.as_str()) {
                        let start = before.len() - name.len();
                        // Qingshui District: the district's name is the whole.
                        let whole = text[k..k + word.len()].starts_with(|c: char| c.is_ascii_uppercase())
                            && matches!(word, "district" | "county");
                        let name = if whole { text[start..k + word.len()].to_string() } else { name };
                        out.push((Span::new(start, k + word.len()), name, province));
                        continue;
                    }
                    // city of Datong
                    let rest = &text[k + word.len()..];
                    if let Some(r) = rest.strip_prefix(" of ") {
                        let name: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
                        if name.starts_with(|c: char| c.is_ascii_uppercase()) && !EN_NOT_NAMES.contains(&name.as_str())
                        {
                            let end = k + word.len() + 4 + name.len();
                            out.push((Span::new(k, end), name, province));
                        }
                    }
                }
            }
            // Shanxi's rate, the Shandong provincial average: a province by its name alone.
            for name in EN_PROVINCES {
                let mut from = 0;
                while let Some(k) = find_word(text, from, name, lang) {
                    from = k + name.len();
                    let span = Span::new(k, k + name.len());
                    if !out.iter().any(|p: &(Span, String, bool)| p.0.start <= k && k < p.0.end) {
                        out.push((span, name.to_string(), true));
                    }
                }
            }
            // "Taiyuan led with 22.0 percent, followed by Jincheng at 16.9 percent": a city of a
            // province-wide story named only where its figure is said.
            for (span, name) in listed_places(text) {
                if !out.iter().any(|p: &(Span, String, bool)| p.0.start < span.end && span.start < p.0.end) {
                    out.push((span, name, false));
                }
            }
            out.sort_by_key(|p| p.0);
        }
    }
    out
}

/// 嵩阳、伊洛、颍川三市 (`at` is the 市): the names listed with 、 before a count of them, when
/// the count is the number of names. A count of places (六市, 三县) is never a place's name.
fn counted_list(text: &str, at: usize) -> Option<Vec<Span>> {
    let numeral = text[..at].chars().next_back()?;
    let count = match numeral {
        '两' | '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    };
    let mut names = Vec::new();
    let mut end = at - numeral.len_utf8();
    loop {
        let start = text[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_han(*c) && !NAME_STOPS.contains(*c))
            .last()
            .map(|(j, _)| j);
        let Some(start) = start.filter(|s| (2..=4).contains(&text[*s..end].chars().count())) else {
            break;
        };
        names.push(Span::new(start, end));
        match text[..start].strip_suffix('、') {
            Some(before) => end = before.len(),
            None => break,
        }
    }
    names.reverse();
    Some(if names.len() == count { names } else { Vec::new() })
}

/// Words after a capitalised name that make it the area a figure is about, in English.
const EN_AREA_VERBS: &[&str] = &[
    "led with",
    "posted",
    "posts",
    "recorded",
    "records",
    "came first",
    "came second",
    "came third",
    "came next",
    "came last",
    "came in at",
    "trailed",
    "topped",
    "ranked",
    "stood at",
    "was next",
    "were next",
    "the highest",
    "the lowest",
];

/// Verbs of a change that make a name an area when a number follows ("Handan slipped 0.4
/// points").
const EN_AREA_CHANGES: &[&str] = &["rose", "fell", "slipped", "climbed", "dropped", "gained", "edged up", "edged down"];

/// English names followed by the words that give an area its figure ("Taiyuan led with",
/// "Jincheng at 16.9", "Changzhi's rate", "Lüliang and Xinzhou posted").
fn listed_places(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < text.len() {
        let c = text[k..].chars().next().unwrap_or(' ');
        let starts_word = !text[..k].chars().next_back().is_some_and(char::is_alphanumeric);
        if !(starts_word && c.is_ascii_uppercase()) {
            k += c.len_utf8();
            continue;
        }
        let end = k + text[k..].find(|c: char| !c.is_alphabetic()).unwrap_or(text.len() - k);
        let name = &text[k..end];
        let plain = name.len() >= 3
            && name.chars().skip(1).all(|c| !c.is_uppercase())
            && !EN_NOT_NAMES.contains(&name)
            && !EN_PROVINCES.contains(&name)
            && !MONTH_NAMES.contains(&name)
            && !["China", "Xinhua", "City", "Province", "At", "And", "Followed"].contains(&name);
        if plain && names_an_area(&text[end..]) {
            out.push((Span::new(k, end), name.to_string()));
        }
        k = end;
    }
    out
}

/// Whether the words after a name make it an area with a figure of its own.
fn names_an_area(after: &str) -> bool {
    // An ASCII phrase at the start of `s`, in any case, ending a word.
    let at = |s: &str, w: &str| {
        s.len() >= w.len()
            && s.is_char_boundary(w.len())
            && s[..w.len()].eq_ignore_ascii_case(w)
            && !s[w.len()..].starts_with(char::is_alphanumeric)
    };
    if let Some(spaced) = after.strip_prefix(' ') {
        if EN_AREA_VERBS.iter().any(|v| at(spaced, v)) {
            return true;
        }
        // "Jincheng at 16.9 percent"
        if at(spaced, "at") && spaced[2..].trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
        // "Handan slipped 0.4 points"
        for v in EN_AREA_CHANGES {
            if at(spaced, v) && spaced[v.len()..].trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
        }
        // "Lüliang and Xinzhou posted …": the first of a pair.
        if at(spaced, "and") {
            let r = spaced[3..].trim_start_matches(' ');
            let next = r.find(|c: char| !c.is_alphabetic()).unwrap_or(r.len());
            return r.starts_with(|c: char| c.is_ascii_uppercase()) && names_an_area(&r[next..]);
        }
    }
    // "Nanchang (21.0%), Jingdezhen (17.5%) and Xinyu (16.2%) did best"
    if let Some(r) = after.strip_prefix(" (") {
        let digits = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').len();
        if digits > 0 && r[digits..].starts_with(['%', ')']) {
            return true;
        }
    }
    // "Shijiazhuang, at 50.4 percent, rose …"
    if let Some(r) = after.strip_prefix(", at ") {
        if r.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    // "Linyi, which fielded …, trailed at 36.9 percent"
    if after.starts_with(", which ") {
        return true;
    }
    // "Changzhi's rate", "Changzhi's tier-one pass rate"
    if let Some(r) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("\u{2019}s ")) {
        return r.split_whitespace().take(3).any(|w| w.trim_end_matches([',', '.']).eq_ignore_ascii_case("rate"));
    }
    false
}

/// Month and weekday names, capitalised: never places.
const MONTH_NAMES: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The first capitalised word written with 's that is no province and no common word: the
/// city an English report is about.
fn possessive(text: &str) -> Option<String> {
    let mut from = 0;
    while let Some(k) = text[from..].find(['\'', '’']).map(|k| from + k) {
        from = k + 1;
        if !text[k..].trim_start_matches(['\'', '’']).starts_with('s') {
            continue;
        }
        let name: String = text[..k].chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
        let name: String = name.chars().rev().collect();
        let own = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.len() >= 3
            && !EN_NOT_NAMES.contains(&name.as_str())
            && !EN_PROVINCES.contains(&name.as_str())
            && !["China", "Xinhua", "City", "Province", "District", "County", "Prefecture"].contains(&name.as_str());
        if own {
            return Some(name);
        }
    }
    None
}

/// China's provinces and province-level areas by their English names.
const EN_PROVINCES: &[&str] = &[
    "Anhui",
    "Fujian",
    "Gansu",
    "Guangdong",
    "Guangxi",
    "Guizhou",
    "Hainan",
    "Hebei",
    "Heilongjiang",
    "Henan",
    "Hubei",
    "Hunan",
    "Inner Mongolia",
    "Jiangsu",
    "Jiangxi",
    "Jilin",
    "Liaoning",
    "Ningxia",
    "Qinghai",
    "Shaanxi",
    "Shandong",
    "Shanxi",
    "Sichuan",
    "Xinjiang",
    "Yunnan",
    "Zhejiang",
];

/// The report's region, province and year, and every named place.
pub(super) fn names(doc: &Doc) -> Names {
    let text = doc.text;
    let mut found = places(text, doc.lang);
    // "Taiyuan, capital of north China's Shanxi Province": an aside, not a place compared with.
    found.retain(|p| !text[..p.0.start].rsplit(',').next().is_some_and(|b| b.contains("capital of")));
    let in_heading = |s: &Span| doc.heading.is_some_and(|h| h.contains(*s));
    let county_level =
        |name: &str| name.ends_with(['县', '区']) || name.ends_with("District") || name.ends_with("County");
    // 低于大同市的16.0%: a city named only as what the report is compared with is not its own.
    let compared_here = |p: &(Span, String, bool)| {
        let before = text[..p.0.start].trim_end();
        let ends_with = |w: &&str| {
            let k = before.len().saturating_sub(w.len());
            before.is_char_boundary(k) && before[k..].eq_ignore_ascii_case(w)
        };
        ["高于", "低于", "超过", "比", "较", "与", "同", "than", "above", "below", "with"].iter().any(ends_with)
            && !in_heading(&p.0)
    };
    // (each place's words read once, not once per place compared with it)
    let compared: Vec<bool> = found.iter().map(compared_here).collect();
    let only_compared = |name: &str| found.iter().zip(&compared).filter(|(q, _)| q.1 == name).all(|(_, c)| *c);
    let first = |province: bool| {
        found
            .iter()
            .filter(|p| p.2 == province && (province || !only_compared(&p.1)))
            .min_by_key(|p| (!in_heading(&p.0), county_level(&p.1), p.0.start))
            .map(|p| p.1.clone())
    };
    // "Zibo's high school graduates", "Lanshui's tier-one pass rate": a city by its name alone.
    // (a county named in passing is not the story's own area when the story names its city
    // by the possessive: "Qiaoshan's gaokao candidates … in rural Dongxi County")
    let own = (doc.lang == Lang::En).then(|| possessive(text)).flatten();
    let region = match first(false) {
        Some(r) if county_level(&r) && own.as_ref().is_some_and(|o| !r.contains(o.as_str())) => own,
        r => r.or(own),
    };
    // A county or district is compared with its city: named (太原市), or only 全市.
    let county = region.as_deref().is_some_and(county_level);
    let reference = match county {
        false => first(true),
        true => found
            .iter()
            .find(|p| !p.2 && Some(&p.1) != region.as_ref() && !county_level(&p.1))
            .map(|p| p.1.clone())
            .or_else(|| Some(if doc.lang == Lang::Zh { "全市" } else { "the city" }.to_string())),
    };
    let mut places: Vec<Mark> = found
        .iter()
        .map(|(span, name, province)| {
            let what = match province {
                _ if Some(name) == region.as_ref() => Region,
                _ if Some(name) == reference.as_ref() => Reference,
                _ => Elsewhere,
            };
            Mark { span: *span, what }
        })
        .collect();
    // In English the names stand alone too ("in Datong", "Shanxi's rate").
    if doc.lang == Lang::En {
        for (name, what) in [(&region, Region), (&reference, Reference)] {
            let Some(name) = name else { continue };
            let mut from = 0;
            while let Some(k) = find_word(text, from, name, Lang::En) {
                let span = Span::new(k, k + name.len());
                if !found.iter().any(|p| p.0.start <= k && k < p.0.end) {
                    places.push(Mark { span, what });
                }
                from = span.end;
            }
        }
    }
    places.sort_by_key(|m| m.span);
    Names { region, reference, year: report_year(doc), places, strict: false, county }
}

/// What 今年 means, from the widest scope that states it: the year the exam is said to be in
/// (2019年高考, "the 2020 college entrance exam"), else the year of a dateline (a short line
/// holding a date, or a wire story's "CITY, June 25, 2023 --"), else a year in the heading,
/// else the first year the body states for itself (not one a difference is measured from,
/// 比2020年). `None` when the text never states a year: nothing is dated by guess.
fn report_year(doc: &Doc) -> Option<(i32, usize)> {
    let text = doc.text;
    let exam = |end: usize| {
        let rest = &text[end..];
        match doc.lang {
            Lang::Zh => rest.chars().take(8).collect::<String>().contains("高考"),
            Lang::En => {
                let r = rest.trim_start().to_ascii_lowercase();
                ["gaokao", "college entrance", "national college", "entrance exam", "university entrance"]
                    .iter()
                    .any(|w| r.starts_with(w))
            }
        }
    };
    let years = doc.tokens.iter().enumerate().filter_map(|(i, t)| match t.kind {
        Kind::Year(y) => Some((i, y, t)),
        _ => None,
    });
    if let Some((i, y, _)) = years.clone().find(|(_, _, t)| exam(t.whole.end)) {
        return Some((y, i));
    }
    // A date line after the last figure is a signature: it dates the source, and the report's
    // year only when nothing else says it (a work summary signed in January is about the year
    // before).
    let last_figure = doc.tokens.iter().rev().find(|t| t.is_figure()).map_or(0, |t| t.number.start);
    let datelines = doc.tokens.iter().enumerate().filter_map(|(i, t)| match t.kind {
        Kind::Date(Some(y)) => {
            let line = doc.lines.iter().find(|l| l.start <= t.number.start && t.number.start <= l.end)?;
            let short = line.of(text).trim().chars().count() <= 40;
            // ZIBO, June 25, 2023 -- …: a date near the line's start, then a dash.
            let wire = text[line.start..t.whole.start].chars().count() <= 30
                && super::scan::dashes_after(&text[t.whole.end..line.end]);
            (short || wire).then_some((y, i, t.number.start < last_figure))
        }
        _ => None,
    });
    if let Some((y, i, _)) = datelines.clone().find(|d| d.2) {
        return Some((y, i));
    }
    if let Some(h) = doc.heading {
        if let Some((i, y, _)) = years.clone().find(|(_, _, t)| h.contains(t.whole)) {
            return Some((y, i));
        }
    }
    let body = years.clone().find(|(_, _, t)| !compared(doc, t.whole.start)).map(|(i, y, _)| (y, i));
    body.or_else(|| datelines.clone().next().map(|(y, i, _)| (y, i)))
}

/// Whether the year at `start` is what something is compared with (比2020年, "from 2020",
/// "on 2023") or the start of a range (2021年至2023年), rather than a year stated for itself.
fn compared(doc: &Doc, start: usize) -> bool {
    let before = doc.text[..start].trim_end();
    match doc.lang {
        Lang::Zh => ["比", "较", "与", "同", "自", "从", "于", "和", "至", "到"].iter().any(|w| before.ends_with(w)),
        Lang::En => {
            let word: String = before.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
            let word: String = word.chars().rev().collect::<String>().to_ascii_lowercase();
            ["than", "from", "on", "since", "with", "to", "and", "over", "versus", "vs"].contains(&word.as_str())
        }
    }
}

/// Every word of the lexicon within `span`, in order.
pub(super) fn marks(doc: &Doc, names: &Names, span: Span) -> Vec<Mark> {
    let text = doc.text;
    let table = match doc.lang {
        Lang::Zh => ZH,
        Lang::En => EN,
    };
    let mut out = Vec::new();
    let mut i = span.start;
    while i < span.end {
        let c = text[i..].chars().next().unwrap_or(' ');
        let step = c.len_utf8();
        let at = names.places.partition_point(|m| m.span.start < i);
        if let Some(p) = names.places.get(at).filter(|m| m.span.start == i && m.span.end <= span.end) {
            out.push(*p);
            i = p.span.end;
            continue;
        }
        let word_start =
            doc.lang == Lang::Zh || !text[..i].chars().next_back().is_some_and(|p| p.is_ascii_alphanumeric());
        if !word_start {
            i += step;
            continue;
        }
        if let Some((n, len)) = recent(&text[i..span.end], doc.lang) {
            out.push(Mark { span: Span::new(i, i + len), what: Recent(n) });
            i += len;
            continue;
        }
        let hit = table.iter().filter(|(w, _)| matches_at(text, i, span.end, w, doc.lang)).max_by_key(|(w, _)| w.len());
        if let Some((w, whats)) = hit {
            let mut end = i + w.len();
            let rate_kind = doc.lang == Lang::En && (*w == "rate" || *w == "rates");
            let other_rate = rate_kind && {
                let before = text[..i].trim_end();
                let prev: String = before.chars().rev().take_while(|c| c.is_ascii_alphabetic()).collect();
                let prev: String = prev.chars().rev().collect::<String>().to_ascii_lowercase();
                OTHER_RATES.contains(&prev.as_str())
            };
            // "the province's equivalent of the tier-one line" names a line, not who passed it.
            let equivalent = doc.lang == Lang::En && {
                let after = text[end..].to_ascii_lowercase();
                let after = after.trim_start_matches("'s").trim_start_matches("’s");
                after.trim_start().starts_with("equivalent")
            };
            // "Taiyuan, capital of north China's Shanxi Province": an aside, not a subject.
            let aside = doc.lang == Lang::En
                && whats.contains(&Reference)
                && text[..i].rsplit(',').next().is_some_and(|b| b.contains("capital of"));
            // 进入全省前100名, 全市第2名: the area of a rank, not who the figures are about.
            let rank = doc.lang == Lang::Zh
                && (whats.contains(&Reference) || whats.contains(&Region))
                && text[end..].starts_with(['前', '第']);
            if !other_rate && !equivalent && !aside && !rank {
                for what in whats.iter() {
                    // Reading one city of many, 全市 is the whole, not the city.
                    let what = match *what {
                        Region if names.strict || (names.county && w.contains('市')) => Reference,
                        Reference if names.county && w.contains('省') => Elsewhere,
                        other => other,
                    };
                    out.push(Mark { span: Span::new(i, end), what });
                }
            }
            // 一本率, 二本线率: a tier's rate.
            if doc.lang == Lang::Zh && matches!(whats.first(), Some(What::Tier(_))) {
                for suffix in ["率", "线率"] {
                    if text[end..span.end].starts_with(suffix) {
                        out.push(Mark { span: Span::new(end, end + suffix.len()), what: Rate });
                        end += suffix.len();
                        break;
                    }
                }
            }
            i = end;
            continue;
        }
        // 高 and 低 alone say which way only right before a number (高0.7个百分点, 低了).
        if doc.lang == Lang::Zh && (c == '高' || c == '低') {
            let next = text[i + step..span.end].chars().next();
            if next.is_none_or(|n| n.is_ascii_digit() || n == '了' || n == '出') {
                out.push(Mark { span: Span::new(i, i + step), what: if c == '高' { Up } else { Down } });
            }
        }
        i += step;
    }
    out
}

fn matches_at(text: &str, i: usize, end: usize, w: &str, lang: Lang) -> bool {
    let stop = i + w.len();
    if stop > end || !text.is_char_boundary(stop) {
        return false;
    }
    match lang {
        Lang::Zh => text[i..].starts_with(w),
        Lang::En => {
            text[i..stop].eq_ignore_ascii_case(w)
                && !text[stop..].chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        }
    }
}

/// 近三年, 最近5年, "the past three years": how many years, and the length of the words.
fn recent(s: &str, lang: Lang) -> Option<(u8, usize)> {
    let numeral = |w: &str| -> Option<u8> {
        match w {
            "两" | "二" | "2" | "two" => Some(2),
            "三" | "3" | "three" => Some(3),
            "四" | "4" | "four" => Some(4),
            "五" | "5" | "five" => Some(5),
            "六" | "6" | "six" => Some(6),
            "七" | "7" | "seven" => Some(7),
            "八" | "8" | "eight" => Some(8),
            "九" | "9" | "nine" => Some(9),
            "十" | "10" | "ten" => Some(10),
            _ => None,
        }
    };
    match lang {
        Lang::Zh => {
            let lead = ["最近", "过去", "近"].iter().find(|p| s.starts_with(*p))?;
            let rest = &s[lead.len()..];
            // 近三年, 近5年, 近10年
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let n = if digits > 0 { &rest[..digits] } else { &rest[..rest.chars().next()?.len_utf8()] };
            let count = numeral(n)?;
            rest[n.len()..].starts_with('年').then_some((count, lead.len() + n.len() + '年'.len_utf8()))
        }
        Lang::En => {
            let lower = s.get(..s.len().min(40))?.to_ascii_lowercase();
            let lead = ["the past ", "the last ", "past ", "last "].iter().find(|p| lower.starts_with(*p))?;
            let rest = &lower[lead.len()..];
            let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
            let count = numeral(&word)?;
            rest[word.len()..].starts_with(" years").then_some((count, lead.len() + word.len() + " years".len()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::*;

    fn whats(text: &str) -> Vec<(String, What)> {
        let doc = scan(text);
        let names = names(&doc);
        marks(&doc, &names, Span::new(0, text.len())).iter().map(|m| (m.span.of(text).to_string(), m.what)).collect()
    }

    #[test]
    fn chinese_places_and_names() {
        let doc = scan("运城市2019年高考情况\n记者从运城市教育局获悉，山西省一本上线率为14.8%，原平市、沁县另计。");
        let n = names(&doc);
        assert_eq!(n.region.as_deref(), Some("运城市"));
        assert_eq!(n.reference.as_deref(), Some("山西省"));
        assert_eq!(n.year.map(|y| y.0), Some(2019));
        let places: Vec<(&str, What)> = n.places.iter().map(|m| (m.span.of(doc.text), m.what)).collect();
        assert_eq!(places, vec![("运城市", Region), ("运城市", Region), ("山西省", Reference), ("原平市", Elsewhere)]);
    }

    #[test]
    fn chinese_marks() {
        assert_eq!(
            whats("全省一本率比上年高0.5个百分点"),
            vec![
                ("全省".into(), Reference),
                ("一本".into(), ONE),
                ("率".into(), Rate),
                ("比".into(), Compare),
                ("上年".into(), LastYear),
                ("高".into(), Up),
            ]
        );
        assert_eq!(
            whats("近三年本科二批达线率分别为"),
            vec![
                ("近三年".into(), Recent(3)),
                ("本科二批".into(), TWO),
                ("达线率".into(), Rate),
                ("分别".into(), Respectively)
            ]
        );
        // 高考 and 高中 are not "higher".
        assert!(!whats("高考高中").iter().any(|m| m.1 == Up));
    }

    #[test]
    fn recent_years_by_numeral() {
        let zh = ["两", "三", "四", "五", "六", "七", "八", "九", "十"];
        let en = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
        for (k, (z, e)) in zh.iter().zip(en).enumerate() {
            let n = k as u8 + 2;
            assert_eq!(whats(&format!("近{z}年")), vec![(format!("近{z}年"), Recent(n))]);
            assert_eq!(whats(&format!("近{n}年")), vec![(format!("近{n}年"), Recent(n))]);
            let w = format!("the past {e} years");
            assert!(whats(&w).iter().any(|m| m.1 == Recent(n)), "{w}: {:?}", whats(&w));
        }
    }

    #[test]
    fn english_cities_by_their_own_words() {
        for (text, city) in [
            ("In the city of Lanshui, 3,118 passed the tier-one line in 2022.", "Lanshui"),
            ("Lanshui's tier-one pass rate was 16.1 percent in 2022.", "Lanshui"),
        ] {
            assert_eq!(names(&scan(text)).region.as_deref(), Some(city), "{text}");
        }
        // An admission rate is not a pass rate.
        let m = whats("Datong's admission rate and its pass rate");
        assert_eq!(m.iter().filter(|m| m.1 == Rate).count(), 1, "{m:?}");
    }

    fn place_names(text: &str, lang: Lang) -> Vec<(&str, String, bool)> {
        places(text, lang).into_iter().map(|(span, name, province)| (span.of(text), name, province)).collect()
    }

    #[test]
    fn chinese_places_are_names_not_words() {
        assert_eq!(place_names("全省省级示范高中、各省份、县级中学、城南区域内和市区学校", Lang::Zh), vec![]);
        let got = place_names("太原市、迎泽区和山西省", Lang::Zh);
        let want = [("太原市", false), ("迎泽区", false), ("山西省", true)];
        assert_eq!(got, want.map(|(n, p)| (n, n.to_string(), p)));
    }

    #[test]
    fn a_counted_list_of_places_by_every_numeral() {
        let all = ["嵩阳", "伊洛", "颍川", "淇水", "宛城", "汝河", "洛川", "渭南", "泾阳", "汾阳"];
        for (n, numeral) in [
            (2, '两'),
            (2, '二'),
            (3, '三'),
            (4, '四'),
            (5, '五'),
            (6, '六'),
            (7, '七'),
            (8, '八'),
            (9, '九'),
            (10, '十'),
        ] {
            let text = format!("全省有{}{numeral}市上线率超过全省。", all[..n].join("、"));
            let got: Vec<&str> = place_names(&text, Lang::Zh).iter().map(|p| p.0).collect();
            assert_eq!(got, all[..n], "{text}");
            // A count that is not the number of names lists nothing, and is no place itself.
            let text = format!("全省有{}{numeral}市上线率超过全省。", all[..n - 1].join("、"));
            assert_eq!(place_names(&text, Lang::Zh), vec![], "{text}");
        }
    }

    #[test]
    fn english_places_and_their_spans() {
        let text = "In the city of Datong and Linfen city, Datong City and Qingshui District, Shanxi's rate";
        let got = place_names(text, Lang::En);
        let want = [
            ("city of Datong", "Datong", false),
            ("Linfen city", "Linfen", false),
            ("Datong City", "Datong", false),
            ("Qingshui District", "Qingshui District", false),
            ("Shanxi", "Shanxi", true),
        ];
        assert_eq!(got, want.map(|(s, n, p)| (s, n.to_string(), p)));
        // "city of" needs a name after it.
        assert_eq!(place_names("the city of the west", Lang::En), vec![]);
        // A listed word inside a place already named is not a place of its own.
        assert_eq!(
            place_names("Qingshui District posted 58.3 percent", Lang::En),
            vec![("Qingshui District", "Qingshui District".to_string(), false)]
        );
        // A province named with its word is one place, not two.
        assert_eq!(
            place_names("Shanxi Province said", Lang::En),
            vec![("Shanxi Province", "Shanxi".to_string(), true)]
        );
        // A listed city already named with its word is that place only.
        assert_eq!(
            place_names("Taiyuan city led with 22.0 percent", Lang::En),
            vec![("Taiyuan city", "Taiyuan".to_string(), false)]
        );
    }

    #[test]
    fn a_city_by_its_possessive() {
        assert_eq!(possessive("Zibo's high school graduates did well"), Some("Zibo".into()));
        assert_eq!(possessive("Shanxi's rate, Xi's plan, The's, China's and Zibo's"), Some("Zibo".into()));
        assert_eq!(possessive("the students' results; it's Zibo\u{2019}s year"), Some("Zibo".into()));
        assert_eq!(possessive("Hubin District's results"), None);
        // The region by its possessive alone, and a county in passing is not the story's own.
        let region = |t: &str| names(&scan(t)).region;
        assert_eq!(
            region("Zibo's high school graduates: 3,118 passed the tier-one line in 2022."),
            Some("Zibo".into())
        );
        assert_eq!(
            region("In 2022 Qiaoshan's candidates did well, and in rural Dongxi County 3,118 passed."),
            Some("Qiaoshan".into())
        );
        // A district's reference is its city, named, else 全市.
        let n = names(&scan("迎泽区2021年高考情况\n2021年迎泽区一本上线率为25.1%，高于太原市2.3个百分点。"));
        assert_eq!((n.region.as_deref(), n.reference.as_deref()), (Some("迎泽区"), Some("太原市")));
        let n = names(&scan("迎泽区2021年高考情况\n2021年迎泽区一本上线率为25.1%，高于全市2.3个百分点。"));
        assert_eq!((n.region.as_deref(), n.reference.as_deref()), (Some("迎泽区"), Some("全市")));
    }

    #[test]
    fn english_cities_named_where_their_figures_are() {
        let names = |text: &str| listed_places(text).into_iter().map(|p| p.1).collect::<Vec<_>>();
        assert_eq!(names("Qingdao topped the list at 51.8 percent"), ["Qingdao"]);
        assert_eq!(names("Lüliang and Xinzhou posted 10.6 and 11.2"), ["Lüliang", "Xinzhou"]);
        assert_eq!(names("Nanchang (21.0%) did best; Linyi, which fielded more, trailed"), ["Nanchang", "Linyi"]);
        assert_eq!(names("Handan slipped 0.4 points; Shijiazhuang, at 50.4 percent"), ["Handan", "Shijiazhuang"]);
        for not in [
            "Xi led with 1 percent",
            "McDonald posted 5 percent",
            "The posted 5 percent",
            "Shanxi posted 14.5 percent",
            "June posted 5 percent",
            "China posted 5 percent",
            "Handan slipped further",
            "Figures came from Taiyuan",
            "Nanchang (21 percent) did best",
            "Nanchang (%) did best",
            "Nanchang (see below) did best",
        ] {
            assert_eq!(names(not), Vec::<String>::new(), "{not}");
        }
    }

    #[test]
    fn english_marks_and_names() {
        let doc = scan("Datong results\nIn Datong city, 3,618 passed the tier-1 line, 0.5 points above the provincial rate; Shanxi province's growth rate.");
        let n = names(&doc);
        assert_eq!((n.region.as_deref(), n.reference.as_deref()), (Some("Datong"), Some("Shanxi")));
        let all = marks(&doc, &n, Span::new(0, doc.text.len()));
        let got: Vec<(&str, What)> = all.iter().map(|m| (m.span.of(doc.text), m.what)).collect();
        assert_eq!(
            got,
            vec![
                ("Datong", Region),
                ("Datong city", Region),
                ("passed", Pass),
                ("tier-1", ONE),
                ("above", Compare),
                ("above", Up),
                ("provincial", Reference),
                ("rate", Rate),
                ("Shanxi province", Reference),
            ]
        );
    }
}
