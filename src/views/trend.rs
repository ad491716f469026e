//! The trend view (历年走势): one panel per tier, the region's and the reference's rates over
//! the years as two lines, the gap between them shaded, the latest gap in the panel's header.
//! Derived points are hollow, as in the change view.

use super::ViewDef;
use crate::format::{fixed, percent, signed};
use crate::lang::Lang;
use crate::layout::frame::{Frame, LINE};
use crate::layout::labels::{collect_footnotes, markers, value_text};
use crate::layout::pages::paginate;
use crate::layout::scale::{range, tick_label};
use crate::layout::{clamp, legend_item as item, LegendItem, Swatch, MAX_HEIGHT};
use crate::layout::{HAlign, Ink, LabelStyle, Mark, Options, Rect, Scene, Series, Shown, VAlign};
use crate::model::{Figure, Model, TierModel, YearModel};
use crate::table::{figure_cell, text_cell, CellAs, Table};
use crate::text;
use crate::words::{words, ViewName, Words};

pub(super) const VIEW: ViewDef = ViewDef {
    name: "trend",
    supports: |model| model.years().len() >= 3,
    label: |w, reference| w.view_label(ViewName::Trend, reference),
    subtitle,
    legend,
    footnotes,
    layout: trend,
    summary,
    table,
    tier_in: super::region_tier,
    figure: super::region_figure,
};

fn subtitle(model: &Model, lang: Lang) -> String {
    let year = model.current().year;
    let first = model.years().first().map_or(year, |y| y.year);
    words(lang).trend_subtitle(first, year, &model.region().name, &model.reference)
}

/// The region's line, the reference's dashed one and the gap between them, then what a
/// hollow dot means where used.
fn legend(model: &Model, lang: Lang) -> Vec<LegendItem> {
    let w = words(lang);
    let mut out = vec![item(Swatch::Line(Ink::Region), model.region().name.clone(), Some(Series::Region))];
    if model.current().tiers.iter().any(|t| t.reference_rate.is_some()) {
        out.push(item(Swatch::DashedLine(Ink::Reference), model.reference.clone(), Some(Series::Reference)));
        out.push(item(Swatch::Solid(Ink::RegionTint), w.gap_legend().to_string(), None));
    }
    let derived = model
        .years()
        .iter()
        .flat_map(|y| &y.tiers)
        .any(|t| t.rate.is_derived() || t.reference_rate.as_ref().is_some_and(Figure::is_derived));
    if derived {
        out.push(item(Swatch::Dot(Ink::Muted, true), w.derived_dot_legend().to_string(), None));
    }
    out
}

/// Each tier from its first year to its last, with the latest gap to the reference; then the
/// warnings of every year.
fn summary(model: &Model, lang: Lang) -> String {
    let w = words(lang);
    let year = model.current();
    let region = &model.region().name;
    let mut out = w.summary_lead(region, year.year);
    for t in &year.tiers {
        let rate_in = |y: &YearModel| {
            y.tiers.iter().find(|x| x.key == t.key).map(|x| (y.year, percent(x.rate.value, x.rate.decimals)))
        };
        let first = model.years().iter().find_map(rate_in);
        let last = model.years().iter().rev().find_map(rate_in);
        if let (Some(a), Some(b)) = (first, last) {
            let gap = t.vs_reference.as_ref().map(|d| crate::phrase::gap_phrase(d, &model.reference, lang));
            out.push_str(&w.trend_tier(region, &t.name, (a.0, &a.1), (b.0, &b.1), gap));
        }
    }
    out.push_str(&super::warnings_of(model, lang, |_| true));
    out.trim_end().to_string()
}

/// One row a tier and year.
fn table(model: &Model, lang: Lang) -> Table {
    let w = words(lang);
    let year = model.current();
    let first = model.years().first().map_or(year.year, |y| y.year);
    let mut rows = Vec::new();
    for t in &year.tiers {
        for y in model.years() {
            let Some(yt) = y.tiers.iter().find(|x| x.key == t.key) else { continue };
            rows.push(vec![
                text_cell(t.name.clone()),
                text_cell(w.year(y.year)),
                figure_cell(Some(&yt.rate), model, lang, CellAs::Rate),
                figure_cell(yt.reference_rate.as_ref(), model, lang, CellAs::Rate),
                figure_cell(yt.vs_reference.as_ref(), model, lang, CellAs::VsReference),
            ]);
        }
    }
    let caption = w.trend_caption(&model.title, first, year.year);
    let columns = w.trend_columns(&model.region().name, &model.reference).to_vec();
    crate::table::finish(model, lang, caption, columns, 2, rows)
}

/// From this width (CSS px) the end labels carry their area's name.
const NAMES_FROM: f64 = 480.0;
/// The most an area's name takes in an end label, CSS px.
const NAME_ROOM: f64 = 84.0;

/// One year of one tier: the region's and the reference's figures, when the data has them.
struct YearPoint<'a> {
    year: i32,
    region: Option<&'a Figure>,
    reference: Option<&'a Figure>,
}

/// Each tier of the latest year, its points over the years: the region's and the reference's
/// figures where the data has them and the series is shown. Each year's tiers are looked up by
/// name in a sorted index, so the cost grows with tiers × years, not tiers² × years.
fn series(model: &Model, shown: Shown) -> Vec<Vec<YearPoint<'_>>> {
    let years = model.years();
    let index: Vec<Vec<(&str, &TierModel)>> = years
        .iter()
        .map(|y| {
            let mut v: Vec<(&str, &TierModel)> = y.tiers.iter().map(|t| (t.key.as_str(), t)).collect();
            crate::sort::sort_by(&mut v, |a, b| a.0.cmp(b.0));
            v
        })
        .collect();
    model
        .current()
        .tiers
        .iter()
        .map(|t| {
            years
                .iter()
                .zip(&index)
                .map(|(y, idx)| {
                    let yt = idx.binary_search_by(|(k, _)| (*k).cmp(t.key.as_str())).ok().map(|i| idx[i].1);
                    YearPoint {
                        year: y.year,
                        region: yt.map(|x| &x.rate).filter(|_| shown.region),
                        reference: yt.and_then(|x| x.reference_rate.as_ref()).filter(|_| shown.reference),
                    }
                })
                .collect()
        })
        .collect()
}

fn footnotes_of(series: &[Vec<YearPoint>]) -> Vec<usize> {
    collect_footnotes(series.iter().flatten().flat_map(|p| [p.region, p.reference]).flatten())
}

/// The warnings carried by the figures the view shows with these series shown.
fn footnotes(model: &Model, shown: Shown) -> Vec<usize> {
    footnotes_of(&series(model, shown))
}

fn trend(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let current = model.current();
    let tiers = &current.tiers;
    let mut f = Frame::open(model, opts, || (subtitle(model, opts.lang), legend(model, opts.lang)));
    let series = series(model, opts.shown);
    let footnotes = footnotes_of(&series);
    f.set_footnotes(model, footnotes.clone());
    let g = Geometry::new(&f, model, &series, &footnotes, opts);

    let footer_plain = f.footer_height(&[]);
    let footer_paged = f.footer_height(&[w.page_note(99, 99)]);
    let y0 = f.y + f.px(4.0);
    let n = tiers.len().max(1) as f64;
    let want = opts.height * f.s - f.pad - footer_plain - f.px(6.0) - y0;
    let panel_h = clamp(want / n, f.px(130.0), f.px(260.0));
    // Panels a page: as many as fit in the tallest the chart may be.
    let budget = |footer: f64| opts.max_height.min(MAX_HEIGHT) * f.s - (y0 + f.px(6.0) + footer + f.pad);
    let units = vec![1; tiers.len()];
    let mut pages = paginate(&units, panel_h, 0.0, budget(footer_plain));
    if pages.len() > 1 {
        // A paged chart says so under it, in a longer footer.
        pages = paginate(&units, panel_h, 0.0, budget(footer_paged));
    }
    let page = opts.page.min(pages.len() - 1);
    let footer_h = if pages.len() > 1 { footer_paged } else { footer_plain };
    let on_page = pages[page].len().max(1) as f64;
    let height = (y0 + panel_h * on_page + f.px(6.0) + footer_h + f.pad).max(opts.height * f.s);
    let t = Trend { g: &g, model, footnotes: &footnotes, w, panel_h, opts };
    for (k, block) in pages[page].iter().enumerate() {
        let i = block.part;
        t.panel(&mut f, (i, &tiers[i]), &series[i], y0 + panel_h * k as f64);
    }
    let notes = if pages.len() > 1 { vec![w.page_note(page + 1, pages.len())] } else { Vec::new() };
    f.footer(y0 + panel_h * on_page + f.px(6.0), &notes);
    let mut scene = f.finish(VIEW.name, height, Rect::new(g.x0, y0, g.x1, y0 + panel_h * on_page));
    scene.pages = pages.len();
    scene.page = page;
    scene
}

/// The horizontal geometry and type sizes every panel shares.
struct Geometry {
    x0: f64,
    x1: f64,
    first: i32,
    last: i32,
    /// Label the years every this many.
    every: i32,
    tick_size: f64,
    value_size: f64,
    name_size: f64,
    /// The end labels' names ("运城市 "), empty where the chart is too narrow for them.
    region_name: String,
    reference_name: String,
}

impl Geometry {
    fn new(f: &Frame, model: &Model, series: &[Vec<YearPoint>], footnotes: &[usize], opts: &Options) -> Geometry {
        let current = model.current();
        let tick_size = f.px(f.ty.tick);
        let value_size = f.px(f.ty.value);
        let axis_w = text::width("100.0%", tick_size) + f.px(8.0);
        // The end labels name their line where there is room ("运城市 16.1%"), so the two lines
        // are told apart by more than colour; the dashes and squares of the reference do that too.
        let named = opts.width >= NAMES_FROM;
        let end_name =
            |area: &str| if named { text::ellipsize(area, value_size, f.px(NAME_ROOM)) + " " } else { String::new() };
        let (region_name, reference_name) = (end_name(&model.region().name), end_name(&model.reference));
        let value_w = series
            .iter()
            .flatten()
            .flat_map(|p| [(p.region, &region_name), (p.reference, &reference_name)])
            .filter_map(|(v, name)| {
                v.map(|v| text::width(&(name.clone() + &value_text(v, footnotes, true)), value_size))
            })
            .fold(0.0, f64::max);
        let x0 = f.pad + axis_w;
        let x1 = f.w - f.pad - value_w - f.px(12.0);
        let (first, last) = (model.years().first().map_or(current.year, |y| y.year), current.year);
        // Year labels: every k-th, so they never collide.
        let year_w = text::width("2024", tick_size) + f.px(10.0);
        let span = (x1 - x0).max(1.0);
        let every = ((year_w * (last - first).max(1) as f64) / span).ceil().max(1.0) as i32;
        Geometry {
            x0,
            x1,
            first,
            last,
            every,
            tick_size,
            value_size,
            name_size: f.px(f.ty.category),
            region_name,
            reference_name,
        }
    }

    fn x_of(&self, year: i32) -> f64 {
        if self.last > self.first {
            self.x0 + (year - self.first) as f64 / (self.last - self.first) as f64 * (self.x1 - self.x0)
        } else {
            (self.x0 + self.x1) / 2.0
        }
    }
}

/// What the panels of one chart share.
struct Trend<'a> {
    g: &'a Geometry,
    model: &'a Model,
    footnotes: &'a [usize],
    w: &'static dyn Words,
    panel_h: f64,
    opts: &'a Options,
}

/// A panel's vertical scale: `lo` at `py1`, `hi` at `py0`.
struct Scale {
    py0: f64,
    py1: f64,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn y_of(&self, v: f64) -> f64 {
        self.py1 - (v - self.lo) / (self.hi - self.lo) * (self.py1 - self.py0)
    }
}

impl Trend<'_> {
    /// Tier `i`'s panel from `top`: head, grid and years, the gap, the two lines, the points,
    /// the end labels.
    fn panel(&self, f: &mut Frame, (i, t): (usize, &TierModel), points: &[YearPoint], top: f64) {
        let g = self.g;
        self.head(f, t, top);
        let header_h = g.name_size * LINE + f.px(6.0);
        let year_h = g.tick_size * LINE + f.px(6.0);
        let (py0, py1) = (top + header_h + f.px(6.0), top + self.panel_h - year_h - f.px(10.0));
        let values: Vec<f64> = points.iter().flat_map(|p| [p.region, p.reference]).flatten().map(|v| v.value).collect();
        let (lo, hi, step) = range(&values);
        let sc = Scale { py0, py1, lo, hi };
        self.grid(f, points, &sc, step);
        self.lines(f, points, &sc);
        self.points(f, i, points, &sc);
        self.end_labels(f, points, &sc);
    }

    /// The tier's name, and the latest gap to the reference on the right.
    fn head(&self, f: &mut Frame, t: &TierModel, top: f64) {
        let (g, w) = (self.g, self.w);
        let name = text::ellipsize(&t.name, g.name_size, f.w * 0.45);
        f.text(f.pad, top, name, LabelStyle::new(g.name_size, Ink::Text).bold());
        let Some(gap) = t.vs_reference.as_ref().filter(|_| self.opts.shown.region && self.opts.shown.reference) else {
            return;
        };
        let room = f.w - f.pad * 2.0 - text::width(&t.name, g.name_size).min(f.w * 0.45) - f.px(12.0);
        let s = signed(gap.value, gap.decimals);
        let abs = fixed(gap.value.abs(), gap.decimals);
        let derived = if gap.is_derived() { w.derived_suffix() } else { "" };
        let marks = markers(gap, self.footnotes);
        let year = self.model.current().year;
        let long = w.latest_gap(year, s.as_deref(), &abs, &self.model.reference) + derived + &marks;
        let short = w.short_gap(s.as_deref().unwrap_or("0")) + derived + &marks;
        let note =
            if text::width(&long, g.value_size) <= room { long } else { text::ellipsize(&short, g.value_size, room) };
        let style = LabelStyle::new(g.value_size, Ink::Muted).anchor(HAlign::Right, VAlign::Top);
        f.text(f.w - f.pad, top + f.px(1.0), note, style);
    }

    /// The value grid with its labels, and the years under it.
    fn grid(&self, f: &mut Frame, points: &[YearPoint], sc: &Scale, step: f64) {
        let g = self.g;
        let grid_w = f.stroke(1.0);
        let tick = LabelStyle::new(g.tick_size, Ink::Muted);
        let mut v = sc.lo;
        while v <= sc.hi + 1e-9 {
            let y = sc.y_of(v).round() as i32;
            let ink = if v == sc.lo { Ink::Axis } else { Ink::Grid };
            f.marks.push(Mark::Line {
                from: (g.x0.round() as i32, y),
                to: (g.x1.round() as i32, y),
                ink,
                width: grid_w,
            });
            f.text(g.x0 - f.px(6.0), y as f64, tick_label(v), tick.anchor(HAlign::Right, VAlign::Middle));
            v += step;
        }
        for p in points.iter().filter(|p| (p.year - g.first) % g.every == 0 || p.year == g.last) {
            let x = g.x_of(p.year);
            f.text(x, sc.py1 + f.px(6.0), crate::format::int(p.year as i64), tick.anchor(HAlign::Center, VAlign::Top));
        }
    }

    /// The gap shaded between consecutive years where both lines exist; the reference dashed,
    /// the region solid over it.
    fn lines(&self, f: &mut Frame, points: &[YearPoint], sc: &Scale) {
        let g = self.g;
        let line_w = f.stroke(2.5);
        let pt = |year: i32, fig: &Figure| (g.x_of(year).round() as i32, sc.y_of(fig.value).round() as i32);
        for w in points.windows(2) {
            if let (Some(ra), Some(fa), Some(rb), Some(fb)) = (w[0].region, w[0].reference, w[1].region, w[1].reference)
            {
                f.marks.push(Mark::Polygon {
                    points: vec![pt(w[0].year, ra), pt(w[1].year, rb), pt(w[1].year, fb), pt(w[0].year, fa)],
                    ink: Ink::RegionTint,
                });
            }
        }
        let dash = (f.px(6.0), f.px(4.0));
        for w in points.windows(2) {
            if let (Some(a), Some(b)) = (w[0].reference, w[1].reference) {
                let (pa, pb) = (pt(w[0].year, a), pt(w[1].year, b));
                let (pa, pb) = ((pa.0 as f64, pa.1 as f64), (pb.0 as f64, pb.1 as f64));
                f.dash_line(pa, pb, dash, Ink::Reference, line_w);
            }
        }
        for w in points.windows(2) {
            if let (Some(a), Some(b)) = (w[0].region, w[1].region) {
                f.marks.push(Mark::Line {
                    from: pt(w[0].year, a),
                    to: pt(w[1].year, b),
                    ink: Ink::Region,
                    width: line_w,
                });
            }
        }
    }

    /// Points, each one hoverable: the region's dots, the reference's squares; hollow when derived.
    fn points(&self, f: &mut Frame, i: usize, points: &[YearPoint], sc: &Scale) {
        let g = self.g;
        let (r, width) = (f.px(4.0), f.stroke(2.0));
        let pt = |year: i32, fig: &Figure| (g.x_of(year).round() as i32, sc.y_of(fig.value).round() as i32);
        for p in points {
            if let Some(fig) = p.reference {
                let c = pt(p.year, fig);
                let sq = Rect::new(c.0 as f64 - r, c.1 as f64 - r, c.0 as f64 + r, c.1 as f64 + r);
                if fig.is_derived() {
                    f.marks.push(Mark::Fill { rect: sq, ink: Ink::Background });
                    f.marks.push(Mark::Outline { rect: sq, ink: Ink::Reference, width });
                } else {
                    f.marks.push(Mark::Fill { rect: sq, ink: Ink::Reference });
                }
                f.hit(sq, p.year, i, Series::Reference);
            }
            if let Some(fig) = p.region {
                let c = pt(p.year, fig);
                let radius = r.round() as u32;
                f.marks.push(Mark::Dot { center: c, radius, ink: Ink::Region, hollow: fig.is_derived(), width });
                let rect = Rect::new(c.0 as f64 - r, c.1 as f64 - r, c.0 as f64 + r, c.1 as f64 + r);
                f.hit(rect, p.year, i, Series::Region);
            }
        }
    }

    /// The latest values at the right end, pushed apart when they would touch.
    fn end_labels(&self, f: &mut Frame, points: &[YearPoint], sc: &Scale) {
        let g = self.g;
        let last_of = |pick: usize| {
            points.iter().rev().find_map(|p| if pick == 0 { p.region } else { p.reference }.map(|f| (p.year, f)))
        };
        let mut labels: Vec<(f64, String, Ink, bool, f64)> = Vec::new();
        for (pick, ink, bold, name) in
            [(0, Ink::Text, true, &g.region_name), (1, Ink::Reference, false, &g.reference_name)]
        {
            if let Some((year, fig)) = last_of(pick) {
                let label = name.clone() + &value_text(fig, self.footnotes, true);
                labels.push((sc.y_of(fig.value), label, ink, bold, g.x_of(year)));
            }
        }
        if let [a, b] = &mut labels[..] {
            let need = g.value_size * LINE;
            if (a.0 - b.0).abs() < need {
                let mid = (a.0 + b.0) / 2.0;
                let (up, down) = if a.0 <= b.0 { (&mut *a, &mut *b) } else { (&mut *b, &mut *a) };
                up.0 = mid - need / 2.0;
                down.0 = mid + need / 2.0;
            }
        }
        for (y, label, ink, bold, x) in labels {
            let y = clamp(y, sc.py0, sc.py1);
            let style = LabelStyle::new(g.value_size, ink).weight(bold).anchor(HAlign::Left, VAlign::Middle);
            f.text(x.max(g.x1) + f.px(8.0), y, label, style);
        }
    }
}
