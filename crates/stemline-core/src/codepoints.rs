//! Text as code points, including the lone surrogates Python strings may hold.
//!
//! The core works on *generalized UTF-8*: UTF-8 that may also encode lone
//! surrogates (U+D800..U+DFFF) as three bytes, which is what Python produces
//! with `str.encode("utf-8", "surrogatepass")`. The reference treats a lone
//! surrogate like any other punctuation character, so the core carries it
//! through instead of rejecting the document. Every `&str` is already valid
//! generalized UTF-8.

/// Decodes the code point starting at byte `i` and returns it with its length.
///
/// `text` must be generalized UTF-8 and `i` a character boundary; a malformed
/// sequence panics on an index out of bounds rather than reading past the end.
#[inline]
pub fn decode_at(text: &[u8], i: usize) -> (u32, usize) {
    let b0 = text[i];
    if b0 < 0x80 {
        (b0 as u32, 1)
    } else if b0 < 0xE0 {
        (((b0 as u32 & 0x1F) << 6) | (text[i + 1] as u32 & 0x3F), 2)
    } else if b0 < 0xF0 {
        (
            ((b0 as u32 & 0x0F) << 12)
                | ((text[i + 1] as u32 & 0x3F) << 6)
                | (text[i + 2] as u32 & 0x3F),
            3,
        )
    } else {
        (
            ((b0 as u32 & 0x07) << 18)
                | ((text[i + 1] as u32 & 0x3F) << 12)
                | ((text[i + 2] as u32 & 0x3F) << 6)
                | (text[i + 3] as u32 & 0x3F),
            4,
        )
    }
}

/// Python's `string.whitespace` (` \t\n\r\x0b\x0c`): the ASCII whitespace of
/// the `regex` module's `\s` (`str.isspace()` also has `\x1c` to `\x1f`).
#[inline(always)]
pub(crate) const fn is_string_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Where a run of printable ASCII (`!` to `~`) from byte `i` of `text` may
/// end: `i` moved past 16 bytes at a time (8 near the text's end) that are
/// all such bytes, to the first byte that may not be one (below `!`, ASCII
/// whitespace among them, or from 0x80, where all other whitespace starts),
/// or to where fewer than 8 bytes remain. The caller goes on byte by byte
/// from there. Most words end within the first 16 bytes, so the loop's one
/// branch is nearly always taken the same way: a byte loop, or one of 8
/// bytes, mispredicts its exit once every few words.
#[inline(always)]
pub(crate) fn skip_printable_ascii(text: &[u8], mut i: usize) -> usize {
    let word = |at: usize| u64::from_le_bytes(text[at..at + 8].try_into().expect("8 bytes"));
    while i + 16 <= text.len() {
        let flags = u128::from(flags_of(word(i))) | u128::from(flags_of(word(i + 8))) << 64;
        if flags != 0 {
            return i + flags.trailing_zeros() as usize / 8;
        }
        i += 16;
    }
    while i + 8 <= text.len() {
        let flags = flags_of(word(i));
        if flags != 0 {
            return i + flags.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    i
}

/// The high bit of each byte of `x` (8 bytes, little-endian) that is below
/// 0x21 or from 0x80, exact for the lowest such byte (no borrow reaches it
/// from below); bytes above it may be flagged wrongly, which no caller of
/// `trailing_zeros` looks at. When the low word of a pair has no flag, it
/// has no such byte, so the high word's lowest flag is exact too.
#[inline(always)]
fn flags_of(x: u64) -> u64 {
    (x.wrapping_sub(0x2121_2121_2121_2121) & !x | x) & 0x8080_8080_8080_8080
}

/// Appends the generalized UTF-8 encoding of `cp` to `out`.
#[inline]
pub fn push(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Decodes a whole generalized UTF-8 string into code points.
pub fn decode(text: &[u8]) -> Vec<u32> {
    let mut cps = Vec::with_capacity(text.len());
    decode_into(text, &mut cps);
    cps
}

/// [`decode`], appending to `cps`.
pub fn decode_into(text: &[u8], cps: &mut Vec<u32>) {
    cps.reserve(text.len());
    let mut i = 0;
    while i < text.len() {
        let (cp, len) = decode_at(text, i);
        cps.push(cp);
        i += len;
    }
}

/// The number of code points in generalized UTF-8 `text` (its length as a
/// Python string): the bytes that do not continue a sequence.
pub fn count(text: &[u8]) -> usize {
    // Eight bytes at a time: a continuation byte has its top bit set and the
    // next one clear, which `w & !(w << 1)` shows in each byte's top bit.
    let mut chunks = text.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().expect("an 8-byte chunk"));
        continuations += (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    let rest = chunks.remainder();
    continuations += rest.iter().filter(|&&b| b & 0xC0 == 0x80).count();
    text.len() - continuations
}

/// Replaces byte offsets into generalized UTF-8 `text` by code point offsets
/// (indices into the Python string), in place. Each offset must be a
/// character boundary; offsets in non-decreasing order (as sentences come)
/// are converted in one pass over the text.
pub fn byte_offsets_to_code_points(text: &[u8], spans: &mut [(usize, usize)]) {
    if text.is_ascii() {
        return;
    }
    let (mut byte, mut cp) = (0, 0);
    for offset in spans.iter_mut().flat_map(|(start, end)| [start, end]) {
        if *offset < byte {
            (byte, cp) = (0, 0);
        }
        cp += count(&text[byte..*offset]);
        byte = *offset;
        *offset = cp;
    }
}

/// Encodes code points as generalized UTF-8, appending to `out`.
pub fn encode_into(cps: &[u32], out: &mut Vec<u8>) {
    for &cp in cps {
        push(out, cp);
    }
}

/// Checks that `bytes` is generalized UTF-8; on failure returns the offset of
/// the first byte that does not start or continue a valid sequence.
pub fn validate(bytes: &[u8]) -> Result<(), usize> {
    let mut i = 0;
    while i < bytes.len() {
        let b0 = bytes[i];
        let (len, min) = match b0 {
            0x00..=0x7F => {
                i += 1;
                continue;
            }
            0xC2..=0xDF => (2, 0x80),
            0xE0..=0xEF => (3, 0x800),
            0xF0..=0xF4 => (4, 0x10000),
            _ => return Err(i),
        };
        if i + len > bytes.len() || !bytes[i + 1..i + len].iter().all(|&b| b & 0xC0 == 0x80) {
            return Err(i);
        }
        let (cp, _) = decode_at(bytes, i);
        if cp < min || cp > 0x10FFFF {
            return Err(i);
        }
        i += len;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_scalar_and_surrogate() {
        let mut out = Vec::new();
        for cp in (0..0x110000u32)
            .step_by(97)
            .chain([0xD800, 0xDFFF, 0x10FFFF])
        {
            out.clear();
            push(&mut out, cp);
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(out, c.to_string().as_bytes());
            }
            assert_eq!(decode_at(&out, 0), (cp, out.len()));
            assert_eq!(validate(&out), Ok(()));
        }
    }

    #[test]
    fn validate_reports_the_first_bad_offset() {
        assert_eq!(validate(b"ab\xffcd"), Err(2));
        assert_eq!(validate(b"ab\xc3"), Err(2));
        assert_eq!(validate(b"\xc0\xaf"), Err(0));
        assert_eq!(validate("é£€😀".as_bytes()), Ok(()));
    }

    #[test]
    fn byte_offsets_become_python_indices() {
        let text = "aé£😀b".as_bytes();
        let mut spans = [(0, 1), (1, 5), (5, 10), (0, 3)];
        byte_offsets_to_code_points(text, &mut spans);
        assert_eq!(spans, [(0, 1), (1, 3), (3, 5), (0, 2)]);
    }

    #[test]
    fn count_is_the_python_length_of_any_text() {
        let mut text = Vec::new();
        for cp in (0..0x110000u32).step_by(4999) {
            push(&mut text, cp);
            for start in 0..4.min(text.len()) {
                let tail = &text[start..];
                let slow = tail.iter().filter(|&&b| b & 0xC0 != 0x80).count();
                assert_eq!(count(tail), slow);
            }
        }
    }

    #[test]
    fn count_is_the_python_length() {
        let mut surrogate = Vec::new();
        push(&mut surrogate, 0xD800);
        assert_eq!(count("aé£😀".as_bytes()), 4);
        assert_eq!(count(&surrogate), 1);
    }
}
