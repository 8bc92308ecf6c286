//! Bytes to text: UTF-8, with the `--on-decode-error` policy for bytes that
//! are not, per document, with the Python decoder's messages and places.

use crate::error::{Error, Place};
use crate::Hooks;

/// What `--on-decode-error` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodePolicy {
    Fail,
    /// Each maximal bad sequence becomes U+FFFD (Python's `errors="replace"`).
    Replace,
    /// A document that is not UTF-8 is decoded whole as Latin-1.
    Latin1,
}

impl DecodePolicy {
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "fail" => Some(DecodePolicy::Fail),
            "replace" => Some(DecodePolicy::Replace),
            "latin-1" => Some(DecodePolicy::Latin1),
            _ => None,
        }
    }
}

/// `data` as UTF-8 text: `None` when it already is (use it as it is), else
/// the text the policy makes of it. `place_at(i)` is the place of byte `i`.
pub fn decode(
    data: &[u8],
    policy: DecodePolicy,
    hooks: &dyn Hooks,
    place_at: impl Fn(usize) -> Place,
) -> Result<Option<String>, Error> {
    let e = match std::str::from_utf8(data) {
        Ok(_) => return Ok(None),
        Err(e) => e,
    };
    let start = e.valid_up_to();
    let end = e.error_len().map_or(data.len(), |n| start + n);
    let bad = hex(&data[start..end]);
    let place = place_at(start);
    match policy {
        DecodePolicy::Fail => Err(Error::input(
            place,
            format!("not valid UTF-8: byte(s) {bad}"),
            Some("--on-decode-error replace or latin-1 continues"),
        )),
        DecodePolicy::Replace => {
            hooks.tolerate(
                &place,
                &format!("not valid UTF-8 (byte(s) {bad}); replaced by U+FFFD"),
            )?;
            Ok(Some(String::from_utf8_lossy(data).into_owned()))
        }
        DecodePolicy::Latin1 => {
            hooks.tolerate(
                &place,
                &format!("not valid UTF-8 (byte(s) {bad}); decoded as Latin-1"),
            )?;
            Ok(Some(data.iter().map(|&b| b as char).collect()))
        }
    }
}

/// Bytes as Python's `bytes.hex(" ")` writes them.
pub fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}
