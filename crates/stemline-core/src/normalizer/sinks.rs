//! Where the pipeline hands each run's output: a document's line, its
//! tokens, or its line in parts. The runs' outputs are computed (or found in
//! the cache) once, whatever the caller wants of them; each sink is the one
//! place that knows how they join.

use crate::short_copy::append_short;

/// Where [`Normalizer::for_each_output`] hands the output of each run (or,
/// with `word_tokenize`, of each token or stretch of tokens).
pub(super) trait Sink {
    /// The output of a run that yields tokens: its tokens joined by single
    /// spaces (a token never contains a space).
    fn run(&mut self, value: &[u8]);
    /// More of the last token handed on: one long token comes in parts.
    fn more(&mut self, value: &[u8]);
}

/// A document's line: the runs' outputs joined by single spaces.
pub(super) struct Line<'a> {
    pub(super) out: &'a mut Vec<u8>,
    // Not `out.len() > start`: a token can stem to nothing ("s" in the
    // original algorithm), and the reference still joins it with spaces.
    pub(super) any: bool,
}

impl Sink for Line<'_> {
    #[inline(always)]
    fn run(&mut self, value: &[u8]) {
        append_short(self.out, value, self.any);
        self.any = true;
    }

    fn more(&mut self, value: &[u8]) {
        self.out.extend_from_slice(value);
    }
}

/// A document's tokens.
pub(super) struct Tokens(pub(super) Vec<Vec<u8>>);

impl Sink for Tokens {
    fn run(&mut self, value: &[u8]) {
        self.0
            .extend(value.split(|&b| b == b' ').map(<[u8]>::to_vec));
    }

    fn more(&mut self, value: &[u8]) {
        if let Some(token) = self.0.last_mut() {
            token.extend_from_slice(value);
        }
    }
}

/// A document's line in parts (see [`Normalizer::normalize_in_parts`]).
pub(super) struct Parts<'a, F: FnMut(&[u8])> {
    pub(super) part: Vec<u8>,
    pub(super) any: bool,
    pub(super) part_bytes: usize,
    pub(super) consume: &'a mut F,
}

impl<F: FnMut(&[u8])> Parts<'_, F> {
    pub(super) fn flush(&mut self) {
        if !self.part.is_empty() {
            (self.consume)(&self.part);
            self.part.clear();
        }
    }

    /// Appends `value`, or hands it on as it is, not copied, when it is long.
    fn push(&mut self, value: &[u8]) {
        if value.len() >= self.part_bytes {
            self.flush();
            (self.consume)(value);
        } else {
            self.part.extend_from_slice(value);
            if self.part.len() >= self.part_bytes {
                self.flush();
            }
        }
    }
}

impl<F: FnMut(&[u8])> Sink for Parts<'_, F> {
    fn run(&mut self, value: &[u8]) {
        if self.any {
            self.part.push(b' ');
        }
        self.any = true;
        self.push(value);
    }

    fn more(&mut self, value: &[u8]) {
        self.push(value);
    }
}
