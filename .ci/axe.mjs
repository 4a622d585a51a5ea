// axe-core against a page in the system Chromium: node .ci/axe.mjs FILE.html
// Exits 1 on any violation (the page has none, so a moderate one is a
// regression too). Needs axe-core and
// puppeteer-core from npm (PUPPETEER_SKIP_DOWNLOAD=1) and CHROME_PATH.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
const require = createRequire(path.join(process.cwd(), "package.json"));
const puppeteer = require("puppeteer-core");
const axe = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH, args: ["--no-sandbox", "--headless=new"] });
let bad = 0;
for (const width of [1440, 390]) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto("file://" + path.resolve(process.argv[2]));
  // Draw what the page draws on demand, so axe sees it all.
  await page.evaluate(() => window.crosswalkDrawAll && window.crosswalkDrawAll());
  await page.evaluate(axe); // CSP does not apply to evaluated code
  const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  for (const v of res.violations) {
    console.log(`${width}px ${v.impact} ${v.id}: ${v.nodes.length} nodes — ${v.help}`);
    bad++;
  }
  await page.close();
}
await browser.close();
console.log(bad ? `${bad} violations` : "axe-core: no violation");
process.exit(bad ? 1 : 0);
