//! Spreadsheets as Excel and WPS write them on a Chinese Windows machine: GB18030 bytes, CRLF,
//! Chinese column headers, counts quoted with thousands separators, the `0.00%` cell format,
//! and the blank rows a sheet keeps at its end. Such a file loads as the editor sees it: no row
//! refused, no contradiction a cell format made up, every number at its written precision.
#![cfg(not(target_arch = "wasm32"))]

use passrate_chart::describe::table;
use passrate_chart::load::{decode, from_text, Encoding};
use passrate_chart::views::View;
use passrate_chart::words::Lang;

/// The sheet an editor saves: Chinese headers, Excel's formats, two blank rows at the end.
const SHEET: &str = "标题,本地,对比地区,发布日期,年份,批次,地区,参考人数,达线人数,达线率（%）,与全省差,比上年\r\n\
泽川市2024年高考本科达线情况,泽川市,全省,2024/6/26,2024,一本线,泽川市,\"42,318\",\"7,906\",18.70%,2.30,0.70\r\n\
,,,,2024,二本线,泽川市,\"42,318\",\"21,455\",50.70%,4.60,-0.40\r\n\
,,,,,,,,,,,\r\n\
,,,,,,,,,,,\r\n";

fn gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn an_excel_sheet_from_a_chinese_windows_machine_loads_as_the_editor_sees_it() {
    let (text, encoding) = decode(&gb18030(SHEET)).unwrap();
    assert_eq!(encoding, Encoding::Gb18030);
    let ds = from_text(&text).unwrap_or_else(|e| panic!("{e}"));
    let model = passrate_chart::model::build(&ds);
    assert!(model.warnings.is_empty(), "18.70% agrees with 7,906 ÷ 42,318 = 18.68%: {:?}", model.warnings);
    let t = table(&model, View::Compare, Lang::Zh);
    let row: Vec<&str> = t.rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        row,
        ["一本线", "18.70%", "16.4%", "+2.30 个百分点", "18.0%", "+0.70 个百分点", "7,906", "42,318", "18.7%"],
        "stated numbers as written, derived ones from their significant decimals"
    );
    assert_eq!(model.source, None, "a 发布日期 without a 来源 names no source");
}

#[test]
fn a_header_that_is_neither_english_nor_chinese_names_the_accepted_ones() {
    let e = from_text("年份,批次,地区,达线率,备注\n2024,一本线,甲市,15.5,x\n").unwrap_err();
    let msg = e.message(Lang::Zh);
    assert!(msg.starts_with("第 1 行第 5 列（\"备注\"）"), "{msg}");
    for name in ["year", "rate", "年份", "批次", "达线率", "与全省差"] {
        assert!(msg.contains(name), "{name} in {msg}");
    }
}

#[test]
fn blank_rows_anywhere_are_no_rows_and_a_half_filled_row_is_still_an_error() {
    let head = "title,year,tier,area,rate\n";
    let ds =
        from_text(&format!("{head},,,,\nT,2024,一本线,甲市,15.5\n , ,\t, ,\n,2024,二本线,甲市,48.6\n,,,,\n")).unwrap();
    assert_eq!(ds.region().years[0].tiers.len(), 2);
    let e = from_text(&format!("{head}T,2024,一本线,甲市,15.5\n,,二本线,,\n")).unwrap_err();
    assert_eq!(e.to_string(), "line 3, column 4 (area): missing; expected a value in the area column on every row");
}
