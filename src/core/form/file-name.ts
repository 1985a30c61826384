// The file name of a unit's template or return: unit code first, so a folder of returns sorts by unit,
// and no character that Windows or a mail gateway refuses.
import type { Period } from "../plan/periods";
import type { Unit } from "../plan/types";

export function templateFileName(unit: Unit, period: Period): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\s]/g, "_");
  return `${safe(unit.code)}-${safe(unit.name)}-${period.id}.xlsx`;
}

/** The annotated copy of a checked return (`srdi check --annotate`, the pane's 导出标注副本). */
export function annotatedFileName(file: string): string {
  const base = (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]*$/, "") || "报表";
  return `${base}-校验结果.xlsx`;
}
