//! The logical structure of a leaflet (headings, paragraphs, lists, quotes, figures,
//! links), built by layout alongside the painted items. Every content item points at
//! the element it belongs to, so the PDF writer can tag it (PDF/UA) and reading
//! order follows the content file, wherever things land on the pages.

/// Index of an element in [`Structure::nodes`].
pub type NodeId = usize;

/// Standard structure types (ISO 32000-1, 14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Document,
    H1,
    H2,
    P,
    L,
    LI,
    Lbl,
    LBody,
    BlockQuote,
    /// A group with no more specific type: callouts, FAQ lists and entries, contact blocks.
    Div,
    Figure,
    Caption,
    Link,
    Table,
    THead,
    TBody,
    TR,
    /// A header cell (scope: column).
    TH,
    TD,
}

impl Kind {
    /// The structure type's PDF name.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Document => "Document",
            Kind::H1 => "H1",
            Kind::H2 => "H2",
            Kind::P => "P",
            Kind::L => "L",
            Kind::LI => "LI",
            Kind::Lbl => "Lbl",
            Kind::LBody => "LBody",
            Kind::BlockQuote => "BlockQuote",
            Kind::Div => "Div",
            Kind::Figure => "Figure",
            Kind::Caption => "Caption",
            Kind::Link => "Link",
            Kind::Table => "Table",
            Kind::THead => "THead",
            Kind::TBody => "TBody",
            Kind::TR => "TR",
            Kind::TH => "TH",
            Kind::TD => "TD",
        }
    }
}

/// What laid-out content belongs to: a block of the leaflet, or what layout adds
/// around the blocks (the title and cover; the back page's contact details and
/// "About this leaflet"). Problems name it; the review reads by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    Title,
    Block(usize),
    About,
}

impl Owner {
    /// The block's index, for content that belongs to one.
    pub fn block(self) -> Option<usize> {
        match self {
            Owner::Block(i) => Some(i),
            Owner::Title | Owner::About => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub parent: Option<NodeId>,
    /// What this element belongs to.
    pub owner: Owner,
    /// Alternative text (figures) or a description (links).
    pub alt: Option<String>,
    /// The element's language, where all its text is in one that is not the
    /// leaflet's (a block with `lang:`).
    pub lang: Option<String>,
}

/// The element tree, root first. Children are listed in the order their content is
/// painted, which layout keeps equal to the order of the content file.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub nodes: Vec<Node>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            nodes: vec![Node {
                kind: Kind::Document,
                parent: None,
                owner: Owner::Title,
                alt: None,
                lang: None,
            }],
        }
    }
}

impl Structure {
    pub const ROOT: NodeId = 0;

    pub fn add(&mut self, kind: Kind, parent: NodeId, owner: Owner) -> NodeId {
        self.nodes.push(Node {
            kind,
            parent: Some(parent),
            owner,
            alt: None,
            lang: None,
        });
        self.nodes.len() - 1
    }

    pub fn with_alt(&mut self, node: NodeId, alt: impl Into<String>) -> NodeId {
        self.nodes[node].alt = Some(alt.into());
        node
    }
}
