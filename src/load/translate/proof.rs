//! `translate proof`: the leaflet for the checking translator, made as an ordinary
//! leaflet so the engine lays it out with every script's face and direction: A4,
//! a heading per section of the original and a table under it, English | the
//! translation, one row per text, each translation cell marked with its language.

use super::{po, English};
use crate::base::diag::Diagnostics;
use crate::model::{Block, Leaflet, PageSize, Table};

/// The proof of `language`'s translation of `english`: the leaflet, and the line
/// saying how far the translation has got.
pub fn proof(english: &English, language: &str) -> Result<Leaflet, Diagnostics> {
    let file = english.file(language, "po");
    let (_, catalogue) = po::read(&file)?;
    let by_context = po::by_context(&catalogue);
    let original = &english.parsed.leaflet;
    let mut blocks: Vec<Block> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut place = String::new();
    let header = vec!["English".to_string(), language.to_string()];
    let flush = |blocks: &mut Vec<Block>, rows: &mut Vec<Vec<String>>, place: &str| {
        if rows.is_empty() {
            return;
        }
        blocks.push(Block::Heading(capital(place)));
        blocks.push(Block::Table(Table {
            caption: None,
            header: header.clone(),
            rows: std::mem::take(rows),
        }));
    };
    for e in &english.entries {
        if e.place != place {
            flush(&mut blocks, &mut rows, &place);
            place.clone_from(&e.place);
        }
        let translation = match by_context.get(e.context.as_str()) {
            Some(p) if p.msgid != e.english => "[made for other English: run translate update]".to_string(),
            Some(p) => match p.msgstr.as_deref().filter(|s| !s.trim().is_empty()) {
                Some(s) if p.fuzzy() => format!("[fuzzy] {}", crate::text::markup::in_language(s, language)),
                Some(s) => crate::text::markup::in_language(s, language),
                None => "[not translated]".to_string(),
            },
            None => "[not in the file: run translate update]".to_string(),
        };
        rows.push(vec![e.english.clone(), translation]);
    }
    flush(&mut blocks, &mut rows, &place);
    let who = |key| po::header(&catalogue, key).unwrap_or("not recorded").to_string();
    let mut leaflet: Leaflet = serde_yaml::from_str("title: proof\nblocks: []\n")
        .map_err(|e| Diagnostics::one(crate::base::diag::Diagnostic::new(&file, e.to_string())))?;
    leaflet.title = format!("Translation proof: {}", crate::text::plain_text(&original.title));
    leaflet.subtitle = Some(format!(
        "English | {language}, text by text. Translator: {}. Checker: {}. English version {}; translation file {}.",
        who(po::TRANSLATOR),
        who(po::CHECKER),
        super::entries::version(&english.entries),
        file.display()
    ));
    leaflet.language = original.language.clone();
    leaflet.page.size = PageSize::A4;
    leaflet.blocks = blocks;
    Ok(leaflet)
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
