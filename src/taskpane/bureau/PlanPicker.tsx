// The plan the pane runs on, and a button to load another from a plan workbook (规划配置.xlsx). A workbook
// with mistakes is refused whole: its problems are listed with their sheet and cell, the plan stays.
import * as React from "react";
import { Button, Field, makeStyles, tokens } from "@fluentui/react-components";
import { issueText } from "../../core/issues";
import type { Plan } from "../../core/plan/types";
import type { OnNotices, OnPlan, ReadPlanFile, ToReturnFile } from "../handlers";
import type { Messages } from "../messages";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
  title: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

/** Problems listed in a notice at most; the rest are counted. */
const SHOWN = 20;

export interface PlanPickerProps {
  plan: Plan;
  messages: Messages;
  disabled: boolean;
  read: ReadPlanFile;
  toFile: ToReturnFile;
  onPlan: OnPlan;
  onNotices: OnNotices;
}

export function PlanPicker({ plan, messages: m, disabled, read, toFile, onPlan, onNotices }: PlanPickerProps) {
  const s = useStyles();
  const picker = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    const r = await read(await toFile(f));
    if (r.plan) {
      onPlan(r.plan);
      onNotices([{ intent: "success", text: m.planLoaded(r.plan.title, r.plan.units.length, r.plan.indicators.length) }]);
      return;
    }
    const errors = r.issues.filter((i) => i.severity === "error");
    const lines = errors.slice(0, SHOWN).map((i) => issueText(i));
    if (errors.length > SHOWN) lines.push(`……`);
    onNotices([{ intent: "error", text: `${m.planRefused(errors.length)}\n${lines.join("\n")}` }]);
  };
  return (
    <Field label={{ children: m.planInForce, htmlFor: id }} hint={m.loadPlanHint}>
      <div className={s.row}>
        <span className={s.title} data-testid="plan-title">
          {plan.title}
        </span>
        <Button size="small" disabled={disabled} onClick={() => picker.current?.click()}>
          {m.loadPlan}
        </Button>
        <input
          id={id}
          ref={picker}
          className={s.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="plan-file"
          disabled={disabled}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
    </Field>
  );
}
