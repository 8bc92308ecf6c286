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
    fn a_split_space_that_is_not_regex_space_is_punctuation() {
        assert_eq!(runs(".\x1c."), vec![(".\x1c.", RunKind::Punct)]);
    }
}
