# Sheet protection, data validations (by sheet and range), notes and defined names of a workbook, sorted,
# one per line: what a template carries beyond its cells (tests/xlsx/write/stream-template.test.ts).
import sys
import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
out = [repr(sorted((d.name, str(d.attr_text)) for d in wb.defined_names.definedName))]
for ws in wb:
    p = ws.protection
    out.append(repr((ws.title, ws.sheet_state, p.sheet, p.formatColumns, p.sort, p.autoFilter, p.selectLockedCells)))
    for dv in ws.data_validations.dataValidation:
        out.append(repr((ws.title, str(dv.sqref), dv.type, dv.operator, dv.allow_blank, dv.showInputMessage,
                         dv.promptTitle, dv.prompt, dv.showErrorMessage, dv.errorStyle, dv.errorTitle, dv.error,
                         dv.formula1, dv.formula2)))
    for row in ws.iter_rows():
        for c in row:
            if c.comment:
                out.append(repr((ws.title, c.coordinate, c.comment.text)))
print("\n".join(sorted(out)))
