// Asked before a template replaces one the clerk has filled: replace, open it in a new workbook
// (ExcelApi 1.8), or keep the data (the default, and what Esc does).
import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from "@fluentui/react-components";
import type { OnChoice } from "../handlers";
import type { Messages } from "../messages";

// At 200 % zoom the dialog may not fit: its body scrolls and takes focus, so "数据将丢失" is reachable by
// keyboard and never hidden.
const useStyles = makeStyles({
  surface: { maxWidth: "calc(100vw - 16px)", maxHeight: "calc(100vh - 16px)", boxSizing: "border-box" },
  content: { overflowY: "auto", overflowWrap: "anywhere" },
});

export type InsertChoice = "replace" | "newWorkbook" | "cancel";

export interface ConfirmInsertProps {
  open: boolean;
  unit: string;
  period: string;
  filled: number;
  canOpenNew: boolean;
  messages: Messages;
  onChoose: OnChoice<InsertChoice>;
}

export function ConfirmInsert({
  open,
  unit,
  period,
  filled,
  canOpenNew,
  messages: m,
  onChoose,
}: ConfirmInsertProps) {
  const s = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onChoose("cancel")}>
      <DialogSurface className={s.surface} aria-describedby="srdi-confirm-body">
        <DialogBody>
          <DialogTitle>{m.confirmTitle}</DialogTitle>
          <DialogContent id="srdi-confirm-body" className={s.content} tabIndex={0} data-testid="confirm-body">
            {m.confirmBody(unit, period, filled)}
          </DialogContent>
          <DialogActions fluid position="start">
            <Button appearance="primary" onClick={() => onChoose("cancel")}>
              {m.confirmCancel}
            </Button>
            {canOpenNew && <Button onClick={() => onChoose("newWorkbook")}>{m.confirmNewWorkbook}</Button>}
            <Button onClick={() => onChoose("replace")}>{m.confirmReplace}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
