// Which Excel API sets the host supports above the manifest's minimum (ExcelApi 1.7), and so which
// features the pane offers or replaces with a fallback (Script Lab habit: guard every call above baseline).

export interface HostSupport {
  /** ExcelApi 1.8: data validation. Below it the template is offered as a file download. */
  validation: boolean;
  /** ExcelApi 1.9: page layout (print setup) and auto filter. Below it print setup is skipped. */
  pageLayout: boolean;
  /** ExcelApi 1.10: threaded comments, used for notes when notes are missing. */
  comments: boolean;
  /** ExcelApi 1.13: insertWorksheetsFromBase64, to keep imported returns' sheets in the workbook. */
  insertSheets: boolean;
  /** ExcelApi 1.18: notes. */
  notes: boolean;
  /** The pane can save a file through the browser (a blob download). Excel for Mac and iPad cannot
   * (OfficeDev/office-js#3385): the pane offers another route there. */
  downloads: boolean;
}

/** Excel for Mac and iPad run the pane in a WebView that ignores blob downloads. */
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
