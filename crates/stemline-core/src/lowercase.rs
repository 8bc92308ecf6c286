//! Lower-casing a token as Python's `str.lower()` does.
//!
//! Every stemmer, and the surface forms of the vocabulary, start from the
//! token's `str.lower()`: full Unicode mappings (`İ` becomes two code
//! points), the final-sigma rule, and the running Python's Unicode version,
//! none of which Rust's `to_lowercase` is guaranteed to share. So ASCII is
//! lower-cased here (the one part every Unicode version agrees on), and
//! anything else goes through a [`Lowercase`], which the Python binding
//! implements by calling `str.lower()`.

/// `str.lower()` for words with non-ASCII characters.
///
/// The binding's implementation calls back into Python; the normalizer
/// reaches it once per distinct non-ASCII token, because the result is
/// cached.
pub trait Lowercase: Send + Sync {
    fn lower(&self, word: &[u32]) -> Vec<u32>;
}

/// Lower-cases with Rust's Unicode tables: for Rust callers that do not need
/// Python parity beyond ASCII, and for the core's tests.
pub struct RustLowercase;

impl Lowercase for RustLowercase {
    fn lower(&self, word: &[u32]) -> Vec<u32> {
        word.iter()
            .flat_map(|&c| match char::from_u32(c) {
                Some(ch) => ch.to_lowercase().map(|l| l as u32).collect::<Vec<_>>(),
                None => vec![c],
            })
            .collect()
    }
}

/// `token.lower()`, appended to `out`: ASCII here, anything else through
/// `lowercase`.
pub fn lower_into(token: &[u32], lowercase: &dyn Lowercase, out: &mut Vec<u32>) {
    if token.iter().all(|&c| c < 128) {
        out.extend(token.iter().map(|&c| (c as u8).to_ascii_lowercase() as u32));
    } else {
        out.extend(lowercase.lower(token));
    }
}

/// `token.lower()`.
pub fn lower(token: &[u32], lowercase: &dyn Lowercase) -> Vec<u32> {
    let mut lowered = Vec::with_capacity(token.len());
    lower_into(token, lowercase, &mut lowered);
    lowered
}

/// `word.lower()` as code points, for a caller that holds the word as
/// generalized UTF-8 and can lower-case it itself when it is not ASCII
/// (the binding, with the Python string in hand, calls its `lower()`
/// directly, which costs less than building the string again).
pub fn lower_utf8<E>(
    word: &[u8],
    non_ascii: impl FnOnce() -> Result<Vec<u32>, E>,
) -> Result<Vec<u32>, E> {
    if word.is_ascii() {
        Ok(word
            .iter()
            .map(|&b| u32::from(b.to_ascii_lowercase()))
            .collect())
    } else {
        non_ascii()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks that it was asked.
    struct Marked;

    impl Lowercase for Marked {
        fn lower(&self, word: &[u32]) -> Vec<u32> {
            let mut lowered = RustLowercase.lower(word);
            lowered.push(u32::from(b'!'));
            lowered
        }
    }

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(u32::from).collect()
    }

    #[test]
    fn ascii_is_lowered_here_and_the_rest_by_the_lowercase() {
        assert_eq!(lower(&cps("RunS_9"), &Marked), cps("runs_9"));
        assert_eq!(lower(&cps("CAF\u{c9}"), &Marked), cps("caf\u{e9}!"));
        let mut out = cps("x");
        lower_into(&cps("\u{130}"), &RustLowercase, &mut out);
        assert_eq!(out, cps("xi\u{307}"));
        let by_caller = || Ok::<_, ()>(cps("asked"));
        assert_eq!(lower_utf8(b"RunS_9", by_caller), Ok(cps("runs_9")));
        assert_eq!(
            lower_utf8("CAF\u{c9}".as_bytes(), by_caller),
            Ok(cps("asked"))
        );
    }
}
