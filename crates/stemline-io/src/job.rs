//! The job: `workers` threads, the calling thread one of them, each reading
//! the next chunk of the input, parsing and normalizing it into its finished
//! output bytes; the calling thread also writes the chunks in input order.
//!
//! The threads are those of the core's ordered parallel runner
//! ([`stemline_core::parallel`]), and the job is a use of it: reading a
//! chunk is its serial producer, parsing and normalizing the work, writing
//! the in-order consumer. So:
//!
//! * Every worker does every step of its chunk, so there is no reading or
//!   writing thread to wake for each chunk: on two cores, threads beside the
//!   two workers competed with them for the CPU and made them wait (`-j 2`
//!   ran on 1.56 cores). Reading is serial (one worker at a time takes the
//!   sources, reads about a block of whole lines and counts them, and puts
//!   them back); the rest of a chunk's work is not.
//! * At most `2 * workers + 2` chunks (or [`Options::max_blocks`]) are alive
//!   at once, read and not yet written (a worker waits for a free slot
//!   before it reads), so memory does not grow with the input, nor with one
//!   slow chunk. Their buffers are reused.
//! * An error is kept in its chunk's place in the order, and so is every
//!   problem a policy tolerated (the hook is called when the chunk is
//!   written), so the user sees what the serial job shows: everything before
//!   the error written, the same warnings in the same order, and the first
//!   error of the input.
//! * Only the calling thread writes, and calls [`Hooks::progress`] (which is
//!   where Python looks at its signals) after each chunk and ten times a
//!   second whatever else it does, so a stop signal interrupts a write
//!   blocked on a pipe, or a lone worker reading a pipe that delivers
//!   nothing.
//! * A source that may block for ever (standard input, a FIFO, a terminal)
//!   is read by a thread of its own instead, which the job does not wait for
//!   when it stops early: it is left to notice the closed channel. A worker
//!   waiting on it gives up after a tick ("not yet"), so the calling thread
//!   is never stuck there.
//! * A panic (a bug) in any thread, the reading one included, ends the job
//!   with that panic, never as a finished job.

use std::io::Write;
use std::os::fd::FromRawFd;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use stemline_core::parallel::{InOrder, Produced, Runner};
use stemline_core::pool::Pool;
use stemline_core::{resolve_workers, Normalizer, TokenCache};

use crate::error::{Error, Place};
use crate::jsonl::push_json_string;
use crate::open::Source;
use crate::reader::{parse, Block, Chunk, Record, SourceReader};
use crate::{Format, Hooks, JsonVerdict, Options};

/// What a job did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub documents: u64,
    /// Tokens of the output lines (an empty line has none).
    pub tokens: u64,
    /// Decompressed input bytes, and bytes read from disk.
    pub nbytes: u64,
    pub disk_bytes: u64,
}

/// How often the calling thread looks at progress and signals while it waits.
const TICK: Duration = Duration::from_millis(100);

/// A chunk's output.
struct Done {
    bytes: Vec<u8>,
    /// The input buffer, for reuse.
    raw: Vec<u8>,
    documents: u64,
    tokens: u64,
    nbytes: u64,
    disk_bytes: u64,
}

/// A chunk as it waits to be written: the problems tolerated in it, in
/// order, then its output or the error that ends the job there.
struct Finished {
    tolerated: Vec<(Place, String)>,
    result: Result<Done, Error>,
}

/// Normalizes `sources` (each with its format) to `out`, in order.
pub fn run(
    normalizer: &Normalizer,
    sources: Arc<[(Source, Format)]>,
    options: Arc<Options>,
    hooks: Arc<dyn Hooks>,
    out: &mut dyn Write,
) -> Result<Stats, Error> {
    let workers = resolve_workers(options.workers).max(1);
    let runner = Runner {
        workers,
        in_flight: match options.max_blocks {
            0 => 2 * workers + 2,
            n => n.clamp(2, 2 * workers + 2),
        },
        tick: Some(TICK),
    };
    let (options, hooks) = (&*options, &*hooks);
    let buffers = Buffers::default();
    let buffers = &buffers;
    let mut sources = Sources {
        list: sources,
        next: 0,
        current: None,
    };
    let read = move || {
        let mut buf = buffers.input();
        let next = sources.next_chunk(options, &mut buf);
        if buf.capacity() > 0 {
            // Not taken by a chunk: nothing was read into it, or the source
            // is read by a thread of its own.
            buffers.give_input(buf);
        }
        next
    };
    let work = |cache: &mut TokenCache, chunk: Chunk| {
        finish(normalizer, chunk, buffers.output(), cache, options, hooks)
    };
    let mut writer = Writer {
        out,
        stats: Stats::default(),
        buffers,
        options,
        hooks,
    };
    let (caches, result) = runner.run(read, || normalizer.take_cache(), work, &mut writer);
    caches.into_iter().for_each(|c| normalizer.put_cache(c));
    result?;
    writer.out.flush().map_err(Error::Output)?;
    Ok(writer.stats)
}

/// Buffers of written chunks, for the next ones.
#[derive(Default)]
struct Buffers {
    inputs: Pool<Vec<u8>>,
    outputs: Pool<Vec<u8>>,
}

impl Buffers {
    fn input(&self) -> Vec<u8> {
        self.inputs.take_or(Vec::new)
    }

    fn give_input(&self, buf: Vec<u8>) {
        self.inputs.put(buf);
    }

    fn output(&self) -> Vec<u8> {
        self.outputs.take_or(Vec::new)
    }

    /// A written chunk's buffers go back for the next chunks, but a buffer
    /// grown for one huge line or document is not kept.
    fn recycle(&self, done: Done, block_bytes: usize) {
        let keep = 4 * block_bytes.max(1 << 16);
        if done.raw.capacity() <= keep {
            self.inputs.put(done.raw);
        }
        if done.bytes.capacity() <= 2 * keep {
            self.outputs.put(done.bytes);
        }
    }
}

/// The calling thread's side: writes the chunks in order, reports what they
/// tolerated, and keeps the progress hook (and so Python's signals) running.
struct Writer<'a> {
    out: &'a mut dyn Write,
    stats: Stats,
    buffers: &'a Buffers,
    options: &'a Options,
    hooks: &'a dyn Hooks,
}

impl InOrder<Finished, Error> for Writer<'_> {
    fn consume(&mut self, finished: Finished) -> Result<(), Error> {
        for (place, message) in &finished.tolerated {
            self.hooks.tolerate(place, message)?;
        }
        let done = finished.result?;
        self.out.write_all(&done.bytes).map_err(Error::Output)?;
        self.stats.documents += done.documents;
        self.stats.tokens += done.tokens;
        self.stats.nbytes += done.nbytes;
        self.stats.disk_bytes += done.disk_bytes;
        self.buffers.recycle(done, self.options.block_bytes);
        self.hooks.progress(&self.stats)
    }

    /// Ten times a second whatever the calling thread is doing: alone (`-j
    /// 1`) it may do nothing but read a source that delivers nothing yet.
    fn tick(&mut self) -> Result<(), Error> {
        self.hooks.progress(&self.stats)
    }
}

/// Parses and normalizes one chunk; the problems its policies tolerate are
/// kept for the writer to report in order.
fn finish(
    normalizer: &Normalizer,
    chunk: Chunk,
    output: Vec<u8>,
    cache: &mut TokenCache,
    options: &Options,
    hooks: &dyn Hooks,
) -> Finished {
    let deferred = Deferred {
        hooks,
        tolerated: Mutex::new(Vec::new()),
    };
    let result = parse(chunk, options, &deferred)
        .map(|block| normalize_block(normalizer, block, options, cache, output));
    Finished {
        tolerated: deferred
            .tolerated
            .into_inner()
            .unwrap_or_else(|e| e.into_inner()),
        result,
    }
}

/// Hooks that keep the tolerated problems for later, and pass the rest on.
struct Deferred<'a> {
    hooks: &'a dyn Hooks,
    tolerated: Mutex<Vec<(Place, String)>>,
}

impl Hooks for Deferred<'_> {
    fn tolerate(&self, place: &Place, message: &str) -> Result<(), Error> {
        self.tolerated
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((place.clone(), message.to_owned()));
        Ok(())
    }

    fn json_record(&self, line: &str) -> Result<JsonVerdict, Error> {
        self.hooks.json_record(line)
    }

    fn progress(&self, stats: &Stats) -> Result<(), Error> {
        self.hooks.progress(stats)
    }
}

/// The sources of a job, read in order.
struct Sources {
    list: Arc<[(Source, Format)]>,
    next: usize,
    current: Option<Current>,
}

enum Current {
    /// A regular file, read by the worker holding the reader.
    Direct(SourceReader),
    /// A source that may block for ever, read by a thread of its own.
    Pumped {
        chunks: mpsc::Receiver<Result<Chunk, Error>>,
        thread: std::thread::JoinHandle<()>,
    },
}

impl Sources {
    /// The next chunk of the sources, in order; `NotYet` when a source that
    /// may block delivered nothing for a [`TICK`].
    fn next_chunk(&mut self, options: &Options, buf: &mut Vec<u8>) -> Produced<Chunk, Error> {
        loop {
            let Some(current) = &mut self.current else {
                let Some((source, format)) = self.list.get(self.next) else {
                    return Produced::End;
                };
                self.next += 1;
                self.current = Some(if may_block(source) {
                    match pump(source, *format, options) {
                        Some(pumped) => pumped,
                        None => match SourceReader::open(source, *format) {
                            Ok(reader) => Current::Direct(reader),
                            Err(e) => return Produced::Failed(e),
                        },
                    }
                } else {
                    match SourceReader::open(source, *format) {
                        Ok(reader) => Current::Direct(reader),
                        Err(e) => return Produced::Failed(e),
                    }
                });
                continue;
            };
            match current {
                Current::Direct(reader) => match reader.next(options, buf) {
                    Ok(Some(chunk)) => return Produced::Item(chunk),
                    Ok(None) => self.current = None,
                    Err(e) => return Produced::Failed(e),
                },
                Current::Pumped { chunks, .. } => match chunks.recv_timeout(TICK) {
                    Ok(Ok(chunk)) => return Produced::Item(chunk),
                    Ok(Err(e)) => return Produced::Failed(e),
                    Err(RecvTimeoutError::Timeout) => return Produced::NotYet,
                    Err(RecvTimeoutError::Disconnected) => {
                        // The thread ended: at the end of its source, or by a
                        // panic (a bug), which must not look like the end.
                        if let Some(Current::Pumped { thread, .. }) = self.current.take() {
                            if let Err(panic) = thread.join() {
                                std::panic::resume_unwind(panic);
                            }
                        }
                    }
                },
            }
        }
    }
}

/// Whether reading `source` may block for ever: anything but a regular file.
fn may_block(source: &Source) -> bool {
    let metadata = match &source.path {
        Some(path) => std::fs::metadata(path),
        None => {
            // SAFETY: descriptor 0 stays open for the process; ManuallyDrop
            // keeps this File from closing it.
            let stdin = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(0) });
            stdin.metadata()
        }
    };
    // A name that cannot be looked at fails to open, with the same message.
    metadata.is_ok_and(|m| !m.is_file())
}

/// A thread reading `source` ahead (one chunk) into a channel; None when the
/// system refuses a thread (the source is then read directly).
fn pump(source: &Source, format: Format, options: &Options) -> Option<Current> {
    let (tx, chunks) = mpsc::sync_channel(1);
    let (source, options) = (source.clone(), options.clone());
    let thread = std::thread::Builder::new()
        .spawn(move || {
            let mut reader = match SourceReader::open(&source, format) {
                Ok(reader) => reader,
                Err(e) => {
                    let _ = tx.send(Err(e));
                    return;
                }
            };
            loop {
                let mut buf = Vec::new();
                let sent = match reader.next(&options, &mut buf) {
                    Ok(Some(chunk)) => tx.send(Ok(chunk)).is_ok(),
                    Ok(None) => false,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        false
                    }
                };
                if !sent {
                    return;
                }
            }
        })
        .ok()?;
    Some(Current::Pumped { chunks, thread })
}

fn normalize_block(
    normalizer: &Normalizer,
    block: Block,
    options: &Options,
    cache: &mut TokenCache,
    mut bytes: Vec<u8>,
) -> Done {
    bytes.clear();
    bytes.reserve(block.raw.len() + block.raw.len() / 4 + 64);
    let mut line = Vec::new();
    let mut tokens = 0;
    for doc in &block.docs {
        let text = block.bytes(doc.text);
        match doc.record {
            Record::None => {
                let start = bytes.len();
                normalizer.normalize_into(text, cache, &mut bytes);
                tokens += count_tokens(&bytes[start..]);
                bytes.push(b'\n');
            }
            Record::Splice(head) => {
                line.clear();
                normalizer.normalize_into(text, cache, &mut line);
                tokens += count_tokens(&line);
                bytes.extend_from_slice(block.bytes(head));
                bytes.extend_from_slice(b", ");
                bytes.extend_from_slice(&options.out_key_json);
                bytes.extend_from_slice(b": ");
                push_json_string(&mut bytes, &line);
                bytes.extend_from_slice(b"}\n");
            }
            Record::Whole(record) => {
                bytes.extend_from_slice(block.bytes(record));
                bytes.push(b'\n');
            }
        }
    }
    Done {
        bytes,
        documents: block.docs.len() as u64,
        tokens,
        nbytes: block.nbytes,
        disk_bytes: block.disk_bytes,
        raw: block.raw,
    }
}

/// Tokens of a line: words joined by one space.
fn count_tokens(line: &[u8]) -> u64 {
    if line.is_empty() {
        0
    } else {
        memchr::memchr_iter(b' ', line).count() as u64 + 1
    }
}
