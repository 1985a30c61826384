"""Two .xlsx files equal cell by cell (values of every sheet, hidden ones too), read by openpyxl.
Prints the first differences and exits 1 when any; 0 and "same N sheets M cells" when none."""
import sys
from openpyxl import load_workbook


def cells(path):
    wb = load_workbook(path, data_only=False)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    out[(ws.title, c.coordinate)] = c.value
    return [ws.title for ws in wb.worksheets], out


a_names, a = cells(sys.argv[1])
b_names, b = cells(sys.argv[2])
diffs = []
if a_names != b_names:
    diffs.append(f"sheets {a_names} != {b_names}")
for k in sorted(set(a) | set(b)):
    if a.get(k) != b.get(k):
        diffs.append(f"{k}: {a.get(k)!r} != {b.get(k)!r}")
if diffs:
    print("\n".join(diffs[:20]))
    sys.exit(1)
print(f"same {len(a_names)} sheets {len(a)} cells")
