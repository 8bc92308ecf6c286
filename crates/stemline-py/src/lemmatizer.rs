//! NLTK's `WordNetLemmatizer`, natively: the WordNet data parsed once per
//! process (stemline/lemmatize.py reads and decompresses it, and keeps the one
//! `WordNet` object), and the lemmatizer class that stemline.lemmatize
//! subclasses for NLTK's constructor and pickling.
//!
//! `lemmatize` is called once per word, so it makes no string when it can
//! help it: a word that is its own lemma (or has none) comes back as the very
//! object given, as in NLTK, and every lemma is one Python string, made the
//! first time it is returned and shared after. Its recent results are kept
//! (`core::lemma::LemmaCache`, one per process, beside the data every
//! lemmatizer shares: code that makes a `WordNetLemmatizer()` per word, as
//! NLTK's users often do, gains too).

use std::sync::Arc;

use pyo3::exceptions::{PyKeyError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use stemline_core as core;
use stemline_core::lemma::{LemmaCache, LemmaId, Lemmatized};

/// WordNet's lemma and exception lists (see `stemline_core::lemma::data`).
#[pyclass(frozen, module = "stemline._native", name = "WordNet")]
pub(crate) struct WordNetData {
    pub(crate) inner: Arc<core::WordNet>,
    /// One Python string per entry, made on first use.
    strings: Box<[PyOnceLock<Py<PyString>>]>,
    cache: LemmaCache,
}

impl WordNetData {
    fn lemma_string<'py>(&self, py: Python<'py>, id: LemmaId) -> Bound<'py, PyString> {
        self.strings[id.index()]
            .get_or_init(py, || PyString::new(py, self.inner.lemma(id)).unbind())
            .bind(py)
            .clone()
    }
}

#[pymethods]
impl WordNetData {
    /// Parses the data (the decompressed package file); `ValueError` if it is
    /// damaged.
    #[new]
    fn new(py: Python<'_>, data: &Bound<'_, PyBytes>) -> PyResult<Self> {
        let data = data.as_bytes().to_vec();
        let inner = py
            .detach(|| core::WordNet::parse(data))
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let strings = (0..inner.id_limit()).map(|_| PyOnceLock::new()).collect();
        Ok(WordNetData {
            inner: Arc::new(inner),
            strings,
            cache: LemmaCache::default(),
        })
    }

    /// The lemmas of `pos` (NLTK's `_lemma_pos_offset_map` keys that have it).
    fn lemmas<'py>(&self, py: Python<'py>, pos: PosArg) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.inner.lemmas(pos.0))
    }

    /// NLTK's `_exception_map[pos]`.
    fn exceptions<'py>(&self, py: Python<'py>, pos: PosArg) -> PyResult<Bound<'py, PyDict>> {
        let map = PyDict::new(py);
        for (form, lemmas) in self.inner.exception_map(pos.0) {
            map.set_item(form, lemmas)?;
        }
        Ok(map)
    }

    /// NLTK's `MORPHOLOGICAL_SUBSTITUTIONS[pos]`.
    #[staticmethod]
    fn substitutions<'py>(py: Python<'py>, pos: PosArg) -> PyResult<Bound<'py, PyList>> {
        let pairs = core::lemma::substitutions(pos.0).iter().map(|(old, new)| {
            // The suffixes are ASCII literals of the core.
            let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            PyTuple::new(py, [text(old), text(new)])
        });
        PyList::new(py, pairs.collect::<PyResult<Vec<_>>>()?)
    }
}

/// A `pos` argument, checked as NLTK's `self._exception_map[pos]` checks it:
/// `KeyError` for anything but `"n"`, `"v"`, `"a"`, `"r"` and `"s"` (their
/// `str` subclasses included), `TypeError` for an unhashable object.
pub(crate) struct PosArg(pub(crate) core::Pos);

/// The strings `"n"`, `"v"`, ... as Python keeps them, in [`core::Pos::ALL`]'s
/// order.
static POS_NAMES: PyOnceLock<[Py<PyString>; 5]> = PyOnceLock::new();

impl FromPyObject<'_, '_> for PosArg {
    type Error = PyErr;

    #[inline]
    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        // CPython keeps one object per one-letter string, so a `pos` is
        // nearly always one of these very objects: found without reading it.
        let names = POS_NAMES.get_or_init(obj.py(), || {
            core::Pos::ALL.map(|p| PyString::intern(obj.py(), p.nltk_name()).unbind())
        });
        if let Some(i) = names.iter().position(|n| n.as_ptr() == obj.as_ptr()) {
            return Ok(PosArg(core::Pos::ALL[i]));
        }
        if let Ok(name) = obj.cast::<PyString>() {
            if let Some(pos) = name.to_str().ok().and_then(core::Pos::from_nltk_name) {
                return Ok(PosArg(pos));
            }
        } else {
            obj.hash()?;
        }
        Err(PyKeyError::new_err(format!(
            "pos must be one of 'n' (noun), 'v' (verb), 'a' (adjective), 'r' (adverb) \
             or 's' (satellite adjective), not {}",
            obj.repr()?
        )))
    }
}

/// `nltk.stem.WordNetLemmatizer`, natively.
#[pyclass(
    frozen,
    subclass,
    module = "stemline._native",
    name = "WordNetLemmatizer"
)]
struct NativeWordNetLemmatizer {
    wordnet: Py<WordNetData>,
}

/// `stemline.lemmatize._lemmatize_object`, for words that are not strings.
static LEMMATIZE_OBJECT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

#[pymethods]
impl NativeWordNetLemmatizer {
    #[new]
    fn new(wordnet: Py<WordNetData>) -> Self {
        NativeWordNetLemmatizer { wordnet }
    }

    /// The WordNet data this lemmatizer reads.
    #[getter]
    fn wordnet(&self, py: Python<'_>) -> Py<WordNetData> {
        self.wordnet.clone_ref(py)
    }

    /// Lemmatizes `word` exactly as NLTK's `WordNetLemmatizer().lemmatize(word,
    /// pos)` does.
    #[pyo3(signature = (word, pos = PosArg(core::Pos::Noun)), text_signature = "($self, word, pos='n')")]
    fn lemmatize<'py>(&self, word: &Bound<'py, PyAny>, pos: PosArg) -> PyResult<Bound<'py, PyAny>> {
        let py = word.py();
        let Ok(text) = word.cast::<PyString>() else {
            return lemmatize_object(word, pos.0);
        };
        // A string with lone surrogates is not UTF-8; no lemma holds one, and
        // every form made from the word keeps it: NLTK returns the word.
        let Ok(text) = text.to_str() else {
            return Ok(word.clone());
        };
        let wordnet = self.wordnet.get();
        let found = wordnet
            .cache
            .lemmatize(&wordnet.inner, text.as_bytes(), pos.0);
        Ok(match found {
            Lemmatized::Unchanged => word.clone(),
            Lemmatized::Lemma(id) => wordnet.lemma_string(py, id).into_any(),
        })
    }

    /// `[self.lemmatize(w, pos) for w in words]` for a list (or other
    /// sequence) of strings, with the GIL released while it looks them up.
    #[pyo3(signature = (words, pos = PosArg(core::Pos::Noun)), text_signature = "($self, words, pos='n')")]
    fn lemmatize_many<'py>(
        &self,
        py: Python<'py>,
        words: &Bound<'py, PyAny>,
        pos: PosArg,
    ) -> PyResult<Bound<'py, PyList>> {
        // The answer starts as a copy of the words, and only those with
        // another lemma are replaced in it: most words of a text are their
        // own lemma, and cost no reference counting one by one. A list is
        // copied in one call; anything else as any sequence of `str`.
        let out = match words.cast_exact::<PyList>() {
            Ok(list) => list.get_slice(0, list.len()),
            Err(_) => PyList::new(py, words.extract::<Vec<Bound<'py, PyString>>>()?)?,
        };
        let texts = item_texts(&out)?;
        let wordnet = self.wordnet.get();
        // Only the words with another lemma are kept: (place, lemma).
        let changed: Vec<(usize, LemmaId)> = py.detach(|| {
            let mut changed = Vec::new();
            let mut i = 0;
            wordnet
                .cache
                .lemmatize_all(&wordnet.inner, &texts, pos.0, |found| {
                    if let Lemmatized::Lemma(id) = found {
                        changed.push((i, id));
                    }
                    i += 1;
                });
            changed
        });
        drop(texts);
        for (i, id) in changed {
            out.set_item(i, wordnet.lemma_string(py, id))?;
        }
        Ok(out)
    }

    fn __repr__(&self) -> &'static str {
        "<WordNetLemmatizer>"
    }
}

/// The UTF-8 of each item of `list` (a lone surrogate's stand-in: `""`, which
/// no entry is and no rule changes, so the word is its own lemma, as in
/// `lemmatize`); for an item that is not a `str`, the `TypeError` a sequence
/// of `str` raises for it.
///
/// The slices borrow the items' own buffers (CPython keeps a string's UTF-8
/// as long as the string), so `list` must be one no other code can reach
/// until they are dropped: its items then live, unchanged, with the GIL
/// released too.
fn item_texts<'l>(list: &'l Bound<'_, PyList>) -> PyResult<Vec<&'l [u8]>> {
    let mut texts = Vec::with_capacity(list.len());
    for i in 0..list.len() {
        // SAFETY: `i` is below the list's length, and the item is borrowed
        // from the list (see above for how long it lives).
        let item = unsafe {
            Borrowed::from_ptr(
                list.py(),
                ffi::PyList_GetItem(list.as_ptr(), i as ffi::Py_ssize_t),
            )
        };
        // The exact type first: one compare, where a subclass check is a
        // call in the stable ABI.
        let item = item
            .cast_exact::<PyString>()
            .or_else(|_| item.cast::<PyString>())?;
        let mut len: ffi::Py_ssize_t = 0;
        // SAFETY: `item` is a `str`.
        let utf8 = unsafe { ffi::PyUnicode_AsUTF8AndSize(item.as_ptr(), &mut len) };
        texts.push(if utf8.is_null() {
            // SAFETY: the GIL is held; the error is the lone surrogate's.
            unsafe { ffi::PyErr_Clear() };
            &b""[..]
        } else {
            // SAFETY: CPython's UTF-8 of the string, `len` bytes, kept with it.
            unsafe { std::slice::from_raw_parts(utf8.cast::<u8>(), len as usize) }
        });
    }
    Ok(texts)
}

/// NLTK's result for a word that is not a `str` (`None`, a number, bytes, a
/// `UserString`...), which its `_morphy` hashes, compares and calls
/// `endswith` on as Python does: done by the Python package, line by line.
fn lemmatize_object<'py>(word: &Bound<'py, PyAny>, pos: core::Pos) -> PyResult<Bound<'py, PyAny>> {
    let py = word.py();
    let function = LEMMATIZE_OBJECT.get_or_try_init(py, || {
        py.import("stemline.lemmatize")?
            .getattr("_lemmatize_object")
            .map(Bound::unbind)
    })?;
    function.bind(py).call1((word, pos.nltk_name()))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<WordNetData>()?;
    m.add_class::<NativeWordNetLemmatizer>()?;
    Ok(())
}
