//! NLTK 3.10.4's Snowball stemmers (`nltk.stem.snowball`): every language of
//! `SnowballStemmer.languages`, one module each, behind [`SnowballStemmer`].
//!
//! Each module follows its NLTK class's `stem` line by line, with its rule
//! tables and step names, and returns what NLTK returns, including where NLTK
//! departs from the Snowball project's algorithms. English is written for
//! speed (it is also a stemmer of the normalizer); the other languages keep
//! NLTK's word and region strings as strings ([`pystr`]), since NLTK edits
//! them apart from one another.
//!
//! What every language shares is here: the names ([`Language`]), the stop
//! word test, and which languages lower-case first. Most of NLTK's stemmers
//! begin with `word = word.lower()` and then return a stop word as it is; the
//! caller computes the lowering (it must be Python's `str.lower()`), and
//! [`SnowballStemmer::stem`] tests the stop words. Arabic and Russian do
//! neither first: they take the token as it is.

// NLTK's branches are kept as NLTK writes them, so that each module can be
// read beside its class: two branches that do the same, or an `if` in an `if`.
#![allow(
    clippy::if_same_then_else,
    clippy::collapsible_if,
    clippy::collapsible_else_if
)]

pub mod arabic;
pub mod danish;
pub mod dutch;
pub mod english;
pub mod finnish;
pub mod french;
pub mod german;
pub mod hungarian;
pub mod italian;
pub mod norwegian;
pub mod portuguese;
pub mod pystr;
mod regions;
pub mod romanian;
pub mod russian;
pub mod spanish;
pub mod swedish;

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};

pub use pystr::{IndexError, Stemmed};

use super::letter::Letter;
use super::porter::{Mode, PorterStemmer};
use super::Word;

/// A language of NLTK's `SnowballStemmer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Hungarian,
    Italian,
    Norwegian,
    /// NLTK's `SnowballStemmer("porter")`: its `PorterStemmer` (NLTK's
    /// extensions), which has no stop word list and never consults one.
    Porter,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
}

impl Language {
    /// `SnowballStemmer.languages`, in NLTK's order: the only list of the
    /// names, from which the binding and the Python API take theirs.
    pub const ALL: [Language; 16] = [
        Language::Arabic,
        Language::Danish,
        Language::Dutch,
        Language::English,
        Language::Finnish,
        Language::French,
        Language::German,
        Language::Hungarian,
        Language::Italian,
        Language::Norwegian,
        Language::Porter,
        Language::Portuguese,
        Language::Romanian,
        Language::Russian,
        Language::Spanish,
        Language::Swedish,
    ];

    /// NLTK's name of the language (`SnowballStemmer(name)`), which is also
    /// the name of its stop word list.
    pub fn name(self) -> &'static str {
        match self {
            Language::Arabic => "arabic",
            Language::Danish => "danish",
            Language::Dutch => "dutch",
            Language::English => "english",
            Language::Finnish => "finnish",
            Language::French => "french",
            Language::German => "german",
            Language::Hungarian => "hungarian",
            Language::Italian => "italian",
            Language::Norwegian => "norwegian",
            Language::Porter => "porter",
            Language::Portuguese => "portuguese",
            Language::Romanian => "romanian",
            Language::Russian => "russian",
            Language::Spanish => "spanish",
            Language::Swedish => "swedish",
        }
    }

    pub fn from_name(name: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.name() == name)
    }

    /// Whether NLTK's `stem` starts with `word.lower()`: all but Arabic and
    /// Russian, which stem the token as it is.
    pub fn lowercases(self) -> bool {
        !matches!(self, Language::Arabic | Language::Russian)
    }

    /// Whether NLTK's stemmer has a stop word list (`ignore_stopwords=True`
    /// raises `ValueError` for "porter") and consults it.
    pub fn has_stopwords(self) -> bool {
        self != Language::Porter
    }
}

/// The words a stemmer returns unstemmed (NLTK's `self.stopwords`): a set of
/// words here, or the Python set of the binding, which the user may change.
pub trait StopWords {
    fn contains(&self, word: &[u32]) -> bool;
}

impl StopWords for HashSet<Word> {
    fn contains(&self, word: &[u32]) -> bool {
        !self.is_empty() && HashSet::contains(self, word)
    }
}

/// NLTK's `SnowballStemmer(language, ignore_stopwords)`: any language, with
/// the stop words it leaves unstemmed (its list when `ignore_stopwords=True`,
/// or none). Cheap to build: the rule tables are constants.
#[derive(Debug)]
pub struct SnowballStemmer {
    language: Language,
    stopwords: HashSet<Word>,
    /// NLTK's `ArabicStemmer.suffixes_verb_step1_success`, which one word sets
    /// and no later one resets (see [`arabic`]).
    arabic_verb_step1_success: AtomicBool,
}

impl Clone for SnowballStemmer {
    fn clone(&self) -> Self {
        SnowballStemmer {
            language: self.language,
            stopwords: self.stopwords.clone(),
            arabic_verb_step1_success: AtomicBool::new(self.arabic_verb_step1_success()),
        }
    }
}

/// NLTK's `SnowballStemmer("english")`.
impl Default for SnowballStemmer {
    fn default() -> Self {
        SnowballStemmer::new(Language::English, [])
    }
}

impl SnowballStemmer {
    /// A stemmer of `language` that leaves `stopwords` unstemmed (each as the
    /// language compares it: lower-cased, or as it is for Arabic and Russian).
    pub fn new(language: Language, stopwords: impl IntoIterator<Item = Word>) -> Self {
        SnowballStemmer {
            language,
            stopwords: stopwords.into_iter().collect(),
            arabic_verb_step1_success: AtomicBool::new(false),
        }
    }

    /// An English stemmer that leaves `stopwords` unstemmed.
    pub fn with_stopwords(stopwords: impl IntoIterator<Item = Word>) -> Self {
        SnowballStemmer::new(Language::English, stopwords)
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn stopwords(&self) -> &HashSet<Word> {
        &self.stopwords
    }

    /// Whether an Arabic word of this stemmer has taken a suffix in verb step
    /// 1 (NLTK's sticky attribute; see [`arabic`]).
    pub fn arabic_verb_step1_success(&self) -> bool {
        self.arabic_verb_step1_success.load(Ordering::Relaxed)
    }

    /// Sets NLTK's sticky Arabic attribute, as a copy of an NLTK instance has it.
    pub fn set_arabic_verb_step1_success(&self, success: bool) {
        self.arabic_verb_step1_success
            .store(success, Ordering::Relaxed);
    }

    /// Stems `token` exactly as NLTK's `SnowballStemmer(language).stem(token)`
    /// does, given `lowered`, Python's `token.lower()` (not used by Arabic and
    /// Russian). `Err` where NLTK raises `IndexError` (no word is known to).
    pub fn stem(&self, token: &[u32], lowered: Word) -> Stemmed {
        self.stem_with(token, lowered, &self.stopwords)
    }

    /// [`Self::stem`] with other stop words than the stemmer's own (the
    /// binding's Python set).
    pub fn stem_with(&self, token: &[u32], lowered: Word, stopwords: &dyn StopWords) -> Stemmed {
        match self.language {
            Language::Arabic => {
                let mut sticky = self.arabic_verb_step1_success();
                let stem = arabic::stem(token, stopwords, &mut sticky);
                if sticky {
                    self.set_arabic_verb_step1_success(true);
                }
                stem
            }
            Language::Russian => {
                if stopwords.contains(token) {
                    return Ok(token.to_vec());
                }
                russian::stem(token, lowered)
            }
            // NLTK's PorterStemmer.stem: the stop words are not consulted.
            Language::Porter => Ok(PorterStemmer::new(Mode::NltkExtensions).stem(token, lowered)),
            _ => {
                let mut word = lowered;
                self.stem_lowered(&mut word, stopwords)?;
                Ok(word)
            }
        }
    }

    /// The rest of NLTK's `stem` after its `word = word.lower()`, on `word`
    /// in place: the stop word test, then the language's steps. For Arabic,
    /// Russian and Porter, which read the token itself, `word` is taken as
    /// the token too ([`Self::stem_with`] tells them apart).
    ///
    /// The binding stems each call's word here, in a buffer it keeps.
    pub fn stem_lowered(
        &self,
        word: &mut Word,
        stopwords: &dyn StopWords,
    ) -> Result<(), IndexError> {
        match self.language {
            Language::Arabic | Language::Russian | Language::Porter => {
                let token = word.clone();
                *word = self.stem_with(&token, std::mem::take(word), stopwords)?;
                Ok(())
            }
            _ if stopwords.contains(word) => Ok(()),
            Language::Danish => danish::stem(word),
            Language::Dutch => dutch::stem(word),
            Language::English => {
                english::stem_in_place(word);
                Ok(())
            }
            Language::Finnish => finnish::stem(word),
            Language::French => french::stem(word),
            Language::German => german::stem(word),
            Language::Hungarian => returned(word, hungarian::stem),
            Language::Italian => italian::stem(word),
            Language::Norwegian => norwegian::stem(word),
            Language::Portuguese => returned(word, portuguese::stem),
            Language::Romanian => romanian::stem(word),
            Language::Spanish => spanish::stem(word),
            Language::Swedish => swedish::stem(word),
        }
    }

    /// Stems a lower-cased word in place, on code points or, for English, on
    /// the bytes of an ASCII word (the normalizer's fast path).
    ///
    /// The word stands for both the token and its lowering, which is right
    /// for every language but Arabic and Russian (which stem the token as it
    /// is) when the token is lower-case. A byte word must be made of ASCII
    /// letters, digits and `_`, whose stems are ASCII in every language.
    pub fn stem_in_place<L: Letter>(&self, word: &mut Vec<L>) {
        if !self.stopwords.is_empty() {
            let codes: Word = word.iter().map(|c| c.code()).collect();
            if self.stopwords.contains(&codes) {
                return;
            }
        }
        // Err (NLTK's IndexError, which no word is known to raise) leaves an
        // empty word, as `Stemmer::stem` does on code points.
        let stemmed = if self.stems_in_letters() {
            self.stem_letters(word)
        } else {
            let mut stem: Word = word.iter().map(|c| c.code()).collect();
            let stemmed = self.stem_lowered(&mut stem, &self.stopwords);
            word.clear();
            if stemmed.is_ok() {
                debug_assert!(
                    std::mem::size_of::<L>() > 1 || stem.iter().all(|&c| c < 0x80),
                    "a byte word's stem is ASCII"
                );
                word.extend(stem.into_iter().map(|c| L::from_code(c)));
            }
            return;
        };
        if stemmed.is_err() {
            word.clear();
        }
    }

    /// Whether this language's steps are written over [`Letter`]
    /// ([`Self::stem_letters`]). Each of these writes ASCII letters only, so
    /// that the stem of any ASCII word, whatever its characters, is ASCII:
    /// such a word may be stemmed in its bytes.
    pub fn stems_in_letters(&self) -> bool {
        matches!(
            self.language,
            Language::English
                | Language::Danish
                | Language::Dutch
                | Language::Finnish
                | Language::French
                | Language::German
                | Language::Italian
                | Language::Norwegian
                | Language::Romanian
                | Language::Spanish
                | Language::Swedish
        )
    }

    /// The language's steps alone (NLTK's `stem` after its `word.lower()` and
    /// stop word test), on `word` in place, for a language of
    /// [`Self::stems_in_letters`]; any other leaves `word` as it is.
    #[inline]
    pub fn stem_letters<L: Letter>(&self, word: &mut Vec<L>) -> Result<(), IndexError> {
        match self.language {
            Language::English => {
                english::stem_in_place(word);
                Ok(())
            }
            Language::Danish => danish::stem(word),
            Language::Dutch => dutch::stem(word),
            Language::Finnish => finnish::stem(word),
            Language::French => french::stem(word),
            Language::German => german::stem(word),
            Language::Italian => italian::stem(word),
            Language::Norwegian => norwegian::stem(word),
            Language::Romanian => romanian::stem(word),
            Language::Spanish => spanish::stem(word),
            Language::Swedish => swedish::stem(word),
            _ => Ok(()),
        }
    }
}

/// `word = stem(word)`, for a language whose module returns a new word.
#[inline]
fn returned(word: &mut Word, stem: fn(Word) -> Stemmed) -> Result<(), IndexError> {
    *word = stem(std::mem::take(word))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(language: Language, word: &str) -> String {
        let token: Word = word.chars().map(u32::from).collect();
        let lowered: Word = word.to_lowercase().chars().map(u32::from).collect();
        let stem = SnowballStemmer::new(language, [])
            .stem(&token, lowered)
            .expect("no IndexError");
        stem.into_iter().filter_map(char::from_u32).collect()
    }

    #[test]
    fn names_round_trip() {
        for l in Language::ALL {
            assert_eq!(Language::from_name(l.name()), Some(l));
        }
        assert!(Language::ALL.windows(2).all(|p| p[0].name() < p[1].name()));
        assert_eq!(Language::from_name("German"), None);
    }

    /// NLTK's docstring examples, and a word of each language.
    #[test]
    fn examples() {
        for (language, word, expected) in [
            (Language::German, "Autobahnen", "autobahn"),
            (Language::English, "Generously", "generous"),
            (Language::Porter, "Generously", "gener"),
            (Language::Dutch, "lichamelijkheden", "licham"),
            (Language::French, "continuellement", "continuel"),
            (Language::Spanish, "chicharrones", "chicharron"),
            (
                Language::Russian,
                "\u{43a}\u{43d}\u{438}\u{433}\u{430}\u{43c}\u{438}",
                "\u{43a}\u{43d}\u{438}\u{433}",
            ),
            (Language::Russian, "Ab", "Ab"),
        ] {
            assert_eq!(stem(language, word), expected, "{language:?} {word}");
        }
    }

    #[test]
    fn stop_words_stay_as_the_language_compares_them() {
        let having: Word = "having".chars().map(u32::from).collect();
        let s = SnowballStemmer::with_stopwords([having.clone()]);
        assert_eq!(s.stem(&having, having.clone()), Ok(having.clone()));
        assert_ne!(
            SnowballStemmer::default().stem(&having, having.clone()),
            Ok(having.clone())
        );
        // Porter has no list: NLTK's PorterStemmer never consults one.
        let porter = SnowballStemmer::new(Language::Porter, [having.clone()]);
        assert_ne!(porter.stem(&having, having.clone()), Ok(having));
    }
}

#[cfg(test)]
mod timing {
    use super::*;

    #[test]
    #[ignore]
    fn time_languages() {
        let only = std::env::var("SNOWBALL_LANGUAGE").ok();
        for lang in Language::ALL {
            if only.as_deref().is_some_and(|name| name != lang.name()) {
                continue;
            }
            let folder = match lang {
                Language::Arabic => continue,
                Language::English => "porter2".to_string(),
                Language::Porter => "porter".to_string(),
                l => format!("snowball/{}", l.name()),
            };
            let path = format!(
                "{}/../../tests/data/{folder}/voc.txt",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(path).unwrap();
            let words: Vec<Word> = text
                .lines()
                .map(|w| w.chars().map(u32::from).collect())
                .collect();
            let s = SnowballStemmer::new(lang, []);
            let mut n = 0;
            let mut ns = f64::INFINITY;
            for _ in 0..5 {
                let t = std::time::Instant::now();
                for w in &words {
                    n += s.stem(w, w.clone()).unwrap().len();
                }
                ns = ns.min(t.elapsed().as_nanos() as f64 / words.len() as f64);
            }
            println!("{:12} {ns:8.1} ns/word ({n})", lang.name());
        }
    }
}
