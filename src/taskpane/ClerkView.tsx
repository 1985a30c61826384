// 填报: insert the template (or download it where the host cannot write validation), self-check the
// return in the workbook, list every issue and take the clerk to its cell.
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  makeStyles,
} from "@fluentui/react-components";
import type { Issue } from "../core/issues";
import { parsePeriod } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import type { CheckOutcome, PaneActions } from "../excel/actions";
import { saveFile, type SaveFile } from "./download";
import { errorText } from "./errors";
import { IssueList } from "./IssueList";
import type { Messages } from "./messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
});

export type ClerkActions = Pick<
  PaneActions,
  "support" | "insertTemplate" | "downloadTemplate" | "selfCheck" | "selectCell" | "clearHighlights"
>;

export interface ClerkViewProps {
  actions: ClerkActions;
  plan: Plan;
  messages: Messages;
  defaultPeriod: string;
  /** Run the self-check on opening (the ribbon's 自查 button). */
  checkOnOpen?: boolean;
  save?: SaveFile;
}

type Notice = { intent: "success" | "warning" | "error" | "info"; text: string } | null;

export function ClerkView({
  actions,
  plan,
  messages: m,
  defaultPeriod,
  checkOnOpen,
  save = saveFile,
}: ClerkViewProps): React.JSX.Element {
  const s = useStyles();
  const [unitCode, setUnitCode] = React.useState(plan.units[0]?.code ?? "");
  const [periodText, setPeriodText] = React.useState(defaultPeriod);
  const [deadline, setDeadline] = React.useState("");
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<Notice>(null);
  const [check, setCheck] = React.useState<CheckOutcome | null>(null);
  const canValidate = React.useMemo(() => actions.support().validation, [actions]);
  const period = parsePeriod(periodText);
  const unit = plan.units.find((u) => u.code === unitCode);

  const run = async (label: string, job: () => Promise<void>) => {
    setBusy(label);
    setNotice(null);
    try {
      await job();
    } catch (e) {
      setNotice({ intent: "error", text: errorText(e, m) });
    } finally {
      setBusy(null);
    }
  };

  const insert = () =>
    run(m.insertTemplate, async () => {
      if (!unit || !period) return;
      const req = { unit, period, deadline: deadline || null };
      const out = canValidate ? await actions.insertTemplate(req) : { kind: "download" as const, ...(await actions.downloadTemplate(req)) };
      if (out.kind === "download") {
        save(out.fileName, out.bytes);
        setNotice({ intent: "info", text: m.downloaded(out.fileName) });
      } else {
        const skipped = out.skipped.map((f) => m.feature[f] ?? f).join("、");
        setNotice({
          intent: skipped ? "warning" : "success",
          text: m.inserted(unit.name, period.label) + (skipped ? m.skipped(skipped) : ""),
        });
      }
    });

  const selfCheck = () =>
    run(m.checking, async () => {
      setCheck(null);
      setCheck(await actions.selfCheck());
    });

  const clear = () =>
    run(m.clearMarks, async () => {
      await actions.clearHighlights();
      setNotice({ intent: "success", text: m.marksCleared });
    });

  const select = (sheet: string, cell: string) =>
    actions.selectCell(sheet, cell).catch((e) => setNotice({ intent: "error", text: errorText(e, m) }));

  const opened = React.useRef(false);
  // Once, on opening from the ribbon's 自查 button.
  React.useEffect(() => {
    if (checkOnOpen && !opened.current) {
      opened.current = true;
      void selfCheck();
    }
  }, [checkOnOpen]);

  const issues: Issue[] = check ? [...check.result.errors, ...check.result.warnings] : [];
  return (
    <div className={s.root}>
      <Field label={m.unit}>
        <Select value={unitCode} onChange={(_, d) => setUnitCode(d.value)}>
          {plan.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={m.period}
        hint={m.periodHint}
        validationState={period ? "none" : "error"}
        validationMessage={period ? undefined : m.periodInvalid(periodText)}
      >
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
      </Field>
      <Field label={m.deadline} hint={m.deadlineOptional}>
        <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
      </Field>
      {!canValidate && (
        <MessageBar intent="info">
          <MessageBarBody>{m.downloadFallback}</MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button appearance="primary" disabled={!!busy || !period || !unit} onClick={insert}>
          {canValidate ? m.insertTemplate : m.downloadTemplate}
        </Button>
        <Button disabled={!!busy} onClick={selfCheck}>
          {m.selfCheck}
        </Button>
        <Button disabled={!!busy} onClick={clear}>
          {m.clearMarks}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {check && (
        <div data-testid="check-result">
          <MessageBar
            intent={check.result.errors.length ? "error" : check.result.warnings.length ? "warning" : "success"}
          >
            <MessageBarBody>
              {issues.length
                ? m.checkSummary(check.result.errors.length, check.result.warnings.length, check.marked)
                : m.checkClean}
              {check.result.rejected ? ` ${m.checkRejected}` : ""}
            </MessageBarBody>
          </MessageBar>
          <Text size={200} block>
            {m.rowsSummary(check.result.rows.read, check.result.rows.accepted, check.result.rows.rejected)}
          </Text>
          <IssueList issues={issues} messages={m} onSelect={select} />
        </div>
      )}
    </div>
  );
}
