//! Where something in the input is, and what went wrong: the one error type
//! of this crate, turned into the caller's own error once, at its boundary.

use std::fmt;

/// A place in an input: the file as the user named it and, when known, the
/// line and the byte offset in the (decompressed) stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub name: String,
    pub line: Option<u64>,
    pub offset: Option<u64>,
}

impl Place {
    pub fn file(name: &str) -> Self {
        Place {
            name: name.to_owned(),
            line: None,
            offset: None,
        }
    }

    pub fn at(name: &str, line: Option<u64>, offset: Option<u64>) -> Self {
        Place {
            name: name.to_owned(),
            line,
            offset,
        }
    }
}

/// Formatted as the Python readers' places (`a.txt: line 7, byte 1234`).
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut detail = Vec::new();
        if let Some(line) = self.line {
            detail.push(format!("line {line}"));
        }
        if let Some(offset) = self.offset {
            detail.push(format!("byte {offset}"));
        }
        if detail.is_empty() {
            write!(f, "{}", self.name)
        } else {
            write!(f, "{}: {}", self.name, detail.join(", "))
        }
    }
}

/// Why a job stopped.
#[derive(Debug)]
pub enum Error {
    /// Bad input, with its place; `hint` says how to go on.
    Input {
        place: Place,
        message: String,
        hint: Option<String>,
    },
    /// The output cannot be written.
    Output(std::io::Error),
    /// An error raised by the caller's hooks (a Python exception, Ctrl-C),
    /// handed back unchanged.
    Hook(Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub fn input(place: Place, message: impl Into<String>, hint: Option<&str>) -> Self {
        Error::Input {
            place,
            message: message.into(),
            hint: hint.map(str::to_owned),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input {
                place,
                message,
                hint,
            } => {
                write!(f, "{place}: {message}")?;
                if let Some(hint) = hint {
                    write!(f, " ({hint})")?;
                }
                Ok(())
            }
            Error::Output(e) => write!(f, "cannot write: {e}"),
            Error::Hook(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {}

/// An OS error as Python's `strerror` gives it (no ` (os error N)` suffix).
pub fn strerror(e: &std::io::Error) -> String {
    let text = e.to_string();
    match (e.raw_os_error(), text.rfind(" (os error ")) {
        (Some(_), Some(cut)) => text[..cut].to_owned(),
        _ => text,
    }
}

/// A byte count for messages, as the Python readers write it.
pub fn format_size(n: u64) -> String {
    for (unit, shift) in [("GiB", 30), ("MiB", 20), ("KiB", 10)] {
        if n >= 1 << shift && n.is_multiple_of(1 << shift) {
            return format!("{} {unit}", n >> shift);
        }
    }
    format!("{n} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_sizes_read_as_in_python() {
        assert_eq!(
            Place::at("a.jsonl", Some(7), Some(1234)).to_string(),
            "a.jsonl: line 7, byte 1234"
        );
        assert_eq!(Place::file("a.gz").to_string(), "a.gz");
        assert_eq!(format_size(64 << 20), "64 MiB");
        assert_eq!(format_size(1500), "1500 bytes");
        let e = std::io::Error::from_raw_os_error(2);
        assert_eq!(strerror(&e), "No such file or directory");
    }
}
