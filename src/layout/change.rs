//! The change view (同比变化): per tier, a dumbbell from last year to this year for the region,
//! the change in points over it, and the reference's rate as a tick under it.

use super::frame::{Frame, LINE};
use super::hits::Series;
use super::labels::{centre_within, collect_footnotes, markers, two_lines, value_text};
use super::marks::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use super::scale::{nice_scale, tick_label};
use super::{Options, Scene, View};
use crate::format::signed;
use crate::model::Model;
use crate::text;
use crate::words::words;

/// Past this many tiers, rows are compact: dots and ticks only, values in the tooltip.
const COMPACT_AFTER: usize = 12;

pub(super) fn change(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::open(model, View::Change, opts);
    let any_previous = tiers.iter().any(|t| t.previous_rate.is_some());
    let show_previous = opts.shown.previous;
    let show_reference = opts.shown.reference;
    if !any_previous {
        f.paragraph(&w.no_previous_year(year.year), f.ty.subtitle, false, Ink::Text);
        f.y += f.px(4.0);
    }

    let footnotes = collect_footnotes(tiers.iter().flat_map(|t| {
        let previous = [t.previous_rate.as_ref(), t.vs_previous.as_ref()].map(|f| f.filter(|_| show_previous));
        let reference = t.reference_rate.as_ref().filter(|_| show_reference);
        [Some(&t.rate), previous[0], previous[1], reference].into_iter().flatten()
    }));
    f.set_footnotes(model, footnotes.clone());

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
    let compact = tiers.len() > COMPACT_AFTER;
    let mut r = f.px(6.0);
    let x0 = f.pad + name_w + f.px(14.0);
    let x1 = f.w - f.pad - widest_value - r - f.px(8.0);

    // Changes in full ("+0.4 percentage points") where every one fits over the axis, else
    // the short form, explained once in the footer.
    let change_label = |c: &crate::model::Figure, long: bool| {
        let s = signed(c.value, c.decimals);
        (if long { w.points(s.as_deref()) } else { w.points_short(s.as_deref()) }) + &markers(c, &footnotes)
    };
    let long_changes = tiers
        .iter()
        .all(|t| t.vs_previous.as_ref().is_none_or(|c| text::width(&change_label(c, true), value_size) <= x1 - x0));
    let notes: Vec<String> = match (long_changes || compact, w.points_short_note()) {
        (false, note) if !note.is_empty() && show_previous => vec![note.to_string()],
        _ => Vec::new(),
    };

    let axis_h = ref_size * LINE + f.px(8.0);
    let footer_h = f.footer_height(&notes);
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
    let tick = LabelStyle::new(ref_size, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
    let mut v = 0.0;
    while v <= axis_max + 1e-9 {
        let x = x_of(v).round() as i32;
        let ink = if v == 0.0 { Ink::Axis } else { Ink::Grid };
        f.marks.push(Mark::Line { from: (x, y0.round() as i32), to: (x, y1.round() as i32), ink, width: grid_w });
        f.text(x as f64, y1 + f.px(4.0), tick_label(v), tick);
        v += step;
    }
    f.marks.push(Mark::Line {
        from: (x0.round() as i32, y1.round() as i32),
        to: (x1.round() as i32, y1.round() as i32),
        ink: Ink::Axis,
        width: grid_w,
    });

    let dot_w = f.stroke(2.0);
    let name_style = LabelStyle::new(name_size, Ink::Text).bold().anchor(HAlign::Left, VAlign::Middle);
    let value_style = LabelStyle::new(value_size, Ink::Text).anchor(HAlign::Left, VAlign::Middle);
    let above = LabelStyle::new(value_size, Ink::Text).anchor(HAlign::Center, VAlign::Bottom);
    for (i, t) in tiers.iter().enumerate() {
        let band = y0 + row_h * i as f64;
        let yc = band + row_h * if compact { 0.5 } else { 0.45 };
        for (k, line) in names[i].iter().enumerate() {
            let lines = names[i].len() as f64;
            let y = yc - (lines - 1.0) * name_size * LINE / 2.0 + k as f64 * name_size * LINE;
            f.text(f.pad, y, line.clone(), name_style);
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
            let w2 = f.stroke(2.0);
            let (ya, yb) = if compact {
                (yc - row_h * 0.45, yc + row_h * 0.45)
            } else {
                (yc + r + f.px(3.0), yc + r + f.px(11.0))
            };
            f.marks.push(Mark::Line {
                from: (xr.round() as i32, ya.round() as i32),
                to: (xr.round() as i32, yb.round() as i32),
                ink: Ink::Reference,
                width: w2,
            });
            f.hit(Rect::new(xr - 1.0, ya, xr + 1.0, yb), year.year, i, Series::Reference);
            if !compact {
                let mut label = crate::cat!(model.reference, " ", value_text(rf, &footnotes, true));
                if rf.is_derived() {
                    label.push_str(w.derived_suffix());
                }
                let label = text::ellipsize(&label, ref_size, f.w - f.pad - x0);
                let lw = text::width(&label, ref_size);
                let lx = centre_within(xr, lw, x0, f.w - f.pad);
                let style = LabelStyle::new(ref_size, Ink::Reference).anchor(HAlign::Center, VAlign::Top);
                f.text(lx, yb + f.px(2.0), label, style);
            }
        }
        let current_text = value_text(&t.rate, &footnotes, true);
        let dot = |xc: f64| Rect::new(xc - r, yc - r, xc + r, yc + r);
        match (t.previous_rate.as_ref().filter(|_| show_previous), &t.vs_previous) {
            (Some(p), change) => {
                let xp = x_of(p.value);
                let (lo, hi) = (xp.min(xc), xp.max(xc));
                let dir = if xc >= xp { 1.0 } else { -1.0 };
                // Connector with an arrowhead at the current year, when there is room.
                if hi - lo > 2.0 * r + f.px(8.0) && !compact {
                    let w3 = f.stroke(3.0);
                    let a = xp + dir * r;
                    let b = xc - dir * (r + f.px(6.0));
                    f.marks.push(Mark::Line {
                        from: (a.round() as i32, yc.round() as i32),
                        to: (b.round() as i32, yc.round() as i32),
                        ink: Ink::Previous,
                        width: w3,
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
                f.hit(dot(xp), year.year - 1, i, Series::Previous);
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
                    let style = |ink, bold| LabelStyle::new(value_size, ink).weight(bold);
                    f.text(lo - gap, yc, left.0, style(left.1, left.2).anchor(HAlign::Right, VAlign::Middle));
                    f.text(hi + gap, yc, right.0, style(right.1, right.2).anchor(HAlign::Left, VAlign::Middle));
                } else {
                    // Too close to the axis start: both values to the right, in order.
                    let combined =
                        crate::cat!(value_text(p, &footnotes, true), " → ", value_text(&t.rate, &footnotes, true));
                    f.text(hi + gap, yc, combined, value_style.bold());
                }
                if let (Some(c), false) = (change, compact) {
                    let label = change_label(c, long_changes);
                    let lw = text::width(&label, value_size);
                    let lx = centre_within((lo + hi) / 2.0, lw, x0, f.w - f.pad);
                    f.text(lx, yc - r - f.px(4.0), label, above.bold());
                }
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
                    f.text(xc + r + f.px(5.0), yc, current_text, value_style.bold());
                }
                // Say so when the data lacks last year; not when the reader hid it.
                if t.previous_rate.is_none() && !compact {
                    let note = w.no_previous_tier(year.year);
                    let lw = text::width(&note, value_size);
                    let lx = centre_within(xc, lw, x0, f.w - f.pad);
                    f.text(lx, yc - r - f.px(4.0), note, LabelStyle { ink: Ink::Muted, ..above });
                }
            }
        }
        f.hit(dot(xc), year.year, i, Series::Region);
    }

    f.footer(y1 + axis_h + f.px(6.0), &notes);
    f.finish(View::Change, height, Rect::new(x0, y0, x1, y1))
}
