//! The content model: what a knowledge pack holds once it has loaded and validated.
//!
//! Items link to each other by id. A loaded [`Pack`] is always consistent: every link
//! resolves, so lookups through [`Pack::item`] only fail for ids typed by a user.

pub use crate::text::Text;
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// The kinds of item a pack holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Symptom,
    Cause,
    Solution,
    Faq,
    Code,
    Script,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Symptom,
        Kind::Cause,
        Kind::Solution,
        Kind::Faq,
        Kind::Code,
        Kind::Script,
    ];

    /// The TOML table name, also used in the command line and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Symptom => "symptom",
            Kind::Cause => "cause",
            Kind::Solution => "solution",
            Kind::Faq => "faq",
            Kind::Code => "code",
            Kind::Script => "script",
        }
    }

    /// The label shown to staff.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Symptom => crate::t!("kind.symptom"),
            Kind::Cause => crate::t!("kind.cause"),
            Kind::Solution => crate::t!("kind.solution"),
            Kind::Faq => crate::t!("kind.faq"),
            Kind::Code => crate::t!("kind.code"),
            Kind::Script => crate::t!("kind.script"),
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|kind| kind.key() == key)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Who has to act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// The counter staff operating the terminal.
    Clerk,
    /// The customer whose card it is.
    Cardholder,
    /// The bank that issued the card.
    Issuer,
    /// The acquirer or POS service provider of the shop.
    Acquirer,
    /// The card network or payment platform (UnionPay, the switch, the line).
    Network,
}

impl Actor {
    pub const ALL: [Actor; 5] = [
        Actor::Clerk,
        Actor::Cardholder,
        Actor::Issuer,
        Actor::Acquirer,
        Actor::Network,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Actor::Clerk => "clerk",
            Actor::Cardholder => "cardholder",
            Actor::Issuer => "issuer",
            Actor::Acquirer => "acquirer",
            Actor::Network => "network",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Actor::Clerk => crate::t!("actor.clerk"),
            Actor::Cardholder => crate::t!("actor.cardholder"),
            Actor::Issuer => crate::t!("actor.issuer"),
            Actor::Acquirer => crate::t!("actor.acquirer"),
            Actor::Network => crate::t!("actor.network"),
        }
    }

    /// Labels of several actors, as one line: 收银员、持卡人.
    pub fn labels(actors: &[Actor]) -> String {
        actors
            .iter()
            .map(|a| a.label())
            .collect::<Vec<_>>()
            .join(crate::t!("common.list_sep"))
    }

    /// A label short enough for lists.
    pub fn short_label(self) -> &'static str {
        match self {
            Actor::Clerk => crate::t!("actor.short.clerk"),
            Actor::Cardholder => crate::t!("actor.short.cardholder"),
            Actor::Issuer => crate::t!("actor.short.issuer"),
            Actor::Acquirer => crate::t!("actor.short.acquirer"),
            Actor::Network => crate::t!("actor.short.network"),
        }
    }

    pub fn from_key(key: &str) -> Option<Actor> {
        Actor::ALL.into_iter().find(|actor| actor.key() == key)
    }
}

/// Action class of a response code, as acquirers document field 39.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum CodeClass {
    A,
    B,
    C,
    D,
    E,
}

impl CodeClass {
    pub fn from_key(key: &str) -> Option<CodeClass> {
        match key {
            "A" => Some(CodeClass::A),
            "B" => Some(CodeClass::B),
            "C" => Some(CodeClass::C),
            "D" => Some(CodeClass::D),
            "E" => Some(CodeClass::E),
            _ => None,
        }
    }

    pub fn letter(self) -> &'static str {
        match self {
            CodeClass::A => "A",
            CodeClass::B => "B",
            CodeClass::C => "C",
            CodeClass::D => "D",
            CodeClass::E => "E",
        }
    }

    /// What the class says about the terminal's handling. Background only: what the clerk
    /// does next is the [`Verdict`], never the class.
    pub fn label(self) -> &'static str {
        match self {
            CodeClass::A => crate::t!("class.a"),
            CodeClass::B => crate::t!("class.b"),
            CodeClass::C => crate::t!("class.c"),
            CodeClass::D => crate::t!("class.d"),
            CodeClass::E => crate::t!("class.e"),
        }
    }
}

/// Codes that mean lost, stolen, pick-up or suspected fraud (and 59, card verification):
/// the customer only ever hears a discreet, generic decline.
pub const DISCREET_CODES: [&str; 10] = ["04", "07", "34", "35", "36", "37", "41", "43", "59", "67"];

/// One retry verdict, per code and per cause, in three parts; shown the same way
/// everywhere. The A-E class is background and never a second verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// The same card, right now, as it is.
    pub now: bool,
    /// The same card, later.
    pub later: bool,
    /// After what, when `later` is allowed: 「重新签到后」「持卡人联系发卡行后」.
    pub after: Option<Text>,
    /// Another card or another payment method.
    pub other: bool,
    /// The outcome may be unknown: check the last sale (and let the reversal go through)
    /// before anything else.
    pub check_first: bool,
}

/// One of the three parts of a verdict, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerdictPart {
    pub label: &'static str,
    pub allowed: bool,
    /// 「可以」「不要」, with the condition where there is one.
    pub answer: String,
}

impl VerdictPart {
    /// The part as one line: 「同卡马上：不要」.
    pub fn line(&self) -> String {
        crate::t!(
            "model.verdict_part",
            label = self.label,
            answer = self.answer
        )
    }
}

impl Verdict {
    /// "The same card, now": the label of the first retry question.
    pub fn now_label() -> &'static str {
        crate::t!("verdict.now")
    }

    pub fn later_label() -> &'static str {
        crate::t!("verdict.later")
    }

    pub fn other_label() -> &'static str {
        crate::t!("verdict.other")
    }

    pub fn check_first_label() -> &'static str {
        crate::t!("verdict.check_first")
    }

    /// The heading over [`Verdict::short`] in tables.
    pub fn short_heading() -> &'static str {
        crate::t!("verdict.short_heading")
    }

    /// What an unknown response code gets: nothing is promised, the last sale is checked,
    /// the code is looked up before the same card is tried again.
    pub fn for_unknown_code() -> Verdict {
        Verdict {
            now: false,
            later: true,
            after: Some(Text::new(crate::t!("model.unknown_after"))),
            other: true,
            check_first: true,
        }
    }

    pub fn parts(&self) -> [VerdictPart; 3] {
        let answer = |allowed: bool| {
            if allowed {
                crate::t!("model.yes")
            } else {
                crate::t!("model.no")
            }
        };
        let later = match (&self.after, self.later) {
            (Some(after), true) => crate::t!("model.yes_after", after = after),
            _ => answer(self.later).to_string(),
        };
        [
            VerdictPart {
                label: Verdict::now_label(),
                allowed: self.now,
                answer: answer(self.now).to_string(),
            },
            VerdictPart {
                label: Verdict::later_label(),
                allowed: self.later,
                answer: later,
            },
            VerdictPart {
                label: Verdict::other_label(),
                allowed: self.other,
                answer: answer(self.other).to_string(),
            },
        ]
    }

    /// The whole verdict on one line: 「先查上一笔结果……；同卡马上：不要；……」.
    pub fn summary(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.check_first {
            parts.push(Verdict::check_first_label().to_string());
        }
        parts.extend(self.parts().iter().map(VerdictPart::line));
        parts.join(crate::t!("common.clause_sep"))
    }

    /// A compact form for tables, under the heading [`Verdict::short_heading()`]:
    /// 「先查 不/可/可」 (same card now / later / another card or payment).
    pub fn short(&self) -> String {
        let mark = |allowed: bool| {
            if allowed {
                crate::t!("model.short_yes")
            } else {
                crate::t!("model.short_no")
            }
        };
        let marks = format!(
            "{}/{}/{}",
            mark(self.now),
            mark(self.later),
            mark(self.other)
        );
        if self.check_first {
            crate::t!("model.short_check_first", marks = marks)
        } else {
            marks
        }
    }
}

/// Where an item is written, so staff and trainers can find it to edit. The file's name
/// is shared by every item in it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub file: std::sync::Arc<str>,
    pub line: usize,
}

/// A part of a source document that items trace back to.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    /// Which document: `article`, `facts` or `posdesk` (knowledge added by the pack's authors).
    pub origin: Text,
    pub location: Location,
}

/// What a source's `origin` is called where steps are marked for trainers.
pub fn origin_label(origin: &str) -> &'static str {
    match origin {
        "article" => crate::t!("origin.article"),
        "facts" => crate::t!("origin.facts"),
        _ => crate::t!("origin.added"),
    }
}

/// The title to show: the English one in the English UI, where the pack gives one.
fn shown_title<'a>(title: &'a Text, english: &'a Option<Text>) -> &'a Text {
    match english {
        Some(english) if crate::i18n::lang() == crate::i18n::Lang::En => english,
        _ => title,
    }
}

macro_rules! shown_title {
    ($($kind:ident),+) => {
        $(impl $kind {
            /// The title to show in the UI's language (see [`Item::title`]).
            pub fn shown_title(&self) -> &Text {
                shown_title(&self.title, &self.title_en)
            }
        })+
    };
}

shown_title!(Symptom, Cause, Solution, Script);

#[derive(Debug, Clone, Serialize)]
pub struct Symptom {
    pub id: Text,
    pub title: Text,
    /// The title in English, for the English UI (optional).
    pub title_en: Option<Text>,
    pub description: Text,
    pub codes: Vec<Text>,
    pub aliases: Vec<Text>,
    /// Causes, most likely first.
    pub causes: Vec<Text>,
    /// Position on the home list: lower comes first.
    pub rank: i64,
    pub note: Option<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cause {
    pub id: Text,
    pub title: Text,
    /// The title in English, for the English UI (optional).
    pub title_en: Option<Text>,
    pub category: Text,
    pub description: Text,
    pub checks: Vec<Text>,
    pub questions: Vec<Text>,
    pub actors: Vec<Actor>,
    pub solutions: Vec<Text>,
    pub script: Option<Text>,
    pub verdict: Verdict,
    /// How staff say it: colloquial words that should find this item.
    pub aliases: Vec<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub who: Actor,
    pub text: Text,
    /// Where this step came from: its own `sources`, or its solution's.
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Escalation {
    pub when: Text,
    pub to: Actor,
    pub how: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Solution {
    pub id: Text,
    pub title: Text,
    /// The title in English, for the English UI (optional).
    pub title_en: Option<Text>,
    pub steps: Vec<Step>,
    pub escalate: Option<Escalation>,
    pub notes: Vec<Text>,
    pub aliases: Vec<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Faq {
    pub id: Text,
    pub question: Text,
    pub answer: Text,
    pub causes: Vec<Text>,
    pub aliases: Vec<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Code {
    pub id: Text,
    /// Two characters, digits or capital letters: `05`, `A0`.
    pub code: Text,
    /// What a newer UnionPay terminal shows.
    pub display: Text,
    /// What the code means, in the pack's own words.
    pub meaning: Text,
    /// The meaning in older tables, where it differs.
    pub older_meaning: Option<Text>,
    /// The ISO 8583 field 39 meaning, for comparison.
    pub international: Option<Text>,
    /// Background: how the terminal treats the code. The verdict is what staff act on.
    pub class: CodeClass,
    pub verdict: Verdict,
    pub action: Text,
    pub who_fixes: Vec<Actor>,
    pub causes: Vec<Text>,
    pub script: Option<Text>,
    /// Where sources disagree on the meaning.
    pub conflict: Option<Text>,
    /// Lost, stolen or fraud: never tell the customer the detailed reason.
    pub discreet: bool,
    pub aliases: Vec<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Serialize)]
pub struct Script {
    pub id: Text,
    pub title: Text,
    /// The title in English, for the English UI (optional).
    pub title_en: Option<Text>,
    /// What to say, in order.
    pub say: Vec<Text>,
    /// What to say to a customer who needs English (foreign cards).
    pub say_en: Vec<Text>,
    /// What not to say.
    pub avoid: Vec<Text>,
    pub discreet: bool,
    /// Gives no reason (「这张卡这次没有刷成功」): it fits any decline, so the quiz never
    /// offers it as a wrong answer. Discreet scripts are generic too.
    pub generic: bool,
    pub aliases: Vec<Text>,
    pub sources: Vec<Text>,
    pub location: Location,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct PackInfo {
    pub name: Text,
    pub version: Text,
    pub description: Text,
}

/// A borrowed view of any item, for code that treats all kinds alike.
#[derive(Debug, Clone, Copy)]
pub enum Item<'a> {
    Symptom(&'a Symptom),
    Cause(&'a Cause),
    Solution(&'a Solution),
    Faq(&'a Faq),
    Code(&'a Code),
    Script(&'a Script),
}

impl<'a> Item<'a> {
    pub fn kind(&self) -> Kind {
        match self {
            Item::Symptom(_) => Kind::Symptom,
            Item::Cause(_) => Kind::Cause,
            Item::Solution(_) => Kind::Solution,
            Item::Faq(_) => Kind::Faq,
            Item::Code(_) => Kind::Code,
            Item::Script(_) => Kind::Script,
        }
    }

    pub fn id(&self) -> &'a str {
        self.id_text().as_str()
    }

    /// The id as the pack holds it, for keeping without a copy.
    pub fn id_text(&self) -> &'a Text {
        match self {
            Item::Symptom(item) => &item.id,
            Item::Cause(item) => &item.id,
            Item::Solution(item) => &item.id,
            Item::Faq(item) => &item.id,
            Item::Code(item) => &item.id,
            Item::Script(item) => &item.id,
        }
    }

    /// The one-line title shown in lists: the English one in the English UI where the
    /// item has one.
    pub fn title(&self) -> String {
        match self.title_en() {
            Some(english) if crate::i18n::lang() == crate::i18n::Lang::En => english.to_string(),
            _ => self.own_title(),
        }
    }

    /// The title as the pack writes it, whatever the UI's language: for what is stored.
    pub fn own_title(&self) -> String {
        match self {
            Item::Symptom(item) => item.title.to_string(),
            Item::Cause(item) => item.title.to_string(),
            Item::Solution(item) => item.title.to_string(),
            Item::Faq(item) => item.question.to_string(),
            Item::Code(item) => format!("{} {}", item.code, item.display),
            Item::Script(item) => item.title.to_string(),
        }
    }

    /// The item's English title, if its content gives one.
    pub fn title_en(&self) -> Option<&'a Text> {
        match self {
            Item::Symptom(item) => item.title_en.as_ref(),
            Item::Cause(item) => item.title_en.as_ref(),
            Item::Solution(item) => item.title_en.as_ref(),
            Item::Script(item) => item.title_en.as_ref(),
            Item::Faq(_) | Item::Code(_) => None,
        }
    }

    /// Other words staff use for the item.
    pub fn aliases(&self) -> &'a [Text] {
        match self {
            Item::Symptom(item) => &item.aliases,
            Item::Cause(item) => &item.aliases,
            Item::Solution(item) => &item.aliases,
            Item::Faq(item) => &item.aliases,
            Item::Code(item) => &item.aliases,
            Item::Script(item) => &item.aliases,
        }
    }

    /// The retry verdict, for the kinds that carry one.
    pub fn verdict(&self) -> Option<&'a Verdict> {
        match self {
            Item::Cause(item) => Some(&item.verdict),
            Item::Code(item) => Some(&item.verdict),
            _ => None,
        }
    }

    pub fn sources(&self) -> &'a [Text] {
        match self {
            Item::Symptom(item) => &item.sources,
            Item::Cause(item) => &item.sources,
            Item::Solution(item) => &item.sources,
            Item::Faq(item) => &item.sources,
            Item::Code(item) => &item.sources,
            Item::Script(item) => &item.sources,
        }
    }

    pub fn location(&self) -> &'a Location {
        match self {
            Item::Symptom(item) => &item.location,
            Item::Cause(item) => &item.location,
            Item::Solution(item) => &item.location,
            Item::Faq(item) => &item.location,
            Item::Code(item) => &item.location,
            Item::Script(item) => &item.location,
        }
    }
}

/// One question of the guided triage: a decision tree whose answers lead to another
/// question, a code, a ranked set of causes, or a hand-over.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: Text,
    pub text: Text,
    /// How to tell the answer: what to look at, what to ask.
    pub hint: Option<Text>,
    /// The symptoms whose triage starts here.
    pub starts: Vec<Text>,
    pub answers: Vec<Answer>,
    pub sources: Vec<Text>,
    pub location: Location,
}

/// One answer to a triage question.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    pub text: Text,
    pub leads_to: Lead,
    /// Causes this answer makes likelier (they move to the top, in this order).
    pub rule_in: Vec<Text>,
    /// Causes this answer rules out.
    pub rule_out: Vec<Text>,
    /// What to keep in mind on this way, shown with the outcome.
    pub note: Option<Text>,
}

/// Where an answer leads.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lead {
    /// Another question, by id.
    Question(Text),
    /// A response code, by its code id: its causes are the ones to act on.
    Code(Text),
    /// There is a code on screen: type it.
    EnterCode,
    /// Causes to act on, most likely first.
    Causes(Vec<Text>),
    /// Someone else must act.
    Escalate { to: Actor, how: Text },
}

/// A loaded, validated knowledge pack.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Pack {
    pub info: PackInfo,
    pub sources: Vec<Source>,
    pub symptoms: Vec<Symptom>,
    pub causes: Vec<Cause>,
    pub solutions: Vec<Solution>,
    pub faqs: Vec<Faq>,
    pub codes: Vec<Code>,
    pub scripts: Vec<Script>,
    /// The guided triage's questions, in file order.
    pub triage: Vec<Question>,
    #[serde(skip)]
    pub(crate) index: HashMap<Text, (Kind, usize)>,
    /// Positions in `symptoms`, most common first: the home list, sorted once.
    #[serde(skip)]
    pub(crate) home: Vec<usize>,
    /// Triage questions by id, and the question each symptom's triage starts at.
    #[serde(skip)]
    pub(crate) questions: HashMap<Text, usize>,
    #[serde(skip)]
    pub(crate) starts: HashMap<Text, usize>,
}

impl Pack {
    /// Builds the id index; called once the items are in place.
    pub(crate) fn reindex(&mut self) {
        let mut index = HashMap::new();
        let lists: [(Kind, Vec<&Text>); 6] = [
            (Kind::Symptom, self.symptoms.iter().map(|i| &i.id).collect()),
            (Kind::Cause, self.causes.iter().map(|i| &i.id).collect()),
            (
                Kind::Solution,
                self.solutions.iter().map(|i| &i.id).collect(),
            ),
            (Kind::Faq, self.faqs.iter().map(|i| &i.id).collect()),
            (Kind::Code, self.codes.iter().map(|i| &i.id).collect()),
            (Kind::Script, self.scripts.iter().map(|i| &i.id).collect()),
        ];
        for (kind, ids) in lists {
            for (position, id) in ids.into_iter().enumerate() {
                index.insert(id.clone(), (kind, position));
            }
        }
        self.index = index;
        let mut home: Vec<usize> = (0..self.symptoms.len()).collect();
        home.sort_by_key(|&position| self.symptoms.get(position).map_or(i64::MAX, |s| s.rank));
        self.home = home;
        self.questions.clear();
        self.starts.clear();
        for (position, question) in self.triage.iter().enumerate() {
            self.questions
                .entry(question.id.clone())
                .or_insert(position);
            for symptom in &question.starts {
                self.starts.entry(symptom.clone()).or_insert(position);
            }
        }
    }

    /// A triage question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.triage.get(*self.questions.get(id)?)
    }

    /// The question a symptom's triage starts at.
    pub fn triage_start(&self, symptom: &str) -> Option<&Question> {
        self.triage.get(*self.starts.get(symptom)?)
    }

    /// Looks an item up by id.
    pub fn item(&self, id: &str) -> Option<Item<'_>> {
        let (kind, position) = *self.index.get(id)?;
        match kind {
            Kind::Symptom => self.symptoms.get(position).map(Item::Symptom),
            Kind::Cause => self.causes.get(position).map(Item::Cause),
            Kind::Solution => self.solutions.get(position).map(Item::Solution),
            Kind::Faq => self.faqs.get(position).map(Item::Faq),
            Kind::Code => self.codes.get(position).map(Item::Code),
            Kind::Script => self.scripts.get(position).map(Item::Script),
        }
    }

    pub fn symptom(&self, id: &str) -> Option<&Symptom> {
        match self.item(id)? {
            Item::Symptom(item) => Some(item),
            _ => None,
        }
    }

    pub fn cause(&self, id: &str) -> Option<&Cause> {
        match self.item(id)? {
            Item::Cause(item) => Some(item),
            _ => None,
        }
    }

    pub fn solution(&self, id: &str) -> Option<&Solution> {
        match self.item(id)? {
            Item::Solution(item) => Some(item),
            _ => None,
        }
    }

    pub fn script(&self, id: &str) -> Option<&Script> {
        match self.item(id)? {
            Item::Script(item) => Some(item),
            _ => None,
        }
    }

    pub fn faq(&self, id: &str) -> Option<&Faq> {
        match self.item(id)? {
            Item::Faq(item) => Some(item),
            _ => None,
        }
    }

    /// What to say for a code: its own script, else its first cause's (the counter card's
    /// 「对顾客说」 line and the quiz agree on it).
    pub fn code_script(&self, code: &Code) -> Option<&Script> {
        let id = code.script.as_deref().or_else(|| {
            code.causes
                .first()
                .and_then(|id| self.cause(id))
                .and_then(|cause| cause.script.as_deref())
        })?;
        self.script(id)
    }

    /// Finds a response code as typed by a user: `5`, `05`, ` a0 `.
    pub fn code(&self, typed: &str) -> Option<&Code> {
        let wanted = normalize_code(typed)?;
        self.codes.iter().find(|code| code.code == wanted)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|source| source.id == id)
    }

    /// Every item, in kind order then file order.
    pub fn items(&self) -> impl Iterator<Item = Item<'_>> {
        self.symptoms
            .iter()
            .map(Item::Symptom)
            .chain(self.causes.iter().map(Item::Cause))
            .chain(self.solutions.iter().map(Item::Solution))
            .chain(self.faqs.iter().map(Item::Faq))
            .chain(self.codes.iter().map(Item::Code))
            .chain(self.scripts.iter().map(Item::Script))
    }

    /// The item at a place in [`Pack::items`] order, without walking the items before it.
    pub fn item_at(&self, place: usize) -> Option<Item<'_>> {
        // A failed `get` means `rest` is at least that list's length.
        let mut rest = place;
        if let Some(item) = self.symptoms.get(rest) {
            return Some(Item::Symptom(item));
        }
        rest -= self.symptoms.len();
        if let Some(item) = self.causes.get(rest) {
            return Some(Item::Cause(item));
        }
        rest -= self.causes.len();
        if let Some(item) = self.solutions.get(rest) {
            return Some(Item::Solution(item));
        }
        rest -= self.solutions.len();
        if let Some(item) = self.faqs.get(rest) {
            return Some(Item::Faq(item));
        }
        rest -= self.faqs.len();
        if let Some(item) = self.codes.get(rest) {
            return Some(Item::Code(item));
        }
        rest -= self.codes.len();
        self.scripts.get(rest).map(Item::Script)
    }

    pub fn len(&self) -> usize {
        self.symptoms.len()
            + self.causes.len()
            + self.solutions.len()
            + self.faqs.len()
            + self.codes.len()
            + self.scripts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Symptoms in home-list order: most common first.
    pub fn symptoms_by_rank(&self) -> Vec<&Symptom> {
        self.home
            .iter()
            .filter_map(|&position| self.symptoms.get(position))
            .collect()
    }

    /// The symptom at a place in the home list.
    pub fn home_symptom(&self, place: usize) -> Option<&Symptom> {
        self.symptoms.get(*self.home.get(place)?)
    }

    /// Symptoms that show a response code, in home-list order.
    pub fn symptoms_with_code(&self, code: &str) -> Vec<&Symptom> {
        let mut found: Vec<&Symptom> = self
            .symptoms
            .iter()
            .filter(|s| s.codes.iter().any(|c| c == code))
            .collect();
        found.sort_by_key(|symptom| symptom.rank);
        found
    }

    /// Symptoms and codes that link to a cause, and FAQ entries about it.
    pub fn links_to(&self, id: &str) -> Vec<Item<'_>> {
        let mut found = Vec::new();
        for symptom in &self.symptoms {
            if symptom.causes.iter().any(|c| c == id) {
                found.push(Item::Symptom(symptom));
            }
        }
        for cause in &self.causes {
            if cause.solutions.iter().any(|s| s == id) || cause.script.as_deref() == Some(id) {
                found.push(Item::Cause(cause));
            }
        }
        for faq in &self.faqs {
            if faq.causes.iter().any(|c| c == id) {
                found.push(Item::Faq(faq));
            }
        }
        for code in &self.codes {
            if code.causes.iter().any(|c| c == id) || code.script.as_deref() == Some(id) {
                found.push(Item::Code(code));
            }
        }
        found
    }
}

/// Full-width letters, digits and spaces (what a Chinese input method in full-width mode
/// types: `０５`, `Ａ０`) as their ASCII forms.
pub fn fold_full_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A response code in canonical form (two characters, capitals), or `None` if the text
/// cannot be one. A lone digit gets its leading zero: staff often type `5` for `05`.
pub fn normalize_code(typed: &str) -> Option<String> {
    let folded = fold_full_width(typed);
    let trimmed = folded.trim();
    let upper = trimmed.to_ascii_uppercase();
    let valid = |s: &str| {
        s.len() == 2
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
    };
    if valid(&upper) {
        Some(upper)
    } else if upper.len() == 1 && upper.bytes().all(|b| b.is_ascii_digit()) {
        Some(format!("0{upper}"))
    } else {
        None
    }
}

/// The id a code entry gets: `code-05`, `code-a0`.
pub fn code_id(code: &str) -> String {
    format!("code-{}", code.to_ascii_lowercase())
}
