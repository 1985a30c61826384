"""What a bureau analyst would write instead of srdi: pandas + openpyxl reading the same returns and
computing the same per-unit counts and sums. Prints one JSON line (rows read, seconds, peak RSS)."""
import json
import resource
import sys
import time

import pandas as pd

YEAR_COLS = {
    "innovative": "创新型中小企业公告年份",
    "provincial": "省级专精特新中小企业认定年份",
    "little_giant": "国家专精特新\u201c小巨人\u201d认定年份",
    "champion": "国家制造业单项冠军认定年份",
}
SUM_COLS = ["营业收入(万元)", "主营业务收入(万元)", "研发费用(万元)", "有效授权专利(件)", "智能车间(个)"]
YES_COLS = ["已实施智改数转", "经营管理数字化", "数字化研发设计工具", "知识产权管理标准化", "江苏精品", "已上市"]


# Recognitions are valid three years from the latest recognition or review year (INDICATORS.md).
VALID_YEARS = 3


def recognised(y, period_year):
    return y.notna() & (y <= period_year) & (period_year - y <= VALID_YEARS)


def main(period_year, files):
    t0 = time.perf_counter()
    frames = []
    for f in files:
        df = pd.read_excel(f, sheet_name="企业名录", engine="openpyxl", dtype=object)
        df = df.dropna(how="all")
        df["_file"] = f
        frames.append(df)
    data = pd.concat(frames, ignore_index=True)
    out = {}
    for key, col in YEAR_COLS.items():
        y = pd.to_numeric(data.get(col), errors="coerce")
        out[key] = int(recognised(y, period_year).sum())
    py = pd.to_numeric(data[YEAR_COLS["provincial"]], errors="coerce")
    lg = pd.to_numeric(data[YEAR_COLS["little_giant"]], errors="coerce")
    srdi = data[recognised(py, period_year) | recognised(lg, period_year)].drop_duplicates("统一社会信用代码")
    out["srdi"] = int(len(srdi))
    for col in SUM_COLS:
        out[col] = float(pd.to_numeric(srdi[col], errors="coerce").fillna(0).sum())
    for col in YES_COLS:
        out[col] = int((srdi[col] == "是").sum())
    per_unit = data.groupby("_file").size().to_dict()
    secs = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": int(len(data)), "units": len(per_unit), "seconds": secs, "peak_mb": peak_kb / 1024, "result": out}, ensure_ascii=False))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2:])
