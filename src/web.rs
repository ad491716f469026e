//! The browser shell: wasm-bindgen exports that load data, lay it out for a canvas's CSS size
//! and devicePixelRatio, and draw it with plotters-canvas.
//!
//! The only module that touches web-sys or JS values. It owns no chart logic: it converts
//! JS inputs to the pure-Rust types, calls load → model → layout → render, and hands back
//! plain values. Errors become JS `Error`s whose message names the field path.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use serde_json::{json, Value};

use crate::format::Lang;
use crate::layout::{self, Layout, Options, Series, Shown, Swatch, View};
use crate::model::Model;
use crate::render::{self, Rgb, Theme};
use crate::{describe, text};

/// Runs when the module is instantiated: a panic becomes a JS `Error` whose message says it is
/// an internal error, instead of an opaque `unreachable` trap. Either way the instance may be
/// left inconsistent; the widget layer then starts a fresh instance (js/passrate-chart.js).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info.payload().downcast_ref::<String>().cloned().unwrap_or_default(),
        };
        wasm_bindgen::throw_str(&format!("passrate-chart internal error: {msg}"));
    }));
}

/// Panics on purpose, so that the recovery from a panic can be tested in the shipped build.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("a panic requested by a test");
}

/// Why `data` cannot be drawn, for a reader in `lang` (`zh-CN` or `en`), or `undefined` when
/// it can. The Chinese message translates the position and what was expected.
#[wasm_bindgen(js_name = explainError)]
pub fn explain_error(data: &JsValue, lang: &str) -> Option<String> {
    let lang = Lang::parse(lang).unwrap_or_default();
    read(data).err().map(|e| e.message(lang))
}

/// A dataset from what the page passed: JSON or CSV text, or a JS object.
fn read(data: &JsValue) -> Result<crate::load::Dataset, crate::Error> {
    let not_data = |detail: String| {
        crate::Error::new(
            "(root)",
            crate::ErrorKind::Syntax(format!("expected a dataset object, JSON text or CSV text{detail}")),
        )
    };
    if let Some(text) = data.as_string() {
        crate::load::from_text(&text)
    } else if data.is_object() {
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(data.clone()).map_err(|e| not_data(format!(" ({e})")))?;
        crate::load::from_json_value(&value)
    } else {
        Err(not_data(String::new()))
    }
}

/// A loaded dataset bound to a view, a language and a theme; draws on any canvas.
#[wasm_bindgen]
pub struct Chart {
    model: Model,
    view: View,
    lang: Lang,
    theme: Theme,
    shown: Shown,
    furniture: bool,
    layout: Option<Layout>,
}

fn load(data: &JsValue) -> Result<Model, JsError> {
    read(data).map(|ds| crate::model::build(&ds)).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Chart {
    /// `data`: a dataset object, JSON text or CSV text. Throws an `Error` naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &JsValue) -> Result<Chart, JsError> {
        Ok(Chart {
            model: load(data)?,
            view: View::Compare,
            lang: Lang::Zh,
            theme: Theme::light(),
            shown: Shown::default(),
            furniture: true,
            layout: None,
        })
    }

    /// Replaces the data; on error the chart keeps its previous data.
    pub fn update(&mut self, data: &JsValue) -> Result<(), JsError> {
        self.model = load(data)?;
        if !self.view.supports(&self.model) {
            self.view = View::Compare;
        }
        self.layout = None;
        Ok(())
    }

    /// `"compare"` or `"change"`.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: &str) -> Result<(), JsError> {
        let v = View::parse(view).ok_or_else(|| {
            JsError::new(&format!("view: expected \"compare\", \"change\" or \"trend\", got \"{view}\""))
        })?;
        if !v.supports(&self.model) {
            return Err(JsError::new("view: \"trend\" needs three or more years of data"));
        }
        self.view = v;
        Ok(())
    }

    /// A BCP 47 tag: `zh-CN` (default) or `en`.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, lang: &str) -> Result<(), JsError> {
        self.lang = Lang::parse(lang)
            .ok_or_else(|| JsError::new(&format!("lang: expected \"zh-CN\" or \"en\", got \"{lang}\"")))?;
        Ok(())
    }

    /// `"light"` or `"dark"`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, theme: &str) -> Result<(), JsError> {
        self.theme = Theme::named(theme)
            .ok_or_else(|| JsError::new(&format!("theme: expected \"light\" or \"dark\", got \"{theme}\"")))?;
        Ok(())
    }

    /// Lays the chart out for `css_width` × `css_height` CSS pixels at `dpr`, sizes the
    /// canvas (backing store = CSS size × dpr) and draws. Returns the CSS height used,
    /// which is larger than asked when the content needs it.
    pub fn draw(
        &mut self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        css_height: f64,
        dpr: f64,
    ) -> Result<f64, JsError> {
        let opts = Options {
            width: css_width,
            height: css_height,
            dpr,
            lang: self.lang,
            furniture: self.furniture,
            shown: self.shown,
        };
        let l = layout::layout(&self.model, self.view, &opts);
        let css_h = paint(canvas, &l, &self.theme)?;
        self.layout = Some(l);
        Ok(css_h)
    }

    /// Draws a standalone image of the current view on `canvas` (title, legend, footnotes and
    /// source included, whatever `setFurniture` says), for PNG export. Leaves the chart's
    /// live layout, and so its hit testing, untouched.
    #[wasm_bindgen(js_name = drawImage)]
    pub fn draw_image(
        &self,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        css_height: f64,
        dpr: f64,
    ) -> Result<f64, JsError> {
        let opts =
            Options { width: css_width, height: css_height, dpr, lang: self.lang, furniture: true, shown: self.shown };
        let l = layout::layout(&self.model, self.view, &opts);
        paint(canvas, &l, &self.theme)
    }

    /// The chart's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.model.title.clone()
    }

    /// Overrides theme colours and the font: `{"region": "#008000", "font": "Georgia, serif"}`
    /// (names as in `render::COLOR_NAMES`). Call after `setTheme`, which resets them.
    #[wasm_bindgen(js_name = setStyle)]
    pub fn set_style(&mut self, style: &str) -> Result<(), JsError> {
        let v: Value =
            serde_json::from_str(style).map_err(|e| JsError::new(&format!("style: expected a JSON object ({e})")))?;
        let obj = v.as_object().ok_or_else(|| JsError::new("style: expected a JSON object"))?;
        let mut theme = self.theme.clone();
        for (k, val) in obj {
            let text = val.as_str().ok_or_else(|| JsError::new(&format!("style.{k}: expected a string")))?;
            if k == "font" {
                let family = crate::load::visible(text).unwrap_or_default();
                // A family list only: no quotes that could end the canvas font shorthand early.
                if family.len() > 200 || family.contains(';') {
                    return Err(JsError::new("style.font: expected a CSS font family list"));
                }
                theme.font = (!family.is_empty()).then(|| family.to_string());
            } else {
                theme.set(k, text).map_err(|e| JsError::new(&format!("style.{e}")))?;
            }
        }
        self.theme = theme;
        Ok(())
    }

    /// Which series to draw (the legend's toggles).
    #[wasm_bindgen(js_name = setShown)]
    pub fn set_shown(&mut self, region: bool, reference: bool, previous: bool) {
        self.shown = Shown { region, reference, previous };
    }

    /// Whether the image carries its title, legend, footnotes and source (default `true`).
    /// A page that shows them as text turns this off.
    #[wasm_bindgen(js_name = setFurniture)]
    pub fn set_furniture(&mut self, on: bool) {
        self.furniture = on;
    }

    /// Everything a page needs to show the chart as text, as JSON: title, subtitle, summary,
    /// source, footnotes, legend, views, the data table and the theme's colours.
    pub fn describe(&self) -> String {
        let m = &self.model;
        let lang = self.lang;
        let year = m.current().year;
        let subtitle = match self.view {
            View::Compare => text::compare_subtitle(m, year, lang),
            View::Change => text::change_subtitle(m, year, lang),
            View::Trend => text::trend_subtitle(m, lang),
        };
        let footnote_ids: Vec<usize> = match &self.layout {
            Some(l) => l.footnotes.clone(),
            None => (0..m.warnings.len()).collect(),
        };
        let legend: Vec<Value> = layout::legend(m, self.view, lang)
            .into_iter()
            .map(|item| {
                let (kind, ink) = match item.swatch {
                    Swatch::Solid(i) => ("solid", i),
                    Swatch::Hatched(i) => ("hatched", i),
                    Swatch::Dot(i, false) => ("dot", i),
                    Swatch::Dot(i, true) => ("hollow", i),
                    Swatch::Tick(i) => ("tick", i),
                    Swatch::Dashed(i) => ("dashed", i),
                };
                json!({
                    "label": item.label,
                    "swatch": kind,
                    "color": hex(self.theme.ink(ink)),
                    "series": item.series.map(series_name),
                    "shown": item.series.is_none_or(|s| self.shown.series(s)),
                })
            })
            .collect();
        let t = describe::table(m, lang);
        let rows: Vec<Vec<Value>> = t
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .map(|c| json!({"text": c.text, "derived": c.derived, "provenance": c.provenance, "markers": c.markers}))
                    .collect()
            })
            .collect();
        let views: Vec<Value> = View::all_for(m)
            .iter()
            .map(|&v| json!({"id": v.name(), "label": describe::view_label(m, v, lang)}))
            .collect();
        let th = &self.theme;
        json!({
            "title": m.title,
            "subtitle": subtitle,
            "summary": describe::summary(m, lang),
            "source": text::source_line(m, lang),
            "footnotes": describe::footnotes(m, &footnote_ids, lang),
            "legend": legend,
            "view": self.view.name(),
            "views": views,
            "table": {"caption": t.caption, "columns": t.columns, "rows": rows, "notes": t.notes},
            "colors": {
                "background": hex(th.background), "text": hex(th.text), "muted": hex(th.muted),
                "grid": hex(th.grid), "region": hex(th.region), "reference": hex(th.reference),
                "previous": hex(th.previous), "warning": hex(th.warning),
            },
        })
        .to_string()
    }

    /// The data points of the last drawn layout in reading order, as JSON: each with its
    /// box in CSS pixels, heading, value, detail lines and a sentence for a live region.
    pub fn points(&self) -> String {
        let Some(l) = &self.layout else { return "[]".into() };
        let s = l.dpr;
        let list: Vec<Value> = describe::data_points(&self.model, l, self.lang)
            .into_iter()
            .map(|p| {
                json!({
                    "x": p.rect.x0 as f64 / s, "y": p.rect.y0 as f64 / s,
                    "w": (p.rect.x1 - p.rect.x0) as f64 / s, "h": (p.rect.y1 - p.rect.y0) as f64 / s,
                    "tier": p.tier, "series": series_name(p.series),
                    "heading": p.heading, "value": p.value, "lines": p.lines, "spoken": p.spoken,
                })
            })
            .collect();
        Value::Array(list).to_string()
    }

    /// The index (into `points()`) of the data point under (x, y) in CSS pixels, or -1.
    /// A search over the layout's hit table: its cost grows with the number of points, not
    /// with the chart's size, and nothing is redrawn.
    pub fn hit(&self, css_x: f64, css_y: f64) -> i32 {
        let Some(l) = &self.layout else { return -1 };
        let Some(h) = l.hits.at(css_x * l.dpr, css_y * l.dpr, 4.0 * l.dpr) else { return -1 };
        describe::reading_order(l).iter().position(|x| std::ptr::eq(*x, h)).map_or(-1, |i| i as i32)
    }

    /// The boxes of `points()` after a redraw at another size, as [x, y, w, h, …] in CSS
    /// pixels: the texts do not change with the size, so a resize need not rebuild them.
    pub fn boxes(&self) -> Vec<f64> {
        let Some(l) = &self.layout else { return Vec::new() };
        let s = l.dpr;
        describe::reading_order(l)
            .iter()
            .flat_map(|h| {
                let r = h.rect;
                [r.x0 as f64 / s, r.y0 as f64 / s, (r.x1 - r.x0) as f64 / s, (r.y1 - r.y0) as f64 / s]
            })
            .collect()
    }
}

fn series_name(s: Series) -> &'static str {
    match s {
        Series::Region => "region",
        Series::Reference => "reference",
        Series::Previous => "previous",
        Series::FromCounts => "counts",
    }
}

fn hex(c: Rgb) -> String {
    const D: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::from("#");
    for b in [c.0, c.1, c.2] {
        s.push(D[(b >> 4) as usize] as char);
        s.push(D[(b & 15) as usize] as char);
    }
    s
}

/// Sizes `canvas` for `l` (backing store = CSS size × dpr) and draws it. Returns the CSS height.
fn paint(canvas: &HtmlCanvasElement, l: &Layout, theme: &Theme) -> Result<f64, JsError> {
    canvas.set_width(l.width);
    canvas.set_height(l.height);
    let style = canvas.style();
    let css_w = l.width as f64 / l.dpr;
    let css_h = l.height as f64 / l.dpr;
    style.set_property("width", &format!("{css_w}px")).map_err(|_| JsError::new("canvas: cannot set its width"))?;
    style.set_property("height", &format!("{css_h}px")).map_err(|_| JsError::new("canvas: cannot set its height"))?;
    let mut backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    render::draw(&mut backend, l, theme, 1.0).map_err(|e| JsError::new(&format!("canvas: {e:?}")))?;
    Ok(css_h)
}
