//! Python bindings for stemline's native core: argument conversion, the GIL
//! released around the core's work, and Python's `str.lower()` handed to the
//! core for non-ASCII tokens. The algorithm lives in `stemline-core`.

use std::borrow::Cow;
use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use stemline_core as core;

mod cpython;
mod io;
mod lemmatizer;
mod offsets;
mod panics;
mod punkt;
mod stemmers;
mod word_tokenizer;

/// A Python string as generalized UTF-8: borrowed when it is valid UTF-8 (the
/// common case, no copy for ASCII), encoded with `surrogatepass` when it holds
/// lone surrogates.
pub(crate) fn text_bytes<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, [u8]>> {
    match text.to_str() {
        Ok(s) => Ok(Cow::Borrowed(s.as_bytes())),
        Err(_) => {
            let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
            Ok(Cow::Owned(encoded.cast::<PyBytes>()?.as_bytes().to_vec()))
        }
    }
}

/// A Python string from generalized UTF-8 (lone surrogates pass through).
pub(crate) fn py_string<'py>(py: Python<'py>, bytes: &[u8]) -> PyResult<Bound<'py, PyString>> {
    // SAFETY: the pointer and length describe a live slice; the call returns a
    // new reference or NULL with an exception set, which from_owned_ptr_or_err
    // turns into an error.
    unsafe {
        let ptr = ffi::PyUnicode_DecodeUTF8(
            bytes.as_ptr().cast(),
            bytes.len() as ffi::Py_ssize_t,
            c"surrogatepass".as_ptr(),
        );
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked())
    }
}

pub(crate) fn code_points_to_py<'py>(
    py: Python<'py>,
    cps: &[u32],
) -> PyResult<Bound<'py, PyString>> {
    // A short ASCII word (a stem, usually) through a buffer on the stack.
    let mut short = [0u8; 64];
    if cps.len() <= short.len() && cps.iter().all(|&c| c < 0x80) {
        for (b, &c) in short.iter_mut().zip(cps) {
            *b = c as u8;
        }
        return py_string(py, &short[..cps.len()]);
    }
    let mut bytes = Vec::with_capacity(cps.len());
    core::codepoints::encode_into(cps, &mut bytes);
    py_string(py, &bytes)
}

/// Words (stop word lists) as code points, as the core compares them.
pub(crate) fn words_code_points(words: &[Bound<'_, PyString>]) -> PyResult<Vec<Vec<u32>>> {
    words
        .iter()
        .map(|w| Ok(core::codepoints::decode(&text_bytes(w)?)))
        .collect()
}

pub(crate) fn py_lower(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    let lowered = text
        .call_method0(pyo3::intern!(text.py(), "lower"))?
        .cast_into::<PyString>()?;
    Ok(core::codepoints::decode(&text_bytes(&lowered)?))
}

/// `str.lower()` of the running Python, for tokens with non-ASCII characters.
/// Called from worker threads with the GIL released, so it attaches first;
/// the core caches the result, so this runs once per distinct token.
struct PythonLowercase;

impl core::Lowercase for PythonLowercase {
    fn lower(&self, word: &[u32]) -> Vec<u32> {
        Python::attach(|py| code_points_to_py(py, word).and_then(|s| py_lower(&s)))
            .expect("str.lower() of a str cannot fail")
    }
}

/// Character class tables built from the running Python (see stemline/_unicode.py).
#[pyclass(frozen, module = "stemline._native")]
pub(crate) struct CharTables {
    pub(crate) inner: Arc<core::CharClasses>,
}

type PyRanges = Vec<(u32, u32)>;

#[pymethods]
impl CharTables {
    /// One range list (or letter pairs) per class, as `_unicode.build_tables` reads them.
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        word: PyRanges,
        space: PyRanges,
        re_word: PyRanges,
        split_space: PyRanges,
        alpha: PyRanges,
        ignore_case: Vec<(char, u32)>,
        regex_digit: PyRanges,
        regex_ignore_case: Vec<(char, u32)>,
    ) -> PyResult<Self> {
        let letter_pairs = |pairs: Vec<(char, u32)>| {
            pairs
                .into_iter()
                .filter(|(l, _)| l.is_ascii_lowercase())
                .map(|(l, cp)| (l as u8, cp))
                .collect()
        };
        let ranges = core::ClassRanges {
            word,
            space,
            re_word,
            split_space,
            alpha,
            ignore_case: letter_pairs(ignore_case),
            regex_digit,
            regex_ignore_case: letter_pairs(regex_ignore_case),
        };
        let inner = core::CharClasses::new(&ranges).map_err(PyValueError::new_err)?;
        Ok(CharTables {
            inner: Arc::new(inner),
        })
    }
}

fn parse_stemming(name: &str) -> PyResult<core::Stemming> {
    core::Stemming::from_name(name).ok_or_else(|| {
        let names: Vec<String> = core::Stemming::ALL
            .iter()
            .map(|s| format!("{:?}", s.name()))
            .collect();
        PyValueError::new_err(format!(
            "stemmer must be one of {}, not {name:?}",
            names.join(", ")
        ))
    })
}

#[pyclass(frozen, module = "stemline._native")]
struct Normalizer {
    inner: core::Normalizer,
}

pub(crate) fn texts_bytes<'a>(texts: &'a [Bound<'_, PyString>]) -> PyResult<Vec<Cow<'a, [u8]>>> {
    texts.iter().map(text_bytes).collect()
}

/// `(token, start, end)` tuples for Python.
fn spans_to_py<'py>(py: Python<'py>, spans: &[core::tokens::Span]) -> PyResult<Bound<'py, PyList>> {
    let tuples = spans
        .iter()
        .map(|(token, start, end)| {
            PyTuple::new(
                py,
                [
                    py_string(py, token)?.into_any(),
                    start.into_pyobject(py)?.into_any(),
                    end.into_pyobject(py)?.into_any(),
                ],
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, tuples)
}

/// `line + part` (generalized UTF-8), in place when CPython can.
fn append(py: Python<'_>, line: Option<Py<PyString>>, part: &[u8]) -> PyResult<Py<PyString>> {
    let part = py_string(py, part)?;
    let Some(line) = line else {
        return Ok(part.unbind());
    };
    let mut ptr = line.into_ptr();
    // SAFETY: `ptr` is an owned reference to a str, which PyUnicode_Append
    // consumes, replacing it with a new owned reference to the concatenation
    // (the same object when resized in place), or with NULL and an exception
    // set; `part` is a live str it only reads.
    unsafe {
        ffi::PyUnicode_Append(&mut ptr, part.as_ptr());
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?
            .cast_into_unchecked::<PyString>()
            .unbind())
    }
}

#[pymethods]
impl Normalizer {
    /// `piece_bytes` is for tests: long punctuation runs (and, with
    /// `sentences`, long stretches without whitespace and long tokens) are
    /// processed in pieces of about this size (the output is the same for
    /// any size). `language` is the Snowball stemmer's; `lemmatizer` is
    /// WordNet's data, which the `wordnet` stemmer needs, with `pos`.
    /// `sentences`, a language's Punkt tokenizer, chooses the `word_tokenize`
    /// tokenizer, in that language, over the Treebank one.
    #[new]
    #[pyo3(signature = (tables, stemmer, cache_bytes, *, drop_punct = false, stopwords = Vec::new(), min_length = 0, piece_bytes = core::normalizer::PIECE_BYTES, language = "english", lemmatizer = None, pos = lemmatizer::PosArg(core::Pos::Noun), sentences = None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        tables: &CharTables,
        stemmer: &str,
        cache_bytes: usize,
        drop_punct: bool,
        stopwords: Vec<Bound<'_, PyString>>,
        min_length: usize,
        piece_bytes: usize,
        language: &str,
        lemmatizer: Option<PyRef<'_, lemmatizer::WordNetData>>,
        pos: lemmatizer::PosArg,
        sentences: Option<PyRef<'_, punkt::PunktSentenceTokenizer>>,
    ) -> PyResult<Self> {
        let stopwords = words_code_points(&stopwords)?.into_iter().collect();
        let filter = core::filter::TokenFilter {
            drop_punct,
            stopwords,
            min_length,
        };
        let stemming = parse_stemming(stemmer)?;
        let language = core::Language::from_name(language)
            .ok_or_else(|| PyValueError::new_err(format!("no Snowball language {language:?}")))?;
        let stemmer = match (core::Stemmer::new(stemming), lemmatizer) {
            (Some(core::Stemmer::Snowball(_)), _) if language != core::Language::English => {
                core::Stemmer::Snowball(core::SnowballStemmer::new(language, []))
            }
            (Some(stemmer), _) => stemmer,
            (None, Some(data)) => {
                core::Stemmer::WordNet(core::WordNetLemmatizer::new(data.inner.clone(), pos.0))
            }
            (None, None) => {
                return Err(PyValueError::new_err(format!(
                    "the {stemmer:?} stemmer needs its data (lemmatizer=)"
                )))
            }
        };
        let tokenizer = match sentences {
            None => core::normalizer::Tokenizer::Treebank,
            Some(sentences) => {
                let words =
                    core::nltk_word::NltkWordTokenizer::new(tables.inner.clone(), cache_bytes)
                        .map_err(PyValueError::new_err)?
                        .with_piece_bytes(piece_bytes);
                let words = core::word_tokenize::WordTokenize::new(sentences.inner.clone(), words);
                core::normalizer::Tokenizer::WordTokenize(Box::new(words))
            }
        };
        Ok(Normalizer {
            inner: core::Normalizer::new(
                tables.inner.clone(),
                stemmer,
                Arc::new(PythonLowercase),
                cache_bytes,
            )
            .with_filter(filter)
            .with_tokenizer(tokenizer)
            .with_piece_bytes(piece_bytes),
        })
    }

    /// Each output token with its code point range in `text`; a
    /// `ValueError` where NLTK's offsets of `word_tokenize`'s tokens fail.
    fn spans<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let bytes = text_bytes(text)?;
        match py.detach(|| self.inner.spans(&bytes)) {
            Ok(spans) => spans_to_py(py, &spans),
            Err(e) => Err(PyValueError::new_err(e.to_string())),
        }
    }

    /// `spans` of each of `texts`, on `workers` threads; the first text
    /// whose offsets fail, in input order, is a `ValueError`.
    fn spans_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        let spans = py.detach(|| self.inner.spans_batch(&docs, workers));
        let lists = spans
            .iter()
            .enumerate()
            .map(|(i, s)| match s {
                Ok(s) => spans_to_py(py, s),
                Err(e) => Err(PyValueError::new_err(format!("texts[{i}]: {e}"))),
            })
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// Counts the tokens of `texts` into `counter`; returns each text's token count.
    fn count_many(
        &self,
        py: Python<'_>,
        counter: &VocabCounter,
        texts: Vec<Bound<'_, PyString>>,
        workers: usize,
    ) -> PyResult<Vec<u64>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        Ok(py.detach(|| self.inner.count_batch(&docs, workers, &counter.inner)))
    }

    /// The line of a long text (see `core::Normalizer::normalize_or_in_parts`)
    /// is built as a Python string part by part, with `str` concatenation that
    /// CPython does in place (a string nothing else refers to is resized, and
    /// a large one is resized without copying): the line is never held twice,
    /// as a Rust buffer and again as a Python string. The one exception is a
    /// line whose characters get wider along the way (ASCII first, then `é`
    /// or `日`): each widening copies what is built so far, at most three
    /// times, never more than the one copy it replaces.
    fn normalize<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        let py = text.py();
        let encoded;
        let bytes = if text.len()?.saturating_mul(4) > core::normalizer::LONG_TEXT_BYTES
            && !text.call_method0("isascii")?.is_truthy()?
        {
            // Not `text_bytes` for a text whose UTF-8 may be long: CPython
            // keeps the UTF-8 it makes for that in the string, for the
            // string's lifetime, after building it in a buffer of its own, so
            // it costs the text's size twice at once. An encoded copy costs
            // it once, and only during the call.
            encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
            Cow::Borrowed(encoded.cast::<PyBytes>()?.as_bytes())
        } else {
            text_bytes(text)?
        };
        let mut line: Option<Py<PyString>> = None;
        let mut error = None;
        let whole = py.detach(|| {
            self.inner.normalize_or_in_parts(&bytes, |part| {
                if error.is_some() {
                    return;
                }
                Python::attach(|py| match append(py, line.take(), part) {
                    Ok(l) => line = Some(l),
                    Err(e) => error = Some(e),
                })
            })
        });
        match (whole, error, line) {
            (Some(whole), _, _) => py_string(py, &whole),
            (None, Some(e), _) => Err(e),
            (None, None, Some(line)) => Ok(line.into_bound(py)),
            (None, None, None) => py_string(py, b""),
        }
    }

    fn tokens<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyList>> {
        let py = text.py();
        let bytes = text_bytes(text)?;
        let tokens = py.detach(|| self.inner.tokens(&bytes));
        let tokens = tokens
            .iter()
            .map(|t| py_string(py, t))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, tokens)
    }

    /// Normalizes a list of strings; returns (lines, tokens per line).
    fn normalize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        // Python strings are built here, with the GIL, chunk by chunk as the
        // workers finish them, so building overlaps the workers' normalizing.
        let mut strings: Vec<Py<PyString>> = Vec::with_capacity(docs.len());
        let mut error = None;
        py.detach(|| {
            self.inner
                .normalize_batch_streamed(&docs, workers, |lines| {
                    Python::attach(|py| {
                        for line in &lines {
                            match py_string(py, line) {
                                Ok(s) => strings.push(s.unbind()),
                                Err(e) => {
                                    error.get_or_insert(e);
                                }
                            }
                        }
                    })
                })
        });
        if let Some(e) = error {
            return Err(e);
        }
        PyList::new(py, strings)
    }

    /// (entries, estimated bytes) of each idle cache.
    fn cache_stats(&self) -> Vec<(usize, usize)> {
        self.inner.cache_stats()
    }

    fn clear_cache(&self) {
        self.inner.clear_caches()
    }

    #[getter]
    fn cache_bytes(&self) -> usize {
        self.inner.cache_bytes()
    }
}

/// Stem counts accumulated over calls to `Normalizer.count_many`.
#[pyclass(frozen, module = "stemline._native")]
struct VocabCounter {
    inner: core::vocab::VocabCounter,
}

/// One stem's row: `(stem, count, documents, [(surface, count), ...])`.
type StemRow<'py> = (
    Bound<'py, PyString>,
    u64,
    u64,
    Vec<(Bound<'py, PyString>, u64)>,
);

#[pymethods]
impl VocabCounter {
    #[new]
    fn new() -> Self {
        VocabCounter {
            inner: core::vocab::VocabCounter::new(),
        }
    }

    /// `(documents, tokens)` counted so far.
    fn totals(&self) -> (u64, u64) {
        self.inner.totals()
    }

    /// Every stem's row, in the vocabulary's order (sorted by the core:
    /// `VocabCounts::into_rows`).
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Vec<StemRow<'py>>> {
        let rows = py.detach(|| self.inner.counts().into_rows());
        rows.iter()
            .map(|(stem, c)| {
                let surfaces = c
                    .surfaces
                    .iter()
                    .map(|(s, n)| Ok((py_string(py, s)?, *n)))
                    .collect::<PyResult<_>>()?;
                Ok((py_string(py, stem)?, c.count, c.documents, surfaces))
            })
            .collect()
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    panics::quiet_unless_debugging();
    m.add_class::<CharTables>()?;
    m.add_class::<Normalizer>()?;
    stemmers::register(m)?;
    punkt::register(m)?;
    lemmatizer::register(m)?;
    word_tokenizer::register(m)?;
    m.add_class::<VocabCounter>()?;
    m.add("DEFAULT_CACHE_BYTES", core::DEFAULT_CACHE_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(io::normalize_files, m)?)?;
    m.add(
        "NativeInputError",
        m.py().get_type::<io::NativeInputError>(),
    )?;
    let formats: Vec<&str> = stemline_io::Format::ALL.iter().map(|f| f.name()).collect();
    m.add("NATIVE_FORMATS", PyTuple::new(m.py(), formats)?)?;
    m.add_function(wrap_pyfunction!(offsets::offsets_many, m)?)?;
    m.add_function(wrap_pyfunction!(offsets::offsets_in_parts, m)?)?;
    let names: Vec<&str> = core::Stemming::ALL.iter().map(|s| s.name()).collect();
    m.add("STEMMER_NAMES", PyTuple::new(m.py(), names)?)?;
    Ok(())
}
