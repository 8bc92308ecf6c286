//! `PunktSentenceTokenizer.span_tokenize`: candidate sentence ends, the
//! contexts Punkt decides them in, the sentences' slices, and the
//! realignment of closing punctuation.
//!
//! NLTK finds candidates with `period_context_re`:
//!
//! ```text
//! [\.\?!](?=(?P<after_tok>NonWord|\s+(?P<next_tok>\S+)))
//! ```
//!
//! a sentence-end character followed by a character that cannot be in a word,
//! or by whitespace and a next token. Each match is one character, so every
//! such character is a candidate. Its context is the word before it (from
//! just after the last ASCII whitespace, `string.whitespace`, since the
//! previous candidate; else from where the previous candidate's word started),
//! the character, and what follows it (`after_tok`). A candidate whose word
//! overlaps the next candidate's is dropped in favour of the next one
//! (`_match_potential_end_contexts`). Here the scan for candidates is a
//! search for three bytes; everything else looks at a few characters around
//! each.
//!
//! Offsets are byte offsets of the (generalized UTF-8) text; see
//! [`crate::codepoints::byte_offsets_to_code_points`] for Python's.

use std::sync::Arc;

use crate::codepoints;
use crate::parallel::in_chunks_streamed;

pub use super::annotate::Scratch as PunktScratch;
use super::annotate::{Annotator, Scratch};
use super::chars::{char_at, is_string_whitespace, PunktChars, SPACE, STR_SPACE};
use super::params::PunktParameters;
use super::words::is_non_word;

/// A sentence as `[start, end)` byte offsets.
pub type Span = (usize, usize);

/// The unit of the offsets a batch call returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offsets {
    /// Byte offsets into the generalized UTF-8 text.
    Bytes,
    /// Code point offsets: indices into the Python string.
    CodePoints,
}

/// NLTK's `PunktSentenceTokenizer` with one language's parameters: cheap to
/// share between threads (`Arc`), and every call is independent.
#[derive(Debug, Clone)]
pub struct PunktSentenceTokenizer {
    params: Arc<PunktParameters>,
    chars: Arc<PunktChars>,
}

/// What follows a candidate: `after_tok` ends at `end`; `next_tok`, when
/// present, starts at `next_tok`.
#[derive(Debug, Clone, Copy)]
struct AfterTok {
    end: usize,
    next_tok: Option<usize>,
}

/// A candidate that `_match_potential_end_contexts` yields: the sentence-end
/// character at `at`, and its context `text[context_start..after.end]`.
#[derive(Debug, Clone, Copy)]
struct EndContext {
    at: usize,
    context_start: usize,
    after: AfterTok,
}

impl PunktSentenceTokenizer {
    pub fn new(params: Arc<PunktParameters>, chars: Arc<PunktChars>) -> Self {
        PunktSentenceTokenizer { params, chars }
    }

    pub fn params(&self) -> &PunktParameters {
        &self.params
    }

    /// `span_tokenize(text, realign_boundaries)`: the sentences of `text`
    /// (generalized UTF-8, as [`crate::codepoints`] describes; any Python
    /// string encoded with `surrogatepass`), as byte offsets, in order.
    ///
    /// The work is one search for `.`, `?` and `!` over the text and a few
    /// characters around each; the memory is the result and a few buffers.
    pub fn span_tokenize(&self, text: &[u8], realign_boundaries: bool) -> Vec<Span> {
        self.span_tokenize_in(text, realign_boundaries, Offsets::Bytes)
    }

    /// [`Self::span_tokenize`] with the offsets in `unit`.
    pub fn span_tokenize_in(
        &self,
        text: &[u8],
        realign_boundaries: bool,
        unit: Offsets,
    ) -> Vec<Span> {
        self.span_tokenize_with(text, realign_boundaries, unit, &mut Scratch::default())
    }

    fn span_tokenize_with(
        &self,
        text: &[u8],
        realign_boundaries: bool,
        unit: Offsets,
        scratch: &mut Scratch,
    ) -> Vec<Span> {
        let mut slices = Vec::new();
        // Without realignment NLTK yields every slice, even the empty last
        // one (`(0, 0)` for an empty text) or one that ends before it starts
        // (its sentence is then "").
        if realign_boundaries {
            self.for_each_sentence(text, scratch, |s| slices.push(s));
        } else {
            self.slices_from_text(text, scratch, |s| slices.push(s));
        }
        if unit == Offsets::CodePoints {
            codepoints::byte_offsets_to_code_points(text, &mut slices);
        }
        // The list grew by doubling: for a huge text give back what it does
        // not use (the caller holds it while it builds the sentences).
        if slices.capacity() > (1 << 16) {
            slices.shrink_to_fit();
        }
        slices
    }

    /// [`Self::span_tokenize`] with realignment (what `sent_tokenize` and
    /// `word_tokenize` use), each sentence handed to `visit` as soon as it is
    /// decided (when the slice after it is known), as byte offsets, in order:
    /// no list of a text's sentences is ever held. `scratch` is any
    /// [`PunktScratch`] (its buffers are reused from one text to the next).
    pub fn for_each_sentence(
        &self,
        text: &[u8],
        scratch: &mut PunktScratch,
        mut visit: impl FnMut(Span),
    ) {
        let mut realigner = Realigner::default();
        self.slices_from_text(text, scratch, |slice| {
            realigner.push(self, text, slice, &mut visit)
        });
        realigner.finish(&mut visit);
    }

    /// The sentences of each document, on `workers` threads (0: one per
    /// core), in input order: the same as one call per document.
    pub fn span_tokenize_batch(
        &self,
        docs: &[&[u8]],
        workers: usize,
        realign_boundaries: bool,
        unit: Offsets,
    ) -> Vec<Vec<Span>> {
        let mut all = Vec::with_capacity(docs.len());
        self.span_tokenize_batch_streamed(docs, workers, realign_boundaries, unit, |chunk| {
            all.extend(chunk)
        });
        all
    }

    /// [`Self::span_tokenize_batch`], handing the documents' sentences to
    /// `consume` on the calling thread, in input order, a chunk of documents
    /// at a time, while the workers go on (the binding builds Python strings
    /// there).
    pub fn span_tokenize_batch_streamed(
        &self,
        docs: &[&[u8]],
        workers: usize,
        realign_boundaries: bool,
        unit: Offsets,
        consume: impl FnMut(Vec<Vec<Span>>),
    ) {
        in_chunks_streamed(
            docs,
            workers,
            Scratch::default,
            |scratch, chunk| {
                chunk
                    .iter()
                    .map(|doc| self.span_tokenize_with(doc, realign_boundaries, unit, scratch))
                    .collect()
            },
            consume,
        );
    }

    /// `text_contains_sentbreak(text)`: whether the annotation passes mark a
    /// break in `text` before its last token.
    pub fn text_contains_sentbreak(&self, text: &[u8]) -> bool {
        self.annotator()
            .text_contains_sentbreak(text, &mut Scratch::default())
    }

    fn annotator(&self) -> Annotator<'_> {
        Annotator {
            params: &self.params,
            chars: &self.chars,
        }
    }

    /// `_slices_from_text(text)`: a slice up to each candidate decided to
    /// be a break, then the rest without its trailing `str.isspace()`
    /// characters, each handed to `visit` in order. The last slice may be
    /// empty or even end before it starts (as Python's
    /// `slice(last_break, len(text.rstrip()))` can).
    pub(crate) fn slices_from_text(
        &self,
        text: &[u8],
        scratch: &mut Scratch,
        mut visit: impl FnMut(Span),
    ) {
        let annotator = self.annotator();
        let mut last_break = 0;
        self.match_potential_end_contexts(text, |candidate| {
            let context = &text[candidate.context_start..candidate.after.end];
            if annotator.text_contains_sentbreak(context, scratch) {
                visit((last_break, candidate.at + 1));
                // The next sentence starts at the next token, or at the
                // punctuation that follows.
                last_break = candidate.after.next_tok.unwrap_or(candidate.at + 1);
            }
        });
        visit((last_break, self.rstrip_end(text, 0, text.len())));
    }

    /// `_match_potential_end_contexts(text)`: hands each candidate whose word
    /// does not overlap the next candidate's to `visit`, in order.
    fn match_potential_end_contexts(&self, text: &[u8], mut visit: impl FnMut(EndContext)) {
        // previous_slice: the previous candidate's word, [start, stop).
        let (mut previous_start, mut previous_stop) = (0, 0);
        let mut previous: Option<EndContext> = None;
        for at in memchr::memchr3_iter(b'.', b'?', b'!', text) {
            let Some(after) = self.period_context(text, at) else {
                continue;
            };
            // _get_last_whitespace_index: an index of 0 counts as none.
            let before = &text[previous_stop..at];
            let start = match before.iter().rposition(|&b| is_string_whitespace(b)) {
                Some(i) if i > 0 => previous_stop + i + 1,
                _ => previous_start,
            };
            if let Some(candidate) = previous {
                if previous_stop <= start {
                    visit(candidate);
                }
            }
            previous = Some(EndContext {
                at,
                context_start: start,
                after,
            });
            (previous_start, previous_stop) = (start, at);
        }
        if let Some(candidate) = previous {
            visit(candidate);
        }
    }

    /// `period_context_re`'s lookahead after the sentence-end character at
    /// `at`: NonWord, or `\s+` and then `\S+`.
    fn period_context(&self, text: &[u8], at: usize) -> Option<AfterTok> {
        let mut i = at + 1;
        if i >= text.len() {
            return None;
        }
        let (cp, len) = char_at(text, i);
        if is_non_word(cp) {
            return Some(AfterTok {
                end: i + len,
                next_tok: None,
            });
        }
        if !self.chars.is(cp, SPACE) {
            return None;
        }
        i += len;
        loop {
            if i >= text.len() {
                return None;
            }
            let (space, len) = self.chars.space_at(text, i);
            if !space {
                break;
            }
            i += len;
        }
        let next_tok = i;
        while i < text.len() {
            i = codepoints::skip_printable_ascii(text, i);
            if i >= text.len() {
                break;
            }
            let (space, len) = self.chars.space_at(text, i);
            if space {
                break;
            }
            i += len;
        }
        Some(AfterTok {
            end: i,
            next_tok: Some(next_tok),
        })
    }

    /// `re_boundary_realignment.match(text[start:stop])`, the pattern
    /// ``["')\]}‘’“”«»]+?(?:\s+|(?=--)|$)`` (`MULTILINE`): where the match
    /// ends, and where `m.group(0).rstrip()` ends (byte offsets of `text`).
    /// Its `$` is the end of the slice; a `"\n"` is whitespace, so the
    /// `\s+` branch takes it first.
    fn boundary_realignment(
        &self,
        text: &[u8],
        start: usize,
        stop: usize,
    ) -> Option<(usize, usize)> {
        let mut i = start;
        while i < stop {
            let (cp, len) = char_at(text, i);
            if !is_closing_punctuation(cp) {
                return None;
            }
            i += len;
            // The lazy +? stops at the first quote followed by one of these.
            if i < stop && self.chars.space_at(text, i).0 {
                let mut end = i;
                while end < stop {
                    let (space, len) = self.chars.space_at(text, end);
                    if !space {
                        break;
                    }
                    end += len;
                }
                return Some((end, self.rstrip_end(text, start, end)));
            }
            if i == stop || (i + 1 < stop && text[i] == b'-' && text[i + 1] == b'-') {
                return Some((i, i));
            }
        }
        None
    }

    /// Where `text[start..end]` ends after `str.rstrip()`.
    fn rstrip_end(&self, text: &[u8], start: usize, mut end: usize) -> usize {
        while end > start {
            let mut first = end - 1;
            while first > start && text[first] & 0xC0 == 0x80 {
                first -= 1;
            }
            let (cp, _) = codepoints::decode_at(text, first);
            if !self.chars.is(cp, STR_SPACE) {
                break;
            }
            end = first;
        }
        end
    }
}

/// `_realign_boundaries(text, slices)`, one slice at a time: closing quotes
/// and brackets that follow a sentence's end move into it
/// (`re_boundary_realignment` at the start of the next slice); empty slices
/// are dropped. A slice is decided when the next one is known, so it waits
/// in `pending`, its start already moved by the realignment before it.
///
/// ```python
/// realign = 0
/// for sentence1, sentence2 in _pair_iter(slices):
///     sentence1 = slice(sentence1.start + realign, sentence1.stop)
///     if not sentence2:
///         if text[sentence1]:
///             yield sentence1
///         continue
///     m = self._lang_vars.re_boundary_realignment.match(text[sentence2])
///     if m:
///         yield slice(sentence1.start, sentence2.start + len(m.group(0).rstrip()))
///         realign = m.end()
///     else:
///         realign = 0
///         if text[sentence1]:
///             yield sentence1
/// ```
#[derive(Default)]
struct Realigner {
    pending: Option<Span>,
}

impl Realigner {
    /// Takes the next slice: decides the pending one.
    #[inline]
    fn push(
        &mut self,
        tokenizer: &PunktSentenceTokenizer,
        text: &[u8],
        (next_start, next_stop): Span,
        visit: &mut impl FnMut(Span),
    ) {
        let mut realign = 0;
        if let Some((start, stop)) = self.pending.take() {
            match tokenizer.boundary_realignment(text, next_start, next_stop) {
                Some((matched_end, kept_end)) => {
                    realign = matched_end - next_start;
                    visit((start, kept_end));
                }
                None if start < stop => visit((start, stop)),
                None => {}
            }
        }
        self.pending = Some((next_start + realign, next_stop));
    }

    /// After the last slice: decides the pending one.
    fn finish(self, visit: &mut impl FnMut(Span)) {
        if let Some((start, stop)) = self.pending {
            if start < stop {
                visit((start, stop));
            }
        }
    }
}

/// The characters `re_boundary_realignment` moves.
fn is_closing_punctuation(cp: u32) -> bool {
    matches!(
        cp,
        0x22 | 0x27 | 0x29 | 0x5D | 0x7D | 0x2018 | 0x2019 | 0x201C | 0x201D | 0xAB | 0xBB
    )
}

#[cfg(test)]
mod tests {
    use super::super::chars::testing::ascii_punkt_chars;
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let params = PunktParameters::from_punkt_tab(b"mr\ndr", b"", b"", b"").unwrap();
        let tokenizer =
            PunktSentenceTokenizer::new(Arc::new(params), Arc::new(ascii_punkt_chars()));
        tokenizer
            .span_tokenize(text.as_bytes(), true)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    // The expected sentences are NLTK 3.10.4's with these parameters.
    #[test]
    fn splits_and_realigns() {
        assert_eq!(
            sentences("Hello there.  How are you?  "),
            ["Hello there.", "How are you?"]
        );
        assert_eq!(
            sentences("Mr. Smith left. (He did.) Then"),
            ["Mr. Smith left.", "(He did.)", "Then"]
        );
        assert_eq!(
            sentences("Very bad acting!!! I promise."),
            ["Very bad acting!!!", "I promise."]
        );
        assert_eq!(sentences("\"Go.\" \"Now.\""), ["\"Go.\"", "\"Now.\""]);
        assert_eq!(sentences("Wait.\")-- no"), ["Wait.\")", "-- no"]);
        assert_eq!(sentences(""), Vec::<&str>::new());
        assert_eq!(sentences("  \n "), Vec::<&str>::new());
        assert_eq!(sentences("Hi. \x1c"), ["Hi."]);
    }
}
