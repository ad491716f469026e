//! Province-wide releases (and a city's overview of its counties): when the text gives figures
//! for three areas or more, each area is read on its own (its figures are those said where its
//! name stands), tables add their rows, and what the text says of the whole (全省, or the city
//! over its counties) becomes the reference's rate.

use super::lexicon::Names;
use super::read::{read, Reading};
use super::scan::Doc;
use super::{Found, Ignored, Reason, Span};
use passrate_chart::model::Field;

/// The fewest areas that make a text a list of areas rather than one area's report that
/// mentions others in passing.
const MIN_AREAS: usize = 3;

/// The reading of a text of many areas, and the name of the whole when it is not the province
/// (泽川市 over its counties). `plain` is the one-area reading (tables' rows included), returned
/// as it is (without the rows of areas) when the text is not about many areas.
pub(super) fn spread(doc: &Doc, names: &Names, skip: &[Span], plain: Reading) -> (Reading, Option<String>) {
    let mut by_area: Vec<Found> = plain.found.iter().filter(|f| f.area.is_some()).cloned().collect();
    let mut reference: Vec<Found> = Vec::new();
    let mut strict_ignored: Vec<Ignored> = Vec::new();
    // The years an area's change is measured from (较2021年): used, as in a one-area reading.
    let mut compared: Vec<Span> = Vec::new();
    {
        for area in names.areas(doc.text) {
            let r = read(doc, &names.for_area(&area, doc.text), skip);
            for f in r.found {
                if f.field == Field::ReferenceRate {
                    reference.push(f);
                } else {
                    by_area.push(Found { area: Some(area.clone()), ..f });
                }
            }
            strict_ignored.extend(r.ignored);
            compared.extend(r.compared);
        }
    }
    let mut areas: Vec<&String> = Vec::new();
    for f in &by_area {
        if let Some(a) = &f.area {
            if !areas.contains(&a) {
                areas.push(a);
            }
        }
    }
    if areas.len() < MIN_AREAS {
        let mut plain = plain;
        let (rows, own): (Vec<Found>, Vec<Found>) = plain.found.into_iter().partition(|f| f.area.is_some());
        plain.found = own;
        plain.ignored.extend(rows.into_iter().map(|f| Ignored {
            sentence: f.sentence,
            number: f.number,
            reason: Reason::OtherArea,
        }));
        return (plain, None);
    }
    // The one-area reading's region, when it is none of the areas, is the whole.
    let whole = names.region.clone().filter(|r| !areas.contains(&r));
    // (the one-area reading's compared years are not: its changes of the whole are left out)
    let mut out = Reading { years: plain.years, compared, ..Reading::default() };
    for f in plain.found.into_iter().filter(|f| f.area.is_none()) {
        match f.field {
            Field::ReferenceRate => reference.push(f),
            Field::Rate if whole.is_some() => reference.push(Found { field: Field::ReferenceRate, ..f }),
            _ => {
                let taken = by_area.iter().any(|a| a.number == f.number);
                if !taken {
                    let reason = strict_ignored
                        .iter()
                        .find(|i| i.number == f.number)
                        .map_or(Reason::OtherArea, |i| i.reason.clone());
                    out.ignored.push(Ignored { sentence: f.sentence, number: f.number, reason });
                }
            }
        }
    }
    let mut seen: Vec<(Option<String>, Span)> = Vec::new();
    for f in by_area.into_iter().chain(reference) {
        let key = (f.area.clone(), f.number);
        if !seen.contains(&key) {
            seen.push(key);
            out.found.push(f);
        }
    }
    let taken = |n: Span| out.found.iter().any(|f| f.number == n);
    let mut ignored: Vec<Ignored> = plain.ignored.into_iter().filter(|i| !taken(i.number)).collect();
    ignored.append(&mut out.ignored);
    out.ignored = ignored;
    (out, whole)
}
