//! `--offsets` output made natively: each document's line and its tokens'
//! code point ranges as the JSON text the output writes
//! (`[[0, 3], [4, 8]]`, as `json.dumps` writes the list of pairs), with no
//! Python object per token. A tuple, two integers and a list per token cost
//! a batch some fifty times its text and held the GIL while they were built,
//! keeping stop signals waiting for seconds.

use std::borrow::Cow;
use std::io::Write;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};

use stemline_core as core;

use crate::{py_string, text_bytes, texts_bytes, Normalizer};

/// Appends `text`'s line to `line` and its ranges as JSON to `offsets`;
/// fails where the `word_tokenize` tokenizer's offsets do (NLTK's
/// `span_tokenize` raises on a sentence).
fn line_and_offsets(
    n: &core::Normalizer,
    text: &[u8],
    line: &mut Vec<u8>,
    offsets: &mut Vec<u8>,
) -> Result<(), core::word_tokenize::OffsetError> {
    offsets.push(b'[');
    let mut first = true;
    n.for_each_token_pooled(text, |token| {
        if !first {
            line.push(b' ');
            offsets.extend_from_slice(b", ");
        }
        first = false;
        line.extend_from_slice(token.token);
        // Writing to a Vec cannot fail.
        let _ = write!(offsets, "[{}, {}]", token.start, token.end);
    })?;
    offsets.push(b']');
    Ok(())
}

/// `(line, offsets)` of each of `texts`: its normalized line (the tokens
/// joined by one space, as `normalize` gives it) and its tokens' ranges as
/// JSON text. The GIL is released while they are made. The first text
/// whose offsets fail, in input order, is a `ValueError`.
#[pyfunction]
pub(crate) fn offsets_many<'py>(
    py: Python<'py>,
    normalizer: &Normalizer,
    texts: Vec<Bound<'py, PyString>>,
) -> PyResult<Bound<'py, PyList>> {
    let owned = texts_bytes(&texts)?;
    let docs: Vec<&[u8]> = owned.iter().map(|b| &**b).collect();
    let done = py
        .detach(|| {
            docs.iter()
                .enumerate()
                .map(|(i, doc)| {
                    let (mut line, mut offsets) = (Vec::new(), Vec::new());
                    line_and_offsets(&normalizer.inner, doc, &mut line, &mut offsets)
                        .map_err(|e| format!("texts[{i}]: {e}"))?;
                    Ok((line, offsets))
                })
                .collect::<Result<Vec<_>, String>>()
        })
        .map_err(PyValueError::new_err)?;
    let pairs = done
        .iter()
        .map(|(line, offsets)| PyTuple::new(py, [py_string(py, line)?, py_string(py, offsets)?]))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, pairs)
}

/// Parts of about `part_bytes`, handed to a Python callable in order; the
/// first exception it raises (a stop signal's) is kept and ends the handing.
struct Parts {
    part: Vec<u8>,
    part_bytes: usize,
    sink: Py<PyAny>,
    error: Option<PyErr>,
}

impl Parts {
    fn full(&self) -> bool {
        self.part.len() >= self.part_bytes
    }

    fn hand_on(&mut self) {
        if self.error.is_none() && !self.part.is_empty() {
            let result = Python::attach(|py| {
                py_string(py, &self.part).and_then(|s| self.sink.call1(py, (s,)))
            });
            if let Err(e) = result {
                self.error = Some(e);
            }
        }
        self.part.clear();
    }
}

/// One long document's line, handed to `line_sink` in parts of about
/// `part_bytes` (split between tokens), then its ranges as JSON text, handed
/// to `offsets_sink` likewise, so that neither is ever whole in memory: the
/// document is read twice instead. Returns the number of tokens. Where the
/// `word_tokenize` tokenizer's offsets fail, a `ValueError` before anything
/// is handed on: the document is then read once more first.
#[pyfunction]
pub(crate) fn offsets_in_parts(
    py: Python<'_>,
    normalizer: &Normalizer,
    text: &Bound<'_, PyString>,
    part_bytes: usize,
    line_sink: Py<PyAny>,
    offsets_sink: Py<PyAny>,
) -> PyResult<u64> {
    // Not `text_bytes` for a text that is not ASCII: CPython would keep the
    // UTF-8 it makes in the string for the string's lifetime (see
    // `Normalizer.normalize`); an encoded copy lives only during the call.
    let encoded;
    let bytes: Cow<'_, [u8]> = if text.call_method0("isascii")?.is_truthy()? {
        text_bytes(text)?
    } else {
        encoded = text.call_method1("encode", ("utf-8", "surrogatepass"))?;
        Cow::Borrowed(encoded.cast::<PyBytes>()?.as_bytes())
    };
    let n = &normalizer.inner;
    let mut parts = Parts {
        part: Vec::with_capacity(part_bytes + 64),
        part_bytes: part_bytes.max(1),
        sink: line_sink,
        error: None,
    };
    let mut tokens = 0u64;
    py.detach(|| {
        if let core::normalizer::Tokenizer::WordTokenize(_) = n.tokenizer() {
            n.for_each_token_pooled(&bytes, |_| {})
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
        }
        let mut first = true;
        n.for_each_token_pooled(&bytes, |token| {
            if parts.error.is_some() {
                return; // stopped: the rest of the document is passed over
            }
            if !first {
                parts.part.push(b' ');
            }
            first = false;
            tokens += 1;
            parts.part.extend_from_slice(token.token);
            if parts.full() {
                parts.hand_on();
            }
        })
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        parts.hand_on();
        parts.sink = offsets_sink;
        parts.part.push(b'[');
        let mut first = true;
        n.for_each_token_pooled(&bytes, |token| {
            if parts.error.is_some() {
                return;
            }
            if !first {
                parts.part.extend_from_slice(b", ");
            }
            first = false;
            let _ = write!(parts.part, "[{}, {}]", token.start, token.end);
            if parts.full() {
                parts.hand_on();
            }
        })
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
        parts.part.push(b']');
        parts.hand_on();
        Ok::<_, PyErr>(())
    })?;
    match parts.error {
        Some(e) => Err(e),
        None => Ok(tokens),
    }
}
