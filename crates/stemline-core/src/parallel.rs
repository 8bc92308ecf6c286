//! The ordered parallel runner: items produced one at a time, worked on by
//! several threads, and their results handed on in the order the items were
//! produced, on the calling thread.
//!
//! Every batch of the core (lines, spans, counts of many documents) and the
//! corpus job of `stemline-io` (blocks read from files, parsed, normalized
//! and written) have this shape, and one runner keeps their guarantees in one
//! place:
//!
//! * **The calling thread is one of the workers.** Between its own items it
//!   hands on the results that are ready. On two cores, a separate consuming
//!   (or reading, or writing) thread, one more than the cores, had to be
//!   woken for every item and competed with the workers for the CPU: a batch
//!   of two workers ran at 1.7x to 1.8x, and the corpus job's `-j 2` on 1.56
//!   cores.
//! * **Producing is serial, working is not.** One worker at a time holds the
//!   producer (for the job: reads a block of whole lines and counts them),
//!   puts it back, and then works on its item itself: no hand-off, no thread
//!   to wake per item.
//! * **In-flight items are bounded.** At most [`Runner::in_flight`] items are
//!   produced and not yet consumed: a worker waits for a free slot before it
//!   produces, so memory does not grow with the input, nor with one slow
//!   item.
//! * **Results are consumed in order.** Each waits in its place; a failure
//!   to produce keeps its place too, so everything produced before it is
//!   consumed, and the run then returns that failure: the first one of the
//!   input, as a serial run would.
//! * **The calling thread ticks.** It calls [`InOrder::tick`] whenever
//!   [`Runner::tick`] has passed since its last consume or tick, whatever it
//!   is doing (waiting for the others, or being the producer that delivered
//!   nothing yet), so a caller can show progress and look at signals while
//!   the only worker waits on a pipe.
//! * **Stops are prompt and panics are not lost.** The run ends when every
//!   item is consumed, or at the first error of producing, consuming or
//!   ticking; the workers then finish the item in hand and leave. A worker
//!   that panics (a bug) stops the calling thread, and its panic goes on from
//!   [`Runner::run`]; a calling thread that panics stops the workers.
//! * **A thread the system refuses is not an error** (too many threads, no
//!   memory for a stack): the threads already running share the items.

use std::collections::BTreeMap;
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// The most threads a batch call runs: more only cost memory for their
/// stacks and time to start them, on any machine this runs on.
pub const MAX_WORKERS: usize = 256;

/// The number of threads for `workers`: 0 means one per core; at most
/// [`MAX_WORKERS`].
pub fn resolve_workers(workers: usize) -> usize {
    if workers == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        workers
    }
    .min(MAX_WORKERS)
}

/// What the producer gave when asked for the next item.
#[derive(Debug)]
pub enum Produced<T, E> {
    /// The next item.
    Item(T),
    /// Producing failed: the error takes the next item's place in the order,
    /// and nothing more is produced.
    Failed(E),
    /// There are no more items.
    End,
    /// Nothing for now (a source that may block delivered nothing for a
    /// while); the producer is asked again.
    NotYet,
}

/// The calling thread's side of a run: results in order, and ticks.
pub trait InOrder<R, E> {
    /// The next result in the order of the items; an error ends the run.
    fn consume(&mut self, result: R) -> Result<(), E>;

    /// Called when [`Runner::tick`] has passed since the last consume or
    /// tick; an error ends the run.
    fn tick(&mut self) -> Result<(), E> {
        Ok(())
    }
}

/// Consumes each result with a closure that cannot fail, never ticks.
pub struct Each<F>(pub F);

impl<R, F: FnMut(R)> InOrder<R, std::convert::Infallible> for Each<F> {
    fn consume(&mut self, result: R) -> Result<(), std::convert::Infallible> {
        (self.0)(result);
        Ok(())
    }
}

/// How a run is shaped.
#[derive(Clone, Copy, Debug)]
pub struct Runner {
    /// Threads, the calling one included (at least one runs); see
    /// [`resolve_workers`].
    pub workers: usize,
    /// The most items produced and not yet consumed (at least one).
    pub in_flight: usize,
    /// How often the calling thread ticks; `None`: never.
    pub tick: Option<Duration>,
}

impl Runner {
    /// Runs `produce` (serially: one thread at a time), `work` (on the
    /// thread that produced the item, with that thread's state, made by
    /// `init`) and `in_order` (on the calling thread, in the order the items
    /// were produced), until every item is consumed or something fails.
    ///
    /// Returns the threads' states (to keep their caches, say) and whether
    /// the run went through, or the first error in the order.
    pub fn run<T, S, R, E>(
        &self,
        produce: impl FnMut() -> Produced<T, E> + Send,
        init: impl Fn() -> S + Sync,
        work: impl Fn(&mut S, T) -> R + Sync,
        in_order: &mut impl InOrder<R, E>,
    ) -> (Vec<S>, Result<(), E>)
    where
        T: Send,
        S: Send,
        R: Send,
        E: Send,
    {
        let shared = Shared {
            state: Mutex::new(State {
                producer: Producer::Idle(produce),
                next_produced: 0,
                next_consumed: 0,
                free: self.in_flight.max(1),
                done: BTreeMap::new(),
                stop: false,
                panicked: false,
            }),
            changed: Condvar::new(),
        };
        let (shared, init, work) = (&shared, &init, &work);
        std::thread::scope(|scope| {
            let helpers: Vec<_> = (1..self.workers)
                .map_while(|_| {
                    std::thread::Builder::new()
                        .spawn_scoped(scope, move || {
                            let _stop = StopOnDrop {
                                shared,
                                calling_thread: false,
                            };
                            let mut state = init();
                            shared.help(&mut state, work);
                            state
                        })
                        .ok()
                })
                .collect();
            let mut own = init();
            let result = {
                let _stop = StopOnDrop {
                    shared,
                    calling_thread: true,
                };
                shared.lead(&mut own, work, in_order, self.tick)
            };
            // Joined here, not by the scope, so that a worker's panic goes
            // on as it was raised.
            let mut states: Vec<S> = helpers
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect();
            states.push(own);
            (states, result)
        })
    }
}

struct Shared<P, R, E> {
    state: Mutex<State<P, R, E>>,
    /// Notified when an item is produced or done, a slot is freed, or the
    /// run stops.
    changed: Condvar,
}

struct State<P, R, E> {
    producer: Producer<P>,
    /// Numbers of the next item produced, and of the next consumed.
    next_produced: u64,
    next_consumed: u64,
    /// Items that may still be produced before one is consumed.
    free: usize,
    /// Results (or failures to produce) waiting for their turn.
    done: BTreeMap<u64, Result<R, E>>,
    /// The calling thread left: the workers stop.
    stop: bool,
    /// A worker panicked: the calling thread stops.
    panicked: bool,
}

enum Producer<P> {
    /// Nobody is producing: the next worker may.
    Idle(P),
    /// A worker is producing.
    Busy,
    /// There are no more items, or producing failed.
    Over,
}

/// What a thread does next.
enum Task<P, R, E> {
    Consume(Vec<Result<R, E>>),
    Produce(P),
    Wait,
    Leave,
}

/// Stops the workers when the calling thread leaves (done, an error, or a
/// panic), and the calling thread when a worker panics: no thread waits for
/// one that is gone.
struct StopOnDrop<'a, P, R, E> {
    shared: &'a Shared<P, R, E>,
    calling_thread: bool,
}

impl<P, R, E> Drop for StopOnDrop<'_, P, R, E> {
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

impl<P, R, E> Shared<P, R, E> {
    fn lock(&self) -> MutexGuard<'_, State<P, R, E>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The next thing to do; `calling` for the calling thread, the only one
    /// that consumes and the only one that stays until the end.
    fn task(&self, state: &mut State<P, R, E>, calling: bool) -> Task<P, R, E> {
        if calling && state.done.contains_key(&state.next_consumed) {
            let mut ready = Vec::new();
            let mut seq = state.next_consumed;
            while let Some(result) = state.done.remove(&seq) {
                ready.push(result);
                seq += 1;
            }
            return Task::Consume(ready);
        }
        if state.free > 0 {
            match std::mem::replace(&mut state.producer, Producer::Busy) {
                Producer::Idle(producer) => {
                    state.free -= 1;
                    return Task::Produce(producer);
                }
                other => state.producer = other,
            }
        }
        if !calling && matches!(state.producer, Producer::Over) {
            return Task::Leave;
        }
        Task::Wait
    }

    /// Produces an item with `producer`, which this thread alone holds (and a
    /// slot), puts the producer back, then works on the item.
    fn produce_and_work<T, S>(&self, mut producer: P, state: &mut S, work: &impl Fn(&mut S, T) -> R)
    where
        P: FnMut() -> Produced<T, E>,
    {
        let produced = producer();
        let item = {
            let mut shared = self.lock();
            let item = match produced {
                Produced::Item(item) => {
                    shared.producer = Producer::Idle(producer);
                    shared.next_produced += 1;
                    Some((shared.next_produced - 1, item))
                }
                Produced::Failed(e) => {
                    shared.producer = Producer::Over;
                    let seq = shared.next_produced;
                    shared.next_produced += 1;
                    shared.done.insert(seq, Err(e));
                    None
                }
                Produced::End => {
                    shared.producer = Producer::Over;
                    shared.free += 1;
                    None
                }
                Produced::NotYet => {
                    shared.producer = Producer::Idle(producer);
                    shared.free += 1;
                    None
                }
            };
            drop(shared);
            self.changed.notify_all();
            item
        };
        let Some((seq, item)) = item else { return };
        let result = work(state, item);
        self.lock().done.insert(seq, Ok(result));
        self.changed.notify_all();
    }

    /// A worker that is not the calling thread: produces and works until
    /// there is nothing more to produce, or the run stops.
    fn help<T, S>(&self, state: &mut S, work: &impl Fn(&mut S, T) -> R)
    where
        P: FnMut() -> Produced<T, E>,
    {
        let mut shared = self.lock();
        loop {
            if shared.stop {
                break;
            }
            match self.task(&mut shared, false) {
                Task::Produce(producer) => {
                    drop(shared);
                    self.produce_and_work(producer, state, work);
                    shared = self.lock();
                }
                Task::Leave => break,
                Task::Wait | Task::Consume(_) => {
                    shared = self.changed.wait(shared).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }

    /// The calling thread: consumes the results in order, and between them
    /// produces and works as the other workers do.
    fn lead<T, S>(
        &self,
        state: &mut S,
        work: &impl Fn(&mut S, T) -> R,
        in_order: &mut impl InOrder<R, E>,
        tick: Option<Duration>,
    ) -> Result<(), E>
    where
        P: FnMut() -> Produced<T, E>,
    {
        let mut last_tick = Instant::now();
        let mut shared = self.lock();
        loop {
            if shared.panicked {
                return Ok(()); // the worker's panic goes on when it is joined
            }
            // Whatever this thread is doing: alone, it may do nothing but
            // produce nothing yet.
            if tick.is_some_and(|every| last_tick.elapsed() >= every) {
                drop(shared);
                in_order.tick()?;
                last_tick = Instant::now();
                shared = self.lock();
            }
            match self.task(&mut shared, true) {
                Task::Consume(ready) => {
                    drop(shared);
                    for result in ready {
                        in_order.consume(result?)?;
                        last_tick = Instant::now();
                        let mut shared = self.lock();
                        shared.free += 1;
                        shared.next_consumed += 1;
                        drop(shared);
                        self.changed.notify_all();
                    }
                    shared = self.lock();
                }
                Task::Produce(producer) => {
                    drop(shared);
                    self.produce_and_work(producer, state, work);
                    shared = self.lock();
                }
                Task::Wait | Task::Leave => {
                    if matches!(shared.producer, Producer::Over)
                        && shared.next_consumed == shared.next_produced
                    {
                        return Ok(());
                    }
                    shared = match tick {
                        Some(every) => {
                            let left = every.saturating_sub(last_tick.elapsed());
                            self.changed
                                .wait_timeout(shared, left)
                                .unwrap_or_else(|e| e.into_inner())
                                .0
                        }
                        None => self.changed.wait(shared).unwrap_or_else(|e| e.into_inner()),
                    };
                }
            }
        }
    }
}

/// Runs `work` over `docs` in chunks on `workers` threads (0: one per core),
/// each thread from its own state made by `init`, and hands each chunk's
/// result, in input order, to `consume` on the calling thread as soon as it
/// and every chunk before it are done, while the workers go on. Returns the
/// threads' final states.
///
/// A caller with serial work per result (the binding builds Python strings,
/// which needs the GIL) so overlaps it with the work of the others.
pub fn in_chunks_streamed<'d, S: Send, R: Send>(
    docs: &'d [&'d [u8]],
    workers: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &'d [&'d [u8]]) -> R + Sync,
    consume: impl FnMut(R),
) -> Vec<S> {
    let workers = resolve_workers(workers).min(docs.len()).max(1);
    // Small chunks handed out in order keep every worker busy when document
    // sizes vary; a lone worker takes them all at once.
    let chunk_len = if workers == 1 {
        docs.len().max(1)
    } else {
        (docs.len() / (workers * 16)).clamp(1, 256)
    };
    let mut chunks = docs.chunks(chunk_len);
    let runner = Runner {
        workers,
        // The documents are in memory already: results may run ahead.
        in_flight: usize::MAX,
        tick: None,
    };
    let produce = move || match chunks.next() {
        Some(chunk) => Produced::Item(chunk),
        None => Produced::End,
    };
    let (states, result) = runner.run(produce, init, work, &mut Each(consume));
    match result {
        Ok(()) => states,
        Err(never) => match never {},
    }
}

/// [`in_chunks_streamed`], collecting the chunks' results in input order.
pub(crate) fn in_chunks<'d, S: Send, R: Send>(
    docs: &'d [&'d [u8]],
    workers: usize,
    init: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, &'d [&'d [u8]]) -> R + Sync,
) -> (Vec<S>, Vec<R>) {
    let mut results = Vec::new();
    let states = in_chunks_streamed(docs, workers, init, work, |r| results.push(r));
    (states, results)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn workers_are_clamped() {
        assert_eq!(resolve_workers(1_000_000), MAX_WORKERS);
        assert_eq!(resolve_workers(3), 3);
        assert!(resolve_workers(0) >= 1);
    }

    #[test]
    fn chunks_finishing_out_of_order_are_handed_on_in_order() {
        let docs: Vec<Vec<u8>> = (0..400u32).map(|i| i.to_le_bytes().to_vec()).collect();
        let refs: Vec<&[u8]> = docs.iter().map(|d| &d[..]).collect();
        for workers in [2, 3, 5] {
            let mut seen = Vec::new();
            let states = in_chunks_streamed(
                &refs,
                workers,
                || 0usize,
                |done, chunk| {
                    // Early chunks take longest, so later ones finish first.
                    let first = u32::from_le_bytes(chunk[0].try_into().unwrap());
                    std::thread::sleep(Duration::from_micros((400 - u64::from(first)) * 5));
                    *done += chunk.len();
                    chunk.to_vec()
                },
                |result| seen.extend(result),
            );
            assert_eq!(seen, refs, "workers={workers}");
            assert_eq!(states.len(), workers);
            assert_eq!(states.iter().sum::<usize>(), refs.len());
        }
    }

    #[test]
    fn no_documents_is_no_chunk() {
        let mut calls = 0;
        let states = in_chunks_streamed(&[], 4, || (), |_, _| (), |()| calls += 1);
        assert_eq!((states.len(), calls), (1, 0));
    }

    /// Consumes numbers, failing at `fail_at`, counting ticks.
    struct Collect {
        seen: Vec<u64>,
        fail_at: Option<u64>,
        ticks: usize,
    }

    impl InOrder<u64, String> for Collect {
        fn consume(&mut self, n: u64) -> Result<(), String> {
            if Some(n) == self.fail_at {
                return Err(format!("consumed {n}"));
            }
            self.seen.push(n);
            Ok(())
        }

        fn tick(&mut self) -> Result<(), String> {
            self.ticks += 1;
            Ok(())
        }
    }

    fn collect(fail_at: Option<u64>) -> Collect {
        Collect {
            seen: Vec::new(),
            fail_at,
            ticks: 0,
        }
    }

    /// A producer of `0..n` that fails at `fail_at` and says "not yet" every
    /// third time it is asked.
    fn numbers(n: u64, fail_at: Option<u64>) -> impl FnMut() -> Produced<u64, String> + Send {
        let (mut next, mut asked) = (0, 0);
        move || {
            asked += 1;
            if asked % 3 == 0 {
                return Produced::NotYet;
            }
            if Some(next) == fail_at {
                return Produced::Failed(format!("produced {next}"));
            }
            if next == n {
                return Produced::End;
            }
            next += 1;
            Produced::Item(next - 1)
        }
    }

    #[test]
    fn results_come_in_order_and_in_flight_items_stay_bounded() {
        for (workers, in_flight) in [(1, 1), (2, 1), (3, 2), (4, 10)] {
            let alive = std::sync::atomic::AtomicUsize::new(0);
            let most = std::sync::atomic::AtomicUsize::new(0);
            let runner = Runner {
                workers,
                in_flight,
                tick: Some(Duration::from_millis(1)),
            };
            let mut in_order = collect(None);
            let (states, result) = runner.run(
                numbers(300, None),
                || 0usize,
                |count, n| {
                    use std::sync::atomic::Ordering::SeqCst;
                    let now = alive.fetch_add(1, SeqCst) + 1;
                    most.fetch_max(now, SeqCst);
                    // Later items finish first.
                    std::thread::sleep(Duration::from_micros((n % 4) * 50));
                    alive.fetch_sub(1, SeqCst);
                    *count += 1;
                    n
                },
                &mut in_order,
            );
            assert_eq!(result, Ok(()));
            assert_eq!(in_order.seen, (0..300).collect::<Vec<_>>());
            assert_eq!(states.iter().sum::<usize>(), 300);
            assert!(most.into_inner() <= in_flight, "{workers} workers");
        }
    }

    #[test]
    fn the_first_failure_in_the_order_ends_the_run_after_everything_before_it() {
        for workers in [1, 2, 4] {
            let runner = Runner {
                workers,
                in_flight: 8,
                tick: None,
            };
            let mut in_order = collect(None);
            let (_, result) = runner.run(numbers(100, Some(40)), || (), |_, n| n, &mut in_order);
            assert_eq!(result, Err("produced 40".to_owned()));
            assert_eq!(in_order.seen, (0..40).collect::<Vec<_>>());
            let mut in_order = collect(Some(30));
            let (_, result) = runner.run(numbers(100, Some(40)), || (), |_, n| n, &mut in_order);
            assert_eq!(result, Err("consumed 30".to_owned()));
            assert_eq!(in_order.seen, (0..30).collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_calling_thread_ticks_while_the_producer_has_nothing_yet() {
        for workers in [1, 2] {
            let runner = Runner {
                workers,
                in_flight: 4,
                tick: Some(Duration::from_millis(5)),
            };
            let started = Instant::now();
            let produce = move || {
                if started.elapsed() < Duration::from_millis(60) {
                    std::thread::sleep(Duration::from_millis(2));
                    Produced::NotYet
                } else {
                    Produced::<u64, String>::End
                }
            };
            let mut in_order = collect(None);
            let (_, result) = runner.run(produce, || (), |_, n| n, &mut in_order);
            assert_eq!(result, Ok(()));
            assert!(
                in_order.ticks >= 3,
                "{workers} workers: {} ticks",
                in_order.ticks
            );
        }
    }

    #[test]
    fn a_panicking_worker_is_a_panic_of_the_run() {
        for workers in [1, 3] {
            let outcome = std::panic::catch_unwind(|| {
                let runner = Runner {
                    workers,
                    in_flight: 4,
                    tick: None,
                };
                runner.run(
                    numbers(100, None),
                    || (),
                    |_, n| {
                        assert!(n != 50, "the bug at 50");
                        n
                    },
                    &mut collect(None),
                )
            });
            let panic = outcome.expect_err("the run ended as finished");
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()));
            assert_eq!(
                message.as_deref(),
                Some("the bug at 50"),
                "{workers} workers"
            );
        }
    }
}
