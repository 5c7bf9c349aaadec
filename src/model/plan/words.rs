//! The words a plan prints itself (the dose in words, the tick chart's labels, the
//! dates), in the plan's language. Like [`crate::model::labels`], one table in the
//! code; languages without a row fall back to English, and the plan says so.
//!
//! This is the seam for translation files: when PO files exist, `for_language` would
//! look each English string up as a msgid in the language's catalogue first and keep
//! the row here as the fallback.

/// The plan's own words in one language. `{n}` is replaced by a number.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanWords {
    /// The language these words are in (`en` when the one asked for has none).
    pub language: &'static str,
    pub reps: String,
    pub hold_seconds: String,
    pub minutes: String,
    pub once_a_day: String,
    pub twice_a_day: String,
    pub times_a_day: String,
    pub once_a_week: String,
    pub times_a_week: String,
    pub for_weeks: String,
    /// Between the parts of a dose: ", " (Urdu and Arabic "، ").
    pub comma: String,
    /// The title of the box of an exercise's cautions.
    pub take_care: String,
    /// The tick chart's caption.
    pub chart_caption: String,
    /// The tick chart's first column's header, and each row's label ("Week {n}").
    pub week_header: String,
    pub week: String,
    /// Monday first.
    pub days: [&'static str; 7],
    pub months: [&'static str; 12],
    /// A short month for the chart's rows ("Dec").
    pub short_months: [&'static str; 12],
}

const EN_MONTHS: [&str; 12] = crate::model::details::MONTHS;
const EN_SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const UR_MONTHS: [&str; 12] = [
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
];
const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// The languages with a row here.
pub const PLAN_LANGUAGES: &[&str] = &["en", "ur", "ar"];

impl PlanWords {
    /// The words for a BCP 47 tag's language; English where there is no row yet
    /// (check [`PlanWords::language`]).
    pub fn for_language(tag: &str) -> PlanWords {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        let s = String::from;
        match primary.as_str() {
            "ur" => PlanWords {
                language: "ur",
                reps: s("{n} بار"),
                hold_seconds: s("{n} سیکنڈ تک روکیں"),
                minutes: s("{n} منٹ"),
                once_a_day: s("دن میں ایک بار"),
                twice_a_day: s("دن میں دو بار"),
                times_a_day: s("دن میں {n} بار"),
                once_a_week: s("ہفتے میں ایک بار"),
                times_a_week: s("ہفتے میں {n} بار"),
                for_weeks: s("پہلے {n} ہفتوں کے لیے"),
                comma: s("، "),
                take_care: s("احتیاط کریں"),
                chart_caption: s("جس دن آپ اپنی ورزشیں کریں، اس دن کے خانے پر نشان لگائیں"),
                week_header: s("ہفتہ نمبر"),
                week: s("ہفتہ {n}"),
                days: ["پیر", "منگل", "بدھ", "جمعرات", "جمعہ", "ہفتہ", "اتوار"],
                months: UR_MONTHS,
                short_months: UR_MONTHS,
            },
            "ar" => PlanWords {
                language: "ar",
                reps: s("{n} مرات"),
                hold_seconds: s("اثبت {n} ثانية"),
                minutes: s("{n} دقائق"),
                once_a_day: s("مرة واحدة في اليوم"),
                twice_a_day: s("مرتين في اليوم"),
                times_a_day: s("{n} مرات في اليوم"),
                once_a_week: s("مرة واحدة في الأسبوع"),
                times_a_week: s("{n} مرات في الأسبوع"),
                for_weeks: s("لأول {n} أسابيع"),
                comma: s("، "),
                take_care: s("انتبه"),
                chart_caption: s("ضع علامة في المربع في كل يوم تقوم فيه بتمارينك"),
                week_header: s("الأسبوع"),
                week: s("الأسبوع {n}"),
                days: [
                    "الاثنين",
                    "الثلاثاء",
                    "الأربعاء",
                    "الخميس",
                    "الجمعة",
                    "السبت",
                    "الأحد",
                ],
                months: AR_MONTHS,
                short_months: AR_MONTHS,
            },
            _ => PlanWords {
                language: "en",
                reps: s("{n} times"),
                hold_seconds: s("hold for {n} seconds"),
                minutes: s("{n} minutes"),
                once_a_day: s("once a day"),
                twice_a_day: s("twice a day"),
                times_a_day: s("{n} times a day"),
                once_a_week: s("once a week"),
                times_a_week: s("{n} times a week"),
                for_weeks: s("for the first {n} weeks"),
                comma: s(", "),
                take_care: s("Take care"),
                chart_caption: s("Tick a box each day you do your exercises"),
                week_header: s("Week"),
                week: s("Week {n}"),
                days: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
                months: EN_MONTHS,
                short_months: EN_SHORT,
            },
        }
    }

    /// A day in words: "7 December 2026".
    pub fn date(&self, year: i32, month: u8, day: u8) -> String {
        format!(
            "{day} {} {year}",
            self.months[usize::from(month.clamp(1, 12) - 1)]
        )
    }

    /// A day in short, for the chart: "7 Dec".
    pub fn short_date(&self, month: u8, day: u8) -> String {
        format!("{day} {}", self.short_months[usize::from(month.clamp(1, 12) - 1)])
    }
}
