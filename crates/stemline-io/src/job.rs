//! The job: one reading thread, `workers` normalizing threads, and the
//! calling thread writing the blocks in input order.
//!
//! Blocks are numbered as read; a worker takes the next block, normalizes
//! all its documents with its own token cache into the block's finished
//! output bytes, and hands them on; the writer puts them back in order.
//! At most `2 * workers + 2` blocks (or [`Options::max_blocks`]) are alive
//! at once (the reader waits for a free slot), so memory does not grow with the input, nor with one slow
//! block. An error while reading is handed on in its place in the order, so
//! everything read before it is written first.
//!
//! The reading thread is not waited for when the job stops early (an error,
//! Ctrl-C): it may be blocked reading a pipe or a terminal that never
//! delivers, so it is left to notice the closed channels on its next block;
//! the workers look at a stop flag while they wait.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use stemline_core::{normalizer::resolve_workers, Normalizer};

use crate::error::Error;
use crate::jsonl::push_json_string;
use crate::open::{Input, Source};
use crate::reader::{read_source, Block, Record};
use crate::{Format, Hooks, Options};

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

/// A block's output.
struct Done {
    bytes: Vec<u8>,
    documents: u64,
    tokens: u64,
    nbytes: u64,
    disk_bytes: u64,
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
    let (block_tx, block_rx) = mpsc::sync_channel::<(u64, Result<Block, Error>)>(slots);
    let block_rx = Mutex::new(block_rx);
    let (done_tx, done_rx) = mpsc::channel::<(u64, Result<Done, Error>)>();
    let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(slots);
    for _ in 0..slots {
        slot_tx.send(()).expect("the receiver is alive");
    }
    let reader = {
        let (options, hooks) = (options.clone(), hooks.clone());
        std::thread::spawn(move || read_all(&sources, &options, &*hooks, block_tx, slot_rx))
    };
    let stop = AtomicBool::new(false);
    let result = std::thread::scope(|scope| {
        for _ in 0..workers {
            let done_tx = done_tx.clone();
            let (block_rx, stop, options) = (&block_rx, &stop, &*options);
            scope.spawn(move || {
                let mut cache = normalizer.take_cache();
                while !stop.load(Ordering::Relaxed) {
                    let next = block_rx
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .recv_timeout(Duration::from_millis(50));
                    let (seq, block) = match next {
                        Ok(next) => next,
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break,
                    };
                    let done = block.map(|b| normalize_block(normalizer, &b, options, &mut cache));
                    if done_tx.send((seq, done)).is_err() {
                        break;
                    }
                }
                normalizer.put_cache(cache);
            });
        }
        drop(done_tx);
        let result = write_in_order(done_rx, slot_tx, &*hooks, out);
        stop.store(true, Ordering::Relaxed);
        result
    });
    if result.is_ok() {
        // Every block was written, so the reader has finished; had it
        // panicked (a bug), its blocks would just stop: not a finished job.
        if let Err(panic) = reader.join() {
            std::panic::resume_unwind(panic);
        }
    }
    result
}

fn read_all(
    sources: &[(Source, Format)],
    options: &Options,
    hooks: &dyn Hooks,
    blocks: mpsc::SyncSender<(u64, Result<Block, Error>)>,
    slots: mpsc::Receiver<()>,
) {
    let mut seq = 0;
    let mut stopped = false;
    for (source, format) in sources {
        let result = Input::open(source).and_then(|mut input| {
            read_source(&mut input, *format, source.size, options, hooks, |block| {
                // A free slot, then the block; either failing means the writer stopped.
                let sent = slots.recv().is_ok() && blocks.send((seq, Ok(block))).is_ok();
                seq += 1;
                stopped = !sent;
                sent
            })
        });
        if stopped {
            return;
        }
        if let Err(e) = result {
            let _ = blocks.send((seq, Err(e)));
            return;
        }
    }
}

fn normalize_block(
    normalizer: &Normalizer,
    block: &Block,
    options: &Options,
    cache: &mut stemline_core::TokenCache,
) -> Done {
    let mut bytes = Vec::with_capacity(block.raw.len() + block.raw.len() / 4 + 64);
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

fn write_in_order(
    done: mpsc::Receiver<(u64, Result<Done, Error>)>,
    slots: mpsc::SyncSender<()>,
    hooks: &dyn Hooks,
    out: &mut dyn Write,
) -> Result<Stats, Error> {
    let mut stats = Stats::default();
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    loop {
        match done.recv_timeout(Duration::from_millis(100)) {
            Ok((seq, result)) => {
                waiting.insert(seq, result);
            }
            Err(RecvTimeoutError::Timeout) => {
                hooks.progress(&stats)?;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
        while let Some(result) = waiting.remove(&next) {
            let block = result?;
            out.write_all(&block.bytes).map_err(Error::Output)?;
            stats.documents += block.documents;
            stats.tokens += block.tokens;
            stats.nbytes += block.nbytes;
            stats.disk_bytes += block.disk_bytes;
            next += 1;
            let _ = slots.send(());
            hooks.progress(&stats)?;
        }
    }
    out.flush().map_err(Error::Output)?;
    Ok(stats)
}
