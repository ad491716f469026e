//! The cities view (全省各市): per tier, every region of the dataset ranked by its rate, the
//! reference's rate as a dashed line across them, each region's difference to it and its
//! change on the year in two columns. A highlighted region is drawn in the region colour and
//! named in bold; the others are grey. Ties share a rank ("3=") and are ordered by name.
//!
//! Rows are at least 24 CSS px high (a finger's target). A chart taller than the box allows
//! ([`Options::max_height`]) is paged: whole tiers where they fit, a tier too long for a page
//! split into runs of rows, each run under its tier's head.

use super::ViewDef;
use crate::format::{fixed, percent, signed, to_units};
use crate::lang::Lang;
use crate::layout::frame::{Frame, LINE};
use crate::layout::labels::{centre_within, collect_footnotes, markers, value_text};
use crate::layout::pages::{paginate, Block};
use crate::layout::scale::{label_every, nice_scale, tick_label};
use crate::layout::{clamp, legend_item as item, target, Hit, LegendItem, Series, Swatch, MAX_HEIGHT};
use crate::layout::{HAlign, Ink, LabelStyle, Mark, Options, Rect, Scene, VAlign};
use crate::model::{Figure, Model, TierModel};
use crate::phrase::aside;
use crate::table::{figure_cell, text_cell, CellAs, Table};
use crate::text;
use crate::words::{words, CitiesTier, ViewName, Words};

pub(super) const VIEW: ViewDef = ViewDef {
    name: "cities",
    supports: |model| model.regions.len() >= 2,
    label: |w, reference| w.view_label(ViewName::Cities, reference),
    subtitle: |model, lang| words(lang).cities_subtitle(model.latest_year(), &model.reference),
    legend,
    footnotes: |model, _shown| footnotes(model),
    layout: cities,
    summary,
    table,
    tier_in,
    figure,
};

/// The tier a hit shows: `hit.tier` indexes [`Model::latest_tiers`], `hit.region` says whose
/// bar it is (none for the reference's line).
fn tier_in<'a>(model: &'a Model, hit: &Hit) -> Option<&'a TierModel> {
    let key = &model.latest_tiers().get(hit.tier)?.key;
    model.tier_of(hit.region?, hit.year, key)
}

/// The figure a hit stands on: a region's rate, or the reference's for its line.
fn figure<'a>(model: &'a Model, hit: &Hit) -> Option<&'a Figure> {
    let key = &model.latest_tiers().get(hit.tier)?.key;
    match hit.region {
        Some(r) => Some(&model.tier_of(r, hit.year, key)?.rate),
        None => model.reference_rate(hit.year, key),
    }
}

/// The highlighted region and the others (or every area alike), the reference's line, then
/// what hatching means where used.
fn legend(model: &Model, lang: Lang) -> Vec<LegendItem> {
    let w = words(lang);
    let latest = model.latest_year();
    let keys = model.latest_tiers();
    let tiers: Vec<&TierModel> = (0..model.regions.len())
        .flat_map(|r| keys.iter().filter_map(move |t| model.tier_of(r, latest, &t.key)))
        .collect();
    let mut out = if model.highlighted {
        vec![
            item(Swatch::Solid(Ink::Region), model.region().name.clone(), None),
            item(Swatch::Solid(Ink::Previous), w.other_regions().to_string(), None),
        ]
    } else {
        vec![item(Swatch::Solid(Ink::Region), w.view_label(ViewName::Cities, ""), None)]
    };
    if tiers.iter().any(|t| t.reference_rate.is_some()) {
        out.push(item(Swatch::DashedLine(Ink::Reference), model.reference.clone(), None));
    }
    if tiers.iter().any(|t| t.rate.is_derived()) {
        out.push(item(Swatch::Hatched(Ink::Muted), w.derived_bar_legend().to_string(), None));
    }
    out
}

/// Per tier: how many areas are above the reference, where the highlighted one ranks, who
/// rose and who fell most; then the warnings of the latest year.
fn summary(model: &Model, lang: Lang) -> String {
    let w = words(lang);
    let year = model.latest_year();
    let mut out = String::new();
    for t in model.latest_tiers() {
        let (ranked, _) = ranking(model, year, &t.key);
        let side = |r: &Ranked| r.tier.vs_reference.as_ref().and_then(|d| signed(d.value, d.decimals));
        let above = ranked.iter().filter(|r| side(r).is_some_and(|s| s.starts_with('+'))).count();
        let level = ranked.iter().filter(|r| r.tier.vs_reference.is_some() && side(r).is_none()).count();
        let reference = model.reference_rate(year, &t.key).map(|f| percent(f.value, f.decimals));
        let mine = ranked.iter().find(|r| model.highlighted && r.region == model.focus);
        let highlight = mine.map(|r| {
            (
                model.regions[r.region].name.as_str(),
                percent(r.tier.rate.value, r.tier.rate.decimals),
                w.rank_line(r.rank, r.tied, ranked.len()),
            )
        });
        let (rose, fell) = (most_changed(model, &ranked, lang, true), most_changed(model, &ranked, lang, false));
        out.push_str(&w.cities_tier(&CitiesTier {
            tier: &t.name,
            reference: &model.reference,
            reference_rate: reference.as_deref(),
            above,
            level,
            of: ranked.len(),
            highlight: highlight.as_ref().map(|(n, r, k)| (*n, r.as_str(), k.as_str())),
            rose_most: rose.as_ref().map(|(n, d)| (*n, d.as_str())),
            fell_most: fell.as_ref().map(|(n, d)| (*n, d.as_str())),
        }));
    }
    out.push_str(&super::warnings_of(model, lang, |y| y == year));
    out.trim_end().to_string()
}

/// The area that rose (or fell) most on the year before, with the change it shows.
fn most_changed<'a>(model: &'a Model, ranked: &[Ranked], lang: Lang, rising: bool) -> Option<(&'a str, String)> {
    let change = |r: &&Ranked| r.tier.vs_previous.as_ref().map(|d| d.value);
    let r = ranked.iter().filter(|r| change(r).is_some_and(|v| if rising { v > 0.0 } else { v < 0.0 })).max_by(
        |a, b| {
            let (x, y) = (change(a).unwrap_or(0.0), change(b).unwrap_or(0.0));
            if rising {
                x.total_cmp(&y)
            } else {
                y.total_cmp(&x)
            }
        },
    )?;
    let d = r.tier.vs_previous.as_ref()?;
    Some((model.regions[r.region].name.as_str(), crate::cat!(signed(d.value, d.decimals)?, aside(d, lang))))
}

/// One row an area and tier, ranked; areas without the tier after them, then the reference.
fn table(model: &Model, lang: Lang) -> Table {
    let w = words(lang);
    let latest = model.latest_year();
    let dash = || text_cell("—".into());
    let mut rows = Vec::new();
    for t in model.latest_tiers() {
        let (ranked, without) = ranking(model, latest, &t.key);
        for x in &ranked {
            rows.push(vec![
                text_cell(model.regions[x.region].name.clone()),
                text_cell(x.tier.name.clone()),
                text_cell(w.rank(x.rank, x.tied)),
                figure_cell(Some(&x.tier.rate), model, lang, CellAs::Rate),
                figure_cell(x.tier.vs_reference.as_ref(), model, lang, CellAs::VsReference),
                figure_cell(x.tier.vs_previous.as_ref(), model, lang, CellAs::VsPrevious),
            ]);
        }
        for &region in &without {
            let mut row = vec![text_cell(model.regions[region].name.clone()), text_cell(t.name.clone())];
            row.extend((0..4).map(|_| dash()));
            rows.push(row);
        }
        if let Some(rf) = model.reference_rate(latest, &t.key) {
            rows.push(vec![
                text_cell(model.reference.clone()),
                text_cell(t.name.clone()),
                dash(),
                figure_cell(Some(rf), model, lang, CellAs::Rate),
                dash(),
                dash(),
            ]);
        }
    }
    let caption = w.cities_caption(&model.title, latest);
    crate::table::finish(model, lang, caption, w.cities_columns(&model.reference).to_vec(), 2, rows)
}

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
fn footnotes(model: &Model) -> Vec<usize> {
    let year = model.latest_year();
    let tiers = model.latest_tiers();
    let rankings: Rankings = tiers.iter().map(|t| ranking(model, year, &t.key)).collect();
    let references: Vec<Option<&Figure>> = tiers.iter().map(|t| model.reference_rate(year, &t.key)).collect();
    footnotes_of(&rankings, &references)
}

fn cities(model: &Model, opts: &Options) -> Scene {
    let w = words(opts.lang);
    let year = model.latest_year();
    let tiers = model.latest_tiers();
    let mut f = Frame::open(model, opts, || ((VIEW.subtitle)(model, opts.lang), legend(model, opts.lang)));
    let rankings: Rankings = tiers.iter().map(|t| ranking(model, year, &t.key)).collect();
    let references: Vec<Option<&Figure>> = tiers.iter().map(|t| model.reference_rate(year, &t.key)).collect();
    let footnotes = footnotes_of(&rankings, &references);
    f.set_footnotes(model, footnotes.clone());
    let c = Cols::new(&f, model, &rankings, &footnotes, w);

    // Rows share the height the box leaves, within what keeps a name legible and a row a
    // finger's target.
    let n_rows: usize = rankings.iter().map(|(rows, without)| rows.len() + without.len()).sum();
    let header_h = c.size * LINE + c.head_lines * c.small * LINE + f.px(8.0);
    let axis_h = c.small * LINE + f.px(10.0);
    let y_start = f.y + f.px(4.0);
    let panels = tiers.len().max(1) as f64;
    let footer_plain = f.footer_height(&[]);
    let footer_paged = f.footer_height(&[w.page_note(99, 99)]);
    let want = opts.height * f.s - f.pad - footer_plain - y_start - panels * (header_h + axis_h);
    let rows = if c.stacked {
        let bar_h = f.px(12.0);
        Rows { h: (c.size * LINE + bar_h + f.px(8.0)).max(f.px(24.0)), bar_h, header_h, axis_h }
    } else {
        let h = clamp(want / n_rows.max(1) as f64, f.px(24.0).max(c.size * 1.5), f.px(34.0));
        Rows { h, bar_h: (h * 0.62).min(f.px(20.0)), header_h, axis_h }
    };

    // Pages: tiers whole where they fit, a long tier in runs of rows.
    let budget = |footer: f64| opts.max_height.min(MAX_HEIGHT) * f.s - (y_start + f.px(6.0) + footer + f.pad);
    let sizes: Vec<usize> = rankings.iter().map(|(r, wo)| r.len() + wo.len()).collect();
    let mut pages = paginate(&sizes, rows.h, header_h + axis_h, budget(footer_plain));
    if pages.len() > 1 {
        // A paged chart says so under it, in a longer footer.
        pages = paginate(&sizes, rows.h, header_h + axis_h, budget(footer_paged));
    }
    let page = opts.page.min(pages.len() - 1);
    let footer_h = if pages.len() > 1 { footer_paged } else { footer_plain };
    let mut y = y_start;
    for block in &pages[page] {
        let t = block.part;
        let panel = Panel { tier: (t, tiers[t]), rows: &rankings[t], reference: references[t], block, year };
        y = panel.draw(&mut f, model, &c, &rows, y);
    }

    // As tall as the rows need: a few cities leave no empty band under the chart.
    let height = y + f.px(6.0) + footer_h + f.pad;
    let notes = if pages.len() > 1 { vec![w.page_note(page + 1, pages.len())] } else { Vec::new() };
    f.footer(y + f.px(6.0), &notes);
    let mut scene = f.finish(VIEW.name, height, Rect::new(c.x0, y_start, c.x1, y));
    scene.pages = pages.len();
    scene.page = page;
    scene
}

/// The rows' vertical geometry.
struct Rows {
    /// A row's height.
    h: f64,
    bar_h: f64,
    /// A panel's head (the tier, the column heads) and its axis under the rows.
    header_h: f64,
    axis_h: f64,
}

/// The horizontal geometry, the type sizes, and how the two columns of differences are written.
struct Cols<'a> {
    size: f64,
    value_size: f64,
    small: f64,
    rank_w: f64,
    /// Names on their own line over each bar, rather than in a column beside the bars.
    stacked: bool,
    /// How much of a name fits.
    name_room: f64,
    /// The bars' zero and full scale.
    x0: f64,
    x1: f64,
    /// Where the two columns of differences start, and their widths.
    right: f64,
    ref_w: f64,
    prev_w: f64,
    head_ref: Vec<String>,
    head_prev: Vec<String>,
    head_lines: f64,
    any_previous: bool,
    /// Whether every figure of a column is derived (its head says so, its cells need no mark).
    derived_ref: bool,
    derived_prev: bool,
    emphasis: Option<usize>,
    footnotes: &'a [usize],
    w: &'static dyn Words,
}

impl<'a> Cols<'a> {
    fn new(f: &Frame, model: &Model, rankings: &Rankings, footnotes: &'a [usize], w: &'static dyn Words) -> Cols<'a> {
        let (size, value_size, small) = (f.px(f.ty.category), f.px(f.ty.value), f.px(f.ty.tick));
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
        let mut c = Cols {
            size,
            value_size,
            small,
            rank_w,
            stacked,
            name_room: if stacked { f.w - 2.0 * f.pad - rank_w } else { name_w },
            x0: f.pad + rank_w + if stacked { 0.0 } else { name_w + f.px(8.0) },
            x1: 0.0,
            right: 0.0,
            ref_w: 0.0,
            prev_w: 0.0,
            head_ref: Vec::new(),
            head_prev: Vec::new(),
            head_lines: 1.0,
            any_previous: all_rows().any(|r| r.tier.vs_previous.is_some()),
            derived_ref: all_derived(&|t| t.vs_reference.as_ref()),
            derived_prev: all_derived(&|t| t.vs_previous.as_ref()),
            emphasis: model.highlighted.then_some(model.focus),
            footnotes,
            w,
        };
        let cells = |c: &Cols, pick: &dyn Fn(&TierModel) -> Option<&Figure>, whole: bool| -> Vec<(f64, bool)> {
            all_rows()
                .map(|r| {
                    let width = text::width(&c.diff_text(pick(r.tier), whole), value_size);
                    (width, pick(r.tier).is_some_and(Figure::is_derived))
                })
                .collect()
        };
        let ref_cells = cells(&c, &|t| t.vs_reference.as_ref(), c.derived_ref);
        (c.ref_w, c.head_ref) = c.column(f, &w.column_vs_reference(&model.reference), &ref_cells, c.derived_ref);
        if c.any_previous {
            let prev_cells = cells(&c, &|t| t.vs_previous.as_ref(), c.derived_prev);
            (c.prev_w, c.head_prev) = c.column(f, w.column_vs_previous(), &prev_cells, c.derived_prev);
        }
        c.head_lines = c.head_ref.len().max(c.head_prev.len()).max(1) as f64;
        let value_w = all_rows()
            .map(|r| text::width(&value_text(&r.tier.rate, footnotes, true), value_size))
            .fold(text::width(w.no_figure(), value_size), f64::max);
        c.right = f.w - f.pad - c.ref_w - c.prev_w;
        c.x1 = (c.right - value_w - f.px(8.0)).max(c.x0 + f.px(40.0));
        c
    }

    /// A difference as its column writes it: "+0.4", "−1.3①", "+3.4*" (derived, in a column
    /// that also holds stated figures), "—" where the data has none.
    fn diff_text(&self, d: Option<&Figure>, whole_column: bool) -> String {
        match d {
            Some(d) => {
                let suffix = if d.is_derived() && !whole_column { "*" } else { "" };
                signed(d.value, d.decimals).unwrap_or_else(|| self.w.flat_cell(fixed(0.0, d.decimals)))
                    + suffix
                    + &markers(d, self.footnotes)
            }
            None => "—".to_string(),
        }
    }

    /// A column's width and its head's lines: as wide as its cells (`cells`: each one's width
    /// and whether it is derived), or its head where the chart has room; a head wider than that
    /// wraps to two lines, the note on derived figures on a line of its own, never broken.
    fn column(&self, f: &Frame, head: &str, cells: &[(f64, bool)], whole: bool) -> (f64, Vec<String>) {
        let some = cells.iter().any(|c| c.1);
        let note = match (whole, some) {
            (true, _) => self.w.derived_suffix(),
            (false, true) => self.w.derived_mark_note(),
            (false, false) => "",
        };
        let small = self.small;
        let widest = cells.iter().map(|c| c.0).fold(0.0, f64::max);
        let room = (f.inner_width() * 0.2).max(widest);
        let whole_head = crate::cat!(head, note);
        let width = text::width(&whole_head, small).min(room).max(widest) + f.px(8.0);
        let max = width - f.px(4.0);
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
    }
}

/// One tier's panel on a page, or the run of its rows that fits there.
struct Panel<'a, 'm> {
    /// The tier's index among the latest year's, and its model.
    tier: (usize, &'m TierModel),
    rows: &'a (Vec<Ranked<'m>>, Vec<usize>),
    reference: Option<&'m Figure>,
    block: &'a Block,
    year: i32,
}

impl Panel<'_, '_> {
    /// Draws the panel from `y`; returns the y under it.
    fn draw(&self, f: &mut Frame, model: &Model, c: &Cols, rows: &Rows, y: f64) -> f64 {
        let (ranked, without) = self.rows;
        let t = self.tier.1;
        // Each tier its own scale from zero: a ranking is read within its tier, and a
        // tier-1 panel on a tier-2 scale would leave every bar a stub.
        let max_v = ranked.iter().map(|r| r.tier.rate.value).chain(self.reference.map(|f| f.value)).fold(0.0, f64::max);
        let (axis_max, step) = nice_scale(max_v);
        let x_of = |v: f64| c.x0 + (v / axis_max) * (c.x1 - c.x0);
        let heads_y = self.head(f, c, t, y);
        let top = y + rows.header_h;
        let count = self.block.rows.len();
        let bottom = top + rows.h * count as f64;
        grid(f, c, (top, bottom), (axis_max, step), &x_of);
        let ref_x = self.reference.map(|rf| x_of(rf.value));
        for (k, i) in self.block.rows.clone().enumerate() {
            let row_top = top + rows.h * k as f64;
            match ranked.get(i) {
                Some(r) => self.row(f, model, c, rows, (i, r), row_top, (&x_of, ref_x)),
                None => self.without(f, model, c, rows, without[i - ranked.len()], row_top),
            }
        }
        if let (Some(rf), Some(x)) = (self.reference, ref_x) {
            self.reference_line(f, model, c, rows, (top, bottom), (rf, x), heads_y);
        }
        bottom + rows.axis_h
    }

    /// The head: the tier (continued, after a page break within it) and the two column heads.
    /// Returns where the column heads start.
    fn head(&self, f: &mut Frame, c: &Cols, t: &TierModel, y: f64) -> f64 {
        let name = if self.block.rows.start > 0 { crate::cat!(t.name, c.w.continued()) } else { t.name.clone() };
        f.text(f.pad, y, name, LabelStyle::new(c.size, Ink::Text).bold());
        let heads_y = y + c.size * LINE + f.px(2.0);
        let head = LabelStyle::new(c.small, Ink::Muted).anchor(HAlign::Right, VAlign::Top);
        // Heads sit on the rows: a one-line head beside a two-line one drops to the second line.
        for (x, lines) in [(c.right + c.ref_w, &c.head_ref), (c.right + c.ref_w + c.prev_w, &c.head_prev)] {
            let first = heads_y + (c.head_lines - lines.len() as f64) * c.small * LINE;
            for (i, line) in lines.iter().enumerate() {
                f.text(x, first + i as f64 * c.small * LINE, line.clone(), head);
            }
        }
        heads_y
    }

    /// Where in a row its name and its bar sit (one line beside the other unless stacked).
    fn centres(c: &Cols, rows: &Rows, f: &Frame, row_top: f64) -> (f64, f64) {
        let two = f.px(2.0);
        if c.stacked {
            (row_top + two + c.size * LINE / 2.0, row_top + two + c.size * LINE + rows.bar_h / 2.0)
        } else {
            (row_top + rows.h / 2.0, row_top + rows.h / 2.0)
        }
    }

    /// A ranked region's row: rank, name, bar, value, the two differences; its point.
    #[allow(clippy::too_many_arguments)]
    fn row(
        &self,
        f: &mut Frame,
        model: &Model,
        c: &Cols,
        rows: &Rows,
        (k, r): (usize, &Ranked),
        row_top: f64,
        (x_of, ref_x): (&dyn Fn(f64) -> f64, Option<f64>),
    ) {
        let (ny, cy) = Self::centres(c, rows, f, row_top);
        let strong = c.emphasis == Some(r.region);
        let quiet = c.emphasis.is_some() && !strong;
        let rank_style = LabelStyle::new(c.small, Ink::Muted).anchor(HAlign::Right, VAlign::Middle);
        f.text(f.pad + c.rank_w - f.px(6.0), ny, c.w.rank(r.rank, r.tied), rank_style);
        let name_style = LabelStyle::new(c.size, Ink::Text).weight(strong).anchor(HAlign::Left, VAlign::Middle);
        f.text(f.pad + c.rank_w, ny, text::ellipsize(&model.regions[r.region].name, c.size, c.name_room), name_style);
        let ink = if quiet { Ink::Previous } else { Ink::Region };
        let half = rows.bar_h / 2.0;
        let bar = Rect::new(c.x0, cy - half, x_of(r.tier.rate.value).max(c.x0 + 1.0), cy + half);
        f.bar(bar, ink, r.tier.rate.is_derived());
        let row = Rect::new(f.pad, row_top, c.x1, row_top + rows.h);
        f.push_hit(Hit {
            region: Some(r.region),
            order: k as u32 + 1,
            ..Hit::new(
                bar,
                target(Rect { y0: row.y0, y1: row.y1, ..bar }, f.px(24.0)),
                self.year,
                self.tier.0,
                Series::Region,
            )
        });
        let value = LabelStyle::new(c.value_size, Ink::Text).weight(strong).anchor(HAlign::Left, VAlign::Middle);
        let label = value_text(&r.tier.rate, c.footnotes, true);
        let mut lx = bar.x1 as f64 + f.px(4.0);
        // A value that would sit across the reference line moves past it.
        if let Some(rx) = ref_x {
            if lx - f.px(2.0) <= rx && rx <= lx + text::width(&label, c.value_size) + f.px(2.0) {
                lx = rx + f.px(5.0);
            }
        }
        f.text(lx, cy, label, value);
        let col = LabelStyle::new(c.value_size, Ink::Text).weight(strong).anchor(HAlign::Right, VAlign::Middle);
        f.text(c.right + c.ref_w, cy, c.diff_text(r.tier.vs_reference.as_ref(), c.derived_ref), col);
        if c.any_previous {
            f.text(c.right + c.ref_w + c.prev_w, cy, c.diff_text(r.tier.vs_previous.as_ref(), c.derived_prev), col);
        }
    }

    /// A region without a figure for the tier: its name and "无数据".
    fn without(&self, f: &mut Frame, model: &Model, c: &Cols, rows: &Rows, region: usize, row_top: f64) {
        let (ny, cy) = Self::centres(c, rows, f, row_top);
        let style = LabelStyle::new(c.size, Ink::Muted).anchor(HAlign::Left, VAlign::Middle);
        f.text(f.pad + c.rank_w, ny, text::ellipsize(&model.regions[region].name, c.size, c.name_room), style);
        let note = LabelStyle::new(c.value_size, Ink::Muted).anchor(HAlign::Left, VAlign::Middle);
        f.text(c.x0 + f.px(4.0), cy, c.w.no_figure().to_string(), note);
    }

    /// The reference: a dashed line across the rows, labelled over them; its point, read after
    /// the cities (the line is the yardstick).
    #[allow(clippy::too_many_arguments)]
    fn reference_line(
        &self,
        f: &mut Frame,
        model: &Model,
        c: &Cols,
        rows: &Rows,
        (top, bottom): (f64, f64),
        (rf, x): (&Figure, f64),
        heads_y: f64,
    ) {
        let wd = f.stroke(2.0);
        let dash = (f.px(5.0), f.px(3.0));
        let count = self.block.rows.len();
        if c.stacked {
            // Through the bars only: names over the bars stay clear of the line.
            for k in 0..count {
                let (_, cy) = Self::centres(c, rows, f, top + rows.h * k as f64);
                let half = rows.bar_h / 2.0;
                f.dash_line((x, cy - half), (x, cy + half), dash, Ink::Reference, wd);
            }
        } else {
            f.dash_line((x, top - f.px(2.0)), (x, bottom), dash, Ink::Reference, wd);
        }
        let mark = Rect::new(x - f.px(1.0), top, x + f.px(1.0), bottom);
        let after = (self.rows.0.len() + self.rows.1.len()) as u32 + 1;
        f.push_hit(Hit {
            order: after,
            ..Hit::new(mark, target(mark, f.px(24.0)), self.year, self.tier.0, Series::Reference)
        });
        let mut label = crate::cat!(model.reference, " ", value_text(rf, c.footnotes, true));
        if rf.is_derived() {
            label.push_str(c.w.derived_suffix());
        }
        let lw = text::width(&label, c.small);
        let room = (c.right - f.pad - f.px(8.0)).max(f.px(40.0));
        let label = text::ellipsize(&label, c.small, room);
        let lx = centre_within(x, lw.min(room), f.pad, c.right - f.px(8.0));
        let style = LabelStyle::new(c.small, Ink::Reference).anchor(HAlign::Center, VAlign::Top);
        f.text(lx, heads_y + (c.head_lines - 1.0) * c.small * LINE, label, style);
    }
}

/// The grid and the axis under a panel's rows: a line at every step, labels where they do
/// not touch.
fn grid(f: &mut Frame, c: &Cols, (top, bottom): (f64, f64), (axis_max, step): (f64, f64), x_of: &dyn Fn(f64) -> f64) {
    let grid_w = f.stroke(1.0);
    let tick = LabelStyle::new(c.small, Ink::Muted).anchor(HAlign::Center, VAlign::Top);
    let widest = text::width(&tick_label(axis_max), c.small) + f.px(6.0);
    let steps = (axis_max / step).round() as usize;
    let every = label_every(steps, x_of(step) - c.x0, widest);
    let mut i = 0;
    while i as f64 * step <= axis_max + 1e-9 {
        let v = i as f64 * step;
        let x = x_of(v).round() as i32;
        let ink = if i == 0 { Ink::Axis } else { Ink::Grid };
        f.marks.push(Mark::Line { from: (x, top.round() as i32), to: (x, bottom.round() as i32), ink, width: grid_w });
        if i % every == 0 {
            f.text(x as f64, bottom + f.px(4.0), tick_label(v), tick);
        }
        i += 1;
    }
}
