//! Values a thread takes, uses alone and gives back: the normalizer's caches
//! and the word tokenizers' scratches, which keep what they learned (a
//! cache's entries, a buffer's capacity) from one text to the next.

use std::sync::{Mutex, MutexGuard};

/// A stack of idle values behind a lock. A thread that panicked while
/// holding the lock left at worst a value half-updated by its own use, which
/// a cache or a scratch buffer tolerates: the lock's poisoning is ignored.
#[derive(Debug)]
pub struct Pool<T> {
    idle: Mutex<Vec<T>>,
}

impl<T> Default for Pool<T> {
    fn default() -> Self {
        Pool {
            idle: Mutex::new(Vec::new()),
        }
    }
}

impl<T> Pool<T> {
    /// An idle value, or `new()` when there is none.
    pub fn take_or(&self, new: impl FnOnce() -> T) -> T {
        self.idle().pop().unwrap_or_else(new)
    }

    /// Gives `value` back for the next taker.
    pub fn put(&self, value: T) {
        self.idle().push(value);
    }

    /// Drops every idle value.
    pub fn clear(&self) {
        self.idle().clear();
    }

    /// The idle values, locked while the guard lives.
    pub fn idle(&self) -> MutexGuard<'_, Vec<T>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_come_back_and_new_ones_are_made_when_none_is_idle() {
        let pool = Pool::default();
        assert_eq!(pool.take_or(|| 1), 1);
        pool.put(2);
        pool.put(3);
        assert_eq!(*pool.idle(), [2, 3]);
        assert_eq!(pool.take_or(|| 9), 3);
        pool.clear();
        assert_eq!(pool.take_or(|| 4), 4);
    }
}
