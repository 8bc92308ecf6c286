//! stemline's native core: NLTK's `wordpunct_tokenize`, Treebank word tokenizer
//! and stemmers, composed exactly as stemline's reference composes them,
//! with a cache of finished output per distinct run.
//!
//! Nothing here knows about Python. The parts that must follow the running
//! Python's Unicode semantics (character classes, `str.lower()`) come in
//! through [`classes::CharClasses`] and [`lowercase::Lowercase`].
//!
//! * [`wordpunct`]: the text as runs of word characters and of punctuation;
//! * [`treebank`]: the Treebank rules on one run in its position;
//! * [`stem`]: the stemmers (Porter in NLTK's three modes, Snowball English,
//!   Lancaster);
//! * [`lowercase`]: `str.lower()`, ASCII here and the rest from Python;
//! * [`lemma`]: NLTK's WordNet lemmatizer (`_morphy` and its data);
//! * [`cache`]: the bounded per-run cache;
//! * [`normalizer`]: the pipeline, one document or a batch;
//! * [`parallel`]: the ordered parallel runner of every batch (and of
//!   `stemline-io`'s corpus job);
//! * [`punkt`]: NLTK's Punkt sentence tokenizer;
//! * [`nltk_word`]: NLTK's `NLTKWordTokenizer` (the tokenizer of `word_tokenize`);
//! * [`word_tokenize`]: `nltk.word_tokenize`, Punkt's sentences then
//!   `NLTKWordTokenizer` on each (the normalizer's other tokenizer).

pub mod cache;
pub mod classes;
pub mod codepoints;
pub mod filter;
pub mod lemma;
pub mod lowercase;
pub mod nltk_word;
pub mod normalizer;
pub mod parallel;
pub mod pool;
pub mod punkt;
mod short_copy;
pub mod sources;
mod space_masks;
pub mod stem;
#[cfg(test)]
mod test_rng;
pub mod tokens;
pub mod treebank;
pub mod vocab;
pub mod word_tokenize;
pub mod wordpunct;

pub use cache::{TokenCache, DEFAULT_CACHE_BYTES};
pub use classes::{CharClasses, ClassRanges};
pub use lemma::{Pos, WordNet, WordNetLemmatizer};
pub use lowercase::{Lowercase, RustLowercase};
pub use normalizer::Normalizer;
pub use parallel::{resolve_workers, MAX_WORKERS};
pub use stem::porter;
pub use stem::{
    LancasterStemmer, Language, Mode, PorterStemmer, SnowballStemmer, Stemmer, Stemming,
};
