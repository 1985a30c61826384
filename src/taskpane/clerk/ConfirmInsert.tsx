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
} from "@fluentui/react-components";
import type { OnChoice } from "../handlers";
import type { Messages } from "../messages";

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
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onChoose("cancel")}>
      <DialogSurface aria-describedby="srdi-confirm-body">
        <DialogBody>
          <DialogTitle>{m.confirmTitle}</DialogTitle>
          <DialogContent id="srdi-confirm-body">{m.confirmBody(unit, period, filled)}</DialogContent>
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
