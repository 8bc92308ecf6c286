//! A seeded xorshift generator for the core's randomised tests: the same
//! inputs on every run and machine, with no dependency for it.

/// Successive xorshift64 values from `seed` (which must not be zero).
pub(crate) fn xorshift(mut state: u64) -> impl FnMut() -> usize {
    move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as usize
    }
}
