// Which Excel API sets the host supports above the manifest's minimum (ExcelApi 1.7), and so which
// features the pane offers or replaces with a fallback (Script Lab habit: guard every call above baseline).

import type { HostSupport } from "../host/types";

export type { HostSupport };

/** Excel for Mac and iPad run the pane in a WebView that ignores blob downloads (office-js#3385). */
export function canDownload(): boolean {
  if (typeof Office === "undefined") return true;
  const p = Office.context?.platform as unknown as string | undefined;
  return p !== "Mac" && p !== "iOS";
}

export function excelApi(version: string): boolean {
  return (
    typeof Office !== "undefined" &&
    Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
  );
}

export function detectSupport(): HostSupport {
  return {
    validation: excelApi("1.8"),
    pageLayout: excelApi("1.9"),
    comments: excelApi("1.10"),
    insertSheets: excelApi("1.13"),
    notes: excelApi("1.18"),
    downloads: canDownload(),
  };
}

export const FULL_SUPPORT: HostSupport = {
  validation: true,
  pageLayout: true,
  comments: true,
  insertSheets: true,
  notes: true,
  downloads: true,
};
