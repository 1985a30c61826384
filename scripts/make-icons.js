// Draws the add-in's ribbon and store icons (assets/icon-<size>.png) with headless Chromium, so the
// PNGs are reproducible without an image editor: `node scripts/make-icons.js`.
const path = require("path");
const os = require("os");
const fs = require("fs");
const { chromium } = require("playwright-core");

const SIZES = [16, 32, 64, 80, 128];

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srdi-icons-"));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  for (const s of SIZES) {
    const r = Math.round(s / 6);
    await page.setViewportSize({ width: s, height: s });
    await page.setContent(`<html><body style="margin:0;background:transparent">
      <div id="i" style="width:${s}px;height:${s}px;border-radius:${r}px;background:#1F6F43;color:#fff;
        display:flex;align-items:center;justify-content:center;
        font:bold ${Math.round(s * 0.72)}px 'WenQuanYi Micro Hei',sans-serif;line-height:1">专</div></body></html>`);
    await page
      .locator("#i")
      .screenshot({ path: path.join(__dirname, "..", "assets", `icon-${s}.png`), omitBackground: true });
  }
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
