//! Bytes → text, as spreadsheets save it: UTF-8 (with or without a byte-order mark), UTF-16
//! with its byte-order mark (Excel's "Unicode text"), or GB18030/GBK (Excel's and WPS's
//! "CSV" on Chinese Windows). Anything that is none of them exactly is an error, never
//! replacement characters: a chart of "������" would show the reader garbage.
//!
//! The GB18030 table is the platform's: `encoding_rs` natively, the browser's `TextDecoder` in
//! the widget, passed in as `gb18030`, so the reader's wasm carries no table of its own.

use crate::error::{Error, Got, Path, Want};

/// What the bytes were.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Gb18030 => "GB18030",
        }
    }
}

/// `bytes` as text. `gb18030` decodes GB18030 strictly: `None` on any byte it cannot read.
pub fn decode_with(bytes: &[u8], gb18030: impl Fn(&[u8]) -> Option<String>) -> Result<(String, Encoding), Error> {
    if bytes.len() > super::MAX_INPUT {
        return Err(Error::expected(
            Path::Input,
            Want::AtMostMegabytes(super::MAX_INPUT / (1024 * 1024)),
            Got::Megabytes(crate::format::fixed(bytes.len() as f64 / (1024.0 * 1024.0), 1)),
        ));
    }
    let invalid = |at: usize| Error::expected(Path::Input, Want::Encoding, Got::Bytes { at });
    // In UTF-8 and GB18030 a newline is the byte 0x0A and nothing else, so the line of a bad
    // byte is the newlines before it, whichever of the two the text was meant to be.
    let invalid_on_line = |at: usize| {
        let line = 1 + bytes[..at.min(bytes.len())].iter().filter(|&&b| b == b'\n').count();
        Error::expected(Path::line(line), Want::Encoding, Got::Bytes { at })
    };
    if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), Encoding::Utf8))
            .map_err(|e| invalid_on_line(3 + e.valid_up_to()));
    }
    for (bom, encoding) in [([0xff, 0xfe], Encoding::Utf16Le), ([0xfe, 0xff], Encoding::Utf16Be)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let units = rest.chunks(2).map(|c| match (encoding, c) {
                (Encoding::Utf16Le, [a, b]) => Some(u16::from_le_bytes([*a, *b])),
                (_, [a, b]) => Some(u16::from_be_bytes([*a, *b])),
                _ => None,
            });
            let mut out = String::with_capacity(rest.len() / 2);
            // An odd last byte is a lone low surrogate here, refused at its own position.
            for (i, c) in char::decode_utf16(units.map(|u| u.unwrap_or(0xdc00))).enumerate() {
                out.push(c.map_err(|_| invalid(2 + 2 * i))?);
            }
            return Ok((out, encoding));
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), Encoding::Utf8)),
        Err(e) => gb18030(bytes).map(|s| (s, Encoding::Gb18030)).ok_or_else(|| invalid_on_line(e.valid_up_to())),
    }
}

/// [`decode_with`] with `encoding_rs`'s GB18030.
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), Error> {
    decode_with(bytes, |b| {
        let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(b);
        (!had_errors).then(|| text.into_owned())
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn reads_what_spreadsheets_write() {
        let text = "title,area\n运城市2019年,运城市\n";
        assert_eq!(decode(text.as_bytes()).unwrap(), (text.to_string(), Encoding::Utf8));
        let bom = [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat();
        assert_eq!(decode(&bom).unwrap().0, text);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(decode(&gbk).unwrap(), (text.to_string(), Encoding::Gb18030));
        let utf16: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16).unwrap(), (text.to_string(), Encoding::Utf16Le));
    }

    #[test]
    fn garbage_is_an_error_at_its_byte() {
        // Valid neither as UTF-8 nor as GB18030: 0x80 alone, then 0xff.
        let e = decode(b"title\n\x80\xff").unwrap_err();
        assert_eq!(e.path, Path::line(2), "the line of the bad byte");
        assert_eq!(e.kind, crate::error::ErrorKind::Expected { want: Want::Encoding, got: Got::Bytes { at: 6 } });
        assert!(e.to_string().contains("UTF-8"), "{e}");
        assert!(decode(&[0xff, 0xfe, 0x00]).is_err(), "odd UTF-16");
        // One code unit, either way round, and the empty text after a mark.
        assert_eq!(decode(&[0xff, 0xfe, 0x41, 0x00]).unwrap(), ("A".to_string(), Encoding::Utf16Le));
        assert_eq!(decode(&[0xfe, 0xff, 0x00, 0x41]).unwrap(), ("A".to_string(), Encoding::Utf16Be));
        assert_eq!(decode(&[0xff, 0xfe]).unwrap(), (String::new(), Encoding::Utf16Le));
    }
}
