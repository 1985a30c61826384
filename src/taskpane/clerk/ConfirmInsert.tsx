// Asked before a template replaces one the clerk has filled: keep the data (the default, and what Esc
// does), open it in a new workbook (ExcelApi 1.8), or replace. The views' one confirmation dialog
// (common/ConfirmDialog), so at 200 % zoom "数据将丢失" scrolls into reach by keyboard as every other does.
import * as React from "react";
import { ChoiceDialog } from "../common/ConfirmDialog";
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
  const choices: { value: InsertChoice; label: string }[] = [
    { value: "cancel", label: m.confirmCancel },
    ...(canOpenNew ? [{ value: "newWorkbook" as const, label: m.confirmNewWorkbook }] : []),
    { value: "replace", label: m.confirmReplace },
  ];
  return (
    <ChoiceDialog
      request={open ? { title: m.confirmTitle, body: m.confirmBody(unit, period, filled), choices } : null}
      onChoose={onChoose}
    />
  );
}
