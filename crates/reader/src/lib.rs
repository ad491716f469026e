//! The reader's wasm: the browser shell, the only Rust that knows the browser exists. It
//! depends on the core crate (`passrate-chart`) alone: neither the extractor nor the command
//! line's PNG renderer is in what a reader downloads.
//!
//! One crossing per frame: the page holds the settings (view, language, theme, shown
//! series) and calls `Chart::frame` with all of them; the frame lays out the scene, paints
//! it on the canvas and returns, as JSON, the point boxes and (when asked) the scene's text.
//! Hovering is `Chart::hit`, a lookup in the scene's grid index. An error crosses once, as
//! a JS `Error` whose `message` is the developer's English and whose `localized` is the same
//! message in the reader's language.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::result_large_err)]

// SAFETY: the wasm build is single-threaded (no atomics, no threads), as AssumeSingleThreaded requires.
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

use std::cell::RefCell;

use plotters_canvas::CanvasBackend;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use passrate_chart::describe::{PageText, PointText};
use passrate_chart::error::{Error, Got, Path, Want};
use passrate_chart::json::{Value, Writer};
use passrate_chart::lang::Lang;
use passrate_chart::layout::{self, Options, Scene, Shown};
use passrate_chart::load::Dataset;
use passrate_chart::model::Model;
use passrate_chart::render::{self, Rgb, Theme};
use passrate_chart::views::{self, View};

/// Runs when the module is instantiated: a panic becomes a JS `Error` whose message says it is
/// an internal error, instead of an opaque `unreachable` trap. Either way the instance may be
/// left inconsistent; the widget then starts a fresh instance (js/src/engine.js).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => info.payload().downcast_ref::<String>().cloned().unwrap_or_default(),
        };
        wasm_bindgen::throw_str(&passrate_chart::cat!("passrate-chart internal error: ", msg));
    }));
}

/// Panics on purpose, so that the recovery from a panic can be tested in the shipped build.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("a panic requested by a test");
}

/// A JS `Error` for `e`: `message` in English, `localized` in `lang`, `path` where.
fn js_error(e: &Error, lang: Lang) -> JsValue {
    let err = js_sys::Error::new(&e.message(Lang::En));
    let set = |k: &str, v: &str| js_sys::Reflect::set(&err, &JsValue::from_str(k), &JsValue::from_str(v));
    let _ = set("localized", &e.message(lang));
    let _ = set("path", &e.path.text());
    err.into()
}

/// A developer's mistake in a call (a setting the page should have checked).
fn usage(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}

fn lang_of(tag: &str) -> Lang {
    Lang::parse(tag).unwrap_or_default()
}

/// A dataset from what the page passed: JSON or CSV text, the bytes of a file (UTF-8,
/// UTF-16 with its mark, or GB18030 as Excel and WPS save CSV on Chinese Windows), or a JS
/// object.
fn read(data: &JsValue) -> Result<Dataset, Error> {
    if let Some(text) = data.as_string() {
        passrate_chart::load::from_text(&text)
    } else if let Some(bytes) = data.dyn_ref::<js_sys::Uint8Array>() {
        let (text, _) = passrate_chart::load::decode_with(&bytes.to_vec(), gb18030)?;
        passrate_chart::load::from_text(&text)
    } else if data.is_object() {
        passrate_chart::load::from_value(&from_js(data)?)
    } else {
        let got = if data.is_undefined() { "undefined" } else { "a function or symbol" };
        Err(Error::expected(Path::Root, Want::Dataset, Got::Js(got)))
    }
}

/// GB18030 through the browser's own decoder, strictly: `None` on any byte it cannot read.
fn gb18030(bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &opts).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// Objects nest this deep at most (a dataset nests five levels); deeper is a cycle or not a dataset.
const MAX_OBJECT_DEPTH: usize = 16;

/// A JS object as a JSON value, through serde-wasm-bindgen. Numbers are written with the
/// fewest decimals that give them exactly (a JS number does not keep how it was typed).
fn from_js(data: &JsValue) -> Result<Value, Error> {
    let failed = RefCell::new(None);
    let values = std::cell::Cell::new(0);
    let seed = Seed { path: String::new(), depth: 0, failed: &failed, values: &values };
    let de = serde_wasm_bindgen::Deserializer::from(data.clone());
    match seed.deserialize(de) {
        Ok(v) => Ok(v),
        Err(_) => Err(failed
            .into_inner()
            .unwrap_or_else(|| Error::expected(Path::Root, Want::JsonValue, Got::Js("a function or symbol")))),
    }
}

/// An object's key: a string, read without serde's `String` visitor (see `visit_bytes`).
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = String;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = String;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<String, E> {
        Ok(s.to_string())
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<String, E> {
        Ok(s)
    }
}

struct Seed<'a> {
    path: String,
    depth: usize,
    failed: &'a RefCell<Option<Error>>,
    /// Values read so far: an object holds at most [`passrate_chart::json::MAX_VALUES`], as JSON text does.
    values: &'a std::cell::Cell<usize>,
}

impl Seed<'_> {
    fn fail<E: de::Error>(&self, want: Want, got: Got) -> E {
        let path = if self.path.is_empty() { Path::Root } else { Path::Field(self.path.clone()) };
        self.failed.borrow_mut().get_or_insert(Error::expected(path, want, got));
        E::custom("")
    }

    fn child(&self, path: String) -> Seed<'_> {
        Seed { path, depth: self.depth + 1, failed: self.failed, values: self.values }
    }
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        if self.depth > MAX_OBJECT_DEPTH {
            return Err(self.fail(Want::JsonValue, Got::Js("nested deeper than 16 levels (does it contain itself?)")));
        }
        self.values.set(self.values.get() + 1);
        if self.values.get() > passrate_chart::json::MAX_VALUES {
            let max = passrate_chart::json::MAX_VALUES;
            self.failed.borrow_mut().get_or_insert(Error::expected(
                Path::Input,
                Want::AtMostValues(max),
                Got::MoreThan(max),
            ));
            return Err(de::Error::custom(""));
        }
        let path = self.path.clone();
        let failed = self.failed;
        d.deserialize_any(self).inspect_err(|_| {
            // A value serde-wasm-bindgen refused (a function, a symbol) before any visit.
            let at = if path.is_empty() { Path::Root } else { Path::Field(path.clone()) };
            failed.borrow_mut().get_or_insert(Error::expected(at, Want::JsonValue, Got::Js("a function or symbol")));
        })
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON data")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    // A JS number keeps no written form: `14.0` arrives as the integer 14. Every number is a
    // float here, whose decimals the loader takes from the same field elsewhere in the data.
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Float(n as f64))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Float(n as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        if v.is_nan() {
            return Err(self.fail(Want::FiniteNumber, Got::Js("NaN")));
        }
        if v.is_infinite() {
            return Err(self.fail(Want::FiniteNumber, Got::Js(if v > 0.0 { "Infinity" } else { "-Infinity" })));
        }
        Ok(Value::Float(v))
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_string()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    // Every other kind of value is refused here with this crate's own error, rather than by
    // serde's defaults: those describe the value through `serde::de::Unexpected`, whose
    // `Display` formats floats and would bring core's float formatting into the wasm.
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(self.fail(Want::JsonValue, Got::Js("binary data")))
    }

    fn visit_byte_buf<E: de::Error>(self, _: Vec<u8>) -> Result<Value, E> {
        Err(self.fail(Want::JsonValue, Got::Js("binary data")))
    }

    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Value, E> {
        Err(self.fail(Want::FiniteNumber, Got::Js("a BigInt")))
    }

    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Value, E> {
        Err(self.fail(Want::FiniteNumber, Got::Js("a BigInt")))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<Value, A::Error> {
        Err(self.fail(Want::JsonValue, Got::Js("a function or symbol")))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.child(passrate_chart::cat!(self.path, "[", items.len(), "]")))? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut fields: Vec<(String, Value)> = Vec::new();
        while let Some(key) = map.next_key_seed(Key)? {
            let path = if self.path.is_empty() { key.clone() } else { passrate_chart::cat!(self.path, ".", key) };
            let v = map.next_value_seed(self.child(path))?;
            fields.push((key, v));
        }
        Ok(Value::Object(fields))
    }
}

/// A loaded dataset; draws frames of it on any canvas.
#[wasm_bindgen]
pub struct Chart {
    data: Dataset,
    /// The model in the language and with the highlight of the last call.
    model: Model,
    model_for: (Lang, Option<usize>),
    scene: Option<Scene>,
    /// The last settings, as the page sent them, and what they say.
    settings_text: String,
    settings: Settings,
    /// What the points' words last sent were said of: the settings and each hit's identity.
    /// A frame whose scene has the same points under the same settings sends no words.
    points_for: Option<(String, Vec<String>)>,
}

/// What the page holds and sends with every call (JSON):
/// `{"view": "compare", "lang": "zh-CN", "theme": "light", "style": {…}, "shown": 7,
///   "highlight": "运城市"}`; every field optional. `shown` is a bit set: 1 region,
/// 2 reference, 4 last year. `style` holds brand colours and the font (`{"region": "#008000",
/// "font": "Georgia"}`).
#[derive(Clone)]
struct Settings {
    view: View,
    lang: Lang,
    theme: Theme,
    shown: Shown,
    /// The region shown by the compare, change and trend views.
    /// The highlighted region, if one was named.
    focus: Option<usize>,
    /// Which page of a paged view (cities, trend), from 0.
    page: usize,
}

#[wasm_bindgen]
impl Chart {
    /// `data`: a dataset object, JSON text, CSV text or a file's bytes (`Uint8Array`). Throws
    /// an `Error` naming the field (`localized` holds the message in `lang`).
    #[wasm_bindgen(constructor)]
    pub fn new(data: &JsValue, lang: &str) -> Result<Chart, JsValue> {
        let data = read(data).map_err(|e| js_error(&e, lang_of(lang)))?;
        let model = passrate_chart::model::build(&data);
        let settings = Settings {
            view: View::Compare,
            lang: Lang::Zh,
            theme: Theme::light(),
            shown: Shown::default(),
            focus: None,
            page: 0,
        };
        Ok(Chart {
            data,
            model,
            model_for: (Lang::Zh, None),
            scene: None,
            settings_text: String::new(),
            settings,
            points_for: None,
        })
    }

    /// Replaces the data; on error the chart keeps its previous data.
    pub fn update(&mut self, data: &JsValue, lang: &str) -> Result<(), JsValue> {
        self.data = read(data).map_err(|e| js_error(&e, lang_of(lang)))?;
        self.model = passrate_chart::model::build(&self.data);
        self.model_for = (Lang::Zh, None);
        self.settings_text.clear();
        self.scene = None;
        self.points_for = None;
        Ok(())
    }

    /// The views the data supports, in tab order: `"compare change trend"`.
    pub fn views(&self) -> String {
        View::all_for(&self.model).iter().map(|v| v.name()).collect::<Vec<_>>().join(" ")
    }

    /// The regions' names in the data, in either of its languages, one per line: what
    /// `highlight` may name.
    pub fn regions(&self) -> String {
        let names = self.data.regions.iter().flat_map(|r| std::iter::once(&r.name.text).chain(&r.name.en));
        names.map(String::as_str).collect::<Vec<_>>().join("\n")
    }

    /// The page text for `settings` as JSON (title, legend, notes, summary, table, the
    /// controls' labels, the theme's colours): what does not depend on the canvas's size, so
    /// nothing is laid out. The widget asks for it when the settings change, fills the DOM
    /// around the canvas, and then draws the one frame that fits what is left; the words of
    /// the points come with that frame.
    pub fn text(&mut self, settings: &str) -> Result<String, JsValue> {
        let opts = self.options(settings, 0.0, 0.0, 1.0, false)?;
        let s = &self.settings;
        let page = passrate_chart::describe::page(&self.model, s.view, s.lang, opts.shown);
        let mut w = Writer::default();
        page_json(&mut w, &page, s.view, &s.theme, opts.shown);
        Ok(w.out)
    }

    /// One frame: lays out the view for `width` × `height` CSS px at `dpr`, paints it on
    /// `canvas` (backing store = CSS size × dpr) and returns JSON: `{"width", "height", "dpr",
    /// "boxes": [[x0, y0, x1, y1], …] (each point's touch target, device px, reading order),
    /// "marks": […] (each point's mark as drawn), "points": […], "notes": […]}`. `points` (the
    /// words of each point of this very scene) and `notes` (what the canvas says about how
    /// it is drawn) come when they differ from the last frame's, or when `text` is true;
    /// otherwise `points` is null and the last ones stand. `furniture`: draw the title,
    /// legend, footnotes and source in the image (a page that shows them as text turns it off).
    // The canvas, the settings, the box and what to return: one crossing per frame.
    #[allow(clippy::too_many_arguments)]
    pub fn frame(
        &mut self,
        canvas: &HtmlCanvasElement,
        settings: &str,
        width: f64,
        height: f64,
        dpr: f64,
        furniture: bool,
        text: bool,
    ) -> Result<String, JsValue> {
        let opts = self.options(settings, width, height, dpr, furniture)?;
        let s = &self.settings;
        let scene = views::layout(&self.model, s.view, &opts);
        paint(canvas, &scene, &s.theme)?;
        let keys: Vec<String> = scene.hits.hits.iter().map(layout::Hit::key).collect();
        let fresh = text || self.points_for.as_ref().is_none_or(|(st, k)| *st != self.settings_text || *k != keys);
        let points = fresh.then(|| passrate_chart::describe::points(&self.model, &scene, s.lang));
        let mut w = Writer::default();
        w.object(|o| {
            o.int("width", scene.width as i64);
            o.int("height", scene.height as i64);
            o.key("dpr").raw(&passrate_chart::format::plain(scene.dpr));
            // A view too tall for one canvas is paged: which page, of how many, in words.
            o.int("page", scene.page as i64);
            o.int("pages", scene.pages as i64);
            if scene.pages > 1 {
                o.str("pageNote", &passrate_chart::words::words(s.lang).page_note(scene.page + 1, scene.pages));
            }
            // Each point's touch target, and its mark as drawn (which a tooltip keeps clear of).
            for (key, mark) in [("boxes", false), ("marks", true)] {
                o.key(key).array(&scene.hits.hits, |w, h| {
                    let r = if mark { h.mark } else { h.rect };
                    w.array([r.x0, r.y0, r.x1, r.y1], |w, n| w.int(n as i64));
                });
            }
            match &points {
                Some(p) => {
                    o.key("points").array(p, point_json);
                    o.strs("notes", &scene.notes);
                }
                None => o.key("points").null(),
            }
        });
        if fresh {
            self.points_for = Some((self.settings_text.clone(), keys));
        }
        self.scene = Some(scene);
        Ok(w.out)
    }

    /// The data table of `settings`'s view as JSON (caption, columns, row heads, rows of
    /// cells with their provenance and quotes, derivations, notes): asked for when a reader
    /// opens it, not with every change of settings.
    pub fn table(&mut self, settings: &str) -> Result<String, JsValue> {
        self.options(settings, 0.0, 0.0, 1.0, false)?;
        let s = &self.settings;
        let t = passrate_chart::describe::table(&self.model, s.view, s.lang);
        let mut w = Writer::default();
        table_json(&mut w, &t);
        Ok(w.out)
    }

    /// Every figure of the data as CSV (UTF-8 with its byte-order mark, so Excel reads it):
    /// one row per figure, as the chart shows it, with its provenance, its derivation or the
    /// source's words, its warnings and the source, in the language of `settings`.
    pub fn csv(&mut self, settings: &str) -> Result<String, JsValue> {
        self.options(settings, 0.0, 0.0, 1.0, false)?;
        Ok(passrate_chart::describe::data_csv(&self.model, self.settings.lang))
    }

    /// Draws a standalone image of the view on `canvas` — title, legend, footnotes and source
    /// in the image — for PNG export. Leaves the live scene, and so hit testing, untouched.
    /// Returns the image's height in CSS px.
    #[wasm_bindgen(js_name = drawImage)]
    pub fn draw_image(
        &mut self,
        canvas: &HtmlCanvasElement,
        settings: &str,
        width: f64,
        height: f64,
        dpr: f64,
    ) -> Result<f64, JsValue> {
        let opts = self.options(settings, width, height, dpr, true)?;
        let scene = views::layout(&self.model, self.settings.view, &opts);
        paint(canvas, &scene, &self.settings.theme)?;
        Ok(scene.height as f64 / scene.dpr)
    }

    /// The index (in reading order) of the data point under (x, y) in CSS pixels, or -1.
    /// A lookup in the scene's grid index: nothing is sorted or redrawn.
    pub fn hit(&self, css_x: f64, css_y: f64) -> i32 {
        let Some(s) = &self.scene else { return -1 };
        s.hits.find(css_x * s.dpr, css_y * s.dpr, 4.0 * s.dpr).map_or(-1, |i| i as i32)
    }
}

impl Chart {
    /// Reads `settings` (when they changed), brings the model to their language and
    /// highlight, and gives the layout options of a call.
    fn options(
        &mut self,
        settings: &str,
        width: f64,
        height: f64,
        dpr: f64,
        furniture: bool,
    ) -> Result<Options, JsValue> {
        if settings != self.settings_text {
            self.settings = self.read_settings(settings)?;
            self.settings_text = settings.to_string();
        }
        let s = &self.settings;
        if self.model_for != (s.lang, s.focus) {
            self.model = passrate_chart::model::build_in(&self.data, s.lang);
            self.model.focus = s.focus.unwrap_or(0);
            self.model.highlighted = s.focus.is_some();
            self.model_for = (s.lang, s.focus);
        }
        if !s.view.supports(&self.model) {
            return Err(usage(
                "view: this view needs data the chart does not have (the trend view, three or more years)",
            ));
        }
        Ok(Options { width, height, dpr, lang: s.lang, furniture, shown: s.shown, page: s.page, ..Options::default() })
    }

    fn read_settings(&self, text: &str) -> Result<Settings, JsValue> {
        let v = passrate_chart::json::parse(text).map_err(|_| usage("settings: expected a JSON object"))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str);
        let view = match field("view") {
            None => View::Compare,
            Some(name) => View::parse(name)
                .ok_or_else(|| usage("view: expected \"compare\", \"change\", \"trend\" or \"cities\""))?,
        };
        let lang = match field("lang") {
            None => Lang::Zh,
            Some(tag) => Lang::parse(tag).ok_or_else(|| usage("lang: expected \"zh-CN\" or \"en\""))?,
        };
        let theme = theme_of(field("theme").unwrap_or("light"), v.get("style"))?;
        let shown = match v.get("shown") {
            Some(Value::Number(n)) => n.parse::<u32>().unwrap_or(7),
            _ => 7,
        };
        let shown = Shown { region: shown & 1 != 0, reference: shown & 2 != 0, previous: shown & 4 != 0 };
        let focus = match field("highlight").filter(|h| !h.is_empty()) {
            None => None,
            Some(h) => self.data.regions.iter().position(|r| r.name.is(h)).map(Some).ok_or_else(|| {
                usage(&passrate_chart::cat!("highlight: expected a region of the data, got \"", h, "\""))
            })?,
        };
        let page = match v.get("page") {
            Some(Value::Number(n)) => n.parse::<usize>().unwrap_or(0),
            _ => 0,
        };
        Ok(Settings { view, lang, theme, shown, focus, page })
    }
}

/// The theme `name` with the brand `style` (a JSON object) on top.
fn theme_of(name: &str, style: Option<&Value>) -> Result<Theme, JsValue> {
    let mut theme = Theme::named(name).ok_or_else(|| usage("theme: expected \"light\" or \"dark\""))?;
    let Some(style) = style else { return Ok(theme) };
    for (k, val) in style.as_object().ok_or_else(|| usage("style: expected a JSON object"))? {
        let text = val.as_str().ok_or_else(|| usage(&passrate_chart::cat!("style.", k, ": expected a string")))?;
        if k == "font" {
            let family = passrate_chart::load::visible(text).unwrap_or_default();
            // A family list only: nothing that could end the canvas font shorthand early.
            if family.len() > 200 || family.contains(';') {
                return Err(usage("style.font: expected a CSS font family list"));
            }
            theme.font = (!family.is_empty()).then(|| family.to_string());
        } else {
            theme.set(k, text).map_err(|e| usage(&passrate_chart::cat!("style.", e)))?;
        }
    }
    Ok(theme)
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

/// A data table as JSON.
fn table_json(w: &mut Writer, t: &passrate_chart::describe::Table) {
    w.object(|o| {
        o.str("caption", &t.caption);
        o.strs("columns", &t.columns);
        o.int("heads", t.heads as i64);
        o.key("rows").array(&t.rows, |w, row| {
            w.array(row, |w, c| {
                w.object(|o| {
                    o.str("text", &c.text);
                    o.bool("derived", c.derived);
                    o.str("origin", &c.origin);
                    o.str("provenance", &c.provenance);
                    o.str("quote", &c.quote);
                    o.str("markers", &c.markers);
                })
            })
        });
        o.strs("derivations", &t.derivations);
        o.strs("notes", &t.notes);
    });
}

/// One point's words as JSON.
fn point_json(w: &mut Writer, p: &PointText) {
    w.object(|o| {
        o.str("key", &p.key);
        o.str("heading", &p.heading);
        o.str("value", &p.value);
        o.strs("lines", &p.lines);
        o.str("spoken", &p.spoken);
        o.str("series", p.series.name());
        o.int("tier", p.tier as i64);
        o.int("year", p.year as i64);
    })
}

/// The page text as JSON, for the widget's DOM.
fn page_json(w: &mut Writer, t: &PageText, view: View, theme: &Theme, shown: Shown) {
    w.object(|o| {
        o.str("lang", t.lang.tag());
        o.str("title", &t.title);
        o.str("subtitle", &t.subtitle);
        o.str("view", view.name());
        o.key("views").array(&t.views, |w, (v, label)| {
            w.object(|o| {
                o.str("id", v.name());
                o.str("label", label);
            })
        });
        o.key("legend").array(&t.legend, |w, item| {
            w.object(|o| {
                o.str("label", &item.label);
                o.str("swatch", item.swatch.kind());
                o.str("color", &hex(theme.ink(item.swatch.ink())));
                match item.series {
                    Some(s) => o.str("series", s.name()),
                    None => o.key("series").null(),
                }
                o.bool("shown", item.series.is_none_or(|s| shown.series(s)));
            })
        });
        o.strs("notes", &t.notes);
        o.str("source", &t.source);
        match &t.source_url {
            Some(u) => o.str("sourceUrl", u),
            None => o.key("sourceUrl").null(),
        }
        o.str("summary", &t.summary);
        let ui = &t.ui;
        o.key("ui").object(|o| {
            o.str("views", ui.views);
            o.str("legend", ui.legend);
            o.str("chart", ui.chart);
            o.str("keys", ui.keys);
            o.str("showTable", ui.show_table);
            o.str("hideTable", ui.hide_table);
            o.str("download", ui.download);
            o.str("derived", ui.derived);
            o.str("downloadData", ui.download_data);
            o.str("previousPage", ui.previous_page);
            o.str("nextPage", ui.next_page);
        });
        o.key("colors").object(|o| {
            for (name, c) in [
                ("background", theme.background),
                ("text", theme.text),
                ("muted", theme.muted),
                ("grid", theme.grid),
                ("region", theme.region),
                ("reference", theme.reference),
                ("previous", theme.previous),
                ("warning", theme.warning),
            ] {
                o.str(name, &hex(c));
            }
        });
    });
}

/// A hatch tile's colour, spacing and stroke width.
type TileKey = (u8, u8, u8, u32, u32);

/// A `spacing`-square tile with the 45° line x − y = 0 (and its neighbours at ±spacing, so
/// tiles join), for hatching by pattern fill.
fn hatch_tile(
    ctx: &web_sys::CanvasRenderingContext2d,
    spacing: u32,
    color: &str,
    width: u32,
) -> Option<web_sys::CanvasPattern> {
    let tile: HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.dyn_into().ok()?;
    tile.set_width(spacing);
    tile.set_height(spacing);
    let t: web_sys::CanvasRenderingContext2d = tile.get_context("2d").ok()??.dyn_into().ok()?;
    t.set_stroke_style_str(color);
    t.set_line_width(f64::from(width));
    t.begin_path();
    let s = f64::from(spacing);
    for k in [-s, 0.0, s] {
        t.move_to(k - 2.0, -2.0);
        t.line_to(k + s + 2.0, s + 2.0);
    }
    t.stroke();
    ctx.create_pattern_with_html_canvas_element(&tile, "repeat").ok()?
}

/// Sizes `canvas`'s backing store for `scene` and draws it. The page sets its CSS size.
fn paint(canvas: &HtmlCanvasElement, scene: &Scene, theme: &Theme) -> Result<(), JsValue> {
    canvas.set_width(scene.width);
    canvas.set_height(scene.height);
    let mut backend =
        CanvasBackend::with_canvas_object(canvas.clone()).ok_or_else(|| usage("canvas: no 2D context"))?;
    // The same context plotters-canvas draws on (a canvas has one 2D context).
    let ctx: Option<web_sys::CanvasRenderingContext2d> =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok());
    // Hatching as one pattern fill per bar instead of a stroke per line: on a chart of 300
    // derived bars the lines were most of the frame. One tile per (colour, spacing, width).
    let mut tiles: Vec<(TileKey, web_sys::CanvasPattern)> = Vec::new();
    let mut hatch = |r: layout::Rect, spacing: u32, color: plotters_backend::BackendColor, width: u32| {
        let Some(ctx) = &ctx else { return false };
        let s = spacing.max(2);
        let (red, green, blue) = color.rgb;
        let key = (red, green, blue, s, width);
        let pattern = match tiles.iter().find(|(k, _)| *k == key) {
            Some((_, p)) => p.clone(),
            None => match hatch_tile(ctx, s, &hex(Rgb(red, green, blue)), width) {
                Some(p) => {
                    tiles.push((key, p.clone()));
                    p
                }
                None => return false,
            },
        };
        // The tile's lines are x − y ≡ 0; the layout's are x − y ≡ x0 − y1 + s/2 (mod s).
        let s = s as i32;
        let shift = (r.x0 - r.y1 + s / 2).rem_euclid(s);
        // Translated there and back (whole pixels, exact) rather than save()/restore(): the
        // context's other state is set by every draw that follows, fill style included.
        let _ = ctx.translate(f64::from(shift), 0.0);
        ctx.set_fill_style_canvas_pattern(&pattern);
        ctx.fill_rect(f64::from(r.x0 - shift), f64::from(r.y0), f64::from(r.x1 - r.x0), f64::from(r.y1 - r.y0));
        let _ = ctx.translate(f64::from(-shift), 0.0);
        true
    };
    render::draw_with(&mut backend, scene, theme, 1.0, &mut hatch).map_err(|_| usage("canvas: drawing failed"))
}
