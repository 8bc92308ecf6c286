//! NLTK's WordNet lemmatizer, `nltk.stem.WordNetLemmatizer().lemmatize(word,
//! pos)`, over WordNet 3.0, exactly as NLTK 3.10.4 computes it.
//!
//! * [`data`]: the lemma and exception lists NLTK's `WordNetCorpusReader`
//!   loads (`_load_lemma_pos_offset_map`, `_load_exception_map`), parsed from
//!   the package's compact copy of them;
//! * [`morphy`]: `WordNetCorpusReader._morphy` and the lemmatizer's choice of
//!   the shortest lemma;
//! * [`cache`]: recent results, for callers that ask word by word.
//!
//! The data comes in as bytes (the Python package reads and decompresses its
//! file): nothing here opens a file.

pub mod cache;
pub mod data;
pub mod morphy;

use std::sync::Arc;

pub use cache::LemmaCache;
pub use data::{LemmaId, ParseError, WordNet};
pub use morphy::{substitutions, Lemmatized};

use crate::codepoints;
use crate::stem::Word;

/// A WordNet part of speech, as NLTK names it (`wordnet.NOUN` is `"n"`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pos {
    /// `"n"`, the default of `lemmatize`.
    Noun,
    /// `"v"`.
    Verb,
    /// `"a"`.
    Adj,
    /// `"s"`, the adjective satellite: the same lists and rules as `"a"` (see
    /// [`Pos::lists`]).
    AdjSat,
    /// `"r"`.
    Adv,
}

impl Pos {
    /// Every part of speech NLTK's lemmatizer accepts, in `lemmatize`'s
    /// docstring order.
    pub const ALL: [Pos; 5] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv, Pos::AdjSat];

    /// NLTK's name: the key of its `_exception_map` and
    /// `MORPHOLOGICAL_SUBSTITUTIONS`.
    pub fn nltk_name(self) -> &'static str {
        match self {
            Pos::Noun => "n",
            Pos::Verb => "v",
            Pos::Adj => "a",
            Pos::AdjSat => "s",
            Pos::Adv => "r",
        }
    }

    /// The part of speech NLTK calls `name`; `None` where NLTK's
    /// `_exception_map[pos]` raises `KeyError` (any other string, upper case
    /// included).
    pub fn from_nltk_name(name: &str) -> Option<Pos> {
        Pos::ALL.into_iter().find(|p| p.nltk_name() == name)
    }

    /// Which of the data's four lists (index and exception file) this part of
    /// speech reads. `"s"` reads the adjectives': NLTK sets
    /// `_exception_map["s"] = _exception_map["a"]`, and gives every lemma of
    /// `index.adj` the key `"s"` beside `"a"`, with the lemma's satellite
    /// synsets as the value, an empty list for an adjective with none. Since
    /// `_morphy` only asks whether the key is there, a lemma is an `"s"`
    /// lemma exactly when it is an `"a"` lemma, satellite or not.
    pub(crate) fn lists(self) -> usize {
        match self {
            Pos::Noun => 0,
            Pos::Verb => 1,
            Pos::Adj | Pos::AdjSat => 2,
            Pos::Adv => 3,
        }
    }
}

/// `WordNetLemmatizer().lemmatize(word, pos)` for one part of speech, over
/// shared data: cheap to clone, `Send` and `Sync`.
#[derive(Debug, Clone)]
pub struct WordNetLemmatizer {
    wordnet: Arc<WordNet>,
    pos: Pos,
}

impl WordNetLemmatizer {
    pub fn new(wordnet: Arc<WordNet>, pos: Pos) -> Self {
        WordNetLemmatizer { wordnet, pos }
    }

    pub fn pos(&self) -> Pos {
        self.pos
    }

    pub fn wordnet(&self) -> &Arc<WordNet> {
        &self.wordnet
    }

    /// The lemma of `word` (generalized UTF-8), or `word` itself where NLTK
    /// returns its input.
    pub fn lemmatize<'a>(&'a self, word: &'a [u8]) -> &'a [u8] {
        match self.wordnet.lemmatize(word, self.pos) {
            Lemmatized::Unchanged => word,
            Lemmatized::Lemma(id) => self.wordnet.lemma(id).as_bytes(),
        }
    }

    /// [`Self::lemmatize`] in place, reusing `word`'s allocation.
    pub fn lemmatize_in_place(&self, word: &mut Vec<u8>) {
        if let Lemmatized::Lemma(id) = self.wordnet.lemmatize(word, self.pos) {
            word.clear();
            word.extend_from_slice(self.wordnet.lemma(id).as_bytes());
        }
    }

    /// [`Self::lemmatize`] on a token as code points, for the token pipeline
    /// (which hands over the token lower-cased when it lower-cases: NLTK's
    /// `lemmatize` itself does not).
    pub fn lemmatize_word(&self, mut word: Word) -> Word {
        // The pipeline asks once per distinct token, and most tokens are
        // short and ASCII: their bytes go on the stack, with no allocation.
        let mut ascii = [0u8; 64];
        let mut encoded = Vec::new();
        let bytes: &[u8] = if word.len() <= ascii.len() && word.iter().all(|&c| c < 0x80) {
            for (byte, &c) in ascii.iter_mut().zip(&word) {
                *byte = c as u8;
            }
            &ascii[..word.len()]
        } else {
            codepoints::encode_into(&word, &mut encoded);
            &encoded
        };
        if let Lemmatized::Lemma(id) = self.wordnet.lemmatize(bytes, self.pos) {
            word.clear();
            codepoints::decode_into(self.wordnet.lemma(id).as_bytes(), &mut word);
        }
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in Pos::ALL {
            assert_eq!(Pos::from_nltk_name(p.nltk_name()), Some(p));
        }
        for bad in ["N", "noun", "", " n", "x"] {
            assert_eq!(Pos::from_nltk_name(bad), None);
        }
    }

    #[test]
    fn lemmatizer_on_bytes_and_code_points() {
        let wordnet = Arc::new(data::tests::data(
            &["goose", "naïf"],
            &[],
            &["geese goose"],
            &[],
        ));
        let nouns = WordNetLemmatizer::new(wordnet.clone(), Pos::Noun);
        assert_eq!(nouns.lemmatize(b"geese"), b"goose");
        assert_eq!(nouns.lemmatize(b"Geese"), b"Geese");
        for (word, lemma) in [(&b"geese"[..], &b"goose"[..]), (b"zzz", b"zzz")] {
            let mut word = word.to_vec();
            nouns.lemmatize_in_place(&mut word);
            assert_eq!(word, lemma);
        }
        let word = |s: &str| s.chars().map(u32::from).collect::<Word>();
        assert_eq!(nouns.lemmatize_word(word("naïfs")), word("naïf"));
        assert_eq!(nouns.lemmatize_word(word("zzz")), word("zzz"));
        // A lone surrogate (a Python string can hold one): never a lemma.
        assert_eq!(nouns.lemmatize_word(vec![0xD800, 0x73]), vec![0xD800, 0x73]);
        let verbs = WordNetLemmatizer::new(wordnet, Pos::Verb);
        assert_eq!(verbs.lemmatize_word(word("geese")), word("geese"));
        assert_eq!(verbs.pos(), Pos::Verb);
    }

    #[test]
    fn lemmatizer_is_shareable() {
        fn shareable<T: Send + Sync + Clone>() {}
        shareable::<WordNetLemmatizer>();
    }
}
