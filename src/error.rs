//! The one error type of the crate. Every message names where the problem is (a JSON field
//! path such as `years[0].tiers[1].rate`, or a CSV line and column) and says what was
//! expected, so an editor under deadline can fix the data without reading code.

use std::fmt;

/// What went wrong, without the where.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// The text is not well-formed JSON or CSV.
    Syntax(String),
    /// A value has the wrong type or is out of range.
    Expected { expected: String, got: String },
    /// A required field is absent.
    Missing { expected: String },
    /// A field the format does not define (often a typo).
    UnknownField { allowed: &'static [&'static str] },
    /// The same year, tier or column appears twice.
    Duplicate { what: String, first: String },
    /// Values that are each valid but cannot all be true.
    Conflict(String),
}

/// An error while loading a dataset: where (`path`) and what (`kind`).
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// A JSON field path (`years[0].tiers[1].rate`), a CSV position (`line 3, column 6 (rate)`),
    /// or `(root)` / `(input)` for the document as a whole.
    pub path: String,
    pub kind: ErrorKind,
}

impl Error {
    pub fn new(path: impl Into<String>, kind: ErrorKind) -> Self {
        Error { path: path.into(), kind }
    }

    pub(crate) fn expected(path: &str, expected: impl Into<String>, got: impl Into<String>) -> Self {
        Error::new(path, ErrorKind::Expected { expected: expected.into(), got: got.into() })
    }

    pub(crate) fn missing(path: &str, expected: impl Into<String>) -> Self {
        Error::new(path, ErrorKind::Missing { expected: expected.into() })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.path)?;
        match &self.kind {
            ErrorKind::Syntax(msg) => write!(f, "{msg}"),
            ErrorKind::Expected { expected, got } => write!(f, "expected {expected}, got {got}"),
            ErrorKind::Missing { expected } => write!(f, "missing; expected {expected}"),
            ErrorKind::UnknownField { allowed } => {
                write!(f, "unknown field; expected one of {}", allowed.join(", "))
            }
            ErrorKind::Duplicate { what, first } => write!(f, "duplicate {what} (first at {first})"),
            ErrorKind::Conflict(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {}
