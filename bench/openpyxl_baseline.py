"""What a competent analyst writes: openpyxl in read-only mode, values only, reading 企业名录 row by row
from the header and stopping at the first blank row (the template's table is contiguous), then the same
counts and sums as pandas_baseline.py. Prints one JSON line in the same shape."""
import json
import sys
import time

import openpyxl

YEAR_COLS = {
    "innovative": "创新型中小企业公告年份",
    "provincial": "省级专精特新中小企业认定年份",
    "little_giant": "国家专精特新\u201c小巨人\u201d认定年份",
    "champion": "国家制造业单项冠军认定年份",
}
SUM_COLS = ["营业收入(万元)", "主营业务收入(万元)", "研发费用(万元)", "有效授权专利(件)", "智能车间(个)"]
YES_COLS = ["已实施智改数转", "经营管理数字化", "数字化研发设计工具", "知识产权管理标准化", "江苏精品", "已上市"]


def num(v):
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, (int, float)):
        return v
    try:
        return float(str(v).strip())
    except ValueError:
        return None


# Recognitions are valid three years from the latest recognition or review year (INDICATORS.md).
VALID_YEARS = 3


def recognised(y, period_year):
    return y is not None and y <= period_year and period_year - y <= VALID_YEARS


def main(period_year, files):
    t0 = time.perf_counter()
    rows = []
    for f in files:
        wb = openpyxl.load_workbook(f, read_only=True, data_only=True)
        it = wb["企业名录"].iter_rows(values_only=True)
        header = next(it)
        for r in it:
            if all(v is None for v in r):
                break
            rows.append(dict(zip(header, r)))
        wb.close()
    out = {}
    for key, col in YEAR_COLS.items():
        out[key] = sum(1 for r in rows if recognised(num(r.get(col)), period_year))
    seen = set()
    srdi = []
    for r in rows:
        py, lg = num(r.get(YEAR_COLS["provincial"])), num(r.get(YEAR_COLS["little_giant"]))
        if recognised(py, period_year) or recognised(lg, period_year):
            code = r.get("统一社会信用代码")
            if code not in seen:
                seen.add(code)
                srdi.append(r)
    out["srdi"] = len(srdi)
    for col in SUM_COLS:
        out[col] = float(sum(num(r.get(col)) or 0 for r in srdi))
    for col in YES_COLS:
        out[col] = sum(1 for r in srdi if r.get(col) == "是")
    print(json.dumps({"rows": len(rows), "units": len(files), "seconds": time.perf_counter() - t0, "result": out}, ensure_ascii=False))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
