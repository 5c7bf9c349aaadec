//! The structure tree that makes the PDF tagged (PDF/UA-1): struct elements in
//! reading order, their marked content and link annotations, the ParentTree that
//! maps content back to elements, MarkInfo and XMP metadata. printpdf has no API for
//! any of this; it is added to printpdf's output with lopdf.

use super::draw::{SlotTags, Tagged};
use super::finish::text_string;
use super::Meta;
use crate::layout::structure::{NodeId, Structure};
use lopdf::{dictionary, Object, ObjectId, Stream};
use std::collections::HashMap;

/// Adds the structure tree for `structure`, given what each placed page painted
/// (`slots`, in the laid-out pages' order) and the sheets' page objects. Annotations
/// must already be indirect objects, listed per sheet in painting order.
pub fn add_structure(
    lo: &mut lopdf::Document,
    structure: &Structure,
    sheets: &[ObjectId],
    slots: &[SlotTags],
    annots: &[Vec<ObjectId>],
    language: &str,
) -> Result<Written, String> {
    use crate::text::locale::is_rtl;
    // Right-to-left text is laid out right to left (an inherited attribute: stated on
    // the document for a right-to-left leaflet, on an element in such a language
    // inside a left-to-right one).
    let writing_mode = || dictionary! { "O" => "Layout", "WritingMode" => "RlTb" };
    let root_id = lo.new_object_id();
    let ids: Vec<ObjectId> = (0..structure.nodes.len()).map(|_| lo.new_object_id()).collect();
    // Each element's kids as small values, made into PDF objects only when the element
    // is written: a lopdf Object is 120 bytes, and a long leaflet has tens of thousands.
    let mut kids: Vec<Vec<Kid>> = vec![Vec::new(); structure.nodes.len()];
    let mut attached = vec![false; structure.nodes.len()];
    attached[Structure::ROOT] = true;
    // An element joins its parent's kids when its first content is painted, so
    // children come in reading order, interleaved with the parent's own content.
    fn attach(n: NodeId, s: &Structure, kids: &mut [Vec<Kid>], attached: &mut [bool]) {
        if attached[n] {
            return;
        }
        attached[n] = true;
        let parent = s.nodes[n].parent.unwrap_or(Structure::ROOT);
        attach(parent, s, kids, attached);
        kids[parent].push(Kid::Element(n));
    }

    // ParentTree keys: sheets 0..N (an array indexed by MCID), then one key per
    // annotation from N on.
    let mut by_mcid: Vec<Vec<Option<NodeId>>> = vec![Vec::new(); sheets.len()];
    let mut annot_entries: Vec<Object> = Vec::new();
    let mut next_key = sheets.len() as i64;
    let mut home: HashMap<NodeId, ObjectId> = HashMap::new();
    for slot in slots {
        let sheet_id = sheets[slot.sheet];
        for &(node, tagged) in &slot.events {
            attach(node, structure, &mut kids, &mut attached);
            match tagged {
                Tagged::Mcid(mcid) => {
                    // An element's page is that of its first content; content there is
                    // a bare MCID, content on later pages a marked-content reference.
                    let page = *home.entry(node).or_insert(sheet_id);
                    kids[node].push(if page == sheet_id {
                        Kid::Mcid(mcid)
                    } else {
                        Kid::Elsewhere(sheet_id, mcid)
                    });
                    let array = &mut by_mcid[slot.sheet];
                    if array.len() <= mcid as usize {
                        array.resize(mcid as usize + 1, None);
                    }
                    array[mcid as usize] = Some(node);
                }
                Tagged::Annot(k) => {
                    let annot = *annots
                        .get(slot.sheet)
                        .and_then(|a| a.get(k))
                        .ok_or("a link lost its annotation")?;
                    kids[node].push(Kid::Annot(sheet_id, annot));
                    let a = lo.get_dictionary_mut(annot).map_err(|e| e.to_string())?;
                    a.set("StructParent", next_key);
                    annot_entries.push(Object::Integer(next_key));
                    annot_entries.push(Object::Reference(ids[node]));
                    next_key += 1;
                }
            }
        }
    }
    let mut elements: Written = Vec::new();
    let mut parent_tree = Vec::new();
    for (n, (&sheet_id, array)) in sheets.iter().zip(by_mcid).enumerate() {
        lo.get_dictionary_mut(sheet_id)
            .map_err(|e| e.to_string())?
            .set("StructParents", n as i64);
        parent_tree.push(Object::Integer(n as i64));
        let array = array
            .into_iter()
            .map(|node| node.map_or(Object::Null, |node| Object::Reference(ids[node])))
            .collect();
        parent_tree.push(Object::Array(array));
    }
    parent_tree.extend(annot_entries);

    for (n, node) in structure.nodes.iter().enumerate() {
        if !attached[n] {
            continue;
        }
        let parent = match node.parent {
            Some(p) => ids[p],
            None => root_id,
        };
        let mut elem = dictionary! {
            "Type" => "StructElem",
            "S" => Object::Name(node.kind.name().as_bytes().to_vec()),
            "P" => Object::Reference(parent),
            "K" => Object::Array(std::mem::take(&mut kids[n]).into_iter().map(|k| k.object(&ids)).collect()),
        };
        if let Some(&page) = home.get(&n) {
            elem.set("Pg", Object::Reference(page));
        }
        if let Some(alt) = &node.alt {
            elem.set("Alt", text_string(alt));
        }
        let mut attributes: Vec<Object> = Vec::new();
        if node.kind == crate::layout::structure::Kind::TH {
            // Header cells head their column (PDF/UA: tables' headers are determinable).
            attributes.push(Object::Dictionary(
                dictionary! { "O" => "Table", "Scope" => "Column" },
            ));
        }
        if let Some(lang) = &node.lang {
            elem.set("Lang", Object::string_literal(lang.as_str()));
        }
        let rtl_here = match (n, &node.lang) {
            (Structure::ROOT, _) => is_rtl(language),
            (_, Some(lang)) => is_rtl(lang) != is_rtl(language) && is_rtl(lang),
            _ => false,
        };
        if rtl_here {
            attributes.push(Object::Dictionary(writing_mode()));
        }
        match attributes.len() {
            0 => {}
            1 => elem.set("A", attributes.remove(0)),
            _ => elem.set("A", Object::Array(attributes)),
        }
        // Written out now, not kept as a lopdf dictionary until the file is saved: a
        // long leaflet's tree as objects was a third of its peak memory.
        let mut bytes = Vec::new();
        super::save::object_bytes(&mut bytes, &Object::Dictionary(elem));
        elements.push((ids[n], bytes));
    }
    let parent_tree_id = lo.add_object(dictionary! { "Nums" => Object::Array(parent_tree) });
    lo.objects.insert(
        root_id,
        Object::Dictionary(dictionary! {
            "Type" => "StructTreeRoot",
            "K" => Object::Reference(ids[Structure::ROOT]),
            "ParentTree" => Object::Reference(parent_tree_id),
            "ParentTreeNextKey" => next_key,
        }),
    );
    let catalog = lo.catalog_mut().map_err(|e| e.to_string())?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set("MarkInfo", dictionary! { "Marked" => true });
    Ok(elements)
}

/// One of an element's kids (its K array), until the element is written.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// A child element.
    Element(NodeId),
    /// Marked content on the element's own page.
    Mcid(i64),
    /// Marked content on a later page.
    Elsewhere(ObjectId, i64),
    /// A link annotation on a page.
    Annot(ObjectId, ObjectId),
}

impl Kid {
    fn object(self, ids: &[ObjectId]) -> Object {
        match self {
            Kid::Element(n) => Object::Reference(ids[n]),
            Kid::Mcid(mcid) => Object::Integer(mcid),
            Kid::Elsewhere(page, mcid) => Object::Dictionary(dictionary! {
                "Type" => "MCR", "Pg" => Object::Reference(page), "MCID" => mcid,
            }),
            Kid::Annot(page, annot) => Object::Dictionary(dictionary! {
                "Type" => "OBJR", "Pg" => Object::Reference(page), "Obj" => Object::Reference(annot),
            }),
        }
    }
}

/// Objects already written as bytes (the structure elements), by their ids; saved
/// with the document's own.
pub type Written = Vec<(ObjectId, Vec<u8>)>;

/// XMP metadata with the title and the PDF/UA-1 claim, as PDF/UA requires.
pub fn add_xmp(lo: &mut lopdf::Document, meta: &Meta) -> Result<(), String> {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let creator = meta
        .author
        .map(|a| {
            format!(
                "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>",
                esc(a)
            )
        })
        .unwrap_or_default();
    // The leaflet's own dates (never the clock's): published as the creation date,
    // the review date under the PRISM expiration term.
    let dates = meta
        .published
        .map(|d| format!("<xmp:CreateDate>{d}</xmp:CreateDate>\n"))
        .unwrap_or_default()
        + &meta
            .review
            .map(|d| format!("<prism:expirationDate>{d}</prism:expirationDate>\n"))
            .unwrap_or_default();
    let xmp = format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:prism="http://prismstandard.org/namespaces/basic/2.0/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
{creator}
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdf:Producer>leafpress {version}</pdf:Producer>
<xmp:CreatorTool>leafpress</xmp:CreatorTool>
{dates}<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = esc(meta.title),
        lang = esc(meta.language),
        version = env!("CARGO_PKG_VERSION"),
    );
    let stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.into_bytes(),
    )
    .with_compression(false);
    let id = lo.add_object(stream);
    lo.catalog_mut()
        .map_err(|e| e.to_string())?
        .set("Metadata", Object::Reference(id));
    Ok(())
}
