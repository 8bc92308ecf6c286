//! Where each Treebank token of a run came from.
//!
//! The Treebank rules never delete or reorder characters. They only insert
//! spaces and rewrite quotes, in exactly three ways:
//!
//! * a straight double quote `"` becomes two characters, ` `` ` or `''`;
//! * an apostrophe `'` of a `''` pair may become a backtick (`''` -> ` `` `);
//! * every other character is kept as it is.
//!
//! The final `str.split()` then drops the inserted spaces and any character
//! of the run that `str.split()` treats as whitespace (U+001C..U+001F can sit
//! inside a punctuation run). So walking a run and its tokens side by side,
//! each run character either is skipped (split whitespace), or produces the
//! next one or two token characters, and which of these it is follows from the
//! run character alone. That gives every token its source range without
//! tracking positions through the rules themselves, which keeps the rules (and
//! the normalizer's hot path) untouched.

use crate::classes::{CharClasses, SPLIT_SPACE};

const DOUBLE_QUOTE: u32 = b'"' as u32;
const APOSTROPHE: u32 = b'\'' as u32;
const BACKTICK: u32 = b'`' as u32;

/// The source range `start..end` (code point indices into `run`) of each of
/// `tokens`, the tokens the Treebank rules and `str.split()` made of `run`.
///
/// Panics if the tokens cannot have come from the run, which would be a bug
/// in the rules' implementation, not a property of the input.
pub fn token_sources(run: &[u32], tokens: &[&[u32]], classes: &CharClasses) -> Vec<(usize, usize)> {
    let mut sources = Vec::with_capacity(tokens.len());
    let mut i = 0;
    for token in tokens {
        while i < run.len() && classes.is(run[i], SPLIT_SPACE) {
            i += 1;
        }
        let start = i;
        let mut j = 0;
        while j < token.len() {
            let Some(&c) = run.get(i) else {
                mismatch(run, token)
            };
            let width = if c == DOUBLE_QUOTE { 2 } else { 1 };
            let produced = token
                .get(j..j + width)
                .unwrap_or_else(|| mismatch(run, token));
            let expected = match (c, produced) {
                (DOUBLE_QUOTE, [BACKTICK, BACKTICK] | [APOSTROPHE, APOSTROPHE]) => true,
                (APOSTROPHE, [BACKTICK]) => true,
                (c, [t]) => c == *t,
                _ => false,
            };
            if !expected {
                mismatch(run, token)
            }
            i += 1;
            j += width;
        }
        sources.push((start, i));
    }
    sources
}

#[cold]
fn mismatch(run: &[u32], token: &[u32]) -> ! {
    let show = |cps: &[u32]| -> String {
        cps.iter()
            .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    panic!(
        "stemline bug: token {:?} cannot come from run {:?}",
        show(token),
        show(run)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;
    use crate::treebank::{punct_run, word_run, Position};

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    /// (token, source slice) of each token of a punctuation or word run.
    fn sources(run: &str, first: bool, last: bool) -> Vec<(String, String)> {
        let classes = ascii_classes();
        let run = cps(run);
        let spaced = if run.iter().all(|&c| classes.is(c, crate::classes::WORD)) {
            word_run(&run, &classes).unwrap_or_else(|| run.clone())
        } else {
            punct_run(&run, Position { first, last })
        };
        let tokens: Vec<&[u32]> = spaced
            .split(|&c| classes.is(c, SPLIT_SPACE))
            .filter(|t| !t.is_empty())
            .collect();
        let text = |cps: &[u32]| cps.iter().map(|&c| char::from_u32(c).unwrap()).collect();
        token_sources(&run, &tokens, &classes)
            .into_iter()
            .zip(&tokens)
            .map(|((s, e), t)| (text(t), text(&run[s..e])))
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn a_rewritten_double_quote_points_at_the_quote() {
        assert_eq!(sources("\"", true, false), pairs(&[("``", "\"")]));
        assert_eq!(
            sources(".\"", false, true),
            pairs(&[(".", "."), ("''", "\"")])
        );
        assert_eq!(
            sources("(\"", false, false),
            pairs(&[("(", "("), ("``", "\"")])
        );
    }

    #[test]
    fn two_apostrophes_that_became_backticks_point_at_both() {
        assert_eq!(sources("''", false, false), pairs(&[("``", "''")]));
    }

    #[test]
    fn contractions_and_split_whitespace() {
        assert_eq!(
            sources("cannot", false, false),
            pairs(&[("can", "can"), ("not", "not")])
        );
        assert_eq!(
            sources("\x1c.\x1c,", false, false),
            pairs(&[(".", "."), (",", ",")])
        );
    }
}
