// 填报: insert the template (asking first where a filled one would be lost, or downloading it where the
// host cannot write validation), self-check the return in the workbook, and work through its issues.
// Unit and period come from the template already in the workbook, else the last unit chosen here; the
// period is one of the plan's own. The deadline is the bureau's (it comes with a template), not asked
// here. What each action did is said right below its buttons.
import * as React from "react";
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { parsePeriod } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import type { CheckOutcome, PaneActions, ReturnFile, TemplateRequest } from "../host/types";
import { ConfirmInsert, type InsertChoice } from "./clerk/ConfirmInsert";
import { CheckResult } from "./clerk/CheckResult";
import { isoDate } from "./common/DateField";
import { Notices, type Notice } from "./common/Notices";
import { keepFocus } from "./common/focus";
import { defaultPeriodIn, periodInPlan } from "../core/plan/period-choices";
import { deliver } from "./deliver";
import { PeriodField } from "./common/PeriodField";
import { localUnitMemory, type UnitMemory } from "./common/remember";
import { errorText } from "./errors";
import type { Messages } from "./messages";
import { PrefillRefusal } from "../host/refusal";
import { useHostFiles, type PickedFile, type SaveFile } from "./host-files";
import { ROUND_TEXT as T } from "./round-messages";
import { PAGE_TEXT as P } from "./page-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  why: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { display: "none" },
  // A <select> is as wide as its longest option (连云港高新技术产业开发区) unless allowed to shrink: at
  // 200 % zoom (225 CSS px) that pushed the view 3 px sideways.
  shrink: { minWidth: 0 },
});

export type ClerkActions = Pick<
  PaneActions,
  | "support"
  | "insertTemplate"
  | "downloadTemplate"
  | "selfCheck"
  | "selectCell"
  | "clearHighlights"
  | "templateState"
  | "newWorkbookTemplate"
  | "watchChanges"
  | "annotateWorkbook"
> &
  Partial<Pick<PaneActions, "openWorkbook" | "openReturn">>;

export interface ClerkViewProps {
  actions: ClerkActions;
  plan: Plan;
  messages: Messages;
  defaultPeriod: string;
  /** Run the self-check on opening (the ribbon's 自查 button). */
  checkOnOpen?: boolean;
  save?: SaveFile;
  memory?: UnitMemory;
}

interface Pending {
  req: TemplateRequest;
  filled: number;
}

export function ClerkView({
  actions,
  plan,
  messages: m,
  defaultPeriod,
  checkOnOpen,
  save: saveProp,
  memory = localUnitMemory,
}: ClerkViewProps): React.JSX.Element {
  const s = useStyles();
  const files = useHostFiles();
  const save = saveProp ?? files.save;
  const remembered = React.useMemo(() => {
    const code = memory.get();
    return plan.units.some((u) => u.code === code) ? code : null;
  }, [memory, plan]);
  const [unitCode, setUnitCode] = React.useState(remembered ?? plan.units[0]?.code ?? "");
  const [periodText, setPeriodText] = React.useState(() => defaultPeriodIn(plan, defaultPeriod).id);
  // The bureau's deadline, as the template in the workbook carries it (never typed by the clerk).
  const [deadline, setDeadline] = React.useState("");
  const [busy, setBusy] = React.useState<string | null>(null);
  const [area, setArea] = React.useState<"insert" | "check">("insert");
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [check, setCheck] = React.useState<CheckOutcome | null>(null);
  const [stale, setStale] = React.useState(false);
  const [pending, setPending] = React.useState<Pending | null>(null);
  const support = React.useMemo(() => actions.support(), [actions]);
  const canValidate = support.validation;
  // The offline page: no workbook beside the views; the clerk opens the filled file to check it.
  const filesOnly = !!support.filesOnly && !!actions.openReturn;
  const openPicker = React.useRef<HTMLInputElement>(null);
  const openAndCheck = async (f: PickedFile) => {
    setCheck(null);
    setStale(false);
    const file = await files.read(f);
    setCheck(await actions.openReturn!(file));
  };
  const period = parsePeriod(periodText);
  const unit = plan.units.find((u) => u.code === unitCode);
  const deadlineOk = deadline.trim() === "" || !!isoDate(deadline);
  const prefillPicker = React.useRef<HTMLInputElement>(null);
  const insertButton = React.useRef<HTMLButtonElement>(null);
  const checkHeading = React.useRef<HTMLDivElement>(null);
  const prefillId = React.useId();
  const whyId = React.useId();

  // Another plan: a unit or period it does not have gives way (the remembered unit, else its first; the
  // latest period it covers), so 插入模板 is never left disabled without a word.
  const firstPlan = React.useRef(plan);
  React.useEffect(() => {
    if (firstPlan.current === plan) return;
    firstPlan.current = plan;
    setUnitCode((c) =>
      plan.units.some((u) => u.code === c) ? c : (remembered ?? plan.units[0]?.code ?? ""),
    );
    setPeriodText((p) => (periodInPlan(plan, parsePeriod(p)) ? p : defaultPeriodIn(plan, defaultPeriod).id));
  }, [plan]);

  const say = (n: Notice) => setNotices([n]);
  const run = async (label: string, where: "insert" | "check", job: () => Promise<void>) => {
    const back = keepFocus();
    setBusy(label);
    setArea(where);
    setNotices([]);
    try {
      await job();
    } catch (e) {
      // A previous return that may not prefill: the core's reason as it is (another unit, a later period…).
      say({ intent: "error", text: e instanceof PrefillRefusal ? e.reason : errorText(e, m) });
    } finally {
      setBusy(null);
      back();
    }
  };
  const host = {
    downloads: support.downloads !== false,
    save,
    openWorkbook: actions.openWorkbook,
  };
  const delivered = (how: Awaited<ReturnType<typeof deliver>>, name: string, saved: string): Notice =>
    how === "saved"
      ? { intent: "success", text: saved }
      : how === "opened"
        ? { intent: "success", text: m.openedInExcel(name) }
        : { intent: "warning", text: m.noDownload(name) };

  // Presets from the workbook's own template, else the unit chosen last time; then watch for changes.
  React.useEffect(() => {
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    void (async () => {
      try {
        const st = await actions.templateState();
        const u = st.meta && plan.units.find((x) => x.code === st.meta!.unitCode);
        const p = st.meta && parsePeriod(st.meta.period);
        if (live && u && p && periodInPlan(plan, p)) {
          setUnitCode(u.code);
          setPeriodText(p.id);
          if (st.meta!.deadline && isoDate(st.meta!.deadline)) setDeadline(st.meta!.deadline);
          say({ intent: "info", text: m.presetFromWorkbook(u.name, p.label) });
        } else if (live && remembered) {
          const r = plan.units.find((x) => x.code === remembered);
          if (r) say({ intent: "info", text: m.lastUnit(r.name) });
        }
      } catch {
        // No template to read (or the host refused): the fields keep their defaults.
      }
      try {
        const off = await actions.watchChanges(() => setStale(true));
        if (live) stop = off;
        else void off();
      } catch {
        // Without events the result is not marked stale; 重新自查 still works.
      }
    })();
    return () => {
      live = false;
      void stop?.();
    };
  }, [actions]);

  const chooseUnit = (code: string) => {
    setUnitCode(code);
    memory.set(code);
  };

  const doInsert = async (req: TemplateRequest) => {
    const out = canValidate
      ? await actions.insertTemplate(req)
      : { kind: "download" as const, ...(await actions.downloadTemplate(req)) };
    if (out.kind === "download") {
      const how = await deliver(host, out.fileName, out.bytes);
      say(
        delivered(
          how,
          out.fileName,
          req.from ? T.prefillDownloaded(out.fileName) : m.downloaded(out.fileName),
        ),
      );
      return;
    }
    // The checked sheets were just replaced: the old result no longer describes them.
    setCheck(null);
    setStale(false);
    const skipped = out.skipped.map((f) => m.feature[f] ?? f).join("、");
    const done = req.from
      ? T.prefilled(req.unit.name, req.period.label, req.from.name)
      : m.inserted(req.unit.name, req.period.label);
    say({ intent: skipped ? "warning" : "success", text: done + (skipped ? m.skipped(skipped) : "") });
  };

  const insert = (from?: ReturnFile) =>
    run(m.insertTemplate, "insert", async () => {
      if (!unit || !period || !deadlineOk) return;
      memory.set(unit.code);
      const req: TemplateRequest = { unit, period, deadline: isoDate(deadline), ...(from ? { from } : {}) };
      if (canValidate) {
        const st = await actions.templateState();
        if (st.filled > 0) {
          setPending({ req, filled: st.filled });
          return;
        }
      }
      await doInsert(req);
    });

  const choose = (c: InsertChoice) => {
    const p = pending;
    setPending(null);
    // The dialog is gone: focus back on the button that opened it, never <body>.
    setTimeout(() => insertButton.current?.focus(), 0);
    if (!p) return;
    if (c === "cancel") {
      setArea("insert");
      say({ intent: "info", text: m.insertCancelled });
    } else if (c === "replace") void run(m.insertTemplate, "insert", () => doInsert(p.req));
    else
      void run(m.insertTemplate, "insert", async () => {
        if (await actions.newWorkbookTemplate(p.req))
          say({ intent: "success", text: m.newWorkbookOpened(p.req.unit.name, p.req.period.label) });
        else {
          const d = await actions.downloadTemplate(p.req);
          const how = await deliver(host, d.fileName, d.bytes);
          say(delivered(how, d.fileName, m.downloaded(d.fileName)));
        }
      });
  };

  const selfCheck = () =>
    run(m.checking, "check", async () => {
      setCheck(null);
      setStale(false);
      setCheck(await actions.selfCheck());
      // The verdict is what the clerk reads next.
      setTimeout(() => checkHeading.current?.focus(), 0);
    });

  const clear = () =>
    run(m.clearMarks, "check", async () => {
      await actions.clearHighlights();
      say({ intent: "success", text: m.marksCleared });
    });

  const exportCopy = () =>
    run(m.exportAnnotated, "check", async () => {
      if (!check) return;
      const d = await actions.annotateWorkbook(check.result);
      if (!d) return say({ intent: "info", text: m.exportUnsupported });
      const how = await deliver(host, d.fileName, d.bytes);
      say(delivered(how, d.fileName, m.exported(d.fileName)));
    });

  const select = (sheet: string, cell: string) =>
    actions.selectCell(sheet, cell).catch((e) => {
      setArea("check");
      say({ intent: "error", text: errorText(e, m) });
    });

  const opened = React.useRef(false);
  // Once, on opening from the ribbon's 自查 button.
  React.useEffect(() => {
    if (checkOnOpen && !opened.current) {
      opened.current = true;
      void selfCheck();
    }
  }, [checkOnOpen]);

  const why = !unit ? m.chooseUnit : !period ? m.choosePeriod : null;
  return (
    <div className={s.root}>
      <Field label={m.unit}>
        <Select
          className={s.shrink}
          select={{ className: s.shrink }}
          value={unitCode}
          onChange={(_, d) => chooseUnit(d.value)}
        >
          {plan.units.map((u) => (
            <option key={u.code} value={u.code}>
              {u.name}
            </option>
          ))}
        </Select>
      </Field>
      <PeriodField plan={plan} value={periodText} onChange={setPeriodText} messages={m} />
      {/* The page has no Excel to blame: its intro says the template is a file to download. */}
      {!canValidate && !filesOnly && (
        <MessageBar intent="info">
          <MessageBarBody>{m.downloadFallback}</MessageBarBody>
        </MessageBar>
      )}
      <section className={s.step} aria-label={m.stepTemplate}>
        <div className={s.row}>
          <Button
            ref={insertButton}
            appearance="primary"
            disabled={!!busy || !period || !unit || !deadlineOk}
            aria-describedby={why ? whyId : undefined}
            onClick={() => void insert()}
          >
            {canValidate ? m.insertTemplate : m.downloadTemplate}
          </Button>
          <Button
            disabled={!!busy || !period || !unit || !deadlineOk}
            aria-describedby={`${prefillId}-hint`}
            onClick={() => prefillPicker.current?.click()}
          >
            {T.prefill}
          </Button>
          <span id={`${prefillId}-hint`} className={s.hidden}>
            {T.prefillHint}
          </span>
          <input
            ref={prefillPicker}
            className={s.hidden}
            type="file"
            tabIndex={-1}
            aria-label={T.prefill}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="prefill-file"
            onChange={(e) => {
              const f = e.target.files?.[0] as PickedFile | undefined;
              e.target.value = "";
              if (f) void files.read(f).then((file) => insert(file));
            }}
          />
        </div>
        {why && (
          <span id={whyId} className={s.why}>
            {why}
          </span>
        )}
        {busy && area === "insert" && <Spinner size="tiny" label={busy} />}
        <Notices notices={area === "insert" ? notices : []} label={m.notices} testId="notices" />
      </section>
      <section className={s.step} aria-label={m.stepCheck}>
        <div className={s.row}>
          {filesOnly ? (
            <>
              <Button disabled={!!busy} onClick={() => openPicker.current?.click()}>
                {P.openReturn}
              </Button>
              <input
                ref={openPicker}
                className={s.hidden}
                type="file"
                tabIndex={-1}
                aria-label={P.openReturnHint}
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                data-testid="open-return"
                onChange={(e) => {
                  const f = e.target.files?.[0] as PickedFile | undefined;
                  e.target.value = "";
                  if (f) void openAndCheck(f);
                }}
              />
            </>
          ) : (
            <>
              <Button disabled={!!busy} onClick={selfCheck}>
                {m.selfCheck}
              </Button>
              <Button disabled={!!busy} onClick={clear}>
                {m.clearMarks}
              </Button>
            </>
          )}
        </div>
        {busy && area === "check" && <Spinner size="tiny" label={busy} />}
        <Notices notices={area === "check" ? notices : []} label={m.notices} testId="notices-check" />
        {check && (
          <CheckResult
            check={check}
            stale={stale}
            busy={!!busy}
            messages={m}
            onSelect={filesOnly ? null : select}
            onRecheck={selfCheck}
            onExport={exportCopy}
            verdictRef={checkHeading}
          />
        )}
      </section>
      <ConfirmInsert
        open={!!pending}
        unit={pending?.req.unit.name ?? ""}
        period={pending?.req.period.label ?? ""}
        filled={pending?.filled ?? 0}
        canOpenNew={canValidate}
        messages={m}
        onChoose={choose}
      />
    </div>
  );
}
