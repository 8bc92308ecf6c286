//! Binding of the native corpus job (`stemline-io`): arguments in, the GIL
//! released while the job runs, its hooks calling back into Python (with the
//! GIL) for tolerated problems, the JSON records only Python's `json` can
//! judge, progress and Ctrl-C, and its one error type turned into the
//! Python reader's `InputError`, an `OSError`, or the hook's own exception.

use std::fs::File;
use std::io::Write;
use std::mem::ManuallyDrop;
use std::os::fd::{AsRawFd, FromRawFd};
use std::sync::Arc;

use pyo3::exceptions::{PyOSError, PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyTuple};

use stemline_io as io;

use crate::Normalizer;

struct PyHooks {
    tolerate: Py<PyAny>,
    json_record: Py<PyAny>,
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

/// The job's error as the Python corpus layer raises it.
fn to_py(py: Python<'_>, e: io::Error) -> PyErr {
    match e {
        io::Error::Input {
            place,
            message,
            hint,
        } => {
            let made = (|| -> PyResult<PyErr> {
                let problems = py.import("stemline.corpus.problems")?;
                let kwargs = PyDict::new(py);
                kwargs.set_item("line", place.line)?;
                kwargs.set_item("offset", place.offset)?;
                let place = problems
                    .getattr("Place")?
                    .call((place.name,), Some(&kwargs))?;
                let error = problems
                    .getattr("InputError")?
                    .call1((place, message, hint))?;
                Ok(PyErr::from_value(error))
            })();
            made.unwrap_or_else(|e| e)
        }
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

fn parse_format(name: &str) -> PyResult<io::Format> {
    match name {
        "text" => Ok(io::Format::Text),
        "lines" => Ok(io::Format::Lines),
        "jsonl" => Ok(io::Format::Jsonl),
        _ => Err(PyValueError::new_err(format!(
            "no native reader for {name:?}"
        ))),
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

/// Normalizes `sources` to the open file descriptor `out_fd` (left open),
/// or, with `out_fd` None, through `sink(bytes)` (the output layer's
/// compressing writer), called with each block's output in order.
/// Returns `(documents, tokens, input bytes, disk bytes)`.
#[pyfunction]
#[pyo3(signature = (
    normalizer, sources, out_fd, *, workers, decode, empty_bad_records, max_doc_bytes,
    block_bytes, max_blocks, field_path, out_field, out_key_json, out_field_repr, tolerate, json_record,
    progress, sink=None
))]
#[allow(clippy::too_many_arguments)]
pub(crate) fn normalize_files(
    py: Python<'_>,
    normalizer: &Normalizer,
    sources: Vec<PySource>,
    out_fd: Option<i32>,
    workers: usize,
    decode: &str,
    empty_bad_records: bool,
    max_doc_bytes: u64,
    block_bytes: usize,
    max_blocks: usize,
    field_path: Vec<String>,
    out_field: Option<String>,
    out_key_json: Vec<u8>,
    out_field_repr: String,
    tolerate: Py<PyAny>,
    json_record: Py<PyAny>,
    progress: Option<Py<PyAny>>,
    sink: Option<Py<PyAny>>,
) -> PyResult<(u64, u64, u64, u64)> {
    let sources = sources
        .into_iter()
        .map(|(name, path, format, compression, size)| {
            let compression =
                match compression {
                    None => None,
                    Some(c) => Some(io::Compression::from_name(&c).ok_or_else(|| {
                        PyValueError::new_err(format!("unknown compression {c:?}"))
                    })?),
                };
            let source = io::Source {
                name,
                path,
                compression,
                size,
            };
            Ok((source, parse_format(&format)?))
        })
        .collect::<PyResult<Arc<[_]>>>()?;
    let options = Arc::new(io::Options {
        decode: io::DecodePolicy::from_name(decode)
            .ok_or_else(|| PyValueError::new_err(format!("unknown decode policy {decode:?}")))?,
        empty_bad_records,
        max_doc_bytes,
        block_bytes: block_bytes.max(1),
        field_path,
        out_field,
        out_key_json,
        out_field_repr,
        workers,
        max_blocks,
    });
    let hooks = Arc::new(PyHooks {
        tolerate,
        json_record,
        progress,
    });
    // SAFETY: the caller keeps `out_fd` open for the call; ManuallyDrop
    // leaves closing it to the caller.
    let file = out_fd.map(|fd| ManuallyDrop::new(unsafe { File::from_raw_fd(fd) }));
    let target = match (&file, sink) {
        (Some(file), _) => Target::File(file),
        (None, Some(sink)) => Target::Sink(sink),
        (None, None) => return Err(PyValueError::new_err("give out_fd or sink")),
    };
    let mut writer = SignalledWrites {
        target,
        raised: None,
        unsynced: 0,
        writeback: true,
    };
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
        Ok(Err(e)) => Err(to_py(py, e)),
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
