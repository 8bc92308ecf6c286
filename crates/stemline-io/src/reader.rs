//! From a source's decompressed bytes to blocks of documents, with the Python
//! readers' rules: lines end at `\n` only (`--lines` removes one `\r` before
//! it), a NUL byte in a text document is a bad record, each document is
//! decoded on its own under the decode policy, a line longer than the limit
//! is an error as soon as that many bytes have been read without a newline,
//! and every message names the line and the byte.

use std::sync::atomic::Ordering;

use memchr::memchr;

use crate::decode::decode;
use crate::error::{format_size, Error, Place};
use crate::jsonl::{self, Found};
use crate::open::{Input, Source};
use crate::{Format, Hooks, JsonVerdict, Options};

/// Where a document's bytes are: in the block's input bytes, or in its side
/// buffer (text a decode policy or a JSON escape changed).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Span {
    Raw(usize, usize),
    Extra(usize, usize),
}

/// What a JSON Lines output line is made of, beside the normalized text.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Record {
    /// Plain lines output.
    None,
    /// The input record up to, not including, its closing brace.
    Splice(Span),
    /// A whole record written by the Python writer's rules (a bad record).
    Whole(Span),
}

pub(crate) struct Doc {
    pub text: Span,
    pub record: Record,
}

/// Consecutive documents of one source.
pub(crate) struct Block {
    pub raw: Vec<u8>,
    pub extra: Vec<u8>,
    pub docs: Vec<Doc>,
    /// Decompressed input bytes covered, and bytes of the file on disk.
    pub nbytes: u64,
    pub disk_bytes: u64,
}

impl Block {
    fn new(raw: Vec<u8>) -> Self {
        Block {
            nbytes: raw.len() as u64,
            raw,
            extra: Vec::new(),
            docs: Vec::new(),
            disk_bytes: 0,
        }
    }

    pub fn bytes(&self, span: Span) -> &[u8] {
        match span {
            Span::Raw(a, b) => &self.raw[a..b],
            Span::Extra(a, b) => &self.extra[a..b],
        }
    }

    fn keep(&mut self, text: String) -> Span {
        let start = self.extra.len();
        self.extra.extend_from_slice(text.as_bytes());
        Span::Extra(start, self.extra.len())
    }
}

/// A piece of a source as read, not yet parsed: whole lines (every line of
/// the source but maybe the last ends in it), or a whole file's document.
pub(crate) struct Chunk {
    pub data: Vec<u8>,
    pub name: String,
    pub format: Format,
    /// Number of the first line and offset of the first byte in the source.
    pub first_line: u64,
    pub first_offset: u64,
    /// Bytes taken from the file on disk for this chunk.
    pub disk_bytes: u64,
}

/// One source read a chunk at a time. Reading is serial (a stream has one
/// position); parsing the chunks ([`parse`]) is not, so a chunk carries the
/// number of its first line, counted here.
pub(crate) struct SourceReader {
    input: Input,
    format: Format,
    size: Option<u64>,
    lines: Lines,
    seen_disk: u64,
    finished: bool,
}

impl SourceReader {
    pub fn open(source: &Source, format: Format) -> Result<Self, Error> {
        Ok(SourceReader {
            input: Input::open(source)?,
            format,
            size: source.size,
            lines: Lines {
                carry: Vec::new(),
                line: 1,
                offset: 0,
            },
            seen_disk: 0,
            finished: false,
        })
    }

    /// The next chunk, read into `buf` (a recycled buffer, taken when a chunk
    /// is returned), or None at the end of the source.
    pub fn next(&mut self, options: &Options, buf: &mut Vec<u8>) -> Result<Option<Chunk>, Error> {
        if self.finished {
            return Ok(None);
        }
        let (first_line, first_offset) = (self.lines.line, self.lines.offset);
        buf.clear();
        if self.format == Format::Text {
            read_whole(&mut self.input, self.size, options, buf)?;
            self.finished = true;
        } else if !self.lines.next(&mut self.input, options, buf)? {
            self.finished = true;
            return Ok(None);
        }
        let now = self.input.consumed.load(Ordering::Relaxed);
        let disk_bytes = now - self.seen_disk;
        self.seen_disk = now;
        Ok(Some(Chunk {
            data: std::mem::take(buf),
            name: self.input.name.clone(),
            format: self.format,
            first_line,
            first_offset,
            disk_bytes,
        }))
    }
}

/// A chunk's documents, with the Python readers' rules, messages and places.
pub(crate) fn parse(chunk: Chunk, options: &Options, hooks: &dyn Hooks) -> Result<Block, Error> {
    let disk_bytes = chunk.disk_bytes;
    let mut block = if chunk.format == Format::Text {
        whole_document(chunk.data, &chunk.name, options, hooks)?
    } else {
        split(
            chunk.data,
            chunk.first_line,
            chunk.first_offset,
            &chunk.name,
            chunk.format,
            options,
            hooks,
        )?
    };
    block.disk_bytes = disk_bytes;
    Ok(block)
}

/// Reads a text document, the whole file, into `data`.
fn read_whole(
    input: &mut Input,
    size: Option<u64>,
    options: &Options,
    data: &mut Vec<u8>,
) -> Result<(), Error> {
    let max = options.max_doc_bytes;
    let mut step = (size.unwrap_or(options.block_bytes as u64) + 1).min(max + 1);
    loop {
        let n = input.read_block(data, step as usize)?;
        step = options.block_bytes as u64;
        if n == 0 {
            return Ok(());
        }
        if data.len() as u64 > max {
            return Err(Error::input(
                Place::file(&input.name),
                format!("document larger than {}", format_size(max)),
                Some("raise --max-doc-size, or read it with --lines"),
            ));
        }
    }
}

/// A text document's block: its one document, checked and decoded.
fn whole_document(
    data: Vec<u8>,
    name: &str,
    options: &Options,
    hooks: &dyn Hooks,
) -> Result<Block, Error> {
    let place = |data: &[u8], i: usize| {
        let line = memchr::memchr_iter(b'\n', &data[..i]).count() as u64 + 1;
        Place::at(name, Some(line), Some(i as u64))
    };
    let mut block = Block::new(data);
    let text = if let Some(nul) = memchr(0, &block.raw) {
        bad_record(
            options,
            hooks,
            place(&block.raw, nul),
            "binary data (a NUL byte)",
        )?;
        Span::Raw(0, 0)
    } else {
        match decode(&block.raw, options.decode, hooks, |i| place(&block.raw, i))? {
            None => Span::Raw(0, block.raw.len()),
            Some(text) => block.keep(text),
        }
    };
    block.docs.push(Doc {
        text,
        record: Record::None,
    });
    Ok(block)
}

fn bad_record(
    options: &Options,
    hooks: &dyn Hooks,
    place: Place,
    message: &str,
) -> Result<(), Error> {
    if !options.empty_bad_records {
        return Err(Error::input(
            place,
            message,
            Some("--on-bad-record empty continues"),
        ));
    }
    hooks.tolerate(&place, &format!("{message}; used an empty document"))
}

fn too_long(name: &str, line: u64, offset: u64, max: u64) -> Error {
    Error::input(
        Place::at(name, Some(line), Some(offset)),
        format!("line longer than {}", format_size(max)),
        Some("raise --max-doc-size to read it"),
    )
}

/// Whole lines of a stream, about a block at a time.
struct Lines {
    /// The start of a line not finished yet.
    carry: Vec<u8>,
    /// Number of the next block's first line, and its byte offset.
    line: u64,
    offset: u64,
}

impl Lines {
    /// Reads the next whole lines into `buf` (empty), after the line the last
    /// read left unfinished; false at the end. Counts the lines read.
    fn next(
        &mut self,
        input: &mut Input,
        options: &Options,
        buf: &mut Vec<u8>,
    ) -> Result<bool, Error> {
        buf.extend_from_slice(&self.carry);
        self.carry.clear();
        loop {
            let before = buf.len();
            let n = input.read_block(buf, options.block_bytes)?;
            if n == 0 {
                if buf.is_empty() {
                    return Ok(false);
                }
                break;
            }
            let Some(last) = memchr::memrchr(b'\n', &buf[before..]) else {
                if buf.len() as u64 > options.max_doc_bytes {
                    return Err(too_long(
                        &input.name,
                        self.line,
                        self.offset,
                        options.max_doc_bytes,
                    ));
                }
                continue;
            };
            let cut = before + last + 1;
            self.carry.extend_from_slice(&buf[cut..]);
            buf.truncate(cut);
            break;
        }
        // The lines `split` will find: one per newline, and an unfinished last one.
        self.line +=
            memchr::memchr_iter(b'\n', buf).count() as u64 + u64::from(buf.last() != Some(&b'\n'));
        self.offset += buf.len() as u64;
        Ok(true)
    }
}

/// Python's `str.isspace()` for ASCII: a line of only these holds no record.
fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f)
}

/// The documents of whole lines.
fn split(
    data: Vec<u8>,
    first_line: u64,
    first_offset: u64,
    name: &str,
    format: Format,
    options: &Options,
    hooks: &dyn Hooks,
) -> Result<Block, Error> {
    let lines_format = format == Format::Lines;
    // Most blocks are valid UTF-8 without NUL: checked once for the block.
    let clean = std::str::from_utf8(&data).is_ok() && !(lines_format && memchr(0, &data).is_some());
    let mut block = Block::new(data);
    let len = block.raw.len();
    let mut start = 0;
    let mut number = first_line;
    while start < len {
        let end = memchr(b'\n', &block.raw[start..]).map_or(len, |i| start + i);
        let offset = first_offset + start as u64;
        if (end - start) as u64 > options.max_doc_bytes {
            return Err(too_long(name, number, offset, options.max_doc_bytes));
        }
        if lines_format {
            let stop = if end > start && block.raw[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            let text = if clean {
                Span::Raw(start, stop)
            } else {
                let at = At {
                    name,
                    number,
                    offset,
                };
                line_text(&mut block, (start, stop), at, options, hooks)?
            };
            block.docs.push(Doc {
                text,
                record: Record::None,
            });
        } else {
            let text = if clean {
                Span::Raw(start, end)
            } else {
                match decode(&block.raw[start..end], options.decode, hooks, |j| {
                    Place::at(name, Some(number), Some(offset + j as u64))
                })? {
                    None => Span::Raw(start, end),
                    Some(text) => block.keep(text),
                }
            };
            // Each line is parsed as soon as it is decoded, as in the Python
            // reader: the first error reported is the first bad line, whatever
            // is wrong with it, and warnings come in line order.
            let at = At {
                name,
                number,
                offset,
            };
            json_record(&mut block, text, at, options, hooks)?;
        }
        start = end + 1;
        number += 1;
    }
    Ok(block)
}

/// Where a line is: its file, its number and the offset of its first byte.
#[derive(Clone, Copy)]
struct At<'a> {
    name: &'a str,
    number: u64,
    offset: u64,
}

/// One `--lines` document that is not plain UTF-8: a NUL byte, or bytes the decode policy handles.
fn line_text(
    block: &mut Block,
    (start, stop): (usize, usize),
    at: At<'_>,
    options: &Options,
    hooks: &dyn Hooks,
) -> Result<Span, Error> {
    let At {
        name,
        number,
        offset,
    } = at;
    if let Some(nul) = memchr(0, &block.raw[start..stop]) {
        let place = Place::at(name, Some(number), Some(offset + nul as u64));
        bad_record(options, hooks, place, "binary data (a NUL byte)")?;
        return Ok(Span::Raw(start, start));
    }
    let place_at = |j: usize| Place::at(name, Some(number), Some(offset + j as u64));
    Ok(
        match decode(&block.raw[start..stop], options.decode, hooks, place_at)? {
            None => Span::Raw(start, stop),
            Some(text) => block.keep(text),
        },
    )
}

/// One JSON Lines line (decoded): a document, or nothing for a blank line.
fn json_record(
    block: &mut Block,
    mut line: Span,
    at: At<'_>,
    options: &Options,
    hooks: &dyn Hooks,
) -> Result<(), Error> {
    let At {
        name,
        number,
        offset,
    } = at;
    // A byte order mark before the first record is not part of it.
    if number == 1 && block.bytes(line).starts_with(b"\xef\xbb\xbf") {
        line = match line {
            Span::Raw(a, b) => Span::Raw(a + 3, b),
            Span::Extra(a, b) => Span::Extra(a + 3, b),
        };
    }
    let bytes = block.bytes(line);
    if bytes.iter().all(|&b| ascii_space(b)) {
        return Ok(());
    }
    // Decoded, or checked with the whole block, as UTF-8 before.
    let text = std::str::from_utf8(bytes).expect("decoded line");
    let out_field = options.out_field.as_deref();
    let clash_error = || {
        Error::input(
            Place::at(name, Some(number), None),
            format!("the record already has a field {}", options.out_field_repr),
            Some("choose another name with --output-field"),
        )
    };
    let record_head = |block: &Block, line: Span| {
        // The record without its closing brace (and the whitespace after it).
        let bytes = block.bytes(line);
        let trimmed = bytes.iter().rposition(|&b| !ascii_space(b)).unwrap_or(0);
        match line {
            Span::Raw(a, _) => Span::Raw(a, a + trimmed),
            Span::Extra(a, _) => Span::Extra(a, a + trimmed),
        }
    };
    match jsonl::find(text, &options.field_path, out_field) {
        Found::Text { text: found, clash } => {
            if clash {
                return Err(clash_error());
            }
            let span = match found {
                std::borrow::Cow::Borrowed(s) => {
                    let base = block.bytes(line).as_ptr() as usize;
                    let a = s.as_ptr() as usize - base;
                    match line {
                        Span::Raw(l, _) => Span::Raw(l + a, l + a + s.len()),
                        Span::Extra(l, _) => Span::Extra(l + a, l + a + s.len()),
                    }
                }
                std::borrow::Cow::Owned(s) => block.keep(s),
            };
            let record = if out_field.is_some() {
                Record::Splice(record_head(block, line))
            } else {
                Record::None
            };
            block.docs.push(Doc { text: span, record });
        }
        Found::Ask => {
            let text = text.to_owned();
            match hooks.json_record(&text)? {
                JsonVerdict::Skip => {}
                JsonVerdict::Text { text: doc, clash } => {
                    if clash && out_field.is_some() {
                        return Err(clash_error());
                    }
                    let span = block.keep(doc);
                    let record = if out_field.is_some() {
                        Record::Splice(record_head(block, line))
                    } else {
                        Record::None
                    };
                    block.docs.push(Doc { text: span, record });
                }
                JsonVerdict::Bad {
                    message,
                    column,
                    empty_record,
                    clash,
                } => {
                    let place = Place::at(name, Some(number), Some(offset + column));
                    bad_record(options, hooks, place, &message)?;
                    if clash && out_field.is_some() {
                        return Err(clash_error());
                    }
                    let record = match (out_field, empty_record) {
                        (Some(_), Some(rendered)) => Record::Whole(block.keep(rendered)),
                        _ => Record::None,
                    };
                    block.docs.push(Doc {
                        text: Span::Raw(0, 0),
                        record,
                    });
                }
            }
        }
    }
    Ok(())
}
