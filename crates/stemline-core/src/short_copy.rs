//! Copies of the short byte strings nearly every run has (a token, a cached
//! output), in fixed-size moves: a `memcpy` call per token cost more than the
//! copy itself. Every `unsafe` write of the pipeline is here, each with the
//! bound that makes it sound.

/// Writes `value`, 1 to 16 bytes long, to `dst` in at most three fixed-size
/// moves that overlap in the middle.
///
/// # Safety
/// `dst` must be valid for writing `value.len()` bytes and must not overlap
/// `value`.
#[inline(always)]
pub(crate) unsafe fn write_short(dst: *mut u8, value: &[u8]) {
    let n = value.len();
    debug_assert!((1..=16).contains(&n));
    let src = value.as_ptr();
    // SAFETY (each move): it reads within `value` and writes within
    // `dst..dst + n`; together the moves write all of it.
    unsafe {
        if n >= 8 {
            std::ptr::copy_nonoverlapping(src, dst, 8);
            std::ptr::copy_nonoverlapping(src.add(n - 8), dst.add(n - 8), 8);
        } else if n >= 4 {
            std::ptr::copy_nonoverlapping(src, dst, 4);
            std::ptr::copy_nonoverlapping(src.add(n - 4), dst.add(n - 4), 4);
        } else {
            *dst = value[0];
            *dst.add(n / 2) = value[n / 2];
            *dst.add(n - 1) = value[n - 1];
        }
    }
}

/// `out.extend_from_slice(value)`, after a space if `space`, with one room
/// check for both: how a run's output joins a document's line.
#[inline(always)]
pub(crate) fn append_short(out: &mut Vec<u8>, value: &[u8], space: bool) {
    let n = value.len();
    if n == 0 || n > 16 {
        if space {
            out.push(b' ');
        }
        out.extend_from_slice(value);
        return;
    }
    out.reserve(n + 1);
    if space {
        // SAFETY: within the capacity just reserved.
        unsafe {
            let len = out.len();
            *out.as_mut_ptr().add(len) = b' ';
            out.set_len(len + 1);
        }
    }
    let len = out.len();
    // SAFETY: `reserve` made room for `n` more bytes after `len`, which
    // `write_short` writes and `set_len` then exposes.
    unsafe {
        write_short(out.as_mut_ptr().add(len), value);
        out.set_len(len + n);
    }
}

/// Appends `bytes`, 1 to 16 of them, lower-cased to `out` if all are ASCII,
/// in the fixed-size moves of [`write_short`] with the case folded eight
/// bytes at a time; returns false, appending nothing, for any other input
/// (empty, longer, or not ASCII), which the caller handles byte by byte.
///
/// A word seen for the first time was checked for ASCII, copied and then
/// lower-cased in three loops whose exits, different for every length,
/// were mispredicted.
#[inline]
pub(crate) fn append_ascii_lowercase(out: &mut Vec<u8>, bytes: &[u8]) -> bool {
    let n = bytes.len();
    if !(1..=16).contains(&n) {
        return false;
    }
    let load = |at: usize, width: usize| {
        let mut word = [0u8; 8];
        word[..width].copy_from_slice(&bytes[at..at + width]);
        u64::from_le_bytes(word)
    };
    // Two overlapping loads cover the word (three single bytes below 4).
    let (width, first, last) = if n >= 8 {
        (8, load(0, 8), load(n - 8, 8))
    } else if n >= 4 {
        (4, load(0, 4), load(n - 4, 4))
    } else {
        let three =
            u64::from(bytes[0]) | u64::from(bytes[n / 2]) << 8 | u64::from(bytes[n - 1]) << 16;
        (0, three, 0)
    };
    if (first | last) & 0x8080_8080_8080_8080 != 0 {
        return false;
    }
    out.reserve(n);
    let len = out.len();
    let (first, last) = (lower_ascii8(first), lower_ascii8(last));
    // SAFETY: `reserve` made room for `n` bytes after `len`; each store is
    // within them, and together they write all `n` (as in `write_short`).
    unsafe {
        let dst = out.as_mut_ptr().add(len);
        if width > 0 {
            std::ptr::copy_nonoverlapping(first.to_le_bytes().as_ptr(), dst, width);
            std::ptr::copy_nonoverlapping(last.to_le_bytes().as_ptr(), dst.add(n - width), width);
        } else {
            *dst = first as u8;
            *dst.add(n / 2) = (first >> 8) as u8;
            *dst.add(n - 1) = (first >> 16) as u8;
        }
        out.set_len(len + n);
    }
    true
}

/// Eight ASCII bytes with `A`..=`Z` lower-cased, no branch per byte.
#[inline(always)]
fn lower_ascii8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Per byte (each below 0x80): the high bit of `x + 0x80 - b'A'` is set
    // from `A` up, that of `x + 0x80 - b'Z' - 1` from past `Z` up.
    let from_a = x + ONES * (0x80 - u64::from(b'A'));
    let past_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & (ONES * 0x80);
    x | upper >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every length up to 17, every ASCII byte in every position of some
    /// word, and a non-ASCII byte anywhere: as `make_ascii_lowercase`.
    #[test]
    fn ascii_lowercase_append_equals_the_loop() {
        let mut rng = crate::test_rng::xorshift(7);
        for n in 0..=17usize {
            for round in 0..2000 {
                let mut word: Vec<u8> = (0..n).map(|_| (rng() % 128) as u8).collect();
                if round % 5 == 0 && n > 0 {
                    let at = rng() % n;
                    word[at] = 0x80 | (rng() % 128) as u8;
                }
                let mut out = b"x".to_vec();
                let appended = append_ascii_lowercase(&mut out, &word);
                let expected = (1..=16).contains(&n) && word.is_ascii();
                assert_eq!(appended, expected, "{word:?}");
                if appended {
                    let mut lowered = word.clone();
                    lowered.make_ascii_lowercase();
                    assert_eq!(out[1..], lowered[..], "{word:?}");
                } else {
                    assert_eq!(out, b"x", "{word:?}");
                }
            }
        }
    }
}
