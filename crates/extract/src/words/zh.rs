//! 中文：the extractor's sentences in Simplified Chinese.

use super::Words;
use crate::{Reason, Refusal, Tier};

pub struct Zh;

impl Words for Zh {
    fn tier_name(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::One => "一本线",
            Tier::Two => "二本线",
            Tier::Undergraduate => "本科线",
            Tier::Vocational => "专科线",
        }
    }

    fn whole_city(&self) -> &'static str {
        "全市"
    }

    fn whole_province(&self) -> &'static str {
        "全省"
    }

    fn extract_title(&self, region: &str, year: i32, undergraduate: bool) -> String {
        format!("{region}{year}年高考{}达线情况", if undergraduate { "本科" } else { "" })
    }

    fn ignored_reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::Date => "日期，不是达线数据".into(),
            Reason::Money => "金额，不是达线数据".into(),
            Reason::Schools => "学校的数量，不是达线数据".into(),
            Reason::Districts => "县（市、区）的数量，不是达线数据".into(),
            Reason::Score => "分数，不是达线率".into(),
            Reason::ScoreBand => "分数段人数，不是达线人数".into(),
            Reason::Rank => "名次，不是达线数据".into(),
            Reason::OtherCount => "其他事物的数量，不是考生人数".into(),
            Reason::Approximate => "约数（约、余、以上等），只采用确切的数字".into(),
            Reason::Range => "范围的一端，不是确切的数字".into(),
            Reason::NotWhole => "不是整数的人数".into(),
            Reason::Stream => "只是文科或理科一类考生的数字，数据按全体考生统计".into(),
            Reason::OtherArea => "说的是其他地区（县、学校、其他城市或全国），不是本地".into(),
            Reason::ReferenceFigure => "全省的人数或同比变化，数据格式中没有它的位置".into(),
            Reason::NotPassRate => "不是达线率（前后没有“达线率”“上线率”等字样）".into(),
            Reason::PercentChange => "用百分比表示的变化，分不清是相对变化还是百分点".into(),
            Reason::NoTier => "没有说明是哪个批次（一本、二本、本科……）".into(),
            Reason::NoComparison => "差值没有说明是与全省相比还是与去年相比".into(),
            Reason::NoDirection => "差值没有说明是高还是低".into(),
            Reason::OtherComparison => "与全省、上一年以外的对象相比".into(),
            Reason::Registered => "报名人数，不是实际参考人数".into(),
            Reason::ListMismatch => "“分别”列出的项目与数字个数对不上".into(),
            Reason::NoYear => "不知道属于哪一年".into(),
            Reason::Unclear => "无法判断这个数字指什么".into(),
            Reason::Again => "重复前文的数字，已采用前一处".into(),
            Reason::Contradicts { first } => format!("与前文的“{first}”不一致，已采用前一处"),
            Reason::Incomplete => "原文没有给出这一批次这一年的达线率或人数，无法作图".into(),
            Reason::YearWithoutFigures => "年份，原文没有这一年的达线数据".into(),
        }
    }

    fn refusal(&self, refusal: &Refusal) -> String {
        match refusal {
            Refusal::NoFigures => "没有找到任何批次的达线数据".into(),
            Refusal::Invalid(e) => {
                format!("找到的数字不能构成有效的数据：{}", e.message(passrate_chart::lang::Lang::Zh))
            }
        }
    }

    fn extract_summary(&self, used: usize, ignored: usize) -> String {
        format!("采用 {used} 个数字，未采用 {ignored} 个{}", if ignored > 0 { "：" } else { "。" })
    }

    fn ignored_sentence(&self, line: usize, sentence: &str) -> String {
        format!("第 {line} 行：{sentence}")
    }

    fn ignored_number(&self, number: &str, reason: &str) -> String {
        format!("  {number}：{reason}")
    }

    fn needs_year(&self) -> String {
        "原文没有写明年份（只说“今年”“去年”，也没有日期），数字都不知道属于哪一年；请用 --year YYYY 指出年份".into()
    }
}
