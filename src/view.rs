//! The views a chart can show, and what each needs of the data. Below the layout and the
//! words about a view, so both can name one.

use crate::model::Model;

/// Which chart to lay out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// 对比全省: per tier, the region against the reference, current year.
    #[default]
    Compare,
    /// 同比变化: per tier, the region's previous year → current year.
    Change,
    /// 历年走势: per tier, the region's and the reference's rates over the years.
    Trend,
    /// 全省各市: per tier, every region of the data ranked, against the reference's rate.
    Cities,
}

impl View {
    pub fn parse(name: &str) -> Option<View> {
        match name {
            "compare" => Some(View::Compare),
            "change" => Some(View::Change),
            "trend" => Some(View::Trend),
            "cities" => Some(View::Cities),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Change => "change",
            View::Trend => "trend",
            View::Cities => "cities",
        }
    }

    /// Whether `model` has what the view needs: the trend view three years or more, the
    /// cities view two regions or more.
    pub fn supports(self, model: &Model) -> bool {
        match self {
            View::Trend => model.years().len() >= 3,
            View::Cities => model.regions.len() >= 2,
            _ => true,
        }
    }

    /// The views `model` supports, in tab order.
    pub fn all_for(model: &Model) -> Vec<View> {
        [View::Compare, View::Change, View::Trend, View::Cities].into_iter().filter(|v| v.supports(model)).collect()
    }
}
