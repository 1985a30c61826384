// The template inserted through Office.js (fake host) is the template the CLI writes: compared cell by
// cell and validation by validation with what openpyxl reads from writeWorkbook's file.
import { execFileSync } from "child_process";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { address } from "../../src/core/a1";
import { writeWorkbookDescription } from "../../src/excel/write";
import { writeWorkbook } from "../../src/xlsx/write";
import { uninstallFakeOffice } from "../fake-excel";
import { fakeGrid, install, template } from "./helpers";

const PY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = []
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells.append([c.coordinate, c.value if not hasattr(c.value, "isoformat") else c.value.isoformat()])
    dvs = []
    for dv in ws.data_validations.dataValidation:
        dvs.append({"sqref": str(dv.sqref), "type": dv.type, "operator": dv.operator,
                    "f1": dv.formula1, "f2": dv.formula2, "allowBlank": bool(dv.allow_blank),
                    "error": dv.error, "prompt": dv.prompt})
    out[ws.title] = {"state": ws.sheet_state, "cells": cells, "dvs": dvs}
print(json.dumps(out, ensure_ascii=False))
`;

const TYPES: Record<string, string> = {
  list: "list",
  wholeNumber: "whole",
  decimal: "decimal",
  textLength: "textLength",
  date: "date",
  custom: "custom",
};

function norm(f: unknown): string | null {
  if (f === null || f === undefined) return null;
  return String(f)
    .replace(/^=/, "")
    .replace(/^"(.*)"$/, "$1");
}

test("adapter-inserted template = writeWorkbook file read by openpyxl", async () => {
  const desc = template();
  const dir = mkdtempSync(path.join(tmpdir(), "srdi-excel-"));
  const file = path.join(dir, "t.xlsx");
  writeFileSync(file, await writeWorkbook(desc));
  const py = path.join(dir, "dump.py");
  writeFileSync(py, PY);
  const fromFile = JSON.parse(
    execFileSync("/usr/bin/python3", [py, file], { encoding: "utf8", maxBuffer: 64e6 }),
  );

  const host = install();
  await writeWorkbookDescription(desc, { replace: true });
  try {
    for (const d of desc.sheets) {
      const f = fromFile[d.name];
      expect(f).toBeDefined();
      expect(f.state).toBe(d.state);
      const grid = fakeGrid(host.state.sheet(d.name)!);
      const ours: [string, unknown][] = [];
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) ours.push([address(r, c), v]);
        }),
      );
      // An empty string is an empty cell once typed into Excel.
      const fileCells = new Map<string, unknown>(
        (f.cells as [string, unknown][]).filter(([, v]) => v !== ""),
      );
      expect(ours.map((x) => x[0]).sort()).toEqual([...fileCells.keys()].sort());
      for (const [a, v] of ours) expect([a, fileCells.get(a)]).toEqual([a, v]);

      const fake = host.state.sheet(d.name)!.validations;
      expect(fake.length).toBe(f.dvs.length);
      for (const dv of f.dvs) {
        const mine = fake.find((x) => x.range === dv.sqref);
        expect(mine).toBeDefined();
        const [kind, rule] = Object.entries(mine!.rule)[0] as [string, Record<string, unknown>];
        expect(TYPES[kind]).toBe(dv.type);
        expect(norm(rule.source ?? rule.formula1 ?? rule.formula)).toBe(norm(dv.f1));
        expect(norm(rule.formula2)).toBe(norm(dv.f2));
        expect(mine!.ignoreBlanks).toBe(dv.allowBlank);
        expect((mine!.errorAlert as { message: string }).message).toBe(dv.error);
      }
    }
  } finally {
    uninstallFakeOffice(globalThis as unknown as Record<string, unknown>);
  }
}, 60000);
