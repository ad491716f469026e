//! English: the extractor's sentences.

use super::Words;
use crate::{Reason, Refusal, Tier};

pub struct En;

impl Words for En {
    fn tier_name(&self, tier: Tier) -> &'static str {
        match tier {
            Tier::One => "Tier 1",
            Tier::Two => "Tier 2",
            Tier::Undergraduate => "Undergraduate",
            Tier::Vocational => "Vocational",
        }
    }

    fn whole_city(&self) -> &'static str {
        "the city"
    }

    fn whole_province(&self) -> &'static str {
        "the province"
    }

    fn extract_title(&self, region: &str, year: i32, undergraduate: bool) -> String {
        format!("{region}: {year} gaokao {}pass rates", if undergraduate { "undergraduate " } else { "" })
    }

    fn ignored_reason(&self, reason: &Reason) -> String {
        match reason {
            Reason::Date => "a date, not a pass figure".into(),
            Reason::Money => "an amount of money, not a pass figure".into(),
            Reason::Schools => "a number of schools, not a pass figure".into(),
            Reason::Districts => "a number of counties or districts, not a pass figure".into(),
            Reason::Score => "a score, not a pass rate".into(),
            Reason::ScoreBand => "how many reached a score, not a pass line".into(),
            Reason::Rank => "a rank, not a pass figure".into(),
            Reason::OtherCount => "a count of something other than candidates".into(),
            Reason::Approximate => "an approximate number (about, more than …); only exact figures are taken".into(),
            Reason::Range => "one end of a range, not a figure".into(),
            Reason::NotWhole => "not a whole number of people".into(),
            Reason::Stream => "one stream only (arts or science); the data counts all candidates together".into(),
            Reason::OtherArea => "about another area (a county, a school, another city, the country)".into(),
            Reason::ReferenceFigure => {
                "the province's counts or change on last year, which the format has no place for".into()
            }
            Reason::NotPassRate => "not a pass rate (no word for a pass rate near it)".into(),
            Reason::PercentChange => "a change in per cent, which could be relative or in points".into(),
            Reason::NoTier => "no tier (tier 1, tier 2, undergraduate …) is named for it".into(),
            Reason::NoComparison => {
                "a difference that does not say whether it is from the province or from last year".into()
            }
            Reason::NoDirection => "a difference that does not say whether it is higher or lower".into(),
            Reason::OtherComparison => "compared with something other than the province or the year before".into(),
            Reason::Registered => "registered candidates, not those who sat".into(),
            Reason::ListMismatch => "a list (respectively) whose items and numbers do not pair up".into(),
            Reason::NoYear => "no year is known for it".into(),
            Reason::Unclear => "what this number is cannot be told".into(),
            Reason::Again => "stated again; the first statement is taken".into(),
            Reason::Contradicts { first } => format!("differs from “{first}” stated before; the first is taken"),
            Reason::Incomplete => {
                "the report gives no rate or counts for this tier and year, so it cannot be charted".into()
            }
            Reason::YearWithoutFigures => "a year the report gives no pass figures for".into(),
        }
    }

    fn refusal(&self, refusal: &Refusal) -> String {
        match refusal {
            Refusal::NoFigures => "no pass figures for any tier were found".into(),
            Refusal::Invalid(e) => {
                format!("the figures found do not make a valid dataset: {}", e.message(passrate_chart::lang::Lang::En))
            }
        }
    }

    fn extract_summary(&self, used: usize, ignored: usize) -> String {
        format!("{used} numbers taken, {ignored} left out{}", if ignored > 0 { ":" } else { "." })
    }

    fn ignored_sentence(&self, line: usize, sentence: &str) -> String {
        format!("line {line}: {sentence}")
    }

    fn ignored_number(&self, number: &str, reason: &str) -> String {
        format!("  {number}: {reason}")
    }

    fn needs_year(&self) -> String {
        "the text never states its year (only \"this year\", \"last year\", and no date), so no figure has a year; give it with --year YYYY".into()
    }
}
