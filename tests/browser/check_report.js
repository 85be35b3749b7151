// Loads the analyze example's HTML report in headless Chromium and checks it
// against the JSON lines output of the same corpus:
//
//   node check_report.js REPORT.html OUTPUT.jsonl SCREENSHOT.png
//
// Fails on any console error, page error or network request; checks that the
// number of highlighted spans equals the number of mentions, that every
// analogy is listed and linked, that the summary charts have bars, and that
// the kind filter and the document filter work. Writes a screenshot.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const [reportPath, jsonlPath, shotPath] = process.argv.slice(2);
if (!reportPath || !jsonlPath || !shotPath) {
  console.error("usage: node check_report.js REPORT.html OUTPUT.jsonl SCREENSHOT.png");
  process.exit(2);
}

const docs = fs
  .readFileSync(jsonlPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const mentions = docs.reduce((n, d) => n + d.mentions.length, 0);
const analogies = docs.reduce((n, d) => n + d.analogies.length, 0);

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1500 } });
    const problems = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    const requests = [];
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith("file:") || url.startsWith("data:")) return route.continue();
      requests.push(url);
      return route.abort();
    });

    await page.goto("file://" + path.resolve(reportPath), { waitUntil: "load" });

    const marks = await page.$$eval("mark.m", (els) => els.length);
    check("highlighted spans = mentions in the JSON lines", marks === mentions && mentions > 0, `${marks} marks, ${mentions} mentions`);

    const docCount = await page.$$eval("details.doc", (els) => els.length);
    check("one section per document", docCount === docs.length, `${docCount} sections, ${docs.length} documents`);

    const items = await page.$$eval("li.analogy", (els) => els.length);
    check("every analogy listed", items === analogies, `${items} listed, ${analogies} in the JSON lines`);

    const dangling = await page.$$eval("a.side", (els) =>
      els.filter((a) => !document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)))).length,
    );
    check("analogy links point at highlighted spans", dangling === 0, `${dangling} dangling`);

    const bars = await page.$$eval("#summary .chart svg rect", (els) =>
      els.filter((r) => r.getBoundingClientRect().width > 0).length,
    );
    check("summary charts rendered with bars", bars > 0, `${bars} visible bars`);

    // Kind filter: hiding people clears their highlight and their chart.
    const personMark = await page.$("mark.m.person");
    const bg = () => personMark.evaluate((el) => getComputedStyle(el).backgroundColor);
    const before = personMark ? await bg() : "";
    await page.uncheck('input[data-kind="person"]');
    const hidden = personMark ? await bg() : "";
    const chartGone = await page.$eval(".chart.k-person", (el) => getComputedStyle(el).display === "none");
    await page.check('input[data-kind="person"]');
    const back = personMark ? await bg() : "";
    check(
      "kind filter toggles highlights and charts",
      personMark && before !== hidden && hidden === "rgba(0, 0, 0, 0)" && back === before && chartGone,
      `${before} -> ${hidden} -> ${back}, chart hidden: ${chartGone}`,
    );

    // Document filter: the first document's name keeps it and drops others.
    const first = docs[0].doc;
    await page.fill("#q", first);
    await page.waitForTimeout(400);
    const visible = await page.$$eval("details.doc", (els) => els.filter((d) => !d.hidden).length);
    const shown = await page.$eval("#shown", (el) => el.textContent);
    check("document filter", visible >= 1 && visible <= docs.length && shown === String(visible), `${visible} visible, counter ${shown}`);
    await page.fill("#q", "");
    await page.waitForTimeout(400);

    // Hovering an analogy outlines its sides (and cue) in the text.
    let outlined = 0;
    const item = await page.$("li.analogy");
    if (item) {
      await item.evaluate((li) => li.closest("details").setAttribute("open", ""));
      await item.hover();
      outlined = await page.$$eval(".text .hl", (els) => els.length);
      await page.mouse.move(0, 0);
    }
    check("hovering an analogy outlines its sides in the text", outlined >= 2, `${outlined} outlined`);

    const title = await page.$eval("mark.m", (el) => el.getAttribute("title"));
    check("hover text names canonical, id and score", /score \d\.\d\d/.test(title || ""), title);

    check("no console errors, page errors or network requests", problems.length === 0 && requests.length === 0, problems.concat(requests).join("; "));

    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    fs.mkdirSync(path.dirname(path.resolve(shotPath)), { recursive: true });
    await page.screenshot({ path: shotPath });
    console.log(`screenshot: ${shotPath}`);
  } finally {
    await browser.close();
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
