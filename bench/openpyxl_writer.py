"""The analyst's whole job in openpyxl: openpyxl_baseline.py's reading and counting, then the bulletin's
three tables written with openpyxl in write-only mode (the fast mode for large files): the city table (one
row per figure), the unit table (per return: rows, recognised firms by tier, SRDI firms, their revenue and
R&D) and the enterprise list (every SRDI firm with its unit and key columns). Header rows bold, number
formats on the money columns. What srdi aggregate --out --docx does beyond this (scores, ranks, the
bulletin text, the .docx, charts, print setup) is not attempted: the comparison favours the script.

    openpyxl_writer.py YEAR OUT.xlsx FILE...
"""
import sys

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

import openpyxl_baseline as base


def main(period_year, out_file, files):
    units = []
    rows = []
    for f in files:
        wb = base.openpyxl.load_workbook(f, read_only=True, data_only=True)
        it = wb["企业名录"].iter_rows(values_only=True)
        header = next(it)
        mine = []
        for r in it:
            if all(v is None for v in r):
                break
            mine.append(dict(zip(header, r)))
        wb.close()
        units.append((f.rsplit("/", 1)[-1], mine))
        rows.extend(mine)

    def srdi_of(rs):
        seen, out = set(), []
        for r in rs:
            py = base.num(r.get(base.YEAR_COLS["provincial"]))
            lg = base.num(r.get(base.YEAR_COLS["little_giant"]))
            if base.recognised(py, period_year) or base.recognised(lg, period_year):
                code = r.get("统一社会信用代码")
                if code not in seen:
                    seen.add(code)
                    out.append(r)
        return out

    book = Workbook(write_only=True)
    bold = Font(bold=True)

    def head(ws, names):
        cells = []
        for n in names:
            c = WriteOnlyCell(ws, value=n)
            c.font = bold
            cells.append(c)
        ws.append(cells)

    city = book.create_sheet("市级目标完成情况")
    head(city, ["指标", "数值"])
    for key, col in base.YEAR_COLS.items():
        city.append([col, sum(1 for r in rows if base.recognised(base.num(r.get(col)), period_year))])
    srdi = srdi_of(rows)
    city.append(["专精特新企业", len(srdi)])
    for col in base.SUM_COLS:
        city.append([col, float(sum(base.num(r.get(col)) or 0 for r in srdi))])
    for col in base.YES_COLS:
        city.append([col, sum(1 for r in srdi if r.get(col) == "是")])

    unit = book.create_sheet("县区完成情况")
    head(unit, ["文件", "企业行数"] + list(base.YEAR_COLS.values()) + ["专精特新企业", "营业收入(万元)", "研发费用(万元)"])
    for name, rs in units:
        s = srdi_of(rs)
        unit.append(
            [name, len(rs)]
            + [sum(1 for r in rs if base.recognised(base.num(r.get(c)), period_year)) for c in base.YEAR_COLS.values()]
            + [len(s), float(sum(base.num(r.get("营业收入(万元)")) or 0 for r in s)), float(sum(base.num(r.get("研发费用(万元)")) or 0 for r in s))]
        )

    firms = book.create_sheet("企业名单")
    cols = ["统一社会信用代码", "企业名称", base.YEAR_COLS["provincial"], base.YEAR_COLS["little_giant"], "营业收入(万元)", "研发费用(万元)"]
    head(firms, ["单位文件"] + cols)
    for name, rs in units:
        for r in srdi_of(rs):
            row = [name]
            for c in cols:
                v = r.get(c)
                if c.endswith("(万元)") and base.num(v) is not None:
                    cell = WriteOnlyCell(firms, value=base.num(v))
                    cell.number_format = "#,##0.00"
                    row.append(cell)
                else:
                    row.append(v)
            firms.append(row)
    book.save(out_file)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], sys.argv[3:])
