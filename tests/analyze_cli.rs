//! Runs the `analyze` example's binary on temporary folders of good and bad
//! files and checks its outputs, messages and exit codes, and validates its
//! JSON lines against `examples/analyze/schema.json`.
//!
//! The binary is the one `cargo test` builds next to this test (in
//! `<target>/<profile>/examples/`); the test asks cargo to bring it up to
//! date first, which costs nothing when it is.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

/// The example binary, built on first use.
fn analyze() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test executable path");
        // <target>/<profile>/deps/analyze_cli-<hash>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target profile folder");
        let bin = profile_dir
            .join("examples")
            .join(format!("analyze{}", std::env::consts::EXE_SUFFIX));
        let mut cargo = Command::new(env!("CARGO"));
        cargo
            .args(["build", "--quiet", "--example", "analyze"])
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        if let Some(target) = profile_dir.parent() {
            cargo.arg("--target-dir").arg(target);
        }
        if profile_dir.file_name().is_some_and(|n| n == "release") {
            cargo.arg("--release");
        }
        let built = cargo.status().map(|s| s.success()).unwrap_or(false);
        assert!(
            built || bin.exists(),
            "cannot build the analyze example ({})",
            bin.display()
        );
        bin
    })
}

/// The result of one run.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut cmd = Command::new(analyze());
    cmd.args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run analyze");
    if let (Some(text), Some(mut pipe)) = (stdin, child.stdin.take()) {
        use std::io::Write;
        pipe.write_all(text.as_bytes()).expect("write stdin");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("analyze output");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, None)
}

/// Asserts that the run's standard output holds `expected`, showing it all if not.
#[track_caller]
fn assert_stdout_contains(r: &Run, expected: &str) {
    assert!(r.stdout.contains(expected), "{}", r.stdout);
}

fn lines(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSON line {l}: {e}")))
        .collect()
}

/// A fresh folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("precedent-analyze-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, bytes).expect("write file");
}

const HTML: &str = "<!DOCTYPE html><html><head><title>Note</title>\
<script>var s = \"Angela Merkel\";</script><style>p { color: red }</style></head>\
<body><h1>Paris</h1><p>Fran&ccedil;ois Hollande met <b>Vladimir</b> Putin &amp; friends.</p></body></html>";

/// A folder with good and bad inputs of every kind.
fn mixed_folder() -> PathBuf {
    let dir = temp_dir("mixed");
    write(
        &dir,
        "a-good.txt",
        "Vladimir Putin met Emmanuel Macron in Paris.".as_bytes(),
    );
    write(&dir, "b-empty.txt", b"");
    write(&dir, "c-invalid.txt", b"Kyiv \xff\xfe and Moscow");
    write(&dir, "d-page.html", HTML.as_bytes());
    write(
        &dir,
        "e-corpus.jsonl",
        "{\"id\": \"p1\", \"text\": \"Olaf Scholz in Berlin.\"}\n\
         {not json\n\
         \n\
         {\"id\": \"p3\", \"body\": \"no text field\"}\n\
         {\"text\": \"<script>alert(1)</script> Angela Merkel in Bonn.\"}\n"
            .as_bytes(),
    );
    write(
        &dir,
        "nested/deeper/f-notes.md",
        "# Notes\n\nDonald Trump in Anchorage.".as_bytes(),
    );
    write(&dir, "g-ignored.pdf", b"%PDF Vladimir Putin");
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("missing-target"), dir.join("h-dangling.txt")).expect("symlink");
    dir
}

#[test]
fn mixed_folder_reports_each_bad_input_and_goes_on() {
    let dir = mixed_folder();
    let r = run_in(&dir, &["--format", "jsonl", "--no-progress", "."], None);
    assert_eq!(r.code, 1, "an input failed: exit 1\n{}", r.stderr);
    for expected in [
        "./b-empty.txt: skipped: empty",
        "./c-invalid.txt: error: invalid UTF-8 at byte 5",
        "./e-corpus.jsonl:2: error: malformed JSON",
        "./e-corpus.jsonl:4: error: no field \"text\"",
        "./h-dangling.txt: error: ",
    ] {
        assert!(
            r.stderr.contains(expected),
            "stderr lacks {expected:?}:\n{}",
            r.stderr
        );
    }
    let last = r.stderr.lines().last().unwrap_or_default();
    assert_eq!(last, "5 documents read, 1 skipped, 4 failed");
    assert!(!r.stderr.contains("ignored.pdf"));

    let docs = lines(&r.stdout);
    let names: Vec<&str> = docs
        .iter()
        .map(|d| d["doc"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "./a-good.txt",
            "./d-page.html",
            "p1",
            "./e-corpus.jsonl:5",
            "./nested/deeper/f-notes.md"
        ]
    );
    // Offsets point into the file's text, for HTML into the HTML source.
    for (doc, file) in [
        (&docs[0], "a-good.txt"),
        (&docs[1], "d-page.html"),
        (&docs[4], "nested/deeper/f-notes.md"),
    ] {
        let original = std::fs::read_to_string(dir.join(file)).expect("read back");
        for m in doc["mentions"].as_array().expect("mentions") {
            let (s, e) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&original[s..e], m["text"].as_str().unwrap(), "{file}: {m}");
        }
    }
    let html = &docs[1]["mentions"];
    let names: Vec<(&str, Option<&str>)> = html
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["text"].as_str().unwrap(),
                m.get("plain").and_then(Value::as_str),
            )
        })
        .collect();
    assert!(
        names.contains(&("Fran&ccedil;ois Hollande", Some("François Hollande"))),
        "{names:?}"
    );
    assert!(
        names.contains(&("Vladimir</b> Putin", Some("Vladimir Putin"))),
        "{names:?}"
    );
    assert!(names.contains(&("Paris", None)), "{names:?}");
    assert!(
        !names.iter().any(|(t, _)| t.contains("Merkel")),
        "script contents are no text: {names:?}"
    );

    // CSV: a header and one row per mention.
    let csv = run_in(&dir, &["--format", "csv", "--no-progress", "."], None);
    assert_eq!(csv.code, 1);
    let mentions: usize = docs.iter().map(|d| d["mentions"].as_array().unwrap().len()).sum();
    let rows: Vec<&str> = csv.stdout.lines().collect();
    assert_eq!(rows[0], "doc,start,end,kind,text,canonical,id,score,alias,year");
    assert_eq!(rows.len(), mentions + 1, "{}", csv.stdout);
    assert!(
        rows.iter().any(|r| r
            .starts_with("./a-good.txt,0,14,person,Vladimir Putin,Vladimir Putin,person/vladimir-putin,")),
        "{}",
        csv.stdout
    );

    // HTML: one <mark> per mention, document text escaped, no network.
    // A stale report among the inputs is not read: a run never reads its
    // own output.
    let report = dir.join("report.html");
    write(&dir, "report.html", b"<p>stale: Vladimir Putin</p>");
    let html = run_in(&dir, &["--no-progress", "--out", "report.html", "."], None);
    assert_eq!(html.code, 1);
    assert!(
        html.stderr.ends_with("5 documents read, 1 skipped, 4 failed\n"),
        "{}",
        html.stderr
    );
    let page = std::fs::read_to_string(&report).expect("report written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<mark class=\"m ").count(), mentions);
    assert_eq!(
        page.matches("<script>").count(),
        1,
        "only the report's own script"
    );
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "self-contained"
    );
    assert!(
        page.contains("./c-invalid.txt: error: invalid UTF-8 at byte 5"),
        "problems listed"
    );
    std::fs::remove_file(&report).expect("remove report");

    // Summary.
    let s = run_in(&dir, &["--summary", "--no-progress", "."], None);
    assert_eq!(s.code, 1);
    assert!(s.stdout.starts_with("== corpus: 5 documents, "), "{}", s.stdout);
    assert!(s.stdout.contains("Vladimir Putin "), "{}", s.stdout);
    assert!(s.stdout.contains("historical analogies"), "{}", s.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn good_inputs_exit_zero_and_stdin_works() {
    let dir = temp_dir("good");
    write(&dir, "one.txt", "Volodymyr Zelenskyy in Kyiv.".as_bytes());
    let r = run_in(
        &dir,
        &["--format", "table", "--no-progress", "one.txt", "-"],
        Some("Alaska 2025 must not become Munich 1938, nor Yalta 1945!"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr.trim(), "2 documents read, 0 skipped, 0 failed");
    assert_stdout_contains(&r, "== one.txt (2 mentions, 0 analogies)");
    assert_stdout_contains(
        &r,
        "person  Volodymyr Zelenskyy  Volodymyr Zelenskyy  person/volodymyr-zelenskyy  0..19",
    );
    assert_stdout_contains(&r, "== - (3 mentions, 2 analogies)");
    assert_stdout_contains(&r, "Alaska 2025 (Alaska summit of 2025) → Munich 1938 (Munich Agreement)  \"must not become\" (becoming)  warning, affirmed");
    // JSON Lines on stdin, fields chosen, --out.
    let r = run_in(
        &dir,
        &[
            "--jsonl",
            "--text-field",
            "body",
            "--id-field",
            "meta.ref",
            "--out",
            "out.jsonl",
            "-",
        ],
        Some("{\"meta\": {\"ref\": \"r-1\"}, \"body\": \"Kyiv\"}\n{\"body\": \"Moscow\"}\n"),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    let out = std::fs::read_to_string(dir.join("out.jsonl")).expect("--out written");
    let docs = lines(&out);
    assert_eq!(docs[0]["doc"], "r-1");
    assert_eq!(docs[1]["doc"], "-:2");
    assert_eq!(docs[1]["mentions"][0]["canonical"], "Moscow");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The sample corpus: identical output at any thread count, and JSON lines
/// that validate against the published schema.
#[test]
fn sample_corpus_threads_and_schema() {
    let one = run(&[
        "--format",
        "jsonl",
        "--threads",
        "1",
        "--no-progress",
        "examples/corpus",
    ]);
    let two = run(&[
        "--format",
        "jsonl",
        "--threads",
        "2",
        "--no-progress",
        "examples/corpus",
    ]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(one.stdout == two.stdout, "--threads 1 and --threads 2 differ");

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/analyze/schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("schema JSON");
    let docs = lines(&one.stdout);
    assert!(docs.len() >= 10, "the sample corpus has at least 10 documents");
    let mut analogies = 0;
    for doc in &docs {
        let errors = validate(&schema, &schema, doc, "$");
        assert!(errors.is_empty(), "{}: {errors:#?}", doc["doc"]);
        analogies += doc["analogies"].as_array().map_or(0, Vec::len);
    }
    assert!(analogies >= 10, "the sample corpus shows analogies");
    // The validator is not vacuous.
    let mut broken = docs[0].clone();
    broken["mentions"][0]["kind"] = Value::from("planet");
    broken["analogies"][0]["sentence"] = Value::Null;
    assert_eq!(validate(&schema, &schema, &broken, "$").len(), 2);
}

#[test]
fn options_date_discovery_gazetteer_lang() {
    let dir = temp_dir("options");
    let text =
        "Alaska 2025 must not become Munich 1938. Signed, Anna Kowalska, historian. Une note de l’Ifri.";
    write(&dir, "t.txt", text.as_bytes());
    write(
        &dir,
        "mine.tsv",
        "id\tkind\tcanonical\taliases\norg/ifri\torganization\tFrench Institute of International Relations\tIfri\n".as_bytes(),
    );
    let doc = |args: &[&str]| -> Value {
        let mut all = vec!["--format", "jsonl", "--no-progress"];
        all.extend_from_slice(args);
        all.push("t.txt");
        let r = run_in(&dir, &all, None);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        lines(&r.stdout).remove(0)
    };
    let ids = |d: &Value| -> Vec<String> {
        d["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                format!(
                    "{}:{}",
                    m["text"].as_str().unwrap(),
                    m["id"].as_str().unwrap_or("null")
                )
            })
            .collect()
    };

    let default = doc(&[]);
    assert_eq!(default["analogies"][0]["target"]["text"], "Munich 1938");
    assert_eq!(default["analogies"][0]["source"]["text"], "Alaska 2025");
    assert!(
        ids(&default).contains(&"Anna Kowalska:null".to_string()),
        "{:?}",
        ids(&default)
    );
    // Written in 1930, Munich 1938 is no history yet.
    let before = doc(&["--date", "1930-06-01"]);
    assert_eq!(before["analogies"], Value::Array(vec![]));
    // Written in 2040, Alaska 2025 is history too: no longer the present side.
    let after = doc(&["--date", "2040-01-01"]);
    assert_eq!(after["analogies"][0]["target"]["text"], "Munich 1938");
    assert_eq!(after["analogies"][0]["source"], Value::Null);

    let strict = doc(&["--no-discovery"]);
    assert!(
        !ids(&strict).iter().any(|m| m.starts_with("Anna Kowalska")),
        "{:?}",
        ids(&strict)
    );

    let mine = doc(&["--gazetteer", "mine.tsv", "--lang", "fr"]);
    assert!(
        ids(&mine).contains(&"Ifri:org/ifri".to_string()),
        "{:?}",
        ids(&mine)
    );

    for (args, message) in [
        (&["--date", "2025-02-30"][..], "invalid date \"2025-02-30\""),
        (&["--lang", "xx"][..], "unknown language \"xx\""),
        (&["--threads", "0"][..], "--threads"),
        (&["--gazetteer", "missing.tsv"][..], "missing.tsv"),
    ] {
        let mut all = args.to_vec();
        all.push("t.txt");
        let r = run_in(&dir, &all, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A JSON Schema validator for the keywords `schema.json` uses; any other
/// keyword is an error, so the schema cannot drift out of what is checked.
fn validate(root: &Value, schema: &Value, value: &Value, at: &str) -> Vec<String> {
    let Some(obj) = schema.as_object() else {
        return vec![format!("{at}: schema is not an object")];
    };
    let mut errors = Vec::new();
    for (key, rule) in obj {
        match key.as_str() {
            "$schema" | "$id" | "title" | "description" | "$defs" => {}
            "$ref" => {
                let name = rule
                    .as_str()
                    .and_then(|r| r.strip_prefix("#/$defs/"))
                    .unwrap_or("?");
                match root["$defs"].get(name) {
                    Some(def) => errors.extend(validate(root, def, value, at)),
                    None => errors.push(format!("{at}: unknown $ref {rule}")),
                }
            }
            "type" => {
                let types: Vec<&str> = match rule {
                    Value::String(t) => vec![t.as_str()],
                    Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => vec![],
                };
                if !types.iter().any(|t| has_type(value, t)) {
                    errors.push(format!("{at}: {value} is not of type {rule}"));
                }
            }
            "enum" => {
                if !rule.as_array().is_some_and(|vs| vs.contains(value)) {
                    errors.push(format!("{at}: {value} is not one of {rule}"));
                }
            }
            "required" => {
                if let Some(o) = value.as_object() {
                    for name in rule.as_array().into_iter().flatten().filter_map(Value::as_str) {
                        if !o.contains_key(name) {
                            errors.push(format!("{at}: missing {name}"));
                        }
                    }
                }
            }
            "properties" => {
                if let (Some(o), Some(props)) = (value.as_object(), rule.as_object()) {
                    for (name, v) in o {
                        if let Some(s) = props.get(name) {
                            errors.extend(validate(root, s, v, &format!("{at}.{name}")));
                        }
                    }
                }
            }
            "additionalProperties" => {
                let props = obj.get("properties").and_then(Value::as_object);
                if let (Some(o), Value::Bool(false)) = (value.as_object(), rule) {
                    for name in o.keys().filter(|k| !props.is_some_and(|p| p.contains_key(*k))) {
                        errors.push(format!("{at}: unexpected field {name}"));
                    }
                }
            }
            "items" => {
                for (i, v) in value.as_array().into_iter().flatten().enumerate() {
                    errors.extend(validate(root, rule, v, &format!("{at}[{i}]")));
                }
            }
            "anyOf" => {
                let options = rule.as_array().map_or(&[][..], Vec::as_slice);
                if !options.iter().any(|s| validate(root, s, value, at).is_empty()) {
                    errors.push(format!("{at}: {value} matches no option"));
                }
            }
            "minimum" | "maximum" => {
                if let (Some(v), Some(limit)) = (value.as_f64(), rule.as_f64()) {
                    if (key == "minimum" && v < limit) || (key == "maximum" && v > limit) {
                        errors.push(format!("{at}: {v} out of range ({key} {limit})"));
                    }
                }
            }
            other => errors.push(format!("schema keyword {other:?} is not supported by this test")),
        }
    }
    errors
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        _ => false,
    }
}
