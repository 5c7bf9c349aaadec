//! Resolving a parsed leaflet: the checks serde cannot make (empty text, missing alt
//! text) and reading every image, so that nothing after this stage fails on input.
//! All problems are collected and reported together.

use super::links::within;
use super::parse::Parsed;
use super::spans::Spans;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::images::cache::Cache;
use crate::images::decode::{load_image, LoadedImage};
use crate::images::ImageKey;
use crate::load::project::Project;
use crate::model::{Block, Leaflet};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// More blocks than this is no leaflet (the sample has 50): bounded work for hostile files.
pub const MAX_BLOCKS: usize = 10_000;

/// A leaflet whose every input has been checked and loaded.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub leaflet: Leaflet,
    /// Decoded images: blocks', the logo and the cover picture.
    pub images: HashMap<ImageKey, LoadedImage>,
    /// The brand, checked, with its theme and font files.
    pub brand: crate::load::project::ResolvedBrand,
    /// The project's contact details, for a back cover.
    pub back_contact: Option<crate::model::Contact>,
    /// The leaflet belongs to a project with a leafpress.yaml (a managed library).
    pub in_project: bool,
    /// The project file the leaflet took its brand and defaults from.
    pub project_file: Option<PathBuf>,
    /// The project's `check:` settings (rules off or re-levelled, known acronyms).
    pub check: crate::model::check::CheckSettings,
    /// The project's defaults chose the page size (see [`Resolved::page_size_named`]).
    pub page_size_by_project: bool,
    /// Where each node of the content file is written.
    pub spans: Spans,
    /// Where each block starts in the source, when it could be located: found when
    /// first asked for (see [`Resolved::block_spans`]), or set by a file that places
    /// its blocks otherwise (an exercise sheet).
    pub(crate) block_places: OnceLock<Vec<Option<Range<usize>>>>,
    /// Each heading's anchor (see [`super::anchors`]), by block.
    pub anchors: Vec<Option<String>>,
    /// Problems that do not stop a build (a link to a heading text used twice).
    pub warnings: Vec<Diagnostic>,
}

impl Resolved {
    /// The leaflet (or the project's defaults) chose its page size: an edition that
    /// would choose another (large print on A4) keeps it.
    pub fn page_size_named(&self) -> bool {
        self.page_size_by_project || self.spans.has("page.size")
    }

    /// Where each block starts in the source, when it could be located.
    pub fn block_spans(&self) -> &[Option<Range<usize>>] {
        self.block_places
            .get_or_init(|| block_heads(&self.spans, self.leaflet.blocks.len()))
    }

    /// Where block `i` starts in the source, when it could be located.
    pub fn block_span(&self, i: usize) -> Option<Range<usize>> {
        self.block_spans().get(i).cloned().flatten()
    }

    /// Every file a build of this leaflet reads besides `content`: its project
    /// file, images (the logo and cover picture included) and brand fonts. `watch`
    /// rebuilds when any of them changes.
    pub fn files_read(&self, content: &std::path::Path) -> Vec<PathBuf> {
        let mut files = vec![content.to_path_buf()];
        files.extend(self.project_file.clone());
        files.extend(self.leaflet.translated.as_ref().map(|t| t.file.clone()));
        files.extend(self.images.values().map(|i| i.path.clone()));
        files.extend(self.brand.fonts.iter().flatten().flatten().cloned());
        files.sort();
        files.dedup();
        files
    }
}

/// Where each of the first `n` blocks is named in the file (see [`Spans::head`]).
fn block_heads(spans: &Spans, n: usize) -> Vec<Option<Range<usize>>> {
    (0..n).map(|i| spans.head(&format!("blocks.{i}"))).collect()
}

/// A control character in text (NUL, BEL, ESC…: never printable, and slow to set
/// in a long run): what a paste from another program can leave behind. Line breaks
/// and tabs are text.
fn control_character(text: &str) -> Option<char> {
    text.chars()
        .find(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
}

/// Checks and loads everything the leaflet parsed from `src` names, in its project.
pub fn resolve(
    src: &Source,
    parsed: Parsed,
    project: &Project,
    cache: &Cache,
) -> Result<Resolved, Diagnostics> {
    let Parsed {
        mut leaflet,
        spans,
        mut warnings,
    } = parsed;
    let mut brand = project.resolve_brand(src, &spans, &leaflet, cache)?;
    // Places are looked up only for a problem to point at (see [`Spans`]).
    let block_span = |i: usize| spans.head(&format!("blocks.{i}"));
    let mut problems = Vec::new();
    let at_block = |i: usize, msg: String| Diagnostic::new(&src.path, msg).at(block_span(i));

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
            let at = spans.key(key);
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
        let at = spans.key("blocks");
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
    problems.extend(check_margins(src, &spans, &leaflet));
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
        problems.extend(super::checks::block(src, &spans, i, block));
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
            let at = within(&src.text, spans.value(&format!("blocks.{i}")), &written);
            problems.push(
                at_block(i, format!("`{written}` does not name a language"))
                    .at(at)
                    .help("write a BCP 47 tag, as in `[Polski]{lang=pl}`, `{lang=ur}` or `{lang=zh-Hans}`"),
            );
        }
        // An exercise's picture is read like an image block's.
        if let Block::Exercise(crate::model::Exercise { image: Some(img), .. }) = block {
            match read_picture(project, cache, base, &img.src) {
                Ok(loaded) => {
                    images.insert(ImageKey::Block(i), loaded);
                }
                Err(d) => {
                    let at = spans
                        .value(&format!("blocks.{i}.exercise.image.src"))
                        .or_else(|| block_span(i));
                    problems.push(d.on(src, format!("the picture of exercise {n}"), at))
                }
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
            let mm = |pt: f32| pt / crate::base::units::PT_PER_MM;
            // Layout narrows a code to the text width; the modules must survive that.
            let (page_width, _) = leaflet.page.size.dimensions();
            let m = leaflet.page.margin;
            let side = q.size.pt().min(page_width - m.inner.pt() - m.outer.pt());
            match crate::load::qr::Grid::new(&q.url) {
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
            match read_picture(project, cache, base, &img.src) {
                Ok(loaded) => {
                    images.insert(ImageKey::Block(i), loaded);
                }
                Err(d) => {
                    let at = spans
                        .value(&format!("blocks.{i}.image.src"))
                        .or_else(|| block_span(i));
                    problems.push(d.on(src, format!("image \"{}\" in block {n}", img.src), at))
                }
            }
        }
    }
    if let Some(img) = leaflet
        .cover
        .as_ref()
        .filter(|c| c.enabled)
        .and_then(|c| c.image.as_ref())
    {
        let span = || spans.value("cover.image.src");
        let at = |msg: String, help: &str| Diagnostic::new(&src.path, msg).at(span()).help(help);
        if img.lacks_alt() {
            problems.push(at(
                format!("the cover picture {} has no alt text", img.src),
                "add `alt: what the picture shows`, or `decorative: true`",
            ));
        }
        match read_picture(project, cache, base, &img.src) {
            Ok(loaded) => {
                images.insert(ImageKey::Cover, loaded);
            }
            Err(d) => problems.push(d.on(src, format!("cover picture \"{}\"", img.src), span())),
        }
    }
    if let Some(logo) = brand.logo.take() {
        images.insert(ImageKey::Logo, logo);
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
    let anchors = super::anchors::anchors(&leaflet);
    for d in super::links::check(src, &spans, &leaflet, &anchors) {
        match d.level {
            crate::base::diag::Level::Error => problems.push(d),
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
            page_size_by_project: project.defaults.page.is_some(),
            spans,
            block_places: OnceLock::new(),
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
fn check_margins(src: &Source, spans: &Spans, leaflet: &Leaflet) -> Option<Diagnostic> {
    use crate::base::units::PT_PER_MM;
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
    let span = spans.key("page.margin");
    Some(
        Diagnostic::new(&src.path, what)
            .at(span)
            .help("use smaller margins (15mm is the default), or a larger `size:`"),
    )
}

/// Why a picture a leaflet names cannot be used: outside the project, not there, or
/// not a picture leafpress can read.
struct PictureProblem {
    message: String,
    kind: Trouble,
    /// What the author may have meant (and whether only the capitals differ).
    guess: Option<(String, bool)>,
    /// The leaflet's folder, as the author sees it (`content`, "the project folder").
    folder: String,
    /// The rule, when the path was not written in the leaflet (a cover picture from
    /// leafpress.yaml's defaults).
    rule: Option<String>,
}

enum Trouble {
    Outside,
    Missing,
    Unreadable,
}

impl PictureProblem {
    /// The problem as a diagnostic about `what`, at `at`.
    fn on(self, src: &Source, what: String, at: Option<Range<usize>>) -> Diagnostic {
        let file = src
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let rule = self
            .rule
            .unwrap_or_else(|| crate::load::project::counts_from_folder("src", &self.folder, &file));
        let help = match self.kind {
            Trouble::Outside => crate::load::project::path_help(
                self.guess,
                &rule,
                "copy the picture into the project folder, or widen it with --root DIR",
            ),
            Trouble::Missing => crate::load::project::path_help(self.guess, &rule, "check the name and the folder"),
            Trouble::Unreadable if self.message.contains("damaged") => {
                "copy or export the picture again from where it came from".into()
            }
            Trouble::Unreadable if self.message.contains("too large") => {
                "scale the picture down in a photo program (2,000 pixels on its long side is plenty) and save it again".into()
            }
            Trouble::Unreadable => {
                "use a PNG, JPEG or SVG: open the picture and save or export it as one, and name that file".into()
            }
        };
        Diagnostic::new(&src.path, format!("{what}: {}", self.message))
            .at(at)
            .help(help)
    }
}

/// A picture named by a leaflet (relative to `base`), read if it is inside the project.
fn read_picture(
    project: &Project,
    cache: &Cache,
    base: &Path,
    name: &str,
) -> Result<LoadedImage, PictureProblem> {
    // A cover picture from leafpress.yaml's defaults comes with its path made whole.
    let from_project = project
        .defaults
        .cover
        .as_ref()
        .and_then(|c| c.image.as_ref())
        .map(|i| (project.home().join(&i.src), i.src.clone()))
        .filter(|(whole, _)| whole.display().to_string() == name && Path::new(name).is_absolute());
    let (from, written) = match &from_project {
        Some((_, written)) => (project.home(), written.as_str()),
        None => (base.to_path_buf(), name),
    };
    let problem = |message: String, kind: Trouble, looked_at: &Path| PictureProblem {
        message,
        guess: match kind {
            Trouble::Unreadable => None,
            _ => project.did_you_mean(&from, written, looked_at),
        },
        kind,
        folder: project.shown(base),
        rule: from_project.as_ref().map(|_| {
            let file = project
                .source
                .as_ref()
                .map_or_else(PathBuf::new, |s| s.path.clone());
            format!(
                "this picture is set in leafpress.yaml (`defaults: cover:`), and {}",
                project.counts_from(&file, "src")
            )
        }),
    };
    let path = project
        .inside(base, name)
        .map_err(|message| problem(message, Trouble::Outside, &base.join(name)))?;
    if !path.exists() {
        let message = format!(
            "file not found: there is no {} in the project folder",
            project.shown(&path)
        );
        return Err(problem(message, Trouble::Missing, &path));
    }
    load_image(&path, cache).map_err(|message| problem(message, Trouble::Unreadable, &path))
}
