//! Images kept between builds in one process: `watch` rebuilding on every save, a
//! library whose leaflets share pictures. A picture whose file has not changed (the
//! same bytes) is not decoded again, and one prepared for the same target at the
//! same size is not resampled or re-encoded again: a saved edit to the text of a
//! leaflet with two photos rebuilds in the time its text takes.
//!
//! Each cache is bounded; past its budget it is emptied and fills again.

use crate::content::LoadedImage;
use crate::images::{Prepared, Target};
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

static DECODED: Mutex<Option<HashMap<PathBuf, Decoded>>> = Mutex::new(None);
/// A decoding's image for a target at a width in pixels (0: as it is).
type PreparedKey = (u64, Target, u32);

static PREPARED: Mutex<Option<HashMap<PreparedKey, Prepared>>> = Mutex::new(None);
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A number no other decoding in this process has: what prepared images are kept by.
pub fn new_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// The image decoded from `bytes` (the file at `path`), from the cache when the file
/// holds the same bytes as when it was decoded, else from `decode`.
pub fn decoded(
    path: &Path,
    bytes: Vec<u8>,
    decode: impl FnOnce(&[u8]) -> Result<LoadedImage, String>,
) -> Result<LoadedImage, String> {
    {
        let cache = DECODED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = cache.as_ref().and_then(|c| c.get(path)) {
            if hit.bytes == bytes {
                return Ok(hit.image.clone());
            }
        }
    }
    let image = decode(&bytes)?;
    let mut cache = DECODED.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(HashMap::new);
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
    image: &LoadedImage,
    target: Target,
    width_px: u32,
    prepare: impl FnOnce() -> Result<Prepared, String>,
) -> Result<Prepared, String> {
    let key = (image.id, target, width_px);
    {
        let cache = PREPARED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = cache.as_ref().and_then(|c| c.get(&key)) {
            return Ok(hit.clone());
        }
    }
    let prepared = prepare()?;
    let mut cache = PREPARED.lock().unwrap_or_else(|e| e.into_inner());
    let map = cache.get_or_insert_with(HashMap::new);
    let total: usize = map.values().map(Prepared::byte_len).sum();
    if total + prepared.byte_len() > PREPARED_BUDGET {
        map.clear();
    }
    if prepared.byte_len() <= PREPARED_BUDGET {
        map.insert(key, prepared.clone());
    }
    Ok(prepared)
}
