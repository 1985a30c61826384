// Issues to work through: errors apart from warnings, each grouped by sheet and row, in sheet order.
// Each issue's location is shown once, as the link that selects its cell (from the issue's sheet and
// cell fields); the message follows as text (React escapes it: every text comes from a return).
import * as React from "react";
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue, Severity } from "../../core/issues";
import type { SelectCell, SheetName } from "../handlers";
import type { Messages } from "../messages";

/** Rendered per severity at most; the rest are counted (a hostile return may carry thousands). */
export const MAX_SHOWN = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  sheet: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  row: {
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  rowLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  item: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  where: { flexShrink: 0, fontSize: tokens.fontSizeBase200 },
  message: { minWidth: 0, overflowWrap: "anywhere", fontSize: tokens.fontSizeBase300 },
});

export type { SelectCell };

export interface IssueListProps {
  issues: Issue[];
  messages: Messages;
  /** Selects a cell in the workbook; without it locations are plain text. */
  onSelect?: SelectCell | null;
  /** The sheet's name in this workbook (kept returns carry a unit prefix). */
  sheetIn?: SheetName;
}

interface RowGroup {
  row: number | null;
  issues: Issue[];
}
interface SheetGroup {
  sheet: string | null;
  rows: RowGroup[];
}

const CELL = /^([A-Z]{1,3})([0-9]{1,7})$/;

function rowCol(cell: string | null): [number | null, number] {
  const m = cell ? CELL.exec(cell) : null;
  if (!m) return [null, 0];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/** Groups by sheet (in order of first appearance, whole-file first) and row (sheet-level first). */
export function groupIssues(issues: Issue[]): SheetGroup[] {
  const order = new Map<string | null, number>();
  for (const i of issues) if (!order.has(i.sheet)) order.set(i.sheet, i.sheet === null ? -1 : order.size);
  const sorted = issues
    .map((i, k) => ({ i, k, rc: rowCol(i.cell) }))
    .sort(
      (a, b) =>
        order.get(a.i.sheet)! - order.get(b.i.sheet)! ||
        (a.rc[0] ?? -1) - (b.rc[0] ?? -1) ||
        a.rc[1] - b.rc[1] ||
        a.k - b.k,
    );
  const out: SheetGroup[] = [];
  for (const { i, rc } of sorted) {
    let g = out[out.length - 1];
    if (!g || g.sheet !== i.sheet) out.push((g = { sheet: i.sheet, rows: [] }));
    let r = g.rows[g.rows.length - 1];
    if (!r || r.row !== rc[0]) g.rows.push((r = { row: rc[0], issues: [] }));
    r.issues.push(i);
  }
  return out;
}

function Section({
  severity,
  issues,
  messages: m,
  onSelect,
  sheetIn,
}: IssueListProps & { severity: Severity }): React.JSX.Element | null {
  const s = useStyles();
  const id = React.useId();
  if (!issues.length) return null;
  const shown = issues.slice(0, MAX_SHOWN);
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={`${s.heading} ${severity === "error" ? s.error : s.warning}`}>
        {severity === "error" ? m.errorsHeading(issues.length) : m.warningsHeading(issues.length)}
      </h3>
      <ul className={s.list}>
        {groupIssues(shown).map((g) => (
          <li key={g.sheet ?? ""}>
            <div className={s.sheet}>{g.sheet ?? m.wholeFile}</div>
            <ul className={s.list}>
              {g.rows.map((r) => (
                <li key={r.row ?? 0} className={s.row}>
                  {g.sheet && (
                    <span className={s.rowLabel}>{r.row === null ? m.sheetLevel : m.rowHeading(r.row)}</span>
                  )}
                  <ul className={s.list}>
                    {r.issues.map((i, k) => (
                      <li key={k} className={s.item} data-testid="issue">
                        {i.sheet && i.cell && onSelect ? (
                          <Link
                            as="button"
                            className={s.where}
                            aria-label={m.goToCell(`${i.sheet}!${i.cell}`)}
                            onClick={() => void onSelect(sheetIn ? sheetIn(i.sheet!) : i.sheet!, i.cell!)}
                          >
                            {i.cell}
                          </Link>
                        ) : i.cell ? (
                          <span className={s.where}>{i.cell}</span>
                        ) : null}
                        <span className={s.message}>{i.message}</span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {issues.length > shown.length && (
        <Text size={200} block>
          {m.moreIssues(issues.length - shown.length)}
        </Text>
      )}
    </section>
  );
}

export function IssueList(props: IssueListProps): React.JSX.Element {
  const s = useStyles();
  const errors = props.issues.filter((i) => i.severity === "error");
  const warnings = props.issues.filter((i) => i.severity !== "error");
  return (
    <div className={s.root} role="group" aria-label={props.messages.issuesLabel} data-testid="issue-list">
      <Section {...props} severity="error" issues={errors} />
      <Section {...props} severity="warning" issues={warnings} />
    </div>
  );
}
