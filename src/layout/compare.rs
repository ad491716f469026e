//! The compare view (对比全省): per tier, the region's and the reference's bars for the
//! latest year, value labels over them, and the difference in points over each pair.

use super::frame::{Frame, LINE};
use super::hits::Series;
use super::labels::{collect_footnotes, markers, two_lines, value_text};
use super::marks::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use super::scale::{nice_scale, tick_label};
use super::{Options, Scene, View};
use crate::format::signed;
use crate::model::{Figure, Model};
use crate::text;
use crate::words::words;

/// How wide a bar may be, in CSS pixels, and how much of its group the pair fills.
const MAX_BAR: f64 = 60.0;
const GROUP_FILL: f64 = 0.72;

pub(super) fn compare(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.current();
    let tiers = &year.tiers;
    let mut f = Frame::open(model, View::Compare, opts);
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
    f.set_footnotes(model, footnotes.clone());

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
    let bar_w = ((gw * GROUP_FILL - pair_gap * (bars - 1.0)) / bars).min(f.px(MAX_BAR)).max(f.px(4.0));

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
    // Difference labels, the longest form that fits every group: "+0.7 percentage points",
    // then "+0.7 pp" (explained once in a note), then "+0.7" with a unit note.
    let diff_size = f.px(f.ty.value);
    let fits = |label: &dyn Fn(&Figure) -> String| {
        tiers.iter().all(|t| {
            t.vs_reference
                .as_ref()
                .is_none_or(|d| text::width(&(label(d) + &markers(d, &footnotes)), diff_size) <= gw - f.px(4.0))
        })
    };
    let long = |d: &Figure| w.points(signed(d.value, d.decimals).as_deref());
    let short = |d: &Figure| w.points_short(signed(d.value, d.decimals).as_deref());
    let bare = |d: &Figure| signed(d.value, d.decimals).unwrap_or_else(|| w.points(None));
    let diff_form: &dyn Fn(&Figure) -> String = if fits(&long) {
        &long
    } else if fits(&short) {
        &short
    } else {
        &bare
    };
    let diff_text = |d: &Figure| diff_form(d) + &markers(d, &footnotes);
    let mut notes = Vec::new();
    if dense {
        notes.push(w.too_many_bars().to_string());
    } else if both && !fits(&long) {
        let note = if fits(&short) { w.points_short_note() } else { w.points_unit_note() };
        if !note.is_empty() {
            notes.push(note.to_string());
        }
    }
    if !pct && !dense {
        notes.push(w.percent_unit_note().to_string());
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
    let footer_h = f.footer_height(&notes);
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
    let tick = LabelStyle::new(tick_size, Ink::Muted).anchor(HAlign::Right, VAlign::Middle);
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
        f.text(x0 - f.px(6.0), y, tick_label(v), tick);
        v += step;
    }

    let value_style = LabelStyle::new(value_size, Ink::Text).anchor(HAlign::Center, VAlign::Bottom);
    let diff_style = LabelStyle::new(diff_size, Ink::Text).bold().anchor(HAlign::Center, VAlign::Bottom);
    let cat_style = LabelStyle::new(cat_size, Ink::Text).anchor(HAlign::Center, VAlign::Top);
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
            f.bar(region_rect, Ink::Region, t.rate.is_derived());
            f.hit(region_rect, year.year, i, Series::Region);
        }
        let mut region_top = region_rect.y0 as f64;
        if counts_marks[i] {
            if let Some(fc) = &t.rate_from_counts {
                let y = y_of(fc.value);
                let w = f.stroke(2.0);
                f.dashed(rx0 - f.px(4.0), rx0 + bar_w + f.px(4.0), y, Ink::Warning, w);
                let marker = Rect::new(rx0 - f.px(4.0), y - f.px(4.0), rx0 + bar_w + f.px(4.0), y + f.px(4.0));
                f.hit_with_target(marker, marker, year.year, i, Series::FromCounts);
                region_top = region_top.min(y - f.px(2.0));
            }
        }
        let region_cx = rx0 + bar_w / 2.0;
        let mut label_tops = region_top - f.px(3.0);
        let reference = t.reference_rate.as_ref().filter(|_| has_reference).map(|r| {
            let rect = Rect::new(fx0, y_of(r.value), fx0 + bar_w, base);
            f.bar(rect, Ink::Reference, r.is_derived());
            f.hit(rect, year.year, i, Series::Reference);
            (r, rect)
        });
        let value_label = |f: &mut Frame, x: f64, y: f64, fig: &Figure| {
            f.text(x, y, value_text(fig, &footnotes, pct), value_style);
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
            f.text((xa + xb) / 2.0, yb - f.px(2.0), diff_text(d), diff_style);
        }
        for (k, line) in cat_lines[i].iter().enumerate() {
            f.text(cx, y1 + f.px(6.0) + k as f64 * cat_size * LINE, line.clone(), cat_style);
        }
    }

    f.footer(y1 + cat_h + f.px(6.0), &notes);
    f.finish(View::Compare, height, Rect::new(x0, y0, x1, y1))
}
