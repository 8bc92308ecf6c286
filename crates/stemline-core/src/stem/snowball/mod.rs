//! NLTK's Snowball stemmers (`nltk.stem.snowball`), one module per language.

pub mod english;

pub use english::SnowballStemmer;
