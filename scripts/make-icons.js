// Draws the add-in's icons with headless Chromium, so the PNGs are reproducible without an image editor:
// `node scripts/make-icons.js`. assets/icon-<size>.png is the add-in's own icon (store, group);
// assets/<button>-<size>.png are the ribbon buttons' icons, one drawing each, at the sizes the manifest
// declares (16, 32, 80), so that 插入模板, 自查, 导入汇总 and 清除标记 can be told apart at a glance.
const path = require("path");
const os = require("os");
const fs = require("fs");
const { chromium } = require("playwright-core");

const ADDIN_SIZES = [16, 32, 64, 80, 128];
const BUTTON_SIZES = [16, 32, 80];
const GREEN = "#1F6F43";

/** 24×24 drawings (SVG), scaled to each size; strokes widen a little at 16 px to stay visible. */
const BUTTONS = {
  // A sheet with a header row and a plus: insert the template.
  template: (w) => `
    <rect x="3" y="3" width="14" height="18" rx="1.5" fill="#fff" stroke="${GREEN}" stroke-width="${w}"/>
    <rect x="3" y="3" width="14" height="4.5" fill="${GREEN}"/>
    <path d="M6 11h8M6 14.5h8M6 18h4" stroke="${GREEN}" stroke-width="${w * 0.8}"/>
    <circle cx="18" cy="18" r="5.2" fill="${GREEN}"/>
    <path d="M18 15.2v5.6M15.2 18h5.6" stroke="#fff" stroke-width="${w * 1.1}" stroke-linecap="round"/>`,
  // A sheet with a check mark: self-check.
  check: (w) => `
    <rect x="3" y="3" width="14" height="18" rx="1.5" fill="#fff" stroke="#0F6CBD" stroke-width="${w}"/>
    <path d="M6 8h8M6 11.5h5" stroke="#0F6CBD" stroke-width="${w * 0.8}"/>
    <circle cx="17.5" cy="17.5" r="5.5" fill="#0F6CBD"/>
    <path d="M14.8 17.6l2 2 3.6-3.9" fill="none" stroke="#fff" stroke-width="${w * 1.1}" stroke-linecap="round" stroke-linejoin="round"/>`,
  // Several sheets flowing into one: import and aggregate.
  import: (w) => `
    <rect x="2" y="2" width="9" height="11" rx="1" fill="#fff" stroke="#8A3FFC" stroke-width="${w}"/>
    <rect x="5" y="5" width="9" height="11" rx="1" fill="#fff" stroke="#8A3FFC" stroke-width="${w}"/>
    <path d="M15.5 10.5h5.5v11H9v-3.5" fill="none" stroke="#8A3FFC" stroke-width="${w}" stroke-linejoin="round"/>
    <path d="M12 16.5l3.5 2.8M15.5 19.3l-3.2 0.1M15.5 19.3l0.5-3.1" stroke="#8A3FFC" stroke-width="${w}" stroke-linecap="round"/>`,
  // An eraser over a highlighted cell: clear the highlights.
  clear: (w) => `
    <rect x="2.5" y="13" width="10" height="7" fill="#FFC7CE" stroke="#9C0006" stroke-width="${w * 0.8}"/>
    <path d="M10 15.5l8-8a2 2 0 0 1 2.8 0l1.2 1.2a2 2 0 0 1 0 2.8l-7.5 7.5h-4.5z" fill="#605E5C"/>
    <path d="M10 15.5l4 4" stroke="#fff" stroke-width="${w * 0.8}"/>
    <path d="M3 21.5h18" stroke="#605E5C" stroke-width="${w * 0.8}" stroke-linecap="round"/>`,
};

async function shoot(page, size, html, file) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${html}</body></html>`);
  await page
    .locator("#i")
    .screenshot({ path: path.join(__dirname, "..", "assets", file), omitBackground: true });
}

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "srdi-icons-"));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const page = await browser.newPage();
  for (const s of ADDIN_SIZES) {
    const r = Math.round(s / 6);
    await shoot(
      page,
      s,
      `<div id="i" style="width:${s}px;height:${s}px;border-radius:${r}px;background:${GREEN};color:#fff;
        display:flex;align-items:center;justify-content:center;
        font:bold ${Math.round(s * 0.72)}px 'WenQuanYi Micro Hei',sans-serif;line-height:1">专</div>`,
      `icon-${s}.png`,
    );
  }
  for (const [name, draw] of Object.entries(BUTTONS))
    for (const s of BUTTON_SIZES) {
      const w = s <= 16 ? 2 : 1.5;
      await shoot(
        page,
        s,
        `<svg id="i" xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 24 24">${draw(w)}</svg>`,
        `${name}-${s}.png`,
      );
    }
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
