//! The email draft (`leafpress email`): a message a mail program opens ready to
//! send (`X-Unsent: 1`), with a short plain-text and HTML letter made from
//! leafpress.yaml's `email:` words and the leaflet attached.
//!
//! The message has no From, Date or Message-ID: the mail program that sends it
//! writes them (as Symfony's DraftEmail does), so the same leaflet and words give the
//! same bytes on every run. The MIME boundaries are a hash of the parts for the same
//! reason (mail-builder's own come from the clock).
//!
//! Shape: multipart/mixed → [multipart/alternative (text/plain, text/html), each
//! attachment]. Attachments are (name, MIME type, bytes): the email edition's PDF
//! today, and any other file later (the web edition) without a change here.

use crate::base::lang::LanguageTag;
use crate::model::brand::Brand;
use crate::model::email::{EmailSettings, TITLE_FIELD};
use crate::model::Contact;
use crate::text::locale::is_rtl;
use mail_builder::headers::address::Address;
use mail_builder::headers::content_type::ContentType;
use mail_builder::headers::text::Text;
use mail_builder::headers::Header;
use mail_builder::mime::MimePart;
use md5::{Digest, Md5};

/// A file attached to the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// The name the reader sees, e.g. `Acupuncture for hip and knee pain.pdf`.
    pub name: String,
    /// Its MIME type, e.g. `application/pdf`.
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// What the letter is about and who wrote it.
#[derive(Debug, Clone)]
pub struct Letter<'a> {
    /// The leaflet's title, as plain text.
    pub title: &'a str,
    /// The leaflet's language: the title is marked with it where the letter's differs.
    pub title_language: &'a LanguageTag,
    /// The language the clinic writes its own words in (the project's default
    /// language); the default words are English.
    pub language: &'a LanguageTag,
    pub settings: &'a EmailSettings,
    /// For the default signature.
    pub brand: &'a Brand,
    pub contact: Option<&'a Contact>,
    /// The recipient, when given (checked by the caller).
    pub to: Option<&'a str>,
}

const DEFAULT_GREETING: &str = "Hello,";
const DEFAULT_BODY: &str = "Here is our leaflet “{title}”. It is attached to this email as a PDF file: \
open it to read it on your phone, tablet or computer, or to print it.\n\n\
If you have any questions, please contact us.";

impl Letter<'_> {
    /// The subject: the prefix (e.g. `[secure]`), then the title.
    pub fn subject(&self) -> String {
        match self.settings.subject_prefix.as_deref().map(str::trim) {
            Some(p) if !p.is_empty() => format!("{p} {}", self.title),
            _ => self.title.to_string(),
        }
    }

    /// The letter as paragraphs of lines, `{title}` still in place.
    fn paragraphs(&self) -> Vec<Vec<String>> {
        let s = self.settings;
        let mut text = vec![s.greeting.as_deref().unwrap_or(DEFAULT_GREETING).to_string()];
        text.push(s.body.as_deref().unwrap_or(DEFAULT_BODY).to_string());
        match &s.signature {
            Some(sig) => text.push(sig.clone()),
            None => text.extend(self.default_signature()),
        }
        text.iter()
            .flat_map(|t| t.split("\n\n"))
            .map(|p| p.lines().map(|l| l.trim_end().to_string()).collect::<Vec<_>>())
            .filter(|p| p.iter().any(|l| !l.trim().is_empty()))
            .collect()
    }

    /// The brand's name (or the contact's), its phone, email and web address.
    fn default_signature(&self) -> Option<String> {
        let c = self.contact;
        let name = self.brand.name.clone().or_else(|| c.and_then(|c| c.name.clone()));
        let mut lines: Vec<String> = name.into_iter().collect();
        if let Some(c) = c {
            lines.extend(c.phone.as_ref().map(|p| format!("Phone: {p}")));
            lines.extend(c.email.as_ref().map(|e| format!("Email: {e}")));
            lines.extend(c.web.as_ref().map(|w| format!("Web: {}", full_address(w))));
        }
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// The letter's language: the project's when the clinic wrote its own greeting or
    /// body, else British English, the language of the default words.
    fn lang(&self) -> LanguageTag {
        let s = self.settings;
        if s.greeting.is_some() || s.body.is_some() {
            self.language.clone()
        } else {
            LanguageTag::default()
        }
    }

    /// Whether the title needs its own language and direction in the letter.
    fn title_apart(&self) -> bool {
        *self.title_language != self.lang()
    }

    /// The plain-text part: paragraphs separated by a blank line. A title written
    /// in the other direction is isolated (U+2068 … U+2069), so the punctuation
    /// around it stays where it was written.
    pub fn plain(&self) -> String {
        let title = if is_rtl(self.title_language.as_str()) != is_rtl(self.lang().as_str()) {
            format!("\u{2068}{}\u{2069}", self.title)
        } else {
            self.title.to_string()
        };
        let paragraphs: Vec<String> = self.paragraphs().iter().map(|p| p.join("\n")).collect();
        let mut out = paragraphs.join("\n\n").replace(TITLE_FIELD, &title);
        out.push('\n');
        out
    }

    /// The HTML part: the letter's language and direction on `<html>`, the title's
    /// on the title where they differ, and every web address, email address and
    /// phone number a link whose text is the address itself. The leaflet's title is
    /// the one heading (a screen reader's way in: "heading level 1, Knee exercises"),
    /// and the letter is the page's main landmark.
    pub fn html(&self) -> String {
        let lang = self.lang();
        let lang = lang.as_str();
        let dir = if is_rtl(lang) { "rtl" } else { "ltr" };
        let title = if self.title_apart() {
            let t = self.title_language.as_str();
            let dir = if is_rtl(t) { "rtl" } else { "ltr" };
            format!("<span lang=\"{t}\" dir=\"{dir}\">{}</span>", escape(self.title))
        } else {
            escape(self.title)
        };
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n</head>\n<body>\n<main>\n\
             <h1 style=\"font-size: 1.25em\">{title}</h1>\n",
            escape(&self.subject())
        );
        for p in self.paragraphs() {
            let lines: Vec<String> = p
                .iter()
                .map(|l| linked(l).replace(&escape(TITLE_FIELD), &title))
                .collect();
            out.push_str(&format!("<p>{}</p>\n", lines.join("<br>\n")));
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }

    /// The whole message, ready for a mail program to open as a draft.
    pub fn draft(&self, attachments: &[Attachment]) -> Vec<u8> {
        let (plain, html) = (self.plain(), self.html());
        // The boundaries must not occur in any part: a hash of them all, in base64's
        // alphabet but with `_` and `=`, which base64 lines never hold.
        let mut hash = Md5::new();
        hash.update(plain.as_bytes());
        hash.update(html.as_bytes());
        for a in attachments {
            hash.update(a.name.as_bytes());
            hash.update(&a.bytes);
        }
        let hex: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let boundary = |kind: &str| format!("=_leafpress_{kind}_{hex}");

        let lang = self.lang();
        let text = MimePart::new("text/plain", plain.as_str()).language(lang.as_str());
        let html_part = MimePart::new("text/html", html.as_str()).language(lang.as_str());
        let alternative = MimePart::new(
            ContentType::new("multipart/alternative").attribute("boundary", boundary("alt")),
            vec![text, html_part],
        );
        let mut parts = vec![alternative];
        for a in attachments {
            // The name in Content-Type too: older mail programs look only there.
            let mut kind = ContentType::new(a.mime.as_str());
            if a.mime.starts_with("text/") {
                // (The web edition: UTF-8, as its own <meta charset> says.)
                kind = kind.attribute("charset", "utf-8");
            }
            let kind = kind.attribute("name", a.name.as_str());
            parts.push(MimePart::new(kind, a.bytes.as_slice()).attachment(a.name.as_str()));
        }
        let body = MimePart::new(
            ContentType::new("multipart/mixed").attribute("boundary", boundary("mixed")),
            parts,
        );

        let mut out: Vec<u8> = Vec::new();
        // Outlook (and others) open a message with this header as an unsent draft.
        out.extend_from_slice(b"X-Unsent: 1\r\n");
        if let Some(to) = self.to {
            out.extend_from_slice(b"To: ");
            Address::new_address(None::<&str>, to).write_header(&mut out, 4);
        }
        out.extend_from_slice(b"Subject: ");
        Text::new(self.subject()).write_header(&mut out, 9);
        out.extend_from_slice(b"MIME-Version: 1.0\r\n");
        body.write_part(&mut out);
        out.extend_from_slice(b"\r\n");
        out
    }
}

/// A readable file name for an attachment: the title, with the characters no file
/// name may hold (on Windows, macOS or Linux) left out, then `.ext`.
pub fn attachment_name(title: &str, ext: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    // Long names are cut in some mail programs; 100 characters keeps a title whole.
    let mut name: String = words.join(" ").chars().take(100).collect();
    name = name.trim_end_matches(['.', ' ']).to_string();
    if name.is_empty() {
        name = "leaflet".into();
    }
    format!("{name}.{ext}")
}

/// A web address as a reader types it: with its scheme.
fn full_address(web: &str) -> String {
    crate::model::Contact::web_link(web).1
}

use crate::base::escape::xml as escape;

/// A line of the letter as HTML: escaped, with each web address, email address and
/// phone number (after `Phone:`) a link showing the address in full.
fn linked(line: &str) -> String {
    if let Some(number) = line.strip_prefix("Phone: ") {
        let tel = crate::model::Contact::tel(number);
        return format!("Phone: <a href=\"{tel}\">{}</a>", escape(number));
    }
    let mut out = String::new();
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // Punctuation after an address ends the sentence, not the address.
        let core = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?']);
        let tail = &word[core.len()..];
        let href = if core.starts_with("https://") || core.starts_with("http://") {
            Some(core.to_string())
        } else if core.contains('@') && email_address::EmailAddress::is_valid(core) {
            Some(format!("mailto:{core}"))
        } else {
            None
        };
        match href {
            Some(h) => out.push_str(&format!(
                "<a href=\"{}\">{}</a>{}",
                escape(&h),
                escape(core),
                escape(tail)
            )),
            None => out.push_str(&escape(word)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_names_are_the_title_without_unsafe_characters() {
        assert_eq!(
            attachment_name("Acupuncture for hip and knee pain", "pdf"),
            "Acupuncture for hip and knee pain.pdf"
        );
        assert_eq!(attachment_name("Knee: what/why?", "pdf"), "Knee what why.pdf");
        assert_eq!(attachment_name("  ", "pdf"), "leaflet.pdf");
    }

    #[test]
    fn addresses_become_links_that_show_the_address() {
        assert_eq!(
            linked("See https://example.org/knee. Or write to a@example.org"),
            "See <a href=\"https://example.org/knee\">https://example.org/knee</a>. Or write to \
             <a href=\"mailto:a@example.org\">a@example.org</a>"
        );
        assert_eq!(
            linked("Phone: 01632 960 123"),
            "Phone: <a href=\"tel:01632960123\">01632 960 123</a>"
        );
        assert_eq!(linked("<b> & co"), "&lt;b&gt; &amp; co");
    }
}
