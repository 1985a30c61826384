// The flat list of issues: severity badge, sheet!cell, message. A click selects the cell in Excel.
// Every text comes from a return and is rendered as text (React escapes it).
import * as React from "react";
import { Badge, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../core/issues";
import type { PaneActions } from "../excel/actions";
import type { Messages } from "./messages";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: "8px",
    rowGap: "2px",
    alignItems: "center",
    padding: "6px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  where: { fontSize: tokens.fontSizeBase200 },
  message: { flexBasis: "100%", fontSize: tokens.fontSizeBase300, wordBreak: "break-word" },
});

export function where(i: Issue, m: Messages): string {
  if (!i.sheet) return m.wholeFile;
  return i.cell ? `${i.sheet}!${i.cell}` : i.sheet;
}

export type SelectCell = PaneActions["selectCell"];

export interface IssueListProps {
  issues: Issue[];
  messages: Messages;
  /** Takes the sheet and the cell. */
  onSelect: SelectCell;
}

export function IssueList({ issues, messages: m, onSelect }: IssueListProps): React.JSX.Element {
  const s = useStyles();
  return (
    <ul className={s.list} aria-label="issues">
      {issues.map((i, k) => (
        <li key={k} className={s.item} data-testid="issue">
          <Badge appearance="filled" color={i.severity === "error" ? "danger" : "warning"}>
            {m.severity[i.severity]}
          </Badge>
          {i.sheet && i.cell ? (
            <Link
              as="button"
              className={s.where}
              title={m.goToCell(where(i, m))}
              onClick={() => void onSelect(i.sheet!, i.cell!)}
            >
              {where(i, m)}
            </Link>
          ) : (
            <span className={s.where}>{where(i, m)}</span>
          )}
          <span className={s.message}>{i.message}</span>
        </li>
      ))}
    </ul>
  );
}
