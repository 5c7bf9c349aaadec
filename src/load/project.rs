//! A clinic's project: the `leafpress.yaml` found by walking up from a content file
//! (as Cargo finds Cargo.toml), with the brand and the defaults every leaflet under
//! it shares, and the root folder no file a leaflet names may leave.
//!
//! A leaflet's own keys win over `defaults:`; its `brand:` keys win over the project's.

use super::spans::Spans;
use crate::base::diag::{Diagnostic, Diagnostics};
use crate::base::source::Source;
use crate::model::brand::Brand;
use crate::model::check::CheckSettings;
use crate::model::email::EmailSettings;
use crate::model::outputs;
use crate::model::project::{Defaults, ProjectFile, FILE};
use crate::model::Leaflet;
use std::path::{Component, Path, PathBuf};

/// The project a content file belongs to.
#[derive(Debug, Clone)]
pub struct Project {
    /// The folder every file a leaflet names must stay inside (symlinks followed).
    pub root: PathBuf,
    /// The project file, when one applies (for locating its problems).
    pub source: Option<Source>,
    /// Where each key of the project file is written.
    pub spans: Spans,
    pub brand: Brand,
    pub defaults: Defaults,
    /// How `check` reviews the project's leaflets.
    pub check: CheckSettings,
    /// The editions a library build makes (`outputs:`).
    pub outputs: Vec<outputs::Output>,
    /// The email draft's words and size limit (`email:`).
    pub email: EmailSettings,
}

impl Project {
    /// The project of the content file at `content`: the nearest `leafpress.yaml` in
    /// its folder or above. Without one, the root is the content file's folder.
    /// `root` widens (or narrows) the folder files may come from.
    pub fn open(content: &Path, root: Option<&Path>) -> Result<Project, Diagnostics> {
        let folder = content_folder(content);
        let found = folder
            .ancestors()
            .map(|d| d.join(FILE))
            .find(|f| f.is_file() && trusted(f, content));
        let (source, file, spans) = match &found {
            Some(path) => {
                let src = Source::read(path)?;
                let file = parse(&src)?;
                let spans = Spans::of(&src.text);
                super::settings::check_settings(&file.check, &src, &spans)?;
                super::settings::outputs(&file.outputs, &src, &spans)?;
                super::settings::email(&file.email, &src, &spans)?;
                (Some(src), file, spans)
            }
            None => (None, ProjectFile::default(), Spans::default()),
        };
        let home = match &found {
            Some(f) => f.parent().map_or_else(|| folder.clone(), Path::to_path_buf),
            None => folder,
        };
        let root = root.map_or(home, Path::to_path_buf);
        let root = root.canonicalize().map_err(|e| {
            Diagnostics::one(
                Diagnostic::new(&root, format!("the project folder cannot be read: {e}"))
                    .help("check the path given to --root"),
            )
        })?;
        Ok(Project {
            root,
            source,
            spans,
            brand: file.brand,
            defaults: file.defaults,
            check: file.check,
            outputs: file.outputs,
            email: file.email,
        })
    }

    /// The folder paths in the project file are relative to.
    pub fn home(&self) -> PathBuf {
        self.source
            .as_ref()
            .and_then(|s| s.path.parent().map(Path::to_path_buf))
            .unwrap_or_else(|| self.root.clone())
    }

    /// Fills the keys a leaflet leaves out from `defaults:`; `given` holds the
    /// top-level keys the leaflet wrote itself.
    pub fn apply_defaults(&self, leaflet: &mut Leaflet, given: &Spans) {
        let d = &self.defaults;
        let missing = |key: &str| !given.has(key);
        macro_rules! fill {
            ($($key:ident),*) => {$(
                if missing(stringify!($key)) {
                    if let Some(v) = &d.$key {
                        leaflet.$key = Some(v.clone());
                    }
                }
            )*};
        }
        fill!(subtitle, author, footer, published, review, reference, feedback);
        if missing("cover") {
            if let Some(cover) = &d.cover {
                let mut cover = cover.clone();
                // A picture named in leafpress.yaml is relative to it.
                if let Some(img) = &mut cover.image {
                    img.src = self.home().join(&img.src).display().to_string();
                }
                leaflet.cover = Some(cover);
            }
        }
        if missing("language") {
            if let Some(v) = &d.language {
                leaflet.language = v.clone();
            }
        }
        if let Some(v) = &d.page {
            if missing("page") {
                leaflet.page = v.clone();
            } else if !given.has("page.size") {
                // `page: {margin: 20mm}` keeps the project's size.
                leaflet.page.size = v.size;
            }
        }
        if missing("sources") {
            if let Some(v) = &d.sources {
                leaflet.sources = v.clone();
            }
        }
    }

    /// `path` (relative to `base`) with links followed, if it stays inside the root;
    /// otherwise why not, in words for the author. A path that leads nowhere is
    /// inside or outside by what it names: the part that exists, links followed,
    /// then the rest as written (`assets/x.png` under a folder with no `assets/` is
    /// inside, and simply not there). The message is the same whether a file outside
    /// the root exists or not.
    pub fn inside(&self, base: &Path, path: &str) -> Result<PathBuf, String> {
        let real = leads_to(&base.join(path));
        if real.starts_with(&self.root) {
            Ok(real)
        } else {
            Err(format!(
                "\"{path}\" is outside the project folder ({}); a leaflet may only use files inside it",
                self.root.display()
            ))
        }
    }

    /// `path` for the author: from the project folder (`content/x.yaml`), or in full
    /// when it is elsewhere.
    pub fn shown(&self, path: &Path) -> String {
        let real = leads_to(path);
        match real.strip_prefix(&self.root) {
            Ok(rel) if rel.as_os_str().is_empty() => "the project folder".into(),
            Ok(rel) => slashed(rel),
            Err(_) => real.display().to_string(),
        }
    }

    /// The one rule for paths, for a path written under `key` in `file` (a leaflet
    /// or leafpress.yaml): "`src` counts from the folder of content/x.yaml,
    /// content/", "paths in leafpress.yaml count from the project folder".
    pub fn counts_from(&self, file: &Path, key: &str) -> String {
        let home = self.home();
        if self.source.as_ref().is_some_and(|s| s.path == file) {
            return if leads_to(&home) == self.root {
                "paths in leafpress.yaml count from the project folder".into()
            } else {
                format!(
                    "paths in leafpress.yaml count from its folder, {}/",
                    self.shown(&home)
                )
            };
        }
        let folder = file
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        let name = file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        counts_from_folder(key, &self.shown(&folder), &name)
    }

    /// What the author may have meant by `name`, written from `from` and looked for
    /// (not found, or outside) at `looked_at`: the file with other capitals in the
    /// same folder, the same path counted from the project folder, the same name in
    /// the folders pictures and fonts are usually kept in, or a near spelling in the
    /// same folder. Written as the author would write it from `from`, with whether
    /// only the capitals differ. Only folders inside the root are read, and only the
    /// first 1,000 entries of each.
    pub fn did_you_mean(&self, from: &Path, name: &str, looked_at: &Path) -> Option<(String, bool)> {
        let from = leads_to(from);
        let inside = |p: &Path| Some(leads_to(p)).filter(|r| r.starts_with(&self.root) && r.exists());
        let wanted = looked_at.file_name()?.to_string_lossy().into_owned();
        let entries = |dir: &Path| -> Vec<String> {
            if inside(dir).is_none() {
                return Vec::new();
            }
            std::fs::read_dir(dir).map_or_else(
                |_| Vec::new(),
                |d| {
                    d.take(1000)
                        .flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                },
            )
        };
        let same_name = |dir: &Path| {
            entries(dir)
                .into_iter()
                .find(|e| e.to_lowercase() == wanted.to_lowercase())
                .and_then(|e| inside(&dir.join(e)))
        };
        let written = |found: PathBuf, case_only: bool| Some((relative(&from, &found), case_only));
        // The same folder, other capitals.
        if let Some(folder) = looked_at.parent() {
            if let Some(found) = same_name(folder) {
                return written(found, true);
            }
        }
        // The path counted from the project folder (or leafpress.yaml's), `../`s dropped.
        let trimmed: PathBuf = Path::new(name)
            .components()
            .skip_while(|c| matches!(c, Component::ParentDir | Component::CurDir | Component::RootDir))
            .collect();
        if !trimmed.as_os_str().is_empty() && Path::new(name).is_relative() {
            for top in [self.root.clone(), self.home()] {
                if let Some(found) = inside(&top.join(&trimmed)).filter(|f| *f != leads_to(looked_at)) {
                    return written(found, false);
                }
            }
        }
        // The same name where such files are kept.
        for top in [self.root.clone(), self.home(), from.clone()] {
            for sub in ["", "assets", "images", "pictures", "photos", "fonts"] {
                if let Some(found) = same_name(&top.join(sub)).filter(|f| *f != leads_to(looked_at)) {
                    return written(found, false);
                }
            }
        }
        // A near spelling in the same folder.
        let folder = looked_at.parent()?;
        let names = entries(folder);
        let options: Vec<&str> = names.iter().map(String::as_str).collect();
        let near = crate::base::diag::did_you_mean(&wanted, &options)?;
        written(inside(&folder.join(near))?, false)
    }
}

/// The rule for a path in a leaflet, whose folder is `folder` as the author sees it.
pub fn counts_from_folder(key: &str, folder: &str, file: &str) -> String {
    if folder == "the project folder" {
        format!("`{key}` counts from the folder of {file}, the project folder")
    } else {
        format!("`{key}` counts from the folder of {folder}/{file}, {folder}/")
    }
}

/// The help for a path not found or outside the project: a guess at what was meant
/// (and whether only its capitals differ), then the rule, or the rule and what to do.
pub fn path_help(guess: Option<(String, bool)>, rule: &str, otherwise: &str) -> String {
    let mut chars = rule.chars();
    let rule_first = chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect());
    match guess {
        Some((path, true)) => format!("did you mean `{path}`? Capitals count in file names; {rule}"),
        Some((path, false)) => format!("did you mean `{path}`? {rule_first}"),
        None => format!("{rule_first}; {otherwise}"),
    }
}

/// Where `path` leads: the part that exists with links followed, then the rest as
/// written (`..` taking off a folder, `.` nothing).
fn leads_to(path: &Path) -> PathBuf {
    // The folder of `x.yaml` is "": the current one.
    let path = if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    };
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let parts: Vec<Component> = path.components().collect();
    for n in (1..parts.len()).rev() {
        let Ok(mut real) = parts[..n].iter().collect::<PathBuf>().canonicalize() else {
            continue;
        };
        for part in &parts[n..] {
            match part {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(p) => real.push(p),
                _ => {}
            }
        }
        return real;
    }
    path
}

/// `to` written from the folder `from` (both absolute): `../assets/photo.jpg`.
fn relative(from: &Path, to: &Path) -> String {
    let (a, b): (Vec<_>, Vec<_>) = (from.components().collect(), to.components().collect());
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let ups = std::iter::repeat_n(Component::ParentDir, a.len() - common);
    slashed(&ups.chain(b[common..].iter().copied()).collect::<PathBuf>())
}

/// A relative path with `/` between its parts, as a leaflet writes it on any system.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The absolute folder a content file is in (not following links: a content file
/// linked into a project belongs to that project).
fn content_folder(content: &Path) -> PathBuf {
    let abs = std::path::absolute(content).unwrap_or_else(|_| content.to_path_buf());
    let folder = abs.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    // `..` resolved for real, so `../clinic-b/x.yaml` is looked up under clinic-b.
    folder.canonicalize().unwrap_or(folder)
}

/// Whether a project file may apply to a content file: on Unix, only one owned by
/// the content file's owner, so a `leafpress.yaml` another user left in a shared
/// folder (such as /tmp) cannot brand or widen the root of someone else's leaflets.
#[cfg(unix)]
fn trusted(project_file: &Path, content: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(project_file), std::fs::metadata(content)) {
        (Ok(p), Ok(c)) => p.uid() == c.uid(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn trusted(_project_file: &Path, _content: &Path) -> bool {
    true
}

fn parse(src: &Source) -> Result<ProjectFile, Diagnostics> {
    if src
        .text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        return Ok(ProjectFile::default());
    }
    serde_yaml::from_str::<ProjectFile>(&src.text).map_err(|e| {
        let span = e.location().map(|l| {
            let at = l.index().min(src.text.len());
            let len = src.text[at..]
                .find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == '}')
                .unwrap_or(src.text.len() - at);
            at..at + len.max(1).min(src.text.len() - at)
        });
        let raw = e.to_string();
        let msg = raw.rsplit_once(" at line ").map_or(raw.as_str(), |(m, _)| m);
        let help = if msg.contains("unknown field") {
            "leafpress.yaml has `brand:` (name, logo, colors, fonts, size), `defaults:` (any leaflet key but title and blocks, and contact), `check:` (rules, reading_age, acronyms, words), `outputs:` (the editions a library build makes) and `email:` (subject_prefix, greeting, body, signature, max_size)"
        } else {
            "see the README's section on leafpress.yaml"
        };
        Diagnostics::one(
            Diagnostic::new(&src.path, msg.replace('`', "\""))
                .at(span)
                .help(help),
        )
        .with_source(&src.text)
    })
}

/// Where a key is written: the file, the key's place in it, the file's text.
type Place = (PathBuf, Option<std::ops::Range<usize>>, String);

/// A leaflet's brand, checked: the merged keys, the theme they give, the logo read,
/// and the brand font files found inside the root.
#[derive(Debug, Clone, Default)]
pub struct ResolvedBrand {
    pub brand: Brand,
    pub theme: crate::model::theme::Theme,
    pub logo: Option<crate::images::LoadedImage>,
    pub logo_alt: Option<String>,
    /// Regular, bold, italic, bold italic: where the brand names fonts.
    pub fonts: Option<[Option<PathBuf>; 4]>,
    /// Where the font keys are written, for problems found when loading them.
    pub fonts_at: Option<(PathBuf, Option<std::ops::Range<usize>>, String)>,
    /// `fonts: {more: […]}`: font files and folders for other scripts, found.
    pub more_fonts: Vec<PathBuf>,
}

impl ResolvedBrand {
    /// Whether the brand sets anything (else the engine's own theme applies).
    pub fn is_set(&self) -> bool {
        let b = &self.brand;
        b.name.is_some() || b.logo.is_some() || b.colors.is_some() || b.fonts.is_some() || b.size.is_some()
    }
}

impl Project {
    /// Merges the leaflet's `brand:` over the project's and checks it: contrast,
    /// size, fonts (regular and bold, inside the root), the logo. Problems are
    /// located in the file that set the key.
    pub fn resolve_brand(
        &self,
        src: &Source,
        spans: &Spans,
        leaflet: &Leaflet,
        cache: &crate::images::cache::Cache,
    ) -> Result<ResolvedBrand, Diagnostics> {
        let own = leaflet.brand.clone().unwrap_or_default();
        let brand = self.brand.merged(&own);
        // `brand:`'s keys, as `fonts`/`regular` names `brand.fonts.regular`.
        let path = |section: &str, key: &str| match section {
            "brand" => format!("brand.{key}"),
            s => format!("brand.{s}.{key}"),
        };
        // Which file said it: the leaflet for the keys it sets, else the project file.
        let place = |section: &str, key: &str, leaflet_sets: bool| -> Place {
            match (&self.source, leaflet_sets) {
                (Some(p), false) => (p.path.clone(), self.spans.at(&path(section, key)), p.text.clone()),
                _ => (src.path.clone(), spans.at(&path(section, key)), src.text.clone()),
            }
        };
        let fail = |(file, span, text): Place, msg: String, help: String| {
            Diagnostics::one(Diagnostic::new(&file, msg).at(span).help(help)).with_source(&text)
        };
        if let Some((key, msg, help)) = brand.problems().into_iter().next() {
            let own_colors = own.colors.clone().unwrap_or_default();
            let leaflet_sets = match key {
                "size" => own.size.is_some(),
                "accent" => own_colors.accent.is_some(),
                "tint" => own_colors.tint.is_some(),
                _ => own_colors.text.is_some(),
            };
            let section = if key == "size" { "brand" } else { "colors" };
            return Err(fail(place(section, key, leaflet_sets), msg, help));
        }
        let base_of = |leaflet_sets: bool| {
            if leaflet_sets || self.source.is_none() {
                src.path
                    .parent()
                    .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
            } else {
                self.home()
            }
        };
        let theme = brand.theme();
        if let Err(e) = theme.validate() {
            return Err(fail(
                place("brand", "size", own.size.is_some()),
                e.to_string(),
                "use a body size from 12pt to 24pt".into(),
            ));
        }
        let mut resolved = ResolvedBrand {
            theme,
            logo_alt: brand.logo.as_ref().and_then(|l| l.alt.clone()),
            ..ResolvedBrand::default()
        };
        // A path outside the root, or not there: with where it counts from, and a guess.
        let outside = |at: Place, key: &str, base: &Path, name: &str, msg: String, what: &str| {
            let guess = self.did_you_mean(base, name, &leads_to(&base.join(name)));
            let rule = self.counts_from(&at.0, key);
            let otherwise = format!("move {what} into the project folder, or widen it with --root DIR");
            fail(at, msg, path_help(guess, &rule, &otherwise))
        };
        let missing = |at: Place, key: &str, base: &Path, name: &str, path: &Path, what: &str| {
            let guess = self.did_you_mean(base, name, path);
            let rule = self.counts_from(&at.0, key);
            let msg = format!(
                "{what} \"{name}\" not found: there is no {} in the project folder",
                self.shown(path)
            );
            fail(at, msg, path_help(guess, &rule, "check the name and the folder"))
        };
        if let Some(f) = &brand.fonts {
            let from_leaflet = own.fonts.is_some();
            let base = base_of(from_leaflet);
            let names = [&f.regular, &f.bold, &f.italic, &f.bold_italic];
            let keys = ["regular", "bold", "italic", "bold_italic"];
            for name in &f.more {
                let at = || place("fonts", "more", from_leaflet);
                let path = self
                    .inside(&base, name)
                    .map_err(|msg| outside(at(), "more", &base, name, msg, "the font"))?;
                if !path.exists() {
                    return Err(missing(at(), "more", &base, name, &path, "font file or folder"));
                }
                resolved.more_fonts.push(path);
            }
            let family = names.iter().any(|n| n.is_some());
            if family && (f.regular.is_none() || f.bold.is_none()) {
                let missing = if f.regular.is_none() { "regular" } else { "bold" };
                return Err(fail(
                    place("brand", "fonts", from_leaflet),
                    format!("the brand's fonts have no {missing} face"),
                    format!(
                        "add `{missing}: fonts/…-{}.ttf`; leafpress never fakes a bold or a regular",
                        if missing == "bold" { "Bold" } else { "Regular" }
                    ),
                ));
            }
            let mut files: [Option<PathBuf>; 4] = Default::default();
            for ((name, key), slot) in names.iter().zip(keys).zip(files.iter_mut()) {
                let Some(name) = name else { continue };
                let at = || place("fonts", key, from_leaflet);
                let path = self
                    .inside(&base, name)
                    .map_err(|msg| outside(at(), key, &base, name, msg, "the font"))?;
                if !path.is_file() {
                    return Err(missing(at(), key, &base, name, &path, "font file"));
                }
                *slot = Some(path);
            }
            let (file, span, text) = place("brand", "fonts", from_leaflet);
            if family {
                resolved.fonts = Some(files);
            }
            resolved.fonts_at = Some((file, span, text));
        }
        if let Some(logo) = &brand.logo {
            let from_leaflet = own.logo.is_some();
            let base = base_of(from_leaflet);
            let at = || place("logo", "src", from_leaflet);
            let path = self
                .inside(&base, &logo.src)
                .map_err(|msg| outside(at(), "src", &base, &logo.src, msg, "the logo"))?;
            if !path.is_file() {
                return Err(missing(at(), "src", &base, &logo.src, &path, "logo"));
            }
            match crate::images::decode::load_image(&path, cache) {
                Ok(img) => resolved.logo = Some(img),
                Err(msg) => {
                    return Err(fail(
                        at(),
                        format!("logo \"{}\": {msg}", logo.src),
                        "use a PNG, JPEG or SVG logo: save or export it as one, and name that file".into(),
                    ))
                }
            }
            if logo.alt.as_deref().is_none_or(|a| a.trim().is_empty()) {
                return Err(fail(
                    place("logo", "src", from_leaflet),
                    "the logo has no alt text".into(),
                    "add `alt:` with what the logo says, usually the clinic's name".into(),
                ));
            }
        }
        resolved.brand = brand;
        Ok(resolved)
    }
}
