//! A text's bytes 64 at a time as two bit masks: which are ASCII whitespace
//! as the `regex` module's `\s` has it
//! ([`is_string_whitespace`](crate::codepoints::is_string_whitespace): `\t` to
//! `\r` and the space; not the `\x1c` to `\x1f` that `str.split()` also
//! splits at), and which are not ASCII. In a mask, the ends
//! of a run of other bytes are a shift and a count of trailing zeros each,
//! where a loop over the bytes takes a branch per byte and mispredicts the
//! end of every word.

/// Bit `i` of each mask stands for byte `base + i` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SpaceMasks {
    /// ASCII whitespace (and every byte at or past the window's limit).
    pub(crate) space: u64,
    /// Bytes from 0x80: where a character that is not ASCII starts or goes
    /// on (some of them are whitespace too, which the masks cannot say).
    pub(crate) high: u64,
}

impl SpaceMasks {
    /// The masks of the 64 bytes of `text` from `base`, the bytes from
    /// `limit` on (and past the text's end) counted as whitespace.
    #[inline(always)]
    pub(crate) fn at(text: &[u8], base: usize, limit: usize) -> Self {
        debug_assert!(base < limit && limit <= text.len());
        let mut masks = match text.get(base..base + 64) {
            Some(block) => of_block(block.try_into().expect("64 bytes")),
            // The text's last 64 bytes, shifted to start at `base`.
            None if text.len() >= 64 => {
                let from = text.len() - 64;
                let last = of_block(text[from..].try_into().expect("64 bytes"));
                let shift = base - from;
                SpaceMasks {
                    space: last.space >> shift | !(u64::MAX >> shift),
                    high: last.high >> shift,
                }
            }
            None => {
                let mut block = [b' '; 64];
                let rest = &text[base..];
                block[..rest.len()].copy_from_slice(rest);
                of_block(&block)
            }
        };
        let inside = limit - base;
        if inside < 64 {
            let beyond = u64::MAX << inside;
            masks.space |= beyond;
            masks.high &= !beyond;
        }
        masks
    }
}

#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn of_block(block: &[u8; 64]) -> SpaceMasks {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8, _mm_sub_epi8,
    };
    let mut masks = SpaceMasks { space: 0, high: 0 };
    for k in 0..4 {
        // SAFETY: SSE2 is part of x86-64; the load reads 16 of the block's
        // 64 bytes, at offset 16 * k.
        let (space, high) = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast());
            // b - 9 <= 4, unsigned, is b in `\t..=\r`.
            let d = _mm_sub_epi8(v, _mm_set1_epi8(0x09));
            let controls = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(4)), d);
            let space = _mm_or_si128(controls, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x20)));
            (_mm_movemask_epi8(space), _mm_movemask_epi8(v))
        };
        masks.space |= u64::from(space as u16) << (16 * k);
        masks.high |= u64::from(high as u16) << (16 * k);
    }
    masks
}

#[cfg(not(target_arch = "x86_64"))]
#[inline(always)]
fn of_block(block: &[u8; 64]) -> SpaceMasks {
    of_block_by_words(block)
}

/// [`of_block`] 8 bytes at a time in integer arithmetic, for any target.
#[cfg_attr(target_arch = "x86_64", allow(dead_code))]
#[inline(always)]
fn of_block_by_words(block: &[u8; 64]) -> SpaceMasks {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte's flag, gathered into the low 8 bits.
    let gather = |flags: u64| ((flags >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) & 0xFF;
    let mut masks = SpaceMasks { space: 0, high: 0 };
    for (k, word) in block.chunks_exact(8).enumerate() {
        let x = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        // Each byte's low 7 bits: adding 0x80 - lo sets its high bit exactly
        // when it is at least lo, adding 0x7F - hi when it is above hi, and
        // no sum carries into the next byte.
        let low = x & !HIGH;
        let at_least = |lo: u64| (low + (0x80 - lo) * ONES) & HIGH;
        let above = |hi: u64| (low + (0x7F - hi) * ONES) & HIGH;
        let space = !x & ((at_least(0x09) & !above(0x0D)) | (at_least(0x20) & !above(0x20))) & HIGH;
        masks.space |= gather(space) << (8 * k);
        masks.high |= gather(x & HIGH) << (8 * k);
    }
    masks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codepoints::is_string_whitespace;

    fn by_bytes(block: &[u8; 64]) -> SpaceMasks {
        let mut masks = SpaceMasks { space: 0, high: 0 };
        for (i, &b) in block.iter().enumerate() {
            masks.space |= u64::from(is_string_whitespace(b)) << i;
            masks.high |= u64::from(b >= 0x80) << i;
        }
        masks
    }

    #[test]
    fn masks_say_which_bytes_are_ascii_whitespace_and_which_are_not_ascii() {
        let mut next = crate::test_rng::xorshift(0x9e37_79b9_7f4a_7c15);
        for round in 0..4000 {
            let mut block = [0u8; 64];
            for (i, b) in block.iter_mut().enumerate() {
                // Every byte value in the first rounds, then random ones.
                *b = if round < 4 {
                    (round * 64 + i) as u8
                } else {
                    next() as u8
                };
            }
            assert_eq!(of_block(&block), by_bytes(&block), "{block:?}");
            assert_eq!(of_block_by_words(&block), by_bytes(&block), "{block:?}");
        }
        let spaces: Vec<u8> = (0..=255u8).filter(|&b| is_string_whitespace(b)).collect();
        assert_eq!(spaces, b"\t\n\x0b\x0c\r ");
    }

    #[test]
    fn bytes_from_the_limit_and_past_the_end_are_whitespace() {
        let text = b"ab\xc3\xa9cd efgh";
        let masks = SpaceMasks::at(text, 1, 6);
        // From byte 1: b, 0xC3, 0xA9, c, d; then the limit.
        assert_eq!(masks.high, 0b0110);
        assert_eq!(masks.space, u64::MAX << 5);
        let masks = SpaceMasks::at(text, 0, text.len());
        assert_eq!(masks.space, 1 << 6 | u64::MAX << text.len());
    }
}
