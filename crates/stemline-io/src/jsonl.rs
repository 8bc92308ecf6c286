//! The text field of a JSON Lines record, found without building the record:
//! the top-level object is walked once, every value but the field's skipped
//! (and still checked), the field's string borrowed when it has no escapes.
//!
//! Only records this can take exactly as Python's `json` takes them are
//! answered here; every other line (not JSON to serde, not an object, a
//! missing or non-string field, a lone surrogate, U+0000, nesting deeper than
//! serde's limit or than [`MAX_NESTING`], `NaN`) is [`Found::Ask`]: the caller hands it to the Python
//! reader's own rules, so messages and edge cases stay the Python reader's.
//! Duplicate keys: the last one counts, as in Python's `json`.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

/// What the record holds at the text field's path.
#[derive(Debug, PartialEq, Eq)]
pub enum Found<'a> {
    /// The field's string (borrowed when written without escapes); `clash`:
    /// the record also has a top-level field named as the output's.
    Text { text: Cow<'a, str>, clash: bool },
    /// Decide as the Python reader does.
    Ask,
}

/// Looks up the dotted `path` in the JSON object `line`.
pub fn find<'a>(line: &'a str, path: &[String], out_field: Option<&str>) -> Found<'a> {
    let Some((first, rest)) = path.split_first() else {
        return Found::Ask;
    };
    if has_long_digit_run(line) {
        return Found::Ask; // maybe an integer Python's json refuses to convert
    }
    if nests_too_deep(line) {
        return Found::Ask; // a bad record, which the Python reader words
    }
    let mut de = serde_json::Deserializer::from_str(line);
    let top = de.deserialize_map(Entry {
        key: first,
        out_field,
    });
    let Ok((Some(mut raw), clash)) = top else {
        return Found::Ask;
    };
    if de.end().is_err() {
        return Found::Ask;
    }
    for key in rest {
        match step(raw, key) {
            Some(next) => raw = next,
            None => return Found::Ask,
        }
    }
    match serde_json::from_str::<Text<'a>>(raw.get()) {
        Ok(Text(text)) if !text.contains('\0') => Found::Text { text, clash },
        _ => Found::Ask,
    }
}

/// Python converts integers of at most this many digits (its
/// `sys.get_int_max_str_digits()` default); `json` refuses a longer one,
/// which serde skips without converting.
const PYTHON_INT_DIGITS: usize = 4300;

/// Whether `line` holds more than [`PYTHON_INT_DIGITS`] digits in a row
/// (anywhere, strings too: such a line is only handed to Python).
fn has_long_digit_run(line: &str) -> bool {
    if line.len() <= PYTHON_INT_DIGITS {
        return false;
    }
    let mut run = 0;
    for b in line.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run > PYTHON_INT_DIGITS {
            return true;
        }
    }
    false
}

/// Deepest nesting of lists and objects a record may have: the Python
/// reader's `MAX_NESTING` (`stemline/corpus/readers/jsonl.py`), so that both
/// paths refuse the same records (serde skips values at any depth).
pub const MAX_NESTING: usize = 512;

/// Whether lists and objects in `line` nest more than [`MAX_NESTING`] deep
/// (brackets inside strings do not count); counted only when the line has
/// that many opening brackets at all.
fn nests_too_deep(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.len() <= MAX_NESTING
        || bytes.iter().filter(|&&b| b == b'[' || b == b'{').count() <= MAX_NESTING
    {
        return false;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// One level down: an object's field `key`, or a list's item `key`.
fn step<'a>(raw: &'a RawValue, key: &str) -> Option<&'a RawValue> {
    let json = raw.get();
    match json.as_bytes().first()? {
        b'{' => {
            let mut de = serde_json::Deserializer::from_str(json);
            de.deserialize_map(Entry {
                key,
                out_field: None,
            })
            .ok()?
            .0
        }
        b'[' if !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit()) => {
            let index: usize = key.parse().ok()?;
            let mut de = serde_json::Deserializer::from_str(json);
            de.deserialize_seq(Item { index }).ok()?
        }
        _ => None,
    }
}

/// A string, borrowed from the line when it holds no escapes.
struct Text<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Text(Cow::Owned(v.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// Walks an object: the raw value of its (last) field `key`, and whether it
/// has a field `out_field`.
struct Entry<'k> {
    key: &'k str,
    out_field: Option<&'k str>,
}

impl<'de> Visitor<'de> for Entry<'_> {
    type Value = (Option<&'de RawValue>, bool);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        let mut clash = false;
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            clash |= self.out_field == Some(&*key);
            if key == self.key {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok((found, clash))
    }
}

/// Walks a list: the raw value of item `index`.
struct Item {
    index: usize,
}

impl<'de> Visitor<'de> for Item {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON list")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut i = 0;
        let mut found = None;
        while i <= self.index {
            let Some(value) = seq.next_element::<&'de RawValue>()? else {
                return Ok(None);
            };
            if i == self.index {
                found = Some(value);
            }
            i += 1;
        }
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(found)
    }
}

/// Appends `text` as a JSON string, escaped as Python's
/// `json.dumps(text, ensure_ascii=False)` escapes it.
pub fn push_json_string(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'"');
    // Normalized text almost never needs an escape; a branch-free scan (which
    // the compiler vectorizes) says so before the byte-by-byte loop runs.
    let plain = !text.iter().fold(false, |any, &b| {
        any | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.extend_from_slice(text);
        out.push(b'"');
        return;
    }
    let mut start = 0;
    for (i, &b) in text.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..=0x1f => b"",
            _ => continue,
        };
        out.extend_from_slice(&text[start..i]);
        if escaped.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escaped);
        }
        start = i + 1;
    }
    out.extend_from_slice(&text[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Vec<String> {
        p.split('.').map(str::to_owned).collect()
    }

    fn text(line: &str, p: &str) -> Option<String> {
        match find(line, &path(p), Some("normalized")) {
            Found::Text { text, .. } => Some(text.into_owned()),
            Found::Ask => None,
        }
    }

    #[test]
    fn fields_found_as_python_finds_them() {
        assert_eq!(text(r#"{"id": 1, "text": "Hi"}"#, "text").unwrap(), "Hi");
        assert_eq!(text(r#"{"text": "a", "text": "b"}"#, "text").unwrap(), "b");
        assert_eq!(text(r#"{"te\u0078t": "a\"b"}"#, "text").unwrap(), "a\"b");
        assert_eq!(text(r#"{"a": {"b": ["x", "y"]}}"#, "a.b.1").unwrap(), "y");
        assert_eq!(text(r#"{"a": {"0": "z"}}"#, "a.0").unwrap(), "z");
        assert_eq!(text(" {\"text\": \"x\"} \r", "text").unwrap(), "x");
        for asked in [
            r#"{"text": null}"#,
            r#"{"other": "x"}"#,
            r#"["text"]"#,
            r#"{"text": "\ud800"}"#,
            r#"{"text": "a\u0000"}"#,
            r#"{"text": "x", "n": NaN}"#,
            r#"{"text": "x"} x"#,
            "{\"text\": \"x\"}\u{a0}",
        ] {
            assert_eq!(text(asked, "text"), None, "{asked}");
        }
        assert_eq!(text(r#"{"a": ["x"]}"#, "a.1"), None);
        // Python's json converts integers of at most 4,300 digits.
        let digits = |n| "7".repeat(n);
        let line = |n| format!(r#"{{"n": {}, "text": "x"}}"#, digits(n));
        assert_eq!(text(&line(4300), "text").unwrap(), "x");
        assert_eq!(text(&line(4301), "text"), None);
    }

    #[test]
    fn records_nested_deeper_than_python_takes_are_left_to_it() {
        let nested = |n: usize| {
            format!(
                r#"{{"text": "x", "a": {}{}}}"#,
                "[".repeat(n),
                "]".repeat(n)
            )
        };
        // The record itself is one level.
        assert_eq!(text(&nested(MAX_NESTING - 1), "text").unwrap(), "x");
        assert_eq!(text(&nested(MAX_NESTING), "text"), None);
        // Brackets in strings are text.
        let quoted = format!(
            r#"{{"text": "{}", "b": "\"[["}}"#,
            "[".repeat(2 * MAX_NESTING)
        );
        assert!(text(&quoted, "text").is_some());
    }

    #[test]
    fn the_output_field_is_seen() {
        let found = find(
            r#"{"text": "x", "normalized": 1}"#,
            &path("text"),
            Some("normalized"),
        );
        assert!(matches!(found, Found::Text { clash: true, .. }));
    }

    #[test]
    fn strings_escaped_as_python_json_dumps() {
        let mut out = Vec::new();
        push_json_string(&mut out, "a\"b\\c\n\u{1}é\u{7f}".as_bytes());
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\u0001é\u{7f}\"".as_bytes());
    }
}
