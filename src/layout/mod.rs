//! Layout: a [`Model`] + a view + a size + a device pixel ratio → a [`Scene`]: every position
//! on the chart in device pixels, the hit table in reading order, and the text the page shows
//! around the canvas.
//!
//! The layout decides everything a reader sees: which bars, where, which labels, in which
//! words, which footnotes. The renderers (SVG and PNG natively, canvas in the browser) only
//! draw [`Mark`]s, which is why the static and the live chart agree and why hit-testing is a
//! lookup. Text widths are estimates ([`crate::text::width`]); the layout leaves room for the
//! difference to real fonts. Pure Rust: no drawing, no browser.
//!
//! One file per view (`compare.rs`, `change.rs`, `trend.rs`); the frame (header, footer,
//! units), the legend, the scales, label helpers, marks and hits each have their own.

mod change;
mod cities;
mod compare;
mod frame;
mod hits;
mod labels;
mod legend;
mod marks;
mod pages;
mod scale;
mod trend;

pub use crate::view::View;

pub use cities::{ranking, Ranked};
pub use hits::{target, Hit, HitTable, Series};
pub use legend::{items as legend, LegendItem, Swatch};
pub use marks::{hatch_lines, HAlign, Ink, Label, LabelStyle, Mark, Point, Rect, VAlign};
pub use scale::nice_scale;

use crate::lang::Lang;
use crate::model::{Figure, Model, TierModel};

/// The box the chart is laid out in, and what the scene carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// CSS pixels.
    pub width: f64,
    /// CSS pixels; the layout grows taller when its content needs it.
    pub height: f64,
    /// Device pixels per CSS pixel (window.devicePixelRatio).
    pub dpr: f64,
    pub lang: Lang,
    /// Draw the title, legend, footnotes and source line in the image. A live widget that
    /// shows them in the DOM turns this off; static images (SVG, PNG) keep it on.
    pub furniture: bool,
    /// Which series are drawn (legend toggles).
    pub shown: Shown,
    /// CSS pixels: the most a view that grows with its rows (cities, trend) may take before it
    /// is paged; never more than [`MAX_HEIGHT`].
    pub max_height: f64,
    /// Which page of a paged view, from 0 (past the last, the last).
    pub page: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            width: 640.0,
            height: 420.0,
            dpr: 1.0,
            lang: Lang::Zh,
            furniture: true,
            shown: Shown::default(),
            max_height: MAX_HEIGHT,
            page: 0,
        }
    }
}

/// Which series a chart draws. The compare view can hide the region or the reference; the
/// change view can hide last year or the reference (the region's current year is its subject).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub region: bool,
    pub reference: bool,
    pub previous: bool,
}

impl Default for Shown {
    fn default() -> Self {
        Shown { region: true, reference: true, previous: true }
    }
}

impl Shown {
    pub fn series(&self, s: Series) -> bool {
        match s {
            Series::Region | Series::FromCounts => self.region,
            Series::Reference => self.reference,
            Series::Previous => self.previous,
            Series::Change => true,
        }
    }
}

/// The narrowest and widest CSS widths laid out; outside them the chart is clamped.
pub const MIN_WIDTH: f64 = 240.0;
pub const MAX_WIDTH: f64 = 4000.0;

/// The tallest a chart is drawn, CSS px: a view that would be taller (the cities of a
/// province, many tiers over many years) is paged ([`Scene::pages`]).
pub const MAX_HEIGHT: f64 = 4000.0;

/// The most device pixels a scene has: 4096 × 4096, what every browser's canvas holds (iOS
/// Safari's is the smallest); a larger chart is drawn at a lower device pixel ratio.
pub const MAX_DEVICE_PIXELS: f64 = 16_777_216.0;

/// The tallest a scene is in device pixels, whatever its area.
pub const MAX_DEVICE_HEIGHT: f64 = 16_384.0;

/// Everything one frame of one view needs: what to draw, what can be hovered, and the words.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub view: View,
    /// Device pixels.
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    /// The data area (bars or rows), device pixels.
    pub plot: Rect,
    pub marks: Vec<Mark>,
    /// The data points in reading order: the keyboard's order, and the order of the points'
    /// words ([`crate::describe::points`]).
    pub hits: HitTable,
    /// Indexes into [`Model::warnings`] of the warnings this chart shows; warning `i` is
    /// marked `text::marker(i + 1)` everywhere.
    pub footnotes: Vec<usize>,
    /// What the canvas says about how it is drawn (one group in three drawn, a unit left off
    /// the labels, the change's own scale, which page), in the order drawn under the chart: a
    /// page that shows the canvas gives screen readers these too.
    pub notes: Vec<String>,
    /// How many pages the view has at this size, and which one this is (from 0).
    pub pages: usize,
    pub page: usize,
}

/// Lays out `view` of `model` in the box `opts`.
/// `v` within `[lo, hi]`; `lo` wins when the range is empty. Unlike `f64::clamp` it never
/// panics, and it keeps the panic's float formatting (about 20 KB) out of the wasm.
pub(crate) fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.min(hi).max(lo)
}

pub fn layout(model: &Model, view: View, opts: &Options) -> Scene {
    let opts = Options {
        width: if opts.width.is_finite() { clamp(opts.width, MIN_WIDTH, MAX_WIDTH) } else { 640.0 },
        height: if opts.height.is_finite() { clamp(opts.height, 0.0, MAX_HEIGHT) } else { 0.0 },
        dpr: if opts.dpr.is_finite() && opts.dpr > 0.0 { clamp(opts.dpr, 0.5, 4.0) } else { 1.0 },
        max_height: if opts.max_height.is_finite() { clamp(opts.max_height, 100.0, MAX_HEIGHT) } else { MAX_HEIGHT },
        ..*opts
    };
    let scene = view_layout(model, view, &opts);
    // A canvas larger than a browser holds stays blank: draw it at a lower pixel ratio.
    let (css_w, css_h) = (scene.width as f64 / scene.dpr, scene.height as f64 / scene.dpr);
    let fit = (MAX_DEVICE_PIXELS / (css_w * css_h).max(1.0)).sqrt().min(MAX_DEVICE_HEIGHT / css_h.max(1.0));
    if fit < opts.dpr {
        let dpr = (fit * 100.0).floor() / 100.0;
        return view_layout(model, view, &Options { dpr: dpr.max(0.25), ..opts });
    }
    scene
}

fn view_layout(model: &Model, view: View, opts: &Options) -> Scene {
    match view {
        View::Compare => compare::compare(model, opts),
        View::Change => change::change(model, opts),
        View::Trend => trend::trend(model, opts),
        View::Cities => cities::cities(model, opts),
    }
}

/// The warnings `view` shows with `shown` series (indexes into [`Model::warnings`]): the
/// same as [`Scene::footnotes`] at any size, without laying out.
pub fn footnotes(model: &Model, view: View, shown: Shown) -> Vec<usize> {
    match view {
        View::Compare => compare::footnotes(model, shown),
        View::Change => change::footnotes(model, shown),
        View::Trend => trend::footnotes(model, shown),
        View::Cities => cities::footnotes(model),
    }
}

/// The figure behind a hit of a `view` scene: `hit.tier` indexes the latest year's tiers and
/// `hit.year` says which year's figure (the trend view shows every year, the change view last
/// year's); in the cities view `hit.tier` indexes [`Model::latest_tiers`], `hit.region` says
/// whose bar it is, and the reference's point is its line.
pub fn figure<'a>(model: &'a Model, view: View, hit: &Hit) -> Option<&'a Figure> {
    if view == View::Cities {
        let key = &model.latest_tiers().get(hit.tier)?.key;
        return match hit.region {
            Some(r) => Some(&model.tier_of(r, hit.year, key)?.rate),
            None => model.reference_rate(hit.year, key),
        };
    }
    let t = tier_in(model, view, hit)?;
    match hit.series {
        Series::Region => Some(&t.rate),
        Series::Reference => t.reference_rate.as_ref(),
        Series::Previous => model.current().tiers.get(hit.tier)?.previous_rate.as_ref(),
        Series::FromCounts => t.rate_from_counts.as_ref(),
        Series::Change => t.vs_previous.as_ref(),
    }
}

/// The tier a hit of a `view` scene shows: that of the hit's year (the trend view's points
/// belong to every year), or the latest year's for last year's dot (its figure is the latest
/// tier's `previous_rate`); in the cities view, the hit's region's (none for the reference's
/// line).
pub fn tier_in<'a>(model: &'a Model, view: View, hit: &Hit) -> Option<&'a TierModel> {
    if view == View::Cities {
        let key = &model.latest_tiers().get(hit.tier)?.key;
        return model.tier_of(hit.region?, hit.year, key);
    }
    let current = model.current().tiers.get(hit.tier)?;
    if hit.series == Series::Previous || hit.year == model.current().year {
        return Some(current);
    }
    model.years().iter().find(|y| y.year == hit.year)?.tiers.iter().find(|t| t.key == current.key)
}
