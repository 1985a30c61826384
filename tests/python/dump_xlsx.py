"""What openpyxl sees in an .xlsx, one line per fact (sheet settings, then every cell with a value or a
style: value, type, number format, font, fill, alignment, border, lock), for comparing two writers' files.

Usage: /usr/bin/python3 dump_xlsx.py FILE OUT.txt
"""
import sys

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter
def dump(path):
    wb = openpyxl.load_workbook(path)
    out = []
    for ws in wb.worksheets:
        out.append(f"## {ws.title} state={ws.sheet_state} dims={ws.dimensions} freeze={ws.freeze_panes} tab={ws.sheet_properties.tabColor.rgb if ws.sheet_properties.tabColor else None}")
        out.append(f"print area={ws.print_area} titles={ws.print_title_rows} {ws.print_title_cols} orient={ws.page_setup.orientation} paper={ws.page_setup.paperSize} scale={ws.page_setup.scale} fitW={ws.page_setup.fitToWidth} fitH={ws.page_setup.fitToHeight} fitToPage={ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None} center={ws.print_options.horizontalCentered} margins={ws.page_margins.left},{ws.page_margins.right},{ws.page_margins.top},{ws.page_margins.bottom},{ws.page_margins.header},{ws.page_margins.footer} footer={ws.oddFooter.center.text}")
        out.append(f"merges={sorted(str(m) for m in ws.merged_cells.ranges)} filter={ws.auto_filter.ref} breaks={[b.id for b in ws.row_breaks.brk]}")
        cols = []
        for k, v in ws.column_dimensions.items():
            if not (v.width or v.hidden):
                continue
            lo, hi = (v.min, v.max) if v.min and v.max else (column_index_from_string(k),) * 2
            cols += [(get_column_letter(i), v.width, v.hidden) for i in range(lo, hi + 1)]
        out.append("cols=" + str(sorted(cols, key=lambda x: column_index_from_string(x[0]))))
        out.append("rows=" + str(sorted((k, v.height) for k, v in ws.row_dimensions.items() if v.height)))
        out.append(f"charts={len(ws._charts)}")
        for row in ws.iter_rows():
            for c in row:
                if c.value is None and not c.has_style: continue
                f = c.font; a = c.alignment
                out.append(f"{c.coordinate} {c.value!r} {c.data_type} fmt={c.number_format} font={f.name},{f.sz},{f.b},{f.i},{f.color.rgb if f.color is not None else None} fill={c.fill.fgColor.rgb if c.fill.fill_type else None} al={a.horizontal},{a.vertical},{a.wrap_text} border={c.border.left.style},{c.border.top.style} lock={c.protection.locked}")
    out.append(f"props {wb.properties.title} {wb.properties.creator} {wb.properties.created} {wb.properties.modified}")
    out.append(f"names {sorted((d.name, str(d.attr_text)) for d in wb.defined_names.definedName)}")
    return out
open(sys.argv[2], "w").write("\n".join(dump(sys.argv[1])) + "\n")
