//! How load, layout and hit-testing grow with the number of data points, 10² to 10⁵.
//!
//! `cargo bench --bench pipeline`. Loading is measured up to the loader's limits (100 years ×
//! 500 tiers, two numbers each = 10⁵ numbers); layout and hit-testing on one year with up to
//! 5 × 10⁴ tiers (10⁵ bars), built directly, past what the loader accepts.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
    use passrate_chart::layout::Options;
    use passrate_chart::load::{self, Dataset, Name, Place, RegionInput, Stated, TierInput, YearInput};
    use passrate_chart::model;
    use passrate_chart::views::{layout, View};

    const SIZES: [usize; 4] = [100, 1_000, 10_000, 100_000];

    /// A JSON dataset with `points` numbers: rate and reference rate per tier.
    fn json(points: usize) -> String {
        let years = points.div_ceil(1_000).min(100);
        let tiers = (points / (2 * years)).clamp(1, load::MAX_TIERS);
        let mut out = String::from(r#"{"title":"bench","region":"A","reference":"B","years":["#);
        for y in 0..years {
            if y > 0 {
                out.push(',');
            }
            out.push_str(&format!(r#"{{"year":{},"tiers":["#, 1950 + y));
            for t in 0..tiers {
                if t > 0 {
                    out.push(',');
                }
                out.push_str(&format!(
                    r#"{{"tier":"T{t}","rate":{}.{},"reference_rate":{}.5}}"#,
                    10 + t % 50,
                    t % 10,
                    9 + t % 40
                ));
            }
            out.push_str("]}");
        }
        out.push_str("]}");
        out
    }

    /// One year with `points / 2` tiers, built without the loader's limits.
    fn wide_model(points: usize) -> model::Model {
        let tiers = (0..points / 2)
            .map(|t| {
                let mut ti = TierInput::empty(Name::new(format!("T{t}")), Place::Json(format!("years[0].tiers[{t}]")));
                ti.rate = Some(Stated::written(10.0 + (t % 50) as f64, 1));
                ti.reference_rate = Some(Stated::written(9.5 + (t % 40) as f64, 1));
                ti.vs_previous_year_pp = Some(Stated::written(0.4, 1));
                ti
            })
            .collect();
        let year = YearInput {
            year: 2024,
            candidates: None,
            candidates_quote: None,
            tiers,
            place: Place::Json("years[0]".into()),
        };
        let ds = Dataset {
            title: Name::new("bench"),
            reference: Name::new("B"),
            source: None,
            regions: vec![RegionInput { name: Name::new("A"), years: vec![year], place: Place::Json(String::new()) }],
        };
        model::build(&ds)
    }

    fn bench(c: &mut Criterion) {
        let mut g = c.benchmark_group("load (JSON → model)");
        for n in SIZES {
            let text = json(n);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, t| {
                b.iter(|| passrate_chart::parse(t).unwrap())
            });
        }
        g.finish();

        let opts = Options { width: 800.0, height: 450.0, dpr: 2.0, ..Options::default() };
        let mut g = c.benchmark_group("layout (compare view)");
        for n in SIZES {
            let m = wide_model(n);
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &m, |b, m| b.iter(|| layout(m, View::Compare, &opts)));
        }
        g.finish();

        let mut g = c.benchmark_group("hit test (pointer over the middle bar)");
        for n in SIZES {
            let m = wide_model(n);
            let l = layout(&m, View::Compare, &opts);
            let mid = &l.hits.hits[l.hits.hits.len() / 2];
            let (x, y) = mid.rect.center();
            g.throughput(Throughput::Elements(n as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &l, |b, l| {
                b.iter(|| l.hits.at(x as f64, y as f64, 8.0).is_some())
            });
        }
        g.finish();
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_millis(500)).measurement_time(std::time::Duration::from_secs(2));
        targets = bench
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
