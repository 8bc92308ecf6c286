//! NLTK's stemmers, one module each, behind one name list.
//!
//! * [`porter`]: `nltk.stem.porter.PorterStemmer` in its three modes;
//! * [`snowball`]: `nltk.stem.snowball.SnowballStemmer` in each of its
//!   languages (English is "Porter2");
//! * [`lancaster`]: `nltk.stem.lancaster.LancasterStemmer` (Paice/Husk);
//! * and, as one more token step, NLTK's WordNet lemmatizer ([`crate::lemma`]).
//!
//! Every stemmer takes the token and its `str.lower()` (computed by the
//! caller, since it must be Python's), and works on code points. [`Stemming`]
//! names the stemmers a normalizer offers; its names are the only list of
//! them, and the binding, the Python API and the command line derive theirs
//! from [`Stemming::ALL`].
//!
//! [`Stemmer`] is a stemmer ready to stem, and everything the pipeline asks
//! of one is a method of it (the stem, the byte path for ASCII words, whether
//! a long word stems to itself), so the pipeline never names a stemmer: a new
//! stemmer is its module here plus its arm in `Stemming` and in each of
//! `Stemmer`'s methods.

pub mod lancaster;
pub mod letter;
pub mod porter;
pub mod snowball;

use crate::classes::CharClasses;
use crate::lemma::{morphy, WordNetLemmatizer};
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
    /// NLTK's `SnowballStemmer(language)`: English with NLTK's defaults
    /// ([`Stemmer::new`]); another language is a [`Stemmer::Snowball`] of
    /// that language's stemmer.
    Snowball,
    /// NLTK's `LancasterStemmer()` with its default rules.
    Lancaster,
    /// NLTK's `WordNetLemmatizer().lemmatize(token, pos)` of the lower-cased
    /// token: a lemma instead of a stem.
    WordNet,
    /// Only `str.lower()`.
    LowercaseOnly,
}

impl Stemming {
    /// Every stemming a normalizer offers, the default first.
    pub const ALL: [Stemming; 7] = [
        Stemming::Porter(Mode::NltkExtensions),
        Stemming::Porter(Mode::MartinExtensions),
        Stemming::Porter(Mode::OriginalAlgorithm),
        Stemming::Snowball,
        Stemming::Lancaster,
        Stemming::WordNet,
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
            Stemming::WordNet => "wordnet",
            Stemming::LowercaseOnly => "none",
        }
    }

    pub fn from_name(name: &str) -> Option<Stemming> {
        Stemming::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// U+0027 and the typographic apostrophes Snowball maps to it: a word with
/// one is never taken to stem to itself (see [`Stemmer::stems_to_itself`]).
pub const APOSTROPHES: [u32; 4] = [0x27, 0x2018, 0x2019, 0x201B];

/// A stemmer of the family, ready to stem.
#[derive(Debug, Clone)]
pub enum Stemmer {
    Porter(PorterStemmer),
    Snowball(SnowballStemmer),
    /// Boxed: its rule table is the largest of the family.
    Lancaster(Box<LancasterStemmer>),
    WordNet(WordNetLemmatizer),
    LowercaseOnly,
}

impl Stemmer {
    /// The stemmer a [`Stemming`] stands for, with NLTK's default settings;
    /// `None` for one that needs data its caller loads ([`Stemming::WordNet`]:
    /// make a [`Stemmer::WordNet`] of the lemmatizer).
    pub fn new(stemming: Stemming) -> Option<Self> {
        Some(match stemming {
            Stemming::Porter(mode) => Stemmer::Porter(PorterStemmer::new(mode)),
            Stemming::Snowball => Stemmer::Snowball(SnowballStemmer::default()),
            Stemming::Lancaster => Stemmer::Lancaster(Box::default()),
            Stemming::WordNet => return None,
            Stemming::LowercaseOnly => Stemmer::LowercaseOnly,
        })
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
            Stemmer::WordNet(l) => l.lemmatize_word(lowered),
            Stemmer::LowercaseOnly => lowered,
        }
    }

    /// [`Self::stem`] for an ASCII word, on its bytes and in place: `word`
    /// holds the word lower-cased (as many bytes as the word has). The
    /// pipeline's path for ASCII word runs, with no code points at all.
    /// False, leaving `word` as it was, for a stemmer that must see the
    /// token as written (the pipeline then takes the code-point path).
    #[inline]
    pub fn stem_ascii_in_place(&self, word: &mut Vec<u8>) -> bool {
        debug_assert!(word.is_ascii());
        match self {
            Stemmer::Porter(s) => s.stem_in_place(word.len(), word),
            // Arabic and Russian stem the token as it is, not lower-cased.
            Stemmer::Snowball(s) if !s.language().lowercases() => return false,
            Stemmer::Snowball(s) => s.stem_in_place(word),
            Stemmer::Lancaster(s) => s.stem_ascii_in_place(word),
            Stemmer::WordNet(l) => l.lemmatize_in_place(word),
            Stemmer::LowercaseOnly => {}
        }
        true
    }

    /// The longest lower-cased word, in characters, that this stemmer may
    /// treat by its length alone: [`Self::stems_to_itself`] speaks of longer
    /// words only.
    pub fn longest_special_word(&self) -> usize {
        match self {
            // Their rules read the letters, whatever the word's length.
            Stemmer::Porter(_) | Stemmer::Snowball(_) | Stemmer::LowercaseOnly => 0,
            Stemmer::Lancaster(_) => lancaster::MAX_WORD_LEN,
            // No rule shortens a word by more than this, so a longer word
            // has no candidate as short as WordNet's longest entry.
            Stemmer::WordNet(l) => l.wordnet().longest() + morphy::LONGEST_CUT,
        }
    }

    /// Whether this stemmer returns as it is every lower-cased word of more
    /// than [`Self::longest_special_word`] characters that ends with `last`
    /// and holds none of [`APOSTROPHES`]. False is always safe; true lets the
    /// pipeline lower-case a token of hundreds of megabytes a piece at a
    /// time, never holding it whole.
    pub fn stems_to_itself(&self, last: u32) -> bool {
        let letter = (u32::from(b'a')..=u32::from(b'z')).contains(&last);
        match self {
            // In every mode, every rule removes or replaces a suffix that
            // ends with an ASCII letter, and every irregular form is a word
            // of ASCII letters.
            Stemmer::Porter(_) => !letter,
            // English: the same, with suffixes that end with a letter or an
            // apostrophe; its special words and stop words end with letters,
            // and its apostrophe mapping has nothing to map. The other
            // languages are not said to (false is safe).
            Stemmer::Snowball(s) => {
                s.language() == Language::English && !letter && last != u32::from(b'\'')
            }
            // NLTK returns a word of more than `MAX_WORD_LEN` characters as it
            // is, unless it strips a prefix first.
            Stemmer::Lancaster(s) => !s.strip_prefix(),
            // Longer than every entry and every rule's candidate (see
            // `longest_special_word`): never in WordNet, returned as it is.
            Stemmer::WordNet(_) => true,
            Stemmer::LowercaseOnly => true,
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
