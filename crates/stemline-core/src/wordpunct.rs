//! `wordpunct_tokenize`: the regex `\w+|[^\w\s]+`, as maximal runs.

use crate::classes::{CharClasses, SPACE, WORD};
use crate::codepoints::decode_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunKind {
    /// A run of word characters (`\w+`).
    Word,
    /// A run of characters that are neither word characters nor whitespace (`[^\w\s]+`).
    Punct,
}

/// One token of `wordpunct_tokenize`: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    pub start: usize,
    pub end: usize,
    pub kind: RunKind,
}

/// The runs of a generalized UTF-8 text, in order.
pub struct Runs<'a> {
    text: &'a [u8],
    pos: usize,
    classes: &'a CharClasses,
}

impl<'a> Runs<'a> {
    pub fn new(text: &'a [u8], classes: &'a CharClasses) -> Self {
        Runs {
            text,
            pos: 0,
            classes,
        }
    }

    /// The class of the character at `i` and its length in bytes.
    #[inline(always)]
    fn class_at(&self, i: usize) -> (u8, usize) {
        let b = self.text[i];
        if b < 0x80 {
            (self.classes.ascii(b), 1)
        } else {
            let (cp, len) = decode_at(self.text, i);
            (self.classes.of(cp), len)
        }
    }

    /// Skips whitespace; returns true if any text is left.
    #[inline(always)]
    fn skip_space(&mut self) -> bool {
        while self.pos < self.text.len() {
            let (class, len) = self.class_at(self.pos);
            if class & SPACE == 0 {
                return true;
            }
            self.pos += len;
        }
        false
    }

    /// Whether no run follows the current position.
    #[inline]
    pub fn at_end(&mut self) -> bool {
        !self.skip_space()
    }
}

impl Iterator for Runs<'_> {
    type Item = Run;

    // Inlined into the normalizer's loop: a call per run showed up in profiles.
    #[inline(always)]
    fn next(&mut self) -> Option<Run> {
        if !self.skip_space() {
            return None;
        }
        let start = self.pos;
        let (class, len) = self.class_at(start);
        self.pos += len;
        let kind = if class & WORD != 0 {
            if self.classes.standard_ascii_words() {
                self.pos += ascii_word_len(&self.text[self.pos..]);
            }
            while self.pos < self.text.len() {
                let (class, len) = self.class_at(self.pos);
                if class & WORD == 0 {
                    break;
                }
                self.pos += len;
            }
            RunKind::Word
        } else {
            while self.pos < self.text.len() {
                let (class, len) = self.class_at(self.pos);
                if class & (WORD | SPACE) != 0 {
                    break;
                }
                self.pos += len;
            }
            RunKind::Punct
        };
        Some(Run {
            start,
            end: self.pos,
            kind,
        })
    }
}

/// How many leading bytes of `bytes` are ASCII word characters `[0-9A-Za-z_]`,
/// counted 16 at a time: a byte loop paid a mispredicted exit branch per
/// word, the largest cost left in profiles after the cache. Stops early (at a
/// 16-byte boundary of the input slice's end); the caller's byte loop goes on.
#[inline(always)]
pub(crate) fn ascii_word_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 16) {
        let mask = word_mask(chunk.try_into().expect("16 bytes"));
        if mask != 0xFFFF {
            return n + (!mask).trailing_zeros() as usize;
        }
        n += 16;
    }
    n
}

/// Whether the `len` bytes (at most 16) at `start` of `text` are all ASCII
/// word characters `[0-9A-Za-z_]`, read as one 16-byte load where `text`
/// holds 16 bytes from `start`; `None` where it does not. A short chunk is
/// checked without a loop whose exit depends on its length.
#[inline(always)]
pub(crate) fn ascii_word_at(text: &[u8], start: usize, len: usize) -> Option<bool> {
    debug_assert!(len <= 16);
    let bytes = text.get(start..start + 16)?;
    let wanted = (1u32 << len) - 1;
    Some(word_mask(bytes.try_into().expect("16 bytes")) & wanted == wanted)
}

/// Bit i set iff byte i is in `[0-9A-Za-z_]`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn word_mask(chunk: &[u8; 16]) -> u32 {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86_64 baseline; the load is unaligned and
    // reads exactly the 16 bytes of `chunk`.
    unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast());
        // Signed compares: bytes >= 0x80 are negative, so never in a range.
        let lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
        let alpha = _mm_and_si128(
            _mm_cmpgt_epi8(lower, _mm_set1_epi8(b'a' as i8 - 1)),
            _mm_cmpgt_epi8(_mm_set1_epi8(b'z' as i8 + 1), lower),
        );
        let digit = _mm_and_si128(
            _mm_cmpgt_epi8(v, _mm_set1_epi8(b'0' as i8 - 1)),
            _mm_cmpgt_epi8(_mm_set1_epi8(b'9' as i8 + 1), v),
        );
        let underscore = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'_' as i8));
        let word = _mm_or_si128(_mm_or_si128(alpha, digit), underscore);
        _mm_movemask_epi8(word) as u32
    }
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn word_mask(chunk: &[u8; 16]) -> u32 {
    chunk
        .iter()
        .enumerate()
        .filter(|(_, &b)| b.is_ascii_alphanumeric() || b == b'_')
        .fold(0, |mask, (i, _)| mask | 1 << i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;

    fn runs(text: &str) -> Vec<(&str, RunKind)> {
        let classes = ascii_classes();
        Runs::new(text.as_bytes(), &classes)
            .map(|r| (&text[r.start..r.end], r.kind))
            .collect()
    }

    #[test]
    fn splits_words_and_punctuation() {
        use RunKind::*;
        assert_eq!(
            runs("  Good muffins cost $3.88\nin.\"x"),
            vec![
                ("Good", Word),
                ("muffins", Word),
                ("cost", Word),
                ("$", Punct),
                ("3", Word),
                (".", Punct),
                ("88", Word),
                ("in", Word),
                (".\"", Punct),
                ("x", Word),
            ]
        );
        assert!(runs(" \t\n").is_empty());
    }

    #[test]
    fn sixteen_bytes_at_a_time_equals_one_at_a_time() {
        for b in 0..=255u8 {
            let mut chunk = [b'a'; 16];
            chunk[7] = b;
            let expected = if b.is_ascii_alphanumeric() || b == b'_' {
                0xFFFF
            } else {
                0xFFFF & !(1 << 7)
            };
            assert_eq!(word_mask(&chunk), expected, "byte {b:#x}");
        }
        assert_eq!(
            ascii_word_len(b"abcdefghijklmnopqrstuvwxyz0123456789 x"),
            32
        );
        assert_eq!(ascii_word_len(b"Hello, world"), 0); // shorter than 16
        assert_eq!(ascii_word_len(b"Hello_World_2025-and more"), 16);
        assert_eq!(ascii_word_len(b"caf\xc3\xa9 au lait, s'il vous"), 3);
    }

    #[test]
    fn a_split_space_that_is_not_regex_space_is_punctuation() {
        assert_eq!(runs(".\x1c."), vec![(".\x1c.", RunKind::Punct)]);
    }
}
