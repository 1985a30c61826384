// Each ribbon button has its own icon at every size Office asks for (16, 32, 80), drawn at that size.
import { readFileSync } from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const xml = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

const controls = [...xml.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
const imageUrl = new Map(
  [...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"\/>/g)].map((m) => [m[1], m[2]]),
);

test("four buttons, each with its own icon at 16, 32 and 80 px", () => {
  expect(controls.map((c) => c[1])).toEqual([
    "SRDI.InsertTemplate",
    "SRDI.SelfCheck",
    "SRDI.Import",
    "SRDI.ClearMarks",
  ]);
  for (const size of [16, 32, 80]) {
    const files = controls.map((c) => {
      const resid = new RegExp(`<bt:Image size="${size}" resid="([^"]+)"/>`).exec(c[2])![1];
      const url = imageUrl.get(resid)!;
      return path.join(ROOT, "assets", url.slice(url.lastIndexOf("/") + 1));
    });
    expect(new Set(files).size).toBe(controls.length);
    const bytes = files.map((f) => readFileSync(f).toString("base64"));
    expect(new Set(bytes).size).toBe(controls.length);
    for (const f of files) expect(pngSize(f)).toEqual([size, size]);
  }
});
