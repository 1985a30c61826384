/** @jest-environment jsdom */
// Offline validation of the add-in manifest (dev and production): the structure Office requires, every
// resource id defined, icons present at their pixel sizes, https everywhere.
import { readFileSync, existsSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as {
  rewriteManifest: (xml: string, url?: string) => string;
  DEV_URL: string;
};

const DEV = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PROD_URL = "https://srdi.example.gov.cn/addin/";

/** OfficeApp children in schema order (TaskPaneApp); "?" = optional. */
const ORDER = [
  "Id",
  "AlternateId?",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains?",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot?",
  "VersionOverrides",
];

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
  return doc;
}

const children = (el: Element) => Array.from(el.children);
const byLocal = (doc: Document | Element, name: string) =>
  Array.from(doc.getElementsByTagName("*")).filter((e) => e.localName === name);

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

function allUrls(doc: Document): string[] {
  const out: string[] = [];
  for (const e of Array.from(doc.getElementsByTagName("*"))) {
    for (const a of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(a);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
  }
  return out;
}

function checkManifest(xml: string, base: string) {
  const doc = parse(xml);
  const root = doc.documentElement;
  expect(root.localName).toBe("OfficeApp");
  expect(root.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")).toBe("TaskPaneApp");

  // Element order per schema
  const names = children(root).map((e) => e.localName);
  let i = 0;
  for (const n of names) {
    while (i < ORDER.length && ORDER[i].replace("?", "") !== n) {
      expect(ORDER[i].endsWith("?")).toBe(true); // a required element is missing or out of order
      i++;
    }
    expect(ORDER[i]?.replace("?", "")).toBe(n);
    i++;
  }
  for (const req of ORDER.filter((o) => !o.endsWith("?"))) expect(names).toContain(req);
  expect(names).not.toContain("AppDomains");

  const text = (n: string) => byLocal(root, n)[0]?.textContent?.trim() ?? "";
  const attr = (n: string) => byLocal(root, n)[0]?.getAttribute("DefaultValue") ?? "";
  expect(text("Id")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(text("Version")).toMatch(/^\d+(\.\d+){0,3}$/);
  expect(text("DefaultLocale")).toBe("zh-CN");
  expect(text("Permissions")).toBe("ReadWriteDocument");
  for (const n of ["DisplayName", "Description"]) {
    const el = children(root).find((e) => e.localName === n)!;
    expect(el.getAttribute("DefaultValue")).toBeTruthy();
    expect(el.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(n === "DisplayName" ? 125 : 250);
    expect(
      children(el)
        .find((o) => o.localName === "Override")
        ?.getAttribute("Locale"),
    ).toBe("en-US");
  }
  const host = children(byLocal(root, "Hosts")[0]).map((h) => h.getAttribute("Name"));
  expect(host).toEqual(["Workbook"]);
  const set = byLocal(root, "Set")[0];
  expect([set.getAttribute("Name"), set.getAttribute("MinVersion")]).toEqual(["ExcelApi", "1.7"]);
  expect(attr("SourceLocation")).toBe(`${base}taskpane.html`);

  // Every resid is defined, in the resource kind its element needs
  const defined = (kind: string) =>
    new Set(children(byLocal(root, kind)[0]).map((e) => e.getAttribute("id")));
  const images = defined("Images");
  const urls = defined("Urls");
  const shorts = defined("ShortStrings");
  const longs = defined("LongStrings");
  const refs = Array.from(root.getElementsByTagName("*")).filter((e) => e.hasAttribute("resid"));
  expect(refs.length).toBeGreaterThan(10);
  for (const e of refs) {
    const id = e.getAttribute("resid")!;
    const parent = e.parentElement!.localName;
    const kind =
      e.localName === "Image"
        ? images
        : ["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(e.localName)
          ? urls
          : e.localName === "Description" && (parent === "Supertip" || parent === "GetStarted")
            ? longs
            : shorts;
    expect([e.localName, id, kind.has(id)]).toEqual([e.localName, id, true]);
  }
  for (const s of byLocal(byLocal(root, "ShortStrings")[0], "String"))
    expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(125);
  for (const s of byLocal(byLocal(root, "LongStrings")[0], "String"))
    expect(s.getAttribute("DefaultValue")!.length).toBeLessThanOrEqual(250);

  // Icons: every image URL names a committed PNG of the declared size
  const icon = (url: string) => path.join(ROOT, "assets", url.slice(`${base}assets/`.length));
  const checkIcon = (url: string, size: number) => {
    expect(url.startsWith(`${base}assets/`)).toBe(true);
    expect(existsSync(icon(url))).toBe(true);
    expect(pngSize(icon(url))).toEqual([size, size]);
  };
  checkIcon(attr("IconUrl"), 32);
  checkIcon(attr("HighResolutionIconUrl"), 64);
  const imageUrl = new Map(
    children(byLocal(root, "Images")[0]).map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")!]),
  );
  for (const img of byLocal(root, "Image").filter((e) => e.hasAttribute("resid")))
    checkIcon(imageUrl.get(img.getAttribute("resid"))!, Number(img.getAttribute("size")));

  // https only, all on the add-in's own origin
  const all = allUrls(doc);
  expect(all.length).toBeGreaterThan(5);
  for (const u of all) {
    expect(u.startsWith("https://")).toBe(true);
    expect(u.startsWith(base)).toBe(true);
  }

  // The ribbon: a group on the Home tab with the three pane buttons and the quick action
  const tab = byLocal(root, "OfficeTab")[0];
  expect(tab.getAttribute("id")).toBe("TabHome");
  const shortText = new Map(
    byLocal(byLocal(root, "ShortStrings")[0], "String").map((e) => [
      e.getAttribute("id"),
      e.getAttribute("DefaultValue"),
    ]),
  );
  const urlText = new Map(
    children(byLocal(root, "Urls")[0]).map((e) => [e.getAttribute("id"), e.getAttribute("DefaultValue")]),
  );
  const controls = byLocal(tab, "Control").map((c) => {
    const action = byLocal(c, "Action")[0];
    const label = shortText.get(byLocal(c, "Label")[0].getAttribute("resid"));
    const type = action.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type");
    const target =
      type === "ShowTaskpane"
        ? urlText.get(byLocal(action, "SourceLocation")[0].getAttribute("resid"))
        : byLocal(action, "FunctionName")[0].textContent;
    return [label, type, target];
  });
  expect(controls).toEqual([
    ["插入模板", "ShowTaskpane", `${base}taskpane.html?view=clerk`],
    ["自查", "ShowTaskpane", `${base}taskpane.html?view=check`],
    ["导入汇总", "ShowTaskpane", `${base}taskpane.html?view=bureau`],
    ["清除标记", "ExecuteFunction", "clearHighlights"],
  ]);
  return doc;
}

test("the dev manifest is valid", () => {
  checkManifest(DEV, webpackConfig.DEV_URL);
});

test("the production manifest (as the build rewrites it) is valid and has no localhost", () => {
  const prod = webpackConfig.rewriteManifest(DEV, PROD_URL);
  expect(prod).not.toMatch(/https?:\/\/localhost/);
  checkManifest(prod, PROD_URL);
});

test("a non-https production URL is refused", () => {
  const before = process.env.ADDIN_PROD_URL;
  process.env.ADDIN_PROD_URL = "http://intranet/addin/";
  try {
    expect(() => webpackConfig.rewriteManifest(DEV)).toThrow(/https/);
  } finally {
    if (before === undefined) delete process.env.ADDIN_PROD_URL;
    else process.env.ADDIN_PROD_URL = before;
  }
});

test("the ExecuteFunction name is the one commands.ts associates", () => {
  const src = readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
  expect(src).toContain('Office.actions.associate("clearHighlights"');
});

test("a built manifest in dist/addin, when present, is a valid production manifest", () => {
  const built = path.join(ROOT, "dist/addin/manifest.xml");
  if (!existsSync(built)) return;
  const xml = readFileSync(built, "utf8");
  const base = /<SourceLocation DefaultValue="(https:\/\/[^"]+?)taskpane\.html"/.exec(xml)?.[1];
  expect(base).toBeDefined();
  checkManifest(xml, base!);
});
