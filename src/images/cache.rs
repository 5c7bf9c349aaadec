//! Images kept between builds made with one engine: `watch` rebuilding on every
//! save, a library whose leaflets share pictures. A picture whose file has not
//! changed (the same bytes) is not decoded again, and one prepared for the same
//! target at the same size is not resampled or re-encoded again: a saved edit to the
//! text of a leaflet with two photos rebuilds in the time its text takes.
//!
//! Builds on several threads (a library with `--jobs 2`, whose print and e-mail
//! editions of one leaflet start together) share the work too: the second to ask for
//! a picture that is being decoded or prepared waits for that one result instead of
//! doing the same work again, and the maps' locks are held only to find or add an
//! entry, never while decoding or preparing.
//!
//! A [`Cache`] is a value: the engine owns one, so two engines (or two tests) never
//! share a budget. Each part is bounded; past its budget it is emptied and fills again.

use super::decode::LoadedImage;
use super::Prepared;
use crate::model::edition::Target;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Decoded pixels kept at most (a 12-megapixel photo is 36 MiB).
const DECODED_BUDGET: usize = 512 << 20;
/// Prepared image bytes kept at most.
const PREPARED_BUDGET: usize = 256 << 20;

/// One result, computed once by whichever thread asks first; the others wait on it.
type Cell<T> = Arc<OnceLock<Result<T, String>>>;

struct Decoded {
    bytes: Arc<[u8]>,
    image: Cell<LoadedImage>,
}

/// A decoding's image for a target at a width in pixels (0: as it is).
type PreparedKey = (u64, Target, u32);

/// Decoded and prepared images, shared by every build that holds the same cache (on
/// any thread: each part is behind its own lock, held only to look up or insert).
#[derive(Default)]
pub struct Cache {
    decoded: Mutex<HashMap<PathBuf, Decoded>>,
    prepared: Mutex<HashMap<PreparedKey, Cell<Prepared>>>,
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
    /// given the bytes (shared, so a JPEG kept as it is is not copied) and a number no other decoding in this cache has (what prepared
    /// images are kept by).
    pub fn decoded(
        &self,
        path: &Path,
        bytes: Vec<u8>,
        decode: impl FnOnce(&Arc<[u8]>, u64) -> Result<LoadedImage, String>,
    ) -> Result<LoadedImage, String> {
        let (cell, bytes) = {
            let mut map = self.decoded.lock().unwrap_or_else(|e| e.into_inner());
            match map.get(path) {
                Some(hit) if *hit.bytes == *bytes => (hit.image.clone(), hit.bytes.clone()),
                _ => {
                    let size = |d: &Decoded| d.bytes.len() + decoded_len(&d.image);
                    let held: usize = map.values().map(size).sum();
                    if held + bytes.len() > DECODED_BUDGET {
                        map.clear();
                    }
                    let (cell, bytes) = (Cell::default(), Arc::<[u8]>::from(bytes));
                    let entry = Decoded {
                        bytes: bytes.clone(),
                        image: cell.clone(),
                    };
                    map.insert(path.to_path_buf(), entry);
                    (cell, bytes)
                }
            }
        };
        // (A file that cannot be decoded fails again while it holds the same bytes.)
        cell.get_or_init(|| decode(&bytes, self.next_id.fetch_add(1, Ordering::Relaxed) + 1))
            .clone()
    }

    /// Whether `image` for `target` at `width_px` is prepared (or being prepared).
    pub fn is_prepared(&self, image: &LoadedImage, target: Target, width_px: u32) -> bool {
        let map = self.prepared.lock().unwrap_or_else(|e| e.into_inner());
        map.contains_key(&(image.id, target, width_px))
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
        let cell = {
            let mut map = self.prepared.lock().unwrap_or_else(|e| e.into_inner());
            if !map.contains_key(&key) {
                let held: usize = map.values().map(prepared_len).sum();
                if held > PREPARED_BUDGET {
                    map.clear();
                }
            }
            map.entry(key).or_default().clone()
        };
        cell.get_or_init(prepare).clone()
    }
}

/// The bytes a decoded image's pixels take, once decoded (0 while being decoded).
fn decoded_len(cell: &Cell<LoadedImage>) -> usize {
    match cell.get() {
        Some(Ok(image)) => image.pixels.decoded_len(),
        _ => 0,
    }
}

/// The bytes a prepared image takes, once prepared.
fn prepared_len(cell: &Cell<Prepared>) -> usize {
    match cell.get() {
        Some(Ok(p)) => p.byte_len(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn image(id: u64) -> LoadedImage {
        let pixels = super::super::pixels::Pixels::decoded(::image::DynamicImage::new_luma8(2, 1));
        super::super::tests::loaded(id, pixels, (2, 1))
    }

    /// Two builds asking at once for a picture no build has asked for yet (the print
    /// and e-mail editions of one leaflet, started together by `--jobs 2`) decode it
    /// once and prepare it once: the second waits for the first's result.
    #[test]
    fn two_threads_asking_at_once_share_one_decoding_and_one_preparation() {
        let cache = Cache::default();
        let (decodes, prepares) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let start = std::sync::Barrier::new(2);
        let ids: Vec<u64> = std::thread::scope(|s| {
            let run = || {
                start.wait();
                let img = cache
                    .decoded(Path::new("photo.jpg"), vec![1, 2, 3], |_, id| {
                        decodes.fetch_add(1, Ordering::SeqCst);
                        // Long enough for the other thread to ask meanwhile.
                        std::thread::sleep(std::time::Duration::from_millis(100));
                        Ok(image(id))
                    })
                    .unwrap();
                let p = cache
                    .prepared(&img, Target::Email, 1, || {
                        prepares.fetch_add(1, Ordering::SeqCst);
                        std::thread::sleep(std::time::Duration::from_millis(100));
                        Ok(Prepared::Pixels(::image::DynamicImage::new_luma8(1, 1)))
                    })
                    .unwrap();
                assert_eq!(p.width_px(), 1);
                img.id
            };
            let a = s.spawn(run);
            let b = s.spawn(run);
            vec![a.join().unwrap(), b.join().unwrap()]
        });
        assert_eq!(decodes.load(Ordering::SeqCst), 1, "decoded once");
        assert_eq!(prepares.load(Ordering::SeqCst), 1, "prepared once");
        assert_eq!(ids[0], ids[1], "one decoding");
        // Other bytes at the same path are a new decoding.
        let other = cache
            .decoded(Path::new("photo.jpg"), vec![9], |_, id| Ok(image(id)))
            .unwrap();
        assert_ne!(other.id, ids[0]);
        assert!(cache.is_prepared(&image(ids[0]), Target::Email, 1));
        assert!(!cache.is_prepared(&other, Target::Email, 1));
    }
}
