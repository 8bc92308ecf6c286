//! The letters every stemmer of the family works on, and suffixes packed
//! for one-compare tests.
//!
//! A stemmer is written once, generic over [`Letter`]: code points for any
//! word, bytes for a word known to be ASCII (the normalizer's fast path), so
//! an ASCII word is stemmed in its bytes with no decoding into code points
//! and back. Suffix tests compare a [`Packed`] suffix against the word's
//! [`Letter::tail`] in one mask and one compare.

/// One letter of a word: a code point, or a byte of an ASCII word. The
/// stemmer is the same code for both, so a word known to be ASCII is stemmed
/// in its bytes, with no decoding into code points and back.
pub trait Letter: Copy + Eq {
    /// The largest code point a letter of this kind holds: a search for a
    /// letter above it (German's `ß` in an ASCII word) finds nothing at once.
    const MAX_CODE: u32;

    /// The letter as a code point.
    fn code(self) -> u32;
    /// The letter for an ASCII byte of a suffix or replacement.
    fn from_ascii(b: u8) -> Self;
    /// The letter for a code point that the letter can hold (an ASCII one,
    /// for a byte).
    fn from_code(c: u32) -> Self;

    /// The word's last eight letters as one integer, the last letter in the
    /// low byte: a letter outside ASCII as 0x80 and a letter before the
    /// word's start as 0xFF, neither of which is in any suffix. Every suffix
    /// test is then one mask and one compare ([`Packed`]).
    #[inline]
    fn tail(word: &[Self]) -> u64 {
        word[word.len().saturating_sub(8)..]
            .iter()
            .fold(u64::MAX, |t, &c| t << 8 | u64::from(c.code().min(0x80)))
    }
}

impl Letter for u32 {
    const MAX_CODE: u32 = 0x10FFFF;

    #[inline(always)]
    fn code(self) -> u32 {
        self
    }

    #[inline(always)]
    fn from_ascii(b: u8) -> Self {
        b as u32
    }

    #[inline(always)]
    fn from_code(c: u32) -> Self {
        c
    }
}

impl Letter for u8 {
    const MAX_CODE: u32 = 0x7F;

    #[inline(always)]
    fn code(self) -> u32 {
        self as u32
    }

    #[inline(always)]
    fn from_ascii(b: u8) -> Self {
        b
    }

    #[inline(always)]
    fn from_code(c: u32) -> Self {
        debug_assert!(c < 0x80, "a byte word's letters are ASCII");
        c as u8
    }

    /// A few fixed-size loads, no loop over the letters (whose exit,
    /// different for every word, was mispredicted). Bytes are not mapped: the
    /// normalizer's byte path takes only ASCII runs, and a byte from 0x80 up
    /// would be in no suffix anyway.
    #[inline]
    fn tail(word: &[u8]) -> u64 {
        let n = word.len();
        let load4 = |at: usize| u64::from(u32::from_be_bytes(word[at..at + 4].try_into().unwrap()));
        // The letters, right-aligned, then 0xFF in every byte above them.
        let letters = if n >= 8 {
            return u64::from_be_bytes(word[n - 8..].try_into().expect("8 bytes"));
        } else if n >= 4 {
            // Two overlapping loads: the first four letters and the last four.
            load4(0) << (8 * (n - 4)) | load4(n - 4)
        } else if n > 0 {
            let first = u64::from(word[0]) << (8 * (n - 1));
            let middle = u64::from(word[n / 2]) << (8 * (n - 1 - n / 2));
            first | middle | u64::from(word[n - 1])
        } else {
            0
        };
        letters | u64::MAX.checked_shl(8 * n as u32).unwrap_or(0)
    }
}

/// A suffix of at most eight ASCII letters packed as [`Letter::tail`] packs a
/// word's ending, with the mask of its bytes: a word ends with the suffix
/// when `tail & mask == value`. Every suffix test is one mask and one
/// compare, not a loop over the letters (in all three stemmers).
#[derive(Clone, Copy)]
pub struct Packed {
    pub value: u64,
    pub mask: u64,
    pub len: usize,
}

impl Packed {
    pub const fn of(suffix: &[u8]) -> Packed {
        assert!(suffix.len() <= 8, "suffixes are at most 8 letters");
        let mut value = 0u64;
        let mut i = 0;
        while i < suffix.len() {
            value = value << 8 | suffix[i] as u64;
            i += 1;
        }
        let mask = if suffix.len() == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * suffix.len())) - 1
        };
        Packed {
            value,
            mask,
            len: suffix.len(),
        }
    }

    /// The suffix's last letter, if it has one.
    pub const fn last(self) -> Option<u8> {
        if self.len == 0 {
            None
        } else {
            Some(self.value as u8)
        }
    }
}
