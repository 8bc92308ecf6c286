//! The stemmer classes: NLTK's `PorterStemmer`, `SnowballStemmer("english")` and
//! `LancasterStemmer`, natively. Each is subclassed in stemline/stemmers.py,
//! which adds NLTK's constructor signatures and pickling.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

use stemline_core as core;

use crate::{code_points_to_py, py_lower, text_bytes, words_code_points, CharTables};

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

/// An argument taken for its truth value, as Python's `if` takes it (NLTK's
/// `to_lowercase`, where `0`, `None` or `""` mean false).
struct Truth(bool);

impl FromPyObject<'_, '_> for Truth {
    type Error = PyErr;

    fn extract(obj: Borrowed<'_, '_, PyAny>) -> PyResult<Self> {
        Ok(Truth(obj.is_truthy()?))
    }
}

/// `nltk.stem.porter.PorterStemmer`, natively.
#[pyclass(frozen, subclass, module = "stemline._native", name = "PorterStemmer")]
struct NativePorterStemmer {
    inner: core::PorterStemmer,
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
    #[pyo3(signature = (mode = "NLTK_EXTENSIONS"))]
    fn new(mode: &str) -> PyResult<Self> {
        let mode = core::Mode::from_nltk_name(mode).ok_or_else(|| {
            PyValueError::new_err(
                "Mode must be one of PorterStemmer.NLTK_EXTENSIONS, \
                 PorterStemmer.MARTIN_EXTENSIONS, or PorterStemmer.ORIGINAL_ALGORITHM",
            )
        })?;
        Ok(NativePorterStemmer {
            inner: core::PorterStemmer::new(mode),
        })
    }

    #[getter]
    fn mode(&self) -> &'static str {
        self.inner.mode().nltk_name()
    }

    /// Stems `word` exactly as NLTK's PorterStemmer.stem(word, to_lowercase) does
    /// (`to_lowercase` is taken for its truth value, as NLTK's `if` does).
    #[pyo3(signature = (word, to_lowercase = Truth(true)))]
    fn stem<'py>(
        &self,
        word: &Bound<'py, PyString>,
        to_lowercase: Truth,
    ) -> PyResult<Bound<'py, PyString>> {
        let (cps, lowered) = decode_and_lower(word, to_lowercase.0)?;
        code_points_to_py(word.py(), &self.inner.stem(&cps, lowered))
    }

    fn __repr__(&self) -> &'static str {
        "<PorterStemmer>"
    }
}

/// `nltk.stem.snowball.EnglishStemmer`, natively.
#[pyclass(
    frozen,
    subclass,
    module = "stemline._native",
    name = "SnowballStemmer"
)]
struct NativeSnowballStemmer {
    inner: core::SnowballStemmer,
    ignore_stopwords: bool,
}

#[pymethods]
impl NativeSnowballStemmer {
    /// `stopwords` are the words left unstemmed (NLTK's English list when
    /// `ignore_stopwords`; the Python class supplies it).
    #[new]
    fn new(ignore_stopwords: bool, stopwords: Vec<Bound<'_, PyString>>) -> PyResult<Self> {
        Ok(NativeSnowballStemmer {
            inner: core::SnowballStemmer::with_stopwords(words_code_points(&stopwords)?),
            ignore_stopwords,
        })
    }

    #[getter]
    fn ignore_stopwords(&self) -> bool {
        self.ignore_stopwords
    }

    /// Stems `word` exactly as NLTK's `SnowballStemmer("english").stem` does.
    fn stem<'py>(&self, word: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        let (_, lowered) = decode_and_lower(word, true)?;
        code_points_to_py(word.py(), &self.inner.stem(lowered))
    }

    fn __repr__(&self) -> &'static str {
        "<EnglishStemmer>"
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

    /// Stems `word` exactly as NLTK's `LancasterStemmer.stem` does.
    fn stem<'py>(&self, word: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        let (_, lowered) = decode_and_lower(word, true)?;
        code_points_to_py(word.py(), &self.inner.stem(lowered, &self.classes))
    }

    fn __repr__(&self) -> &'static str {
        "<LancasterStemmer>"
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativePorterStemmer>()?;
    m.add_class::<NativeSnowballStemmer>()?;
    m.add_class::<NativeLancasterStemmer>()?;
    Ok(())
}
