// Hands a file the pane made to the user: a browser download where the host can do one; where it cannot
// (Excel for Mac and iPad ignore blob downloads, office-js#3385) a workbook is opened as a new workbook in
// Excel instead, and anything else is said plainly with the route that works. Never reports a download
// that did not happen.
import type { SaveFile } from "./host-files";

export type Delivery = "saved" | "opened" | "none";

export interface DeliverHost {
  /** The host can save files through the browser. */
  downloads: boolean;
  save: SaveFile;
  /** Opens workbook bytes as a new workbook (false when it cannot). */
  openWorkbook?: (bytes: Uint8Array) => Promise<boolean>;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function deliver(
  host: DeliverHost,
  fileName: string,
  bytes: Uint8Array,
  type: string = XLSX,
): Promise<Delivery> {
  if (host.downloads) {
    host.save(fileName, bytes, type);
    return "saved";
  }
  if (type === XLSX && host.openWorkbook && (await host.openWorkbook(bytes))) return "opened";
  return "none";
}
