//! `NLTKWordTokenizer.span_tokenize`: the tokens of `tokenize`, with the
//! quotes it rewrote given back, aligned with the text by NLTK's
//! `align_tokens` (nltk/tokenize/util.py).
//!
//! NLTK's code, step by step:
//!
//! ```python
//! raw_tokens = self.tokenize(text)
//! if ('"' in text) or ("''" in text):
//!     matched = [m.group() for m in redos.finditer(r"``|'{2}|\"", text)]
//!     mit = iter(matched)
//!     tokens = [next(mit) if tok in ['"', "``", "''"] else tok for tok in raw_tokens]
//! else:
//!     tokens = raw_tokens
//! yield from align_tokens(tokens, text)   # each: text.index(token, point)
//! ```
//!
//! Where it raises, this does too ([`SpanError`]): `next(mit)` past the last
//! quote (a `StopIteration` inside a generator, which Python turns into
//! `RuntimeError`), before any alignment; or a token `text.index` does not
//! find after the previous one (`ValueError`).

use memchr::memchr;

use super::WordTokens;
use crate::codepoints;

/// Where NLTK's `span_tokenize` raises.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpanError {
    /// More quote tokens than quotes in the text: NLTK's `next(mit)` on an
    /// exhausted iterator, which surfaces as
    /// `RuntimeError("generator raised StopIteration")`.
    QuotesExhausted,
    /// This token (generalized UTF-8) is not in the text after the previous
    /// one: `ValueError(f'substring "{token}" not found in "{text}"')`.
    NotFound(Vec<u8>),
}

/// The matches of `` ``|'{2}|" `` in `text`, left to right (alternatives in
/// that order at each position, as the engine tries them).
struct Quotes<'a> {
    text: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Quotes<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let text = self.text;
        while self.pos < text.len() {
            let i = self.pos;
            // All three are ASCII: a byte scan finds them at character starts.
            let len = match text[i] {
                b'`' if text.get(i + 1) == Some(&b'`') => 2,
                b'\'' if text.get(i + 1) == Some(&b'\'') => 2,
                b'"' => 1,
                _ => 0,
            };
            if len > 0 {
                self.pos = i + len;
                return Some(&text[i..i + len]);
            }
            self.pos += 1;
        }
        None
    }
}

fn is_quote_token(token: &[u8]) -> bool {
    matches!(token, b"\"" | b"``" | b"''")
}

/// `text.index(token, from)` in bytes: the first occurrence at or after
/// `from`. Tokens are the text's own characters, so the next one is
/// almost always right after the whitespace that follows the last.
fn find(text: &[u8], token: &[u8], from: usize) -> Option<usize> {
    let first = *token.first()?;
    let mut at = from;
    while at + token.len() <= text.len() {
        at += memchr(first, &text[at..])?;
        if text[at..].starts_with(token) {
            return Some(at);
        }
        at += 1;
    }
    None
}

/// Whether NLTK gives the quotes back: `('"' in text) or ("''" in text)`.
fn restores_quotes(text: &[u8]) -> bool {
    memchr(b'"', text).is_some() || memchr::memmem::find(text, b"''").is_some()
}

/// `align_tokens` one token at a time, the quotes given back as they come.
pub struct Aligner<'a> {
    text: &'a [u8],
    restore: bool,
    quotes: Quotes<'a>,
    point: usize,
    cp_point: usize,
}

impl<'a> Aligner<'a> {
    /// An aligner for the tokens of `text`, given `quote_tokens`, how many of
    /// them are quote tokens (`"`, ``` `` ```, `''`): NLTK gives every quote
    /// back before it aligns a token, so too few quotes is its error
    /// whatever follows.
    pub fn new(text: &'a [u8], quote_tokens: usize) -> Result<Self, SpanError> {
        let restore = restores_quotes(text);
        if restore && (Quotes { text, pos: 0 }).take(quote_tokens).count() < quote_tokens {
            return Err(SpanError::QuotesExhausted);
        }
        Ok(Aligner {
            text,
            restore,
            quotes: Quotes { text, pos: 0 },
            point: 0,
            cp_point: 0,
        })
    }

    /// The code point offsets of the next token.
    pub fn align(&mut self, raw: &[u8]) -> Result<(usize, usize), SpanError> {
        let token = if self.restore && is_quote_token(raw) {
            self.quotes.next().ok_or(SpanError::QuotesExhausted)?
        } else {
            raw
        };
        let text = self.text;
        let start =
            find(text, token, self.point).ok_or_else(|| SpanError::NotFound(token.to_vec()))?;
        let cp_start = self.cp_point + codepoints::count(&text[self.point..start]);
        let cp_end = cp_start + codepoints::count(token);
        self.point = start + token.len();
        self.cp_point = cp_end;
        Ok((cp_start, cp_end))
    }
}

/// How many of `tokens` are quote tokens, for [`Aligner::new`].
pub fn quote_tokens<'t>(tokens: impl IntoIterator<Item = &'t [u8]>) -> usize {
    tokens.into_iter().filter(|t| is_quote_token(t)).count()
}

/// The code point offsets `(start, end)` of each token of `tokens` (the
/// tokens of `text`), as NLTK's `span_tokenize`.
pub fn spans(tokens: &WordTokens, text: &[u8]) -> Result<Vec<(usize, usize)>, SpanError> {
    let mut aligner = Aligner::new(text, quote_tokens(tokens.iter()))?;
    tokens.iter().map(|t| aligner.align(t)).collect()
}
