//! Binding of the native corpus job (`stemline-io`): the settings, sources,
//! hooks and target converted, the GIL released while the job runs, its
//! hooks calling back into Python (with the GIL) for tolerated problems, the
//! JSON records only Python's `json` can judge, progress and Ctrl-C, and its
//! one error type turned into `NativeInputError` (bad input, as its parts),
//! an `OSError`, or the hook's own exception.

use std::fs::File;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::{AsRawFd, FromRawFd};
use std::sync::Arc;

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use stemline_io as io;

use crate::Normalizer;

/// The job's hooks, read by attribute name from the object Python passes.
#[derive(FromPyObject)]
pub(crate) struct PyHooks {
    /// `tolerate(name, line, offset, message)`: a problem the policy tolerates.
    tolerate: Py<PyAny>,
    /// `json_record(line)`: the Python reader's verdict on a JSON Lines line.
    json_record: Py<PyAny>,
    /// `progress(documents, disk_bytes)`, or None.
    progress: Option<Py<PyAny>>,
}

fn hook_error(e: PyErr) -> io::Error {
    io::Error::Hook(Box::new(e))
}

impl io::Hooks for PyHooks {
    fn tolerate(&self, place: &io::Place, message: &str) -> Result<(), io::Error> {
        Python::attach(|py| {
            self.tolerate
                .call1(py, (&place.name, place.line, place.offset, message))
                .map(drop)
        })
        .map_err(hook_error)
    }

    fn json_record(&self, line: &str) -> Result<io::JsonVerdict, io::Error> {
        Python::attach(|py| -> PyResult<io::JsonVerdict> {
            let verdict = self.json_record.call1(py, (line,))?;
            let verdict = verdict.bind(py).cast::<PyTuple>()?;
            let kind: String = verdict.get_item(0)?.extract()?;
            Ok(match kind.as_str() {
                "skip" => io::JsonVerdict::Skip,
                "text" => io::JsonVerdict::Text {
                    text: verdict.get_item(1)?.extract()?,
                    clash: verdict.get_item(2)?.extract()?,
                },
                _ => io::JsonVerdict::Bad {
                    message: verdict.get_item(1)?.extract()?,
                    column: verdict.get_item(2)?.extract()?,
                    empty_record: verdict.get_item(3)?.extract()?,
                    clash: verdict.get_item(4)?.extract()?,
                },
            })
        })
        .map_err(hook_error)
    }

    fn progress(&self, stats: &io::Stats) -> Result<(), io::Error> {
        Python::attach(|py| {
            py.check_signals()?;
            if let Some(progress) = &self.progress {
                progress.call1(py, (stats.documents, stats.disk_bytes))?;
            }
            Ok(())
        })
        .map_err(hook_error)
    }
}

pyo3::create_exception!(
    _native,
    NativeInputError,
    pyo3::exceptions::PyException,
    "Bad input found by the native corpus job, as its parts: (name, line or None, \
     byte offset or None, message, hint or None). stemline.corpus.native raises it \
     as the corpus layer's InputError."
);

/// The job's error as Python raises it: bad input as its parts (made into
/// the corpus layer's `InputError` by the Python caller), an `OSError` for
/// the output, or the hook's own exception.
fn to_py(e: io::Error) -> PyErr {
    match e {
        io::Error::Input {
            place,
            message,
            hint,
        } => NativeInputError::new_err((place.name, place.line, place.offset, message, hint)),
        // OSError(errno, strerror), as Python's own writes raise it: the same
        // message (no "(os error N)"), and errno's subclass (BrokenPipeError).
        io::Error::Output(e) => match e.raw_os_error() {
            Some(errno) => PyOSError::new_err((errno, io::error::strerror(&e))),
            None => e.into(),
        },
        io::Error::Hook(e) => match e.downcast::<PyErr>() {
            Ok(e) => *e,
            Err(e) => PyValueError::new_err(e.to_string()),
        },
    }
}

/// One source: `(name, path or None, format, announced compression or None, size or None)`.
/// The path is converted as Python's `os.fsencode` does, so a file name that
/// is not UTF-8 (a `str` with surrogate escapes) reaches the same file.
type PySource = (
    String,
    Option<std::path::PathBuf>,
    String,
    Option<String>,
    Option<u64>,
);

fn source((name, path, format, compression, size): PySource) -> PyResult<(io::Source, io::Format)> {
    let format = io::Format::from_name(&format)
        .ok_or_else(|| PyValueError::new_err(format!("no native reader for {format:?}")))?;
    let compression = match compression {
        None => None,
        Some(c) => Some(
            io::Compression::from_name(&c)
                .ok_or_else(|| PyValueError::new_err(format!("unknown compression {c:?}")))?,
        ),
    };
    let source = io::Source {
        name,
        path,
        compression,
        size,
    };
    Ok((source, format))
}

/// What the job reads of the command line's settings, by attribute name: a
/// new option reaches the job as one field here (and its use in
/// `stemline_io::Options`).
#[derive(FromPyObject)]
pub(crate) struct Settings<'py> {
    /// The input options (`InputSpec` of `stemline.corpus.options`).
    inputs: InputSettings<'py>,
    /// The output options (`OutputSpec` of `stemline.corpus.outputs`).
    output: OutputSettings<'py>,
    /// The output's format: `lines` or `jsonl`.
    output_format: String,
    /// Worker threads (0: one per core).
    workers: usize,
    /// Bytes read at a time.
    block_bytes: usize,
}

#[derive(FromPyObject)]
struct InputSettings<'py> {
    on_decode_error: String,
    on_bad_record: String,
    max_doc_bytes: u64,
    batch_bytes: usize,
    field: Bound<'py, PyString>,
}

#[derive(FromPyObject)]
struct OutputSettings<'py> {
    field: Bound<'py, PyString>,
}

impl Settings<'_> {
    fn options(&self) -> PyResult<io::Options> {
        let decode = &self.inputs.on_decode_error;
        let out_field = self.output.field.to_str()?;
        let mut out_key_json = Vec::new();
        io::jsonl::push_json_string(&mut out_key_json, out_field.as_bytes());
        let out_field = match io::Format::from_name(&self.output_format) {
            Some(io::Format::Lines) => None,
            Some(io::Format::Jsonl) => Some(out_field.to_owned()),
            _ => {
                return Err(PyValueError::new_err(format!(
                    "no native writer for {:?}",
                    self.output_format
                )))
            }
        };
        let block_bytes = self.block_bytes.max(1);
        Ok(io::Options {
            decode: io::DecodePolicy::from_name(decode).ok_or_else(|| {
                PyValueError::new_err(format!("unknown decode policy {decode:?}"))
            })?,
            empty_bad_records: self.inputs.on_bad_record == "empty",
            max_doc_bytes: self.inputs.max_doc_bytes,
            block_bytes,
            field_path: self
                .inputs
                .field
                .to_str()?
                .split('.')
                .map(str::to_owned)
                .collect(),
            out_field,
            out_key_json,
            out_field_repr: self.output.field.repr()?.to_str()?.to_owned(),
            workers: self.workers,
            // --batch-bytes bounds the input in flight, as it bounds the batches.
            max_blocks: (self.inputs.batch_bytes / block_bytes).max(1),
        })
    }
}

/// Where the job's output goes: an open file descriptor (left open), or a
/// callable taking each block's bytes in order (the output layer's
/// compressing writer).
#[derive(FromPyObject)]
pub(crate) enum PyTarget {
    Fd(i32),
    Sink(Py<PyAny>),
}

/// Normalizes `sources` with `settings` to `target`, calling back `hooks`
/// (an object with `tolerate`, `json_record` and `progress`, which may be
/// None). Returns `(documents, tokens, input bytes, disk bytes)`; bad input
/// raises `NativeInputError`.
#[pyfunction]
pub(crate) fn normalize_files(
    py: Python<'_>,
    normalizer: &Normalizer,
    sources: Vec<PySource>,
    settings: Settings<'_>,
    hooks: PyHooks,
    target: PyTarget,
) -> PyResult<(u64, u64, u64, u64)> {
    let sources = sources
        .into_iter()
        .map(source)
        .collect::<PyResult<Arc<[_]>>>()?;
    let options = Arc::new(settings.options()?);
    let file;
    let target = match target {
        PyTarget::Fd(fd) => {
            // SAFETY: the caller keeps the descriptor open for the call;
            // ManuallyDrop leaves closing it to the caller.
            file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
            Target::File(&file)
        }
        PyTarget::Sink(sink) => Target::Sink(sink),
    };
    let mut writer = SignalledWrites {
        target,
        raised: None,
        unsynced: 0,
        writeback: true,
    };
    let hooks = Arc::new(hooks);
    let result = py.detach(|| {
        // A panic (a bug) becomes a RuntimeError, which the command line
        // reports as an internal error (exit code 70) rather than a
        // traceback; the output is aborted as for any error.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            io::run(&normalizer.inner, sources, options, hooks, &mut writer)
        }))
    });
    if let Some(e) = writer.raised {
        return Err(e); // a stop signal's or the sink's exception, whatever the job made of it
    }
    match result {
        Ok(Ok(s)) => Ok((s.documents, s.tokens, s.nbytes, s.disk_bytes)),
        Ok(Err(e)) => Err(to_py(e)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".to_owned());
            Err(PyRuntimeError::new_err(format!(
                "the native corpus job failed: {what}"
            )))
        }
    }
}

/// Where the job's output bytes go.
enum Target<'a> {
    /// Straight to the file descriptor.
    File(&'a File),
    /// Through a Python callable taking bytes (it may compress them).
    Sink(Py<PyAny>),
}

/// The output, with Python's signal handlers run when a write is
/// interrupted by a signal, as Python's own file objects do: a write blocked
/// on a pipe or FIFO nobody reads must not keep Ctrl-C or SIGTERM waiting.
/// A signal makes the blocked write return early, failed (std's `write_all`
/// would retry that for ever) or short (the bytes written before it), so
/// both are the moments to look. The handler's exception (``Signalled``), or
/// the sink's, is kept in `raised` and the write fails, which stops the job.
struct SignalledWrites<'a> {
    target: Target<'a>,
    raised: Option<PyErr>,
    /// Bytes written since write-back was last started (see
    /// `stemline_io::writeback`), and whether the file takes it.
    unsynced: u64,
    writeback: bool,
}

impl SignalledWrites<'_> {
    fn check_signals(&mut self) -> std::io::Result<()> {
        match Python::attach(|py| py.check_signals()) {
            Ok(()) => Ok(()),
            Err(e) => {
                self.raised = Some(e);
                Err(std::io::Error::other("stopped by a signal"))
            }
        }
    }
}

impl Write for SignalledWrites<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut file = match &self.target {
            Target::File(file) => *file,
            Target::Sink(sink) => {
                return match Python::attach(|py| sink.call1(py, (PyBytes::new(py, buf),))) {
                    Ok(_) => Ok(buf.len()),
                    Err(e) => {
                        self.raised = Some(e);
                        Err(std::io::Error::other("the output's sink failed"))
                    }
                };
            }
        };
        let written = loop {
            match file.write(buf) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => self.check_signals()?,
                Ok(n) if n < buf.len() => {
                    self.check_signals()?;
                    break n;
                }
                other => break other?,
            }
        };
        self.unsynced += written as u64;
        if self.writeback && self.unsynced >= io::writeback::EVERY_BYTES {
            self.unsynced = 0;
            self.writeback = io::writeback::start(file.as_raw_fd());
        }
        Ok(written)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(()) // a File has no buffer of its own
    }
}
