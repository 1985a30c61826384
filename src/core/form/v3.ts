// Form v3 (issue 26): version 2 with the clerk's 说明 column, where a history or outlier warning is
// answered (a warning whose row has a 说明 counts as explained), and a 区域指标 cell explaining the firms
// reported last round and not now (退出). Both are text with a length cap, validated in the file.
import type { FieldDef, FormDef, LabelCellDef } from "./types";
import { FORM_V2 } from "./v2";

export const FORM_V3_VERSION = "3";

export const EXPLANATION: FieldDef = {
  key: "explanation",
  header: "说明",
  type: "text",
  maxLength: 200,
  width: 30,
  hint: "与上期相比变化较大或系统提示需核实的，请写明原因(不超过200个字符)",
};

const EXIT_NOTE: LabelCellDef = {
  key: "exit_note",
  header: "上期填报、本期未填报企业的说明",
  type: "text",
  maxLength: 500,
  row: 6,
  hint: "上期填报的企业本期不再填报的(注销、迁出、不再纳入培育库等)，逐户写明企业名称和原因，不超过500个字符",
};

export const FORM_V3: FormDef = {
  ...FORM_V2,
  version: FORM_V3_VERSION,
  enterprises: { ...FORM_V2.enterprises, fields: [...FORM_V2.enterprises.fields, EXPLANATION] },
  region: { ...FORM_V2.region, cells: [...FORM_V2.region.cells, EXIT_NOTE] },
  notes: [
    ...(FORM_V2.notes ?? []),
    "自查时如提示数据与上期相差较大或与同类企业明显偏离，请核实；确属实的在该企业的\u201c说明\u201d列写明原因，上期填报、本期不再填报的企业在\u201c区域指标\u201d中说明。",
  ],
};
