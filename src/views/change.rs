//! The change view (同比变化): per tier, two panels side by side.
//!
//! - The rates: last year's as a thin bar over this year's, from 0 %, with the reference's
//!   rate as a tick. Lengths read as levels, so a 0.4-point rise on a 15 % rate looks as small
//!   as it is next to the rate.
//! - The change: a bar from a zero line in percentage points, on its own scale from the
//!   smallest to the largest change (and zero). A 0.1-point change is a tenth of a one-point
//!   axis, visible at 320 px; a note under the chart says that this scale is the change's
//!   own and not the rates'.

use super::ViewDef;
use crate::format::{decimals_of, fixed, signed};
use crate::lang::Lang;
use crate::layout::frame::{Frame, LINE};
use crate::layout::labels::{centre_within, collect_footnotes, markers, two_lines, value_text};
use crate::layout::scale::{label_every, nice_scale, tick_label};
use crate::layout::Series;
use crate::layout::{legend_item as item, LegendItem, Options, Scene, Shown, Swatch};
use crate::layout::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use crate::model::{Figure, Model, TierModel};
use crate::text;
use crate::words::{words, ViewName, Words};

pub(super) const VIEW: ViewDef = ViewDef {
    name: "change",
    supports: |_| true,
    label: |w, reference| w.view_label(ViewName::Change, reference),
    subtitle,
    legend,
    footnotes,
    layout: change,
    summary: super::latest_year_summary,
    table: super::latest_year_table,
    tier_in: super::region_tier,
    figure: super::region_figure,
};

fn subtitle(model: &Model, lang: Lang) -> String {
    words(lang).change_subtitle(model.current().year, &model.region().name)
}

/// This year and last, the reference's tick, and what hatching means where used.
fn legend(model: &Model, lang: Lang) -> Vec<LegendItem> {
    let w = words(lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut out = vec![item(Swatch::Solid(Ink::Region), w.area_in_year(&model.region().name, year.year), None)];
    if tiers.iter().any(|t| t.previous_rate.is_some()) {
        let l = w.area_in_year(&model.region().name, year.year - 1);
        out.push(item(Swatch::Solid(Ink::Previous), l, Some(Series::Previous)));
    }
    if tiers.iter().any(|t| t.reference_rate.is_some()) {
        let l = w.area_in_year(&model.reference, year.year);
        out.push(item(Swatch::Tick(Ink::Reference), l, Some(Series::Reference)));
    }
    let derived = |f: Option<&Figure>| f.is_some_and(Figure::is_derived);
    if tiers.iter().any(|t| t.rate.is_derived() || derived(t.previous_rate.as_ref()) || derived(t.vs_previous.as_ref()))
    {
        out.push(item(Swatch::Hatched(Ink::Muted), w.derived_bar_legend().to_string(), None));
    }
    out
}

/// Past this many tiers, rows are compact: bars only, values in the tooltip and the table.
const COMPACT_AFTER: usize = 12;

/// The change axis: from the smallest change (or zero) to the largest (or zero), with round
/// ends, at least one point wide; its tick step.
pub fn change_range(changes: impl Iterator<Item = f64>) -> (f64, f64, f64) {
    let (lo, hi) = changes.filter(|v| v.is_finite()).fold((0.0f64, 0.0f64), |(a, b), v| (a.min(v), b.max(v)));
    let (_, step) = nice_scale((hi - lo).max(1.0));
    let mut lo = (lo / step + 1e-9).floor() * step;
    let mut hi = (hi / step - 1e-9).ceil() * step;
    // Short of a point, the axis grows on the side of the larger change.
    let short = (1.0 / step).ceil() * step - (hi - lo);
    if short > 1e-9 {
        if -lo > hi {
            lo -= short;
        } else {
            hi += short;
        }
    }
    (lo, hi, step)
}

/// A change-axis tick: "0", "+0.5", "−1".
fn change_tick(v: f64, step: f64) -> String {
    signed(v, decimals_of(step)).unwrap_or_else(|| "0".into())
}

/// The warnings carried by the figures the view shows with these series shown.
fn footnotes(model: &Model, shown: Shown) -> Vec<usize> {
    collect_footnotes(model.current().tiers.iter().flat_map(|t| {
        let previous = t.previous_rate.as_ref().filter(|_| shown.previous);
        let reference = t.reference_rate.as_ref().filter(|_| shown.reference);
        [Some(&t.rate), previous, t.vs_previous.as_ref(), reference].into_iter().flatten()
    }))
}

fn change(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::open(model, opts, || (subtitle(model, opts.lang), legend(model, opts.lang)));
    let any_previous = tiers.iter().any(|t| t.previous_rate.is_some());
    if !any_previous {
        f.paragraph(&w.no_previous_year(year.year), f.ty.subtitle, false, Ink::Text);
        f.y += f.px(4.0);
    }
    let footnotes = footnotes(model, opts.shown);
    f.set_footnotes(model, footnotes.clone());

    let c = Change::new(&f, tiers, opts, &footnotes);
    let heads = c.heads();
    let head_h = heads.iter().map(|(_, lines)| lines.len()).max().unwrap_or(1) as f64 * c.small * LINE + f.px(6.0);
    let notes: Vec<String> = if c.any_change { vec![w.change_scale_note().to_string()] } else { Vec::new() };
    let axis_h = c.small * LINE + f.px(8.0);
    let footer_h = f.footer_height(&notes);
    let y0 = f.y + f.px(4.0) + if c.compact { 0.0 } else { head_h };
    let n = tiers.len().max(1) as f64;
    let rows = Rows::new(&f, &c, (opts.height * f.s - f.pad - footer_h - f.px(6.0) - axis_h - y0) / n);
    let y1 = y0 + rows.h * n;

    if !c.compact {
        let style = LabelStyle::new(c.small, Ink::Muted).anchor(HAlign::Left, VAlign::Top);
        for (x, lines) in heads {
            let top = y0 - head_h + (head_h - f.px(6.0) - lines.len() as f64 * c.small * LINE);
            for (k, line) in lines.into_iter().enumerate() {
                f.text(x, top + k as f64 * c.small * LINE, line, style);
            }
        }
    }
    c.axes(&mut f, y0, y1);
    let names = c.names(tiers, rows.h);
    for (i, (t, lines)) in tiers.iter().zip(names).enumerate() {
        c.row(&mut f, model, &rows, (i, t), y0 + rows.h * i as f64, lines, year.year);
    }

    let content = y1 + axis_h + f.px(6.0) + footer_h + f.pad;
    f.footer(y1 + axis_h + f.px(6.0), &notes);
    // As tall as the rows need: a chart of two tiers leaves no empty band under it.
    f.finish(VIEW.name, content, Rect::new(c.lx0, y0, if c.any_change { c.cx1 } else { c.lx1 }, y1))
}

/// The view's horizontal geometry and scales: names | rates from 0 % (and their labels) |
/// changes on their own scale (labels at both ends).
struct Change<'a> {
    w: &'static dyn Words,
    footnotes: &'a [usize],
    compact: bool,
    any_previous: bool,
    any_change: bool,
    any_reference: bool,
    show_previous: bool,
    show_reference: bool,
    name_size: f64,
    value_size: f64,
    small: f64,
    name_w: f64,
    /// The rates' panel: bars from `lx0`, 100 % of the axis at `lx1`, labels up to `lx0 + level_w`.
    lx0: f64,
    lx1: f64,
    level_w: f64,
    axis_max: f64,
    step: f64,
    /// The changes' panel spans `cx_lo..cx_hi`; its axis `c_lo..c_hi` runs `cx0..cx1`.
    cx_lo: f64,
    cx_hi: f64,
    cx0: f64,
    cx1: f64,
    c_lo: f64,
    c_hi: f64,
    c_step: f64,
}

impl<'a> Change<'a> {
    fn new(f: &Frame, tiers: &[TierModel], opts: &Options, footnotes: &'a [usize]) -> Change<'a> {
        let name_size = f.px(f.ty.category);
        let value_size = f.px(f.ty.value);
        let small = f.px(f.ty.tick);
        let any_change = tiers.iter().any(|t| t.vs_previous.is_some());
        let widest_name = tiers.iter().map(|t| text::width(&t.name, name_size)).fold(0.0, f64::max);
        let name_w = widest_name.min(f.inner_width() * 0.24).max(f.px(28.0));
        let widest =
            |texts: &mut dyn Iterator<Item = String>| texts.map(|t| text::width(&t, value_size)).fold(0.0, f64::max);
        let widest_rate = widest(
            &mut tiers
                .iter()
                .flat_map(|t| [Some(&t.rate), t.previous_rate.as_ref()].into_iter().flatten())
                .map(|v| value_text(v, footnotes, true)),
        );
        let lx0 = f.pad + name_w + f.px(12.0);
        let rest = f.w - f.pad - lx0;
        // Without a single change, the rates take the width (a paragraph above says why).
        let level_w = if any_change { rest * 0.48 } else { rest };
        let lx1 = (lx0 + level_w - widest_rate - f.px(6.0)).max(lx0 + f.px(30.0));
        let max_rate = tiers
            .iter()
            .flat_map(|t| [Some(&t.rate), t.previous_rate.as_ref(), t.reference_rate.as_ref()].into_iter().flatten())
            .map(|x| x.value)
            .fold(0.0, f64::max);
        let (axis_max, step) = nice_scale(max_rate);
        let (c_lo, c_hi, c_step) = change_range(tiers.iter().filter_map(|t| t.vs_previous.as_ref()).map(|c| c.value));
        let cx_lo = lx0 + level_w + f.px(14.0);
        let cx_hi = f.w - f.pad;
        let mut c = Change {
            w: words(opts.lang),
            footnotes,
            compact: tiers.len() > COMPACT_AFTER,
            any_previous: tiers.iter().any(|t| t.previous_rate.is_some()),
            any_change,
            any_reference: tiers.iter().any(|t| t.reference_rate.is_some()),
            show_previous: opts.shown.previous,
            show_reference: opts.shown.reference,
            name_size,
            value_size,
            small,
            name_w,
            lx0,
            lx1,
            level_w,
            axis_max,
            step,
            cx_lo,
            cx_hi,
            cx0: cx_lo,
            cx1: cx_hi,
            c_lo,
            c_hi,
            c_step,
        };
        // Room for labels on the sides where bars end.
        let widest_change =
            tiers.iter().filter_map(|t| t.vs_previous.as_ref()).map(|d| c.change_label(d)).collect::<Vec<_>>();
        let widest_change = widest(&mut widest_change.into_iter());
        let pad_neg = if tiers.iter().any(|t| t.vs_previous.as_ref().is_some_and(|d| d.value < 0.0)) {
            widest_change + f.px(6.0)
        } else {
            text::width(&change_tick(c_lo, c_step), small) / 2.0
        };
        let pad_pos = widest_change.max(text::width(&change_tick(c_hi, c_step), small) / 2.0) + f.px(6.0);
        c.cx0 = cx_lo + pad_neg;
        c.cx1 = (cx_hi - pad_pos).max(c.cx0 + f.px(30.0));
        c
    }

    fn x_rate(&self, v: f64) -> f64 {
        self.lx0 + (v / self.axis_max) * (self.lx1 - self.lx0)
    }

    fn x_change(&self, v: f64) -> f64 {
        self.cx0 + (v - self.c_lo) / (self.c_hi - self.c_lo) * (self.cx1 - self.cx0)
    }

    fn rate_label(&self, v: &Figure) -> String {
        value_text(v, self.footnotes, true)
    }

    /// "+0.4", "−1.3①"; zero as the language writes it in a column (持平 / 0.0).
    fn change_label(&self, c: &Figure) -> String {
        signed(c.value, c.decimals).unwrap_or_else(|| self.w.flat_cell(fixed(0.0, c.decimals)))
            + &markers(c, self.footnotes)
    }

    /// The heads over the two panels, each in at most two lines: (x, lines).
    fn heads(&self) -> Vec<(f64, Vec<String>)> {
        let mut heads = vec![(self.lx0, two_lines(self.w.change_rates_head(), self.small, self.level_w))];
        if self.any_change {
            heads.push((self.cx_lo, two_lines(self.w.change_points_head(), self.small, self.cx_hi - self.cx_lo)));
        }
        heads
    }

    /// Tier names, in two lines; in compact rows one line, and only as often as they fit.
    fn names(&self, tiers: &[TierModel], row_h: f64) -> Vec<Vec<String>> {
        let mut names: Vec<Vec<String>> =
            tiers.iter().map(|t| two_lines(&t.name, self.name_size, self.name_w)).collect();
        if self.compact {
            let every = (self.name_size * LINE / row_h).ceil().max(1.0) as usize;
            for (i, lines) in names.iter_mut().enumerate() {
                lines.truncate(1);
                if i % every != 0 {
                    lines.clear();
                }
            }
        }
        names
    }

    /// Both panels' grid lines, zero lines and tick labels under the rows `y0..y1`.
    fn axes(&self, f: &mut Frame, y0: f64, y1: f64) {
        let grid_w = f.stroke(1.0);
        let tick = LabelStyle::new(self.small, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
        let line = |f: &mut Frame, x: f64, ink| {
            let x = x.round() as i32;
            f.marks.push(Mark::Line { from: (x, y0.round() as i32), to: (x, y1.round() as i32), ink, width: grid_w });
        };
        let steps = (self.axis_max / self.step).round() as usize;
        let spacing = self.x_rate(self.step) - self.lx0;
        let every = label_every(steps, spacing, text::width(&tick_label(self.axis_max), self.small) + f.px(6.0));
        for i in 0..=steps {
            let v = i as f64 * self.step;
            line(f, self.x_rate(v), if i == 0 { Ink::Axis } else { Ink::Grid });
            if i % every == 0 {
                f.text(self.x_rate(v), y1 + f.px(4.0), tick_label(v), tick);
            }
        }
        let mut axes = vec![(self.lx0, self.lx1)];
        if self.any_change {
            let (lo, hi, step) = (self.c_lo, self.c_hi, self.c_step);
            let steps = ((hi - lo) / step).round() as usize;
            let widest =
                text::width(&change_tick(lo, step), self.small).max(text::width(&change_tick(hi, step), self.small));
            let every = label_every(steps, self.x_change(lo + step) - self.cx0, widest + f.px(6.0));
            let zero_at = ((0.0 - lo) / step).round() as usize;
            for i in 0..=steps {
                let v = lo + i as f64 * step;
                if i != zero_at {
                    line(f, self.x_change(v), Ink::Grid);
                }
                // Every label the skip allows, and always zero.
                if i == zero_at || (i % every == 0 && i.abs_diff(zero_at) >= every) {
                    f.text(self.x_change(v), y1 + f.px(4.0), change_tick(v, step), tick);
                }
            }
            line(f, self.x_change(0.0), Ink::Axis);
            axes.push((self.cx0, self.cx1));
        }
        for (a, b) in axes {
            f.marks.push(Mark::Line {
                from: (a.round() as i32, y1.round() as i32),
                to: (b.round() as i32, y1.round() as i32),
                ink: Ink::Axis,
                width: grid_w,
            });
        }
    }

    /// Tier `i`'s row in the band from `band`: its name, last year's and this year's bars, the
    /// reference's tick, and the change.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        f: &mut Frame,
        model: &Model,
        rows: &Rows,
        (i, t): (usize, &TierModel),
        band: f64,
        names: Vec<String>,
        year: i32,
    ) {
        let w = self.w;
        let grid_w = f.stroke(1.0);
        if i > 0 && !self.compact {
            let y = band.round() as i32;
            let right = if self.any_change { self.cx_hi } else { self.lx0 + self.level_w };
            f.marks.push(Mark::Line {
                from: (f.pad.round() as i32, y),
                to: (right.round() as i32, y),
                ink: Ink::Grid,
                width: grid_w,
            });
        }
        let (prev_y, cur_y) = rows.centres(f, band);
        let name_style = LabelStyle::new(self.name_size, Ink::Text).bold().anchor(HAlign::Left, VAlign::Middle);
        let lines = names.len() as f64;
        for (k, text_line) in names.into_iter().enumerate() {
            let y = cur_y - (lines - 1.0) * self.name_size * LINE / 2.0 + k as f64 * self.name_size * LINE;
            f.text(f.pad, y, text_line, name_style);
        }
        let reference = t.reference_rate.as_ref().filter(|_| self.show_reference);
        let ref_x = reference.map(|r| self.x_rate(r.value));
        // A label that would sit across the reference tick moves past it.
        let (two, five) = (f.px(2.0), f.px(5.0));
        let past_tick = move |x: f64, label: &str, size: f64| match ref_x {
            Some(rx) if x - two <= rx && rx <= x + text::width(label, size) + two => rx + five,
            _ => x,
        };
        let right_of = |size| LabelStyle::new(size, Ink::Text).anchor(HAlign::Left, VAlign::Middle);

        // Last year's rate: a thin bar over this year's.
        if let Some(p) = t.previous_rate.as_ref().filter(|_| self.show_previous && !self.compact) {
            let x1 = self.x_rate(p.value).max(self.lx0 + 1.0);
            let bar = Rect::new(self.lx0, prev_y - rows.prev_bar / 2.0, x1, prev_y + rows.prev_bar / 2.0);
            f.bar(bar, Ink::Previous, p.is_derived());
            let target =
                Rect::new(self.lx0, prev_y - rows.prev_line / 2.0, bar.x1 as f64, prev_y + rows.prev_line / 2.0);
            f.hit_with_target(bar, crate::layout::target(target, f.px(24.0)), year - 1, i, Series::Previous);
            let label = crate::cat!(w.year(year - 1), " ", self.rate_label(p));
            let x = past_tick(bar.x1 as f64 + f.px(4.0), &label, self.small);
            f.text(x, prev_y, label, LabelStyle { ink: Ink::Muted, ..right_of(self.small) });
        }

        // This year's rate.
        let x1 = self.x_rate(t.rate.value).max(self.lx0 + 1.0);
        let bar = Rect::new(self.lx0, cur_y - rows.cur_bar / 2.0, x1, cur_y + rows.cur_bar / 2.0);
        f.bar(bar, Ink::Region, t.rate.is_derived());
        f.hit(bar, year, i, Series::Region);
        if !self.compact {
            let label = self.rate_label(&t.rate);
            let x = past_tick(bar.x1 as f64 + f.px(4.0), &label, self.value_size);
            f.text(x, cur_y, label, right_of(self.value_size).bold());
        }

        // The reference: a tick across both bars, named under them.
        if let (Some(rf), Some(xr)) = (reference, ref_x) {
            let top = if self.compact { band + rows.h * 0.05 } else { prev_y - rows.prev_line / 2.0 };
            let bottom = if self.compact { band + rows.h * 0.95 } else { cur_y + rows.cur_bar / 2.0 + f.px(2.0) };
            let x = xr.round() as i32;
            let width = f.stroke(2.0);
            f.marks.push(Mark::Line {
                from: (x, top.round() as i32),
                to: (x, bottom.round() as i32),
                ink: Ink::Reference,
                width,
            });
            f.hit(Rect::new(xr - 1.0, top, xr + 1.0, bottom), year, i, Series::Reference);
            if !self.compact {
                let mut label = crate::cat!(model.reference, " ", self.rate_label(rf));
                if rf.is_derived() {
                    label.push_str(w.derived_suffix());
                }
                let room = self.lx0 + self.level_w - f.pad - self.name_w;
                let label = text::ellipsize(&label, self.small, room);
                let lw = text::width(&label, self.small);
                let lx = centre_within(xr, lw, f.pad + self.name_w, self.lx0 + self.level_w);
                let style = LabelStyle::new(self.small, Ink::Reference).anchor(HAlign::Center, VAlign::Top);
                f.text(lx, (cur_y + rows.cur_line / 2.0).max(bottom + f.px(1.0)), label, style);
            }
        }
        self.change_bar(f, rows, (i, t), cur_y, year);
    }

    /// The change on the year, on its own scale, or a note that the data has none.
    fn change_bar(&self, f: &mut Frame, rows: &Rows, (i, t): (usize, &TierModel), cur_y: f64, year: i32) {
        let zero = self.x_change(0.0);
        match &t.vs_previous {
            Some(c) => {
                let end = self.x_change(c.value);
                // Never thinner than two pixels, so the smallest change still shows a direction.
                let min = f.px(2.0);
                let (a, b) = if c.value > 0.0 {
                    (zero, end.max(zero + min))
                } else if c.value < 0.0 {
                    (end.min(zero - min), zero)
                } else {
                    (zero, zero)
                };
                let mut bar = Rect::new(a, cur_y - rows.cur_bar / 2.0, b, cur_y + rows.cur_bar / 2.0);
                if b > a {
                    f.bar(bar, Ink::Region, c.is_derived());
                } else {
                    // No change: a diamond on the zero line, so the point stands on a mark that
                    // an axis drawn in another colour cannot hide (it is wider than the line).
                    let (x, y) = (zero.round() as i32, cur_y.round() as i32);
                    let (hw, hh) = (f.px(5.0).round() as i32, ((bar.y1 - bar.y0) / 2).max(f.px(5.0).round() as i32));
                    let points = vec![(x, y - hh), (x + hw, y), (x, y + hh), (x - hw, y)];
                    f.marks.push(Mark::Polygon { points, ink: Ink::Region });
                    // The point's mark is the diamond.
                    bar = Rect { x0: x - hw, y0: y - hh, x1: x + hw, y1: y + hh };
                }
                let target = Rect::new(a.min(zero - f.px(6.0)), bar.y0 as f64, b.max(zero + f.px(6.0)), bar.y1 as f64);
                f.hit_with_target(bar, crate::layout::target(target, f.px(24.0)), year, i, Series::Change);
                if !self.compact {
                    let label = self.change_label(c);
                    let style = LabelStyle::new(self.value_size, Ink::Text).bold();
                    if c.value < 0.0 {
                        f.text(a - f.px(4.0), cur_y, label, style.anchor(HAlign::Right, VAlign::Middle));
                    } else {
                        // Clear of the no-change diamond (half a px(5) wide) where there is no bar.
                        let gap = if b > a { f.px(4.0) } else { f.px(8.0) };
                        f.text(b + gap, cur_y, label, style.anchor(HAlign::Left, VAlign::Middle));
                    }
                }
            }
            None if !self.compact && self.any_change => {
                // Say so when the data lacks last year's figure.
                let note = self.w.no_previous_tier(year);
                let lw = text::width(&note, self.small);
                let lx = centre_within((self.cx0 + self.cx1) / 2.0, lw, self.cx_lo, self.cx_hi);
                f.text(lx, cur_y, note, LabelStyle::new(self.small, Ink::Muted).anchor(HAlign::Center, VAlign::Middle));
            }
            None => {}
        }
    }
}

/// The rows' vertical geometry: last year's line (thin bar, small label) over this year's
/// (bar, label), the reference's label under them; compact rows are bars only.
struct Rows {
    h: f64,
    prev_bar: f64,
    cur_bar: f64,
    prev_line: f64,
    cur_line: f64,
    natural: f64,
    compact: bool,
}

impl Rows {
    /// Rows that share `want` each (what the box leaves), within what keeps them legible.
    fn new(f: &Frame, c: &Change, want: f64) -> Rows {
        let prev_bar = f.px(6.0);
        let cur_bar = f.px(14.0);
        let prev_line = if c.any_previous && c.show_previous { prev_bar.max(c.small * LINE) } else { 0.0 };
        let cur_line = cur_bar.max(c.value_size * LINE);
        let ref_line = if c.show_reference && c.any_reference { c.small * LINE } else { 0.0 };
        let natural = f.px(8.0) + prev_line + f.px(2.0) + cur_line + ref_line + f.px(11.0);
        if c.compact {
            let h = crate::layout::clamp(want, f.px(6.0), f.px(40.0));
            Rows { h, prev_bar: 0.0, cur_bar: (h * 0.6).min(cur_bar), prev_line, cur_line, natural, compact: true }
        } else {
            let h = crate::layout::clamp(want, natural, natural + f.px(24.0));
            Rows { h, prev_bar, cur_bar, prev_line, cur_line, natural, compact: false }
        }
    }

    /// The centres of last year's and this year's lines in the band from `band`.
    fn centres(&self, f: &Frame, band: f64) -> (f64, f64) {
        if self.compact {
            return (band + self.h / 2.0, band + self.h / 2.0);
        }
        let top = band + (self.h - (self.natural - f.px(16.0))) / 2.0;
        (top + self.prev_line / 2.0, top + self.prev_line + f.px(2.0) + self.cur_line / 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_axes_include_zero_and_span_a_point_at_least() {
        assert_eq!(change_range([0.4, 1.5].into_iter()), (0.0, 1.5, 0.5));
        assert_eq!(change_range([0.4].into_iter()), (0.0, 1.0, 0.2));
        assert_eq!(change_range([-0.3].into_iter()), (-1.0, 0.0, 0.2));
        let (lo, hi, step) = change_range([-2.1, 1.5].into_iter());
        assert!(lo <= -2.1 && hi >= 1.5 && step > 0.0, "{lo} {hi} {step}");
        assert_eq!(change_range(std::iter::empty()), (0.0, 1.0, 0.2));
    }

    #[test]
    fn change_ticks_are_signed_but_zero() {
        assert_eq!(change_tick(0.0, 0.5), "0");
        assert_eq!(change_tick(0.5, 0.5), "+0.5");
        assert_eq!(change_tick(-1.0, 1.0), "−1");
    }
}
