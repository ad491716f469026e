//! Layout: a [`Model`] + a size + a device pixel ratio → every position on the chart, in
//! device pixels, and a hit-test table.
//!
//! The layout decides everything a reader sees: which bars, where, which labels, in which
//! words, which footnotes. The renderers (SVG natively, canvas in the browser) only draw
//! [`Mark`]s, which is why the static and the live chart agree and why hit-testing can be a
//! lookup. Text widths are estimates ([`crate::text::width`]); the layout leaves room for
//! the difference to real fonts. Pure Rust: no drawing, no browser.

use crate::format::{percent, points, signed, Lang};
use crate::model::{Figure, Model, TierModel};
use crate::text;

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
}

impl View {
    pub fn parse(name: &str) -> Option<View> {
        match name {
            "compare" => Some(View::Compare),
            "change" => Some(View::Change),
            "trend" => Some(View::Trend),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            View::Compare => "compare",
            View::Change => "change",
            View::Trend => "trend",
        }
    }

    /// Whether `model` has what the view needs: the trend view wants three years or more.
    pub fn supports(self, model: &Model) -> bool {
        match self {
            View::Trend => model.years.len() >= 3,
            _ => true,
        }
    }

    /// The views `model` supports, in tab order.
    pub fn all_for(model: &Model) -> Vec<View> {
        [View::Compare, View::Change, View::Trend].into_iter().filter(|v| v.supports(model)).collect()
    }
}

mod trend;

/// The box the chart is laid out in.
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
}

impl Default for Options {
    fn default() -> Self {
        Options { width: 640.0, height: 420.0, dpr: 1.0, lang: Lang::Zh, furniture: true, shown: Shown::default() }
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

/// The narrowest and widest CSS widths laid out; outside them the chart is clamped.
pub const MIN_WIDTH: f64 = 240.0;
pub const MAX_WIDTH: f64 = 4000.0;

pub type Point = (i32, i32);

/// A rectangle in device pixels, `x0 <= x1`, `y0 <= y1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect {
            x0: x0.min(x1).round() as i32,
            y0: y0.min(y1).round() as i32,
            x1: x0.max(x1).round() as i32,
            y1: y0.max(y1).round() as i32,
        }
    }

    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 as f64 && x <= self.x1 as f64 && y >= self.y0 as f64 && y <= self.y1 as f64
    }

    pub fn center(&self) -> Point {
        ((self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2)
    }

    /// Distance from a point to the rectangle (0 inside).
    pub fn distance(&self, x: f64, y: f64) -> f64 {
        let dx = (self.x0 as f64 - x).max(x - self.x1 as f64).max(0.0);
        let dy = (self.y0 as f64 - y).max(y - self.y1 as f64).max(0.0);
        (dx * dx + dy * dy).sqrt()
    }
}

/// A colour role; the theme gives it a colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ink {
    Background,
    Text,
    Muted,
    Grid,
    Axis,
    Region,
    RegionTint,
    Reference,
    ReferenceTint,
    Previous,
    Warning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HAlign {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VAlign {
    Top,
    Middle,
    Bottom,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub pos: Point,
    pub text: String,
    /// Font size in device pixels.
    pub size: f64,
    pub bold: bool,
    pub ink: Ink,
    pub h: HAlign,
    pub v: VAlign,
}

/// One thing to draw. Sizes and widths are in device pixels.
#[derive(Debug, Clone, PartialEq)]
pub enum Mark {
    Fill {
        rect: Rect,
        ink: Ink,
    },
    Outline {
        rect: Rect,
        ink: Ink,
        width: u32,
    },
    Line {
        from: Point,
        to: Point,
        ink: Ink,
        width: u32,
    },
    /// A filled disc, or a ring on the background when `hollow`.
    Dot {
        center: Point,
        radius: u32,
        ink: Ink,
        hollow: bool,
        width: u32,
    },
    Polygon {
        points: Vec<Point>,
        ink: Ink,
    },
    Text(Label),
}

/// Which series a hit belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// The region's rate in the shown year.
    Region,
    /// The reference area's rate in the shown year.
    Reference,
    /// The region's rate the year before.
    Previous,
    /// passed ÷ candidates, drawn where it disagrees with the stated rate.
    FromCounts,
}

/// A hoverable data point: where it is and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub rect: Rect,
    pub year: i32,
    /// Index into the year's tiers.
    pub tier: usize,
    pub series: Series,
}

/// Data points by position, in drawing order; the first that contains a point wins.
///
/// A uniform grid of buckets over the chart lists the points overlapping each cell, so a
/// lookup reads one or a few buckets instead of every point: hovering costs the same on a
/// chart of 2 bars as of 300, and stays small at 10⁵.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HitTable {
    pub hits: Vec<Hit>,
    cell: f64,
    cols: usize,
    rows: usize,
    buckets: Vec<Vec<u32>>,
}

impl HitTable {
    /// Indexes `hits` (in drawing order).
    pub fn new(hits: Vec<Hit>) -> HitTable {
        let max_x = hits.iter().map(|h| h.rect.x1).max().unwrap_or(0).max(1) as f64;
        let max_y = hits.iter().map(|h| h.rect.y1).max().unwrap_or(0).max(1) as f64;
        // Cells of 32 px, fewer and larger when the chart is huge (at most 4,096 cells).
        let mut cell = 32.0;
        while (max_x / cell).ceil() * (max_y / cell).ceil() > 4096.0 {
            cell *= 2.0;
        }
        let cols = (max_x / cell).ceil() as usize + 1;
        let rows = (max_y / cell).ceil() as usize + 1;
        let mut buckets = vec![Vec::new(); cols * rows];
        for (i, h) in hits.iter().enumerate() {
            let (c0, r0) = Self::cell_of(cell, cols, rows, h.rect.x0 as f64, h.rect.y0 as f64);
            let (c1, r1) = Self::cell_of(cell, cols, rows, h.rect.x1 as f64, h.rect.y1 as f64);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    buckets[r * cols + c].push(i as u32);
                }
            }
        }
        HitTable { hits, cell, cols, rows, buckets }
    }

    fn cell_of(cell: f64, cols: usize, rows: usize, x: f64, y: f64) -> (usize, usize) {
        let c = (x.max(0.0) / cell) as usize;
        let r = (y.max(0.0) / cell) as usize;
        (c.min(cols.saturating_sub(1)), r.min(rows.saturating_sub(1)))
    }

    /// The data point under (x, y) in device pixels, or the nearest one within `slop`.
    pub fn at(&self, x: f64, y: f64, slop: f64) -> Option<&Hit> {
        if self.hits.is_empty() || !x.is_finite() || !y.is_finite() {
            return None;
        }
        let (c0, r0) = Self::cell_of(self.cell, self.cols, self.rows, x - slop, y - slop);
        let (c1, r1) = Self::cell_of(self.cell, self.cols, self.rows, x + slop, y + slop);
        let mut inside: Option<u32> = None;
        let mut nearest: Option<(f64, u32)> = None;
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &i in &self.buckets[r * self.cols + c] {
                    let rect = self.hits[i as usize].rect;
                    if rect.contains(x, y) {
                        inside = Some(inside.map_or(i, |j| j.min(i)));
                    } else {
                        let d = rect.distance(x, y);
                        if d <= slop && nearest.is_none_or(|(nd, ni)| d < nd || (d == nd && i < ni)) {
                            nearest = Some((d, i));
                        }
                    }
                }
            }
        }
        inside.or(nearest.map(|(_, i)| i)).map(|i| &self.hits[i as usize])
    }
}

/// Everything needed to draw one chart at one size.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub view: View,
    /// Device pixels.
    pub width: u32,
    pub height: u32,
    pub dpr: f64,
    /// The data area (bars or rows), device pixels.
    pub plot: Rect,
    pub marks: Vec<Mark>,
    pub hits: HitTable,
    /// Indexes into [`Model::warnings`] of the warnings this chart shows; warning `i` is
    /// marked `text::marker(i + 1)` everywhere.
    pub footnotes: Vec<usize>,
}

/// Lays out `view` of `model` in the box `opts`.
pub fn layout(model: &Model, view: View, opts: &Options) -> Layout {
    let opts = Options {
        width: if opts.width.is_finite() { opts.width.clamp(MIN_WIDTH, MAX_WIDTH) } else { 640.0 },
        height: if opts.height.is_finite() { opts.height.clamp(0.0, 4.0 * MAX_WIDTH) } else { 0.0 },
        dpr: if opts.dpr.is_finite() && opts.dpr > 0.0 { opts.dpr.clamp(0.5, 4.0) } else { 1.0 },
        ..*opts
    };
    match view {
        View::Compare => compare(model, &opts),
        View::Change => change(model, &opts),
        View::Trend => trend::trend(model, &opts),
    }
}

/// Type sizes in CSS pixels, smaller on narrow charts.
struct Type {
    title: f64,
    subtitle: f64,
    legend: f64,
    value: f64,
    tick: f64,
    category: f64,
    note: f64,
}

impl Type {
    fn for_width(w: f64) -> Type {
        if w < 480.0 {
            Type { title: 16.0, subtitle: 12.0, legend: 12.0, value: 11.0, tick: 11.0, category: 12.0, note: 11.0 }
        } else {
            Type { title: 18.0, subtitle: 13.0, legend: 12.0, value: 12.0, tick: 11.0, category: 13.0, note: 12.0 }
        }
    }
}

const LINE: f64 = 1.35;

/// How a legend entry's swatch looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Solid(Ink),
    Hatched(Ink),
    Dot(Ink, bool),
    Tick(Ink),
    Dashed(Ink),
}

/// One legend entry; `series` is set when the entry names a series that can be hidden.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
    pub series: Option<Series>,
}

/// The legend of `view`: the series it draws, then what hatching, hollow dots and dashed
/// lines mean when the chart uses them.
pub fn legend(model: &Model, view: View, lang: Lang) -> Vec<LegendItem> {
    let year = model.current();
    let tiers = &year.tiers;
    let item = |swatch, label: String, series| LegendItem { swatch, label, series };
    let any_reference = tiers.iter().any(|t| t.reference_rate.is_some());
    let mut out = Vec::new();
    match view {
        View::Compare => {
            out.push(item(Swatch::Solid(Ink::Region), model.region.clone(), Some(Series::Region)));
            if any_reference {
                out.push(item(Swatch::Solid(Ink::Reference), model.reference.clone(), Some(Series::Reference)));
            }
            if tiers.iter().any(|t| t.rate.is_derived() || t.reference_rate.as_ref().is_some_and(Figure::is_derived)) {
                out.push(item(Swatch::Hatched(Ink::Muted), text::derived_bar_legend(lang).to_string(), None));
            }
            if tiers.iter().any(|t| t.rate_from_counts.as_ref().is_some_and(|c| !c.warnings.is_empty())) {
                out.push(item(Swatch::Dashed(Ink::Warning), text::counts_marker_legend(lang).to_string(), None));
            }
        }
        View::Trend => {
            out.push(item(Swatch::Solid(Ink::Region), model.region.clone(), Some(Series::Region)));
            if any_reference {
                out.push(item(Swatch::Solid(Ink::Reference), model.reference.clone(), Some(Series::Reference)));
                out.push(item(Swatch::Solid(Ink::RegionTint), text::gap_legend(lang).to_string(), None));
            }
            let derived = model
                .years
                .iter()
                .flat_map(|y| &y.tiers)
                .any(|t| t.rate.is_derived() || t.reference_rate.as_ref().is_some_and(Figure::is_derived));
            if derived {
                out.push(item(Swatch::Dot(Ink::Muted, true), text::derived_dot_legend(lang).to_string(), None));
            }
        }
        View::Change => {
            let label = |area: &str, y: i32| format!("{area} {}", text::year_label(y, lang));
            out.push(item(Swatch::Dot(Ink::Region, false), label(&model.region, year.year), None));
            if tiers.iter().any(|t| t.previous_rate.is_some()) {
                let l = label(&model.region, year.year - 1);
                out.push(item(Swatch::Dot(Ink::Previous, false), l, Some(Series::Previous)));
            }
            if any_reference {
                let l = label(&model.reference, year.year);
                out.push(item(Swatch::Tick(Ink::Reference), l, Some(Series::Reference)));
            }
            if tiers.iter().any(|t| t.rate.is_derived() || t.previous_rate.as_ref().is_some_and(Figure::is_derived)) {
                out.push(item(Swatch::Dot(Ink::Muted, true), text::derived_dot_legend(lang).to_string(), None));
            }
        }
    }
    out
}

impl Shown {
    pub fn series(&self, s: Series) -> bool {
        match s {
            Series::Region | Series::FromCounts => self.region,
            Series::Reference => self.reference,
            Series::Previous => self.previous,
        }
    }
}

/// Shared chart furniture: header (title, subtitle, legend), footer (footnotes, notes,
/// source), and the arithmetic of scaling CSS pixels to device pixels.
struct Frame {
    s: f64,
    w: f64,
    pad: f64,
    ty: Type,
    marks: Vec<Mark>,
    y: f64,
    furniture: bool,
}

impl Frame {
    fn new(opts: &Options) -> Frame {
        let s = opts.dpr;
        let pad = if opts.width < 480.0 { 10.0 } else { 16.0 };
        let top = if opts.furniture { pad } else { 4.0 };
        Frame {
            s,
            w: opts.width * s,
            pad: pad * s,
            ty: Type::for_width(opts.width),
            marks: Vec::new(),
            y: top * s,
            furniture: opts.furniture,
        }
    }

    /// The finished layout: everything drawn so far, `height` device px tall.
    fn finish(self, view: View, height: f64, plot: Rect, hits: Vec<Hit>, footnotes: Vec<usize>) -> Layout {
        Layout {
            view,
            width: self.w.round() as u32,
            height: height.ceil() as u32,
            dpr: self.s,
            plot,
            marks: self.marks,
            hits: HitTable::new(hits),
            footnotes,
        }
    }

    fn px(&self, css: f64) -> f64 {
        css * self.s
    }

    fn stroke(&self, css: f64) -> u32 {
        (css * self.s).round().max(1.0) as u32
    }

    fn inner_width(&self) -> f64 {
        self.w - 2.0 * self.pad
    }

    // One call per label keeps the view code readable; a style struct would only rename these.
    #[allow(clippy::too_many_arguments)]
    fn text(&mut self, x: f64, y: f64, text: String, size: f64, bold: bool, ink: Ink, h: HAlign, v: VAlign) {
        self.marks.push(Mark::Text(Label {
            pos: (x.round() as i32, y.round() as i32),
            text,
            size: size.round(),
            bold,
            ink,
            h,
            v,
        }));
    }

    /// Wrapped lines from the current y down.
    fn paragraph(&mut self, body: &str, css_size: f64, bold: bool, ink: Ink) {
        let size = self.px(css_size);
        for line in text::wrap(body, size, self.inner_width()) {
            let (x, y) = (self.pad, self.y);
            self.text(x, y, line, size, bold, ink, HAlign::Left, VAlign::Top);
            self.y += size * LINE;
        }
    }

    fn header(&mut self, title: &str, subtitle: &str) {
        self.paragraph(title, self.ty.title, true, Ink::Text);
        self.y += self.px(2.0);
        self.paragraph(subtitle, self.ty.subtitle, false, Ink::Muted);
        self.y += self.px(6.0);
    }

    /// Legend entries flow left to right and wrap.
    fn legend(&mut self, items: &[LegendItem], shown: Shown) {
        let size = self.px(self.ty.legend);
        let sw = self.px(14.0);
        let gap = self.px(6.0);
        let spacing = self.px(16.0);
        let row_h = (size * LINE).max(sw) + self.px(4.0);
        let mut x = self.pad;
        for LegendItem { swatch, label, series } in items {
            if series.is_some_and(|s| !shown.series(s)) {
                continue;
            }
            let label = text::ellipsize(label, size, self.inner_width() - sw - gap);
            let item_w = sw + gap + text::width(&label, size);
            if x > self.pad && x + item_w > self.w - self.pad {
                x = self.pad;
                self.y += row_h;
            }
            let cy = self.y + row_h / 2.0;
            let r = Rect::new(x, cy - sw / 2.0, x + sw, cy + sw / 2.0);
            match *swatch {
                Swatch::Solid(ink) => self.marks.push(Mark::Fill { rect: r, ink }),
                Swatch::Hatched(ink) => self.hatched(r, ink),
                Swatch::Dot(ink, hollow) => {
                    let (w, radius) = (self.stroke(2.0), (self.px(5.0)).round() as u32);
                    self.marks.push(Mark::Dot { center: r.center(), radius, ink, hollow, width: w });
                }
                Swatch::Tick(ink) => {
                    let c = r.center();
                    let w = self.stroke(2.0);
                    self.marks.push(Mark::Line { from: (c.0, r.y0), to: (c.0, r.y1), ink, width: w });
                }
                Swatch::Dashed(ink) => {
                    let w = self.stroke(2.0);
                    let c = r.center().1 as f64;
                    self.dashed(r.x0 as f64, r.x1 as f64, c, ink, w);
                }
            }
            self.text(x + sw + gap, cy, label.clone(), size, false, Ink::Text, HAlign::Left, VAlign::Middle);
            x += item_w + spacing;
        }
        self.y += row_h + self.px(4.0);
    }

    /// A derived value's bar: a light tint, diagonal hatching and an outline in `ink`.
    fn hatched(&mut self, r: Rect, ink: Ink) {
        let tint = match ink {
            Ink::Region => Ink::RegionTint,
            Ink::Reference => Ink::ReferenceTint,
            _ => Ink::Background,
        };
        self.marks.push(Mark::Fill { rect: r, ink: tint });
        let w = self.stroke(1.0);
        for (from, to) in hatch_lines(r, self.px(5.0)) {
            self.marks.push(Mark::Line { from, to, ink, width: w });
        }
        let ow = self.stroke(1.5);
        self.marks.push(Mark::Outline { rect: r, ink, width: ow });
    }

    /// A horizontal dashed line from x0 to x1 at y.
    fn dashed(&mut self, x0: f64, x1: f64, y: f64, ink: Ink, width: u32) {
        let (on, off) = (self.px(4.0), self.px(3.0));
        let mut x = x0;
        while x < x1 {
            let end = (x + on).min(x1);
            self.marks.push(Mark::Line {
                from: (x.round() as i32, y.round() as i32),
                to: (end.round() as i32, y.round() as i32),
                ink,
                width,
            });
            x = end + off;
        }
    }

    /// The footer's lines, laid out from `top`: numbered warnings, notes, the source line.
    /// Returns its height when `top` is `None` (a dry run, to size the plot).
    fn footer(&mut self, top: Option<f64>, footnotes: &[(String, String)], notes: &[String], source: &str) -> f64 {
        let size = self.px(self.ty.note);
        let mut y = top.unwrap_or(0.0);
        let start = y;
        let (footnotes, source) = if self.furniture { (footnotes, Some(source)) } else { (&[][..], None) };
        for (m, note) in footnotes {
            let m = m.clone();
            let indent = text::width(&m, size) + self.px(4.0);
            let lines = text::wrap(note, size, self.inner_width() - indent);
            if top.is_some() {
                let pad = self.pad;
                self.text(pad, y, m, size, true, Ink::Warning, HAlign::Left, VAlign::Top);
                for (k, line) in lines.iter().enumerate() {
                    self.text(
                        pad + indent,
                        y + k as f64 * size * LINE,
                        line.clone(),
                        size,
                        false,
                        Ink::Warning,
                        HAlign::Left,
                        VAlign::Top,
                    );
                }
            }
            y += lines.len() as f64 * size * LINE + self.px(2.0);
        }
        for note in notes.iter().map(String::as_str).chain(source) {
            let lines = text::wrap(note, size, self.inner_width());
            for line in lines {
                if top.is_some() {
                    let pad = self.pad;
                    self.text(pad, y, line, size, false, Ink::Muted, HAlign::Left, VAlign::Top);
                }
                y += size * LINE;
            }
        }
        y - start
    }
}

/// 45° hatching clipped to `r`, lines `spacing` apart.
pub fn hatch_lines(r: Rect, spacing: f64) -> Vec<(Point, Point)> {
    let mut out = Vec::new();
    let spacing = spacing.max(2.0).round() as i32;
    let (x0, y0, x1, y1) = (r.x0, r.y0, r.x1, r.y1);
    // Lines x − y = k, rising to the right; k runs over the span that crosses the rect.
    let mut k = x0 - y1 + spacing / 2;
    while k < x1 - y0 {
        // Clip the line x = y + k to the rect.
        let ya = y0.max(x0 - k);
        let yb = y1.min(x1 - k);
        if ya < yb {
            out.push(((ya + k, ya), (yb + k, yb)));
        }
        k += spacing;
    }
    out
}

/// A round axis maximum and tick step for data up to `max`, at most about six ticks.
pub fn nice_scale(max: f64) -> (f64, f64) {
    if max.is_nan() || max <= 0.0 {
        return (10.0, 2.0);
    }
    // Rates under 1 % still get an axis to 1 %, not one in millionths of a percent.
    let max = max.max(1.0);
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let mut step = 10.0 * mag;
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * mag * 5.0 >= max {
            step = m * mag;
            break;
        }
    }
    let top = (max / step - 1e-9).ceil() * step;
    if top > 100.0 {
        (100.0, 20.0)
    } else {
        (top.max(step), step)
    }
}

/// A tick label: "0%", "20%", "2.5%".
fn tick_label(v: f64) -> String {
    let d = crate::format::decimals_of(v).min(2);
    percent(v, d)
}

/// A value label with the markers of the footnotes it carries: "15.5%①".
fn value_text(f: &Figure, footnotes: &[usize], percent_sign: bool) -> String {
    let mut s = if percent_sign { percent(f.value, f.decimals) } else { crate::format::fixed(f.value, f.decimals) };
    s.push_str(&markers(f, footnotes));
    s
}

/// Footnote markers are numbered by the warning's place in the model, so a number means the
/// same thing in every view, the table and the tooltips.
fn markers(f: &Figure, footnotes: &[usize]) -> String {
    f.warnings.iter().filter(|w| footnotes.contains(w)).map(|w| text::marker(w + 1)).collect()
}

/// Warnings carried by the figures a view shows, in model order.
fn collect_footnotes<'a>(figures: impl Iterator<Item = &'a Figure>) -> Vec<usize> {
    let mut out: Vec<usize> = figures.flat_map(|f| f.warnings.iter().copied()).collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn footnote_texts(model: &Model, footnotes: &[usize], lang: Lang) -> Vec<(String, String)> {
    footnotes.iter().map(|&i| (text::marker(i + 1), text::warning(&model.warnings[i], model, lang))).collect()
}

/// The x at which a label `w` wide, centred on `x`, stays within [lo, hi]; centred in the span
/// when it is wider than the span (never panics, unlike `f64::clamp` with lo > hi).
fn centre_within(x: f64, w: f64, lo: f64, hi: f64) -> f64 {
    let (a, b) = (lo + w / 2.0, hi - w / 2.0);
    if a > b {
        (lo + hi) / 2.0
    } else {
        x.clamp(a, b)
    }
}

/// Grows a hit rectangle to at least `min` device pixels each way (touch targets).
fn hit_rect(r: Rect, min: f64) -> Rect {
    let grow = |a: i32, b: i32| -> (f64, f64) {
        let (a, b) = (a as f64, b as f64);
        if b - a >= min {
            (a, b)
        } else {
            let c = (a + b) / 2.0;
            (c - min / 2.0, c + min / 2.0)
        }
    };
    let (x0, x1) = grow(r.x0, r.x1);
    let (y0, y1) = grow(r.y0, r.y1);
    Rect::new(x0, y0, x1, y1)
}

fn compare(model: &Model, opts: &Options) -> Layout {
    let lang = opts.lang;
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::new(opts);
    if opts.furniture {
        f.header(&model.title, &text::compare_subtitle(model, year.year, lang));
        f.legend(&legend(model, View::Compare, lang), opts.shown);
    }
    let show_region = opts.shown.region;
    let has_reference = opts.shown.reference && tiers.iter().any(|t| t.reference_rate.is_some());
    let counts_marks: Vec<bool> = tiers
        .iter()
        .map(|t| show_region && t.rate_from_counts.as_ref().is_some_and(|c| !c.warnings.is_empty()))
        .collect();

    let footnotes = collect_footnotes(tiers.iter().flat_map(|t| {
        let region = show_region.then_some(&t.rate);
        let reference = t.reference_rate.as_ref().filter(|_| has_reference);
        let gap = t.vs_reference.as_ref().filter(|_| has_reference && show_region);
        let counts = t.rate_from_counts.as_ref().filter(|_| show_region);
        [region, reference, gap, counts].into_iter().flatten()
    }));
    let notes_text = footnote_texts(model, &footnotes, lang);
    let source = text::source_line(model, lang);

    // Horizontal geometry.
    let n = tiers.len().max(1) as f64;
    let tick_size = f.px(f.ty.tick);
    let axis_w = text::width("100%", tick_size) + f.px(8.0);
    let x0 = f.pad + axis_w;
    let x1 = f.w - f.pad;
    let gw = (x1 - x0) / n;
    let pair_gap = f.px(3.0).max(gw * 0.03);
    // Label modes, bar widths and the axis follow the data, not the toggles, so hiding a
    // series never moves or resizes what stays.
    let pair_in_data = tiers.iter().any(|t| t.reference_rate.is_some());
    let both = has_reference && show_region;
    let bars = if pair_in_data { 2.0 } else { 1.0 };
    let bar_w = ((gw * 0.72 - pair_gap * (bars - 1.0)) / bars).min(f.px(60.0)).max(f.px(4.0));

    // Value labels: full "15.5%①" if neighbours do not collide, else without "%", else smaller.
    let value_fits = |size: f64, pct: bool| -> bool {
        tiers.iter().all(|t| {
            let a = text::width(&value_text(&t.rate, &footnotes, pct), size);
            let b = t.reference_rate.as_ref().map_or(0.0, |r| text::width(&value_text(r, &footnotes, pct), size));
            (a + b) / 2.0 + f.px(8.0) <= bar_w + pair_gap && a.max(b) <= gw - f.px(2.0)
        })
    };
    let mut value_size = f.px(f.ty.value);
    let mut pct = true;
    let mut stagger = false;
    // Too many tiers for any label over the bars: the values live in the tooltip and table.
    let mut dense = false;
    if !value_fits(value_size, true) {
        pct = false;
        if !value_fits(value_size, false) {
            value_size = f.px(10.0);
            let stacked_fits = tiers.iter().all(|t| {
                let a = text::width(&value_text(&t.rate, &footnotes, false), value_size);
                let b = t
                    .reference_rate
                    .as_ref()
                    .map_or(0.0, |r| text::width(&value_text(r, &footnotes, false), value_size));
                a.max(b) <= gw - f.px(2.0)
            });
            stagger = !value_fits(value_size, false) && stacked_fits;
            dense = !value_fits(value_size, false) && !stacked_fits;
        }
    }
    // Difference labels: "+0.7 个百分点" if it fits every group, else "+0.7" and a unit note.
    let diff_size = f.px(f.ty.value);
    let long_fits = tiers.iter().all(|t| {
        t.vs_reference.as_ref().is_none_or(|d| {
            text::width(&(points(d.value, d.decimals, lang) + &markers(d, &footnotes)), diff_size) <= gw - f.px(4.0)
        })
    });
    let diff_text = |d: &Figure| -> String {
        let body = if long_fits {
            points(d.value, d.decimals, lang)
        } else {
            signed(d.value, d.decimals).unwrap_or_else(|| points(0.0, 1, lang))
        };
        body + &markers(d, &footnotes)
    };
    let mut notes = Vec::new();
    if dense {
        notes.push(match lang {
            Lang::Zh => "柱子太多，数值见提示框和数据表。".to_string(),
            Lang::En => "Too many bars to label: the values are in the tooltip and the data table.".to_string(),
        });
    } else if !long_fits && both {
        notes.push(text::points_unit_note(lang).to_string());
    }
    if !pct && !dense {
        notes.push(match lang {
            Lang::Zh => "柱上数值单位：%".to_string(),
            Lang::En => "Bar labels in %".to_string(),
        });
    }

    // Vertical geometry: header | plot (with headroom for labels) | tier names | footer.
    let cat_size = f.px(f.ty.category);
    // Name every tier when the names fit their group (in two lines at most); else every k-th.
    let widest = tiers.iter().map(|t| text::width(&t.name, cat_size)).fold(0.0, f64::max);
    let every = if gw >= f.px(36.0) { 1 } else { ((widest.min(f.px(60.0)) + f.px(8.0)) / gw).ceil().max(1.0) as usize };
    let cat_lines: Vec<Vec<String>> = tiers
        .iter()
        .enumerate()
        .map(|(i, t)| match every {
            1 => two_lines(&t.name, cat_size, gw - f.px(4.0)),
            k if i % k == 0 => vec![text::ellipsize(&t.name, cat_size, gw * k as f64 - f.px(8.0))],
            _ => Vec::new(),
        })
        .collect();
    let cat_h = cat_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * cat_size * LINE + f.px(8.0);
    let footer_h = f.footer(None, &notes_text, &notes, &source);
    let label_h = value_size * LINE;
    let headroom = if dense {
        f.px(4.0)
    } else {
        label_h * if stagger { 2.0 } else { 1.0 }
            + if pair_in_data { f.px(8.0) + diff_size * LINE } else { 0.0 }
            + f.px(4.0)
    };
    let y0 = f.y + f.px(4.0);
    let min_plot = f.px(140.0) + headroom;
    let want_bottom = opts.height * f.s - f.pad - footer_h - f.px(6.0) - cat_h;
    let y1 = want_bottom.max(y0 + min_plot);
    let height = y1 + cat_h + f.px(6.0) + footer_h + f.pad;

    let max_v = tiers
        .iter()
        .flat_map(|t| {
            let fc = t.rate_from_counts.as_ref().filter(|c| !c.warnings.is_empty());
            [Some(&t.rate), t.reference_rate.as_ref(), fc].into_iter().flatten().map(|x| x.value)
        })
        .fold(0.0, f64::max);
    let (axis_max, step) = nice_scale(max_v);
    let top = y0 + headroom;
    let y_of = |v: f64| y1 - (v / axis_max) * (y1 - top);

    // Grid and axis.
    let grid_w = f.stroke(1.0);
    let mut v = 0.0;
    while v <= axis_max + 1e-9 {
        let y = y_of(v);
        let ink = if v == 0.0 { Ink::Axis } else { Ink::Grid };
        f.marks.push(Mark::Line {
            from: (x0.round() as i32, y.round() as i32),
            to: (x1.round() as i32, y.round() as i32),
            ink,
            width: grid_w,
        });
        f.text(x0 - f.px(6.0), y, tick_label(v), tick_size, false, Ink::Muted, HAlign::Right, VAlign::Middle);
        v += step;
    }

    let mut hits = Vec::new();
    let min_hit = f.px(24.0);
    for (i, t) in tiers.iter().enumerate() {
        let cx = x0 + gw * (i as f64 + 0.5);
        let (rx0, fx0) = if both {
            (cx - pair_gap / 2.0 - bar_w, cx + pair_gap / 2.0)
        } else {
            (cx - bar_w / 2.0, cx - bar_w / 2.0)
        };
        let base = y_of(0.0);
        let region_rect = Rect::new(rx0, y_of(t.rate.value), rx0 + bar_w, base);
        if show_region {
            bar(&mut f, region_rect, Ink::Region, t.rate.is_derived());
            hits.push(Hit { rect: hit_rect(region_rect, min_hit), year: year.year, tier: i, series: Series::Region });
        }
        let mut region_top = region_rect.y0 as f64;
        if counts_marks[i] {
            if let Some(fc) = &t.rate_from_counts {
                let y = y_of(fc.value);
                let w = f.stroke(2.0);
                f.dashed(rx0 - f.px(4.0), rx0 + bar_w + f.px(4.0), y, Ink::Warning, w);
                hits.push(Hit {
                    rect: Rect::new(rx0 - f.px(4.0), y - f.px(4.0), rx0 + bar_w + f.px(4.0), y + f.px(4.0)),
                    year: year.year,
                    tier: i,
                    series: Series::FromCounts,
                });
                region_top = region_top.min(y - f.px(2.0));
            }
        }
        let region_cx = rx0 + bar_w / 2.0;
        let mut label_tops = region_top - f.px(3.0);
        let reference = t.reference_rate.as_ref().filter(|_| has_reference).map(|r| {
            let rect = Rect::new(fx0, y_of(r.value), fx0 + bar_w, base);
            bar(&mut f, rect, Ink::Reference, r.is_derived());
            hits.push(Hit { rect: hit_rect(rect, min_hit), year: year.year, tier: i, series: Series::Reference });
            (r, rect)
        });
        let value_label = |f: &mut Frame, x: f64, y: f64, fig: &Figure| {
            f.text(
                x,
                y,
                value_text(fig, &footnotes, pct),
                value_size,
                false,
                Ink::Text,
                HAlign::Center,
                VAlign::Bottom,
            );
        };
        let above_region = region_top - f.px(3.0);
        match &reference {
            _ if dense => {}
            Some((r, rect)) if !show_region => {
                let y = rect.y0 as f64 - f.px(3.0);
                value_label(&mut f, fx0 + bar_w / 2.0, y, r);
            }
            None if !show_region => {}
            Some((r, rect)) if stagger => {
                let y = region_top.min(rect.y0 as f64) - f.px(3.0);
                value_label(&mut f, region_cx, y - label_h, &t.rate);
                value_label(&mut f, fx0 + bar_w / 2.0, y, r);
                label_tops = y - 2.0 * label_h;
            }
            Some((r, rect)) => {
                value_label(&mut f, region_cx, above_region, &t.rate);
                let y = rect.y0 as f64 - f.px(3.0);
                value_label(&mut f, fx0 + bar_w / 2.0, y, r);
                label_tops = label_tops.min(y) - label_h;
            }
            None => value_label(&mut f, region_cx, above_region, &t.rate),
        }
        // The difference: a bracket over the pair, the signed gap above it.
        if let (Some((_, rect)), Some(d), true, false) = (&reference, &t.vs_reference, show_region, dense) {
            let yb = label_tops - f.px(4.0);
            let tick = f.px(4.0);
            let (xa, xb) = (region_cx, (rect.x0 + rect.x1) as f64 / 2.0);
            let w = f.stroke(1.0);
            let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
            f.marks.push(Mark::Line { from: p(xa, yb + tick), to: p(xa, yb), ink: Ink::Muted, width: w });
            f.marks.push(Mark::Line { from: p(xa, yb), to: p(xb, yb), ink: Ink::Muted, width: w });
            f.marks.push(Mark::Line { from: p(xb, yb), to: p(xb, yb + tick), ink: Ink::Muted, width: w });
            f.text(
                (xa + xb) / 2.0,
                yb - f.px(2.0),
                diff_text(d),
                diff_size,
                true,
                Ink::Text,
                HAlign::Center,
                VAlign::Bottom,
            );
        }
        for (k, line) in cat_lines[i].iter().enumerate() {
            f.text(
                cx,
                y1 + f.px(6.0) + k as f64 * cat_size * LINE,
                line.clone(),
                cat_size,
                false,
                Ink::Text,
                HAlign::Center,
                VAlign::Top,
            );
        }
    }

    f.footer(Some(y1 + cat_h + f.px(6.0)), &notes_text, &notes, &source);
    f.finish(View::Compare, height, Rect::new(x0, y0, x1, y1), hits, footnotes)
}

fn bar(f: &mut Frame, r: Rect, ink: Ink, derived: bool) {
    if derived {
        f.hatched(r, ink);
    } else {
        f.marks.push(Mark::Fill { rect: r, ink });
    }
}

/// `name` in at most two lines of `max` width, the second cut with an ellipsis.
fn two_lines(name: &str, size: f64, max: f64) -> Vec<String> {
    let mut lines = text::wrap(name, size, max);
    if lines.len() > 2 {
        let rest = lines[1..].concat();
        lines.truncate(1);
        lines.push(text::ellipsize(&rest, size, max));
    }
    lines
}

fn change(model: &Model, opts: &Options) -> Layout {
    let lang = opts.lang;
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::new(opts);
    if opts.furniture {
        f.header(&model.title, &text::change_subtitle(model, year.year, lang));
        f.legend(&legend(model, View::Change, lang), opts.shown);
    }
    let any_previous = tiers.iter().any(|t| t.previous_rate.is_some());
    let show_previous = opts.shown.previous;
    let show_reference = opts.shown.reference;
    if !any_previous {
        f.paragraph(&text::no_previous_year(year.year, lang), f.ty.subtitle, false, Ink::Text);
        f.y += f.px(4.0);
    }

    let footnotes = collect_footnotes(tiers.iter().flat_map(|t| {
        let previous = [t.previous_rate.as_ref(), t.vs_previous.as_ref()].map(|f| f.filter(|_| show_previous));
        let reference = t.reference_rate.as_ref().filter(|_| show_reference);
        [Some(&t.rate), previous[0], previous[1], reference].into_iter().flatten()
    }));
    let notes_text = footnote_texts(model, &footnotes, lang);
    let source = text::source_line(model, lang);

    let name_size = f.px(f.ty.category);
    let value_size = f.px(f.ty.value);
    let ref_size = f.px(f.ty.tick);
    let widest_name = tiers.iter().map(|t| text::width(&t.name, name_size)).fold(0.0, f64::max);
    let name_w = widest_name.min(f.inner_width() * 0.28).max(f.px(28.0));
    let mut names: Vec<Vec<String>> = tiers.iter().map(|t| two_lines(&t.name, name_size, name_w)).collect();
    let widest_value = tiers
        .iter()
        .flat_map(|t| [Some(&t.rate), t.previous_rate.as_ref()].into_iter().flatten())
        .map(|v| text::width(&value_text(v, &footnotes, true), value_size))
        .fold(0.0, f64::max);
    // Many tiers: compact rows with dots and ticks only; values in the tooltip and table.
    let compact = tiers.len() > 12;
    let mut r = f.px(6.0);
    let x0 = f.pad + name_w + f.px(14.0);
    let x1 = f.w - f.pad - widest_value - r - f.px(8.0);

    let axis_h = ref_size * LINE + f.px(8.0);
    let footer_h = f.footer(None, &notes_text, &[], &source);
    let y0 = f.y + f.px(4.0);
    let n = tiers.len().max(1) as f64;
    let want_rows = opts.height * f.s - f.pad - footer_h - f.px(6.0) - axis_h - y0;
    let row_h = if compact {
        (want_rows / n).clamp(f.px(3.0), f.px(40.0))
    } else {
        (want_rows / n).clamp(f.px(64.0), f.px(110.0))
    };
    if compact {
        r = r.min(row_h * 0.4).max(f.px(1.5));
        let every = (name_size * LINE / row_h).ceil().max(1.0) as usize;
        for (i, lines) in names.iter_mut().enumerate() {
            lines.truncate(1);
            if i % every != 0 {
                lines.clear();
            }
        }
    }
    let y1 = y0 + row_h * n;
    let height = (y1 + axis_h + f.px(6.0) + footer_h + f.pad).max(opts.height * f.s);

    let max_v = tiers
        .iter()
        .flat_map(|t| {
            [Some(&t.rate), t.previous_rate.as_ref(), t.reference_rate.as_ref()].into_iter().flatten().map(|x| x.value)
        })
        .fold(0.0, f64::max);
    let (axis_max, step) = nice_scale(max_v);
    let x_of = |v: f64| x0 + (v / axis_max) * (x1 - x0);

    let grid_w = f.stroke(1.0);
    let mut v = 0.0;
    while v <= axis_max + 1e-9 {
        let x = x_of(v).round() as i32;
        let ink = if v == 0.0 { Ink::Axis } else { Ink::Grid };
        f.marks.push(Mark::Line { from: (x, y0.round() as i32), to: (x, y1.round() as i32), ink, width: grid_w });
        f.text(x as f64, y1 + f.px(4.0), tick_label(v), ref_size, false, Ink::Muted, HAlign::Center, VAlign::Top);
        v += step;
    }
    f.marks.push(Mark::Line {
        from: (x0.round() as i32, y1.round() as i32),
        to: (x1.round() as i32, y1.round() as i32),
        ink: Ink::Axis,
        width: grid_w,
    });

    let mut hits = Vec::new();
    let min_hit = f.px(24.0);
    let dot_w = f.stroke(2.0);
    for (i, t) in tiers.iter().enumerate() {
        let band = y0 + row_h * i as f64;
        let yc = band + row_h * if compact { 0.5 } else { 0.45 };
        for (k, line) in names[i].iter().enumerate() {
            let lines = names[i].len() as f64;
            let y = yc - (lines - 1.0) * name_size * LINE / 2.0 + k as f64 * name_size * LINE;
            f.text(f.pad, y, line.clone(), name_size, true, Ink::Text, HAlign::Left, VAlign::Middle);
        }
        if i > 0 && !compact {
            let y = band.round() as i32;
            f.marks.push(Mark::Line {
                from: (f.pad.round() as i32, y),
                to: (x1.round() as i32, y),
                ink: Ink::Grid,
                width: grid_w,
            });
        }
        let xc = x_of(t.rate.value);
        // Reference: a short tick under the row's line, labelled below it.
        if let Some(rf) = t.reference_rate.as_ref().filter(|_| show_reference) {
            let xr = x_of(rf.value);
            let w = f.stroke(2.0);
            let (ya, yb) = if compact {
                (yc - row_h * 0.45, yc + row_h * 0.45)
            } else {
                (yc + r + f.px(3.0), yc + r + f.px(11.0))
            };
            f.marks.push(Mark::Line {
                from: (xr.round() as i32, ya.round() as i32),
                to: (xr.round() as i32, yb.round() as i32),
                ink: Ink::Reference,
                width: w,
            });
            let labelled = !compact;
            let mut label = format!("{} {}", model.reference, value_text(rf, &footnotes, true));
            if rf.is_derived() {
                label.push_str(match lang {
                    Lang::Zh => "（推算）",
                    Lang::En => " (derived)",
                });
            }
            if labelled {
                let label = text::ellipsize(&label, ref_size, f.w - f.pad - x0);
                let lw = text::width(&label, ref_size);
                let lx = centre_within(xr, lw, x0, f.w - f.pad);
                f.text(lx, yb + f.px(2.0), label, ref_size, false, Ink::Reference, HAlign::Center, VAlign::Top);
            }
            hits.push(Hit {
                rect: hit_rect(Rect::new(xr - 1.0, ya, xr + 1.0, yb), min_hit),
                year: year.year,
                tier: i,
                series: Series::Reference,
            });
        }
        let current_text = value_text(&t.rate, &footnotes, true);
        match (t.previous_rate.as_ref().filter(|_| show_previous), &t.vs_previous) {
            (Some(p), change) => {
                let xp = x_of(p.value);
                let (lo, hi) = (xp.min(xc), xp.max(xc));
                let dir = if xc >= xp { 1.0 } else { -1.0 };
                // Connector with an arrowhead at the current year, when there is room.
                if hi - lo > 2.0 * r + f.px(8.0) && !compact {
                    let w = f.stroke(3.0);
                    let a = xp + dir * r;
                    let b = xc - dir * (r + f.px(6.0));
                    f.marks.push(Mark::Line {
                        from: (a.round() as i32, yc.round() as i32),
                        to: (b.round() as i32, yc.round() as i32),
                        ink: Ink::Previous,
                        width: w,
                    });
                    let head = f.px(6.0);
                    let tip = xc - dir * r;
                    f.marks.push(Mark::Polygon {
                        points: vec![
                            (tip.round() as i32, yc.round() as i32),
                            ((tip - dir * head * 1.4).round() as i32, (yc - head).round() as i32),
                            ((tip - dir * head * 1.4).round() as i32, (yc + head).round() as i32),
                        ],
                        ink: Ink::Previous,
                    });
                }
                let radius = r.round() as u32;
                f.marks.push(Mark::Dot {
                    center: (xp.round() as i32, yc.round() as i32),
                    radius,
                    ink: Ink::Previous,
                    hollow: p.is_derived(),
                    width: dot_w,
                });
                f.marks.push(Mark::Dot {
                    center: (xc.round() as i32, yc.round() as i32),
                    radius,
                    ink: Ink::Region,
                    hollow: t.rate.is_derived(),
                    width: dot_w,
                });
                let prev_text = value_text(p, &footnotes, true);
                let (left, right) = if xp <= xc {
                    ((prev_text, Ink::Muted, false), (current_text, Ink::Text, true))
                } else {
                    ((current_text, Ink::Text, true), (prev_text, Ink::Muted, false))
                };
                let gap = r + f.px(5.0);
                if compact {
                    // Values are in the tooltip and the table.
                } else if lo - gap - text::width(&left.0, value_size) >= x0 - f.px(10.0) {
                    f.text(lo - gap, yc, left.0, value_size, left.2, left.1, HAlign::Right, VAlign::Middle);
                    f.text(hi + gap, yc, right.0, value_size, right.2, right.1, HAlign::Left, VAlign::Middle);
                } else {
                    // Too close to the axis start: both values to the right, in order.
                    let combined =
                        format!("{} → {}", value_text(p, &footnotes, true), value_text(&t.rate, &footnotes, true));
                    f.text(hi + gap, yc, combined, value_size, true, Ink::Text, HAlign::Left, VAlign::Middle);
                }
                if let (Some(c), false) = (change, compact) {
                    let label = points(c.value, c.decimals, lang) + &markers(c, &footnotes);
                    let lw = text::width(&label, value_size);
                    let lx = centre_within((lo + hi) / 2.0, lw, x0, f.w - f.pad);
                    f.text(lx, yc - r - f.px(4.0), label, value_size, true, Ink::Text, HAlign::Center, VAlign::Bottom);
                }
                let pr = Rect::new(xp - r, yc - r, xp + r, yc + r);
                hits.push(Hit { rect: hit_rect(pr, min_hit), year: year.year - 1, tier: i, series: Series::Previous });
            }
            (None, _) => {
                f.marks.push(Mark::Dot {
                    center: (xc.round() as i32, yc.round() as i32),
                    radius: r.round() as u32,
                    ink: Ink::Region,
                    hollow: t.rate.is_derived(),
                    width: dot_w,
                });
                if !compact {
                    f.text(
                        xc + r + f.px(5.0),
                        yc,
                        current_text,
                        value_size,
                        true,
                        Ink::Text,
                        HAlign::Left,
                        VAlign::Middle,
                    );
                }
                // Say so when the data lacks last year; not when the reader hid it.
                if t.previous_rate.is_none() && !compact {
                    let note = text::no_previous_tier(year.year, lang);
                    let lw = text::width(&note, value_size);
                    let lx = centre_within(xc, lw, x0, f.w - f.pad);
                    f.text(lx, yc - r - f.px(4.0), note, value_size, false, Ink::Muted, HAlign::Center, VAlign::Bottom);
                }
            }
        }
        let cr = Rect::new(xc - r, yc - r, xc + r, yc + r);
        hits.push(Hit { rect: hit_rect(cr, min_hit), year: year.year, tier: i, series: Series::Region });
    }

    f.footer(Some(y1 + axis_h + f.px(6.0)), &notes_text, &[], &source);
    f.finish(View::Change, height, Rect::new(x0, y0, x1, y1), hits, footnotes)
}

/// The figure behind a hit: `hit.tier` indexes the latest year's tiers, `hit.year` says which
/// year's figure (the trend view shows every year).
pub fn figure<'a>(model: &'a Model, hit: &Hit) -> Option<&'a Figure> {
    let current: &TierModel = model.current().tiers.get(hit.tier)?;
    // The trend view's points belong to other years: the same tier, by name, in that year.
    let t = if hit.series != Series::Previous && hit.year != model.current().year {
        model.years.iter().find(|y| y.year == hit.year)?.tiers.iter().find(|t| t.name == current.name)?
    } else {
        current
    };
    match hit.series {
        Series::Region => Some(&t.rate),
        Series::Reference => t.reference_rate.as_ref(),
        Series::Previous => t.previous_rate.as_ref(),
        Series::FromCounts => t.rate_from_counts.as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_scales() {
        assert_eq!(nice_scale(48.6), (50.0, 10.0));
        assert_eq!(nice_scale(16.2), (20.0, 5.0));
        assert_eq!(nice_scale(0.0), (10.0, 2.0));
        assert_eq!(nice_scale(100.0), (100.0, 20.0));
        assert_eq!(nice_scale(3.3), (4.0, 1.0));
    }

    #[test]
    fn hatching_stays_inside_its_rect() {
        let r = Rect { x0: 10, y0: 20, x1: 40, y1: 120 };
        let lines = hatch_lines(r, 5.0);
        assert!(lines.len() > 10);
        for ((ax, ay), (bx, by)) in lines {
            for (x, y) in [(ax, ay), (bx, by)] {
                assert!(r.contains(x as f64, y as f64), "({x},{y}) outside");
            }
        }
    }

    #[test]
    fn hit_table_prefers_containment_then_nearest() {
        let mk = |x0, x1, series| Hit { rect: Rect { x0, y0: 0, x1, y1: 10 }, year: 2019, tier: 0, series };
        let t = HitTable::new(vec![mk(0, 10, Series::Region), mk(20, 30, Series::Reference)]);
        assert_eq!(t.at(5.0, 5.0, 0.0).unwrap().series, Series::Region);
        assert_eq!(t.at(17.0, 5.0, 4.0).unwrap().series, Series::Reference);
        assert!(t.at(15.0, 50.0, 4.0).is_none());
    }

    /// Found by the fuzzer: coordinates saturated at the ends of i32 must not overflow.
    #[test]
    fn hit_rects_at_the_ends_of_i32() {
        let r = hit_rect(Rect { x0: i32::MIN, y0: i32::MAX - 1, x1: i32::MIN + 1, y1: i32::MAX }, 48.0);
        assert!(r.x0 <= r.x1 && r.y0 <= r.y1);
        let t = HitTable::new(vec![Hit { rect: r, year: 2019, tier: 0, series: Series::Region }]);
        let _ = t.at(0.0, 0.0, 8.0);
    }

    /// The grid finds exactly what a scan of every hit finds.
    #[test]
    fn grid_lookup_matches_a_full_scan() {
        let hits: Vec<Hit> = (0..500)
            .map(|i| Hit {
                rect: Rect {
                    x0: (i * 7) % 900,
                    y0: (i * 13) % 400,
                    x1: (i * 7) % 900 + 6 + i % 30,
                    y1: (i * 13) % 400 + 5 + i % 40,
                },
                year: 2019,
                tier: i as usize,
                series: Series::Region,
            })
            .collect();
        let table = HitTable::new(hits.clone());
        let scan = |x: f64, y: f64, slop: f64| -> Option<usize> {
            if let Some(h) = hits.iter().find(|h| h.rect.contains(x, y)) {
                return Some(h.tier);
            }
            hits.iter()
                .map(|h| (h.rect.distance(x, y), h.tier))
                .filter(|(d, _)| *d <= slop)
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
                .map(|(_, t)| t)
        };
        for x in (0..950).step_by(7) {
            for y in (0..460).step_by(11) {
                let (x, y) = (x as f64 + 0.5, y as f64 + 0.5);
                assert_eq!(table.at(x, y, 6.0).map(|h| h.tier), scan(x, y, 6.0), "at {x},{y}");
            }
        }
    }
}
