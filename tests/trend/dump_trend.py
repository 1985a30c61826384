# Dumps, as JSON, what the trend tests compare: the 趋势 sheet's indicator rows and pace rows, the
# bulletin text, and each given bulletin's own 市级目标完成情况 (indicator name -> expected value, status).
# Usage: dump_trend.py LAST.xlsx ROUND1.xlsx ... ROUNDN.xlsx
import json, sys
import openpyxl

def own(path):
    ws = openpyxl.load_workbook(path, data_only=True)["市级目标完成情况"]
    rows = list(ws.iter_rows(values_only=True))
    head = next(i for i, r in enumerate(rows) if r[0] == "序号")
    h = rows[head]
    c = lambda t: next(i for i, x in enumerate(h) if x and str(x).startswith(t))
    out = {}
    for r in rows[head + 1:]:
        if isinstance(r[0], int):
            out[r[1]] = {"value": r[c("当前值")], "expected": r[c("序时进度应达值")], "status": r[c("状态")]}
    return out

wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
ws = wb["趋势"]
indicators, pace, name, section = [], [], None, 0
for r in ws.iter_rows(values_only=True):
    if isinstance(r[0], str) and r[0].startswith(("一、", "二、", "三、")):
        section = "一二三".index(r[0][0]) + 1
        continue
    if section == 1 and isinstance(r[0], int):
        pace.append(list(r[:9]))
    if section == 2 and r[2] and r[2] != "报告期":
        if r[1]:
            name = r[1]
        indicators.append([name] + list(r[2:11]))
text = [c for row in wb["工作通报"].iter_rows(values_only=True) for c in row if isinstance(c, str)]
print(json.dumps({"indicators": indicators, "pace": pace, "text": text, "own": [own(p) for p in sys.argv[2:]]}, ensure_ascii=False))
