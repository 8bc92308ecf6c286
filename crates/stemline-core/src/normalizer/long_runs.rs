//! Runs longer than a piece ([`Normalizer::with_piece_bytes`]): a line of
//! dots, a dashed rule, a wall of emoji, hundreds of megabytes with no
//! space. The usual path holds a run as code points (4 bytes a character)
//! and each Treebank rule copies it, so such a run would cost many times its
//! size; here it is cut into pieces where the output allows, and each
//! piece's output is handed on as it is done.

use super::sinks::Sink;
use super::{Normalizer, Scratch, NO_TOKENS};
use crate::classes::{RE_WORD, SPLIT_SPACE};
use crate::codepoints;
use crate::stem::APOSTROPHES;
use crate::treebank::{self, Position};
use crate::wordpunct::RunKind;

const CAPITAL_SIGMA: u32 = 0x3A3;

impl Normalizer {
    /// A run longer than `piece_bytes`, one of the paths below, or false if it
    /// takes the usual path. Kept out of line: long runs are rare, and the
    /// usual path's loop is faster without them in it.
    #[cold]
    #[inline(never)]
    pub(super) fn long_run_output(
        &self,
        bytes: &[u8],
        kind: RunKind,
        pos: Position,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) -> bool {
        if self.long_token_output(bytes, kind, scratch, sink) {
            return true;
        }
        if kind == RunKind::Punct {
            self.long_punct_run_output(bytes, pos, scratch, sink);
            return true;
        }
        false
    }

    /// A punctuation run longer than `piece_bytes`, in pieces cut where the
    /// Treebank rules leave the tokens unchanged ([`treebank::next_punct_cut`]),
    /// each piece's output handed to `sink` as it is done. The code-point
    /// path holds a run as 4 bytes a character and each rule copies it, so a
    /// run of hundreds of megabytes (a line of dots, a dashed rule) cost many
    /// times its size; a piece costs as much, but only of its own size. Too
    /// big for the cache anyway (see [`crate::cache::MAX_CACHED_RUN`]).
    fn long_punct_run_output(
        &self,
        run: &[u8],
        pos: Position,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) {
        let limit = if pos.last {
            treebank::last_cut_limit(run)
        } else {
            run.len()
        };
        let mut start = 0;
        while start < run.len() {
            let end = treebank::next_punct_cut(run, start, start + self.piece_bytes, limit);
            let piece = Position {
                first: pos.first && start == 0,
                last: pos.last && end == run.len(),
            };
            scratch.output.clear();
            if treebank::glued_cut(run, start) {
                let Scratch {
                    output,
                    run: cps,
                    word,
                    ..
                } = &mut *scratch;
                cps.clear();
                codepoints::decode_into(&run[start..end], cps);
                let spaced = treebank::punct_piece_glued(cps, piece.last);
                self.spaced_output(&spaced, output, word);
            } else {
                self.codepoint_run_output(&run[start..end], RunKind::Punct, piece, scratch);
            }
            if scratch.output != [NO_TOKENS] {
                sink.run(&scratch.output);
            }
            start = end;
        }
    }

    /// A long run that is one token the Treebank rules leave alone and whose
    /// stem is its lower-casing, handed on by [`Self::long_token_lowered`]:
    /// returns false, handing on nothing, for any other run. Such a run (a
    /// line of `日` or `é`, a wall of emoji) is otherwise held whole as code
    /// points, lower-cased and stemmed as one word, at many times its size.
    fn long_token_output(
        &self,
        bytes: &[u8],
        kind: RunKind,
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) -> bool {
        if !self.filter.keeps_all()
            || (kind == RunKind::Word && self.ascii_words && bytes.is_ascii())
        {
            return false;
        }
        // Whether it is a single token the rules leave alone.
        let mut re_word = 0;
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = codepoints::decode_at(bytes, i);
            i += len;
            match kind {
                // Treebank rules match nothing else, and str.split() cuts
                // only at its own spaces.
                RunKind::Punct => {
                    if (c < 128 && treebank::RULE_CHARS.contains(&(c as u8)))
                        || self.classes.is(c, SPLIT_SPACE)
                    {
                        return false;
                    }
                }
                // The contraction rules match whole `re` words of five or
                // six characters only.
                RunKind::Word => {
                    if self.classes.is(c, RE_WORD) {
                        re_word += 1;
                    } else if (5..=6).contains(&std::mem::take(&mut re_word)) {
                        return false;
                    }
                }
            }
        }
        if (5..=6).contains(&re_word) {
            return false;
        }
        self.long_token_lowered(bytes, scratch, sink)
    }

    /// A long token (of either tokenizer) whose stem is its lower-casing
    /// (see [`crate::stem::Stemmer::stems_to_itself`]), lower-cased a piece
    /// at a time, each piece handed to `sink` as it is done: returns false,
    /// handing on nothing, for any other token, or when a filter is on.
    ///
    /// The pieces are lower-cased apart, which is `str.lower()` of the whole
    /// token because that maps every character on its own but the capital
    /// sigma, whose final form depends on its neighbours: a token with one
    /// is left to the code-point path.
    pub(super) fn long_token_lowered(
        &self,
        bytes: &[u8],
        scratch: &mut Scratch,
        sink: &mut impl Sink,
    ) -> bool {
        if !self.filter.keeps_all() {
            return false;
        }
        // One pass: the token's length in characters and its last character.
        let (mut chars, mut last) = (0, 0);
        let mut i = 0;
        while i < bytes.len() {
            let (c, len) = codepoints::decode_at(bytes, i);
            i += len;
            chars += 1;
            last = c;
            if c == CAPITAL_SIGMA || APOSTROPHES.contains(&c) {
                return false;
            }
        }
        // `chars` counts the token before lower-casing, which never shortens
        // a word.
        if chars <= self.stemmer.longest_special_word() {
            return false;
        }
        let lowered_last = *self
            .lower(&[last])
            .last()
            .expect("a character lower-cases to some");
        if !self.stemmer.stems_to_itself(lowered_last) {
            return false;
        }
        let mut start = 0;
        while start < bytes.len() {
            let mut end = (start + self.piece_bytes).min(bytes.len());
            while end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
                end += 1;
            }
            let Scratch {
                output, run, word, ..
            } = scratch;
            run.clear();
            codepoints::decode_into(&bytes[start..end], run);
            word.clear();
            self.lower_into(run, word);
            output.clear();
            codepoints::encode_into(word, output);
            if start == 0 {
                sink.run(output);
            } else {
                sink.more(output);
            }
            start = end;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::sinks::Tokens;
    use super::super::testing::normalizer;
    use super::*;
    use crate::filter::TokenFilter;
    use crate::stem::Stemming;

    #[test]
    fn long_punctuation_runs_in_pieces_equal_whole_runs_in_every_mode() {
        let units = [
            ".",
            "-",
            "?!-",
            "'",
            "\"",
            ",",
            "...)",
            "(\"",
            "*",
            "\u{e9}\u{2014}",
            "--;",
            "'?",
            ").\"",
            ",:",
            "``'",
            "\"\"\"",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let texts: Vec<String> = (0..400)
            .map(|_| {
                let run: String = (0..1 + next() % 12)
                    .map(|_| units[next() % units.len()].repeat(1 + next() % 5))
                    .collect();
                match next() % 4 {
                    0 => run,
                    1 => format!("x {run}"),
                    2 => format!("{run} x"),
                    _ => format!("Yes {run}?! no"),
                }
            })
            .collect();
        for stemming in Stemming::ALL {
            for filter in [
                TokenFilter::default(),
                TokenFilter {
                    drop_punct: true,
                    ..Default::default()
                },
            ] {
                let whole = normalizer(stemming).with_filter(filter.clone());
                for piece_bytes in [1, 2, 5] {
                    let cut = normalizer(stemming)
                        .with_filter(filter.clone())
                        .with_piece_bytes(piece_bytes);
                    for text in &texts {
                        assert_eq!(
                            cut.normalize(text.as_bytes()),
                            whole.normalize(text.as_bytes()),
                            "{stemming:?} {piece_bytes} {text:?}"
                        );
                        assert_eq!(cut.tokens(text.as_bytes()), whole.tokens(text.as_bytes()));
                    }
                }
            }
        }
    }

    #[test]
    fn long_tokens_lowered_in_pieces_equal_whole_tokens_in_every_mode() {
        // In the test classes every non-ASCII character is punctuation.
        let units = [
            "\u{e9}",
            "\u{c9}",
            "\u{2014}",
            "*",
            "\u{1F600}",
            "\u{130}",
            "/",
            "\u{301}",
            "|~",
        ];
        let endings = [
            "",
            "\u{212A}",
            "\u{3a3}",
            "\u{2019}",
            "'",
            "\u{c9}",
            "\u{130}",
            "\u{1F600}",
            ".",
        ];
        let mut next = crate::test_rng::xorshift(0x2545_f491_4f6c_dd1d_u64);
        let (mut taken, mut checked) = (0, 0);
        for stemming in Stemming::ALL {
            let whole = normalizer(stemming);
            let cut = normalizer(stemming).with_piece_bytes(64);
            // Tokens about as long as the longest the stemmer treats by its
            // length (some shorter, most longer), and longer than a piece.
            let around = whole.stemmer.longest_special_word().max(64);
            let mut texts = Vec::new();
            for ending in endings {
                for _ in 0..6 {
                    let (a, b) = (units[next() % units.len()], units[next() % units.len()]);
                    let token: String = (0..around - 2 + next() % 40)
                        .map(|_| if next().is_multiple_of(3) { a } else { b })
                        .collect();
                    texts.push(format!("{token}{ending}"));
                    texts.push(format!("Yes, {token}{ending} no"));
                }
            }
            checked += texts.len();
            for text in &texts {
                assert_eq!(
                    cut.normalize(text.as_bytes()),
                    whole.normalize(text.as_bytes()),
                    "{stemming:?} {text:?}"
                );
                assert_eq!(cut.tokens(text.as_bytes()), whole.tokens(text.as_bytes()));
                let mut any = false;
                cut.for_each_run(text.as_bytes(), |run, _, _| {
                    let bytes = &text.as_bytes()[run.start..run.end];
                    any |= bytes.len() > 64
                        && cut.long_token_output(
                            bytes,
                            run.kind,
                            &mut Scratch::default(),
                            &mut Tokens(Vec::new()),
                        );
                });
                taken += usize::from(any);
            }
        }
        assert!(
            3 * taken > checked,
            "the long-token path taken for {taken} texts of {checked}"
        );
    }
}
