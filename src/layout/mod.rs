//! Layout's machinery: what every view ([`crate::views`]) lays out a [`Scene`] with — every
//! position on the chart in device pixels and the hit table in reading order, for a model, a
//! size and a device pixel ratio.
//!
//! The layout decides everything a reader sees: which bars, where, which labels, in which
//! words, which footnotes. The renderers (SVG and PNG natively, canvas in the browser) only
//! draw [`Mark`]s, which is why the static and the live chart agree and why hit-testing is a
//! lookup. Text widths are estimates ([`crate::text::width`]); the layout leaves room for the
//! difference to real fonts. Pure Rust: no drawing, no browser.
//!
//! The frame (header, footer, units), the legend, the scales, label helpers, marks, hits and
//! pages each have their own file; each view is a file of [`crate::views`].

pub(crate) mod frame;
mod hits;
pub(crate) mod labels;
mod legend;
mod marks;
pub(crate) mod pages;
pub(crate) mod scale;

pub use hits::{target, Hit, HitTable, Series};
pub(crate) use legend::item as legend_item;
pub use legend::{LegendItem, Swatch};
pub use marks::{hatch_lines, HAlign, Ink, Label, LabelStyle, Mark, Point, Rect, VAlign};
pub use scale::nice_scale;

use crate::lang::Lang;

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
    /// The name of the view it is a layout of ([`crate::views::View::name`]).
    pub view: &'static str,
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
    /// Indexes into [`Model::warnings`](crate::model::Model::warnings) of the warnings this chart shows; warning `i` is
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

/// `v` within `[lo, hi]`; `lo` wins when the range is empty. Unlike `f64::clamp` it never
/// panics, and it keeps the panic's float formatting (about 20 KB) out of the wasm.
pub(crate) fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.min(hi).max(lo)
}
