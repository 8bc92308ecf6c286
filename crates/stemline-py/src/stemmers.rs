//! The stemmer classes: NLTK's `PorterStemmer`, the Snowball stemmers of
//! `nltk.stem.snowball` and `LancasterStemmer`, natively. Each is subclassed
//! in stemline/stemmers.py or stemline/snowball.py, which add NLTK's
//! constructor signatures and pickling.

use pyo3::exceptions::{PyAttributeError, PyIndexError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyFrozenSet, PySet, PyString};

use stemline_core as core;
use stemline_core::stem::Language;

use crate::{code_points_to_py, py_lower, text_bytes, CharTables};

/// The code points of `word` and of `word.lower()` (the core's lower-casing:
/// ASCII in Rust, the rest by this string's `lower()`).
fn decode_and_lower(word: &Bound<'_, PyString>, lower: bool) -> PyResult<(Vec<u32>, Vec<u32>)> {
    let bytes = text_bytes(word)?;
    let cps = core::codepoints::decode(&bytes);
    let lowered = if lower {
        core::lowercase::lower_utf8(&bytes, || py_lower(word))?
    } else {
        cps.clone()
    };
    Ok((cps, lowered))
}

/// The code points of a Python string, read from it directly (no UTF-8 in
/// between; lone surrogates included).
fn code_points(text: &Bound<'_, PyString>) -> PyResult<Vec<u32>> {
    let mut cps = Vec::new();
    code_points_into(text, &mut cps)?;
    Ok(cps)
}

/// [`code_points`] into `cps`, replacing its contents.
fn code_points_into(text: &Bound<'_, PyString>, cps: &mut Vec<u32>) -> PyResult<()> {
    let py = text.py();
    cps.clear();
    // SAFETY: the buffer has room for the string's length in code points,
    // which is what PyUnicode_AsUCS4 writes (no terminating zero asked for);
    // both calls report failure with an exception set.
    unsafe {
        let n = ffi::PyUnicode_GetLength(text.as_ptr());
        if n < 0 {
            return Err(PyErr::fetch(py));
        }
        cps.reserve(n as usize);
        if ffi::PyUnicode_AsUCS4(text.as_ptr(), cps.as_mut_ptr(), n, 0).is_null() {
            return Err(PyErr::fetch(py));
        }
        cps.set_len(n as usize);
    }
    Ok(())
}

/// A Python string of code points: through UTF-8 for ASCII (Python's fastest
/// decoder), as UTF-32 otherwise (no encoding in between; `surrogatepass`
/// lets lone surrogates through).
fn string_of_code_points<'py>(py: Python<'py>, cps: &[u32]) -> PyResult<Bound<'py, PyString>> {
    if cps.iter().all(|&c| c < 0x80) {
        return code_points_to_py(py, cps);
    }
    // A short Latin-1 word (most stems of the Latin-script languages that
    // are not ASCII) from a buffer on the stack, by Python's Latin-1
    // decoder, a copy.
    let mut latin1 = [0u8; 64];
    if cps.len() <= latin1.len() && cps.iter().all(|&c| c < 0x100) {
        for (b, &c) in latin1.iter_mut().zip(cps) {
            *b = c as u8;
        }
        // SAFETY: the pointer and length describe a live slice; the call
        // returns a new reference or NULL with an exception set.
        unsafe {
            let ptr = ffi::PyUnicode_DecodeLatin1(
                latin1.as_ptr().cast(),
                cps.len() as ffi::Py_ssize_t,
                std::ptr::null(),
            );
            return Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked());
        }
    }
    let mut byteorder: std::os::raw::c_int = if cfg!(target_endian = "little") {
        -1
    } else {
        1
    };
    // SAFETY: the pointer and length describe the live slice as bytes; the
    // call returns a new reference or NULL with an exception set.
    unsafe {
        let ptr = ffi::PyUnicode_DecodeUTF32(
            cps.as_ptr().cast(),
            (cps.len() * 4) as ffi::Py_ssize_t,
            c"surrogatepass".as_ptr(),
            &mut byteorder,
        );
        Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked())
    }
}

/// The running Python's `str.lower()` of each character below U+0100, read
/// from Python once a process: a Latin-1 word is lowered here, with no call.
/// `None` if some such character's lowering is not one character below
/// U+0100 (not so in any Unicode so far), and Python lowers every word.
static LATIN1_LOWER: PyOnceLock<Option<[u8; 256]>> = PyOnceLock::new();

fn latin1_lower(py: Python<'_>) -> PyResult<&'static Option<[u8; 256]>> {
    LATIN1_LOWER.get_or_try_init(py, || {
        let mut table = [0u8; 256];
        for (c, lowered) in (0u32..256).zip(table.iter_mut()) {
            let text = PyString::new(py, &char::from_u32(c).map(String::from).unwrap_or_default());
            let low = code_points(
                &text
                    .call_method0(pyo3::intern!(py, "lower"))?
                    .cast_into::<PyString>()?,
            )?;
            match low[..] {
                [l] if l < 256 => *lowered = l as u8,
                _ => return Ok(None),
            }
        }
        Ok(Some(table))
    })
}

/// An argument taken for its truth value, as Python's `if` takes it (NLTK's
/// `to_lowercase`, where `0`, `None` or `""` mean false).
struct Truth(bool);

impl FromPyObject<'_, '_> for Truth {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        Ok(Truth(obj.is_truthy()?))
    }
}

/// NLTK's `PorterStemmer.vowels`, one frozen set for every stemmer.
static VOWELS: PyOnceLock<Py<PyFrozenSet>> = PyOnceLock::new();

/// `nltk.stem.porter.PorterStemmer`, natively, with NLTK's attributes: a
/// settable `mode`, the `pool` of irregular forms (a dict, in NLTK's mode
/// only, which `stem` consults: the user may change it) and `vowels`.
#[pyclass(subclass, module = "stemline._native", name = "PorterStemmer")]
struct NativePorterStemmer {
    mode: core::Mode,
    /// `None` where NLTK's instance has no `pool` attribute.
    pool: Option<Py<PyAny>>,
}

fn parse_mode(mode: &Bound<'_, PyAny>) -> PyResult<core::Mode> {
    mode.extract::<&str>()
        .ok()
        .and_then(core::Mode::from_nltk_name)
        .ok_or_else(|| {
            PyValueError::new_err(
                "Mode must be one of PorterStemmer.NLTK_EXTENSIONS, \
                 PorterStemmer.MARTIN_EXTENSIONS, or PorterStemmer.ORIGINAL_ALGORITHM",
            )
        })
}

fn no_pool() -> PyErr {
    PyAttributeError::new_err("'PorterStemmer' object has no attribute 'pool'")
}

impl NativePorterStemmer {
    /// NLTK's `stem in self.pool` and `self.pool[stem]`.
    fn pool_lookup<'py>(&self, stem: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let pool = self.pool.as_ref().ok_or_else(no_pool)?.bind(stem.py());
        if let Ok(dict) = pool.cast_exact::<PyDict>() {
            return dict.get_item(stem);
        }
        if pool.contains(stem)? {
            return pool.get_item(stem).map(Some);
        }
        Ok(None)
    }

    /// NLTK's `stem` on a `word` that is not a `str`: `word.lower()` (when
    /// asked), the pool, `len(word)`; a word of at most two letters comes back
    /// as its lowering (whatever that is), a longer one is stemmed if its
    /// lowering is a `str`.
    fn stem_not_a_str<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        to_lowercase: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let stem = if to_lowercase {
            word.call_method0("lower")?
        } else {
            word.clone()
        };
        if self.mode == core::Mode::NltkExtensions {
            if let Some(irregular) = self.pool_lookup(&stem)? {
                return Ok(irregular);
            }
        }
        let n = word.len()?;
        if self.mode != core::Mode::OriginalAlgorithm && n <= 2 {
            return Ok(stem);
        }
        let Ok(text) = stem.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "PorterStemmer.stem takes a str, not {}",
                word.get_type().name()?
            )));
        };
        let token: Vec<u32> = std::iter::repeat_n(0, n).collect();
        let lowered = core::codepoints::decode(&text_bytes(text)?);
        let core = core::PorterStemmer::new(self.mode);
        Ok(code_points_to_py(word.py(), &core.stem_without_pool(&token, lowered))?.into_any())
    }
}

#[pymethods]
impl NativePorterStemmer {
    #[classattr]
    const NLTK_EXTENSIONS: &'static str = "NLTK_EXTENSIONS";
    #[classattr]
    const MARTIN_EXTENSIONS: &'static str = "MARTIN_EXTENSIONS";
    #[classattr]
    const ORIGINAL_ALGORITHM: &'static str = "ORIGINAL_ALGORITHM";

    #[new]
    #[pyo3(signature = (mode = None))]
    fn new(py: Python<'_>, mode: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mode = match mode {
            Some(mode) => parse_mode(mode)?,
            None => core::Mode::NltkExtensions,
        };
        // NLTK builds the pool in its own mode only.
        let pool = if mode == core::Mode::NltkExtensions {
            let dict = PyDict::new(py);
            for (form, stem) in core::porter::POOL {
                dict.set_item(form, stem)?;
            }
            Some(dict.into_any().unbind())
        } else {
            None
        };
        Ok(NativePorterStemmer { mode, pool })
    }

    /// One of the three mode names; settable, as NLTK's attribute.
    #[getter]
    fn mode(&self) -> &'static str {
        self.mode.nltk_name()
    }

    #[setter]
    fn set_mode(&mut self, mode: Option<&Bound<'_, PyAny>>) -> PyResult<()> {
        let mode = mode.ok_or_else(|| PyAttributeError::new_err("cannot delete mode"))?;
        self.mode = parse_mode(mode)?;
        Ok(())
    }

    /// NLTK's table of irregular forms, `{form: stem}` (NLTK_EXTENSIONS only).
    #[getter]
    fn pool(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        self.pool
            .as_ref()
            .map(|p| p.clone_ref(py))
            .ok_or_else(no_pool)
    }

    #[setter]
    fn set_pool(&mut self, pool: Option<Py<PyAny>>) {
        self.pool = pool;
    }

    /// NLTK's `frozenset(["a", "e", "i", "o", "u"])`.
    #[getter]
    fn vowels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyFrozenSet>> {
        let vowels = VOWELS.get_or_try_init(py, || {
            PyFrozenSet::new(py, ["a", "e", "i", "o", "u"]).map(Bound::unbind)
        })?;
        Ok(vowels.bind(py).clone())
    }

    /// Stems `word` exactly as NLTK's PorterStemmer.stem(word, to_lowercase) does
    /// (`to_lowercase` is taken for its truth value, as NLTK's `if` does).
    #[pyo3(signature = (word, to_lowercase = Truth(true)))]
    fn stem<'py>(
        &self,
        word: &Bound<'py, PyAny>,
        to_lowercase: Truth,
    ) -> PyResult<Bound<'py, PyAny>> {
        let Ok(text) = word.cast::<PyString>() else {
            return self.stem_not_a_str(word, to_lowercase.0);
        };
        let (cps, lowered) = decode_and_lower(text, to_lowercase.0)?;
        let core = core::PorterStemmer::new(self.mode);
        let stem = if self.mode == core::Mode::NltkExtensions {
            // The word itself when it is its own lowering (no new string).
            let key = if cps == lowered {
                text.clone()
            } else {
                code_points_to_py(word.py(), &lowered)?
            };
            if let Some(irregular) = self.pool_lookup(key.as_any())? {
                return Ok(irregular);
            }
            core.stem_without_pool(&cps, lowered)
        } else {
            core.stem(&cps, lowered)
        };
        Ok(code_points_to_py(word.py(), &stem)?.into_any())
    }

    fn __repr__(&self) -> &'static str {
        "<PorterStemmer>"
    }
}

/// The stop words of a Python stemmer: its `stopwords` attribute, any object
/// that `in` works on (NLTK's is a set, which the user may change). A word is
/// looked up as a new Python string, but only when the set is not empty; an
/// exception of the lookup is kept and raised after the stem.
struct PyStopWords<'a, 'py> {
    words: &'a Bound<'py, PyAny>,
    /// An exact set that is empty: nothing to look up.
    empty: bool,
    error: std::cell::RefCell<Option<PyErr>>,
}

impl<'a, 'py> PyStopWords<'a, 'py> {
    fn new(words: &'a Bound<'py, PyAny>) -> Self {
        PyStopWords {
            words,
            empty: no_stopwords(words),
            error: std::cell::RefCell::new(None),
        }
    }

    fn into_result(self) -> PyResult<()> {
        match self.error.into_inner() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

impl core::stem::snowball::StopWords for PyStopWords<'_, '_> {
    fn contains(&self, word: &[u32]) -> bool {
        if self.empty || self.error.borrow().is_some() {
            return false;
        }
        let found = code_points_to_py(self.words.py(), word).and_then(|w| self.words.contains(w));
        found.unwrap_or_else(|e| {
            *self.error.borrow_mut() = Some(e);
            false
        })
    }
}

/// The buffers of a Snowball `stem` call: the word's code points, and its
/// bytes when it is ASCII.
#[derive(Default)]
struct WordBuffers {
    cps: Vec<u32>,
    bytes: Vec<u8>,
}

thread_local! {
    /// The word of a Snowball `stem` call, kept from call to call (see
    /// [`NativeSnowballStemmer::stem_lowering`]); a call made while another
    /// holds it (a stop word container's `__contains__` may stem) takes an
    /// empty one.
    static WORD_BUFFERS: std::cell::Cell<WordBuffers> = const {
        std::cell::Cell::new(WordBuffers { cps: Vec::new(), bytes: Vec::new() })
    };
}

/// The largest buffer kept for the next call, in code points.
const KEPT_WORD_CAPACITY: usize = 1024;

/// Whether `stem`, ASCII, is the text of `word`, an ASCII str (whose UTF-8
/// is its own data: no copy to compare with).
fn same_ascii(word: &Bound<'_, PyString>, stem: &[u32]) -> bool {
    word.to_str().is_ok_and(|text| {
        text.len() == stem.len() && text.bytes().zip(stem).all(|(b, &c)| u32::from(b) == c)
    })
}

/// Whether a stemmer's `stopwords` is an empty set: no word to look up.
#[inline]
fn no_stopwords(words: &Bound<'_, PyAny>) -> bool {
    words.cast_exact::<PySet>().is_ok_and(|set| set.is_empty())
}

/// NLTK's `IndexError` where its stemmer indexes past the word.
fn index_error(_: core::stem::snowball::IndexError) -> PyErr {
    PyIndexError::new_err("string index out of range")
}

/// `nltk.stem.snowball`'s stemmer of one language, natively; subclassed by
/// the classes of stemline/snowball.py. `stopwords` is NLTK's attribute: the
/// object the stemmer consults, which the user may change or replace.
#[pyclass(subclass, module = "stemline._native", name = "SnowballStemmer")]
struct NativeSnowballStemmer {
    inner: core::SnowballStemmer,
    #[pyo3(get, set)]
    stopwords: Py<PyAny>,
}

impl NativeSnowballStemmer {
    /// NLTK's first operation on a `word` that is not a `str` (its exception,
    /// or a `str` to go on with where that operation gives one).
    fn not_a_str<'py>(&self, word: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
        let language = self.inner.language();
        let refuse = || {
            PyTypeError::new_err(format!(
                "{}Stemmer.stem takes a str, not {}",
                capitalized(language.name()),
                word.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        };
        match language {
            // `token.startswith(prefix)`.
            Language::Arabic => {
                word.call_method1("startswith", ("\u{643}\u{627}\u{644}",))?;
                Err(refuse())
            }
            // `word in self.stopwords`, then `len(word)`.
            Language::Russian => {
                self.stopwords.bind(word.py()).contains(word)?;
                word.len()?;
                Err(refuse())
            }
            // `word = word.lower()`.
            _ => word
                .call_method0(pyo3::intern!(word.py(), "lower"))?
                .cast_into::<PyString>()
                .map_err(|_| refuse()),
        }
    }
}

impl NativeSnowballStemmer {
    /// [`Self::stem`] of a `str`, in a language that stems its lowering
    /// (not Porter, which reads the token too): the word is lowered and
    /// stemmed in one buffer kept from call to call, so that a call
    /// allocates no word of its own.
    fn stem_lowering<'py>(&self, word: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        WORD_BUFFERS.with(|kept| {
            let mut buffers = kept.take();
            let stem = self.stem_lowering_in(word, &mut buffers);
            if buffers.cps.capacity() <= KEPT_WORD_CAPACITY
                && buffers.bytes.capacity() <= KEPT_WORD_CAPACITY
            {
                kept.set(buffers);
            }
            stem
        })
    }

    /// [`Self::stem_lowering_in`] of an ASCII `word`, given its code points
    /// and its lowering as bytes, for a language of `stems_in_letters`.
    #[inline]
    fn stem_ascii<'py>(
        &self,
        word: &Bound<'py, PyString>,
        cps: &[u32],
        bytes: &mut Vec<u8>,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = word.py();
        self.inner.stem_letters(bytes).map_err(index_error)?;
        // A stem that begins the word as written (most: a lower-case word
        // cut short) is its slice, copied with no decoding; a word that is
        // its own stem comes back as it is.
        if bytes.len() <= cps.len() && bytes.iter().zip(cps).all(|(&b, &c)| u32::from(b) == c) {
            if bytes.len() == cps.len() {
                return Ok(word.clone());
            }
            // SAFETY: `word` is a live str of more than `bytes.len()`
            // characters; the call returns a new reference or NULL with an
            // exception set.
            unsafe {
                let ptr =
                    ffi::PyUnicode_Substring(word.as_ptr(), 0, bytes.len() as ffi::Py_ssize_t);
                return Ok(Bound::from_owned_ptr_or_err(py, ptr)?.cast_into_unchecked());
            }
        }
        crate::py_string(py, bytes)
    }

    fn stem_lowering_in<'py>(
        &self,
        word: &Bound<'py, PyString>,
        buffers: &mut WordBuffers,
    ) -> PyResult<Bound<'py, PyString>> {
        let py = word.py();
        let cps = &mut buffers.cps;
        code_points_into(word, cps)?;
        // An ASCII word, with no stop words to test, in a language whose
        // stems of ASCII words are ASCII: lowered and stemmed in its bytes
        // (lowered while its letters are tested for ASCII, in one pass).
        if self.inner.stems_in_letters() && no_stopwords(self.stopwords.bind(py)) {
            let bytes = &mut buffers.bytes;
            bytes.clear();
            let mut all = 0;
            bytes.extend(cps.iter().map(|&c| {
                all |= c;
                (c as u8).to_ascii_lowercase()
            }));
            if all < 0x80 {
                return self.stem_ascii(word, cps, bytes);
            }
        }
        let ascii = cps.iter().all(|&c| c < 0x80);
        if ascii {
            for c in cps.iter_mut() {
                *c |= u32::from((0x41..=0x5A).contains(c)) << 5;
            }
        } else if let (Some(table), true) = (latin1_lower(py)?, cps.iter().all(|&c| c < 0x100)) {
            for c in cps.iter_mut() {
                *c = u32::from(table[*c as usize]);
            }
        } else {
            let lowered = word.call_method0(pyo3::intern!(py, "lower"))?;
            code_points_into(&lowered.cast_into::<PyString>()?, cps)?;
        }
        let lookup = PyStopWords::new(self.stopwords.bind(py));
        let stemmed = self.inner.stem_lowered(cps, &lookup);
        lookup.into_result()?;
        stemmed.map_err(index_error)?;
        // A word that is its own stem comes back as it is, with no new string.
        if ascii && same_ascii(word, cps) {
            return Ok(word.clone());
        }
        string_of_code_points(py, cps)
    }
}

fn capitalized(name: &str) -> String {
    let mut letters = name.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

#[pymethods]
impl NativeSnowballStemmer {
    /// `language`: one of NLTK's names; `stopwords`: the object to consult.
    #[new]
    fn new(language: &str, stopwords: Py<PyAny>) -> PyResult<Self> {
        let language = Language::from_name(language).ok_or_else(|| {
            PyValueError::new_err(format!("The language '{language}' is not supported."))
        })?;
        Ok(NativeSnowballStemmer {
            inner: core::SnowballStemmer::new(language, []),
            stopwords,
        })
    }

    /// NLTK's name of the stemmer's language.
    #[getter]
    fn language(&self) -> &'static str {
        self.inner.language().name()
    }

    /// Arabic only: NLTK's `suffixes_verb_step1_success`, which a word sets
    /// and no later word resets (it changes how later words are stemmed).
    #[getter]
    fn suffixes_verb_step1_success(&self) -> bool {
        self.inner.arabic_verb_step1_success()
    }

    #[setter]
    fn set_suffixes_verb_step1_success(&self, success: bool) {
        self.inner.set_arabic_verb_step1_success(success);
    }

    /// Stems `word` exactly as NLTK's `stem` of this language does.
    fn stem<'py>(&self, word: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
        let py = word.py();
        let language = self.inner.language();
        if let Ok(word) = word.cast::<PyString>() {
            if language.lowercases() && language != Language::Porter {
                return self.stem_lowering(word);
            }
        }
        let lowered_str;
        // A word that is not a str has been lowered by NLTK's first line (its
        // own `lower()`, which need not give a lower-case str).
        let (word, lowered_already) = match word.cast::<PyString>() {
            Ok(w) => (w, false),
            Err(_) => {
                lowered_str = self.not_a_str(word)?;
                (&lowered_str, true)
            }
        };
        let mut cps = code_points(word)?;
        let ascii = cps.iter().all(|&c| c < 0x80);
        // The token itself only where NLTK stems it as it is (Arabic, Russian)
        // or looks at its length (Porter); the others stem its lowering.
        let needs_token = !language.lowercases() || language == Language::Porter;
        let (token, lowered) = if !language.lowercases() {
            (cps, Vec::new())
        } else if lowered_already {
            (if needs_token { cps.clone() } else { Vec::new() }, cps)
        } else if ascii {
            let token = if needs_token { cps.clone() } else { Vec::new() };
            for c in cps.iter_mut() {
                *c |= u32::from((0x41..=0x5A).contains(c)) << 5;
            }
            (token, cps)
        } else if let (Some(table), true) = (latin1_lower(py)?, cps.iter().all(|&c| c < 0x100)) {
            let token = if needs_token { cps.clone() } else { Vec::new() };
            for c in cps.iter_mut() {
                *c = u32::from(table[*c as usize]);
            }
            (token, cps)
        } else {
            let lowered = word.call_method0(pyo3::intern!(py, "lower"))?;
            (
                if needs_token { cps } else { Vec::new() },
                code_points(&lowered.cast_into::<PyString>()?)?,
            )
        };
        let stopwords = self.stopwords.bind(py);
        let lookup = PyStopWords::new(stopwords);
        let stem = self.inner.stem_with(&token, lowered, &lookup);
        lookup.into_result()?;
        let stem = stem.map_err(index_error)?;
        // A word that is its own stem comes back as it is, with no new string
        // (an ASCII str's UTF-8 is its own data: no copy to compare with).
        let unchanged = if ascii {
            same_ascii(word, &stem)
        } else {
            !language.lowercases() && stem == token
        };
        if unchanged {
            return Ok(word.clone());
        }
        string_of_code_points(py, &stem)
    }

    fn __repr__(&self) -> String {
        format!("<{}Stemmer>", capitalized(self.inner.language().name()))
    }
}

/// `nltk.stem.lancaster.LancasterStemmer`, natively.
#[pyclass(
    frozen,
    subclass,
    module = "stemline._native",
    name = "LancasterStemmer"
)]
struct NativeLancasterStemmer {
    inner: core::LancasterStemmer,
    classes: std::sync::Arc<core::CharClasses>,
}

#[pymethods]
impl NativeLancasterStemmer {
    /// `rules`: `None` for NLTK's default table, or rules already checked
    /// and written with ASCII digits (the Python class does both).
    #[new]
    #[pyo3(signature = (tables, rules, strip_prefix_flag))]
    fn new(
        tables: &CharTables,
        rules: Option<Vec<String>>,
        strip_prefix_flag: bool,
    ) -> PyResult<Self> {
        let inner = match rules {
            None => core::LancasterStemmer::with_prefix_stripping(strip_prefix_flag),
            Some(rules) => {
                let parsed = rules
                    .iter()
                    .map(|r| {
                        core::stem::lancaster::Rule::parse(r).ok_or_else(|| {
                            PyValueError::new_err(format!("The rule {r} is invalid"))
                        })
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                core::LancasterStemmer::new(parsed, strip_prefix_flag)
            }
        };
        Ok(NativeLancasterStemmer {
            inner,
            classes: tables.inner.clone(),
        })
    }

    #[getter]
    fn strip_prefix_flag(&self) -> bool {
        self.inner.strip_prefix()
    }

    /// Stems `word` exactly as NLTK's `LancasterStemmer.stem` does. A word
    /// that is not a str goes through NLTK's first line, `word.lower()`
    /// (its exception, or a str to stem as it is).
    fn stem<'py>(&self, word: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyString>> {
        let lowered = match word.cast::<PyString>() {
            Ok(text) => decode_and_lower(text, true)?.1,
            Err(_) => {
                let lowered = word.call_method0("lower")?;
                let text = lowered.cast::<PyString>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "LancasterStemmer.stem takes a str, not {}",
                        word.get_type()
                            .name()
                            .map_or_else(|_| "?".into(), |n| n.to_string())
                    ))
                })?;
                core::codepoints::decode(&text_bytes(text)?)
            }
        };
        code_points_to_py(word.py(), &self.inner.stem(lowered, &self.classes))
    }

    fn __repr__(&self) -> &'static str {
        "<LancasterStemmer>"
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePorterStemmer>()?;
    m.add_class::<NativeSnowballStemmer>()?;
    let languages: Vec<&str> = Language::ALL.iter().map(|l| l.name()).collect();
    m.add(
        "SNOWBALL_LANGUAGES",
        pyo3::types::PyTuple::new(m.py(), languages)?,
    )?;
    m.add_class::<NativeLancasterStemmer>()?;
    Ok(())
}
