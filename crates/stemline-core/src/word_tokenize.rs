//! `nltk.tokenize.word_tokenize(text, language)`: Punkt's sentences, then
//! `NLTKWordTokenizer` on each, composed as NLTK 3.10.4 composes them
//! (nltk/tokenize/__init__.py):
//!
//! ```python
//! def word_tokenize(text, language="english", preserve_line=False):
//!     sentences = [text] if preserve_line else sent_tokenize(text, language)
//!     return [
//!         token for sent in sentences for token in _treebank_word_tokenizer.tokenize(sent)
//!     ]
//! ```
//!
//! `sent_tokenize(text, language)` is `PunktTokenizer(language).tokenize(text)`,
//! the slices `text[start:end]` of `span_tokenize(text)` with its default
//! realignment ([`PunktSentenceTokenizer::for_each_sentence`]), and
//! `_treebank_word_tokenizer` is an `NLTKWordTokenizer()`
//! ([`NltkWordTokenizer`]). With `preserve_line=True` it is that tokenizer on
//! the whole text, which needs nothing of this module.
//!
//! The sentences are handed on as Punkt decides them and each is tokenized
//! at once, so a text of any size is never held as a list of its sentences
//! or of its tokens.
//!
//! NLTK has no `span_tokenize` for `word_tokenize`. The offsets here
//! ([`WordTokenize::for_each_token_span`]) are those NLTK's
//! `NLTKWordTokenizer().span_tokenize(sentence)` gives each token within its
//! sentence, moved by the sentence's start; where that raises, so does this
//! ([`OffsetError`]).

use std::fmt;

use crate::codepoints;
use crate::nltk_word::align::SpanError;
use crate::nltk_word::keyed::Keyed;
use crate::nltk_word::{tokens_streamed, NltkWordTokenizer, WordScratch, WordTokens};
use crate::pool::Pool;
use crate::punkt::{PunktScratch, PunktSentenceTokenizer};

/// `word_tokenize` in one language: that language's Punkt tokenizer and an
/// `NLTKWordTokenizer` over the same character classes.
pub struct WordTokenize {
    sentences: PunktSentenceTokenizer,
    words: NltkWordTokenizer,
    scratches: Pool<WordTokenizeScratch>,
}

/// A worker's state: Punkt's buffers, and the word tokenizer's cache of
/// chunks and buffers. Take one per thread ([`WordTokenize::take_scratch`])
/// and give it back when done.
#[derive(Debug)]
pub struct WordTokenizeScratch {
    sentences: PunktScratch,
    words: WordScratch,
}

impl WordTokenizeScratch {
    /// A scratch whose cache holds at most `cache_bytes`.
    pub fn new(cache_bytes: usize) -> Self {
        WordTokenizeScratch {
            sentences: PunktScratch::default(),
            words: WordScratch::new(cache_bytes),
        }
    }

    /// (entries, estimated bytes) of the cache.
    pub fn cache_stats(&self) -> (usize, usize) {
        self.words.cache_stats()
    }

    /// The bound of the cache, in bytes.
    pub fn cache_limit(&self) -> usize {
        self.words.cache_limit()
    }
}

/// Where NLTK's `NLTKWordTokenizer().span_tokenize(sentence)` raises for one
/// of the text's sentences (see [`WordTokenize::for_each_token_span`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OffsetError {
    /// The sentence, as code point offsets in the text.
    pub sentence: (usize, usize),
    pub error: SpanError,
}

impl fmt::Display for OffsetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (start, end) = self.sentence;
        write!(
            f,
            "no offsets for the tokens of the sentence at text[{start}:{end}]: \
             NLTK's NLTKWordTokenizer().span_tokenize raises on it ("
        )?;
        match &self.error {
            SpanError::QuotesExhausted => {
                write!(f, "it finds more quote tokens than quotes in the sentence)")
            }
            SpanError::NotFound(token) => write!(
                f,
                "the token {:?} is not in the sentence after the previous token)",
                String::from_utf8_lossy(token)
            ),
        }
    }
}

impl std::error::Error for OffsetError {}

impl WordTokenize {
    /// `word_tokenize` with `sentences` (one language's Punkt tokenizer) and
    /// `words`.
    pub fn new(sentences: PunktSentenceTokenizer, words: NltkWordTokenizer) -> Self {
        WordTokenize {
            sentences,
            words,
            scratches: Pool::default(),
        }
    }

    pub fn sentences(&self) -> &PunktSentenceTokenizer {
        &self.sentences
    }

    pub fn words(&self) -> &NltkWordTokenizer {
        &self.words
    }

    /// A new scratch for this tokenizer (its cache bound is the word
    /// tokenizer's).
    pub fn new_scratch(&self) -> WordTokenizeScratch {
        WordTokenizeScratch::new(self.words.cache_bytes())
    }

    /// A scratch from the pool (or a new one); give it back with
    /// [`Self::put_scratch`].
    pub fn take_scratch(&self) -> WordTokenizeScratch {
        self.scratches.take_or(|| self.new_scratch())
    }

    pub fn put_scratch(&self, mut scratch: WordTokenizeScratch) {
        scratch.words.shrink();
        self.scratches.put(scratch);
    }

    /// Empties every pooled cache.
    pub fn clear_caches(&self) {
        self.scratches.clear();
    }

    /// (entries, estimated bytes) of each pooled cache.
    pub fn cache_stats(&self) -> Vec<(usize, usize)> {
        self.scratches
            .idle()
            .iter()
            .map(WordTokenizeScratch::cache_stats)
            .collect()
    }

    /// The tokens of `text` (generalized UTF-8), in order, exactly as
    /// `nltk.word_tokenize(text, language)`, each handed to `emit`.
    #[inline]
    pub fn for_each_token(
        &self,
        text: &[u8],
        scratch: &mut WordTokenizeScratch,
        mut emit: impl FnMut(&[u8]),
    ) {
        let WordTokenizeScratch { sentences, words } = scratch;
        self.sentences
            .for_each_sentence(text, sentences, |(start, end)| {
                self.words
                    .for_each_token(&text[start..end], words, &mut emit)
            });
    }

    /// [`NltkWordTokenizer::for_each_keyed`] on each sentence of `text`: its
    /// stretches under the keys their tokens depend on, for a caller that
    /// keeps what it makes of them (the normalizer).
    #[inline]
    pub fn for_each_keyed(
        &self,
        text: &[u8],
        scratch: &mut WordTokenizeScratch,
        keyed: &mut impl Keyed,
    ) {
        let WordTokenizeScratch { sentences, words } = scratch;
        self.sentences
            .for_each_sentence(text, sentences, |(start, end)| {
                self.words.for_each_keyed(&text[start..end], words, keyed)
            });
    }

    /// The tokens of `text` with their code point offsets in it, each handed
    /// to `emit` in order: NLTK's `NLTKWordTokenizer().span_tokenize` of the
    /// token's sentence, moved by the sentence's start. Where NLTK's raises
    /// for a sentence, this stops with that sentence's [`OffsetError`] and
    /// what was handed on is to be dropped (NLTK yields no offset of a
    /// sentence it raises on).
    pub fn for_each_token_span(
        &self,
        text: &[u8],
        scratch: &mut WordTokenizeScratch,
        mut emit: impl FnMut(&[u8], (usize, usize)),
    ) -> Result<(), OffsetError> {
        let WordTokenizeScratch { sentences, words } = scratch;
        // The code point offset of byte `byte`: sentences come in order.
        let (mut byte, mut cp) = (0, 0);
        let mut result = Ok(());
        self.sentences
            .for_each_sentence(text, sentences, |(start, end)| {
                if result.is_err() {
                    return;
                }
                cp += codepoints::count(&text[byte..start]);
                byte = start;
                let sentence = &text[start..end];
                let spans = self
                    .words
                    .for_each_token_span(sentence, words, |token, (a, b)| {
                        emit(token, (cp + a, cp + b))
                    });
                if let Err(error) = spans {
                    result = Err(OffsetError {
                        sentence: (cp, cp + codepoints::count(sentence)),
                        error,
                    });
                }
            });
        result
    }

    /// [`Self::for_each_token`], appending the tokens to `out`.
    pub fn tokenize_into(
        &self,
        text: &[u8],
        scratch: &mut WordTokenizeScratch,
        out: &mut WordTokens,
    ) {
        self.for_each_token(text, scratch, |t| out.push(t));
    }

    /// One text's tokens, with a pooled scratch.
    pub fn tokenize(&self, text: &[u8]) -> WordTokens {
        let mut scratch = self.take_scratch();
        let mut out = WordTokens::default();
        self.tokenize_into(text, &mut scratch, &mut out);
        self.put_scratch(scratch);
        out
    }

    /// The tokens of `texts` on `workers` threads (0: one per core), handed to
    /// `consume` on the calling thread in input order, a group of texts at a
    /// time, while the workers go on.
    pub fn tokenize_batch_streamed(
        &self,
        texts: &[&[u8]],
        workers: usize,
        consume: impl FnMut(Vec<WordTokens>),
    ) {
        tokens_streamed(
            texts,
            workers,
            || self.take_scratch(),
            |s| self.put_scratch(s),
            |text, scratch, out| self.tokenize_into(text, scratch, out),
            consume,
        );
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! `word_tokenize` over ASCII-only classes, with a few English
    //! abbreviations, for the core's own unit tests.
    use std::sync::Arc;

    use super::*;
    use crate::classes::testing::ascii_classes;
    use crate::punkt::chars::testing::ascii_punkt_chars;
    use crate::punkt::PunktParameters;

    pub(crate) fn word_tokenize(piece_bytes: usize) -> WordTokenize {
        let params = PunktParameters::from_punkt_tab(b"mr\ndr\ne.g", b"", b"", b"").unwrap();
        let sentences =
            PunktSentenceTokenizer::new(Arc::new(params), Arc::new(ascii_punkt_chars()));
        let words = NltkWordTokenizer::new(Arc::new(ascii_classes()), 1 << 20)
            .unwrap()
            .with_piece_bytes(piece_bytes);
        WordTokenize::new(sentences, words)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::word_tokenize;
    use super::*;
    use crate::nltk_word::PIECE_BYTES;

    fn tokens(t: &WordTokenize, text: &str) -> Vec<String> {
        t.tokenize(text.as_bytes())
            .iter()
            .map(|t| String::from_utf8(t.to_vec()).unwrap())
            .collect()
    }

    /// `word_tokenize` by its definition: the sentences' slices, each
    /// tokenized by the word tokenizer on its own.
    fn composed(t: &WordTokenize, text: &str) -> Vec<String> {
        let spans = t.sentences().span_tokenize(text.as_bytes(), true);
        spans
            .into_iter()
            .flat_map(|(s, e)| {
                t.words()
                    .tokenize(&text.as_bytes()[s..e])
                    .iter()
                    .map(|t| String::from_utf8(t.to_vec()).unwrap())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    // The expected tokens are NLTK 3.10.4's `word_tokenize` with these
    // abbreviations.
    #[test]
    fn sentences_then_words() {
        let t = word_tokenize(PIECE_BYTES);
        assert_eq!(
            tokens(&t, "Mr. Smith left. He said \"no.\" Then (he did.) Fine"),
            [
                "Mr.", "Smith", "left", ".", "He", "said", "``", "no", ".", "''", "Then", "(",
                "he", "did", ".", ")", "Fine"
            ]
        );
        assert!(tokens(&t, "").is_empty());
        assert!(tokens(&t, " \n\t ").is_empty());
    }

    #[test]
    fn streamed_sentences_equal_the_composition() {
        for piece_bytes in [1, PIECE_BYTES] {
            let t = word_tokenize(piece_bytes);
            for text in [
                "One. Two! Three? \"Four.\" (Five.) 'Six.' Seven",
                "e.g. this. Dr. Who?! ...and so on... x",
                "Hi.\") -- no. It's 'quoted.' ''Twice.'' ``Back.``",
                "a.b. c. d.\n\ne.  f. g",
                ". . . ? ! .",
            ] {
                assert_eq!(tokens(&t, text), composed(&t, text), "{text:?}");
            }
        }
    }

    #[test]
    fn offsets_are_each_sentences_moved_by_its_start() {
        let t = word_tokenize(PIECE_BYTES);
        let text = "Caf\u{e9} opened. He said \"yes.\"  Then";
        let mut scratch = t.take_scratch();
        let mut got = Vec::new();
        t.for_each_token_span(text.as_bytes(), &mut scratch, |tok, span| {
            got.push((String::from_utf8(tok.to_vec()).unwrap(), span))
        })
        .unwrap();
        let chars: Vec<char> = text.chars().collect();
        let sliced: Vec<String> = got
            .iter()
            .map(|(_, (a, b))| chars[*a..*b].iter().collect())
            .collect();
        assert_eq!(
            sliced,
            [
                "Caf\u{e9}",
                "opened",
                ".",
                "He",
                "said",
                "\"",
                "yes",
                ".",
                "\"",
                "Then"
            ]
        );
        let toks: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(toks, tokens(&t, text));
    }

    #[test]
    fn an_offset_error_names_the_sentence_and_what_nltk_meets() {
        let error = OffsetError {
            sentence: (6, 23),
            error: SpanError::NotFound(b"''".to_vec()),
        };
        assert_eq!(
            error.to_string(),
            "no offsets for the tokens of the sentence at text[6:23]: NLTK's \
             NLTKWordTokenizer().span_tokenize raises on it (the token \"''\" is not in \
             the sentence after the previous token)"
        );
        let error = OffsetError {
            sentence: (0, 1),
            error: SpanError::QuotesExhausted,
        };
        assert!(error
            .to_string()
            .ends_with("more quote tokens than quotes in the sentence)"));
    }
}
