# Independent computation of three city figures from a folder of returns (openpyxl only, no srdi code):
# 创新型中小企业 (distinct firms with a 创新型 year within 3 years, not after the period), 市级示范平台、示范基地
# (distinct platforms by name, kind, level) and 研发投入强度 (研发费用 ÷ 营业收入 over the distinct 专精特新 firms:
# a provincial or 小巨人 year within 3 years). Rows the reader refuses are left out here too: a bad
# 统一社会信用代码 check character, 主营业务收入 above 营业收入, a recognition year after the period.
# Usage: independent.py YEAR DIR...  -> one JSON line per DIR.
import json, os, sys
import openpyxl

CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

def uscc_ok(code):
    code = (code or "").strip().upper()
    if len(code) != 18 or any(c not in CHARS for c in code):
        return False
    s = sum(CHARS.index(c) * w for c, w in zip(code[:17], WEIGHTS))
    return CHARS[(31 - s % 31) % 31] == code[17]

def num(v):
    return v if isinstance(v, (int, float)) else None

def valid(year, period_year):
    return year is not None and year <= period_year and period_year - year <= 3

def figures(year, folder):
    firms = {}
    platforms = set()
    for name in sorted(os.listdir(folder)):
        wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
        ws = wb["企业名录"]
        rows = ws.iter_rows(values_only=True)
        head = list(next(rows))
        col = lambda text: next(i for i, h in enumerate(head) if h and h.startswith(text))
        c_uscc, c_rev, c_main, c_rd = col("统一社会信用代码"), col("营业收入"), col("主营业务收入"), col("研发费用")
        year_cols = [i for i, h in enumerate(head) if h and ("年份" in h)]
        c_inno, c_prov, c_giant = col("创新型中小企业"), col("省级专精特新"), col("国家专精特新")
        for r in rows:
            r = list(r) + [None] * len(head)
            if not r[c_uscc]:
                continue
            if not uscc_ok(r[c_uscc]):
                continue
            rev, main = num(r[c_rev]), num(r[c_main])
            if rev is not None and main is not None and main > rev:
                continue
            if any(num(r[i]) is not None and r[i] > year for i in year_cols):
                continue
            key = r[c_uscc].strip().upper()
            if key not in firms:
                firms[key] = r
        firms_cols = (c_inno, c_prov, c_giant, c_rev, c_rd)
        ws = wb["平台与集群"]
        for r in list(ws.iter_rows(values_only=True))[1:]:
            if r and r[0]:
                platforms.add(("".join(str(r[0]).split()), r[1], r[2]))
        wb.close()
    c_inno, c_prov, c_giant, c_rev, c_rd = firms_cols
    inno = sum(1 for r in firms.values() if valid(num(r[c_inno]), year))
    srdi = [r for r in firms.values() if valid(num(r[c_prov]), year) or valid(num(r[c_giant]), year)]
    rev = sum(num(r[c_rev]) or 0 for r in srdi)
    rd = sum(num(r[c_rd]) or 0 for r in srdi)
    city = sum(1 for p in platforms if p[1] in ("中小企业公共服务示范平台", "小微企业创业创新示范基地") and p[2] == "市级")
    return {"innovative_smes": inno, "city_platforms": city, "rd_intensity": rd / rev if rev else None}

for folder in sys.argv[2:]:
    print(json.dumps(figures(int(sys.argv[1]), folder)))
