//! Copies of the short byte strings nearly every run has (a token, a cached
//! output), in fixed-size moves: a `memcpy` call per token cost more than the
//! copy itself.

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
