//! JSON: a small reader that keeps every number as it was written and says what is wrong as
//! data, and a writer for what the shell and the command line print.
//!
//! Why not `serde_json`: a number's written form decides its precision (`33.0` prints 33.0),
//! a syntax error must be written in the reader's language (so its reason must be data, not an
//! English sentence), and the reader bundle pays for every kilobyte; this reader is a few
//! hundred lines with no float parsing of its own (see [`crate::format::read_decimal`]).
//! Duplicate keys are an error rather than "the last one wins", so a second `"rate"` in a
//! tier cannot silently replace the first.

use crate::error::{Dup, Error, ErrorKind, Got, JsonSyntax, Path, Want};

/// A JSON value. Objects keep their keys in the order written.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    /// A number as written (`15.50`, `-0.3`, `1e2`).
    Number(String),
    /// A number with no written form: a JS number handed over by a page. The loader finds
    /// its precision from the other figures of the same field.
    Float(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The value of `key`, when `self` is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The fields of an object.
    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(f) => Some(f),
            _ => None,
        }
    }
}

/// Deeper than any dataset: a dataset nests five levels.
pub const MAX_DEPTH: usize = 64;

/// The most values (objects, arrays, strings, numbers, literals) one document may hold: far
/// above any dataset within the loader's limits, low enough that the tree of a hostile 16 MB
/// file of tiny numbers is refused as it is read, before it takes a gigabyte.
pub const MAX_VALUES: usize = 1_000_000;

/// Reads `text` as one JSON document (a leading byte-order mark is skipped).
pub fn parse(text: &str) -> Result<Value, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader { s: text.as_bytes(), text, i: 0, values: 0 };
    r.space();
    let v = r.value(0)?;
    r.space();
    if r.i < r.s.len() {
        return Err(r.error(JsonSyntax::Trailing));
    }
    Ok(v)
}

struct Reader<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    /// Values read so far.
    values: usize,
}

impl Reader<'_> {
    /// Line and column (in characters, from 1) of byte `at`.
    fn position(&self, at: usize) -> Path {
        let before = &self.text[..at.min(self.text.len())];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |n| n + 1);
        Path::at(line, before[start..].chars().count() + 1)
    }

    fn error(&self, why: JsonSyntax) -> Error {
        // Point at a whole character, never inside one.
        let mut at = self.i.min(self.s.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        Error::new(self.position(at), ErrorKind::Json(why))
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        if depth >= MAX_DEPTH {
            return Err(self.error(JsonSyntax::Depth(MAX_DEPTH)));
        }
        self.values += 1;
        if self.values > MAX_VALUES {
            return Err(Error::expected(Path::Input, Want::AtMostValues(MAX_VALUES), Got::MoreThan(MAX_VALUES)));
        }
        match self.peek() {
            None => Err(self.error(JsonSyntax::End)),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => Err(self.error(JsonSyntax::Value)),
        }
    }

    fn word(&mut self, word: &str, v: Value) -> Result<Value, Error> {
        let end = self.i + word.len();
        if self.s.get(self.i..end) == Some(word.as_bytes()) {
            self.i = end;
            Ok(v)
        } else if end > self.s.len() && word.as_bytes().starts_with(&self.s[self.i..]) {
            self.i = self.s.len();
            Err(self.error(JsonSyntax::End))
        } else {
            Err(self.error(JsonSyntax::Value))
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        self.i += 1;
        let mut fields: Vec<(String, Value)> = Vec::new();
        let mut key_starts = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.space();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if !fields.is_empty() => return Err(self.error(JsonSyntax::TrailingComma)),
                None => return Err(self.error(JsonSyntax::End)),
                Some(_) => return Err(self.error(JsonSyntax::Key)),
            }
            let key_at = self.i;
            let key = self.string()?;
            if let Some(k) = fields.iter().position(|(k, _)| *k == key) {
                let first = self.position(key_starts[k]);
                return Err(Error::new(self.position(key_at), ErrorKind::Duplicate { what: Dup::Key(key), first }));
            }
            key_starts.push(key_at);
            self.space();
            match self.peek() {
                Some(b':') => self.i += 1,
                None => return Err(self.error(JsonSyntax::End)),
                Some(_) => return Err(self.error(JsonSyntax::Colon)),
            }
            self.space();
            let v = self.value(depth + 1)?;
            fields.push((key, v));
            self.space();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(fields));
                }
                None => return Err(self.error(JsonSyntax::End)),
                Some(_) => return Err(self.error(JsonSyntax::CommaOr('}'))),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        self.i += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.space();
            if self.peek() == Some(b']') {
                return Err(self.error(JsonSyntax::TrailingComma));
            }
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error(JsonSyntax::End)),
                Some(_) => return Err(self.error(JsonSyntax::CommaOr(']'))),
            }
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        let digits = |r: &mut Self| {
            let from = r.i;
            while let Some(b'0'..=b'9') = r.peek() {
                r.i += 1;
            }
            r.i - from
        };
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            self.i = int_start;
            return Err(self.error(if self.i >= self.s.len() { JsonSyntax::End } else { JsonSyntax::Number }));
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.error(if self.i >= self.s.len() { JsonSyntax::End } else { JsonSyntax::Number }));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.error(if self.i >= self.s.len() { JsonSyntax::End } else { JsonSyntax::Number }));
            }
        }
        Ok(Value::Number(self.text[start..self.i].to_string()))
    }

    fn string(&mut self) -> Result<String, Error> {
        self.i += 1;
        let mut out = String::new();
        loop {
            let run = self.i;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run..self.i]);
            match self.peek() {
                None => return Err(self.error(JsonSyntax::End)),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = match self.peek() {
                        None => return Err(self.error(JsonSyntax::End)),
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.i += 1;
                            let hi = self.hex4()?;
                            let code = if (0xd800..0xdc00).contains(&hi) {
                                // A surrogate pair: \ud83c\udf93.
                                if self.s.get(self.i..self.i + 2) != Some(b"\\u") {
                                    return Err(self.error(JsonSyntax::Escape));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&lo) {
                                    return Err(self.error(JsonSyntax::Escape));
                                }
                                0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00)
                            } else {
                                hi
                            };
                            out.push(char::from_u32(code).ok_or_else(|| self.error(JsonSyntax::Escape))?);
                            continue;
                        }
                        Some(_) => return Err(self.error(JsonSyntax::Escape)),
                    };
                    self.i += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error(JsonSyntax::Control)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.peek() {
                None => return Err(self.error(JsonSyntax::End)),
                Some(b) => (b as char).to_digit(16).ok_or_else(|| self.error(JsonSyntax::Escape))?,
            };
            n = n * 16 + d;
            self.i += 1;
        }
        Ok(n)
    }
}

/// Writes JSON text: `w.object(|o| { o.str("title", "…"); o.num("height", "520") })`.
#[derive(Default)]
pub struct Writer {
    pub out: String,
}

impl Writer {
    /// A JSON string literal of `s`.
    pub fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.out.push('"');
        for c in s.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                // Line and paragraph separators are valid JSON but not valid JavaScript source.
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                    let n = c as u32;
                    self.out.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        self.out.push(HEX[((n >> shift) & 15) as usize] as char);
                    }
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    /// A number already written as JSON writes numbers.
    pub fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    pub fn int(&mut self, n: i64) {
        crate::format::push_int(&mut self.out, n);
    }

    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
    }

    pub fn null(&mut self) {
        self.out.push_str("null");
    }

    /// An object; `fill` writes its fields.
    pub fn object(&mut self, fill: impl FnOnce(&mut Fields)) {
        self.out.push('{');
        let mut f = Fields { w: self, first: true };
        fill(&mut f);
        self.out.push('}');
    }

    /// An array of `items`, each written by `each`.
    pub fn array<T>(&mut self, items: impl IntoIterator<Item = T>, mut each: impl FnMut(&mut Writer, T)) {
        self.out.push('[');
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                self.out.push(',');
            }
            each(self, item);
        }
        self.out.push(']');
    }
}

/// The fields of an object being written.
pub struct Fields<'a> {
    w: &'a mut Writer,
    first: bool,
}

impl Fields<'_> {
    /// Starts field `key`; returns the writer for its value.
    pub fn key(&mut self, key: &str) -> &mut Writer {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
        self.w.string(key);
        self.w.out.push(':');
        self.w
    }

    pub fn str(&mut self, key: &str, v: &str) {
        self.key(key).string(v);
    }

    pub fn int(&mut self, key: &str, n: i64) {
        self.key(key).int(n);
    }

    pub fn bool(&mut self, key: &str, b: bool) {
        self.key(key).bool(b);
    }

    pub fn strs<S: AsRef<str>>(&mut self, key: &str, items: &[S]) {
        self.key(key).array(items, |w, s| w.string(s.as_ref()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_written_form() {
        let v = parse(r#"{"a": 33.0, "b": [-0.30, 1e2, 0]}"#).unwrap();
        assert_eq!(v.get("a"), Some(&Value::Number("33.0".into())));
        assert_eq!(
            v.get("b"),
            Some(&Value::Array(vec![
                Value::Number("-0.30".into()),
                Value::Number("1e2".into()),
                Value::Number("0".into())
            ]))
        );
    }

    #[test]
    fn strings_and_escapes() {
        let v = parse(r#"["a\"b\\c\/\n\u4e00\ud83c\udf93", "运城市"]"#).unwrap();
        assert_eq!(v, Value::Array(vec![Value::String("a\"b\\c/\n一🎓".into()), Value::String("运城市".into())]));
    }

    fn syntax(text: &str) -> (String, JsonSyntax) {
        match parse(text).unwrap_err() {
            Error { path, kind: ErrorKind::Json(why) } => (path.text(), why),
            e => panic!("{text}: {e:?}"),
        }
    }

    #[test]
    fn syntax_errors_say_where_and_why() {
        assert_eq!(syntax("{"), ("line 1, column 2".into(), JsonSyntax::End));
        assert_eq!(syntax(r#"{"title": "T",}"#), ("line 1, column 15".into(), JsonSyntax::TrailingComma));
        assert_eq!(syntax("[1,]"), ("line 1, column 4".into(), JsonSyntax::TrailingComma));
        assert_eq!(syntax("{'title': 1}"), ("line 1, column 2".into(), JsonSyntax::Key));
        assert_eq!(syntax("// c\n{}"), ("line 1, column 1".into(), JsonSyntax::Value));
        assert_eq!(syntax("{\n \"a\": NaN}"), ("line 2, column 7".into(), JsonSyntax::Value));
        assert_eq!(syntax("[01]"), ("line 1, column 2".into(), JsonSyntax::Number));
        assert_eq!(syntax("[1.]"), ("line 1, column 4".into(), JsonSyntax::Number));
        assert_eq!(syntax("[\"a\nb\"]"), ("line 1, column 4".into(), JsonSyntax::Control));
        assert_eq!(syntax("[\"\\x\"]"), ("line 1, column 4".into(), JsonSyntax::Escape));
        assert_eq!(syntax("{} x"), ("line 1, column 4".into(), JsonSyntax::Trailing));
        assert_eq!(syntax("{\"a\" 1}"), ("line 1, column 6".into(), JsonSyntax::Colon));
        assert_eq!(syntax("[1 2]"), ("line 1, column 4".into(), JsonSyntax::CommaOr(']')));
        assert_eq!(syntax("[tru"), ("line 1, column 5".into(), JsonSyntax::End));
        assert_eq!(syntax("\u{feff}{x}"), ("line 1, column 2".into(), JsonSyntax::Key));
        assert_eq!(syntax("[\"运城\u{1}\"]"), ("line 1, column 5".into(), JsonSyntax::Control));
        let deep = "[".repeat(5000);
        assert_eq!(syntax(&deep).1, JsonSyntax::Depth(MAX_DEPTH));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let e = parse("{\"rate\": 1,\n \"rate\": 2}").unwrap_err();
        assert_eq!(e.path.text(), "line 2, column 2");
        assert!(matches!(e.kind, ErrorKind::Duplicate { what: Dup::Key(ref k), .. } if k == "rate"));
    }

    #[test]
    fn writer_escapes_what_json_and_javascript_need() {
        let mut w = Writer::default();
        w.object(|o| {
            o.str("t", "a\"b\\\n\u{1}\u{2028}运");
            o.int("n", -12);
            o.strs("l", &["x", "y"]);
            o.bool("b", true);
        });
        assert_eq!(w.out, r#"{"t":"a\"b\\\n\u0001\u2028运","n":-12,"l":["x","y"],"b":true}"#);
        assert_eq!(parse(&w.out).unwrap().get("t").and_then(Value::as_str), Some("a\"b\\\n\u{1}\u{2028}运"));
    }
}
