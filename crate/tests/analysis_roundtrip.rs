//! Round trips through the analyses of analyze.html: synthetic data from
//! the models, written as a MultiVu `.dat` (the instrument's header and
//! column names, six-decimal mantissas with three-digit exponents, CRLF)
//! and as a CSV with prefixed units, read back, the columns found by name
//! and converted to the analysis's units, split into segments as the page
//! splits them, and analysed: the generating parameters come back within
//! their errors, and the file gives what the data gave before writing.
//! (H_c2(θ) has its round trips in read_roundtrip.rs.)
#![cfg(not(target_arch = "wasm32"))]

use ktao::analysis::hall::{analyze_hall, HallOptions};
use ktao::analysis::iv::{analyze_iv, IvOptions};
use ktao::analysis::loops::analyze_loop;
use ktao::analysis::rt::{analyze_rt, RtOptions};
use ktao::analysis::zfc_fc::{analyze_zfc_fc, branches};
use ktao::physics::bkt::{bkt_alpha, fig1e_currents, fig1e_temperatures, iv_curves, AlphaWindow};
use ktao::physics::hall::{fig1c_fields, hall_curve, mobility};
use ktao::physics::halperin_nelson::hn_law;
use ktao::physics::loop_processing::LoopOptions;
use ktao::physics::magnet::{magnet_preset, zfc_fc};
use ktao::physics::resistive::{
    fig1b_temperatures, rt_model, transition_temperatures, TransitionOptions,
};
use ktao::physics::transport::lao_kto;
use ktao::read::columns::{find, Quantity};
use ktao::read::segment::{split_by_set_point, MIN_POINTS, TEMPERATURE_TOLERANCE_K};
use ktao::read::units::factor;
use ktao::read::{read_data_file, DataFile, Format, Instrument};
use rand::{rngs::StdRng, SeedableRng};
use rand_distr::{Distribution, StandardNormal};

/// MultiVu's number format: six decimals and a three-digit exponent.
fn multivu(v: f64) -> String {
    let s = format!("{v:.6e}");
    let (m, e) = s.split_once('e').unwrap();
    let e: i32 = e.parse().unwrap();
    format!("{m}e{}{:03}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// A MultiVu file written by `by_app` with these columns (after the empty
/// Comment column MultiVu always writes first) and rows.
fn dat(by_app: &str, headers: &[&str], rows: &[Vec<f64>]) -> Vec<u8> {
    let mut s = format!(
        "[Header]\r\n; written by ktao's round-trip test\r\nTITLE,round trip\r\nBYAPP,{by_app}\r\n\
         INFO,sample,SAMPLE_MATERIAL\r\n[Data]\r\nComment,{}\r\n",
        headers.join(",")
    );
    for r in rows {
        let fields: Vec<String> = r.iter().map(|&v| multivu(v)).collect();
        s += &format!(",{}\r\n", fields.join(","));
    }
    s.into_bytes()
}

/// A CSV with full-precision numbers.
fn csv(headers: &[&str], rows: &[Vec<f64>]) -> Vec<u8> {
    let mut s = headers.join(",") + "\n";
    for r in rows {
        let fields: Vec<String> = r.iter().map(f64::to_string).collect();
        s += &(fields.join(",") + "\n");
    }
    s.into_bytes()
}

/// The column found for `q` (resistance channel `channel`), in `unit`.
fn column(f: &DataFile, q: Quantity, channel: usize, unit: &str) -> Vec<f64> {
    let c = find(f, q, channel, None).unwrap_or_else(|e| panic!("{e}"));
    let k = factor(c.unit.as_deref().unwrap(), unit).unwrap();
    c.values.iter().map(|v| v * k).collect()
}

fn within(what: &str, got: f64, err: f64, truth: f64, sigmas: f64) {
    assert!(err > 0.0 && err.is_finite(), "{what}: error {err}");
    assert!(
        (got - truth).abs() < sigmas * err,
        "{what}: {got} ± {err}, true {truth}"
    );
}

fn gauss(rng: &mut StdRng) -> f64 {
    StandardNormal.sample(rng)
}

#[test]
fn hall_density_through_a_ppms_file_and_a_csv_in_millitesla() {
    let p = lao_kto();
    let b = fig1c_fields();
    let rxy = hall_curve(&p, &b).unwrap();
    let rs = 1568.0;
    let rows: Vec<Vec<f64>> = b
        .iter()
        .zip(&rxy)
        .enumerate()
        .map(|(i, (&b, &r))| vec![5.0 + 1e-3 * (i % 3) as f64, b * 1e4, rs, r])
        .collect();
    let headers = [
        "Temperature (K)",
        "Magnetic Field (Oe)",
        "Bridge 1 Resistance (Ohms)",
        "Bridge 2 Resistance (Ohms)",
    ];
    let f = read_data_file(&dat("Resistivity, 2.1, 1.0", &headers, &rows), "hall.dat").unwrap();
    assert_eq!(f.instrument, Some(Instrument::PpmsResistivity));
    let field = column(&f, Quantity::Field, 1, "T");
    let hall = column(&f, Quantity::Resistance, 2, "Ω");
    let sheet = column(&f, Quantity::Resistance, 1, "Ω");
    let a = analyze_hall(&field, &hall, Some(&sheet), &HallOptions::default()).unwrap();
    within("n", a.fit.n_cm2, a.fit.n_error, p.n_cm2, 3.0);
    assert_eq!(
        (a.sheet_resistance_ohm, a.sheet_resistance_from),
        (Some(rs), Some("column"))
    );
    let mu = a.fit.mobility_cm2_vs.unwrap();
    assert!((mu / mobility(a.fit.n_cm2, rs) - 1.0).abs() < 1e-12);
    within(
        "μ",
        mu,
        a.mobility_error.unwrap(),
        mobility(p.n_cm2, rs),
        3.0,
    );

    let rows: Vec<Vec<f64>> = b
        .iter()
        .zip(&rxy)
        .map(|(&b, &r)| vec![b * 1e3, r])
        .collect();
    let f = read_data_file(&csv(&["B (mT)", "Rxy (Ohm)"], &rows), "hall.csv").unwrap();
    assert_eq!(f.format, Format::Csv);
    let c = analyze_hall(
        &column(&f, Quantity::Field, 1, "T"),
        &column(&f, Quantity::Hall, 1, "Ω"),
        None,
        &HallOptions::default(),
    )
    .unwrap();
    // The CSV keeps every digit; the .dat keeps seven.
    assert!((c.fit.n_cm2 / a.fit.n_cm2 - 1.0).abs() < 1e-5);
    // A window of |B| ≤ 4.5 T uses half the points and still finds n.
    let half = analyze_hall(
        &field,
        &hall,
        None,
        &HallOptions {
            b_max_t: Some(4.5),
            sheet_resistance_ohm: None,
        },
    )
    .unwrap();
    assert!(half.field_t.len() < field.len() && half.field_t.iter().all(|b| b.abs() <= 4.5));
    within(
        "n (|B| ≤ 4.5 T)",
        half.fit.n_cm2,
        half.fit.n_error,
        p.n_cm2,
        3.0,
    );
}

#[test]
fn halperin_nelson_law_through_a_cooling_run() {
    let (r0, b, tb) = (1500.0, 0.6, 1.85);
    let mut rng = StdRng::seed_from_u64(11);
    // Cooling from 2.4 K to 1.8 K every 2 mK, 0.1 % noise, then an
    // instrument's temperature jitter of 0.2 mK on what is written.
    let t: Vec<f64> = (0..=300).map(|k| 2.4 - 0.002 * f64::from(k)).collect();
    let r: Vec<f64> = t
        .iter()
        .map(|&t| hn_law(t, r0, b, tb) * (1.0 + 1e-3 * gauss(&mut rng)))
        .collect();
    let rows: Vec<Vec<f64>> = t.iter().zip(&r).map(|(&t, &r)| vec![t, 0.0, r]).collect();
    let headers = [
        "Temperature (K)",
        "Magnetic Field (Oe)",
        "Resistance Ch1 (Ohms)",
    ];
    let f = read_data_file(&dat("ETO", &headers, &rows), "hn.dat").unwrap();
    assert_eq!(f.instrument, Some(Instrument::PpmsEto));
    let temperature = column(&f, Quantity::Temperature, 1, "K");
    let resistance = column(&f, Quantity::Resistance, 1, "Ω");
    let a = analyze_rt(&temperature, &resistance, &RtOptions::default()).unwrap();
    // The curve is sorted warming; R_N is read at its warmest point.
    assert!(a.t.windows(2).all(|w| w[1] > w[0]));
    assert_eq!(a.t_normal_k, Some(a.t[a.t.len() - 1]));
    let fit =
        a.hn.as_ref()
            .unwrap_or_else(|| panic!("{:?}", a.hn_message));
    for (name, truth) in [("r0", r0), ("b", b), ("tBkt", tb)] {
        within(
            name,
            fit.value(name).unwrap(),
            fit.error(name).unwrap(),
            truth,
            3.0,
        );
    }
    let lin = a.linear.as_ref().unwrap();
    assert!((lin.t_bkt - tb).abs() < 0.02, "linearised {}", lin.t_bkt);
}

#[test]
fn transition_temperatures_of_the_lao_preset_through_a_dat() {
    let t = fig1b_temperatures();
    let r = rt_model(&lao_kto(), &t).unwrap();
    // Written as a cooling run from 300 K.
    let rows: Vec<Vec<f64>> = t.iter().zip(&r).rev().map(|(&t, &r)| vec![t, r]).collect();
    let headers = ["Temperature (K)", "Bridge 1 Resistance (Ohms)"];
    let f = read_data_file(&dat("Resistivity, 2.1, 1.0", &headers, &rows), "rt.dat").unwrap();
    let a = analyze_rt(
        &column(&f, Quantity::Temperature, 1, "K"),
        &column(&f, Quantity::Resistance, 1, "Ω"),
        &RtOptions::default(),
    )
    .unwrap();
    let direct = transition_temperatures(&t, &r, &TransitionOptions::default()).unwrap();
    assert_eq!(a.t_normal_k, Some(5.0));
    let close = |x: f64, y: f64| (x - y).abs() < 1e-5 * y;
    assert!(
        close(a.transitions.onset, direct.onset),
        "{:?}",
        a.transitions
    );
    assert!(close(a.transitions.mid.unwrap(), direct.mid.unwrap()));
    assert!(close(a.transitions.zero.unwrap(), direct.zero.unwrap()));
    // The paper's T_BKT from the Halperin–Nelson fit of this curve.
    let tb = a.hn.as_ref().unwrap().value("tBkt").unwrap();
    assert!((tb - 1.878).abs() < 0.02, "{tb}");
}

#[test]
fn bkt_alpha_through_an_eto_file_and_a_csv_of_microamps() {
    let p = lao_kto();
    let curves = iv_curves(&p, &fig1e_temperatures(), &fig1e_currents()).unwrap();
    let direct = bkt_alpha(&curves, &AlphaWindow::default()).unwrap();
    // Each set point: a sweep up in positive current, then the same
    // currents negative (V odd in I), with 1 mK of temperature jitter.
    let mut rng = StdRng::seed_from_u64(5);
    let mut rows = Vec::new();
    for c in &curves {
        for sign in [1.0, -1.0] {
            for (&i, &v) in c.current.iter().zip(&c.voltage) {
                let t = c.temperature + 1e-3 * gauss(&mut rng).clamp(-3.0, 3.0);
                rows.push(vec![t, sign * i * 1e6, sign * v]);
            }
        }
    }
    let headers = ["Temperature (K)", "Current (uA)", "Voltage (V)"];
    let f = read_data_file(&dat("ETO", &headers, &rows), "iv.dat").unwrap();
    let a = analyze_iv(
        &column(&f, Quantity::Temperature, 1, "K"),
        &column(&f, Quantity::Current, 1, "A"),
        &column(&f, Quantity::Voltage, 1, "V"),
        &IvOptions::default(),
    )
    .unwrap();
    assert_eq!(a.curves.len(), curves.len());
    assert!(a.alpha_message.is_none(), "{:?}", a.alpha_message);
    // The same T_BKT as the data before writing (7 digits and the
    // set-point means moved it), and the paper's 1.793 K.
    within(
        "T_BKT",
        a.alpha.t_bkt,
        a.alpha.t_bkt_error,
        direct.t_bkt,
        0.5,
    );
    assert!((a.alpha.t_bkt - 1.793).abs() < 0.01, "{}", a.alpha.t_bkt);
    assert!((a.critical_current.unwrap() - 79e-6).abs() < 2e-6);

    let rows: Vec<Vec<f64>> = rows
        .iter()
        .map(|r| vec![r[0] * 1e3, r[1], r[2] * 1e3])
        .collect();
    let f = read_data_file(&csv(&["T (mK)", "I (µA)", "V (mV)"], &rows), "iv.csv").unwrap();
    let b = analyze_iv(
        &column(&f, Quantity::Temperature, 1, "K"),
        &column(&f, Quantity::Current, 1, "A"),
        &column(&f, Quantity::Voltage, 1, "V"),
        &IvOptions::default(),
    )
    .unwrap();
    assert!((b.alpha.t_bkt - a.alpha.t_bkt).abs() < 1e-6);
}

/// A tanh loop (virgin branch, down, up) of known M_s, H_c and background,
/// as in loop_processing.rs: fields in Oe, moments in emu.
fn tanh_loop(ms: f64, hc: f64, rng: &mut StdRng) -> (Vec<f64>, Vec<f64>) {
    let (h_max, chi, h0, m0, noise, nb) =
        (1500.0, -200.0 * 1.68e-7 / 1500.0, 12.0, 3e-8, 1e-9, 200);
    let down: Vec<f64> = (0..nb)
        .map(|i| h_max - 2.0 * h_max * i as f64 / (nb - 1) as f64)
        .collect();
    let virgin: Vec<f64> = (0..20).map(|i| h_max * i as f64 / 20.0).collect();
    let mut h = virgin.clone();
    h.extend(down.iter().chain(down.iter().rev()));
    let m = h
        .iter()
        .enumerate()
        .map(|(i, &hm)| {
            let x = hm - h0;
            let branch = if i < virgin.len() {
                x
            } else if i < virgin.len() + nb {
                x + hc
            } else {
                x - hc
            };
            ms * (branch / 60.0).tanh() + chi * x + m0 + noise * gauss(rng)
        })
        .collect();
    (h, m)
}

#[test]
fn loops_at_two_temperatures_through_an_mpms3_file_and_a_csv_in_koe() {
    let mut rng = StdRng::seed_from_u64(21);
    let truth = [(2.0, 1.68e-7, 150.0), (10.0, 1.2e-7, 90.0)];
    let mut rows = Vec::new();
    for &(t, ms, hc) in &truth {
        let (h, m) = tanh_loop(ms, hc, &mut rng);
        for (k, (h, m)) in h.iter().zip(&m).enumerate() {
            let jitter = 2e-3 * (k % 5) as f64;
            rows.push(vec![3.9e9 + rows.len() as f64, t + jitter, *h, *m, 1e-9]);
        }
    }
    let headers = [
        "Time Stamp (sec)",
        "Temperature (K)",
        "Magnetic Field (Oe)",
        "Moment (emu)",
        "M. Std. Err. (emu)",
    ];
    let f = read_data_file(&dat("MPMS3,1.0.4,1.1.4", &headers, &rows), "loops.dat").unwrap();
    assert_eq!(f.instrument, Some(Instrument::Mpms3));
    let temperature = column(&f, Quantity::Temperature, 1, "K");
    let field = column(&f, Quantity::Field, 1, "Oe");
    let moment = column(&f, Quantity::Moment, 1, "emu");
    let sets = split_by_set_point(&temperature, TEMPERATURE_TOLERANCE_K, MIN_POINTS).unwrap();
    assert_eq!(sets.len(), 2);
    let mut from_dat = Vec::new();
    for (s, &(t, ms, hc)) in sets.iter().zip(&truth) {
        assert!((s.mean - t).abs() < 0.01);
        let a = analyze_loop(
            &field[s.start..s.end],
            &moment[s.start..s.end],
            &LoopOptions::default(),
        )
        .unwrap();
        let r = &a.report;
        within("M_s", r.ms, r.ms_error, ms, 3.0);
        within("H_c", r.hc, r.hc_error, hc, 3.0);
        within("χ", r.slope, r.slope_error, -200.0 * 1.68e-7 / 1500.0, 3.0);
        within("H0", r.offset_h, r.offset_h_error, 12.0, 3.0);
        from_dat.push(r.ms);
    }

    let rows: Vec<Vec<f64>> = rows.iter().map(|r| vec![r[1], r[2] * 1e-3, r[3]]).collect();
    let f = read_data_file(&csv(&["T (K)", "H (kOe)", "m (emu)"], &rows), "loops.csv").unwrap();
    let field = column(&f, Quantity::Field, 1, "Oe");
    let moment = column(&f, Quantity::Moment, 1, "emu");
    let temperature = column(&f, Quantity::Temperature, 1, "K");
    let sets = split_by_set_point(&temperature, TEMPERATURE_TOLERANCE_K, MIN_POINTS).unwrap();
    for (s, ms) in sets.iter().zip(from_dat) {
        let a = analyze_loop(
            &field[s.start..s.end],
            &moment[s.start..s.end],
            &LoopOptions::default(),
        )
        .unwrap();
        assert!(
            (a.report.ms / ms - 1.0).abs() < 1e-4,
            "{} vs {ms}",
            a.report.ms
        );
    }
}

#[test]
fn zfc_and_fc_branches_through_an_mpms_xl_file() {
    // Particles that unblock inside the range (the preset's stay blocked to
    // 300 K), measured with noise: ZFC warming, then FC warming.
    let mut o = magnet_preset("LAO/KTO").unwrap();
    o.volume_nm3 = 1e5;
    o.volume_spread = 0.3;
    o.chi_emu_per_oe = 0.0;
    o.noise_emu = 1e-10;
    let m = zfc_fc(&o).unwrap();
    let truth = m.bifurcation_k.unwrap();
    let mut rows = Vec::new();
    for branch in [&m.zfc, &m.fc] {
        for (&t, &v) in m.temperature.iter().zip(branch) {
            rows.push(vec![1.48e9 + rows.len() as f64, o.field_oe, t, v]);
        }
    }
    let headers = ["Time", "Field (Oe)", "Temperature (K)", "Long Moment (emu)"];
    let f = read_data_file(
        &dat("MPMS Measurement,2.1,Summary", &headers, &rows),
        "zfc.dat",
    )
    .unwrap();
    assert_eq!(f.instrument, Some(Instrument::MpmsXl));
    let temperature = column(&f, Quantity::Temperature, 1, "K");
    let moment = column(&f, Quantity::Moment, 1, "emu");
    let runs = branches(&temperature).unwrap();
    assert_eq!(runs.len(), 2, "{runs:?}");
    let [(z0, z1), (f0, f1)] = [runs[0], runs[1]];
    let a = analyze_zfc_fc(
        &temperature[z0..z1],
        &moment[z0..z1],
        Some((&temperature[f0..f1], &moment[f0..f1])),
    )
    .unwrap();
    assert!(a.message.is_none(), "{:?}", a.message);
    let b = a.bifurcation.unwrap();
    let step = m.temperature[1] - m.temperature[0];
    let got = b.temperature_k.unwrap();
    assert!(
        (got - truth).abs() < 2.0 * step,
        "{got} vs {truth} (step {step} K)"
    );
    assert!(b.noise < 5.0 * o.noise_emu, "noise {}", b.noise);
    // The ZFC maximum is broad: the peak found is where the noise-free ZFC
    // is within a few σ of its top.
    let k = m
        .temperature
        .iter()
        .position(|t| (t - a.zfc_peak_k).abs() < 1e-3)
        .unwrap();
    let top = m.zfc_ferro.iter().copied().fold(f64::MIN, f64::max);
    assert!(
        top - m.zfc_ferro[k] < 4.0 * o.noise_emu,
        "peak at {} K, the model's at {} K",
        a.zfc_peak_k,
        m.zfc_peak_k
    );
    // One branch alone: the ZFC maximum, and why there is no T_irr.
    let one = analyze_zfc_fc(&temperature[z0..z1], &moment[z0..z1], None).unwrap();
    assert!(one.bifurcation.is_none() && one.message.unwrap().contains("one branch"));
}
