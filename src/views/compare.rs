//! The compare view (对比全省): per tier, the region's and the reference's bars for the
//! latest year, value labels over them, and the difference in points over each pair.

use super::ViewDef;
use crate::format::signed;
use crate::lang::Lang;
use crate::layout::frame::{Frame, LINE};
use crate::layout::labels::{collect_footnotes, markers, two_lines, value_text};
use crate::layout::scale::{nice_scale, tick_label};
use crate::layout::Series;
use crate::layout::{legend_item as item, LegendItem, Options, Scene, Shown, Swatch};
use crate::layout::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use crate::model::{Figure, Model, TierModel};
use crate::text;
use crate::words::{words, ViewName, Words};

pub(super) const VIEW: ViewDef = ViewDef {
    name: "compare",
    supports: |_| true,
    label: |w, reference| w.view_label(ViewName::Compare, reference),
    subtitle,
    legend,
    footnotes,
    layout: compare,
    summary: super::latest_year_summary,
    table: super::latest_year_table,
    tier_in: super::region_tier,
    figure: super::region_figure,
};

fn subtitle(model: &Model, lang: Lang) -> String {
    words(lang).compare_subtitle(model.current().year, &model.region().name, &model.reference)
}

/// The region and the reference, then what hatching and the dashed line mean where used.
fn legend(model: &Model, lang: Lang) -> Vec<LegendItem> {
    let w = words(lang);
    let tiers = &model.current().tiers;
    let mut out = vec![item(Swatch::Solid(Ink::Region), model.region().name.clone(), Some(Series::Region))];
    if tiers.iter().any(|t| t.reference_rate.is_some()) {
        out.push(item(Swatch::Solid(Ink::Reference), model.reference.clone(), Some(Series::Reference)));
    }
    if tiers.iter().any(|t| t.rate.is_derived() || t.reference_rate.as_ref().is_some_and(Figure::is_derived)) {
        out.push(item(Swatch::Hatched(Ink::Muted), w.derived_bar_legend().to_string(), None));
    }
    if tiers.iter().any(|t| t.rate_from_counts.as_ref().is_some_and(|c| !c.warnings.is_empty())) {
        out.push(item(Swatch::Dashed(Ink::Warning), w.counts_marker_legend().to_string(), None));
    }
    out
}

/// How wide a bar may be, in CSS pixels, and how much of its group the pair fills.
const MAX_BAR: f64 = 60.0;
const GROUP_FILL: f64 = 0.72;

fn compare(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::open(model, opts, || (subtitle(model, opts.lang), legend(model, opts.lang)));
    let cols = Columns::new(&f, tiers, opts);
    let footnotes = footnotes(model, opts.shown);
    f.set_footnotes(model, footnotes.clone());
    let labels = Labels::choose(&f, &cols, tiers, &footnotes, w);

    // Vertical geometry: header | plot (with headroom for labels) | areas' names | tier names | footer.
    let cat_size = f.px(f.ty.category);
    let cat_lines = tier_names(&f, &cols, tiers, cat_size);
    let name_size = f.px(f.ty.tick);
    let names = names_under_bars(&f, &cols, model, name_size, labels.dense);
    let names_h = if names { name_size * LINE + f.px(2.0) } else { 0.0 };
    let cat_h = cat_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * cat_size * LINE + f.px(8.0) + names_h;
    let footer_h = f.footer_height(&labels.notes);
    let label_h = labels.value_size * LINE;
    let headroom = if labels.dense {
        f.px(4.0)
    } else {
        label_h * if labels.stagger { 2.0 } else { 1.0 }
            + if cols.pair_in_data { f.px(8.0) + labels.diff_size * LINE } else { 0.0 }
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
    let y = Axis { top: y0 + headroom, bottom: y1, max: axis_max };
    grid(&mut f, &cols, &y, step);

    let cat_style = LabelStyle::new(cat_size, Ink::Text).anchor(HAlign::Center, VAlign::Top);
    for (i, t) in tiers.iter().enumerate() {
        // A thinned group stands over the slots of the groups it stands for.
        let span = cols.every.min(tiers.len() - i) as f64;
        let cx = cols.x0 + cols.gw * (i as f64 + span / 2.0);
        if i % cols.every == 0 {
            pair(&mut f, &cols, &labels, &y, (i, t), cx, year.year, &footnotes);
            if names {
                let y = y1 + f.px(4.0);
                name_bars(&mut f, &cols, model, cx, y, name_size);
            }
        }
        for (k, line) in cat_lines[i].iter().enumerate() {
            f.text(cx, y1 + f.px(6.0) + names_h + k as f64 * cat_size * LINE, line.clone(), cat_style);
        }
    }

    f.footer(y1 + cat_h + f.px(6.0), &labels.notes);
    f.finish(VIEW.name, height, Rect::new(cols.x0, y0, cols.x1, y1))
}

/// The warnings carried by the figures the view shows with these series shown.
fn footnotes(model: &Model, shown: Shown) -> Vec<usize> {
    let tiers = &model.current().tiers;
    let pair_in_data = tiers.iter().any(|t| t.reference_rate.is_some());
    let (region, reference) = (shown.region, shown.reference && pair_in_data);
    collect_footnotes(tiers.iter().flat_map(|t| {
        let rate = region.then_some(&t.rate);
        let reference_rate = t.reference_rate.as_ref().filter(|_| reference);
        let gap = t.vs_reference.as_ref().filter(|_| reference && region);
        let counts = t.rate_from_counts.as_ref().filter(|_| region);
        [rate, reference_rate, gap, counts].into_iter().flatten()
    }))
}

/// The horizontal geometry: one group per tier, one or two bars a group. Bar widths and the
/// axis follow the data, not the toggles, so hiding a series never moves what stays.
struct Columns {
    x0: f64,
    x1: f64,
    /// A group's width.
    gw: f64,
    /// One group drawn in this many (1: every group), where bars would be thinner than a pixel.
    every: usize,
    pair_gap: f64,
    bar_w: f64,
    /// Whether the data has a reference rate anywhere (then every group holds a pair).
    pair_in_data: bool,
    /// Which series are drawn.
    region: bool,
    reference: bool,
}

impl Columns {
    fn new(f: &Frame, tiers: &[TierModel], opts: &Options) -> Columns {
        let n = tiers.len().max(1) as f64;
        let tick_size = f.px(f.ty.tick);
        let axis_w = text::width("100%", tick_size) + f.px(8.0);
        let x0 = f.pad + axis_w;
        let x1 = f.w - f.pad;
        let gw = (x1 - x0) / n;
        let pair_in_data = tiers.iter().any(|t| t.reference_rate.is_some());
        let bars = if pair_in_data { 2.0 } else { 1.0 };
        // A pair fills most of its group and never more: bars never reach into the next
        // group's slot, however many groups share the width.
        let gap_for = |g: f64| f.px(3.0).max(g * 0.03).min(g * 0.12);
        let bar_for = |g: f64| ((g * GROUP_FILL - gap_for(g) * (bars - 1.0)) / bars).min(f.px(MAX_BAR));
        // Thinner than a device pixel, a bar shows nothing true: draw one group in `every`,
        // each over the slots of the groups it stands for, and say so under the chart.
        let mut every = 1;
        while bar_for(gw * every as f64) < 1.0 && every < tiers.len() {
            every += 1;
        }
        let pair_gap = gap_for(gw * every as f64);
        let bar_w = bar_for(gw * every as f64).max(1.0);
        Columns {
            x0,
            x1,
            gw,
            every,
            pair_gap,
            bar_w,
            pair_in_data,
            region: opts.shown.region,
            reference: opts.shown.reference && pair_in_data,
        }
    }

    fn both(&self) -> bool {
        self.region && self.reference
    }
}

/// How the labels are written, the longest form that fits every group.
struct Labels<'w> {
    value_size: f64,
    /// "15.5%" rather than "15.5".
    pct: bool,
    /// The pair's value labels one above the other.
    stagger: bool,
    /// Too many tiers for any label over the bars: the values live in the tooltip and table.
    dense: bool,
    diff_size: f64,
    diff: DiffForm,
    notes: Vec<String>,
    w: &'w dyn Words,
}

/// A difference label: "+0.7 percentage points", "+0.7 pp" (explained once in a note), or
/// "+0.7" with a unit note.
#[derive(Clone, Copy, PartialEq)]
enum DiffForm {
    Long,
    Short,
    Bare,
}

impl<'w> Labels<'w> {
    fn choose(f: &Frame, c: &Columns, tiers: &[TierModel], footnotes: &[usize], w: &'w dyn Words) -> Labels<'w> {
        // Value labels: full "15.5%①" if neighbours do not collide, else without "%", else smaller.
        let value_fits = |size: f64, pct: bool| -> bool {
            tiers.iter().all(|t| {
                let a = text::width(&value_text(&t.rate, footnotes, pct), size);
                let b = t.reference_rate.as_ref().map_or(0.0, |r| text::width(&value_text(r, footnotes, pct), size));
                (a + b) / 2.0 + f.px(8.0) <= c.bar_w + c.pair_gap && a.max(b) <= c.gw - f.px(2.0)
            })
        };
        let mut value_size = f.px(f.ty.value);
        let (mut pct, mut stagger, mut dense) = (true, false, false);
        if !value_fits(value_size, true) {
            pct = false;
            if !value_fits(value_size, false) {
                value_size = f.px(10.0);
                let stacked_fits = tiers.iter().all(|t| {
                    let a = text::width(&value_text(&t.rate, footnotes, false), value_size);
                    let b = t
                        .reference_rate
                        .as_ref()
                        .map_or(0.0, |r| text::width(&value_text(r, footnotes, false), value_size));
                    a.max(b) <= c.gw - f.px(2.0)
                });
                stagger = !value_fits(value_size, false) && stacked_fits;
                dense = !value_fits(value_size, false) && !stacked_fits;
            }
        }
        let diff_size = f.px(f.ty.value);
        let mut labels =
            Labels { value_size, pct, stagger, dense, diff_size, diff: DiffForm::Long, notes: Vec::new(), w };
        let fits = |form: DiffForm| {
            tiers.iter().all(|t| {
                t.vs_reference
                    .as_ref()
                    .is_none_or(|d| text::width(&labels.diff_text(d, form, footnotes), diff_size) <= c.gw - f.px(4.0))
            })
        };
        let diff = [DiffForm::Long, DiffForm::Short].into_iter().find(|&d| fits(d)).unwrap_or(DiffForm::Bare);
        let mut notes = Vec::new();
        if c.every > 1 {
            notes.push(w.thinned(c.every));
        }
        if dense {
            notes.push(w.too_many_bars().to_string());
        } else if c.both() && diff != DiffForm::Long {
            let note = if diff == DiffForm::Short { w.points_short_note() } else { w.points_unit_note() };
            if !note.is_empty() {
                notes.push(note.to_string());
            }
        }
        if !pct && !dense {
            notes.push(w.percent_unit_note().to_string());
        }
        labels.diff = diff;
        labels.notes = notes;
        labels
    }

    fn diff_text(&self, d: &Figure, form: DiffForm, footnotes: &[usize]) -> String {
        let s = signed(d.value, d.decimals);
        // A gap computed from two stated rates is derived, and says so where there is room
        // (the bare form's note says it for every gap).
        let derived = if d.is_derived() { self.w.derived_suffix() } else { "" };
        let body = match form {
            DiffForm::Long => self.w.points_vs_reference(s.as_deref()) + derived,
            DiffForm::Short => self.w.points_short_vs_reference(s.as_deref()) + derived,
            DiffForm::Bare => s.unwrap_or_else(|| self.w.level().into()),
        };
        body + &markers(d, footnotes)
    }
}

/// Every tier's name under its group, in two lines at most; every k-th when they crowd.
fn tier_names(f: &Frame, c: &Columns, tiers: &[TierModel], size: f64) -> Vec<Vec<String>> {
    let widest = tiers.iter().map(|t| text::width(&t.name, size)).fold(0.0, f64::max);
    let gw = c.gw;
    let every = if gw >= f.px(36.0) { 1 } else { ((widest.min(f.px(60.0)) + f.px(8.0)) / gw).ceil().max(1.0) as usize };
    // Names only under groups that are drawn.
    let every = every.div_ceil(c.every) * c.every;
    tiers
        .iter()
        .enumerate()
        .map(|(i, t)| match every {
            1 => two_lines(&t.name, size, gw - f.px(4.0)),
            k if i % k == 0 => vec![text::ellipsize(&t.name, size, gw * k as f64 - f.px(8.0))],
            _ => Vec::new(),
        })
        .collect()
}

/// Whether each bar carries its area's name under it: both series drawn and, in some tier,
/// both stated, so that two solid bars would differ in colour only (WCAG 1.4.1), and each
/// name fits under its bar, whole or with at least two characters before its ellipsis.
fn names_under_bars(f: &Frame, c: &Columns, model: &Model, size: f64, dense: bool) -> bool {
    let stated_pair =
        |t: &TierModel| !t.rate.is_derived() && t.reference_rate.as_ref().is_some_and(|r| !r.is_derived());
    let fits = |name: &str| name_under_bar(f, c, name, size).chars().count() >= name.chars().count().min(3);
    c.both()
        && !dense
        && model.current().tiers.iter().any(stated_pair)
        && fits(&model.region().name)
        && fits(&model.reference)
}

/// `name` as it fits under a bar.
fn name_under_bar(f: &Frame, c: &Columns, name: &str, size: f64) -> String {
    text::ellipsize(name, size, c.bar_w + c.pair_gap - f.px(2.0))
}

/// The region's and the reference's names under their bars of the pair centred at `cx`.
fn name_bars(f: &mut Frame, c: &Columns, model: &Model, cx: f64, y: f64, size: f64) {
    let style = LabelStyle::new(size, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
    let half = (c.pair_gap + c.bar_w) / 2.0;
    for (x, name) in [(cx - half, &model.region().name), (cx + half, &model.reference)] {
        let label = name_under_bar(f, c, name, size);
        f.text(x, y, label, style);
    }
}

/// The value axis: 0 at `bottom`, `max` at `top`.
struct Axis {
    top: f64,
    bottom: f64,
    max: f64,
}

impl Axis {
    fn y(&self, v: f64) -> f64 {
        self.bottom - (v / self.max) * (self.bottom - self.top)
    }
}

fn grid(f: &mut Frame, c: &Columns, y: &Axis, step: f64) {
    let grid_w = f.stroke(1.0);
    let tick = LabelStyle::new(f.px(f.ty.tick), Ink::Muted).anchor(HAlign::Right, VAlign::Middle);
    let mut v = 0.0;
    while v <= y.max + 1e-9 {
        let yv = y.y(v);
        let ink = if v == 0.0 { Ink::Axis } else { Ink::Grid };
        f.marks.push(Mark::Line {
            from: (c.x0.round() as i32, yv.round() as i32),
            to: (c.x1.round() as i32, yv.round() as i32),
            ink,
            width: grid_w,
        });
        f.text(c.x0 - f.px(6.0), yv, tick_label(v), tick);
        v += step;
    }
}

/// One tier's group: its bars, the counts marker, the value labels and the difference.
#[allow(clippy::too_many_arguments)]
fn pair(
    f: &mut Frame,
    c: &Columns,
    labels: &Labels,
    y: &Axis,
    (i, t): (usize, &TierModel),
    cx: f64,
    year: i32,
    footnotes: &[usize],
) {
    let (rx0, fx0) = if c.both() {
        (cx - c.pair_gap / 2.0 - c.bar_w, cx + c.pair_gap / 2.0)
    } else {
        (cx - c.bar_w / 2.0, cx - c.bar_w / 2.0)
    };
    let bar_w = c.bar_w;
    let base = y.y(0.0);
    let region_rect = Rect::new(rx0, y.y(t.rate.value), rx0 + bar_w, base);
    if c.region {
        f.bar(region_rect, Ink::Region, t.rate.is_derived());
        f.hit(region_rect, year, i, Series::Region);
    }
    let mut region_top = region_rect.y0 as f64;
    // Where the counts disagree with the stated rate: a dashed line at the rate they give.
    if let Some(fc) = t.rate_from_counts.as_ref().filter(|fc| c.region && !fc.warnings.is_empty()) {
        let yc = y.y(fc.value);
        let w = f.stroke(2.0);
        // On a band of the background, so the dashes stand 3:1 clear of the bar they cross.
        let halo = w + 2 * f.stroke(1.5);
        // 4 px beyond the bar each side: band, dashes and the point's box alike.
        let (x0, x1) = (rx0 - f.px(4.0), rx0 + bar_w + f.px(4.0));
        let at = yc.round() as i32;
        f.marks.push(Mark::Line {
            from: (x0.round() as i32, at),
            to: (x1.round() as i32, at),
            ink: Ink::Background,
            width: halo,
        });
        f.dashed(x0, x1, yc, Ink::Warning, w);
        let marker = Rect::new(x0, yc - f.px(4.0), x1, yc + f.px(4.0));
        f.hit_with_target(marker, marker, year, i, Series::FromCounts);
        region_top = region_top.min(yc - f.px(2.0));
    }
    let region_cx = rx0 + bar_w / 2.0;
    let mut label_tops = region_top - f.px(3.0);
    let reference = t.reference_rate.as_ref().filter(|_| c.reference).map(|r| {
        let rect = Rect::new(fx0, y.y(r.value), fx0 + bar_w, base);
        f.bar(rect, Ink::Reference, r.is_derived());
        f.hit(rect, year, i, Series::Reference);
        (r, rect)
    });
    let value_style = LabelStyle::new(labels.value_size, Ink::Text).anchor(HAlign::Center, VAlign::Bottom);
    let value_label = |f: &mut Frame, x: f64, y: f64, fig: &Figure| {
        f.text(x, y, value_text(fig, footnotes, labels.pct), value_style);
    };
    let above_region = region_top - f.px(3.0);
    let label_h = labels.value_size * LINE;
    match &reference {
        _ if labels.dense => {}
        Some((r, rect)) if !c.region => {
            let yr = rect.y0 as f64 - f.px(3.0);
            value_label(f, fx0 + bar_w / 2.0, yr, r);
        }
        None if !c.region => {}
        Some((r, rect)) if labels.stagger => {
            let yr = region_top.min(rect.y0 as f64) - f.px(3.0);
            value_label(f, region_cx, yr - label_h, &t.rate);
            value_label(f, fx0 + bar_w / 2.0, yr, r);
            label_tops = yr - 2.0 * label_h;
        }
        Some((r, rect)) => {
            value_label(f, region_cx, above_region, &t.rate);
            let yr = rect.y0 as f64 - f.px(3.0);
            value_label(f, fx0 + bar_w / 2.0, yr, r);
            label_tops = label_tops.min(yr) - label_h;
        }
        None => value_label(f, region_cx, above_region, &t.rate),
    }
    // The difference: a bracket over the pair, the signed gap above it.
    if let (Some((_, rect)), Some(d), true, false) = (&reference, &t.vs_reference, c.region, labels.dense) {
        let yb = label_tops - f.px(4.0);
        let tick = f.px(4.0);
        let (xa, xb) = (region_cx, (rect.x0 + rect.x1) as f64 / 2.0);
        let w = f.stroke(1.0);
        let p = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
        f.marks.push(Mark::Line { from: p(xa, yb + tick), to: p(xa, yb), ink: Ink::Muted, width: w });
        f.marks.push(Mark::Line { from: p(xa, yb), to: p(xb, yb), ink: Ink::Muted, width: w });
        f.marks.push(Mark::Line { from: p(xb, yb), to: p(xb, yb + tick), ink: Ink::Muted, width: w });
        let style = LabelStyle::new(labels.diff_size, Ink::Text).bold().anchor(HAlign::Center, VAlign::Bottom);
        f.text((xa + xb) / 2.0, yb - f.px(2.0), labels.diff_text(d, labels.diff, footnotes), style);
    }
}
