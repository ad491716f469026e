//! 中文：every sentence in Simplified Chinese.

use super::{quoted, CitiesTier, FigureName, Origin, PointKind, Spoken, Ui, ViewName, WarningText, Words};
use crate::cat;
use crate::error::{Conflict, CsvSyntax, Dup, ErrorKind, Got, JsonSyntax, Name, Path, Version2, Want};
use crate::model::Field;

pub struct Zh;

fn separator_name(c: char) -> &'static str {
    match c {
        '\t' => "以制表符",
        ';' => "以分号",
        '，' => "以全角逗号",
        _ => "以逗号",
    }
}

/// A space before a phrase that starts with Latin letters or digits, as Chinese typesetting
/// puts between the two scripts.
fn spaced(phrase: String) -> String {
    match phrase.chars().next() {
        Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '"' => cat!(" ", phrase),
        _ => phrase,
    }
}

fn want(w: &Want) -> String {
    match w {
        Want::Percent => "0 到 100 之间的百分数".into(),
        Want::Points => "-100 到 100 之间的百分点差值".into(),
        Want::Text => "非空的文字".into(),
        Want::WebAddress => "以 http:// 或 https:// 开头的网址".into(),
        Want::PlainText => {
            "不含控制字符的文字（制表符、换行符以外的控制字符和改变文字方向的字符都不能用，请删去或换成空格）".into()
        }
        Want::AtMostEntries(n) => cat!("全部地区、年份、批次合计不超过 ", crate::format::count(*n as u64), " 项"),
        Want::AtMostValues(n) => cat!(
            "不超过 ",
            crate::format::count(*n as u64),
            " 个数值和名称（限制之内的数据远少于此：全部地区、年份、批次合计不超过 ",
            crate::format::count(crate::load::MAX_ENTRIES as u64),
            " 项）"
        ),
        Want::TextUpTo(n) => cat!("不超过 ", n, " 个字符的文字"),
        Want::Count(min) => cat!("不小于 ", min, " 的整数人数"),
        Want::Year => "1900 到 2200 之间的年份".into(),
        Want::YearExample => "年份，例如 2019".into(),
        Want::Years => "非空的年份列表".into(),
        Want::Tiers => "非空的批次列表".into(),
        Want::YearsArray => "年份列表，每项包含 year 和 tiers".into(),
        Want::TiersArray => "批次列表，例如 [{\"tier\": \"一本线\", \"rate\": 15.5}]".into(),
        Want::YearObject => "包含 year 和 tiers 的对象".into(),
        Want::TierObject => "对象，例如 {\"tier\": \"一本线\", \"rate\": 15.5}".into(),
        Want::SourceObject => "对象，例如 {\"name\": \"…\", \"date\": \"2019-08-14\"}".into(),
        Want::RootObject => "包含 title、region 和 years 的 JSON 对象".into(),
        Want::Dataset => "数据对象、JSON 文本或 CSV 文本".into(),
        Want::FiniteNumber => "有限的数字".into(),
        Want::JsonValue => "JSON 能表示的值（文字、数字、true/false、数组或对象）".into(),
        Want::AtMostCandidates(c) => cat!("不超过参考人数 ", c),
        Want::AtMostTiers(n) => cat!("不超过 ", n, " 个批次"),
        Want::AtMostYears(n) => cat!("不超过 ", n, " 个年份"),
        Want::AtMostMegabytes(n) => cat!("不超过 ", n, " MB 的数据"),
        Want::FieldsLikeHeader { count, separator } => {
            cat!("与表头相同的 ", count, " 个字段（", separator_name(*separator), "分隔，与表头一致）")
        }
        Want::AtMostRegions(n) => cat!("不超过 ", n, " 个地区"),
        Want::Regions => "非空的地区列表，每项包含 region 和 years".into(),
        Want::RegionObject => "包含 region 和 years 的对象".into(),
        Want::QuotesObject => "引文对象，例如 {\"rate\": \"达线率为15.5%\"}".into(),
        Want::Name => "名称：文字，或 {\"zh-CN\": \"运城市\", \"en\": \"Yuncheng\"}".into(),
        Want::Encoding => "UTF-8 编码的文字（也可读 GB18030/GBK 和带 BOM 的 UTF-16）；请用“CSV UTF-8”格式另存".into(),
        Want::RegionOrReference { region, reference } => cat!("本地 ", region, " 或参照 ", reference),
        Want::RequiredColumn(c) => cat!("“", c, "”列（必需的列为 year、tier、area）"),
        Want::OnEveryRow(k) => cat!("每一行都填写 ", k),
        Want::RegionRow(r) => cat!("至少一行本地 ", r, " 的数据"),
        Want::FormatVersion(v) => cat!(v, "（本版本读取的数据格式版本）"),
        Want::CsvHeader => "CSV 表头，例如 year,tier,area,rate".into(),
        Want::DataRow => "表头之后至少一行数据".into(),
        Want::ColumnFor(c) => cat!("“", c, "”所对应的中文名称"),
        Want::TitleRow => "至少在一行中填写图表标题".into(),
        Want::ReferenceRate => "参照地区的达线率".into(),
        Want::RateOrCounts => "达线率，或同时给出 passed 与 candidates".into(),
    }
}

fn got(g: &Got) -> String {
    match g {
        Got::Text(s) => quoted(s),
        Got::QuotedNumber(s) => cat!(quoted(s), "（请直接写数字，不要加引号）"),
        Got::Percent(s) => cat!(quoted(s), "（请去掉 % 号，只写数字）"),
        Got::Number(n) => n.clone(),
        Got::Null => "null".into(),
        Got::Bool(b) => (if *b { "true" } else { "false" }).into(),
        Got::Array => "一个数组".into(),
        Got::EmptyArray => "空数组".into(),
        Got::Object => "一个对象".into(),
        Got::Js(what) => match *what {
            "bigint" => "BigInt 值".into(),
            "function" => "函数".into(),
            "symbol" => "Symbol 值".into(),
            other => other.to_string(),
        },
        Got::Characters(n) => cat!(n, " 个字符"),
        Got::Character { code, at } => {
            let kind = match super::char_kind(*code) {
                super::CharKind::Bidi => "改变文字显示方向的控制符，会让文字显示得与原文不同",
                super::CharKind::Break => "分行符，从文字处理软件复制时常会带入",
                super::CharKind::Control => "看不见的控制字符",
            };
            cat!("第 ", at, " 个字符是 ", super::code_point(*code), "（", kind, "）")
        }
        Got::MoreThan(n) => cat!("超过 ", crate::format::count(*n as u64), " 个"),
        Got::Entries(n) => cat!(crate::format::count(*n as u64), " 项"),
        Got::Tiers(n) => cat!(n, " 个批次"),
        Got::Years(n) => cat!(n, " 个年份"),
        Got::Fields(n) => cat!(n, " 个字段"),
        Got::Regions(n) => cat!(n, " 个地区"),
        Got::Bytes { at } => cat!("第 ", at + 1, " 个字节起无法识别的字节"),
        Got::Megabytes(s) => cat!(s, " MB"),
        Got::Count(n) => cat!(n),
    }
}

fn dup(d: &Dup) -> String {
    match d {
        Dup::Year(y) => cat!("年份 ", y),
        Dup::Region(r) => cat!("地区 \"", r, "\""),
        Dup::Tier { name, year } => cat!("批次 \"", name, "\"（", year, "年）"),
        Dup::Key(k) => cat!("字段 \"", k, "\""),
        Dup::Column(c) => cat!("列 \"", c, "\""),
        Dup::Row { year, tier, region } => cat!("数据行（", year, " ", tier, " ", region, "）"),
        Dup::ReferenceRow { year, tier } => cat!("参照行（", year, " ", tier, "）"),
    }
}

fn json(j: JsonSyntax) -> String {
    match j {
        JsonSyntax::End => "数据没写完就结束了（缺少右括号、右引号或某个值）".into(),
        JsonSyntax::Value => "此处应为一个值（数字、带双引号的文字、对象、数组、true、false 或 null）".into(),
        JsonSyntax::Key => "此处应为带双引号的字段名".into(),
        JsonSyntax::Colon => "字段名后应为冒号 :".into(),
        JsonSyntax::CommaOr(c) => cat!("此处应为逗号 , 或 ", c),
        JsonSyntax::TrailingComma => "右括号前多了一个逗号，请删去".into(),
        JsonSyntax::Number => "数字的写法 JSON 无法读取（应写成 0.5、15、-1.2 这样）".into(),
        JsonSyntax::Escape => "反斜杠后的转义写法无效".into(),
        JsonSyntax::Control => "文字里有换行或其他控制字符（换行请写成 \\n）".into(),
        JsonSyntax::Trailing => "数据结束后还有多余的文字".into(),
        JsonSyntax::Depth(n) => cat!("嵌套超过 ", n, " 层"),
    }
}

fn conflict(c: &Conflict) -> String {
    match c {
        Conflict::ImpliedRate { rate, implied, reference } => cat!(
            "按达线率 ",
            rate,
            "% 计算，这个差值意味着",
            if *reference { "参照地区" } else { "上一年" },
            "的达线率为 ",
            implied,
            "%，超出 0–100 的范围；请检查差值的正负号和达线率"
        ),
        Conflict::RegionOnly(key) => cat!("“", key, "”只能填在本地的数据行里；参照地区的行只填达线率"),
        Conflict::DatasetWide { key, here, first, first_at } => cat!(
            "“",
            key,
            "”在此处为 ",
            quoted(here),
            "，但在",
            Zh.path(first_at),
            "为 ",
            quoted(first),
            "；整份数据只有一个 ",
            key,
            "（第一行之后留空即可）"
        ),
        Conflict::ReferenceWithoutRegion { year, tier, region } => {
            cat!("有", year, "年", tier, "的参照达线率，但没有本地“", region, "”在该年份和批次的数据行")
        }
        Conflict::RegionIsReference(name) => {
            cat!("“", name, "”既是本地又是参照地区；参照地区（reference）应为另一个地区")
        }
        Conflict::EnglishName { name, here, first } => {
            cat!(
                "“",
                name,
                "”的英文名在此处为 ",
                quoted(here),
                "，前面为 ",
                quoted(first),
                "；一个名称只能有一个英文名"
            )
        }
        Conflict::NeedsVersion2(what) => cat!(
            "使用",
            match what {
                Version2::Regions => "多个地区（regions）",
                Version2::ReferenceYears => "参照地区的各年数据（reference_years）",
                Version2::Names => "两种语言的名称",
                Version2::Quotes => "原文引文（quotes）",
            },
            "需要数据格式第 2 版；请把 \"version\" 改为 2，或删去 \"version\""
        ),
        Conflict::RegionsAndRegion => {
            "数据中同时有 regions 和 region/years；多个地区写在 regions 中，单个地区用 region 和 years".into()
        }
    }
}

impl Words for Zh {
    fn view_label(&self, view: ViewName, reference: &str) -> String {
        match view {
            ViewName::Compare => cat!("对比", reference),
            ViewName::Change => "同比变化".into(),
            ViewName::Trend => "历年走势".into(),
            ViewName::Cities => "全省各市".into(),
        }
    }

    fn cities_subtitle(&self, year: i32, reference: &str) -> String {
        cat!(year, "年各市达线率，虚线为", reference)
    }

    fn other_regions(&self) -> &'static str {
        "其他城市"
    }

    fn rank(&self, rank: usize, tied: bool) -> String {
        if tied {
            cat!(rank, "=")
        } else {
            cat!(rank)
        }
    }

    fn rank_line(&self, rank: usize, tied: bool, of: usize) -> String {
        cat!(if tied { "并列第" } else { "排第" }, rank, "（共", of, "个）")
    }

    fn no_figure(&self) -> &'static str {
        "无数据"
    }

    fn column_vs_reference(&self, reference: &str) -> String {
        cat!("与", reference)
    }

    fn column_vs_previous(&self) -> &'static str {
        "比上年"
    }

    fn flat_cell(&self, _zero: String) -> String {
        "持平".into()
    }

    fn cities_tier(&self, t: &CitiesTier) -> String {
        let mut out = cat!(t.tier, "：", t.of, "个地区中有", t.above, "个高于", t.reference);
        if let Some(r) = t.reference_rate {
            out.push_str(&cat!("（", r, "）"));
        }
        if t.level > 0 {
            out.push_str(&cat!("，", t.level, "个与之持平"));
        }
        if let Some((name, rate, rank)) = t.highlight {
            out.push_str(&cat!("；", name, rate, "，", rank));
        }
        if let Some((name, by)) = t.rose_most {
            out.push_str(&cat!("；比上年提高最多的是", name, "（", by, "个百分点）"));
        }
        if let Some((name, by)) = t.fell_most {
            out.push_str(&cat!("；下降最多的是", name, "（", by, "个百分点）"));
        }
        out.push('。');
        out
    }

    fn cities_columns(&self, reference: &str) -> [String; 6] {
        ["地区".into(), "批次".into(), "排名".into(), "达线率".into(), cat!("与", reference, "相比"), "比上年".into()]
    }

    fn cities_caption(&self, title: &str, year: i32) -> String {
        let y = crate::format::int(year as i64);
        let when = if title.contains(&y) { String::new() } else { cat!("（", y, "年）") };
        cat!(title, when, "：各地区全部数字，按达线率排序，标注“推算”的由原文数字算出")
    }

    fn compare_subtitle(&self, year: i32, region: &str, reference: &str) -> String {
        cat!(year, "年各批次达线率：", region, "与", reference)
    }

    fn change_subtitle(&self, year: i32, region: &str) -> String {
        cat!(region, "各批次达线率：", year - 1, "年 → ", year, "年")
    }

    fn trend_subtitle(&self, first: i32, last: i32, region: &str, reference: &str) -> String {
        cat!(region, "与", reference, "各批次达线率，", first, "—", last, "年")
    }

    fn year(&self, year: i32) -> String {
        cat!(year, "年")
    }

    fn area_in_year(&self, area: &str, year: i32) -> String {
        cat!(area, " ", year, "年")
    }

    fn derived_bar_legend(&self) -> &'static str {
        "斜线 = 推算值（原文未直接公布）"
    }

    fn derived_dot_legend(&self) -> &'static str {
        "空心 = 推算值（原文未直接公布）"
    }

    fn counts_marker_legend(&self) -> &'static str {
        "虚线 = 按人数计算的达线率"
    }

    fn gap_legend(&self) -> &'static str {
        "阴影 = 两者之差"
    }

    fn source_line(&self, name: Option<&str>, date: Option<&str>) -> String {
        match (name, date) {
            (None, _) => "数据来源：未注明".into(),
            (Some(n), Some(d)) => cat!("数据来源：", n, "（", d, "）"),
            (Some(n), None) => cat!("数据来源：", n),
        }
    }

    fn points(&self, signed: Option<&str>) -> String {
        match signed {
            Some(s) => cat!(s, " 个百分点"),
            None => "持平".into(),
        }
    }

    fn points_short(&self, signed: Option<&str>) -> String {
        self.points(signed)
    }

    fn change_rates_head(&self) -> &'static str {
        "达线率（从0%起）"
    }

    fn change_points_head(&self) -> &'static str {
        "比上年（百分点）"
    }

    fn change_scale_note(&self) -> &'static str {
        "右栏的变化按百分点另用标尺绘制，以便看清小的升降；条形长短只表示变化大小，不表示达线率高低。"
    }

    fn level(&self) -> &'static str {
        "持平"
    }

    fn points_short_note(&self) -> &'static str {
        ""
    }

    fn points_unit_note(&self) -> &'static str {
        "差值单位：百分点"
    }

    fn percent_unit_note(&self) -> &'static str {
        "柱上数值单位：%"
    }

    fn page_note(&self, page: usize, pages: usize) -> String {
        cat!("第 ", page, "/", pages, " 页：图太长，分页画出；全部数值见数据表。")
    }

    fn continued(&self) -> &'static str {
        "（续）"
    }

    fn thinned(&self, every: usize) -> String {
        cat!("批次太多，此宽度下每", every, "个只画出1个，全部数值见数据表。")
    }

    fn too_many_bars(&self) -> &'static str {
        "柱子太多，数值见提示框和数据表。"
    }

    fn derived_mark_note(&self) -> &'static str {
        "（*推算）"
    }

    fn derived_suffix(&self) -> &'static str {
        "（推算）"
    }

    fn latest_gap(&self, year: i32, signed: Option<&str>, _abs: &str, reference: &str) -> String {
        match signed {
            Some(_) => cat!(year, "年与", reference, "相差 ", self.points(signed)),
            None => cat!(year, "年与", reference, "持平"),
        }
    }

    fn short_gap(&self, signed: &str) -> String {
        cat!("差距 ", signed)
    }

    fn no_previous_tier(&self, year: i32) -> String {
        cat!("无", year - 1, "年数据")
    }

    fn no_previous_year(&self, year: i32) -> String {
        cat!(
            "数据未提供",
            year - 1,
            "年的达线率，也未给出与上年的差值，因此无法显示同比变化。图中仅为",
            year,
            "年的数值。"
        )
    }

    fn more_notes(&self, n: usize) -> String {
        cat!("另有 ", crate::format::count(n as u64), " 条提示，见数据表。")
    }

    fn warning(&self, w: &WarningText) -> String {
        match *w {
            WarningText::Counts { year, tier, passed, candidates, computed, stated, apart } => cat!(
                year,
                "年",
                tier,
                "：按人数计算 ",
                passed,
                " ÷ ",
                candidates,
                " = ",
                computed,
                "，与公布的达线率 ",
                stated,
                " 不一致（相差 ",
                apart,
                " 个百分点），原文未说明哪个数字有误。"
            ),
            WarningText::Reference { year, tier, reference, stated, rate, gap, implied } => cat!(
                year,
                "年",
                tier,
                "：公布的",
                reference,
                "达线率为 ",
                stated,
                "，但按 ",
                rate,
                " 与差值 ",
                gap,
                " 推算应为 ",
                implied,
                "。"
            ),
            WarningText::Previous { year, tier, stated, rate, change, implied } => cat!(
                year,
                "年",
                tier,
                "：",
                year - 1,
                "年的达线率为 ",
                stated,
                "，但按 ",
                rate,
                " 与同比变化 ",
                change,
                " 推算应为 ",
                implied,
                "。"
            ),
            WarningText::References { year, tier, reference, a, b } => cat!(
                year,
                "年",
                tier,
                "：按",
                a.0,
                "的差值推算，",
                reference,
                "达线率为 ",
                a.1,
                "；按",
                b.0,
                "的差值推算则为 ",
                b.1,
                "，两者不一致，原文未说明哪个数字有误。"
            ),
        }
    }

    fn region_tier(&self, region: &str, tier: &str) -> String {
        cat!(region, tier)
    }

    fn quote(&self, quote: &str) -> String {
        cat!("原文：“", quote, "”")
    }

    fn stated_field(&self, field: Field, year: i32, tier: &str, reference: &str, value: &str) -> String {
        match field {
            Field::Rate => cat!(year, "年", tier, "达线率 ", value),
            Field::ReferenceRate => cat!(reference, "达线率 ", value),
            Field::VsReference => cat!("与", reference, "相比 ", value),
            Field::VsPreviousYear => cat!("比上年 ", value),
            Field::Passed => cat!("达线 ", value, " 人"),
            Field::Candidates => cat!("参考 ", value, " 人"),
        }
    }

    fn origin(&self, origin: Origin) -> &'static str {
        match origin {
            Origin::Stated => "原文公布",
            Origin::Derived => "推算",
            Origin::Contradicted => "有矛盾",
        }
    }

    fn contradicted(&self, markers: &str) -> String {
        cat!("原文公布，但与原文的其他数字矛盾（见", markers, "）")
    }

    fn aside(&self, origin: Origin, markers: &str) -> String {
        cat!("（", self.origin(origin), markers, "）")
    }

    fn derived(&self, formula: &str, from: &[String]) -> String {
        cat!("推算：", formula, "（由", from.join("、"), "推算）")
    }

    fn summary_lead(&self, _region: &str, _year: i32) -> String {
        String::new()
    }

    fn summary_tier(&self, region: &str, tier: &str, rate: &str, parts: &[String]) -> String {
        let mut out = cat!(region, tier, "达线率", rate);
        for p in parts {
            out.push('，');
            out.push_str(p);
        }
        out.push('。');
        out
    }

    fn gap_phrase(&self, signed: Option<&str>, abs: &str, reference: &str) -> String {
        match signed {
            None => cat!("与", reference, "持平"),
            Some(s) if s.starts_with('+') => cat!("高于", reference, abs, "个百分点"),
            Some(_) => cat!("低于", reference, abs, "个百分点"),
        }
    }

    fn change_phrase(&self, signed: Option<&str>, abs: &str) -> String {
        match signed {
            None => "与上年持平".into(),
            Some(s) if s.starts_with('+') => cat!("比上年提高", abs, "个百分点"),
            Some(_) => cat!("比上年下降", abs, "个百分点"),
        }
    }

    fn summary_notes(&self, notes: &[String]) -> String {
        if notes.is_empty() {
            String::new()
        } else {
            cat!("注意：", notes.join(" "))
        }
    }

    fn trend_tier(
        &self,
        region: &str,
        tier: &str,
        first: (i32, &str),
        last: (i32, &str),
        gap: Option<String>,
    ) -> String {
        let mut out = cat!(region, tier, "达线率", first.0, "年为", first.1, "，", last.0, "年为", last.1);
        if let Some(g) = gap {
            out.push_str(&cat!("，", last.0, "年", g));
        }
        out.push('。');
        out
    }

    fn table_columns(&self, region: &str, reference: &str, previous_year: i32) -> [String; 9] {
        [
            "批次".into(),
            cat!(region, "达线率"),
            cat!(reference, "达线率"),
            cat!("与", reference, "相比"),
            cat!(previous_year, "年达线率"),
            "比上年".into(),
            "达线人数".into(),
            "参考人数".into(),
            "按人数计算的达线率".into(),
        ]
    }

    fn csv_columns(&self) -> [&'static str; 12] {
        [
            "地区",
            "年份",
            "批次",
            "指标",
            "数值",
            "单位",
            "来源性质",
            "推算方法或原文",
            "提示",
            "数据来源",
            "发布日期",
            "链接",
        ]
    }

    fn figure_name(&self, figure: FigureName, reference: &str) -> String {
        match figure {
            FigureName::Candidates => "参考人数".into(),
            FigureName::Passed => "达线人数".into(),
            FigureName::Rate => "达线率".into(),
            FigureName::ReferenceRate => cat!(reference, "达线率"),
            FigureName::VsReference => cat!("与", reference, "相差"),
            FigureName::PreviousRate => "上年达线率".into(),
            FigureName::VsPrevious => "比上年变化".into(),
            FigureName::RateFromCounts => "按人数计算的达线率".into(),
        }
    }

    fn units(&self) -> [&'static str; 3] {
        ["%", "个百分点", "人"]
    }

    fn trend_columns(&self, region: &str, reference: &str) -> [String; 5] {
        ["批次".into(), "年份".into(), cat!(region, "达线率"), cat!(reference, "达线率"), cat!("与", reference, "相比")]
    }

    fn table_caption(&self, title: &str, year: i32) -> String {
        let y = crate::format::int(year as i64);
        let when = if title.contains(&y) { String::new() } else { cat!("（", y, "年）") };
        cat!(title, when, "：全部数字，标注“推算”的由原文数字算出")
    }

    fn trend_caption(&self, title: &str, first: i32, last: i32) -> String {
        cat!(title, "（", first, "—", last, "年）：历年全部数字，标注“推算”的由原文数字算出")
    }

    fn derivation(&self, row: &str, column: &str, value: &str, how: &str) -> String {
        cat!(row, " · ", column, " ", value, "：", how)
    }

    fn point_heading(&self, tier: &str, area: &str, kind: PointKind) -> String {
        match kind {
            PointKind::Year(y) => cat!(tier, " · ", area, " · ", self.year(y)),
            PointKind::FromCounts => cat!(tier, " · ", area, " · 按人数计算"),
            PointKind::Change(y) => cat!(tier, " · ", area, " · ", self.year(y), "比上年"),
        }
    }

    fn counts_line(&self, passed: &str, candidates: &str) -> String {
        cat!("达线 ", passed, " 人 / 参考 ", candidates, " 人")
    }

    fn vs_reference_line(&self, points: &str, reference: &str) -> String {
        cat!("与", reference, "相比 ", points)
    }

    fn vs_previous_line(&self, points: &str) -> String {
        cat!("比上年 ", points)
    }

    fn spoken(&self, p: &Spoken) -> String {
        let what = match p.kind {
            PointKind::Year(y) => self.year(y),
            PointKind::FromCounts => "按人数计算".into(),
            PointKind::Change(y) => cat!(self.year(y), "比上年"),
        };
        let mut out = cat!(p.tier, "，", p.area, "，", what, "：", p.value, "（", p.origin, "）");
        for d in p.details {
            out.push('，');
            out.push_str(d);
        }
        out.push('。');
        out
    }

    fn ui(&self) -> Ui {
        Ui {
            views: "图表视图",
            legend: "图例（点击可显示或隐藏）",
            chart: "交互图表",
            keys: "用左右方向键逐个查看数据点，Home、End 跳到首尾，Esc 关闭提示。",
            show_table: "查看数据",
            hide_table: "收起数据",
            download: "下载图片",
            derived: "推算",
            download_data: "下载数据（CSV）",
            previous_page: "上一页",
            next_page: "下一页",
        }
    }

    fn path(&self, path: &Path) -> String {
        match path {
            Path::Input => "（输入）".into(),
            Path::Root => "（整个数据）".into(),
            Path::Field(p) => p.clone(),
            Path::Text { line, column, name } => {
                let mut out = cat!("第 ", line, " 行");
                if let Some(c) = column {
                    out.push_str(&cat!("第 ", c, " 列"));
                }
                match name {
                    None => {}
                    Some(Name::Field(f)) => out.push_str(&cat!("（", f, "）")),
                    Some(Name::Header) => out.push_str("（表头）"),
                    Some(Name::Unknown(n)) => out.push_str(&cat!("（\"", n, "\"）")),
                }
                out
            }
            Path::Column(c) => cat!("\"", c, "\" 列"),
            Path::ColumnNo(n) => cat!("第 ", n, " 列"),
        }
    }

    fn error(&self, path: &Path, kind: &ErrorKind) -> String {
        let what = match kind {
            ErrorKind::Json(j) => cat!("不是有效的 JSON：", json(*j)),
            ErrorKind::Csv(CsvSyntax::QuoteInUnquoted) => {
                "未加引号的字段里出现了引号；请给整个字段加上引号，并把其中的引号写成两个（\"\"）".into()
            }
            ErrorKind::Csv(CsvSyntax::TextAfterQuote) => "右引号后面还有文字；请把整个字段放进引号里".into(),
            ErrorKind::Csv(CsvSyntax::UnclosedQuote) => "引号没有闭合（缺少 \"）".into(),
            ErrorKind::Expected { want: w, got: g } => cat!("应为", spaced(want(w)), "，实际为 ", got(g)),
            ErrorKind::Missing { want: w } => cat!("缺少此项，应为", spaced(want(w))),
            ErrorKind::UnknownField { allowed } => cat!("无法识别的字段，可用的字段为 ", allowed.join("、")),
            ErrorKind::Duplicate { what, first } => cat!("重复的", dup(what), "（首次出现在 ", self.path(first), "）"),
            ErrorKind::Conflict(c) => conflict(c),
        };
        cat!(self.path(path), "：", what)
    }
}

#[cfg(test)]
mod tests {
    /// Each separator a CSV header may use, named as the message about its rows says it.
    #[test]
    fn separators_by_name() {
        let names: Vec<&str> = ['\t', ';', '，', ','].iter().map(|c| super::separator_name(*c)).collect();
        assert_eq!(names, ["以制表符", "以分号", "以全角逗号", "以逗号"]);
    }
}
