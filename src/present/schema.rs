//! JSON Schemas for a content file and for leafpress.yaml (`leafpress schema`), so an
//! editor with the YAML extension completes keys and underlines mistakes as they are
//! typed. They are derived from the model's own types (`schemars`, with the doc
//! comments as descriptions); the few types read by hand-written deserialisers
//! (blocks, lengths, dates, colours, the cover) describe themselves here, next to
//! nothing else, and a test checks every block type is in the schema.

use crate::base::colour::Color;
use crate::base::units::{Length, Width};
use crate::model::blocks::Holds;
use crate::model::{Block, BlockKind, Cover, Date, Margins, PageSize, BLOCK_KINDS};
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

/// The schema of a content file.
pub fn content() -> Schema {
    generator().into_root_schema_for::<crate::model::Leaflet>()
}

/// The schema of an exercise file of a plan's library (`exercises/ID.yaml`).
pub fn exercise() -> Schema {
    generator().into_root_schema_for::<crate::model::plan::ExerciseFile>()
}

/// The schema of leafpress.yaml.
pub fn project() -> Schema {
    crate::model::project::schema(&mut generator())
}

/// Draft 7: what the YAML extension of VS Code (yaml-language-server) reads best.
fn generator() -> SchemaGenerator {
    schemars::generate::SchemaSettings::draft07().into_generator()
}

const LENGTH: &str = r"^\s*\+?[0-9]*\.?[0-9]+\s*([mM][mM]|[cC][mM]|[pP][tT]|[iI][nN])\s*$";

impl JsonSchema for Length {
    fn schema_name() -> Cow<'static, str> {
        "Length".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": LENGTH,
            "description": "A length with its unit: mm, cm, pt or in, e.g. \"15mm\".",
            "examples": ["15mm", "12pt"]
        })
    }
}

impl JsonSchema for Width {
    fn schema_name() -> Cow<'static, str> {
        "Width".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "anyOf": [
                {"pattern": r"^\s*[0-9]*\.?[0-9]+\s*%\s*$"},
                {"pattern": LENGTH}
            ],
            "description": "A share of the text width (\"70%\") or a length (\"80mm\").",
            "examples": ["100%", "70%", "80mm"]
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r"^\s*[0-9]{4}-[0-9]{2}(-[0-9]{2})?\s*$",
            "description": "A month (YYYY-MM) or a day (YYYY-MM-DD).",
            "examples": ["2026-09", "2026-09-14"]
        })
    }
}

impl JsonSchema for Color {
    fn schema_name() -> Cow<'static, str> {
        "Color".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": r"^\s*#?[0-9A-Fa-f]{6}\s*$",
            "description": "Six hex digits, e.g. \"#1B5E5A\" (checked for contrast).",
            "examples": ["#1B5E5A"]
        })
    }
}

impl JsonSchema for PageSize {
    fn schema_name() -> Cow<'static, str> {
        "PageSize".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The enum gives completion; the pattern accepts any case, as leafpress does.
        let names: Vec<&str> = PageSize::NAMES.to_vec();
        json_schema!({
            "type": "string",
            "anyOf": [
                {"enum": names},
                {"pattern": r"^\s*([aA][456]|[lL][eE][tT][tT][eE][rR])\s*$"}
            ],
            "description": "The page size: A5 (the default), A4, A6 or Letter."
        })
    }
}

impl JsonSchema for Margins {
    fn schema_name() -> Cow<'static, str> {
        "Margins".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let length = g.subschema_for::<Length>();
        json_schema!({
            "description": "One length for every side (\"15mm\"), or each side.",
            "anyOf": [
                length,
                {
                    "type": "object",
                    "properties": {
                        "top": {"description": "The top margin.", "allOf": [length]},
                        "bottom": {"description": "The bottom margin (the footer sits in it).", "allOf": [length]},
                        "inner": {"description": "The binding side: left on right-hand pages.", "allOf": [length]},
                        "outer": {"description": "The side away from the binding.", "allOf": [length]}
                    },
                    "required": ["top", "bottom", "inner", "outer"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl JsonSchema for Cover {
    fn schema_name() -> Cow<'static, str> {
        "Cover".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let picture = g.subschema_for::<crate::model::Picture>();
        json_schema!({
            "description": "true for a front and a back cover, false for none, or a cover with a picture.",
            "anyOf": [
                {"type": "boolean"},
                {
                    "type": "object",
                    "properties": {"image": {"description": "A picture on the front cover.", "allOf": [picture]}},
                    "additionalProperties": false
                }
            ]
        })
    }
}

/// The schema of what follows `- TYPE:` in a block of `kind`.
pub fn block_value(kind: BlockKind, g: &mut SchemaGenerator) -> Schema {
    use crate::model as m;
    use BlockKind as K;
    match kind.info().holds {
        Holds::Text => return json_schema!({"type": "string"}),
        Holds::Texts => return json_schema!({"type": "array", "items": {"type": "string"}, "minItems": 1}),
        Holds::Nothing => return json_schema!({"type": "null"}),
        Holds::Fields => {}
    }
    match kind {
        K::Quote => g.subschema_for::<m::Quote>(),
        K::Callout => g.subschema_for::<m::Callout>(),
        K::Image => g.subschema_for::<m::Image>(),
        K::Faq => g.subschema_for::<Vec<m::FaqEntry>>(),
        K::Contact => g.subschema_for::<Option<m::Contact>>(),
        K::Qr => g.subschema_for::<m::Qr>(),
        K::Exercise => g.subschema_for::<m::Exercise>(),
        K::Table => g.subschema_for::<m::Table>(),
        K::Urgent => g.subschema_for::<m::Urgent>(),
        // Holds::Text, Texts or Nothing: answered above.
        _ => json_schema!({}),
    }
}

impl JsonSchema for Block {
    fn schema_name() -> Cow<'static, str> {
        "Block".into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let mut one_of: Vec<Schema> = vec![json_schema!({
            "type": "string",
            "enum": ["page_break", "contact"],
            "description": "`- page_break`, or `- contact` for the project's contact details."
        })];
        for info in &BLOCK_KINDS {
            let (name, about) = (info.name, info.about);
            let mut value = block_value(info.kind, g);
            value.insert("description".into(), about.into());
            one_of.push(json_schema!({
                "type": "object",
                "description": about,
                "properties": {
                    name: value,
                    "lang": {
                        "type": "string",
                        "pattern": "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
                        "description": "The block's language when it is not the leaflet's (BCP 47: `pl`, `ur`, `zh-Hans`)."
                    },
                    "id": {
                        "type": "string",
                        "pattern": "^[a-z0-9][a-z0-9-]{0,63}$",
                        "description": "A name for the block that its translations keep when blocks around it move (lower-case letters, digits, hyphens)."
                    }
                },
                "required": [name],
                "additionalProperties": false
            }));
        }
        json_schema!({
            "description": "One block: `- paragraph: text`, `- bullets: [...]`, `- image: {src, alt}`…",
            "anyOf": one_of
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every key an editor completes has a description to show beside it.
    #[test]
    fn every_key_has_a_description() {
        fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
            if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
                for (k, p) in props {
                    let described =
                        p.get("description").is_some() || p.get("$ref").is_some() && path.contains("Block");
                    if !described {
                        missing.push(format!("{path}.{k}"));
                    }
                }
            }
            match v {
                serde_json::Value::Object(m) => m
                    .iter()
                    .for_each(|(k, x)| walk(x, &format!("{path}/{k}"), missing)),
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, path, missing)),
                _ => {}
            }
        }
        for schema in [content(), project()] {
            let mut missing = Vec::new();
            walk(&serde_json::to_value(&schema).unwrap(), "", &mut missing);
            assert!(missing.is_empty(), "no description: {missing:?}");
        }
    }

    #[test]
    fn every_block_type_has_a_schema_of_its_own() {
        let mut g = generator();
        for info in &BLOCK_KINDS {
            let value = serde_json::to_value(block_value(info.kind, &mut g)).unwrap();
            assert_ne!(value, serde_json::json!({}), "{} has no schema", info.name);
        }
    }
}
