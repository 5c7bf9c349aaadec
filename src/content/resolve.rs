//! Resolving a parsed leaflet: the checks serde cannot make (empty text, missing alt
//! text) and reading every image, so that nothing after this stage fails on input.
//! All problems are collected and reported together.

use super::load::{block_offsets, Source};
use super::model::{Block, Leaflet};
use crate::diag::{Diagnostic, Diagnostics};
use crate::project::Project;
use ::image::{DynamicImage, ImageFormat, ImageReader, Limits};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Larger sides than this are not photos for a leaflet but mistakes (or attacks):
/// 12 000 px is 1 m at 300 ppi.
pub const MAX_IMAGE_SIDE: u32 = 12_000;
/// More blocks than this is no leaflet (the sample has 50): bounded work for hostile files.
pub const MAX_BLOCKS: usize = 10_000;

/// Decoded pixels may use at most this much memory.
const MAX_IMAGE_BYTES: u64 = 400 * 1024 * 1024;

/// The image key of the brand's logo, beside block indices.
pub const LOGO: usize = usize::MAX;
/// The image key of the cover's picture.
pub const COVER_PICTURE: usize = usize::MAX - 1;

/// A leaflet whose every input has been checked and loaded.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub leaflet: Leaflet,
    /// Decoded images, keyed by block index (or [`LOGO`], [`COVER_PICTURE`]).
    pub images: HashMap<usize, LoadedImage>,
    /// The brand, checked, with its theme and font files.
    pub brand: crate::project::ResolvedBrand,
    /// The project's contact details, for a back cover.
    pub back_contact: Option<super::model::Contact>,
    /// The leaflet belongs to a project with a leafpress.yaml (a managed library).
    pub in_project: bool,
    /// The project file the leaflet took its brand and defaults from.
    pub project_file: Option<PathBuf>,
    /// The project's `check:` settings (rules off or re-levelled, known acronyms).
    pub check: crate::project::CheckSettings,
    /// The large-print edition's body size, when that edition is built.
    pub large_print: Option<f32>,
    /// What absolute image widths are multiplied by (an edition on wider pages keeps
    /// each image's share of the text width).
    pub image_scale: f32,
    /// Print editions show each link's address after its text, and a heading's
    /// page after a link to it (see [`crate::layout::addresses`]).
    pub addresses_on_paper: bool,
    /// Laid out as the panels of a DL tri-fold: no footers or page numbers (a
    /// folded sheet has no pages to number).
    pub panels: bool,
    /// Where each block starts in the source, when it could be located.
    pub block_spans: Vec<Option<Range<usize>>>,
    /// Each heading's anchor (see [`super::anchors`]), by block.
    pub anchors: Vec<Option<String>>,
    /// Problems that do not stop a build (a link to a heading text used twice).
    pub warnings: Vec<Diagnostic>,
}

impl Resolved {
    /// Every file a build of this leaflet reads besides `content`: its project
    /// file, images (the logo and cover picture included) and brand fonts. `watch`
    /// rebuilds when any of them changes.
    pub fn files_read(&self, content: &std::path::Path) -> Vec<PathBuf> {
        let mut files = vec![content.to_path_buf()];
        files.extend(self.project_file.clone());
        files.extend(self.images.values().map(|i| i.path.clone()));
        files.extend(self.brand.fonts.iter().flatten().flatten().cloned());
        files.sort();
        files.dedup();
        files
    }
}

/// A control character in text (NUL, BEL, ESC…: never printable, and slow to set
/// in a long run): what a paste from another program can leave behind. Line breaks
/// and tabs are text.
fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// A read and checked image: its upright size, its pixels (a JPEG's decoded only
/// when needed), and what of the file can go into a PDF as it is.
#[derive(Debug, Clone)]
pub struct LoadedImage {
    pub path: PathBuf,
    pub width_px: u32,
    pub height_px: u32,
    pub pixels: crate::pixels::Pixels,
    /// The file's own JPEG bytes, when they can be embedded as they are (grey or
    /// YCbCr, no EXIF turn needed), so a photo is not compressed a second time.
    pub jpeg: Option<Jpeg>,
    /// The file was a JPEG (a photograph), even if it cannot be passed through.
    pub was_jpeg: bool,
    /// A PNG's own compressed rows (8-bit grey or RGB, not interlaced, opaque, no
    /// turn needed), which a PDF takes as they are: written unchanged when the image
    /// needs no resampling, never larger than the file.
    pub png: Option<crate::images::PngAsIs>,
    /// Which decoding this is ([`crate::cache`]): the same for the same file bytes
    /// within a process, so what is prepared from it can be kept.
    pub id: u64,
}

#[derive(Debug, Clone)]
pub struct Jpeg {
    pub bytes: std::sync::Arc<[u8]>,
    pub components: u8,
}

pub fn resolve(src: &Source, mut leaflet: Leaflet, project: &Project) -> Result<Resolved, Diagnostics> {
    let mut brand = project.resolve_brand(src, &leaflet)?;
    let offsets = block_offsets(&src.text);
    let block_spans: Vec<Option<Range<usize>>> = (0..leaflet.blocks.len())
        .map(|i| {
            (offsets.len() == leaflet.blocks.len()).then(|| {
                let at = offsets[i];
                let end = src.text[at..]
                    .find([':', '\n'])
                    .map_or(src.text.len(), |n| at + n);
                at..end
            })
        })
        .collect();
    let mut problems = Vec::new();
    let at_block =
        |i: usize, msg: String| Diagnostic::new(&src.path, msg).at(block_spans.get(i).cloned().flatten());

    let top = [
        ("title", Some(&leaflet.title)),
        ("subtitle", leaflet.subtitle.as_ref()),
        ("footer", leaflet.footer.as_ref()),
        ("reference", leaflet.reference.as_ref()),
        ("feedback", leaflet.feedback.as_ref()),
    ];
    let sources = leaflet.sources.iter().map(|s| ("sources", Some(s)));
    for (key, text) in top.into_iter().chain(sources) {
        if let Some(c) = text.and_then(|t| control_character(t)) {
            let at = src.text.find(&format!("{key}:")).map(|i| i..i + key.len());
            problems.push(
                Diagnostic::new(
                    &src.path,
                    format!(
                        "the {key} holds the control character U+{:04X}, which prints as nothing",
                        c as u32
                    ),
                )
                .at(at)
                .help("delete it: it came with text pasted from another program"),
            );
        }
    }
    if leaflet.title.trim().is_empty() {
        problems.push(
            Diagnostic::new(&src.path, "the title is empty").help("write the leaflet's title after `title:`"),
        );
    }
    if leaflet.blocks.len() > MAX_BLOCKS {
        let at = src.text.find("blocks:").map(|i| i..i + "blocks".len());
        return Err(Diagnostics::one(
            Diagnostic::new(
                &src.path,
                format!(
                    "the leaflet has {} blocks; leafpress takes at most {MAX_BLOCKS}",
                    leaflet.blocks.len()
                ),
            )
            .at(at)
            .help("split it into several leaflets"),
        )
        .with_source(&src.text));
    }
    if leaflet.blocks.is_empty() {
        problems.push(
            Diagnostic::new(&src.path, "the leaflet has no blocks")
                .help("add content under `blocks:`, e.g. `- paragraph: Welcome to the clinic.`"),
        );
    }
    problems.extend(check_margins(src, &leaflet));
    let base = src.path.parent().unwrap_or(Path::new("."));
    let mut images = HashMap::new();
    for (i, block) in leaflet.blocks.iter().enumerate() {
        let n = i + 1;
        let kind = block.type_name();
        let empty = match block {
            Block::Heading(t) | Block::Subheading(t) | Block::Paragraph(t) => t.trim().is_empty(),
            Block::Bullets(items) | Block::Numbered(items) => {
                items.is_empty() || items.iter().any(|t| t.trim().is_empty())
            }
            Block::Quote(q) => q.text.trim().is_empty(),
            Block::Callout(c) => c.text.trim().is_empty(),
            Block::Faq(entries) => {
                entries.is_empty()
                    || entries
                        .iter()
                        .any(|e| e.q.trim().is_empty() || e.a.trim().is_empty())
            }
            Block::Contact(c) => {
                !c.from_project
                    && [&c.name, &c.phone, &c.email, &c.web, &c.address]
                        .iter()
                        .all(|f| f.is_none())
            }
            Block::Qr(q) => q.url.trim().is_empty(),
            Block::Exercise(e) => {
                e.title.trim().is_empty() || e.steps.is_empty() || e.steps.iter().any(|s| s.trim().is_empty())
            }
            Block::Checklist(items) | Block::WriteIn(items) => {
                items.is_empty() || items.iter().any(|t| t.trim().is_empty())
            }
            Block::Urgent(u) => {
                u.title.trim().is_empty()
                    || u.items.iter().any(|t| t.trim().is_empty())
                    || u.text.as_deref().is_some_and(|t| t.trim().is_empty())
                    || (u.items.is_empty() && u.text.is_none())
            }
            // A table's own checks name the row or cell.
            Block::Table(_) | Block::Image(_) | Block::PageBreak => false,
        };
        problems.extend(super::checks::block(
            src,
            i,
            block,
            block_spans.get(i).cloned().flatten(),
        ));
        if let Some(c) = block.texts().iter().find_map(|t| control_character(t)) {
            problems.push(
                at_block(
                    i,
                    format!(
                        "block {n} ({kind}) holds the control character U+{:04X}, which prints as nothing",
                        c as u32
                    ),
                )
                .help("delete it: it came with text pasted from another program (a line break is fine)"),
            );
        }
        let bad_tag = block.texts().iter().find_map(|t| {
            crate::text::markup::language_spans(t)
                .into_iter()
                .map(|(_, tag)| tag.to_string())
                .find(|tag| !crate::text::markup::is_language_tag(tag))
        });
        if let Some(tag) = bad_tag {
            let written = format!("{{lang={tag}}}");
            let at = src.text.find(&written).map(|k| k..k + written.len());
            problems.push(
                at_block(i, format!("`{written}` does not name a language"))
                    .at(at)
                    .help("write a BCP 47 tag, as in `[Polski]{lang=pl}`, `{lang=ur}` or `{lang=zh-Hans}`"),
            );
        }
        // An exercise's picture is read like an image block's.
        if let Block::Exercise(super::model::Exercise { image: Some(img), .. }) = block {
            let at = find_value(&src.text, &img.src, block_spans.get(i).cloned().flatten())
                .or_else(|| block_spans.get(i).cloned().flatten());
            match read_picture(project, base, &img.src) {
                Ok(loaded) => {
                    images.insert(i, loaded);
                }
                Err(d) => problems.push(d.on(src, format!("the picture of exercise {n}"), at)),
            }
        }
        if let Block::Contact(c) = block {
            if c.from_project && project.defaults.contact.is_none() {
                problems.push(
                    at_block(i, format!("block {n} (contact) asks for the project's contact details, and there are none"))
                        .help("add `contact: {name: …, phone: …}` under `defaults:` in leafpress.yaml, or write the details here"),
                );
                continue;
            }
        }
        if empty {
            problems.push(
                at_block(i, format!("block {n} ({kind}) has no text"))
                    .help("write its text, or delete the block"),
            );
        }
        if let Block::Qr(q) = block {
            let mm = |pt: f32| pt / crate::units::PT_PER_MM;
            // Layout narrows a code to the text width; the modules must survive that.
            let (page_width, _) = leaflet.page.size.dimensions();
            let m = leaflet.page.margin;
            let side = q.size.pt().min(page_width - m.inner.pt() - m.outer.pt());
            match crate::layout::qr::Grid::new(&q.url) {
                Ok(grid) if grid.min_side() > side + 0.01 => problems.push(
                    at_block(
                        i,
                        format!(
                            "the QR code in block {n} is {:.0} mm, too small for its address: its {} modules would be under 0.4 mm",
                            mm(side),
                            grid.width
                        ),
                    )
                    .help(format!("write `size: {:.0}mm` or more, or use a shorter address", mm(grid.min_side()).ceil())),
                ),
                Ok(_) => {}
                Err(msg) => problems.push(at_block(i, format!("block {n} (qr): {msg}")).help("use a shorter address")),
            }
        }
        if let Block::Image(img) = block {
            if !img.decorative && img.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                problems.push(at_block(i, format!("image {} in block {n} has no alt text", img.src)).help(
                    "add `alt: what the picture shows` for readers who cannot see it, or `decorative: true` if it shows nothing that matters",
                ));
            }
            let at = find_value(&src.text, &img.src, block_spans.get(i).cloned().flatten())
                .or_else(|| block_spans.get(i).cloned().flatten());
            match read_picture(project, base, &img.src) {
                Ok(loaded) => {
                    images.insert(i, loaded);
                }
                Err(d) => problems.push(d.on(src, format!("image \"{}\" in block {n}", img.src), at)),
            }
        }
    }
    if let Some(img) = leaflet
        .cover
        .as_ref()
        .filter(|c| c.enabled)
        .and_then(|c| c.image.as_ref())
    {
        let span = find_value(&src.text, &img.src, None);
        let at = |msg: String, help: &str| Diagnostic::new(&src.path, msg).at(span.clone()).help(help);
        if img.lacks_alt() {
            problems.push(at(
                format!("the cover picture {} has no alt text", img.src),
                "add `alt: what the picture shows`, or `decorative: true`",
            ));
        }
        match read_picture(project, base, &img.src) {
            Ok(loaded) => {
                images.insert(COVER_PICTURE, loaded);
            }
            Err(d) => problems.push(d.on(src, format!("cover picture \"{}\"", img.src), span)),
        }
    }
    if let Some(logo) = brand.logo.take() {
        images.insert(LOGO, logo);
    }
    // A bare `- contact` shows the project's details.
    if let Some(details) = &project.defaults.contact {
        for block in &mut leaflet.blocks {
            if let Block::Contact(c) = block {
                if c.from_project {
                    *c = details.clone();
                    c.from_project = true;
                }
            }
        }
    }
    let anchors = super::anchors(&leaflet);
    let mut warnings: Vec<Diagnostic> = super::traps::scan(&src.text)
        .iter()
        .filter(|t| t.warning)
        .map(|t| super::load::trap_diagnostic(src, t))
        .collect();
    for d in check_internal_links(src, &leaflet, &anchors, &block_spans) {
        match d.level {
            crate::diag::Level::Error => problems.push(d),
            _ => warnings.push(d),
        }
    }
    if problems.is_empty() {
        Ok(Resolved {
            leaflet,
            images,
            brand,
            back_contact: project.defaults.contact.clone(),
            in_project: project.source.is_some(),
            project_file: project.source.as_ref().map(|s| s.path.clone()),
            check: project.check.clone(),
            large_print: None,
            image_scale: 1.0,
            addresses_on_paper: false,
            panels: false,
            block_spans,
            anchors,
            warnings,
        })
    } else {
        Err(Diagnostics {
            items: problems,
            source: Some(src.text.clone()),
        })
    }
}

/// Text needs room: margins that meet or cross are named as such, not reported later
/// as a block that does not fit "−20 mm" of page.
fn check_margins(src: &Source, leaflet: &Leaflet) -> Option<Diagnostic> {
    use crate::units::PT_PER_MM;
    const MIN_TEXT: f32 = 20.0 * PT_PER_MM;
    let (w, h) = leaflet.page.size.dimensions();
    let m = leaflet.page.margin;
    let mm = |pt: f32| format!("{:.0} mm", pt / PT_PER_MM);
    let sides = [
        ("inner and outer", m.inner.pt(), m.outer.pt(), w, "wide"),
        ("top and bottom", m.top.pt(), m.bottom.pt(), h, "tall"),
    ];
    let (which, a, b, page, dim) = sides
        .into_iter()
        .find(|(_, a, b, page, _)| page - a - b < MIN_TEXT)?;
    let what = if a + b >= page {
        format!(
            "the {which} margins ({} + {}) are wider than the page ({} {dim})",
            mm(a),
            mm(b),
            mm(page)
        )
    } else {
        format!(
            "the {which} margins ({} + {}) leave only {} of a {} page for text",
            mm(a),
            mm(b),
            mm(page - a - b),
            mm(page)
        )
    };
    let span = src.text.find("margin:").map(|at| at..at + "margin".len());
    Some(
        Diagnostic::new(&src.path, what)
            .at(span)
            .help("use smaller margins (15mm is the default), or a larger `size:`"),
    )
}

/// Every `[text](#anchor)` must name a heading of this leaflet; a link to a heading
/// text that several headings share is warned about (it goes to the first).
fn check_internal_links(
    src: &Source,
    leaflet: &Leaflet,
    anchors: &[Option<String>],
    spans: &[Option<Range<usize>>],
) -> Vec<Diagnostic> {
    let names: Vec<&str> = anchors.iter().flatten().map(String::as_str).collect();
    // (plain anchor of the heading's text, its unique anchor) for every heading.
    let headings: Vec<(String, &str)> = leaflet
        .blocks
        .iter()
        .zip(anchors)
        .filter_map(|(b, a)| Some((super::anchor(b.texts().first()?), a.as_deref()?)))
        .collect();
    let mut problems = Vec::new();
    // Every text that can hold a link, with where it is: blocks, and the back matter.
    let mut texts: Vec<(String, Option<Range<usize>>, &str)> = Vec::new();
    for (i, block) in leaflet.blocks.iter().enumerate() {
        for text in block.texts() {
            texts.push((format!("block {}", i + 1), spans.get(i).cloned().flatten(), text));
        }
    }
    for (k, text) in leaflet.sources.iter().enumerate() {
        texts.push((format!("source {}", k + 1), None, text));
    }
    if let Some(text) = &leaflet.feedback {
        texts.push(("`feedback`".into(), None, text));
    }
    for (place, block_span, text) in texts {
        {
            for span in crate::text::parse_inline(text) {
                let Some(target) = span.link.as_deref().and_then(|l| l.strip_prefix('#')) else {
                    continue;
                };
                let at = find_value(&src.text, &format!("#{target}"), block_span.clone())
                    .or_else(|| block_span.clone());
                if names.contains(&target) {
                    let others: Vec<String> = headings
                        .iter()
                        .filter(|(base, unique)| base == target && *unique != target)
                        .map(|(_, unique)| format!("#{unique}"))
                        .collect();
                    if !others.is_empty() {
                        problems.push(
                            Diagnostic::new(
                                &src.path,
                                format!(
                                    "link to \"#{target}\" in {place}: {} headings have that text; it goes to the first",
                                    others.len() + 1
                                ),
                            )
                            .at(at)
                            .help(format!("the others are {}; rename one heading if you meant another", others.join(", ")))
                            .warning(),
                        );
                    }
                    continue;
                }
                let d = Diagnostic::new(
                    &src.path,
                    format!("link to \"#{target}\" in {place}: no heading has that anchor"),
                )
                .at(at);
                problems.push(match crate::diag::did_you_mean(target, &names) {
                    Some(s) => d.help(format!("did you mean \"#{s}\"? A heading's anchor is its text in lower case, words joined by hyphens")),
                    None if names.is_empty() => d.help("internal links point at headings, and this leaflet has none"),
                    None => d.help(format!("headings' anchors: {}", names.iter().map(|n| format!("#{n}")).collect::<Vec<_>>().join(", "))),
                });
            }
        }
    }
    problems
}

/// The span of `value` in the text, searching from the block's start.
fn find_value(text: &str, value: &str, block: Option<Range<usize>>) -> Option<Range<usize>> {
    let from = block.map_or(0, |b| b.start);
    text[from..].find(value).map(|i| from + i..from + i + value.len())
}

/// Why a picture a leaflet names cannot be used: outside the project, or unreadable.
struct PictureProblem {
    message: String,
    outside: bool,
}

impl PictureProblem {
    /// The problem as a diagnostic about `what`, at `at`.
    fn on(self, src: &Source, what: String, at: Option<Range<usize>>) -> Diagnostic {
        let help = if self.outside {
            "copy the picture into the project folder, or widen it with --root DIR"
        } else if self.message.contains("damaged") {
            "copy or export the picture again from where it came from"
        } else {
            "`src` is relative to the content file; use a PNG or JPEG"
        };
        Diagnostic::new(&src.path, format!("{what}: {}", self.message))
            .at(at)
            .help(help)
    }
}

/// A picture named by a leaflet (relative to `base`), read if it is inside the project.
fn read_picture(project: &Project, base: &Path, name: &str) -> Result<LoadedImage, PictureProblem> {
    let path = project.inside(base, name).map_err(|message| PictureProblem {
        message,
        outside: true,
    })?;
    load_image(&path).map_err(|message| PictureProblem {
        message,
        outside: false,
    })
}

/// Reads, checks and decodes one image, applying its EXIF orientation.
pub fn load_image(path: &Path) -> Result<LoadedImage, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => format!("file not found ({})", path.display()),
        _ => format!("cannot read it: {e}"),
    })?;
    crate::cache::decoded(path, bytes, |bytes| decode_image(path, bytes))
}

/// Checks and decodes an image file's bytes, applying its EXIF orientation.
fn decode_image(path: &Path, bytes: &[u8]) -> Result<LoadedImage, String> {
    let mut reader = ImageReader::new(std::io::Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read it: {e}"))?;
    let format = match reader.format() {
        Some(f @ (ImageFormat::Png | ImageFormat::Jpeg)) => f,
        Some(f) => return Err(format!("{f:?} images are not supported")),
        None => return Err("the file is not a PNG or JPEG image".into()),
    };
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_IMAGE_BYTES);
    reader.limits(limits.clone());
    let mut decoder = reader.into_decoder().map_err(image_error)?;
    use ::image::metadata::Orientation;
    use ::image::ImageDecoder;
    let orientation = decoder.orientation().map_err(image_error)?;
    let upright = orientation == Orientation::NoTransforms;
    let turn = |(w, h): (u32, u32)| {
        if crate::pixels::turns(orientation) {
            (h, w)
        } else {
            (w, h)
        }
    };
    let (pixels, (width_px, height_px), jpeg, png) = if format == ImageFormat::Jpeg {
        // Checked now, decoded only if a build needs its pixels (`pixels`).
        if decoder.total_bytes() > MAX_IMAGE_BYTES {
            return Err(image_error(::image::ImageError::Limits(
                ::image::error::LimitError::from_kind(::image::error::LimitErrorKind::InsufficientMemory),
            )));
        }
        let Some(components) = crate::pixels::jpeg_components(bytes) else {
            return Err(
                "the image is damaged: its JPEG data stops before its end (was the file cut short?)".into(),
            );
        };
        let size = turn(decoder.dimensions());
        // One copy of the file's bytes, for decoding and for passing through.
        let bytes: std::sync::Arc<[u8]> = bytes.into();
        // Only the kinds a PDF viewer decodes the same way (grey, YCbCr) and that need
        // no turn are passed through untouched.
        let jpeg = (upright && matches!(components, 1 | 3)).then(|| Jpeg {
            bytes: bytes.clone(),
            components,
        });
        (
            crate::pixels::Pixels::jpeg(bytes, orientation, limits),
            size,
            jpeg,
            None,
        )
    } else {
        let mut img = DynamicImage::from_decoder(decoder).map_err(image_error)?;
        img.apply_orientation(orientation);
        let size = (img.width(), img.height());
        let png = upright.then(|| crate::images::png_as_is(bytes)).flatten();
        (crate::pixels::Pixels::decoded(img), size, None, png)
    };
    Ok(LoadedImage {
        path: path.to_path_buf(),
        png,
        width_px,
        height_px,
        pixels,
        jpeg,
        was_jpeg: format == ImageFormat::Jpeg,
        id: crate::cache::new_id(),
    })
}

fn image_error(e: ::image::ImageError) -> String {
    match e {
        ::image::ImageError::Limits(_) => format!(
            "the image is too large (more than {MAX_IMAGE_SIDE} pixels on a side, or too much memory); scale it down"
        ),
        other => format!("the image is damaged or not really an image ({other})"),
    }
}
