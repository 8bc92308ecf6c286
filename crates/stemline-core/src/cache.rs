//! A bounded cache of finished output per distinct run.
//!
//! Natural text repeats a small vocabulary, so after the first few thousand
//! runs nearly every run is a cache hit: one hash and one copy. The cache is
//! bounded by an estimate of its memory; when an insertion would exceed the
//! bound the cache is emptied and refilled. That is simpler than LRU and costs
//! little, because the frequent runs return within the next few kilobytes of
//! text. Runs longer than [`MAX_CACHED_RUN`] bytes are never cached: they are
//! rare, unlikely to repeat, and a single one could fill the cache.

use hashbrown::HashMap;

/// Runs longer than this many bytes are computed every time.
pub const MAX_CACHED_RUN: usize = 256;

/// Estimated bytes per entry beyond its key and value: two boxed slices, the
/// table slot and its control byte, and the allocator's bookkeeping.
const ENTRY_OVERHEAD: usize = 80;

/// The default bound, per cache (each worker thread has its own).
pub const DEFAULT_CACHE_BYTES: usize = 64 << 20;

#[derive(Debug)]
pub struct TokenCache {
    map: HashMap<Box<[u8]>, Box<[u8]>>,
    used: usize,
    limit: usize,
}

impl TokenCache {
    pub fn new(limit_bytes: usize) -> Self {
        TokenCache {
            map: HashMap::new(),
            used: 0,
            limit: limit_bytes,
        }
    }

    #[inline]
    pub fn get(&self, key: &[u8]) -> Option<&[u8]> {
        self.map.get(key).map(|v| &**v)
    }

    pub fn insert(&mut self, key: &[u8], value: &[u8]) {
        if key.len() > MAX_CACHED_RUN {
            return;
        }
        let cost = key.len() + value.len() + ENTRY_OVERHEAD;
        if cost > self.limit {
            return;
        }
        if self.used + cost > self.limit {
            // Drop the table too: its slots would otherwise stay allocated.
            self.map = HashMap::new();
            self.used = 0;
        }
        self.map.insert(key.into(), value.into());
        self.used += cost;
    }

    /// Entries held now.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Estimated bytes held now (never above the bound).
    pub fn used_bytes(&self) -> usize {
        self.used
    }

    pub fn limit_bytes(&self) -> usize {
        self.limit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stays_within_its_bound() {
        let mut cache = TokenCache::new(10_000);
        for i in 0..100_000u32 {
            let key = format!("token{i}");
            cache.insert(key.as_bytes(), key.as_bytes());
            assert!(cache.used_bytes() <= cache.limit_bytes());
        }
        assert!(!cache.is_empty() && cache.len() < 200);
        let key = "x".repeat(MAX_CACHED_RUN + 1);
        cache.insert(key.as_bytes(), b"x");
        assert_eq!(cache.get(key.as_bytes()), None);
    }
}
