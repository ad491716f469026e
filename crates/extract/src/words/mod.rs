//! The extractor's sentences, one module per language: the names it writes into a dataset,
//! why a number was left out, why no dataset came out, and what the command line prints.
//!
//! [`Words`] has one method per sentence and no default bodies, so a sentence added in one
//! language and not the other does not compile.
//!
//! ```
//! use passrate_chart_extract::words::{words, Lang};
//! use passrate_chart_extract::Tier;
//! assert_eq!(words(Lang::Zh).tier_name(Tier::One), "一本线");
//! assert_eq!(words(Lang::En).tier_name(Tier::One), "Tier 1");
//! ```

mod en;
mod zh;

use super::{Reason, Refusal, Tier};

pub use passrate_chart::lang::Lang;

/// The extractor's sentences in `lang`.
pub fn words(lang: Lang) -> &'static dyn Words {
    match lang {
        Lang::Zh => &zh::Zh,
        Lang::En => &en::En,
    }
}

/// Every sentence the extractor writes.
pub trait Words {
    /// A tier's name in a dataset the extractor writes: "一本线" / "Tier 1".
    fn tier_name(&self, tier: Tier) -> &'static str;
    /// The region, when a report does not name it: "全市" / "the city".
    fn whole_city(&self) -> &'static str;
    /// The reference, when a report does not name it: "全省" / "the province".
    fn whole_province(&self) -> &'static str;
    /// A chart's title from what a report says: "运城市2019年高考本科达线情况".
    fn extract_title(&self, region: &str, year: i32, undergraduate: bool) -> String;
    /// Why a number of a report was not taken.
    fn ignored_reason(&self, reason: &Reason) -> String;
    /// Why no dataset came out of a report.
    fn refusal(&self, refusal: &Refusal) -> String;
    /// Above the list of numbers not taken: "采用 9 个数字，未采用 5 个：".
    fn extract_summary(&self, used: usize, ignored: usize) -> String;
    /// A sentence with numbers not taken, and its line: "第 3 行：……".
    fn ignored_sentence(&self, line: usize, sentence: &str) -> String;
    /// A number not taken, and why (the reason already written).
    fn ignored_number(&self, number: &str, reason: &str) -> String;
    /// The text never states its year: what is missing, and how to give it.
    fn needs_year(&self) -> String;
}
