//! The browser shell: wasm-bindgen exports that load data, lay it out for a canvas's CSS size
//! and devicePixelRatio, and draw it with plotters-canvas.
//!
//! The only module that touches web-sys or JS values. It owns no chart logic: it converts
//! JS inputs to the pure-Rust types, calls load → model → layout → render, and hands back
//! plain values. Errors become JS `Error`s whose message names the field path.

use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::format::Lang;
use crate::layout::{self, Layout, Options, View};
use crate::model::Model;
use crate::render::{self, Theme};

/// A loaded dataset bound to a view, a language and a theme; draws on any canvas.
#[wasm_bindgen]
pub struct Chart {
    model: Model,
    view: View,
    lang: Lang,
    theme: Theme,
    layout: Option<Layout>,
}

fn load(data: &JsValue) -> Result<Model, JsError> {
    let dataset = if let Some(text) = data.as_string() {
        crate::load::from_text(&text)
    } else if data.is_object() {
        let value: serde_json::Value = serde_wasm_bindgen::from_value(data.clone())
            .map_err(|e| JsError::new(&format!("(root): expected a dataset object, JSON text or CSV text ({e})")))?;
        crate::load::from_json_value(&value)
    } else {
        return Err(JsError::new("(root): expected a dataset object, JSON text or CSV text"));
    };
    dataset.map(|ds| crate::model::build(&ds)).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
impl Chart {
    /// `data`: a dataset object, JSON text or CSV text. Throws an `Error` naming the field.
    #[wasm_bindgen(constructor)]
    pub fn new(data: &JsValue) -> Result<Chart, JsError> {
        Ok(Chart { model: load(data)?, view: View::Compare, lang: Lang::Zh, theme: Theme::light(), layout: None })
    }

    /// Replaces the data; on error the chart keeps its previous data.
    pub fn update(&mut self, data: &JsValue) -> Result<(), JsError> {
        self.model = load(data)?;
        self.layout = None;
        Ok(())
    }

    /// `"compare"` or `"change"`.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&mut self, view: &str) -> Result<(), JsError> {
        self.view = View::parse(view)
            .ok_or_else(|| JsError::new(&format!("view: expected \"compare\" or \"change\", got \"{view}\"")))?;
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
        let opts = Options { width: css_width, height: css_height, dpr, lang: self.lang };
        let l = layout::layout(&self.model, self.view, &opts);
        canvas.set_width(l.width);
        canvas.set_height(l.height);
        let style = canvas.style();
        let css_w = l.width as f64 / l.dpr;
        let css_h = l.height as f64 / l.dpr;
        style.set_property("width", &format!("{css_w}px")).map_err(|_| JsError::new("canvas: cannot set its width"))?;
        style
            .set_property("height", &format!("{css_h}px"))
            .map_err(|_| JsError::new("canvas: cannot set its height"))?;
        let mut backend =
            CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| JsError::new("canvas: no 2D context"))?;
        render::draw(&mut backend, &l, &self.theme, 1.0).map_err(|e| JsError::new(&format!("canvas: {e:?}")))?;
        self.layout = Some(l);
        Ok(css_h)
    }

    /// The chart's title.
    #[wasm_bindgen(getter)]
    pub fn title(&self) -> String {
        self.model.title.clone()
    }

    /// The footnotes of the last drawn view, each with its marker ("① …"), in the chart's
    /// language; every consistency warning when nothing has been drawn yet.
    pub fn footnotes(&self) -> Vec<String> {
        let ids: Vec<usize> = match &self.layout {
            Some(l) => l.footnotes.clone(),
            None => (0..self.model.warnings.len()).collect(),
        };
        ids.iter()
            .enumerate()
            .map(|(i, &w)| {
                format!(
                    "{} {}",
                    crate::text::marker(i + 1),
                    crate::text::warning(&self.model.warnings[w], &self.model, self.lang)
                )
            })
            .collect()
    }

    /// The data point under (x, y) in CSS pixels of the last drawn layout, as
    /// `[tier name, series, value text, provenance]`, or `undefined`.
    pub fn hit(&self, css_x: f64, css_y: f64) -> Option<Vec<String>> {
        let l = self.layout.as_ref()?;
        let h = l.hits.at(css_x * l.dpr, css_y * l.dpr, 4.0 * l.dpr)?;
        let f = layout::figure(&self.model, h)?;
        let tier = self.model.current().tiers.get(h.tier)?;
        let series = match h.series {
            layout::Series::Region => "region",
            layout::Series::Reference => "reference",
            layout::Series::Previous => "previous",
            layout::Series::FromCounts => "counts",
        };
        Some(vec![
            tier.name.clone(),
            series.to_string(),
            crate::format::percent(f.value, f.decimals),
            crate::text::provenance(f, &self.model, self.lang),
        ])
    }
}
