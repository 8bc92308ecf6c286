//! stemline's native corpus I/O: from bytes on disk to normalized bytes on
//! disk without a Python object per document.
//!
//! A [`job::run`] reads its sources in order ([`open`]: files, standard input,
//! gzip, bzip2, xz and Zstandard found by magic bytes) a block of whole lines
//! at a time; each worker thread splits and decodes its block into documents
//! ([`reader`], with the Python readers' rules, messages and places) and
//! normalizes them with `stemline-core`; the calling thread, one of the
//! workers, writes their lines (or JSON Lines records, the normalized text
//! spliced into each record's own bytes) in input order.
//!
//! Nothing here knows about Python: what the caller must decide or be told
//! (a tolerated problem, a JSON record only Python's `json` can judge,
//! progress and interruption) goes through [`Hooks`]; every failure is one
//! [`Error`], converted by the caller once.

pub mod decode;
pub mod error;
pub mod job;
pub mod jsonl;
pub mod open;
mod reader;
pub mod writeback;

pub use decode::DecodePolicy;
pub use error::{Error, Place};
pub use job::{run, Stats};
pub use open::{Compression, Source};

/// How a source's bytes hold documents (and how output lines are written:
/// lines, or JSON Lines records).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The whole file is one document.
    Text,
    /// Each line is one document.
    Lines,
    /// Each line is a JSON object holding the document at a field.
    Jsonl,
}

impl Format {
    /// Every format the native reader serves; its names are those of the
    /// corpus layer's formats, and the only list of them on this side.
    pub const ALL: [Format; 3] = [Format::Text, Format::Lines, Format::Jsonl];

    /// The corpus layer's name of the format (`--format`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Lines => "lines",
            Format::Jsonl => "jsonl",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The Python reader's decision on a JSON Lines line the native parser
/// leaves to it (see [`jsonl`]).
#[derive(Debug)]
pub enum JsonVerdict {
    /// Only whitespace: not a record.
    Skip,
    /// A record: its text; `clash`: it already has the output's field.
    Text { text: String, clash: bool },
    /// A bad record: the message and the byte column in the line it names;
    /// for JSON Lines output, the record an empty document writes.
    Bad {
        message: String,
        column: u64,
        empty_record: Option<String>,
        clash: bool,
    },
}

/// What the caller decides or is told while a job runs. Called from the
/// job's threads; an error returned stops the job and comes back from [`run`].
pub trait Hooks: Send + Sync {
    /// A problem the user's policy tolerates (counted, maybe shown).
    fn tolerate(&self, place: &Place, message: &str) -> Result<(), Error>;
    /// Judges a JSON Lines line (decoded) as the Python reader does.
    fn json_record(&self, line: &str) -> Result<JsonVerdict, Error>;
    /// Called on the writing thread after each block and about ten times a
    /// second while waiting: progress, and the place to stop an interrupted job.
    fn progress(&self, stats: &Stats) -> Result<(), Error>;
}

/// How to read and what to write.
#[derive(Clone, Debug)]
pub struct Options {
    pub decode: DecodePolicy,
    /// `--on-bad-record empty` (else `fail`).
    pub empty_bad_records: bool,
    /// Longest document or line, in bytes.
    pub max_doc_bytes: u64,
    /// Bytes read at a time (whole lines are cut from them): 1 MiB, smaller in tests.
    pub block_bytes: usize,
    /// JSON Lines: the dotted path of the text field, split.
    pub field_path: Vec<String>,
    /// JSON Lines output: the field added to each record (None: lines output).
    pub out_field: Option<String>,
    /// The output field as a JSON string (`json.dumps(field, ensure_ascii=False)`).
    pub out_key_json: Vec<u8>,
    /// The output field as Python's `repr` writes it, for messages.
    pub out_field_repr: String,
    /// Worker threads (0: one per core).
    pub workers: usize,
    /// Most blocks alive at once (read, being normalized, or waiting to be
    /// written): bounds memory. 0: `2 * workers + 2`, which keeps every
    /// worker busy; fewer saves memory and may leave workers idle.
    pub max_blocks: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            decode: DecodePolicy::Fail,
            empty_bad_records: false,
            max_doc_bytes: 64 << 20,
            block_bytes: 1 << 20,
            field_path: vec!["text".to_owned()],
            out_field: None,
            out_key_json: b"\"normalized\"".to_vec(),
            out_field_repr: "'normalized'".to_owned(),
            workers: 1,
            max_blocks: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("csv"), None);
    }
}
