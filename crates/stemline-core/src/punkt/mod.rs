//! NLTK's Punkt sentence tokenizer (Kiss & Strunk, "Unsupervised Multilingual
//! Sentence Boundary Detection", Computational Linguistics 32(4), 2006), as
//! `nltk.tokenize.punkt` 3.10.4 runs it with the parameters of NLTK's
//! `punkt_tab` models: `PunktTokenizer(language).span_tokenize(text)`, with
//! its default `realign_boundaries=True`, exactly, on any text.
//!
//! * [`params`]: a language's parameters, parsed from its `punkt_tab` files;
//! * [`chars`]: the character classes and `str.lower()` of the running Python;
//! * [`words`]: the word tokenizer Punkt runs on each candidate's context;
//! * [`annotate`]: the token properties and the two annotation passes;
//! * [`spans`]: candidates, their contexts, the sentences' slices and the
//!   realignment of closing punctuation; one text or a batch on many threads.
//!
//! ```
//! use std::sync::Arc;
//! use stemline_core::punkt::{PunktCharRanges, PunktChars, PunktParameters, PunktSentenceTokenizer};
//! # fn tables() -> PunktChars {
//! #     let range = |a: char, b: char| (a as u32, b as u32 + 1);
//! #     PunktChars::new(&PunktCharRanges {
//! #         space: vec![(9, 14), (32, 33)],
//! #         str_space: vec![(9, 14), (0x1C, 0x21)],
//! #         word_not_digit: vec![range('A', 'Z'), range('_', '_'), range('a', 'z')],
//! #         digit: vec![range('0', '9')],
//! #         upper: vec![range('A', 'Z')],
//! #         lower: vec![range('a', 'z')],
//! #         cased: vec![range('A', 'Z'), range('a', 'z')],
//! #         case_ignorable: vec![range('.', '.')],
//! #         lowercase: ('A'..='Z')
//! #             .map(|c| (c as u32, vec![c.to_ascii_lowercase() as u32]))
//! #             .chain([(0x3A3, vec![0x3C3])])
//! #             .collect(),
//! #     })
//! #     .unwrap()
//! # }
//!
//! let params = PunktParameters::from_punkt_tab(b"mr", b"", b"", b"").unwrap();
//! let tokenizer = PunktSentenceTokenizer::new(Arc::new(params), Arc::new(tables()));
//! let text = "Mr. Smith left. He did.";
//! let spans = tokenizer.span_tokenize(text.as_bytes(), true);
//! assert_eq!(spans, [(0, 15), (16, 23)]);
//! ```
//!
//! The character tables ([`PunktChars`]) always come from the running Python
//! (`python/stemline/_unicode.py`); the example above uses ASCII-only ones.
//!
//! For a pipeline: build one [`PunktSentenceTokenizer`] per language (its
//! parameters and tables are behind `Arc`s, so clones are cheap and it is
//! `Send + Sync`); [`PunktSentenceTokenizer::span_tokenize`] costs one pass
//! over the text and allocates its result and a few small buffers;
//! [`Offsets::CodePoints`] gives Python's indices.

mod annotate;
pub mod chars;
pub mod params;
pub mod spans;
mod words;

pub use chars::{PunktCharRanges, PunktChars};
pub use params::PunktParameters;
pub use spans::{Offsets, PunktScratch, PunktSentenceTokenizer, Span};
