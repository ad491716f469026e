//! `passrate-chart`: the static fallback, from the same layout and renderer as the canvas, and
//! the extractor that turns a results report's text into a dataset.
//!
//! ```text
//! passrate-chart render <data.json|data.csv> [--view compare|change|trend|cities] [--lang zh-CN|en]
//!                       [--theme light|dark] [--width W] [--height H] [--page N] [-o chart.svg]
//! passrate-chart render <data> --format png [--scale N] [--font FILE] -o chart.png
//! passrate-chart render <data> --table      # the accessible HTML data table
//! passrate-chart render <data> --summary    # the text summary
//! passrate-chart extract [report.txt|-] [--lang zh-CN|en]   # a report's text → dataset JSON
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::result_large_err)]
mod cli {
    use std::process::ExitCode;

    use passrate_chart::layout::Options;
    use passrate_chart::render::{self, Theme};
    use passrate_chart::views::{self as layout, View};
    use passrate_chart::words::Lang;
    use passrate_chart::{describe, load, model};
    use passrate_chart_cli::png;

    const USAGE: &str =
        "usage: passrate-chart render <data.json|data.csv> [--view compare|change|trend|cities] [--lang zh-CN|en]
                             [--theme light|dark] [--width W] [--height H] [--page N] [-o FILE]
                             [--highlight REGION] [--table | --summary]
                             [--format svg|png] [--scale 1-4] [--font FILE]
                             [--source NAME] [--source-date YYYY-MM-DD] [--source-url URL]
       passrate-chart extract [report.txt|-] [--lang zh-CN|en] [--year YYYY]
                             [--source NAME] [--source-date YYYY-MM-DD] [--source-url URL]

render writes the chart as SVG (or, with --table, its data as an HTML table; with --summary,
its text summary) to FILE, or to standard output. A PNG (--format png, or -o FILE.png) is
laid out 360 px wide and drawn at scale 3 (1080 pixels) unless --width and --scale say
otherwise, with the system's fonts and any --font file. --height H holds: a view taller than H
(the cities of a province, many tiers over many years) is paged, and --page N draws page N.
What is wrong with the data is said in the language of --lang.

extract reads the text of a results report (a file, or standard input) and prints the dataset
it states as JSON, ready for render; standard error lists every number it did not use, and
why, in Chinese or (--lang en) English. A text that never states its year (only 今年, “this
year”) is read but not dated: extract exits with status 2 and says so, unless --year gives it.
--source, --source-date and --source-url set the dataset's source (over what the text names),
for render as for extract. Exit status 1 when it found no tier's figures.";

    /// What `extract` was asked to do.
    struct ExtractArgs {
        /// `None` or `-`: standard input.
        input: Option<String>,
        lang: Lang,
        options: passrate_chart_extract::Options,
    }

    /// `--source`, `--source-date`, `--source-url`: the value of one, when `arg` is one of them.
    fn source_option(
        arg: &str,
        args: &mut impl Iterator<Item = String>,
        source: &mut SourceArgs,
    ) -> Result<bool, String> {
        let slot = match arg {
            "--source" => &mut source.name,
            "--source-date" => &mut source.date,
            "--source-url" => &mut source.url,
            _ => return Ok(false),
        };
        let v = args.next().ok_or(format!("{arg} needs a value"))?;
        if v.trim().is_empty() {
            return Err(format!("{arg}: expected a value, got an empty one"));
        }
        *slot = Some(v);
        Ok(true)
    }

    /// The source the command line gives.
    #[derive(Default)]
    struct SourceArgs {
        name: Option<String>,
        date: Option<String>,
        url: Option<String>,
    }

    fn parse_extract(mut args: impl Iterator<Item = String>) -> Result<ExtractArgs, String> {
        let mut a = ExtractArgs { input: None, lang: Lang::Zh, options: Default::default() };
        let mut source = SourceArgs::default();
        while let Some(arg) = args.next() {
            if source_option(&arg, &mut args, &mut source)? {
                continue;
            }
            match arg.as_str() {
                "--year" => {
                    let v = args.next().ok_or("--year needs a value")?;
                    let y = v.parse().ok().filter(|y| (1950..=2100).contains(y));
                    a.options.year = Some(y.ok_or(format!("--year: expected a year such as 2024, got \"{v}\""))?);
                }
                "--lang" => {
                    let v = args.next().ok_or("--lang needs a value")?;
                    a.lang = Lang::parse(&v).ok_or(format!("--lang: expected zh-CN or en, got \"{v}\""))?;
                }
                "-h" | "--help" => return Err(String::new()),
                "-" if a.input.is_none() => a.input = Some(arg),
                s if s.starts_with('-') => return Err(format!("unknown option \"{s}\"")),
                s if a.input.is_none() => a.input = Some(s.to_string()),
                s => return Err(format!("one input file expected, got a second: \"{s}\"")),
            }
        }
        a.options.source_name = source.name;
        a.options.source_date = source.date;
        a.options.source_url = source.url;
        Ok(a)
    }

    /// `extract`: the dataset on standard output, every number left out on standard error.
    fn extract(args: ExtractArgs) -> ExitCode {
        use std::io::{Read, Write};
        let name = args.input.as_deref().filter(|i| *i != "-").unwrap_or("standard input");
        let bytes = match args.input.as_deref().filter(|i| *i != "-") {
            Some(path) => std::fs::read(path),
            None => {
                let mut b = Vec::new();
                std::io::stdin().read_to_end(&mut b).map(|_| b)
            }
        };
        let text =
            match bytes.map_err(|e| e.to_string()).and_then(|b| load::decode(&b).map_err(|e| e.message(args.lang))) {
                Ok((t, _)) => t,
                Err(e) => {
                    eprintln!("passrate-chart: {name}: {e}");
                    return ExitCode::FAILURE;
                }
            };
        let found = passrate_chart_extract::extract_with(&text, &args.options);
        let w = passrate_chart_extract::words::words(args.lang);
        let mut err = String::new();
        err.push_str(&w.extract_summary(found.used.len(), found.ignored.len()));
        err.push('\n');
        let mut sentence = None;
        // The list is in text order: count lines as it goes.
        let (mut counted, mut line) = (0, 1);
        for i in &found.ignored {
            if sentence != Some(i.sentence) {
                sentence = Some(i.sentence);
                if i.sentence.start >= counted {
                    line += text[counted..i.sentence.start].matches('\n').count();
                    counted = i.sentence.start;
                }
                err.push_str(&w.ignored_sentence(line, i.sentence.of(&text)));
                err.push('\n');
            }
            err.push_str(&w.ignored_number(i.number.of(&text), &w.ignored_reason(&i.reason)));
            err.push('\n');
        }
        if found.needs_year {
            // Nothing is dated by guess: no dataset, and the year asked for.
            err.push_str(&w.needs_year());
            err.push('\n');
            let _ = std::io::stderr().write_all(err.as_bytes());
            return ExitCode::from(2);
        }
        if let Some(r) = &found.refusal {
            err.push_str(&w.refusal(r));
            err.push('\n');
        }
        let _ = std::io::stderr().write_all(err.as_bytes());
        match &found.dataset {
            Some(ds) => match std::io::stdout().write_all(load::to_json(ds).as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("passrate-chart: standard output: {e}");
                    ExitCode::FAILURE
                }
            },
            None => ExitCode::FAILURE,
        }
    }

    /// A PNG for a phone article: 360 CSS px is a phone's text column, so at scale 3 (1080 px,
    /// a 3x screen's pixels) the chart's text shows at the article's own text size; 540 x 2
    /// would shrink it by a third when the image is fitted to the column.
    const PNG_WIDTH: f64 = 360.0;
    const PNG_SCALE: u32 = 3;

    #[derive(PartialEq)]
    enum Output {
        Svg,
        Png,
        Table,
        Summary,
    }

    struct Args {
        input: String,
        view: View,
        lang: Lang,
        theme: Theme,
        width: Option<f64>,
        /// `--height`, when given: the chart is at most this tall (a taller view is paged).
        height: Option<f64>,
        /// `--page N`, from 1.
        page: usize,
        out: Option<String>,
        output: Output,
        highlight: Option<String>,
        source: SourceArgs,
        scale: Option<u32>,
        fonts: Vec<String>,
    }

    fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
        match args.next().as_deref() {
            Some("render") => {}
            Some("-h") | Some("--help") | None => return Err(String::new()),
            Some(other) => return Err(format!("unknown command \"{other}\"; expected \"render\" or \"extract\"")),
        }
        let mut a = Args {
            input: String::new(),
            view: View::Compare,
            lang: Lang::Zh,
            theme: Theme::light(),
            width: None,
            height: None,
            page: 1,
            out: None,
            output: Output::Svg,
            highlight: None,
            source: SourceArgs::default(),
            scale: None,
            fonts: Vec::new(),
        };
        let mut format = None;
        while let Some(arg) = args.next() {
            if source_option(&arg, &mut args, &mut a.source)? {
                continue;
            }
            let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
            match arg.as_str() {
                "--view" => {
                    let v = value("--view")?;
                    a.view =
                        View::parse(&v).ok_or(format!("--view: expected compare, change or trend, got \"{v}\""))?;
                }
                "--lang" => {
                    let v = value("--lang")?;
                    a.lang = Lang::parse(&v).ok_or(format!("--lang: expected zh-CN or en, got \"{v}\""))?;
                }
                "--theme" => {
                    let v = value("--theme")?;
                    a.theme = Theme::named(&v).ok_or(format!("--theme: expected light or dark, got \"{v}\""))?;
                }
                "--width" | "--height" => {
                    let v = value(&arg)?;
                    // The layout lays out from MIN_WIDTH up; a narrower width would be clamped
                    // without a word, so it is refused.
                    let min = if arg == "--width" { passrate_chart::layout::MIN_WIDTH } else { 100.0 };
                    let n: f64 = v
                        .parse()
                        .ok()
                        .filter(|n: &f64| (min..=passrate_chart::layout::MAX_WIDTH).contains(n))
                        .ok_or(format!("{arg}: expected a number of pixels from {min} to 4000, got \"{v}\""))?;
                    if arg == "--width" {
                        a.width = Some(n);
                    } else {
                        a.height = Some(n);
                    }
                }
                "--page" => {
                    let v = value("--page")?;
                    a.page = v
                        .parse()
                        .ok()
                        .filter(|n: &usize| *n >= 1)
                        .ok_or(format!("--page: expected a page number from 1, got \"{v}\""))?;
                }
                "-o" | "--output" => a.out = Some(value(&arg)?),
                "--highlight" => a.highlight = Some(value(&arg)?),
                "--format" => {
                    let v = value("--format")?;
                    format = Some(match v.as_str() {
                        "svg" => Output::Svg,
                        "png" => Output::Png,
                        _ => return Err(format!("--format: expected svg or png, got \"{v}\"")),
                    });
                }
                "--scale" => {
                    let v = value("--scale")?;
                    // Whole numbers keep the layout's 1 px lines on whole device pixels.
                    a.scale = Some(
                        v.parse()
                            .ok()
                            .filter(|n| (1..=4).contains(n))
                            .ok_or(format!("--scale: expected a whole number from 1 to 4, got \"{v}\""))?,
                    );
                }
                "--font" => a.fonts.push(value("--font")?),
                "--table" => a.output = Output::Table,
                "--summary" => a.output = Output::Summary,
                "-h" | "--help" => return Err(String::new()),
                s if s.starts_with('-') => return Err(format!("unknown option \"{s}\"")),
                s if a.input.is_empty() => a.input = s.to_string(),
                s => return Err(format!("one input file expected, got a second: \"{s}\"")),
            }
        }
        if a.input.is_empty() {
            return Err("missing the data file (JSON or CSV)".into());
        }
        let png_file = a.out.as_deref().is_some_and(|o| o.to_ascii_lowercase().ends_with(".png"));
        match (format, &a.output) {
            (Some(Output::Png), Output::Table | Output::Summary) => {
                return Err("--format png draws the chart; --table and --summary write text".into())
            }
            (Some(f), Output::Svg) => a.output = f,
            (None, Output::Svg) if png_file => a.output = Output::Png,
            _ => {}
        }
        if a.output != Output::Png {
            if a.scale.is_some() {
                return Err("--scale applies to PNG only (--format png, or -o FILE.png)".into());
            }
            if !a.fonts.is_empty() {
                return Err(
                    "--font applies to PNG only (--format png, or -o FILE.png); SVG text uses the viewer's fonts"
                        .into(),
                );
            }
        }
        Ok(a)
    }

    pub fn main() -> ExitCode {
        if std::env::args().nth(1).as_deref() == Some("extract") {
            return run(parse_extract(std::env::args().skip(2)), extract);
        }
        run(parse(std::env::args().skip(1)), render)
    }

    /// Runs a command on its parsed arguments; an empty error is a request for the usage
    /// (exit 0), any other is a usage error (exit 2).
    fn run<A>(args: Result<A, String>, command: fn(A) -> ExitCode) -> ExitCode {
        match args {
            Ok(a) => command(a),
            Err(msg) if msg.is_empty() => {
                println!("{USAGE}");
                ExitCode::SUCCESS
            }
            Err(msg) => {
                eprintln!("passrate-chart: {msg}\n\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    /// The dataset with the source the command line gives (over its own), checked by the
    /// loader as any source is.
    fn with_source(mut ds: load::Dataset, given: &SourceArgs) -> Result<load::Dataset, String> {
        if given.name.is_none() && given.date.is_none() && given.url.is_none() {
            return Ok(ds);
        }
        let mut source = match (ds.source.take(), &given.name) {
            (_, Some(name)) => load::Source { name: name.clone(), date: None, url: None },
            (Some(s), None) => s,
            (None, None) => return Err("--source-date and --source-url need --source: the data names no source".into()),
        };
        if given.date.is_some() {
            source.date = given.date.clone();
        }
        if given.url.is_some() {
            source.url = given.url.clone();
        }
        ds.source = Some(source);
        load::from_json(&load::to_json(&ds)).map_err(|e| e.message(Lang::En))
    }

    /// The fonts a PNG is drawn with (`None` for other outputs), or the exit status of a bad
    /// `--font` or of a PNG bound for a terminal.
    fn png_fonts(args: &Args) -> Result<Option<png::Fonts>, ExitCode> {
        if args.output != Output::Png {
            return Ok(None);
        }
        if args.out.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
            eprintln!("passrate-chart: not writing a PNG to a terminal; give -o FILE.png or redirect the output");
            return Err(ExitCode::from(2));
        }
        let mut fonts = png::Fonts::system();
        for f in &args.fonts {
            if let Err(e) = fonts.add_file(std::path::Path::new(f)) {
                eprintln!("passrate-chart: --font {e}");
                return Err(ExitCode::from(2));
            }
        }
        Ok(Some(fonts))
    }

    /// `render`: the chart, its table or its summary.
    fn render(args: Args) -> ExitCode {
        // Fonts before the data: a bad --font is a bad option (status 2) whatever the data.
        let fonts = match png_fonts(&args) {
            Ok(f) => f,
            Err(code) => return code,
        };
        let bytes = match std::fs::read(&args.input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("passrate-chart: {}: {e}", args.input);
                return ExitCode::FAILURE;
            }
        };
        // UTF-8, UTF-16 with its mark, or GB18030/GBK as Excel and WPS save CSV on Chinese
        // Windows. What is wrong with the data is said in the language of --lang.
        let ds = match load::decode(&bytes).and_then(|(text, _)| load::from_text(&text)) {
            Ok(ds) => ds,
            Err(e) => {
                eprintln!("passrate-chart: {}: {}", args.input, e.message(args.lang));
                return ExitCode::FAILURE;
            }
        };
        let ds = match with_source(ds, &args.source) {
            Ok(ds) => ds,
            Err(e) => {
                eprintln!("passrate-chart: {e}");
                return ExitCode::from(2);
            }
        };
        let mut model = model::build_in(&ds, args.lang);
        if let Some(h) = &args.highlight {
            match ds.regions.iter().position(|r| r.name.is(h)) {
                Some(i) => {
                    model.focus = i;
                    model.highlighted = true;
                }
                None => {
                    let names: Vec<&str> = ds.regions.iter().map(|r| r.name.text.as_str()).collect();
                    eprintln!("passrate-chart: --highlight: expected one of {}, got \"{h}\"", names.join(", "));
                    return ExitCode::from(2);
                }
            }
        }
        if !args.view.supports(&model) {
            eprintln!("passrate-chart: --view {}: the data does not have what this view needs", args.view.name());
            return ExitCode::from(2);
        }
        // The height asked for holds: a view taller than it (a province's cities, many tiers) is
        // paged, and --page picks the page.
        let box_of = |width: f64, dpr: f64| Options {
            width,
            height: args.height.unwrap_or(420.0),
            max_height: args.height.unwrap_or(passrate_chart::layout::MAX_HEIGHT),
            page: args.page - 1,
            dpr,
            lang: args.lang,
            ..Options::default()
        };
        let out = match args.output {
            Output::Svg => {
                let l = layout::layout(&model, args.view, &box_of(args.width.unwrap_or(640.0), 1.0));
                if l.pages > 1 && args.page > l.pages {
                    eprintln!("passrate-chart: --page: expected a page from 1 to {}, got {}", l.pages, args.page);
                    return ExitCode::from(2);
                }
                render::svg(&l, &args.theme, &model.title).into_bytes()
            }
            Output::Png => {
                let dpr = args.scale.unwrap_or(PNG_SCALE) as f64;
                let l = layout::layout(&model, args.view, &box_of(args.width.unwrap_or(PNG_WIDTH), dpr));
                match png::png(&l, &args.theme, &model.title, fonts.as_ref().expect("loaded for PNG")) {
                    Ok(bytes) => bytes,
                    Err(e) => {
                        eprintln!("passrate-chart: {e}");
                        return ExitCode::FAILURE;
                    }
                }
            }
            Output::Table => {
                let table = describe::table_html(&describe::table(&model, args.view, args.lang));
                // A document of its own, with its charset: opened from a plain server it reads right.
                let title = describe::escape_html(&model.title);
                let doc = format!(
                    "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n</head>\n<body>\n{table}</body>\n</html>\n",
                    args.lang.tag()
                );
                doc.into_bytes()
            }
            Output::Summary => (describe::summary(&model, args.view, args.lang) + "\n").into_bytes(),
        };
        let written = match &args.out {
            Some(path) => std::fs::write(path, out),
            None => {
                use std::io::Write;
                std::io::stdout().write_all(&out)
            }
        };
        match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("passrate-chart: {}: {e}", args.out.as_deref().unwrap_or("standard output"));
                ExitCode::FAILURE
            }
        }
    }
}
