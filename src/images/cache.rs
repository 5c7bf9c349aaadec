//! Images kept between builds made with one engine: `watch` rebuilding on every
//! save, a library whose leaflets share pictures. A picture whose file has not
//! changed (the same bytes) is not decoded again, and one prepared for the same
//! target at the same size is not resampled or re-encoded again: a saved edit to the
//! text of a leaflet with two photos rebuilds in the time its text takes.
//!
//! A [`Cache`] is a value: the engine owns one, so two engines (or two tests) never
//! share a budget. Each part is bounded; past its budget it is emptied and fills again.

use super::decode::LoadedImage;
use super::Prepared;
use crate::model::edition::Target;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// Decoded pixels kept at most (a 12-megapixel photo is 36 MiB).
const DECODED_BUDGET: usize = 512 << 20;
/// Prepared image bytes kept at most.
const PREPARED_BUDGET: usize = 256 << 20;

struct Decoded {
    bytes: Vec<u8>,
    image: LoadedImage,
}

/// A decoding's image for a target at a width in pixels (0: as it is).
type PreparedKey = (u64, Target, u32);

/// Decoded and prepared images, shared by every build that holds the same cache (on
/// any thread: each part is behind its own lock, held only to look up or insert).
#[derive(Default)]
pub struct Cache {
    decoded: Mutex<HashMap<PathBuf, Decoded>>,
    prepared: Mutex<HashMap<PreparedKey, Prepared>>,
    next_id: AtomicU64,
}

impl std::fmt::Debug for Cache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Cache")
    }
}

impl Cache {
    /// The image decoded from `bytes` (the file at `path`), from the cache when the
    /// file holds the same bytes as when it was decoded, else from `decode`, which is
    /// given the bytes and a number no other decoding in this cache has (what prepared
    /// images are kept by).
    pub fn decoded(
        &self,
        path: &Path,
        bytes: Vec<u8>,
        decode: impl FnOnce(&[u8], u64) -> Result<LoadedImage, String>,
    ) -> Result<LoadedImage, String> {
        {
            let cache = self.decoded.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(hit) = cache.get(path) {
                if hit.bytes == bytes {
                    return Ok(hit.image.clone());
                }
            }
        }
        let image = decode(&bytes, self.next_id.fetch_add(1, Ordering::Relaxed) + 1)?;
        let mut map = self.decoded.lock().unwrap_or_else(|e| e.into_inner());
        let size = |d: &Decoded| d.bytes.len() + d.image.pixels.decoded_len();
        let entry = Decoded {
            bytes,
            image: image.clone(),
        };
        if map.values().map(size).sum::<usize>() + size(&entry) > DECODED_BUDGET {
            map.clear();
        }
        if size(&entry) <= DECODED_BUDGET {
            map.insert(path.to_path_buf(), entry);
        }
        Ok(image)
    }

    /// `image` prepared for `target` at `width_px` pixels wide (0: as it is), from the
    /// cache or from `prepare`.
    pub fn prepared(
        &self,
        image: &LoadedImage,
        target: Target,
        width_px: u32,
        prepare: impl FnOnce() -> Result<Prepared, String>,
    ) -> Result<Prepared, String> {
        let key = (image.id, target, width_px);
        {
            let cache = self.prepared.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(hit) = cache.get(&key) {
                return Ok(hit.clone());
            }
        }
        let prepared = prepare()?;
        let mut map = self.prepared.lock().unwrap_or_else(|e| e.into_inner());
        let total: usize = map.values().map(Prepared::byte_len).sum();
        if total + prepared.byte_len() > PREPARED_BUDGET {
            map.clear();
        }
        if prepared.byte_len() <= PREPARED_BUDGET {
            map.insert(key, prepared.clone());
        }
        Ok(prepared)
    }
}
