"""Dump what openpyxl sees in an .xlsx as JSON, for the jest round-trip tests.

Usage: /usr/bin/python3 inspect_xlsx.py FILE [CELL ...]
CELL is "Sheet!A1"; for each, the value, openpyxl data_type, locked flag and number format are dumped.
"""
import json
import sys

import openpyxl


def sheet_info(ws):
    ps = ws.page_setup
    pr = ws.sheet_properties.pageSetUpPr
    return {
        "state": ws.sheet_state,
        "protected": bool(ws.protection.sheet),
        "password": ws.protection.password,
        "selectLockedCells": ws.protection.selectLockedCells,
        "freeze": ws.freeze_panes,
        "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
        "orientation": ps.orientation,
        "fitToPage": bool(pr.fitToPage) if pr is not None else False,
        "fitToWidth": ps.fitToWidth,
        "fitToHeight": ps.fitToHeight,
        "scale": int(ps.scale) if ps.scale is not None else None,
        "printTitleCols": ws.print_title_cols,
        "printTitleRows": ws.print_title_rows,
        "horizontalCentered": bool(ws.print_options.horizontalCentered),
        "merges": [str(r) for r in ws.merged_cells.ranges],
        "tabColor": ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor is not None else None,
        "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        "validations": [
            {
                "type": dv.type,
                "operator": dv.operator,
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "sqref": str(dv.sqref),
                "allowBlank": bool(dv.allow_blank),
                "promptTitle": dv.promptTitle,
                "prompt": dv.prompt,
                "showInputMessage": bool(dv.showInputMessage),
                "errorTitle": dv.errorTitle,
                "error": dv.error,
                "errorStyle": dv.errorStyle,
                "showErrorMessage": bool(dv.showErrorMessage),
            }
            for dv in ws.data_validations.dataValidation
        ],
        "conditional": [
            {"range": str(cf.sqref), "rules": [{"type": r.type, "operator": r.operator, "formula": list(r.formula)} for r in cf.rules]}
            for cf in ws.conditional_formatting
        ],
        "maxRow": ws.max_row,
        "maxColumn": ws.max_column,
    }


def cell_info(wb, ref):
    sheet, addr = ref.rsplit("!", 1)
    c = wb[sheet][addr]
    v = c.value
    if v is not None and not isinstance(v, (str, int, float, bool)):
        v = str(v)
    return {
        "value": v,
        "dataType": c.data_type,
        "locked": bool(c.protection.locked),
        "numFmt": c.number_format,
        "bold": bool(c.font.b),
        "fill": c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None,
        "wrap": bool(c.alignment.wrap_text),
        "hAlign": c.alignment.horizontal,
        "note": c.comment.text if c.comment is not None else None,
    }


def defined_names(wb):
    dn = wb.defined_names
    if hasattr(dn, "items"):  # openpyxl >= 3.1
        return {n: d.attr_text for n, d in dn.items()}
    return {d.name: d.attr_text for d in dn.definedName if d.localSheetId is None}


def main():
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path)
    out = {
        "sheets": wb.sheetnames,
        "info": {ws.title: sheet_info(ws) for ws in wb.worksheets},
        "names": defined_names(wb),
        "cells": {ref: cell_info(wb, ref) for ref in sys.argv[2:]},
        "title": wb.properties.title,
    }
    # Formulas with cached values: data_only view.
    wbv = openpyxl.load_workbook(path, data_only=True)
    out["cached"] = {ref: wbv[ref.rsplit("!", 1)[0]][ref.rsplit("!", 1)[1]].value for ref in sys.argv[2:]}
    json.dump(out, sys.stdout, ensure_ascii=False, default=str)


if __name__ == "__main__":
    main()
