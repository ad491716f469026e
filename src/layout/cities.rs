//! The cities view (全省各市): per tier, every region of the dataset ranked by its rate, the
//! reference's rate as a dashed line across them, each region's difference to it and its
//! change on the year in two columns. A highlighted region is drawn in the region colour and
//! named in bold; the others are grey. Ties share a rank ("3=") and are ordered by name.

use super::frame::{Frame, LINE};
use super::hits::{target, Hit, Series};
use super::labels::{collect_footnotes, markers, value_text};
use super::marks::{HAlign, Ink, LabelStyle, Mark, Rect, VAlign};
use super::scale::{label_every, nice_scale, tick_label};
use super::{Options, Scene, View};
use crate::format::{fixed, signed, to_units};
use crate::model::{Figure, Model, TierModel};
use crate::text;
use crate::words::words;

/// A region's place in a tier's ranking.
pub struct Ranked<'a> {
    pub region: usize,
    pub tier: &'a TierModel,
    /// 1-based, shared by ties.
    pub rank: usize,
    pub tied: bool,
}

/// The regions with a figure for tier `key` in `year`, ranked by rate (highest first), ties
/// by name as the data writes it (Unicode order, which for Chinese names is the dictionary's
/// radical-and-stroke order; the same in every language); and the regions without one, in
/// data order.
pub fn ranking<'a>(model: &'a Model, year: i32, key: &str) -> (Vec<Ranked<'a>>, Vec<usize>) {
    let mut with: Vec<(usize, &TierModel)> = Vec::new();
    let mut without = Vec::new();
    for r in 0..model.regions.len() {
        match model.tier_of(r, year, key) {
            Some(t) => with.push((r, t)),
            None => without.push(r),
        }
    }
    // Equal when they print the same at the finer of their precisions.
    let units = |a: &Figure, b: &Figure| {
        let d = a.decimals.max(b.decimals);
        (to_units(a.value, d), to_units(b.value, d))
    };
    crate::sort::sort_by(&mut with, |(ra, a), (rb, b)| {
        let (ua, ub) = units(&a.rate, &b.rate);
        ub.cmp(&ua).then_with(|| model.regions[*ra].key.cmp(&model.regions[*rb].key))
    });
    let mut out: Vec<Ranked> = Vec::with_capacity(with.len());
    for (i, &(region, tier)) in with.iter().enumerate() {
        let same = |j: usize| {
            let (a, b) = units(&with[j].1.rate, &tier.rate);
            a == b
        };
        let rank = if i > 0 && same(i - 1) { out[i - 1].rank } else { i + 1 };
        let tied = (i > 0 && same(i - 1)) || (i + 1 < with.len() && same(i + 1));
        out.push(Ranked { region, tier, rank, tied });
    }
    (out, without)
}

type Rankings<'a> = Vec<(Vec<Ranked<'a>>, Vec<usize>)>;

fn footnotes_of(rankings: &Rankings, references: &[Option<&Figure>]) -> Vec<usize> {
    collect_footnotes(
        rankings
            .iter()
            .flat_map(|(rows, _)| {
                rows.iter()
                    .flat_map(|r| [Some(&r.tier.rate), r.tier.vs_reference.as_ref(), r.tier.vs_previous.as_ref()])
            })
            .flatten()
            .chain(references.iter().flatten().copied()),
    )
}

/// The warnings carried by the figures the view shows (every series, whatever is shown).
pub(super) fn footnotes(model: &Model) -> Vec<usize> {
    let year = model.latest_year();
    let tiers = model.latest_tiers();
    let rankings: Rankings = tiers.iter().map(|t| ranking(model, year, &t.key)).collect();
    let references: Vec<Option<&Figure>> = tiers.iter().map(|t| model.reference_rate(year, &t.key)).collect();
    footnotes_of(&rankings, &references)
}

pub(super) fn cities(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.latest_year();
    let tiers = model.latest_tiers();
    let mut f = Frame::open(model, View::Cities, opts);
    let rankings: Rankings = tiers.iter().map(|t| ranking(model, year, &t.key)).collect();
    let references: Vec<Option<&Figure>> = tiers.iter().map(|t| model.reference_rate(year, &t.key)).collect();
    let footnotes = footnotes_of(&rankings, &references);
    f.set_footnotes(model, footnotes.clone());
    let emphasis = model.highlighted.then_some(model.focus);

    // Columns: rank | name | bar and its value | difference to the reference | change on the year.
    let size = f.px(f.ty.category);
    let value_size = f.px(f.ty.value);
    let small = f.px(f.ty.tick);
    let all_rows = || rankings.iter().flat_map(|(rows, _)| rows.iter());
    let rank_w = text::width("30=", small) + f.px(6.0);
    let widest_name = model.regions.iter().map(|r| text::width(&r.name, size)).fold(0.0, f64::max);
    // Names take a column beside the bars while they fit in a quarter of the width; longer
    // ones (or a narrow phone) put each name on its own line over its bar.
    let stacked = widest_name > f.inner_width() * 0.26;
    let name_w = if stacked { 0.0 } else { widest_name.max(f.px(36.0)) };
    // A column whose every figure is derived says so in its head; where stated and derived
    // figures share a column, each derived one is marked "*" and the head says what it means.
    let all_derived = |pick: &dyn Fn(&TierModel) -> Option<&Figure>| {
        let mut figures = all_rows().filter_map(|r| pick(r.tier)).peekable();
        figures.peek().is_some() && figures.all(Figure::is_derived)
    };
    let derived_ref = all_derived(&|t| t.vs_reference.as_ref());
    let derived_prev = all_derived(&|t| t.vs_previous.as_ref());
    let diff_text = |d: Option<&Figure>, whole_column: bool| match d {
        Some(d) => {
            let suffix = if d.is_derived() && !whole_column { "*" } else { "" };
            signed(d.value, d.decimals).unwrap_or_else(|| w.flat_cell(fixed(0.0, d.decimals)))
                + suffix
                + &markers(d, &footnotes)
        }
        None => "—".to_string(),
    };
    // A column is as wide as its cells, or its head where the chart has room; a head wider
    // than that wraps to two lines.
    let col = |head: &str, pick: &dyn Fn(&TierModel) -> Option<&Figure>, whole: bool| {
        let some = all_rows().filter_map(|r| pick(r.tier)).any(Figure::is_derived);
        let note = match (whole, some) {
            (true, _) => w.derived_suffix(),
            (false, true) => w.derived_mark_note(),
            (false, false) => "",
        };
        let cells = all_rows().map(|r| text::width(&diff_text(pick(r.tier), whole), value_size)).fold(0.0, f64::max);
        let room = (f.inner_width() * 0.2).max(cells);
        let whole_head = crate::cat!(head, note);
        let width = text::width(&whole_head, small).min(room).max(cells) + f.px(8.0);
        let max = width - f.px(4.0);
        // The head and its note on one line, or the note on a line of its own, never broken.
        let lines = if text::width(&whole_head, small) <= max || note.is_empty() {
            let mut lines = text::wrap(&whole_head, small, max);
            if lines.len() > 2 {
                let rest = lines[1..].concat();
                lines.truncate(1);
                lines.push(text::ellipsize(&rest, small, max));
            }
            lines
        } else {
            vec![text::ellipsize(head, small, max), text::ellipsize(note.trim_start(), small, max)]
        };
        (width, lines)
    };
    let any_previous = all_rows().any(|r| r.tier.vs_previous.is_some());
    let (ref_w, head_ref) = col(&w.column_vs_reference(&model.reference), &|t| t.vs_reference.as_ref(), derived_ref);
    let (prev_w, head_prev) = if any_previous {
        col(w.column_vs_previous(), &|t| t.vs_previous.as_ref(), derived_prev)
    } else {
        (0.0, Vec::new())
    };
    let head_lines = head_ref.len().max(head_prev.len()).max(1) as f64;
    let value_w = all_rows()
        .map(|r| text::width(&value_text(&r.tier.rate, &footnotes, true), value_size))
        .fold(text::width(w.no_figure(), value_size), f64::max);
    let x0 = f.pad + rank_w + if stacked { 0.0 } else { name_w + f.px(8.0) };
    let right = f.w - f.pad - ref_w - prev_w;
    let x1 = (right - value_w - f.px(8.0)).max(x0 + f.px(40.0));

    // Rows share the height the box leaves, within what keeps a name legible.
    let n_rows: usize = rankings.iter().map(|(rows, without)| rows.len() + without.len()).sum();
    let header_h = size * LINE + head_lines * small * LINE + f.px(8.0);
    let axis_h = small * LINE + f.px(10.0);
    let footer_h = f.footer_height(&[]);
    let y_start = f.y + f.px(4.0);
    let panels = tiers.len().max(1) as f64;
    let want = opts.height * f.s - f.pad - footer_h - y_start - panels * (header_h + axis_h);
    let (row_h, bar_h) = if stacked {
        let bar_h = f.px(12.0);
        (size * LINE + bar_h + f.px(8.0), bar_h)
    } else {
        let row_h = super::clamp(want / n_rows.max(1) as f64, size * 1.5, f.px(34.0));
        (row_h, (row_h * 0.62).min(f.px(20.0)))
    };
    // Where in a row its name and its bar sit (one line beside the other unless stacked).
    let name_room = if stacked { f.w - 2.0 * f.pad - rank_w } else { name_w };
    let two = f.px(2.0);
    let centres = move |row_top: f64| {
        if stacked {
            (row_top + two + size * LINE / 2.0, row_top + two + size * LINE + bar_h / 2.0)
        } else {
            (row_top + row_h / 2.0, row_top + row_h / 2.0)
        }
    };
    let grid_w = f.stroke(1.0);
    let mut y = y_start;
    for (ti, ((t, (rows, without)), reference)) in tiers.iter().zip(&rankings).zip(&references).enumerate() {
        // Header: the tier, the reference's line label, the two column heads.
        f.text(f.pad, y, t.name.clone(), LabelStyle::new(size, Ink::Text).bold());
        let heads_y = y + size * LINE + f.px(2.0);
        let head = LabelStyle::new(small, Ink::Muted).anchor(HAlign::Right, VAlign::Top);
        // Heads sit on the rows: a one-line head beside a two-line one drops to the second line.
        for (x, lines) in [(right + ref_w, &head_ref), (right + ref_w + prev_w, &head_prev)] {
            let first = heads_y + (head_lines - lines.len() as f64) * small * LINE;
            for (i, line) in lines.iter().enumerate() {
                f.text(x, first + i as f64 * small * LINE, line.clone(), head);
            }
        }
        // Each tier its own scale from zero: a ranking is read within its tier, and a
        // tier-1 panel on a tier-2 scale would leave every bar a stub.
        let max_v = rows.iter().map(|r| r.tier.rate.value).chain(reference.map(|f| f.value)).fold(0.0, f64::max);
        let (axis_max, step) = nice_scale(max_v);
        let x_of = |v: f64| x0 + (v / axis_max) * (x1 - x0);
        let ref_x = reference.map(|rf| x_of(rf.value));
        let top = y + header_h;
        let count = rows.len() + without.len();
        let bottom = top + row_h * count as f64;

        // The grid and the axis under the rows.
        let tick = LabelStyle::new(small, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
        // Every step gets a grid line; labels skip steps until they no longer touch.
        let widest = text::width(&tick_label(axis_max), small) + f.px(6.0);
        let steps = (axis_max / step).round() as usize;
        let every = label_every(steps, x_of(step) - x0, widest);
        let mut i = 0;
        while i as f64 * step <= axis_max + 1e-9 {
            let v = i as f64 * step;
            let x = x_of(v).round() as i32;
            let ink = if i == 0 { Ink::Axis } else { Ink::Grid };
            f.marks.push(Mark::Line {
                from: (x, top.round() as i32),
                to: (x, bottom.round() as i32),
                ink,
                width: grid_w,
            });
            if i % every == 0 {
                f.text(x as f64, bottom + f.px(4.0), tick_label(v), tick);
            }
            i += 1;
        }

        for (k, r) in rows.iter().enumerate() {
            let row_top = top + row_h * k as f64;
            let (ny, cy) = centres(row_top);
            let name = &model.regions[r.region].name;
            let strong = emphasis == Some(r.region);
            let quiet = emphasis.is_some() && !strong;
            let rank_style = LabelStyle::new(small, Ink::Muted).anchor(HAlign::Right, VAlign::Middle);
            f.text(f.pad + rank_w - f.px(6.0), ny, w.rank(r.rank, r.tied), rank_style);
            let name_style = LabelStyle::new(size, Ink::Text).weight(strong).anchor(HAlign::Left, VAlign::Middle);
            f.text(f.pad + rank_w, ny, text::ellipsize(name, size, name_room), name_style);
            let ink = if quiet { Ink::Previous } else { Ink::Region };
            let bar = Rect::new(x0, cy - bar_h / 2.0, x_of(r.tier.rate.value).max(x0 + 1.0), cy + bar_h / 2.0);
            f.bar(bar, ink, r.tier.rate.is_derived());
            let row = Rect::new(f.pad, row_top, x1, row_top + row_h);
            f.push_hit(Hit {
                region: Some(r.region),
                order: k as u32 + 1,
                ..Hit::new(bar, target(Rect { y0: row.y0, y1: row.y1, ..bar }, f.px(24.0)), year, ti, Series::Region)
            });
            let value = LabelStyle::new(value_size, Ink::Text).weight(strong).anchor(HAlign::Left, VAlign::Middle);
            let label = value_text(&r.tier.rate, &footnotes, true);
            let mut lx = bar.x1 as f64 + f.px(4.0);
            // A value that would sit across the reference line moves past it.
            if let Some(rx) = ref_x {
                if lx - f.px(2.0) <= rx && rx <= lx + text::width(&label, value_size) + f.px(2.0) {
                    lx = rx + f.px(5.0);
                }
            }
            f.text(lx, cy, label, value);
            let col = LabelStyle::new(value_size, Ink::Text).weight(strong).anchor(HAlign::Right, VAlign::Middle);
            f.text(right + ref_w, cy, diff_text(r.tier.vs_reference.as_ref(), derived_ref), col);
            if any_previous {
                f.text(right + ref_w + prev_w, cy, diff_text(r.tier.vs_previous.as_ref(), derived_prev), col);
            }
        }
        for (k, &region) in without.iter().enumerate() {
            let (ny, cy) = centres(top + row_h * (rows.len() + k) as f64);
            let name = &model.regions[region].name;
            let style = LabelStyle::new(size, Ink::Muted).anchor(HAlign::Left, VAlign::Middle);
            f.text(f.pad + rank_w, ny, text::ellipsize(name, size, name_room), style);
            let note = LabelStyle::new(value_size, Ink::Muted).anchor(HAlign::Left, VAlign::Middle);
            f.text(x0 + f.px(4.0), cy, w.no_figure().to_string(), note);
        }

        // The reference: a dashed line across the rows, labelled over them.
        if let Some(rf) = reference {
            let x = ref_x.unwrap_or(x0);
            let wd = f.stroke(2.0);
            let dash = (f.px(5.0), f.px(3.0));
            if stacked {
                // Through the bars only: names over the bars stay clear of the line.
                for k in 0..count {
                    let (_, cy) = centres(top + row_h * k as f64);
                    // The bar's height only: the name above it keeps its descenders clear.
                    let half = bar_h / 2.0;
                    f.dash_line((x, cy - half), (x, cy + half), dash, Ink::Reference, wd);
                }
            } else {
                f.dash_line((x, top - f.px(2.0)), (x, bottom), dash, Ink::Reference, wd);
            }
            let mark = Rect::new(x - f.px(1.0), top, x + f.px(1.0), bottom);
            // After the cities in reading order: the line is the yardstick, read last.
            f.push_hit(Hit {
                order: count as u32 + 1,
                ..Hit::new(mark, target(mark, f.px(24.0)), year, ti, Series::Reference)
            });
            let mut label = crate::cat!(model.reference, " ", value_text(rf, &footnotes, true));
            if rf.is_derived() {
                label.push_str(w.derived_suffix());
            }
            let lw = text::width(&label, small);
            let room = (right - f.pad - f.px(8.0)).max(f.px(40.0));
            let label = text::ellipsize(&label, small, room);
            let lx = super::labels::centre_within(x, lw.min(room), f.pad, right - f.px(8.0));
            let style = LabelStyle::new(small, Ink::Reference).anchor(HAlign::Center, VAlign::Top);
            f.text(lx, heads_y + (head_lines - 1.0) * small * LINE, label, style);
        }
        y = bottom + axis_h;
    }

    // As tall as the rows need: a few cities leave no empty band under the chart.
    let height = y + f.px(6.0) + footer_h + f.pad;
    f.footer(y + f.px(6.0), &[]);
    f.finish(View::Cities, height, Rect::new(x0, y_start, x1, y))
}
