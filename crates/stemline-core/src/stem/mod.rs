//! NLTK's stemmers, one module each, behind one name list.
//!
//! * [`porter`]: `nltk.stem.porter.PorterStemmer` in its three modes;
//! * [`snowball`]: `nltk.stem.snowball.SnowballStemmer` in each of its
//!   languages (English is "Porter2");
//! * [`lancaster`]: `nltk.stem.lancaster.LancasterStemmer` (Paice/Husk).
//!
//! Every stemmer takes the token and its `str.lower()` (computed by the
//! caller, since it must be Python's), and works on code points. [`Stemming`]
//! names the stemmers a normalizer offers; its names are the only list of
//! them, and the binding, the Python API and the command line derive theirs
//! from [`Stemming::ALL`].

pub mod lancaster;
pub mod letter;
pub mod porter;
pub mod snowball;

use crate::classes::CharClasses;
pub use lancaster::LancasterStemmer;
pub use porter::{Mode, PorterStemmer};
pub use snowball::{Language, SnowballStemmer};

/// A word as code points.
pub type Word = Vec<u32>;

/// The bytes of `bytes` as a table: a letter's class is one read where a
/// chain of compares cost several instructions in the stemmers' loops.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut set = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        set[bytes[i] as usize] = true;
        i += 1;
    }
    set
}

/// Whether the letter `c` is in `set` (a code point past 255 never is; a
/// byte letter is below 256, so the bound is known for byte words).
#[inline(always)]
fn in_set(set: &[bool; 256], c: u32) -> bool {
    c < 256 && set[c as usize]
}

/// What happens to each token after tokenization.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemming {
    Porter(Mode),
    /// NLTK's `SnowballStemmer("english")`.
    Snowball,
    /// NLTK's `LancasterStemmer()` with its default rules.
    Lancaster,
    /// Only `str.lower()`.
    LowercaseOnly,
}

impl Stemming {
    /// Every stemming a normalizer offers, the default first.
    pub const ALL: [Stemming; 6] = [
        Stemming::Porter(Mode::NltkExtensions),
        Stemming::Porter(Mode::MartinExtensions),
        Stemming::Porter(Mode::OriginalAlgorithm),
        Stemming::Snowball,
        Stemming::Lancaster,
        Stemming::LowercaseOnly,
    ];

    /// The user-facing name (`Normalizer(stemmer=...)`, `--stemmer`).
    pub fn name(self) -> &'static str {
        match self {
            Stemming::Porter(Mode::NltkExtensions) => "nltk",
            Stemming::Porter(Mode::MartinExtensions) => "martin",
            Stemming::Porter(Mode::OriginalAlgorithm) => "original",
            Stemming::Snowball => "snowball",
            Stemming::Lancaster => "lancaster",
            Stemming::LowercaseOnly => "none",
        }
    }

    pub fn from_name(name: &str) -> Option<Stemming> {
        Stemming::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A stemmer of the family, ready to stem.
#[derive(Debug, Clone)]
pub enum Stemmer {
    Porter(PorterStemmer),
    Snowball(SnowballStemmer),
    /// Boxed: its rule table is the largest of the family.
    Lancaster(Box<LancasterStemmer>),
    LowercaseOnly,
}

impl Stemmer {
    /// The stemmer a [`Stemming`] stands for, with NLTK's default settings.
    pub fn new(stemming: Stemming) -> Self {
        match stemming {
            Stemming::Porter(mode) => Stemmer::Porter(PorterStemmer::new(mode)),
            Stemming::Snowball => Stemmer::Snowball(SnowballStemmer::default()),
            Stemming::Lancaster => Stemmer::Lancaster(Box::default()),
            Stemming::LowercaseOnly => Stemmer::LowercaseOnly,
        }
    }

    /// Stems `token`, given `lowered`, its `str.lower()`. `classes` supplies
    /// Python's `str.isalpha()`, which Lancaster's last-letter scan uses.
    #[inline]
    pub fn stem(&self, token: &[u32], lowered: Word, classes: &CharClasses) -> Word {
        match self {
            Stemmer::Porter(s) => s.stem(token, lowered),
            // Err is NLTK's IndexError, which no word is known to raise (and
            // English, the normalizer's language, cannot).
            Stemmer::Snowball(s) => s.stem(token, lowered).unwrap_or_default(),
            Stemmer::Lancaster(s) => s.stem(lowered, classes),
            Stemmer::LowercaseOnly => lowered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in Stemming::ALL {
            assert_eq!(Stemming::from_name(s.name()), Some(s));
        }
        assert_eq!(Stemming::from_name("english"), None);
    }
}
