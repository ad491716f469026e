//! The change view (同比变化): per tier, two panels side by side.
//!
//! - The rates: last year's as a thin bar over this year's, from 0 %, with the reference's
//!   rate as a tick. Lengths read as levels, so a 0.4-point rise on a 15 % rate looks as small
//!   as it is next to the rate.
//! - The change: a bar from a zero line in percentage points, on its own scale from the
//!   smallest to the largest change (and zero). A 0.1-point change is a tenth of a one-point
//!   axis, visible at 320 px; a note under the chart says that this scale is the change's
//!   own and not the rates'.

use super::frame::{Frame, LINE};
use super::hits::Series;
use super::labels::{centre_within, collect_footnotes, markers, two_lines, value_text};
use super::marks::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use super::scale::{label_every, nice_scale, tick_label};
use super::{Options, Scene, View};
use crate::format::{decimals_of, fixed, signed};
use crate::model::{Figure, Model};
use crate::text;
use crate::words::words;

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

pub(super) fn change(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::open(model, View::Change, opts);
    let any_previous = tiers.iter().any(|t| t.previous_rate.is_some());
    let any_change = tiers.iter().any(|t| t.vs_previous.is_some());
    let show_previous = opts.shown.previous;
    let show_reference = opts.shown.reference;
    if !any_previous {
        f.paragraph(&w.no_previous_year(year.year), f.ty.subtitle, false, Ink::Text);
        f.y += f.px(4.0);
    }

    let footnotes = collect_footnotes(tiers.iter().flat_map(|t| {
        let previous = t.previous_rate.as_ref().filter(|_| show_previous);
        let reference = t.reference_rate.as_ref().filter(|_| show_reference);
        [Some(&t.rate), previous, t.vs_previous.as_ref(), reference].into_iter().flatten()
    }));
    f.set_footnotes(model, footnotes.clone());

    let name_size = f.px(f.ty.category);
    let value_size = f.px(f.ty.value);
    let small = f.px(f.ty.tick);
    let compact = tiers.len() > COMPACT_AFTER;
    let widest_name = tiers.iter().map(|t| text::width(&t.name, name_size)).fold(0.0, f64::max);
    let name_w = widest_name.min(f.inner_width() * 0.24).max(f.px(28.0));
    let mut names: Vec<Vec<String>> = tiers.iter().map(|t| two_lines(&t.name, name_size, name_w)).collect();

    // Labels: this year's rate, last year's, the change.
    let rate_label = |v: &Figure| value_text(v, &footnotes, true);
    let change_label = |c: &Figure| {
        let s = signed(c.value, c.decimals).unwrap_or_else(|| w.flat_cell(fixed(0.0, c.decimals)));
        s + &markers(c, &footnotes)
    };
    let widest_rate = tiers
        .iter()
        .flat_map(|t| [Some(&t.rate), t.previous_rate.as_ref()].into_iter().flatten())
        .map(|v| text::width(&rate_label(v), value_size))
        .fold(0.0, f64::max);
    let widest_change = tiers
        .iter()
        .map(|t| match &t.vs_previous {
            Some(c) => text::width(&change_label(c), value_size),
            None => 0.0,
        })
        .fold(0.0, f64::max);

    // Columns: names | rates from 0 % (and their labels) | changes (labels at both ends).
    let gap = f.px(14.0);
    let lx0 = f.pad + name_w + f.px(12.0);
    let rest = f.w - f.pad - lx0;
    // Without a single change, the rates take the width (the paragraph above says why).
    let level_w = if any_change { rest * 0.48 } else { rest };
    let lx1 = (lx0 + level_w - widest_rate - f.px(6.0)).max(lx0 + f.px(30.0));
    let cx_lo = lx0 + level_w + gap;
    let cx_hi = f.w - f.pad;

    let max_rate = tiers
        .iter()
        .flat_map(|t| [Some(&t.rate), t.previous_rate.as_ref(), t.reference_rate.as_ref()].into_iter().flatten())
        .map(|x| x.value)
        .fold(0.0, f64::max);
    let (axis_max, step) = nice_scale(max_rate);
    let x_rate = |v: f64| lx0 + (v / axis_max) * (lx1 - lx0);
    let (c_lo, c_hi, c_step) = change_range(tiers.iter().filter_map(|t| t.vs_previous.as_ref()).map(|c| c.value));
    // Room for labels on the sides where bars end.
    let pad_neg = if tiers.iter().any(|t| t.vs_previous.as_ref().is_some_and(|c| c.value < 0.0)) {
        widest_change + f.px(6.0)
    } else {
        text::width(&change_tick(c_lo, c_step), small) / 2.0
    };
    let pad_pos = widest_change.max(text::width(&change_tick(c_hi, c_step), small) / 2.0) + f.px(6.0);
    let cx0 = cx_lo + pad_neg;
    let cx1 = (cx_hi - pad_pos).max(cx0 + f.px(30.0));
    let x_change = |v: f64| cx0 + (v - c_lo) / (c_hi - c_lo) * (cx1 - cx0);
    let zero = x_change(0.0);

    // Heads over the two panels.
    let mut heads = vec![(lx0, w.change_rates_head(), (lx0 + level_w) - lx0)];
    if any_change {
        heads.push((cx_lo, w.change_points_head(), cx_hi - cx_lo));
    }
    let head_lines: Vec<Vec<String>> = heads.iter().map(|(_, h, room)| two_lines(h, small, *room)).collect();
    let head_h = head_lines.iter().map(Vec::len).max().unwrap_or(1) as f64 * small * LINE + f.px(6.0);

    // A row: last year's line (thin bar, small label), this year's (bar, label), the
    // reference's label under them.
    let prev_bar = f.px(6.0);
    let cur_bar = f.px(14.0);
    let prev_line = if any_previous && show_previous { prev_bar.max(small * LINE) } else { 0.0 };
    let cur_line = cur_bar.max(value_size * LINE);
    let ref_line = if show_reference && tiers.iter().any(|t| t.reference_rate.is_some()) { small * LINE } else { 0.0 };
    let natural = f.px(8.0) + prev_line + f.px(2.0) + cur_line + ref_line + f.px(11.0);

    let notes: Vec<String> = if any_change { vec![w.change_scale_note().to_string()] } else { Vec::new() };
    let axis_h = small * LINE + f.px(8.0);
    let footer_h = f.footer_height(&notes);
    let y0 = f.y + f.px(4.0) + if compact { 0.0 } else { head_h };
    let n = tiers.len().max(1) as f64;
    let want_rows = opts.height * f.s - f.pad - footer_h - f.px(6.0) - axis_h - y0;
    let row_h = if compact {
        super::clamp(want_rows / n, f.px(6.0), f.px(40.0))
    } else {
        super::clamp(want_rows / n, natural, natural + f.px(24.0))
    };
    let (prev_bar, cur_bar) = if compact { (0.0, (row_h * 0.6).min(cur_bar)) } else { (prev_bar, cur_bar) };
    if compact {
        let every = (name_size * LINE / row_h).ceil().max(1.0) as usize;
        for (i, lines) in names.iter_mut().enumerate() {
            lines.truncate(1);
            if i % every != 0 {
                lines.clear();
            }
        }
    }
    let y1 = y0 + row_h * n;

    if !compact {
        for ((x, _, _), lines) in heads.iter().zip(&head_lines) {
            let style = LabelStyle::new(small, Ink::Muted).anchor(HAlign::Left, VAlign::Top);
            let top = y0 - head_h + (head_h - f.px(6.0) - lines.len() as f64 * small * LINE);
            for (k, line) in lines.iter().enumerate() {
                f.text(*x, top + k as f64 * small * LINE, line.clone(), style);
            }
        }
    }

    // Grids and axes.
    let grid_w = f.stroke(1.0);
    let tick = LabelStyle::new(small, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
    let line = |f: &mut Frame, x: f64, ink| {
        let x = x.round() as i32;
        f.marks.push(Mark::Line { from: (x, y0.round() as i32), to: (x, y1.round() as i32), ink, width: grid_w });
    };
    let steps = (axis_max / step).round() as usize;
    let every = label_every(steps, x_rate(step) - lx0, text::width(&tick_label(axis_max), small) + f.px(6.0));
    for i in 0..=steps {
        let v = i as f64 * step;
        line(&mut f, x_rate(v), if i == 0 { Ink::Axis } else { Ink::Grid });
        if i % every == 0 {
            f.text(x_rate(v), y1 + f.px(4.0), tick_label(v), tick);
        }
    }
    let c_steps = if any_change { ((c_hi - c_lo) / c_step).round() as usize } else { 0 };
    let widest_tick =
        text::width(&change_tick(c_lo, c_step), small).max(text::width(&change_tick(c_hi, c_step), small));
    let c_every = label_every(c_steps, x_change(c_lo + c_step) - cx0, widest_tick + f.px(6.0));
    let zero_at = ((0.0 - c_lo) / c_step).round() as usize;
    for i in (0..=c_steps).filter(|_| any_change) {
        let v = c_lo + i as f64 * c_step;
        if i != zero_at {
            line(&mut f, x_change(v), Ink::Grid);
        }
        // Every label the skip allows, and always zero.
        if i == zero_at || (i % c_every == 0 && i.abs_diff(zero_at) >= c_every) {
            f.text(x_change(v), y1 + f.px(4.0), change_tick(v, c_step), tick);
        }
    }
    let mut axes = vec![(lx0, lx1)];
    if any_change {
        line(&mut f, zero, Ink::Axis);
        axes.push((cx0, cx1));
    }
    for (a, b) in axes {
        f.marks.push(Mark::Line {
            from: (a.round() as i32, y1.round() as i32),
            to: (b.round() as i32, y1.round() as i32),
            ink: Ink::Axis,
            width: grid_w,
        });
    }

    let name_style = LabelStyle::new(name_size, Ink::Text).bold().anchor(HAlign::Left, VAlign::Middle);
    let right_of = |size| LabelStyle::new(size, Ink::Text).anchor(HAlign::Left, VAlign::Middle);
    for (i, t) in tiers.iter().enumerate() {
        let band = y0 + row_h * i as f64;
        if i > 0 && !compact {
            let y = band.round() as i32;
            f.marks.push(Mark::Line {
                from: (f.pad.round() as i32, y),
                to: ((if any_change { cx_hi } else { lx0 + level_w }).round() as i32, y),
                ink: Ink::Grid,
                width: grid_w,
            });
        }
        // Lines of the row, top to bottom, centred in its band.
        let (prev_y, cur_y) = if compact {
            (band + row_h / 2.0, band + row_h / 2.0)
        } else {
            let top = band + (row_h - (natural - f.px(16.0))) / 2.0;
            let prev_y = top + prev_line / 2.0;
            (prev_y, top + prev_line + f.px(2.0) + cur_line / 2.0)
        };
        for (k, text_line) in names[i].iter().enumerate() {
            let lines = names[i].len() as f64;
            let y = cur_y - (lines - 1.0) * name_size * LINE / 2.0 + k as f64 * name_size * LINE;
            f.text(f.pad, y, text_line.clone(), name_style);
        }
        let reference = t.reference_rate.as_ref().filter(|_| show_reference);
        let ref_x = reference.map(|r| x_rate(r.value));
        // A label that would sit across the reference tick moves past it.
        let (two, five) = (f.px(2.0), f.px(5.0));
        let past_tick = move |x: f64, label: &str, size: f64| match ref_x {
            Some(rx) if x - two <= rx && rx <= x + text::width(label, size) + two => rx + five,
            _ => x,
        };

        // Last year's rate: a thin bar over this year's.
        if let Some(p) = t.previous_rate.as_ref().filter(|_| show_previous && !compact) {
            let bar = Rect::new(lx0, prev_y - prev_bar / 2.0, x_rate(p.value).max(lx0 + 1.0), prev_y + prev_bar / 2.0);
            f.bar(bar, Ink::Previous, p.is_derived());
            let target = Rect::new(lx0, prev_y - prev_line / 2.0, bar.x1 as f64, prev_y + prev_line / 2.0);
            f.hit_with_target(bar, super::hits::target(target, f.px(24.0)), year.year - 1, i, Series::Previous);
            let label = crate::cat!(w.year(year.year - 1), " ", rate_label(p));
            let x = past_tick(bar.x1 as f64 + f.px(4.0), &label, small);
            f.text(x, prev_y, label, LabelStyle { ink: Ink::Muted, ..right_of(small) });
        }

        // This year's rate.
        let bar = Rect::new(lx0, cur_y - cur_bar / 2.0, x_rate(t.rate.value).max(lx0 + 1.0), cur_y + cur_bar / 2.0);
        f.bar(bar, Ink::Region, t.rate.is_derived());
        f.hit(bar, year.year, i, Series::Region);
        if !compact {
            let label = rate_label(&t.rate);
            let x = past_tick(bar.x1 as f64 + f.px(4.0), &label, value_size);
            f.text(x, cur_y, label, right_of(value_size).bold());
        }

        // The reference: a tick across both bars, named under them.
        if let (Some(rf), Some(xr)) = (reference, ref_x) {
            let top = if compact { band + row_h * 0.05 } else { prev_y - prev_line / 2.0 };
            let bottom = if compact { band + row_h * 0.95 } else { cur_y + cur_bar / 2.0 + f.px(2.0) };
            let x = xr.round() as i32;
            let width = f.stroke(2.0);
            f.marks.push(Mark::Line {
                from: (x, top.round() as i32),
                to: (x, bottom.round() as i32),
                ink: Ink::Reference,
                width,
            });
            f.hit(Rect::new(xr - 1.0, top, xr + 1.0, bottom), year.year, i, Series::Reference);
            if !compact {
                let mut label = crate::cat!(model.reference, " ", rate_label(rf));
                if rf.is_derived() {
                    label.push_str(w.derived_suffix());
                }
                let room = lx0 + level_w - f.pad - name_w;
                let label = text::ellipsize(&label, small, room);
                let lw = text::width(&label, small);
                let lx = centre_within(xr, lw, f.pad + name_w, lx0 + level_w);
                let style = LabelStyle::new(small, Ink::Reference).anchor(HAlign::Center, VAlign::Top);
                f.text(lx, (cur_y + cur_line / 2.0).max(bottom + f.px(1.0)), label, style);
            }
        }

        // The change, on its own scale.
        match &t.vs_previous {
            Some(c) => {
                let end = x_change(c.value);
                // Never thinner than two pixels, so the smallest change still shows a direction.
                let min = f.px(2.0);
                let (a, b) = if c.value > 0.0 {
                    (zero, end.max(zero + min))
                } else if c.value < 0.0 {
                    (end.min(zero - min), zero)
                } else {
                    (zero, zero)
                };
                let bar = Rect::new(a, cur_y - cur_bar / 2.0, b, cur_y + cur_bar / 2.0);
                if b > a {
                    f.bar(bar, Ink::Region, c.is_derived());
                }
                let target = Rect::new(a.min(zero - f.px(4.0)), bar.y0 as f64, b.max(zero + f.px(4.0)), bar.y1 as f64);
                f.hit_with_target(bar, super::hits::target(target, f.px(24.0)), year.year, i, Series::Change);
                if !compact {
                    let label = change_label(c);
                    let style = LabelStyle::new(value_size, Ink::Text).bold();
                    if c.value < 0.0 {
                        f.text(a - f.px(4.0), cur_y, label, style.anchor(HAlign::Right, VAlign::Middle));
                    } else {
                        f.text(b + f.px(4.0), cur_y, label, style.anchor(HAlign::Left, VAlign::Middle));
                    }
                }
            }
            None if !compact && any_change => {
                // Say so when the data lacks last year's figure.
                let note = w.no_previous_tier(year.year);
                let lw = text::width(&note, small);
                let lx = centre_within((cx0 + cx1) / 2.0, lw, cx_lo, cx_hi);
                f.text(lx, cur_y, note, LabelStyle::new(small, Ink::Muted).anchor(HAlign::Center, VAlign::Middle));
            }
            None => {}
        }
    }

    let content = y1 + axis_h + f.px(6.0) + footer_h + f.pad;
    f.footer(y1 + axis_h + f.px(6.0), &notes);
    // As tall as the rows need: a chart of two tiers leaves no empty band under it.
    f.finish(View::Change, content, Rect::new(lx0, y0, if any_change { cx1 } else { lx1 }, y1))
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
