//! The words layout prints itself ("Phone:", "Sources", "1 / 9"), in the
//! leaflet's language, and the ones a theme sets whatever the language.

use serde::Deserialize;

/// The words layout adds to the content, in the leaflet's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Labels {
    pub phone: String,
    pub email: String,
    pub web: String,
    pub address: String,
    /// Put before the name under a quote.
    pub quote_by: String,
    /// After a label ("Phone: "): full width in Chinese and Japanese ("电话：").
    pub colon: String,
    /// The page number: `{n}` and `{total}` are replaced.
    pub page_number: String,
    /// After a link to a heading, on paper: `{n}` is the heading's page ("page 4").
    pub see_page: String,
    /// The back matter: its heading and the names of its lines.
    pub about: String,
    pub published: String,
    pub review: String,
    pub reference: String,
    pub sources: String,
}

impl Default for Labels {
    fn default() -> Self {
        Labels::for_language("en")
    }
}

impl Labels {
    /// The labels for a BCP 47 tag's language; English where none are known yet.
    pub fn for_language(tag: &str) -> Labels {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let (phone, email, web, address) = match primary.as_str() {
            "pl" => ("Telefon", "E-mail", "Strona", "Adres"),
            "ro" => ("Telefon", "E-mail", "Site", "Adresă"),
            "tr" => ("Telefon", "E-posta", "Web", "Adres"),
            "pt" => ("Telefone", "E-mail", "Site", "Morada"),
            "es" => ("Teléfono", "Correo", "Web", "Dirección"),
            "fr" => ("Téléphone", "E-mail", "Site", "Adresse"),
            "de" => ("Telefon", "E-Mail", "Web", "Adresse"),
            "el" => ("Τηλέφωνο", "Email", "Ιστότοπος", "Διεύθυνση"),
            "ru" => ("Телефон", "Эл. почта", "Сайт", "Адрес"),
            "uk" => ("Телефон", "Ел. пошта", "Сайт", "Адреса"),
            "ar" => ("الهاتف", "البريد الإلكتروني", "الموقع", "العنوان"),
            "ur" => ("فون", "ای میل", "ویب سائٹ", "پتہ"),
            "fa" => ("تلفن", "ایمیل", "وب‌سایت", "نشانی"),
            "bn" => ("ফোন", "ইমেল", "ওয়েবসাইট", "ঠিকানা"),
            "pa" => ("ਫ਼ੋਨ", "ਈਮੇਲ", "ਵੈੱਬਸਾਈਟ", "ਪਤਾ"),
            "gu" => ("ફોન", "ઇમેઇલ", "વેબસાઇટ", "સરનામું"),
            "hi" => ("फ़ोन", "ईमेल", "वेबसाइट", "पता"),
            "ta" => ("தொலைபேசி", "மின்னஞ்சல்", "இணையதளம்", "முகவரி"),
            "zh" => ("电话", "电子邮件", "网站", "地址"),
            _ => ("Phone", "Email", "Web", "Address"),
        };
        let see_page = match primary.as_str() {
            "pl" => "strona {n}",
            "ro" => "pagina {n}",
            "tr" => "sayfa {n}",
            "pt" | "es" => "página {n}",
            "fr" => "page {n}",
            "de" => "Seite {n}",
            "el" => "σελίδα {n}",
            "ru" => "стр. {n}",
            "uk" => "с. {n}",
            "ar" => "صفحة {n}",
            "ur" => "صفحہ {n}",
            "fa" => "صفحه {n}",
            "bn" => "পৃষ্ঠা {n}",
            "pa" => "ਪੰਨਾ {n}",
            "gu" => "પાનું {n}",
            "hi" => "पृष्ठ {n}",
            "ta" => "பக்கம் {n}",
            "zh" => "第 {n} 页",
            _ => "page {n}",
        };
        // The back matter's words are English until translators supply them.
        Labels {
            phone: phone.into(),
            email: email.into(),
            web: web.into(),
            address: address.into(),
            quote_by: "— ".into(),
            colon: if matches!(primary.as_str(), "zh" | "ja") {
                "："
            } else {
                ": "
            }
            .into(),
            page_number: "{n} / {total}".into(),
            see_page: see_page.into(),
            about: "About this leaflet".into(),
            published: "Published".into(),
            review: "Next review".into(),
            reference: "Reference".into(),
            sources: "Sources".into(),
        }
    }

    /// These labels with the ones `over` gives replaced.
    pub fn with(mut self, over: &LabelOverrides) -> Labels {
        let pairs = [
            (&mut self.phone, &over.phone),
            (&mut self.email, &over.email),
            (&mut self.web, &over.web),
            (&mut self.address, &over.address),
            (&mut self.quote_by, &over.quote_by),
            (&mut self.page_number, &over.page_number),
            (&mut self.see_page, &over.see_page),
            (&mut self.about, &over.about),
            (&mut self.published, &over.published),
            (&mut self.review, &over.review),
            (&mut self.reference, &over.reference),
            (&mut self.sources, &over.sources),
        ];
        for (label, given) in pairs {
            if let Some(text) = given {
                label.clone_from(text);
            }
        }
        self
    }

    pub fn page_number(&self, n: usize, total: usize) -> String {
        self.page_number
            .replace("{n}", &n.to_string())
            .replace("{total}", &total.to_string())
    }
}

/// Labels a theme sets whatever the leaflet's language; the rest follow the language.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelOverrides {
    pub phone: Option<String>,
    pub email: Option<String>,
    pub web: Option<String>,
    pub address: Option<String>,
    pub quote_by: Option<String>,
    pub page_number: Option<String>,
    pub see_page: Option<String>,
    pub about: Option<String>,
    pub published: Option<String>,
    pub review: Option<String>,
    pub reference: Option<String>,
    pub sources: Option<String>,
}
