// The plan the pane runs on, and a button to load another from a plan workbook (规划配置.xlsx), in both
// views. A loaded plan is remembered in the workbook (and on this machine), so the pane reopens on it;
// 改用内置规划 forgets it.
// A workbook with mistakes is refused whole: its problems are listed by sheet and cell, the plan stays.
// What happened is said right here, next to the button.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { Plan } from "../../core/plan/types";
import { placeWords } from "../../core/plan/words";
import { IssueList, type ListedIssue } from "../common/IssueList";
import { Notices, type Notice } from "../common/Notices";
import type { PlanMemory } from "../../host/types";
import type { OnPlan, ReadPlanFile, ToReturnFile } from "../handlers";
import type { Messages } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  title: { fontSize: tokens.fontSizeBase300, overflowWrap: "anywhere" },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export interface PlanPickerProps {
  plan: Plan;
  messages: Messages;
  disabled: boolean;
  read: ReadPlanFile;
  toFile: ToReturnFile;
  onPlan: OnPlan;
  /** Where a loaded plan workbook is remembered; without it nothing is. */
  memory?: PlanMemory;
  /** The plan in force came from a remembered workbook (so it can be forgotten). */
  fromMemory?: boolean;
  /** Called to go back to the built-in plan. */
  onBuiltin?: () => void;
}

export function PlanPicker({
  plan,
  messages: m,
  disabled,
  read,
  toFile,
  onPlan,
  memory,
  fromMemory,
  onBuiltin,
}: PlanPickerProps) {
  const s = useStyles();
  const picker = React.useRef<HTMLInputElement>(null);
  const button = React.useRef<HTMLButtonElement>(null);
  const id = React.useId();
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [problems, setProblems] = React.useState<ListedIssue[]>([]);
  const [reading, setReading] = React.useState(false);
  const onFile = async (f: File | undefined) => {
    if (!f) return;
    setReading(true);
    setProblems([]);
    try {
      const file = await toFile(f);
      const r = await read(file);
      if (r.plan) {
        const kept = memory ? await memory.set(file) : false;
        onPlan(r.plan);
        setNotices([
          {
            intent: "success",
            text:
              m.planLoaded(r.plan.title, r.plan.units.length, r.plan.indicators.length) +
              (kept === "workbook" ? m.planInWorkbook : kept ? m.planRemembered : ""),
          },
        ]);
        return;
      }
      const errors = r.issues.filter((i) => i.severity === "error");
      setNotices([{ intent: "error", text: m.planRefused(errors.length, placeWords(plan).bureauShort) }]);
      setProblems(errors);
    } finally {
      setReading(false);
      // The picker's button keeps focus: the outcome is announced and sits right below it.
      button.current?.focus();
    }
  };
  return (
    <section className={s.root} aria-labelledby={`${id}-label`} data-testid="plan-picker">
      <span id={`${id}-label`} className={s.label}>
        {m.planInForce}
      </span>
      <span className={s.title} data-testid="plan-title">
        {plan.title}
      </span>
      <div className={s.row}>
        <Button
          ref={button}
          size="medium"
          disabled={disabled || reading}
          aria-describedby={`${id}-hint`}
          onClick={() => picker.current?.click()}
        >
          {m.loadPlan}
        </Button>
        {fromMemory && onBuiltin && (
          <Button
            size="medium"
            appearance="subtle"
            disabled={disabled || reading}
            onClick={() => {
              void memory?.clear();
              onBuiltin();
              setProblems([]);
              setNotices([{ intent: "info", text: m.planForgotten }]);
              button.current?.focus();
            }}
          >
            {m.planUseBuiltin}
          </Button>
        )}
        <input
          id={id}
          ref={picker}
          className={s.hidden}
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="plan-file"
          disabled={disabled}
          onChange={(e) => {
            void onFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
      </div>
      <span id={`${id}-hint`} className={s.hint}>
        {m.loadPlanHint(placeWords(plan).bureauShort)}
      </span>
      <Notices notices={notices} label={m.planNotices} testId="plan-notices" />
      {problems.length > 0 && <IssueList issues={problems} messages={m} />}
    </section>
  );
}
