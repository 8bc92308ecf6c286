//! Punkt's sentence tokenizer for Python: its parameters, its character
//! tables, and the tokenizer, which computes offsets with the GIL released
//! and cuts the sentences out of the Python string itself.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use stemline_core::codepoints;
use stemline_core::punkt::{self, Offsets, Span};

use crate::{text_bytes, texts_bytes};

type PyRanges = Vec<(u32, u32)>;

/// Punkt's character classes and `str.lower()`, built from the running
/// Python (see stemline/_unicode.py, `build_punkt_tables`).
#[pyclass(frozen, module = "stemline._native")]
pub(crate) struct PunktCharTables {
    inner: Arc<punkt::PunktChars>,
}

#[pymethods]
impl PunktCharTables {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        space: PyRanges,
        str_space: PyRanges,
        word_not_digit: PyRanges,
        digit: PyRanges,
        upper: PyRanges,
        lower: PyRanges,
        cased: PyRanges,
        case_ignorable: PyRanges,
        lowercase: Vec<(u32, Bound<'_, PyString>)>,
    ) -> PyResult<Self> {
        let lowercase = lowercase
            .iter()
            .map(|(cp, lowered)| Ok((*cp, codepoints::decode(&text_bytes(lowered)?))))
            .collect::<PyResult<_>>()?;
        let ranges = punkt::PunktCharRanges {
            space,
            str_space,
            word_not_digit,
            digit,
            upper,
            lower,
            cased,
            case_ignorable,
            lowercase,
        };
        let inner = punkt::PunktChars::new(&ranges).map_err(PyValueError::new_err)?;
        Ok(PunktCharTables {
            inner: Arc::new(inner),
        })
    }

    /// `str.lower()` as the tables compute it (for tests).
    fn lower<'py>(&self, text: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyString>> {
        let mut out = Vec::new();
        self.inner
            .lower_into(&text_bytes(text)?, &mut out, &mut Vec::new());
        crate::py_string(text.py(), &out)
    }
}

/// One language's Punkt parameters.
#[pyclass(frozen, module = "stemline._native")]
pub(crate) struct PunktParameters {
    inner: Arc<punkt::PunktParameters>,
}

/// `(abbrev_types, collocations, sent_starters, ortho_context)` as Python
/// values.
type ParameterContents<'py> = (
    Vec<Bound<'py, PyString>>,
    Vec<(Bound<'py, PyString>, Bound<'py, PyString>)>,
    Vec<Bound<'py, PyString>>,
    Bound<'py, PyDict>,
);

#[pymethods]
impl PunktParameters {
    /// Parses a bundle (the package's data file, decompressed).
    #[new]
    fn new(bundle: &[u8]) -> PyResult<Self> {
        let inner = punkt::PunktParameters::from_bundle(bundle).map_err(PyValueError::new_err)?;
        Ok(PunktParameters {
            inner: Arc::new(inner),
        })
    }

    /// Parses the contents of a language's four `punkt_tab` files.
    #[staticmethod]
    fn from_punkt_tab(
        abbrev_types: &[u8],
        collocations: &[u8],
        sent_starters: &[u8],
        ortho_context: &[u8],
    ) -> PyResult<Self> {
        let inner = punkt::PunktParameters::from_punkt_tab(
            abbrev_types,
            collocations,
            sent_starters,
            ortho_context,
        )
        .map_err(PyValueError::new_err)?;
        Ok(PunktParameters {
            inner: Arc::new(inner),
        })
    }

    /// The parameters as NLTK's `PunktParameters` holds them (for tests):
    /// the sets as lists, in no particular order.
    fn contents<'py>(&self, py: Python<'py>) -> PyResult<ParameterContents<'py>> {
        let s = |b: &[u8]| crate::py_string(py, b);
        let abbrev_types = self.inner.abbrev_types().map(s).collect::<PyResult<_>>()?;
        let collocations = self
            .inner
            .collocations()
            .map(|(a, b)| Ok((s(a)?, s(b)?)))
            .collect::<PyResult<_>>()?;
        let sent_starters = self.inner.sent_starters().map(s).collect::<PyResult<_>>()?;
        let ortho_context = PyDict::new(py);
        for (typ, flags) in self.inner.ortho_context() {
            ortho_context.set_item(s(typ)?, flags)?;
        }
        Ok((abbrev_types, collocations, sent_starters, ortho_context))
    }
}

/// `PunktSentenceTokenizer` with one language's parameters.
#[pyclass(frozen, module = "stemline._native")]
pub(crate) struct PunktSentenceTokenizer {
    /// Shareable (its parameters and tables are behind `Arc`s): clone it into
    /// anything else of the binding that splits sentences.
    pub(crate) inner: punkt::PunktSentenceTokenizer,
}

/// Non-ASCII texts longer than this many characters are encoded to a
/// temporary copy rather than borrowed as the UTF-8 CPython would keep with
/// the string for its lifetime (see `Normalizer.normalize`).
const LONG_TEXT_CHARS: usize = 4 << 20;

impl PunktSentenceTokenizer {
    /// The sentences of `text` as code point offsets, computed with the GIL
    /// released.
    fn code_point_spans(&self, text: &Bound<'_, PyString>, realign: bool) -> PyResult<Vec<Span>> {
        let py = text.py();
        let run = |bytes: &[u8]| {
            py.detach(|| {
                self.inner
                    .span_tokenize_in(bytes, realign, Offsets::CodePoints)
            })
        };
        if text.len()? > LONG_TEXT_CHARS && !text.call_method0("isascii")?.is_truthy()? {
            // Dropped before the sentences are cut: never the text twice
            // besides them.
            let encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
            return Ok(run(encoded.cast::<PyBytes>()?.as_bytes()));
        }
        Ok(run(&text_bytes(text)?))
    }
}

/// `text[start:end]` for each span (code point offsets), as a list.
fn sentences<'py>(text: &Bound<'py, PyString>, spans: &[Span]) -> PyResult<Bound<'py, PyList>> {
    let py = text.py();
    let strings = spans
        .iter()
        .map(|&(start, end)| {
            // SAFETY: `text` is a live str; the offsets are within it (they
            // come from its own length in code points), and the call returns
            // a new reference or NULL with an exception set.
            unsafe {
                let ptr = ffi::PyUnicode_Substring(
                    text.as_ptr(),
                    start as ffi::Py_ssize_t,
                    end as ffi::Py_ssize_t,
                );
                Bound::from_owned_ptr_or_err(py, ptr)
            }
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, strings)
}

fn span_tuples<'py>(py: Python<'py>, spans: &[Span]) -> PyResult<Bound<'py, PyList>> {
    let tuples = spans
        .iter()
        .map(|&(start, end)| PyTuple::new(py, [start, end]))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, tuples)
}

#[pymethods]
impl PunktSentenceTokenizer {
    #[new]
    fn new(params: &PunktParameters, tables: &PunktCharTables) -> Self {
        PunktSentenceTokenizer {
            inner: punkt::PunktSentenceTokenizer::new(params.inner.clone(), tables.inner.clone()),
        }
    }

    /// `(start, end)` of each sentence, code point offsets.
    #[pyo3(signature = (text, realign_boundaries = true))]
    fn span_tokenize<'py>(
        &self,
        text: &Bound<'py, PyString>,
        realign_boundaries: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let spans = self.code_point_spans(text, realign_boundaries)?;
        span_tuples(text.py(), &spans)
    }

    /// The sentences.
    #[pyo3(signature = (text, realign_boundaries = true))]
    fn tokenize<'py>(
        &self,
        text: &Bound<'py, PyString>,
        realign_boundaries: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let spans = self.code_point_spans(text, realign_boundaries)?;
        sentences(text, &spans)
    }

    /// `tokenize` of each text, on `workers` threads.
    #[pyo3(signature = (texts, workers, realign_boundaries = true))]
    fn tokenize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
        realign_boundaries: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        let strings: Vec<Py<PyString>> = texts.iter().map(|t| t.clone().unbind()).collect();
        // The sentences are cut, with the GIL, chunk by chunk as the workers
        // finish them, so that cutting overlaps the workers' splitting.
        let mut lists: Vec<Py<PyList>> = Vec::with_capacity(docs.len());
        let mut error = None;
        py.detach(|| {
            self.inner.span_tokenize_batch_streamed(
                &docs,
                workers,
                realign_boundaries,
                Offsets::CodePoints,
                |chunk| {
                    if error.is_some() {
                        return;
                    }
                    Python::attach(|py| {
                        for spans in chunk {
                            let text = strings[lists.len()].bind(py);
                            match sentences(text, &spans) {
                                Ok(list) => lists.push(list.unbind()),
                                Err(e) => {
                                    error.get_or_insert(e);
                                    return;
                                }
                            }
                        }
                    })
                },
            )
        });
        if let Some(e) = error {
            return Err(e);
        }
        PyList::new(py, lists)
    }

    /// `span_tokenize` of each text, on `workers` threads.
    #[pyo3(signature = (texts, workers, realign_boundaries = true))]
    fn span_tokenize_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<Bound<'py, PyString>>,
        workers: usize,
        realign_boundaries: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let owned = texts_bytes(&texts)?;
        let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
        let spans = py.detach(|| {
            self.inner
                .span_tokenize_batch(&docs, workers, realign_boundaries, Offsets::CodePoints)
        });
        let lists = spans
            .iter()
            .map(|s| span_tuples(py, s))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, lists)
    }

    /// NLTK's `text_contains_sentbreak(text)` (for tests).
    fn text_contains_sentbreak(&self, text: &Bound<'_, PyString>) -> PyResult<bool> {
        Ok(self.inner.text_contains_sentbreak(&text_bytes(text)?))
    }
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PunktCharTables>()?;
    m.add_class::<PunktParameters>()?;
    m.add_class::<PunktSentenceTokenizer>()?;
    Ok(())
}
