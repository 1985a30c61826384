// The plan a copy of the page carries: `srdi web --plan 规划配置.xlsx` writes the workbook (base64) into the
// page's <script type="application/json" id="srdi-plan"> data block; null means the built-in plan. The
// workbook is read by the same guarded reader and plan checks as one the user loads.
export interface EmbeddedPlan {
  name: string;
  base64: string;
}

/** Base64 text as bytes (atob: the page has no Buffer). */
export function base64Bytes(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function embeddedPlan(doc: Document): EmbeddedPlan | null {
  const text = doc.getElementById("srdi-plan")?.textContent ?? "null";
  try {
    const v = JSON.parse(text) as unknown;
    if (v && typeof v === "object" && "base64" in v && "name" in v)
      return { name: String((v as EmbeddedPlan).name), base64: String((v as EmbeddedPlan).base64) };
  } catch {
    // A damaged data block: the built-in plan, and the page says which plan it runs.
  }
  return null;
}
