//! Clause by clause, what each number is: a figure of a tier and a year, or a [`Reason`] not
//! to take it.
//!
//! A sentence keeps a context from clause to clause, as the reports write: the tier named
//! last (一本达线5872人，达线率为15.5%), the area spoken of (全市, 全省, a county), the year
//! (今年, 2018年, 去年) and what was last measured (so 2017年为14.6% is a rate). A number's
//! *lead* is the text between it and the number before it in its clause, its *tail* the text
//! after it up to the next; the lead (in English also the tail) says what it is. A
//! difference needs both what it is compared with (全省, 去年) and which way (高于, 下降);
//! a rate needs a word for rate; a count needs a word for passing or for sitting.

use super::lexicon::{marks, same_area, Mark, Names, What};
use super::scan::{trim, Doc, Kind, Sentence, Token};
use super::{Found, Ignored, Reason, Span, Tier, Value};
use passrate_chart::lang::Lang;
use passrate_chart::load::Stated;
use passrate_chart::model::Field;

/// Whether `s` ends with the English word `w`.
fn ends_with_word(s: &str, w: &str) -> bool {
    s.len() >= w.len()
        && s.is_char_boundary(s.len() - w.len())
        && s[s.len() - w.len()..].eq_ignore_ascii_case(w)
        && !s[..s.len() - w.len()].chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// A year written in the text, and whether it is part of a date.
#[derive(Debug, Clone, Copy)]
pub(super) struct YearSeen {
    pub number: Span,
    pub year: i32,
    pub sentence: Span,
    pub date: bool,
}

#[derive(Debug, Default)]
pub(super) struct Reading {
    pub found: Vec<Found>,
    pub ignored: Vec<Ignored>,
    pub years: Vec<YearSeen>,
    /// Years written as what a taken difference is compared with (比2018年).
    pub compared: Vec<Span>,
}

/// Who a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Region,
    Reference,
    Elsewhere,
}

/// What was last measured in the sentence, for a number that only says 为 (is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    Rate,
    Passed,
    Candidates,
}

/// A list's items (一本、二本 …分别为; 近三年…分别为).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Items {
    Tiers(Vec<Tier>),
    Years(Vec<i32>),
    /// The areas named before, in order (各市…分别为：临江市48.3%、白川市44.0%；特控线…分别为
    /// 17.1%、14.6%), each marked whether it is the one being read.
    Areas(Vec<bool>),
}

impl Items {
    fn len(&self) -> usize {
        match self {
            Items::Tiers(t) => t.len(),
            Items::Years(y) => y.len(),
            Items::Areas(a) => a.len(),
        }
    }
}

/// What a sentence has said so far.
struct Context {
    report_year: Option<i32>,
    year: Option<i32>,
    tier: Option<Tier>,
    subject: Subject,
    stream: bool,
    measure: Option<Measure>,
    recent: Option<u8>,
    list: Option<Items>,
    /// Whether a word for a rate has come (so that 达到15.5% is the rate reached).
    rate_said: bool,
    /// What the sentence compares with before its numbers (与去年相比，一本上线率↑0.6个百分点).
    compared_with: Option<What>,
    /// Whether the tier came from a sentence before (then a tier the sentence names later wins).
    tier_carried: bool,
    /// The places named in the sentence so far, in order, once each.
    areas_said: Vec<String>,
    /// The places named since the sentence's last number ("…45.0 percent, and Zibo and Yantai
    /// were next, at 44.6 and 44.1 percent").
    areas_since: Vec<String>,
    /// The tiers named in the sentence so far, in order, once each (全省一本上线率13.9%、二本
    /// 上线率44.6%，我市分别高出1.2个和2.5个百分点).
    tiers_said: Vec<Tier>,
    /// What the sentence's last figure was taken as ("1,104, or 18.1 percent": a share of those
    /// passing).
    last_taken: Option<Field>,
    /// The years named in the sentence so far, where they stand (2021年至2023年，…分别为).
    years_said: Vec<(i32, Span)>,
    /// A list's comparison and direction, for its later numbers (分别高于全省1.7和2.6个百分点).
    list_way: Option<(What, f64)>,
    /// Whether the sentence's first figure was the region's: then a clause after ； that
    /// names no area is the region's again, after a parenthesis about the province.
    region_first: Option<bool>,
    /// What the sentence's last difference was compared with ("Taiyuan led with 22.0 percent,
    /// up 0.7 points on last year, followed by Jincheng at 16.9 percent (up 0.2)").
    last_target: Option<What>,
}

impl Context {
    fn new(report_year: Option<i32>) -> Context {
        Context {
            report_year,
            year: report_year,
            tier: None,
            subject: Subject::Region,
            stream: false,
            measure: None,
            recent: None,
            list: None,
            rate_said: false,
            compared_with: None,
            years_said: Vec::new(),
            last_taken: None,
            areas_said: Vec::new(),
            tiers_said: Vec::new(),
            areas_since: Vec::new(),
            tier_carried: false,
            list_way: None,
            region_first: None,
            last_target: None,
        }
    }

    /// Takes in a mark that is not a comparison's target, noting the places named.
    fn hear_in(&mut self, m: &Mark, names: &Names, text: &str) {
        if names.places.iter().any(|p| p.span == m.span) {
            let name = m.span.of(text).to_string();
            if !self.areas_since.contains(&name) {
                self.areas_since.push(name.clone());
            }
            if !self.areas_said.contains(&name) {
                self.areas_said.push(name);
            }
        }
        self.hear_mark(m);
    }

    /// Takes in a mark that is not a comparison's target.
    fn hear_mark(&mut self, m: &Mark) {
        if let What::Year(y) = m.what {
            self.years_said.push((y, m.span));
        }
        self.hear(m.what);
    }

    /// Takes in a word that is not a comparison's target.
    fn hear(&mut self, what: What) {
        match what {
            What::Tier(t) => {
                self.tier = Some(t);
                self.tier_carried = false;
                if !self.tiers_said.contains(&t) {
                    self.tiers_said.push(t);
                }
            }
            What::Region => {
                self.subject = Subject::Region;
                self.stream = false;
            }
            What::Reference => self.subject = Subject::Reference,
            What::Elsewhere => self.subject = Subject::Elsewhere,
            What::Stream => self.stream = true,
            What::BothStreams => self.stream = false,
            What::ThisYear => self.year = self.report_year,
            What::LastYear => self.year = self.report_year.map(|y| y - 1),
            What::YearBefore => self.year = self.report_year.map(|y| y - 2),
            What::Year(y) => self.year = Some(y),
            What::Recent(n) => self.recent = Some(n),
            What::Rate => self.rate_said = true,
            _ => {}
        }
    }
}

/// Reads every sentence but those inside `skip` (tables, read on their own).
pub(super) fn read(doc: &Doc, names: &Names, skip: &[Span]) -> Reading {
    let mut r = Reading::default();
    let report_year = names.year.map(|y| y.0);
    // The tier named last in a paragraph, for a sentence that names none (…本科一批达线率为14.8%。
    // 分市看，太原市达线率为21.3%).
    let mut carried: Option<(usize, Tier)> = None;
    let only_tier = names.strict.then(|| only_rate_tier(doc, names)).flatten();
    let mut paragraph_year: Option<(usize, i32)> = None;
    for s in &doc.sentences {
        if skip.iter().any(|k| k.contains(s.span)) {
            continue;
        }
        let paragraph = block_of(doc, s.span.start);
        // "The rate was 6.5 points higher …": a sentence that goes on from the one before.
        let goes_on = doc.lang == Lang::En && {
            let t = s.span.of(doc.text).to_ascii_lowercase();
            ["the rate ", "that ", "this ", "it "].iter().any(|w| t.starts_with(w))
        };
        let paragraph = if goes_on { carried.map(|c| c.0).or(paragraph) } else { paragraph };
        // 2022年，全市…。普通高考参考考生…: a paragraph that opens with its year keeps it.
        let opening = doc.tokens_in(s.span).next().and_then(|t| match t.kind {
            Kind::Year(y) if doc.text[s.span.start..t.number.start].trim().chars().count() <= 3 => Some(y),
            _ => None,
        });
        match (opening, paragraph) {
            (Some(y), Some(p)) => paragraph_year = Some((p, y)),
            (None, _) => {}
            (Some(_), None) => paragraph_year = None,
        }
        let own_year = paragraph_year.filter(|py| Some(py.0) == paragraph).map(|py| py.1);
        let mut ctx = Context::new(report_year);
        if let Some(y) = own_year {
            ctx.year = Some(y);
        }
        if names.strict {
            ctx.subject = Subject::Elsewhere;
        }
        ctx.tier = carried.filter(|c| Some(c.0) == paragraph).map(|c| c.1);
        // One area of a province-wide story that names one tier and its pass rate (in its
        // first paragraph): every area's percentage is that rate of that tier.
        if let (true, Some(t)) = (names.strict, only_tier) {
            ctx.tier = Some(t);
            ctx.measure = Some(Measure::Rate);
            ctx.rate_said = true;
        }
        ctx.tier_carried = ctx.tier.is_some();
        for clause in &s.clauses {
            clause_figures(doc, names, s, *clause, &mut ctx, &mut r);
        }
        if let (Some(p), Some(t)) = (paragraph, ctx.tier) {
            carried = Some((p, t));
        }
    }
    r
}

/// The one tier a text names, when it names one only and says its rate.
fn only_rate_tier(doc: &Doc, names: &Names) -> Option<Tier> {
    let all = marks(doc, names, Span::new(0, doc.text.len()));
    let mut tiers = all.iter().filter_map(|m| match m.what {
        What::Tier(t) => Some(t),
        _ => None,
    });
    let first = tiers.next()?;
    let rate = all.iter().any(|m| m.what == What::Rate);
    (rate && tiers.all(|t| t == first)).then_some(first)
}

/// The block of lines (lines with no blank line between them: a paragraph, a list of bullets)
/// that holds `at`, as the index of its first line.
fn block_of(doc: &Doc, at: usize) -> Option<usize> {
    let line = doc.lines.iter().position(|l| l.start <= at && at <= l.end)?;
    let blank = |k: usize| doc.lines[k].of(doc.text).trim().is_empty();
    let mut first = line;
    while first > 0 && !blank(first - 1) {
        first -= 1;
    }
    Some(first)
}

/// The target of a comparison: what a mark is compared with, when a comparison word stands
/// right before it (比全省, 较去年, "above the provincial"), or 同比 by itself.
fn targets(doc: &Doc, marks: &[Mark]) -> Vec<bool> {
    let text = doc.text;
    marks
        .iter()
        .enumerate()
        .map(|(i, m)| match m.what {
            What::YearOnYear => true,
            What::Reference
            | What::LastYear
            | What::YearBefore
            | What::Year(_)
            | What::Elsewhere
            | What::Region
            | What::ThisYear => {
                // 与去年相比: compared with, whatever stands before it.
                let after = text[m.span.end..].trim_start();
                if ["相比", "比较", "相较"].iter().any(|w| after.starts_with(w)) {
                    return true;
                }
                // "level with last year", "unchanged from 2021": what 持平 is level with.
                let before = text[..m.span.start].trim_end().len();
                if doc.flat_ends_at(before) {
                    return true;
                }
                let Some(c) = marks[..i].iter().rev().find(|p| p.span.end <= m.span.start) else { return false };
                let compare = marks[..i].iter().rev().take_while(|p| p.span == c.span).any(|p| p.what == What::Compare);
                if !compare {
                    return false;
                }
                let gap = &text[c.span.end..m.span.start];
                match doc.lang {
                    Lang::Zh => gap.chars().count() <= 2,
                    Lang::En => gap.split_whitespace().count() <= 2 && !gap.contains([',', ';']),
                }
            }
            _ => false,
        })
        .collect()
}

/// A year token as a mark, so that 2018年 reads like 去年.
fn year_marks(tokens: &[(usize, &Token)], clause: Span) -> Vec<Mark> {
    tokens
        .iter()
        .map(|(_, t)| t)
        .filter(|t| clause.contains(t.whole))
        .filter_map(|t| match t.kind {
            Kind::Year(y) => Some(Mark { span: t.whole, what: What::Year(y) }),
            _ => None,
        })
        .collect()
}

fn ignore_reason(kind: Kind) -> Option<Reason> {
    match kind {
        Kind::Money => Some(Reason::Money),
        Kind::Schools => Some(Reason::Schools),
        Kind::Districts => Some(Reason::Districts),
        Kind::Score => Some(Reason::Score),
        Kind::Rank => Some(Reason::Rank),
        Kind::Counted => Some(Reason::OtherCount),
        Kind::Range => Some(Reason::Range),
        _ => None,
    }
}

/// The tokens of a clause, with their indices in the document.
fn clause_tokens<'a>(doc: &'a Doc, clause: Span) -> Vec<(usize, &'a Token)> {
    // Tokens are in text order: the clause's are one run of them.
    let first = doc.tokens.partition_point(|t| t.number.start < clause.start);
    doc.tokens.iter().enumerate().skip(first).take_while(|(_, t)| t.number.start < clause.end).collect()
}

/// Years, dates and counts of other things: noted or left out before the figures are read.
fn note_others(names: &Names, s: &Sentence, tokens: &[(usize, &Token)], r: &mut Reading) {
    for &(i, t) in tokens {
        match t.kind {
            Kind::Year(year) => r.years.push(YearSeen { number: t.whole, year, sentence: s.span, date: false }),
            Kind::Date(Some(year)) if names.year.is_some_and(|y| y.1 == i) => {
                r.years.push(YearSeen { number: t.whole, year, sentence: s.span, date: true })
            }
            Kind::Date(_) => r.ignored.push(Ignored { sentence: s.span, number: t.whole, reason: Reason::Date }),
            k => {
                if let Some(reason) = ignore_reason(k) {
                    r.ignored.push(Ignored { sentence: s.span, number: t.whole, reason });
                }
            }
        }
    }
}

/// "44.6 and 44.1 percent": numbers joined by "and" or commas, the unit written once on the
/// last: a list by its shape, in English, where "respectively" is often left out.
fn shaped_list(doc: &Doc, figures: &[Token]) -> bool {
    let Some((last, rest)) = figures.split_last() else { return false };
    let joined = figures.windows(2).all(|w| {
        let gap = doc.text[w[0].whole.end..w[1].number.start].trim().trim_start_matches(',').trim();
        gap.is_empty() || gap == "and"
    });
    doc.lang == Lang::En
        && joined
        && matches!(last.kind, Kind::Percent(_))
        && rest.iter().all(|t| matches!(t.kind, Kind::Bare(_, v) if v.decimals > 0))
}

/// 5872、17579人 in a list: the unit written once, on the last number, is every number's.
fn share_list_unit(figures: &mut [Token]) {
    let Some(last) = figures.last().map(|t| t.kind) else { return };
    if matches!(last, Kind::Bare(..)) {
        return;
    }
    for f in figures.iter_mut() {
        if let Kind::Bare(count, value) = f.kind {
            f.kind = match last {
                Kind::Percent(_) => Kind::Percent(value),
                Kind::Points(_) => Kind::Points(value),
                Kind::People(_) => Kind::People(count),
                other => other,
            };
        }
    }
}

/// One clause as read: its numbers, the words marked in it and which of them are targets of
/// a comparison.
struct Clause<'a> {
    doc: &'a Doc<'a>,
    names: &'a Names,
    s: &'a Sentence,
    span: Span,
    /// Every token but a year: they bound the lead and tail of their neighbours.
    bounds: Vec<&'a Token>,
    marks: Vec<Mark>,
    target: Vec<bool>,
    figures: Vec<Token>,
    /// Whether the clause lists its numbers (分别为, "respectively").
    listed: bool,
}

/// What the reading of a clause carries from one number to the next.
#[derive(Default)]
struct Walk {
    /// Marks before this offset have been heard.
    heard: usize,
    items: Option<Items>,
    list_quote_start: Option<usize>,
    last_field: Option<Field>,
}

fn clause_figures(doc: &Doc, names: &Names, s: &Sentence, clause: Span, ctx: &mut Context, r: &mut Reading) {
    // …全省一本达线率为14.2%；二本达线12,734人: after ；, the sentence's own area again.
    let after_semicolon = doc.text[..clause.start].trim_end().ends_with(['；', ';']);
    if after_semicolon && ctx.region_first == Some(true) && ctx.subject == Subject::Reference {
        ctx.subject = Subject::Region;
    }
    let tokens = clause_tokens(doc, clause);
    note_others(names, s, &tokens, r);
    let bounds: Vec<&Token> = tokens.iter().map(|(_, t)| *t).filter(|t| !matches!(t.kind, Kind::Year(_))).collect();
    let mut all = marks(doc, names, clause);
    all.extend(year_marks(&tokens, clause));
    all.sort_by_key(|m| (m.span.start, m.span.end));
    let target = targets(doc, &all);
    let mut figures: Vec<Token> = bounds.iter().filter(|t| t.is_figure()).map(|t| **t).collect();
    // A list: 一本、二本上线人数分别为2860人和9933人.
    // (临江市48.3%、白川市44.0%: each number after its own area is no list.)
    let mut from = clause.start;
    let paired = figures.iter().all(|f| {
        let named = names.places.iter().any(|p| p.span.start >= from && p.span.end <= f.number.start);
        from = f.whole.end;
        named
    });
    let listed = figures.len() >= 2
        && (all.iter().any(|m| m.what == What::Respectively) || (names.strict && shaped_list(doc, &figures)))
        && !paired;
    if listed {
        share_list_unit(&mut figures);
    }
    let c = Clause { doc, names, s, span: clause, bounds, marks: all, target, figures, listed };
    let mut walk = Walk { heard: clause.start, ..Walk::default() };
    for k in 0..c.figures.len() {
        if !c.figure(k, ctx, &mut walk, r) {
            return;
        }
    }
    for (m, is_target) in c.marks.iter().zip(&c.target) {
        if m.span.start >= walk.heard {
            note_compared(doc.text, ctx, m, *is_target);
            if !is_target {
                ctx.hear_in(m, names, doc.text);
            }
        }
    }
}

/// 与去年相比: what the sentence's later differences are compared with.
fn note_compared(text: &str, ctx: &mut Context, m: &Mark, is_target: bool) {
    let rest = text[m.span.end..].trim_start();
    if is_target && ["相比", "比较", "相较"].iter().any(|w| rest.starts_with(w)) {
        ctx.compared_with = Some(m.what);
    }
}

impl Clause<'_> {
    /// The marks inside `span`, each with whether it is a comparison's target.
    fn marks_in(&self, span: Span) -> Vec<(Mark, bool)> {
        self.marks.iter().zip(&self.target).filter(|(m, _)| span.contains(m.span)).map(|(m, t)| (*m, *t)).collect()
    }

    /// The lead (from the number before) and the tail (to the number after) of `t`.
    fn lead_and_tail(&self, t: &Token) -> (Span, Span) {
        let clause = self.span;
        let lead_start =
            self.bounds.iter().filter(|b| b.whole.end <= t.number.start).map(|b| b.whole.end).max().unwrap_or(0);
        let lead_start = lead_start.max(clause.start);
        let tail_end = self.bounds.iter().filter(|b| b.number.start >= t.whole.end).map(|b| b.number.start).min();
        let tail_end = tail_end.unwrap_or(clause.end).min(clause.end);
        (Span::new(lead_start, t.number.start), Span::new(t.number.end.min(tail_end), tail_end))
    }

    /// Reads the `k`th number of the clause; `false` when the clause's list does not pair up
    /// and nothing more of it is read.
    fn figure(&self, k: usize, ctx: &mut Context, walk: &mut Walk, r: &mut Reading) -> bool {
        let t = &self.figures[k];
        let (lead, tail) = self.lead_and_tail(t);
        for (m, is_target) in self.marks.iter().zip(&self.target) {
            if m.span.start >= walk.heard && m.span.end <= t.number.start && !is_target {
                ctx.hear_in(m, self.names, self.doc.text);
            }
        }
        for (m, is_target) in self.marks.iter().zip(&self.target) {
            if m.span.start >= walk.heard && m.span.end <= t.number.start {
                note_compared(self.doc.text, ctx, m, *is_target);
            }
        }
        walk.heard = walk.heard.max(t.whole.end);
        // "… below the provincial average of 15.1% but up 1.1 points": back to the region.
        if self.doc.lang == Lang::En && ctx.region_first == Some(true) && lead.of(self.doc.text).contains("but ") {
            ctx.subject = Subject::Region;
        }
        let lead_marks = self.marks_in(lead);
        let tail_marks = self.marks_in(tail);
        if self.listed && k == 0 {
            walk.items = self.list_items(t.number.start, ctx);
            match &walk.items {
                Some(it) if it.len() == self.figures.len() => ctx.list = Some(it.clone()),
                _ => {
                    for f in &self.figures {
                        r.ignored.push(Ignored {
                            sentence: self.s.span,
                            number: f.whole,
                            reason: Reason::ListMismatch,
                        });
                    }
                    return false;
                }
            }
        }
        let (item_tier, item_year) = match &walk.items {
            Some(Items::Tiers(ts)) => (ts.get(k).copied(), None),
            Some(Items::Years(ys)) => (None, ys.get(k).copied()),
            Some(Items::Areas(own)) => {
                ctx.subject = if own.get(k) == Some(&true) { Subject::Region } else { Subject::Elsewhere };
                (None, None)
            }
            None => (None, None),
        };
        // The tier: named in the lead, else in the tail, else the sentence's.
        let tier_of = |m: &(Mark, bool)| match m.0.what {
            What::Tier(t) => Some(t),
            _ => None,
        };
        let lead_tier = lead_marks.iter().rev().find_map(tier_of);
        let tail_tier = tail_marks.iter().find_map(tier_of);
        // "1,104, or 18.1 percent, reached the tier-one line": English names the tier after.
        let later_tier = || {
            let rest = Span::new(t.whole.end, self.s.span.end);
            marks(self.doc, self.names, rest).into_iter().find_map(|m| match m.what {
                What::Tier(t) => Some(t),
                _ => None,
            })
        };
        let own = ctx.tier.filter(|_| !ctx.tier_carried);
        let tier = item_tier.or(lead_tier).or(tail_tier).or(own);
        let tier = match (tier, self.doc.lang) {
            (None, Lang::En) => later_tier().or(ctx.tier),
            (None, Lang::Zh) => ctx.tier,
            (t, _) => t,
        };
        if item_tier.is_none() && tier.is_some() && tier != ctx.tier {
            ctx.tier = tier;
            ctx.tier_carried = false;
        }
        let year = item_year.or(ctx.year);
        let read = Around {
            doc: self.doc,
            t,
            lead,
            tail,
            lead_marks: &lead_marks,
            tail_marks: &tail_marks,
            last_field: walk.last_field,
            rate_before: ctx.rate_said,
        };
        let target = read.target().filter(|_| matches!(t.kind, Kind::Points(_) | Kind::Flat));
        let decided = read.decide(ctx, tier, year);
        if target.is_some() {
            ctx.last_target = target;
        }
        match decided {
            Ok(decided) => self.take(&read, decided, tier, ctx, walk, r),
            Err(reason) => {
                // 太原市达线率为21.3%，大同市为12.6%: what another area's number measured, the
                // next number measures too.
                if matches!(reason, Reason::OtherArea | Reason::ReferenceFigure) && matches!(t.kind, Kind::Percent(_)) {
                    ctx.measure = Some(Measure::Rate);
                }
                walk.last_field = None;
                r.ignored.push(Ignored { sentence: self.s.span, number: t.whole, reason });
            }
        }
        ctx.areas_since.clear();
        true
    }

    /// A number decided to be a figure: remembered by the sentence and found, with its quote.
    fn take(
        &self,
        read: &Around,
        (field, value, year, from_tail): (Field, Value, i32, bool),
        tier: Option<Tier>,
        ctx: &mut Context,
        walk: &mut Walk,
        r: &mut Reading,
    ) {
        let text = self.doc.text;
        let t = read.t;
        ctx.measure = match field {
            Field::Rate | Field::ReferenceRate => Some(Measure::Rate),
            Field::Passed => Some(Measure::Passed),
            Field::Candidates => Some(Measure::Candidates),
            _ => ctx.measure,
        };
        walk.last_field = Some(field);
        ctx.last_taken = Some(field);
        ctx.region_first.get_or_insert(field != Field::ReferenceRate && ctx.subject == Subject::Region);
        if field == Field::VsPreviousYear {
            if let Some(m) = read.target_mark().filter(|m| matches!(m.what, What::Year(_))) {
                r.compared.push(m.span);
            }
        }
        if self.listed && matches!(field, Field::VsReference | Field::VsPreviousYear) {
            let said = match field {
                Field::VsReference => What::Reference,
                _ => What::LastYear,
            };
            if let (Some(target), Some(way)) = (read.target().or(ctx.compared_with).or(Some(said)), read.direction()) {
                ctx.list_way = Some((target, way));
            }
        }
        let mut quote = read.quote(from_tail, self.listed);
        if self.listed {
            let start = *walk.list_quote_start.get_or_insert(quote.start);
            let last = self.figures.last().map_or(t.whole, |l| l.whole);
            let end =
                if self.doc.lang == Lang::En { read.cut_tail(Span::new(last.end, self.span.end)) } else { last.end };
            quote = tidy(text, Span::new(start, end));
        }
        if quote.of(text).chars().count() > passrate_chart::load::MAX_QUOTE {
            quote = t.whole;
        }
        let tier = if field == Field::Candidates { None } else { tier };
        r.found.push(Found { area: None, year, tier, field, value, number: t.whole, quote, sentence: self.s.span });
    }
}

/// The years `from` to `to` when the text between their marks `a` and `b` makes them a
/// range (2021年至2023年, "2019 to 2021").
fn range(text: &str, (from, a): (i32, Span), (to, b): (i32, Span)) -> Option<Items> {
    let ranged =
        a.end <= b.start && ["至", "到", "-", "—", "–", "~", "to", "through"].contains(&text[a.end..b.start].trim());
    (ranged && to > from && to - from < 10).then(|| Items::Years((from..=to).collect()))
}

impl Clause<'_> {
    /// The items a list's numbers belong to, in order: the tiers or years named before its
    /// first number (a range of years in full), the years or areas named earlier in the
    /// sentence, the years of 近三年 (oldest first, as reports list them), or the sentence's
    /// last list.
    fn list_items(&self, first: usize, ctx: &Context) -> Option<Items> {
        let text = self.doc.text;
        let before = self
            .marks
            .iter()
            .zip(&self.target)
            .filter(|(m, t)| m.span.end <= first && !**t && self.span.contains(m.span));
        let mut tiers: Vec<Tier> = Vec::new();
        let mut years: Vec<(i32, Span)> = Vec::new();
        for (m, _) in before {
            match m.what {
                What::Tier(t) if tiers.last() != Some(&t) => tiers.push(t),
                What::Year(y) if years.last().map(|l| l.0) != Some(y) => years.push((y, m.span)),
                _ => {}
            }
        }
        if tiers.len() >= 2 {
            return Some(Items::Tiers(tiers));
        }
        if let [from, to] = years[..] {
            if let Some(r) = range(text, from, to) {
                return Some(r);
            }
        }
        if years.len() >= 2 {
            return Some(Items::Years(years.iter().map(|y| y.0).collect()));
        }
        // The years named earlier in the sentence, in a clause of their own.
        if let [from, to] = ctx.years_said[..] {
            if let Some(r) = range(text, from, to) {
                return Some(r);
            }
        }
        // Reading one area of many: the k-th number is the k-th area named before (since the
        // sentence's last number, or in the whole sentence).
        if self.names.strict {
            let region = self.names.region.as_deref().unwrap_or_default();
            let n = self.figures.len();
            let areas = [&ctx.areas_since, &ctx.areas_said].into_iter().find(|a| a.len() == n);
            if let Some(areas) = areas {
                return Some(Items::Areas(areas.iter().map(|a| same_area(a, region)).collect()));
            }
        }
        // A list of the tiers the sentence named in its clauses before.
        if tiers.is_empty() && ctx.tiers_said.len() >= 2 && ctx.tiers_said.len() == self.figures.len() {
            return Some(Items::Tiers(ctx.tiers_said.clone()));
        }
        if let (Some(n), Some(y)) = (ctx.recent, ctx.year) {
            return Some(Items::Years((0..n as i32).rev().map(|k| y - k).collect()));
        }
        ctx.list.clone()
    }
}

/// The words around one number, and what they make of it.
struct Around<'a> {
    doc: &'a Doc<'a>,
    t: &'a Token,
    lead: Span,
    tail: Span,
    lead_marks: &'a [(Mark, bool)],
    tail_marks: &'a [(Mark, bool)],
    /// What the number before it in the clause was taken as.
    last_field: Option<Field>,
    /// Whether a word for a rate comes before it in the sentence.
    rate_before: bool,
}

/// A figure: its field, its value, its year, and whether its tail says what it is.
type Decided = Result<(Field, Value, i32, bool), Reason>;

impl Around<'_> {
    fn has(&self, what: What) -> (bool, bool) {
        let lead = self.lead_marks.iter().any(|(m, _)| m.what == what);
        let tail = self.tail_marks.iter().any(|(m, _)| m.what == what);
        (lead, tail)
    }

    /// What a difference is compared with: in Chinese the lead says it (高于全省0.7个百分点),
    /// in English mostly the tail ("0.7 points above the provincial rate").
    fn target(&self) -> Option<What> {
        self.target_mark().map(|m| m.what)
    }

    fn target_mark(&self) -> Option<Mark> {
        let lead = self.lead_marks.iter().rev().find(|(_, t)| *t).map(|(m, _)| *m);
        let tail = self.tail_marks.iter().find(|(_, t)| *t).map(|(m, _)| *m);
        match self.doc.lang {
            Lang::Zh => lead.or(tail),
            Lang::En => tail.or(lead),
        }
    }

    /// Which way a difference goes: +1 or −1.
    fn direction(&self) -> Option<f64> {
        let way = |m: &Mark| match m.what {
            What::Up => Some(1.0),
            What::Down => Some(-1.0),
            _ => None,
        };
        let lead = self.lead_marks.iter().rev().find_map(|(m, _)| way(m));
        let tail = self.tail_marks.iter().find_map(|(m, _)| way(m));
        let found = match self.doc.lang {
            Lang::Zh => lead.or(tail),
            Lang::En => tail.or(lead),
        };
        found.or(self.t.sign.map(|up| if up { 1.0 } else { -1.0 }))
    }

    /// Whether the lead says nothing but "is" (为, 和, "was") beside names of tiers, areas and
    /// years, or what they are compared with (较去年的): then the number measures what the one
    /// before it measured.
    fn plain_lead(&self) -> bool {
        let text = self.doc.text;
        let allowed = |w: What| {
            matches!(
                w,
                What::Tier(_)
                    | What::Region
                    | What::Reference
                    | What::Elsewhere
                    | What::ThisYear
                    | What::LastYear
                    | What::YearBefore
                    | What::Year(_)
                    | What::Respectively
                    | What::Recent(_)
                    | What::Compare
                    | What::YearOnYear
            )
        };
        // 分县区看：汾川区61.3%: a heading for the list that follows; the lead starts past it.
        let lead = self.lead.of(text);
        let heading = ["分县区看", "分县（市、区）看", "分县（区）看", "分市看", "分县看", "分区看", "具体来看"]
            .iter()
            .filter(|_| self.doc.lang == Lang::Zh)
            .filter_map(|w| lead.find(w).map(|k| k + w.len()))
            .max();
        let from = self.lead.start + heading.unwrap_or(0);
        let marks = self.lead_marks.iter().filter(|(m, _)| m.span.start >= from);
        // 高于全省的14.8%: higher than what the rate is, then; 提高2% stays a change.
        let fits = self
            .lead_marks
            .iter()
            .enumerate()
            .filter(|(_, (m, _))| m.span.start >= from)
            .all(|(i, (m, _))| allowed(m.what) || (matches!(m.what, What::Up | What::Down) && self.than(i)));
        if !fits {
            return false;
        }
        let mut rest = String::new();
        let mut at = from;
        for (m, _) in marks {
            if m.span.start >= at {
                rest.push_str(&text[at..m.span.start]);
                rest.push(' ');
                at = m.span.end;
            }
        }
        rest.push_str(&text[at..self.lead.end]);
        match self.doc.lang {
            Lang::Zh => rest
                .chars()
                .all(|c| c.is_whitespace() || c.is_ascii_punctuation() || "为是达到了和及与、的（(：".contains(c)),
            Lang::En => rest.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()).all(|w| {
                [
                    "was", "were", "is", "are", "and", "in", "the", "for", "of", "at", "it", "stood", "with", "to",
                    "led", "followed", "by", "posted", "recorded", "its", "a", "topped", "list", "came", "second",
                    "third", "next", "trailed", "ranked", "lowest", "highest",
                ]
                .contains(&w.to_ascii_lowercase().as_str())
            }),
        }
    }

    fn decide(&self, ctx: &Context, tier: Option<Tier>, year: Option<i32>) -> Decided {
        let t = self.t;
        if t.approx {
            return Err(Reason::Approximate);
        }
        if ctx.stream {
            return Err(Reason::Stream);
        }
        match t.kind {
            Kind::Percent(v) => self.rate(ctx, tier, year, v),
            Kind::Points(v) => self.difference(ctx, tier, year, v),
            Kind::Flat => self.difference(ctx, tier, year, Stated::written(0.0, 0)),
            Kind::People(n) => self.count(ctx, tier, year, n, true),
            Kind::Bare(_, v) if self.bracketed_change() => self.difference(ctx, tier, year, v),
            Kind::Bare(n, _) => self.count(ctx, tier, year, n, false),
            _ => Err(Reason::Unclear),
        }
    }

    fn rate(&self, ctx: &Context, tier: Option<Tier>, year: Option<i32>, v: Stated) -> Decided {
        // 一本上线人数占全省的7.4%: a share of an area's total, not a rate.
        let share_of_area = self
            .lead_marks
            .iter()
            .skip_while(|(m, _)| m.what != What::Share)
            .any(|(m, _)| matches!(m.what, What::Reference | What::Elsewhere | What::Region));
        if share_of_area {
            return Err(Reason::NotPassRate);
        }
        let (rate_lead, rate_tail) = self.has(What::Rate);
        let (share_lead, share_tail) = self.has(What::Share);
        let english_tail = self.doc.lang == Lang::En && (rate_tail || share_tail);
        // 5,872 passed (15.5%): a share right after a count of those who passed.
        let bracket =
            self.last_field == Some(Field::Passed) && self.lead.of(self.doc.text).trim_end().ends_with(['(', '（']);
        // "1,104, or 18.1 percent,": the share of those just counted.
        let appositive = self.doc.lang == Lang::En
            && ctx.last_taken == Some(Field::Passed)
            && self.lead.of(self.doc.text).trim().eq_ignore_ascii_case("or");
        let bracket = bracket || appositive;
        // 太原市一本达线率最高，为21.8%: the rate named, then its value.
        let carried =
            (ctx.measure == Some(Measure::Rate) || (ctx.measure.is_none() && ctx.rate_said)) && self.plain_lead();
        let reached = self.reached().is_some();
        // "The rate reached 50.3 percent, up from 48.9 percent last year": where it rose from.
        let started = self.doc.lang == Lang::En
            && ctx.last_taken == Some(Field::Rate)
            && ends_with_word(self.lead.of(self.doc.text).trim_end(), "from");
        if !(rate_lead || share_lead || english_tail || bracket || carried || reached || started) {
            return Err(Reason::NotPassRate);
        }
        // 上线率提高了2%: a change, in per cent.
        let last_rate = self.lead_marks.iter().rposition(|(m, _)| matches!(m.what, What::Rate | What::Share));
        // (the rise right before the number: "has risen for three years: it was 12.7%" is not one)
        let text = self.doc.text;
        let near = |m: &Mark| {
            let gap = &text[m.span.end..self.t.number.start];
            match self.doc.lang {
                Lang::Zh => gap.chars().count() <= 3,
                Lang::En => gap.split_whitespace().count() <= 2,
            }
        };
        let moved = self.lead_marks.iter().enumerate().any(|(i, (m, _))| {
            // (高于全省的14.8%: higher than the province, whose rate this is)
            matches!(m.what, What::Up | What::Down) && Some(i) > last_rate && near(m) && !self.than(i)
        });
        if moved && self.reached().is_none() && !started {
            return Err(Reason::PercentChange);
        }
        tier.ok_or(Reason::NoTier)?;
        let mut year = year.ok_or(Reason::NoYear)?;
        let mut subject = ctx.subject;
        // 较去年的15.1%, 全省的14.8%: the rate of what it is compared with (but "rose 0.4
        // points year on year to 15.5%" reaches this year's).
        let lead_mark = self.lead_marks.iter().rev().find(|(_, t)| *t).map(|(m, _)| *m).filter(|_| !reached);
        // "level with last year at 45.6 percent": the year right after a change is the
        // change's, not the rate's.
        let changes_year = lead_mark.is_some_and(|m| {
            self.doc.text[self.lead.start..m.span.start].trim().is_empty() && self.doc.flat_ends_at(self.lead.start)
        });
        let lead_target = lead_mark.map(|m| m.what).filter(|_| !changes_year);
        match lead_target {
            Some(What::LastYear) => year -= 1,
            Some(What::YearBefore) => year -= 2,
            Some(What::Year(y)) => year = y,
            Some(What::Reference) => subject = Subject::Reference,
            Some(What::Elsewhere) => subject = Subject::Elsewhere,
            _ => {}
        }
        // "15.1% last year", "13.8% in 2018": in English the year follows its number, and wins
        // over a year the lead gave the number before ("up from 48.9 percent last year and
        // from 41.2 percent in 2019").
        // ("the provincial rate of 14.8 percent in 2022": the province's, of 2022)
        if self.doc.lang == Lang::En {
            match self.tail_marks.first().map(|(m, _)| m.what) {
                Some(What::LastYear) => year = ctx.report_year.ok_or(Reason::NoYear)? - 1,
                Some(What::Year(y)) => year = y,
                _ => {}
            }
        }
        let field = match subject {
            Subject::Region => Field::Rate,
            Subject::Reference => Field::ReferenceRate,
            Subject::Elsewhere => return Err(Reason::OtherArea),
        };
        Ok((field, Value::Number(v), year, false))
    }

    /// Whether the lead's `i`th mark is followed by what it compares with (高于|全省的14.8%).
    fn than(&self, i: usize) -> bool {
        self.lead_marks.get(i + 1).is_some_and(|(_, target)| *target)
    }

    /// The clause's words before the number (past other numbers).
    fn lead_clause(&self) -> &str {
        let text = self.doc.text;
        let start = text[..self.t.number.start].rfind(['，', '；', '。', ',', ';', '\n']).map_or(0, |k| k + 1);
        let start = (start..=self.t.number.start).find(|&k| text.is_char_boundary(k)).unwrap_or(self.t.number.start);
        &text[start..self.t.number.start]
    }

    /// "16.9 percent (up 0.2)": a bare decimal in brackets right after up or down, in English,
    /// is a change in points of the rate before it.
    fn bracketed_change(&self) -> bool {
        let Kind::Bare(_, v) = self.t.kind else {
            return false;
        };
        let lead = self.lead.of(self.doc.text).trim_end().to_ascii_lowercase();
        self.doc.lang == Lang::En
            && v.decimals > 0
            && (lead.ends_with("(up") || lead.ends_with("(down"))
            && self.doc.text[self.t.whole.end..].starts_with(')')
            && self.last_field == Some(Field::Rate)
    }

    /// Where the word stands that leads a rate to its new value: 达线率比上年提高0.4个百分点，
    /// 达到15.5%; "the pass rate rose 0.4 points to 15.5%".
    fn reached(&self) -> Option<usize> {
        if !self.rate_before || !matches!(self.t.kind, Kind::Percent(_)) {
            return None;
        }
        let lead = self.lead.of(self.doc.text).trim_end();
        // 由2022年的45.9%升至2023年的47.6%: the year of the new value stands between.
        let bare = lead.strip_suffix('的').unwrap_or(lead);
        let bare = match bare.strip_suffix('年') {
            Some(b) if b.len() >= 4 && b.get(b.len() - 4..).is_some_and(|y| y.bytes().all(|c| c.is_ascii_digit())) => {
                &b[..b.len() - 4]
            }
            _ => lead,
        };
        let word = ["达到", "至", "到"].iter().find(|w| bare.ends_with(*w)).map(|w| w.len());
        let word = word.or_else(|| ends_with_word(bare, "to").then_some(2))?;
        Some(self.lead.start + bare.len() - word)
    }

    fn difference(&self, ctx: &Context, tier: Option<Tier>, year: Option<i32>, v: Stated) -> Decided {
        let year = year.ok_or(Reason::NoYear)?;
        let listed_way = ctx.list.as_ref().and(ctx.list_way);
        // "level with last year": what 持平 is level with follows it.
        let flat_with = (self.t.kind == Kind::Flat)
            .then(|| {
                self.tail_marks
                    .iter()
                    .map(|(m, _)| m.what)
                    .find(|w| matches!(w, What::LastYear | What::YearOnYear | What::Reference | What::Year(_)))
            })
            .flatten();
        // 全省一本上线率13.9%，我市高出1.2个百分点: after the province's rate, the region named
        // again is above or below that rate.
        let after_reference = (self.doc.lang == Lang::Zh
            && ctx.last_taken == Some(Field::ReferenceRate)
            && self.lead_marks.iter().any(|(m, _)| m.what == What::Region))
        .then_some(What::Reference);
        // "(up 0.2)" after a rate, "…rose 1.3 points on last year, while Handan slipped 0.4
        // points": compared with what the sentence's last difference was.
        let parallel = self.doc.lang == Lang::En && {
            let lead = self.lead.of(self.doc.text).to_ascii_lowercase();
            lead.contains("while ") || lead.contains("whereas ")
        };
        let bracketed = (self.bracketed_change() || parallel).then_some(ctx.last_target).flatten();
        let field = match self
            .target()
            .or(ctx.compared_with)
            .or(listed_way.map(|w| w.0))
            .or(flat_with)
            .or(after_reference)
            .or(bracketed)
        {
            Some(What::Reference) => Field::VsReference,
            Some(What::LastYear) | Some(What::YearOnYear) => Field::VsPreviousYear,
            Some(What::Year(y)) if y == year - 1 => Field::VsPreviousYear,
            Some(_) => return Err(Reason::OtherComparison),
            None => return Err(Reason::NoComparison),
        };
        match ctx.subject {
            Subject::Region => {}
            Subject::Reference => return Err(Reason::ReferenceFigure),
            Subject::Elsewhere => return Err(Reason::OtherArea),
        }
        if tier.is_none() {
            return Err(Reason::NoTier);
        }
        let way = match self.t.kind {
            Kind::Flat => 1.0,
            _ => self.direction().or(listed_way.map(|w| w.1)).ok_or(Reason::NoDirection)?,
        };
        let value = Stated::written(way * v.value.abs(), v.decimals);
        Ok((field, Value::Number(value), year, false))
    }

    /// A count of something else than those who sat or passed: a rank, a score band, a part of
    /// the candidates, those admitted.
    fn not_a_pass_count(&self) -> Option<Reason> {
        // 有5名考生进入全省前100名: how many reached a rank, not how many sat or passed.
        let tail = self.tail.of(self.doc.text);
        if self.doc.lang == Lang::Zh && (tail.contains("进入") || tail.trim_end().ends_with('前')) {
            return Some(Reason::Rank);
        }
        // 600分以上1,203人, "312 students scored 650 or higher": those above a score.
        let lead = self.doc.text[..self.t.number.start].trim_end();
        let band = match self.doc.lang {
            // 600分以上1,203人; 600分以上考生由2019年的213人增至今年的655人
            Lang::Zh => {
                ["分以上", "分及以上", "分以上的", "分以上考生"].iter().any(|w| lead.ends_with(w))
                    || ["分以上", "分及以上"].iter().any(|w| self.lead.of(self.doc.text).contains(w))
                    || self.lead_clause().contains("分以上")
            }
            Lang::En => {
                // (but "scored above the special-type cutoff" passed a line)
                let rest = &self.doc.text[self.t.whole.end..];
                let rest = rest.trim_start().to_ascii_lowercase();
                let rest = rest.strip_prefix("students").or_else(|| rest.strip_prefix("candidates")).unwrap_or(&rest);
                let rest = rest.trim_start();
                let rest = rest.strip_prefix("of them").unwrap_or(rest);
                ["scored", "had scores of", "achieved scores of"].iter().any(|w| {
                    rest.trim_start().strip_prefix(w).is_some_and(|r| {
                        let r = r.trim_start();
                        let r =
                            ["above ", "over ", "at least ", "of "].iter().find_map(|p| r.strip_prefix(p)).unwrap_or(r);
                        r.starts_with(|c: char| c.is_ascii_digit())
                    })
                })
            }
        };
        if band {
            return Some(Reason::ScoreBand);
        }
        // 含复读考生4,126人: a part of the candidates, not all of them.
        if self.doc.lang == Lang::Zh
            && ["复读考生", "复读生", "往届生", "往届考生", "应届生", "应届考生"].iter().any(|w| lead.ends_with(w))
        {
            return Some(Reason::OtherCount);
        }
        // 11,236名考生被各类高校录取: admitted, not sitting or passing.
        if self.doc.lang == Lang::Zh && tail.contains("录取") && !tail.contains("线") {
            return Some(Reason::OtherCount);
        }
        None
    }

    fn count(&self, ctx: &Context, tier: Option<Tier>, year: Option<i32>, n: Option<u64>, unit: bool) -> Decided {
        let (pass_lead, pass_tail) = self.has(What::Pass);
        let (cand_lead, cand_tail) = self.has(What::Candidates);
        let (reg_lead, reg_tail) = self.has(What::Registered);
        let plain = self.plain_lead();
        if let Some(reason) = self.not_a_pass_count() {
            return Err(reason);
        }

        // 全市共有12088名考生参加高考: when the lead says passing and the tail says sitting, the
        // word nearer the number says what it counts.
        let (pass_lead, pass_tail) = match (self.nearest_lead(What::Pass), self.first_tail(What::Candidates)) {
            (Some(p), Some(c))
                if !cand_lead && !pass_tail && c.saturating_sub(self.t.whole.end) < self.lead.end - p =>
            {
                (false, false)
            }
            _ => (pass_lead, pass_tail),
        };
        // 全市12,088名考生中一本上线1,830人: both words follow the number, the nearer is its own
        // (the other leads to the next number).
        let (pass_tail, cand_tail) = match (self.first_tail(What::Pass), self.first_tail(What::Candidates)) {
            (Some(p), Some(c)) if self.doc.lang == Lang::Zh && pass_tail && cand_tail => (p < c, c < p),
            _ => (pass_tail, cand_tail),
        };
        // "3,118 of the 22,113 candidates who sat the exam cleared the line": the whole after
        // "of" sat, the part before it passed.
        let lead_text = self.lead.of(self.doc.text).trim_end();
        let whole = self.doc.lang == Lang::En
            && (ends_with_word(lead_text, "of the") || ends_with_word(lead_text, "of"))
            && (cand_tail || unit);
        let part = self.doc.lang == Lang::En && {
            let after = self.tail.of(self.doc.text).trim().to_ascii_lowercase();
            (after.starts_with("of the") || after == "of") && self.pass_after()
        };
        // "The tier-two line was cleared by 14,201 students": passed, said in the passive.
        let passive = self.doc.lang == Lang::En
            && ends_with_word(lead_text, "by")
            && self.lead_marks.iter().any(|(m, _)| m.what == What::Pass);
        let (pass_lead, pass_tail, cand_tail) = match (whole, part, passive) {
            (true, _, _) => (false, false, true),
            (_, true, _) => (false, true, false),
            (_, _, true) => (true, false, false),
            _ => (pass_lead, pass_tail, cand_tail),
        };
        // "1,104, or 18.1 percent, reached …", "3,262 (53.6%) reached …": passing is said after.
        // ("Some 27,542 students, or 53.6 percent, cleared …": "students" is only the unit.)
        let unit_only = self
            .tail_marks
            .iter()
            .filter(|(m, _)| m.what == What::Candidates)
            .all(|(m, _)| self.t.whole.contains(m.span));
        let aside = self.doc.lang == Lang::En
            && !(pass_lead || pass_tail || cand_lead || (cand_tail && !unit_only))
            && self.doc.text[self.t.whole.end..].trim_start().starts_with([',', '('])
            && self.pass_after();
        let pass_tail = pass_tail || aside;
        let cand_tail = cand_tail && !aside;
        // 实际参加考试考生22,415人（报名人数为23,067人）: the sitting word is nearer.
        let reg_tail = reg_tail
            && !(cand_lead
                && !reg_lead
                && self.nearest_lead(What::Candidates).is_some_and(|c| c == self.lead.end)
                && self.first_tail(What::Registered).is_some_and(|r| r > self.t.whole.end));
        let measure = if pass_lead || pass_tail {
            Measure::Passed
        } else if reg_lead || reg_tail {
            return Err(Reason::Registered);
        } else if cand_lead || cand_tail {
            Measure::Candidates
        } else if plain
            && (unit || self.doc.lang == Lang::En)
            && matches!(ctx.measure, Some(Measure::Passed | Measure::Candidates))
        {
            ctx.measure.unwrap_or(Measure::Passed)
        } else {
            return Err(Reason::Unclear);
        };
        let from_tail = match measure {
            Measure::Passed => !pass_lead,
            _ => !cand_lead,
        };
        let n = n.ok_or(Reason::NotWhole)?;
        match ctx.subject {
            Subject::Region => {}
            Subject::Reference => return Err(Reason::ReferenceFigure),
            Subject::Elsewhere => return Err(Reason::OtherArea),
        }
        let year = year.ok_or(Reason::NoYear)?;
        match measure {
            Measure::Passed => {
                tier.ok_or(Reason::NoTier)?;
                Ok((Field::Passed, Value::Count(n), year, from_tail))
            }
            _ => Ok((Field::Candidates, Value::Count(n), year, from_tail)),
        }
    }

    /// Whether the sentence says passing after the number ("… of the 22,113 candidates who sat
    /// the exam cleared the line").
    fn pass_after(&self) -> bool {
        let rest = &self.doc.text[self.t.whole.end..];
        let end = [". ", ";", "\n"].iter().filter_map(|w| rest.find(w)).min().unwrap_or(rest.len());
        let rest = rest[..end].to_ascii_lowercase();
        ["passed", "cleared", "scored above", "reached", "made the"].iter().any(|w| rest.contains(w))
    }

    /// Where the last `what` of the lead ends.
    fn nearest_lead(&self, what: What) -> Option<usize> {
        self.lead_marks.iter().filter(|(m, _)| m.what == what).map(|(m, _)| m.span.end).max()
    }

    /// Where the first `what` of the tail starts.
    fn first_tail(&self, what: What) -> Option<usize> {
        self.tail_marks.iter().filter(|(m, _)| m.what == what).map(|(m, _)| m.span.start).min()
    }

    /// The clause that states the number: from the start of its lead (past 其中, 并, "and")
    /// to its unit, or through its tail when the tail says what it is (and always in English,
    /// up to the next "and" or comma).
    fn quote(&self, through_tail: bool, listed: bool) -> Span {
        let text = self.doc.text;
        let mut start = self.reached().unwrap_or(self.lead.start);
        // (15.5%): the bracket opens the quote; so does the end of a headline in 【】 or a #tag#.
        if let Some(k) = text[start..self.lead.end].rfind(['(', '（', '】', '#']) {
            start += k + text[start + k..].chars().next().map_or(1, char::len_utf8);
        }
        let lead = &text[start..self.lead.end];
        match self.doc.lang {
            Lang::Zh => {
                let mut s = lead;
                loop {
                    let t = s.trim_start_matches(|c: char| c.is_whitespace() || "，。；：、,;:".contains(c));
                    let t = ["其中", "并且", "而且", "同时", "另外", "此外", "以及", "并", "且", "而", "和", "及"]
                        .iter()
                        .find_map(|w| t.strip_prefix(w))
                        .unwrap_or(t);
                    if t.len() == s.len() {
                        break;
                    }
                    s = t;
                }
                start += lead.len() - s.len();
            }
            Lang::En => {
                // "ZIBO, June 25, 2023 -- Some 27,542 students": the dateline is not the clause.
                if let Some((k, dash)) =
                    ["--", "\u{2014}", "\u{2013}"].iter().filter_map(|d| lead.rfind(d).map(|k| (k, d.len()))).max()
                {
                    start += k + dash;
                }
                let lead = &text[start..self.lead.end];
                let lower = lead.to_ascii_lowercase();
                // "… above the provincial rate and up 0.8 points": the quote starts at "up";
                // a list's "tier-1 and tier-2" stays whole.
                if let Some(k) = lower.rfind(" and ").filter(|_| !listed) {
                    start += k + " and ".len();
                }
                let s = &text[start..self.lead.end];
                let t = s.trim_start();
                let t = ["and ", "while ", "but ", "with "]
                    .iter()
                    .find_map(|w| t.get(..w.len()).filter(|p| p.eq_ignore_ascii_case(w)).map(|_| &t[w.len()..]))
                    .unwrap_or(t);
                start += s.len() - t.len();
            }
        }
        let end = match self.doc.lang {
            Lang::Zh if through_tail => self.tail.end,
            Lang::Zh => self.t.whole.end,
            Lang::En => self.cut_tail(Span::new(self.t.whole.end, self.tail.end)),
        };
        tidy(text, Span::new(start, end.max(self.t.whole.end)))
    }

    /// Where an English tail stops belonging to its number: at "and", a comma, "while".
    fn cut_tail(&self, tail: Span) -> usize {
        let s = tail.of(self.doc.text).to_ascii_lowercase();
        let end = [" and ", ",", ";", " while ", " but ", " with ", " (", "(", ")"]
            .iter()
            .filter_map(|w| s.find(w))
            .min()
            .map_or(tail.end, |k| tail.start + k);
        // "rose 0.4 points to 15.5%": "to" leads to the next number.
        let kept = self.doc.text[tail.start..end].trim_end();
        match kept.get(kept.len().saturating_sub(3)..) {
            Some(w) if w.eq_ignore_ascii_case(" to") => tail.start + kept.len() - 3,
            _ => end,
        }
    }
}

/// `span` without surrounding spaces, invisible characters and trailing punctuation: the
/// words as the loader will keep them.
pub(super) fn tidy(text: &str, span: Span) -> Span {
    let mut span = trim(text, span);
    let mut s = span.of(text).trim_end_matches(|c: char| " ,.;:，。；：、".contains(c));
    // A closing bracket whose opener is outside: (15.5%)
    for (open, close) in [('(', ')'), ('（', '）')] {
        if s.ends_with(close) && s.matches(open).count() < s.matches(close).count() {
            s = s[..s.len() - close.len_utf8()].trim_end();
        }
    }
    span.end = span.start + s.len();
    match passrate_chart::load::visible(span.of(text)) {
        Some(v) => {
            let start = v.as_ptr() as usize - text.as_ptr() as usize;
            Span::new(start, start + v.len())
        }
        None => span,
    }
}
