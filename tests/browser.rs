//! `report.html` as a person sees it: rendered by headless Chromium (Debian's
//! `chromium`, installed by `.ci/run`). The page must load with no console
//! errors and no network requests, draw one chart mark per week and category
//! with events, and a screenshot of each language is kept as a test artefact
//! in `target/test-artefacts/`.
//!
//! Without Chromium the test is skipped with a message, except under CI
//! (`CI=true`), where a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Hosts Chromium itself calls for its own services (updates, time, account
/// probes) even with background networking off; never anything the page asks for.
const BROWSER_OWN_HOSTS: [&str; 3] = ["google.com", "googleapis.com", "gvt1.com"];

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    c.arg(format!("--user-data-dir={}", profile.display()));
    c
}

fn render(browser: &Path, lang: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report");
    let demo = root().join("datasets/demo");
    let status = Command::new(env!("CARGO_BIN_EXE_leaktrace"))
        .arg("report")
        .args(["calls.csv", "sms.xml", "mail.mbox"].map(|f| demo.join(f)))
        .arg("--disclosures")
        .arg(demo.join("disclosures.toml"))
        .args(["--lang", lang, "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let page = format!("file://{}", out.join("report.html").display());

    let netlog = dir.path().join("net.json");
    let result = headless(browser, &dir.path().join("profile"))
        .args(["--enable-logging=stderr", "--log-level=0"])
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--dump-dom")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        result.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&result.stderr)
    );
    let dom = String::from_utf8_lossy(&result.stdout);
    let log = String::from_utf8_lossy(&result.stderr);

    let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");

    let net = std::fs::read_to_string(&netlog).unwrap_or_default();
    for url in net.split("\"url\":\"").skip(1).filter_map(|s| s.split('"').next()) {
        if url.starts_with("file:") || url.starts_with("data:") {
            continue;
        }
        let host =
            url.split("://").nth(1).unwrap_or("").split(['/', ':', '?']).next().unwrap_or("");
        assert!(
            BROWSER_OWN_HOSTS.iter().any(|h| host == *h || host.ends_with(&format!(".{h}"))),
            "the page made a network request: {url}"
        );
    }

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).unwrap()).unwrap();
    let cells = json["weeks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["counts"].as_array().unwrap().iter())
        .filter(|c| c.as_u64().unwrap() > 0)
        .count();
    let marks = dom.matches("class=\"mark\"").count();
    assert!(cells > 0);
    assert_eq!(marks, cells, "one chart mark per week and category with events");

    let artefacts = root().join("target/test-artefacts");
    std::fs::create_dir_all(&artefacts).unwrap();
    let shot = artefacts.join(format!("report-{lang}.png"));
    let _ = std::fs::remove_file(&shot);
    let s = headless(browser, &dir.path().join("profile2"))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1280,2400")
        .arg(&page)
        .output()
        .unwrap();
    assert!(s.status.success());
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000, "a real screenshot");
}

#[test]
fn report_renders_in_headless_chromium_in_both_languages() {
    let Some(browser) = chromium() else {
        assert!(std::env::var("CI").is_err(), "CI must install chromium (.ci/run)");
        eprintln!("skipped: chromium is not installed");
        return;
    };
    render(&browser, "zh");
    render(&browser, "en");
}
