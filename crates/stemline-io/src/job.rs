//! The job: `workers` threads, the calling thread one of them, each reading
//! the next chunk of the input, parsing and normalizing it into its finished
//! output bytes; the calling thread also writes the chunks in input order.
//!
//! Every worker does every step of its chunk, so there is no reading or
//! writing thread to wake for each chunk: on two cores, threads beside the
//! two workers competed with them for the CPU and made them wait (`-j 2` ran
//! on 1.56 cores). Reading is serial (one worker at a time takes the
//! source's reader, reads about a block of whole lines and counts them, and
//! puts it back); the rest of a chunk's work is not.
//!
//! Chunks are numbered as read. At most `2 * workers + 2` (or
//! [`Options::max_blocks`]) are alive at once, read and not yet written (a
//! worker waits for a free slot before it reads), so memory does not grow
//! with the input, nor with one slow chunk. Their buffers are reused. An
//! error is kept in its chunk's place in the order, and so is every problem
//! a policy tolerated (the hook is called when the chunk is written), so the
//! user sees what the serial job shows: everything before the error written,
//! the same warnings in the same order, and the first error of the input.
//!
//! Only the calling thread writes, and calls [`Hooks::progress`] (which is
//! where Python looks at its signals) after each chunk and ten times a
//! second whatever else it does, so a stop signal interrupts a write blocked
//! on a pipe, or a lone worker reading a pipe that delivers nothing. A source
//! that may block for ever (standard input, a FIFO, a terminal) is read by a
//! thread of its own instead, which the job does not wait for when it stops
//! early: it is left to notice the closed channel.

use std::collections::BTreeMap;
use std::io::Write;
use std::os::fd::FromRawFd;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

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
    let slots = match options.max_blocks {
        0 => 2 * workers + 2,
        n => n.clamp(2, 2 * workers + 2),
    };
    let shared = Shared {
        state: Mutex::new(State {
            reading: Reading::Idle(Box::new(Sources {
                list: sources,
                next: 0,
                current: None,
            })),
            next_read: 0,
            next_write: 0,
            free: slots,
            done: BTreeMap::new(),
            stop: false,
            panicked: false,
            inputs: Vec::new(),
            outputs: Vec::new(),
        }),
        changed: Condvar::new(),
        options: &options,
        hooks: &*hooks,
        normalizer,
    };
    std::thread::scope(|scope| {
        let _stop = StopOnDrop {
            shared: &shared,
            calling_thread: true,
        };
        for _ in 1..workers {
            // A thread the system refuses is not an error: the threads
            // already running share the chunks.
            let spawned = std::thread::Builder::new().spawn_scoped(scope, || {
                let _stop = StopOnDrop {
                    shared: &shared,
                    calling_thread: false,
                };
                shared.work();
            });
            if spawned.is_err() {
                break;
            }
        }
        shared.write_in_order(out)
    })
}

/// Stops the workers when the calling thread leaves (done, an error, or a
/// panic), and the calling thread when a worker panics (a bug): no thread
/// waits for one that is gone.
struct StopOnDrop<'a, 'n> {
    shared: &'a Shared<'n>,
    calling_thread: bool,
}

impl Drop for StopOnDrop<'_, '_> {
    fn drop(&mut self) {
        let mut state = self.shared.lock();
        if self.calling_thread {
            state.stop = true;
        } else if std::thread::panicking() {
            state.panicked = true;
        }
        drop(state);
        self.shared.changed.notify_all();
    }
}

struct Shared<'n> {
    state: Mutex<State>,
    /// Notified when a chunk is read, finished or written.
    changed: Condvar,
    options: &'n Options,
    hooks: &'n dyn Hooks,
    normalizer: &'n Normalizer,
}

struct State {
    reading: Reading,
    /// Numbers of the next chunk read, and of the next written.
    next_read: u64,
    next_write: u64,
    /// Chunks that may still be read before one is written.
    free: usize,
    /// Finished chunks waiting for their turn.
    done: BTreeMap<u64, Finished>,
    /// The calling thread left: the workers stop.
    stop: bool,
    /// A worker panicked: the calling thread stops.
    panicked: bool,
    /// Buffers of written chunks, for the next ones.
    inputs: Vec<Vec<u8>>,
    outputs: Vec<Vec<u8>>,
}

enum Reading {
    /// Nobody is reading: the next worker may.
    Idle(Box<Sources>),
    /// A worker is reading.
    Busy,
    /// Every source is read, or reading failed.
    Over,
}

/// What a worker does next.
enum Task {
    Read(u64, Box<Sources>),
    Write(Vec<Finished>),
    Wait,
    Leave,
}

impl<'n> Shared<'n> {
    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A worker that is not the calling thread: reads and normalizes chunks
    /// until there are no more, or the job stops.
    fn work(&self) {
        let mut cache = self.normalizer.take_cache();
        let mut state = self.lock();
        loop {
            if state.stop {
                break;
            }
            match self.task(&mut state, false) {
                Task::Read(seq, sources) => {
                    drop(state);
                    self.read_and_finish(seq, sources, &mut cache);
                    state = self.lock();
                }
                Task::Leave => break,
                Task::Wait | Task::Write(_) => {
                    state = self
                        .changed
                        .wait_timeout(state, TICK)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
        drop(state);
        self.normalizer.put_cache(cache);
    }

    /// The next thing to do; `writer` for the calling thread.
    fn task(&self, state: &mut State, writer: bool) -> Task {
        if writer && state.done.contains_key(&state.next_write) {
            let mut ready = Vec::new();
            let mut seq = state.next_write;
            while let Some(finished) = state.done.remove(&seq) {
                ready.push(finished);
                seq += 1;
            }
            return Task::Write(ready);
        }
        if state.free > 0 {
            match std::mem::replace(&mut state.reading, Reading::Busy) {
                Reading::Idle(sources) => {
                    state.free -= 1;
                    state.next_read += 1;
                    return Task::Read(state.next_read - 1, sources);
                }
                other => state.reading = other,
            }
        }
        if matches!(state.reading, Reading::Over) && !writer {
            return Task::Leave;
        }
        Task::Wait
    }

    /// Reads chunk `seq` (the reader is ours), puts the reader back, then
    /// parses and normalizes the chunk and hands it to the writer.
    fn read_and_finish(&self, seq: u64, mut sources: Box<Sources>, cache: &mut TokenCache) {
        let mut buf = self.lock().inputs.pop().unwrap_or_default();
        let next = sources.next_chunk(self.options, &mut buf);
        let chunk = {
            let mut state = self.lock();
            let chunk = match next {
                Next::Chunk(chunk) => {
                    state.reading = Reading::Idle(sources);
                    if buf.capacity() > 0 {
                        state.inputs.push(buf); // a source read by its own thread
                    }
                    Some(chunk)
                }
                Next::Failed(e) => {
                    state.reading = Reading::Over;
                    let finished = Finished {
                        tolerated: Vec::new(),
                        result: Err(e),
                    };
                    state.done.insert(seq, finished);
                    None
                }
                Next::End => {
                    state.reading = Reading::Over;
                    self.unread(&mut state, buf);
                    None
                }
                Next::NotYet => {
                    state.reading = Reading::Idle(sources);
                    self.unread(&mut state, buf);
                    None
                }
            };
            self.changed.notify_all();
            chunk
        };
        let Some(chunk) = chunk else { return };
        let output = self.lock().outputs.pop().unwrap_or_default();
        let finished = self.finish(chunk, output, cache);
        self.lock().done.insert(seq, finished);
        self.changed.notify_all();
    }

    /// Gives back the slot and the number of a chunk that was not read.
    fn unread(&self, state: &mut State, buf: Vec<u8>) {
        state.free += 1;
        state.next_read -= 1;
        state.inputs.push(buf);
    }

    /// Parses and normalizes one chunk; the problems its policies tolerate
    /// are kept for the writer to report in order.
    fn finish(&self, chunk: Chunk, output: Vec<u8>, cache: &mut TokenCache) -> Finished {
        let deferred = Deferred {
            hooks: self.hooks,
            tolerated: Mutex::new(Vec::new()),
        };
        let result = parse(chunk, self.options, &deferred)
            .map(|block| normalize_block(self.normalizer, block, self.options, cache, output));
        Finished {
            tolerated: deferred
                .tolerated
                .into_inner()
                .unwrap_or_else(|e| e.into_inner()),
            result,
        }
    }

    /// The calling thread: writes the chunks in order, and between them
    /// reads and normalizes chunks as the other workers do.
    fn write_in_order(&self, out: &mut dyn Write) -> Result<Stats, Error> {
        let mut cache = self.normalizer.take_cache();
        let result = self.write_loop(out, &mut cache);
        self.normalizer.put_cache(cache);
        result
    }

    fn write_loop(&self, out: &mut dyn Write, cache: &mut TokenCache) -> Result<Stats, Error> {
        let mut stats = Stats::default();
        let mut last_progress = Instant::now();
        let mut state = self.lock();
        loop {
            if state.panicked {
                // The scope passes the worker's panic on when this returns.
                return Err(Error::Output(std::io::Error::other("a worker stopped")));
            }
            // Ten times a second whatever this thread is doing: alone (`-j 1`)
            // it may do nothing but read a source that delivers nothing yet.
            if last_progress.elapsed() >= TICK {
                drop(state);
                self.hooks.progress(&stats)?;
                last_progress = Instant::now();
                state = self.lock();
            }
            match self.task(&mut state, true) {
                Task::Write(ready) => {
                    drop(state);
                    for finished in ready {
                        for (place, message) in &finished.tolerated {
                            self.hooks.tolerate(place, message)?;
                        }
                        let done = finished.result?;
                        out.write_all(&done.bytes).map_err(Error::Output)?;
                        stats.documents += done.documents;
                        stats.tokens += done.tokens;
                        stats.nbytes += done.nbytes;
                        stats.disk_bytes += done.disk_bytes;
                        self.recycle(done);
                        self.hooks.progress(&stats)?;
                        last_progress = Instant::now();
                    }
                    state = self.lock();
                }
                Task::Read(seq, sources) => {
                    drop(state);
                    self.read_and_finish(seq, sources, cache);
                    state = self.lock();
                }
                Task::Wait | Task::Leave => {
                    if matches!(state.reading, Reading::Over) && state.next_write == state.next_read
                    {
                        break;
                    }
                    let left = TICK.saturating_sub(last_progress.elapsed());
                    state = self
                        .changed
                        .wait_timeout(state, left)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
            }
        }
        drop(state);
        out.flush().map_err(Error::Output)?;
        Ok(stats)
    }

    /// A written chunk's buffers go back for the next chunks, and its slot.
    fn recycle(&self, done: Done) {
        // A buffer grown for one huge line or document is not kept.
        let keep = 4 * self.options.block_bytes.max(1 << 16);
        let mut state = self.lock();
        state.free += 1;
        state.next_write += 1;
        if done.raw.capacity() <= keep {
            state.inputs.push(done.raw);
        }
        if done.bytes.capacity() <= 2 * keep {
            state.outputs.push(done.bytes);
        }
        drop(state);
        self.changed.notify_all();
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

/// What reading gave.
enum Next {
    Chunk(Chunk),
    Failed(Error),
    /// Every source is read.
    End,
    /// A source that may block delivered nothing for a while.
    NotYet,
}

impl Sources {
    fn next_chunk(&mut self, options: &Options, buf: &mut Vec<u8>) -> Next {
        loop {
            let Some(current) = &mut self.current else {
                let Some((source, format)) = self.list.get(self.next) else {
                    return Next::End;
                };
                self.next += 1;
                self.current = Some(if may_block(source) {
                    match pump(source, *format, options) {
                        Some(pumped) => pumped,
                        None => match SourceReader::open(source, *format) {
                            Ok(reader) => Current::Direct(reader),
                            Err(e) => return Next::Failed(e),
                        },
                    }
                } else {
                    match SourceReader::open(source, *format) {
                        Ok(reader) => Current::Direct(reader),
                        Err(e) => return Next::Failed(e),
                    }
                });
                continue;
            };
            match current {
                Current::Direct(reader) => match reader.next(options, buf) {
                    Ok(Some(chunk)) => return Next::Chunk(chunk),
                    Ok(None) => self.current = None,
                    Err(e) => return Next::Failed(e),
                },
                Current::Pumped { chunks, .. } => match chunks.recv_timeout(TICK) {
                    Ok(Ok(chunk)) => return Next::Chunk(chunk),
                    Ok(Err(e)) => return Next::Failed(e),
                    Err(RecvTimeoutError::Timeout) => return Next::NotYet,
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
