//! stemline's native core: NLTK's `wordpunct_tokenize`, Treebank word tokenizer
//! and stemmers, composed exactly as stemline's reference composes them,
//! with a cache of finished output per distinct run.
//!
//! Nothing here knows about Python. The parts that must follow the running
//! Python's Unicode semantics (character classes, `str.lower()`) come in
//! through [`classes::CharClasses`] and [`normalizer::Lowercase`].
//!
//! * [`wordpunct`]: the text as runs of word characters and of punctuation;
//! * [`treebank`]: the Treebank rules on one run in its position;
//! * [`stem`]: the stemmers (Porter in NLTK's three modes, Snowball English,
//!   Lancaster);
//! * [`cache`]: the bounded per-run cache;
//! * [`normalizer`]: the pipeline, one document or a batch on many threads;
//! * [`nltk_word`]: NLTK's `NLTKWordTokenizer` (the tokenizer of `word_tokenize`).

pub mod cache;
pub mod classes;
pub mod codepoints;
pub mod filter;
pub mod nltk_word;
pub mod normalizer;
mod short_copy;
pub mod sources;
pub mod stem;
#[cfg(test)]
mod test_rng;
pub mod tokens;
pub mod treebank;
pub mod vocab;
pub mod wordpunct;

pub use cache::{TokenCache, DEFAULT_CACHE_BYTES};
pub use classes::{CharClasses, ClassRanges};
pub use normalizer::{Lowercase, Normalizer, RustLowercase, Stemming};
pub use stem::porter;
pub use stem::{LancasterStemmer, Mode, PorterStemmer, SnowballStemmer, Stemmer};
