"""Dump what openpyxl sees in a bulletin workbook as JSON, for tests/cli/demo-e2e.test.ts.

Usage: /usr/bin/python3 dump_bulletin.py BULLETIN.xlsx
"""
import json
import sys
import zipfile

import openpyxl


def main(path):
    # Cached values: figures link to the 明细 sheet through HYPERLINK formulas.
    wb = openpyxl.load_workbook(path, data_only=True)
    # Codes live in the hidden data sheet, in plan order; the printed tables carry names only.
    data = wb["通报数据"]
    codes = [r[1] for r in data.iter_rows(values_only=True) if r[0] == "city"]
    unit_names = {r[2]: r[1] for r in data.iter_rows(values_only=True) if r[0] == "unit"}
    city = wb["市级目标完成情况"]
    header = [c.value for c in city[4]]
    col = {h: i for i, h in enumerate(header)}
    rows = []
    for r in city.iter_rows(min_row=5, values_only=True):
        if not isinstance(r[col["序号"]], int):
            continue
        rows.append({
            "code": codes[r[col["序号"]] - 1],
            "target": r[col["2025年目标"]],
            "actual": r[col["当前值"]],
            "completion": r[col["完成率"]],
            "expected": r[col["序时进度应达值"]],
            "status": r[col["状态"]],
        })
    units = wb["综合得分及排名"]
    head = [c.value for c in units[4]]
    score_col = head.index("综合得分")
    rank_col = head.index("排名")
    name_col = head.index("单位")
    scores = {}
    for r in units.iter_rows(min_row=5, values_only=True):
        if r[name_col] is None:
            break
        scores[unit_names[r[name_col]]] = {"score": r[score_col], "rank": r[rank_col]}
    b = wb["工作通报"]
    texts = [c.value for row in b.iter_rows() for c in row if isinstance(c.value, str)]
    ps = b.page_setup
    print(json.dumps({
        "sheets": wb.sheetnames,
        "city": rows,
        "units": scores,
        "bulletinTexts": texts,
        "bulletinPrint": {
            "orientation": ps.orientation,
            "paperSize": int(ps.paperSize) if ps.paperSize is not None else None,
            "fitToWidth": ps.fitToWidth,
            "fitToPage": bool(b.sheet_properties.pageSetUpPr.fitToPage) if b.sheet_properties.pageSetUpPr else False,
        },
        "charts": sorted(n for n in zipfile.ZipFile(path).namelist() if n.startswith("xl/charts/chart")),
        "issues": [[c for c in r] for r in wb["数据问题"].iter_rows(min_row=5, values_only=True)],
    }, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(sys.argv[1])
