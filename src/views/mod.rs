//! The views a chart can show, each one file: its layout, its legend and subtitle, the
//! warnings it shows, the summary a screen reader hears and its data table, what each of its
//! points stands on. They are registered in one place, `View::def`, which the shell, the
//! command line and the tests read.
//!
//! Adding a view: a file here with its functions and a `pub(super) const VIEW: ViewDef`, its
//! sentences in [`crate::words`] (one method a sentence, in every language), a variant of
//! [`View`] and its line in `View::def` (README, "Adding a view").
//!
//! Above the layout's machinery and the phrases, below the page text ([`crate::describe`]).

mod change;
mod cities;
mod compare;
mod trend;

pub use cities::{ranking, Ranked};

use crate::lang::Lang;
use crate::layout::{
    clamp, Hit, LegendItem, Options, Scene, Series, Shown, MAX_DEVICE_HEIGHT, MAX_DEVICE_PIXELS, MAX_HEIGHT, MAX_WIDTH,
    MIN_WIDTH,
};
use crate::model::{Figure, Model, TierModel};
use crate::table::Table;
use crate::words::{words, Words};

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

/// What a view is made of: every function the rest of the crate asks a view for.
pub(crate) struct ViewDef {
    /// The name the page and the command line use (`view="compare"`).
    pub name: &'static str,
    /// Whether a model has what the view needs.
    pub supports: fn(&Model) -> bool,
    /// The tab's label, with the reference's name.
    pub label: fn(&dyn Words, &str) -> String,
    pub subtitle: fn(&Model, Lang) -> String,
    pub legend: fn(&Model, Lang) -> Vec<LegendItem>,
    /// The warnings the figures it shows carry, with these series shown.
    pub footnotes: fn(&Model, Shown) -> Vec<usize>,
    pub layout: fn(&Model, &Options) -> Scene,
    /// What a screen reader hears first.
    pub summary: fn(&Model, Lang) -> String,
    /// Every number it rests on.
    pub table: fn(&Model, Lang) -> Table,
    /// The tier a hit shows, and the figure it stands on.
    pub tier_in: for<'a> fn(&'a Model, &Hit) -> Option<&'a TierModel>,
    pub figure: for<'a> fn(&'a Model, &Hit) -> Option<&'a Figure>,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [View::Compare, View::Change, View::Trend, View::Cities];

    /// The registry: what each view is made of.
    pub(crate) fn def(self) -> &'static ViewDef {
        match self {
            View::Compare => &compare::VIEW,
            View::Change => &change::VIEW,
            View::Trend => &trend::VIEW,
            View::Cities => &cities::VIEW,
        }
    }

    pub fn parse(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    /// Whether `model` has what the view needs: the trend view three years or more, the
    /// cities view two regions or more.
    pub fn supports(self, model: &Model) -> bool {
        (self.def().supports)(model)
    }

    /// The views `model` supports, in tab order.
    pub fn all_for(model: &Model) -> Vec<View> {
        View::ALL.into_iter().filter(|v| v.supports(model)).collect()
    }

    /// Every view's name, for messages that list them: `compare, change, trend, cities`.
    pub fn names(separator: &str) -> String {
        View::ALL.map(View::name).join(separator)
    }
}

/// Lays out `view` of `model` in the box `opts`. A canvas larger than a browser holds stays
/// blank, so a scene past [`MAX_DEVICE_PIXELS`] or [`MAX_DEVICE_HEIGHT`] is laid out again at
/// a lower pixel ratio.
pub fn layout(model: &Model, view: View, opts: &Options) -> Scene {
    let opts = Options {
        width: if opts.width.is_finite() { clamp(opts.width, MIN_WIDTH, MAX_WIDTH) } else { 640.0 },
        height: if opts.height.is_finite() { clamp(opts.height, 0.0, MAX_HEIGHT) } else { 0.0 },
        dpr: if opts.dpr.is_finite() && opts.dpr > 0.0 { clamp(opts.dpr, 0.5, 4.0) } else { 1.0 },
        max_height: if opts.max_height.is_finite() { clamp(opts.max_height, 100.0, MAX_HEIGHT) } else { MAX_HEIGHT },
        ..*opts
    };
    let draw = view.def().layout;
    let scene = draw(model, &opts);
    let (css_w, css_h) = (scene.width as f64 / scene.dpr, scene.height as f64 / scene.dpr);
    let fit = (MAX_DEVICE_PIXELS / (css_w * css_h).max(1.0)).sqrt().min(MAX_DEVICE_HEIGHT / css_h.max(1.0));
    if fit < opts.dpr {
        let dpr = (fit * 100.0).floor() / 100.0;
        return draw(model, &Options { dpr: dpr.max(0.25), ..opts });
    }
    scene
}

/// The warnings `view` shows with `shown` series (indexes into [`Model::warnings`]): the
/// same as [`Scene::footnotes`] at any size, without laying out.
pub fn footnotes(model: &Model, view: View, shown: Shown) -> Vec<usize> {
    (view.def().footnotes)(model, shown)
}

/// The legend of `view`.
pub fn legend(model: &Model, view: View, lang: Lang) -> Vec<LegendItem> {
    (view.def().legend)(model, lang)
}

/// The subtitle of `view`.
pub fn subtitle(model: &Model, view: View, lang: Lang) -> String {
    (view.def().subtitle)(model, lang)
}

/// The tab label of `view`.
pub fn label(model: &Model, view: View, lang: Lang) -> String {
    (view.def().label)(words(lang), &model.reference)
}

/// The figure behind a hit of a `view` scene: `hit.tier` indexes the latest year's tiers and
/// `hit.year` says which year's figure (the trend view shows every year, the change view last
/// year's); in the cities view `hit.tier` indexes [`Model::latest_tiers`], `hit.region` says
/// whose bar it is, and the reference's point is its line.
pub fn figure<'a>(model: &'a Model, view: View, hit: &Hit) -> Option<&'a Figure> {
    (view.def().figure)(model, hit)
}

/// The tier a hit of a `view` scene shows ([`figure`] says which figure of it).
pub fn tier_in<'a>(model: &'a Model, view: View, hit: &Hit) -> Option<&'a TierModel> {
    (view.def().tier_in)(model, hit)
}

/// The tier a hit shows in a view of the shown region's tiers: that of the hit's year (the
/// trend view's points belong to every year), or the latest year's for last year's dot (its
/// figure is the latest tier's `previous_rate`).
fn region_tier<'a>(model: &'a Model, hit: &Hit) -> Option<&'a TierModel> {
    let current = model.current().tiers.get(hit.tier)?;
    if hit.series == Series::Previous || hit.year == model.current().year {
        return Some(current);
    }
    model.years().iter().find(|y| y.year == hit.year)?.tiers.iter().find(|t| t.key == current.key)
}

/// The figure a hit stands on in a view of the shown region's tiers.
fn region_figure<'a>(model: &'a Model, hit: &Hit) -> Option<&'a Figure> {
    let t = region_tier(model, hit)?;
    match hit.series {
        Series::Region => Some(&t.rate),
        Series::Reference => t.reference_rate.as_ref(),
        Series::Previous => model.current().tiers.get(hit.tier)?.previous_rate.as_ref(),
        Series::FromCounts => t.rate_from_counts.as_ref(),
        Series::Change => t.vs_previous.as_ref(),
    }
}

/// The summary of a view of the shown region's latest year (compare, change): one sentence a
/// tier ("运城市一本线达线率15.5%，高于山西省0.7个百分点，比上年提高0.4个百分点。"), then the warnings
/// of that year.
fn latest_year_summary(model: &Model, lang: Lang) -> String {
    use crate::format::percent;
    use crate::phrase::{change_phrase, gap_phrase};
    let w = words(lang);
    let year = model.current();
    let region = &model.region().name;
    let mut out = w.summary_lead(region, year.year);
    for t in &year.tiers {
        let mut parts = Vec::new();
        if let Some(d) = &t.vs_reference {
            parts.push(gap_phrase(d, &model.reference, lang));
        }
        if let Some(d) = &t.vs_previous {
            parts.push(change_phrase(d, lang));
        }
        out.push_str(&w.summary_tier(region, &t.name, &percent(t.rate.value, t.rate.decimals), &parts));
    }
    out.push_str(&warnings_of(model, lang, |y| y == year.year));
    out.trim_end().to_string()
}

/// The summary's closing sentence on the warnings of the years `shown` accepts.
fn warnings_of(model: &Model, lang: Lang, shown: impl Fn(i32) -> bool) -> String {
    let notes: Vec<String> = (0..model.warnings.len())
        .filter(|&i| shown(model.warnings[i].year))
        .map(|i| crate::phrase::warning(model, i, lang))
        .collect();
    words(lang).summary_notes(&notes)
}

/// The table of a view of the shown region's latest year (compare, change): one row a tier.
fn latest_year_table(model: &Model, lang: Lang) -> Table {
    use crate::table::{count_cell, figure_cell, text_cell, CellAs};
    let w = words(lang);
    let year = model.current();
    let (r, f) = (&model.region().name, &model.reference);
    let rows = year
        .tiers
        .iter()
        .map(|t| {
            vec![
                text_cell(t.name.clone()),
                figure_cell(Some(&t.rate), model, lang, CellAs::Rate),
                figure_cell(t.reference_rate.as_ref(), model, lang, CellAs::Rate),
                figure_cell(t.vs_reference.as_ref(), model, lang, CellAs::VsReference),
                figure_cell(t.previous_rate.as_ref(), model, lang, CellAs::Rate),
                figure_cell(t.vs_previous.as_ref(), model, lang, CellAs::VsPrevious),
                count_cell(t.passed, t.passed_quote.as_deref()),
                count_cell(t.candidates, t.candidates_quote.as_deref()),
                figure_cell(t.rate_from_counts.as_ref(), model, lang, CellAs::Rate),
            ]
        })
        .collect();
    let caption = w.table_caption(&model.title, year.year);
    crate::table::finish(model, lang, caption, w.table_columns(r, f, year.year - 1).to_vec(), 1, rows)
}
