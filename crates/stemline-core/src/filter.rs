//! Optional token filters, all off by default (the default output is the
//! reference's, token for token).
//!
//! A filter decides on each token from three forms of it: the Treebank token
//! as it stands in the text, its surface form (that token lower-cased with
//! `str.lower()`) and its output token (the stem). Each filter reads the form
//! its users think in: punctuation is a property of the text, stop words are
//! words people type (lower-cased), and a minimum length is a promise about
//! the output.

use std::collections::HashSet;

use crate::classes::{CharClasses, RE_WORD};

const UNDERSCORE: u32 = b'_' as u32;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenFilter {
    /// Drop a token whose Treebank token has no letter or digit: no character
    /// for which Python's `str.isalnum()` is true.
    pub drop_punct: bool,
    /// Drop a token whose surface form (lower-cased Treebank token) is one of
    /// these, compared code point for code point.
    pub stopwords: HashSet<Vec<u32>>,
    /// Drop an output token (stem) shorter than this many code points.
    pub min_length: usize,
}

impl TokenFilter {
    /// Whether this filter keeps every token.
    pub fn keeps_all(&self) -> bool {
        !self.drop_punct && self.stopwords.is_empty() && self.min_length == 0
    }

    /// Whether the token is kept. `token` is the Treebank token, `surface` its
    /// lower-cased form and `output` its stem.
    pub fn keeps(
        &self,
        token: &[u32],
        surface: &[u32],
        output: &[u32],
        classes: &CharClasses,
    ) -> bool {
        // `re`'s \w is exactly `str.isalnum()` plus the underscore.
        if self.drop_punct
            && !token
                .iter()
                .any(|&c| c != UNDERSCORE && classes.is(c, RE_WORD))
        {
            return false;
        }
        if output.len() < self.min_length {
            return false;
        }
        !self.stopwords.contains(surface)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classes::testing::ascii_classes;

    fn cps(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    fn keeps(filter: &TokenFilter, token: &str, output: &str) -> bool {
        let surface = token.to_lowercase();
        filter.keeps(&cps(token), &cps(&surface), &cps(output), &ascii_classes())
    }

    #[test]
    fn each_filter_reads_its_own_form() {
        let all = TokenFilter::default();
        assert!(all.keeps_all() && keeps(&all, "...", "..."));

        let punct = TokenFilter {
            drop_punct: true,
            ..Default::default()
        };
        assert!(!keeps(&punct, "...", "...") && !keeps(&punct, "__", "__"));
        assert!(keeps(&punct, "a.", "a.") && keeps(&punct, "7", "7"));

        let stop = TokenFilter {
            stopwords: [cps("the")].into_iter().collect(),
            ..Default::default()
        };
        assert!(!keeps(&stop, "The", "the") && keeps(&stop, "them", "them"));

        let short = TokenFilter {
            min_length: 3,
            ..Default::default()
        };
        // "has" stems to "ha": the length is the output's.
        assert!(!keeps(&short, "has", "ha") && keeps(&short, "runs", "run"));
    }
}
