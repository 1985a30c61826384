// 汇总: read many return files at once (in the pane, nothing uploaded), list each return with its status
// as the round will count it, let the bureau include, exclude or remove returns, keep accepted returns in
// the workbook where the host can, insert the target allocation, aggregate and write the bulletin.
import * as React from "react";
import { Button, Field, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { roundPeriod } from "../core/aggregate/round-period";
import { parsePeriod } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import type {
  AggregateOutcome,
  AggregateProgress,
  ImportedReturn,
  PaneActions,
  ReturnFile,
} from "../host/types";
import { keptChoice } from "../host/kept-names";
import { previewRound } from "./bureau/return-status";
import { ReturnList } from "./bureau/ReturnList";
import { RoundSummary } from "./bureau/RoundSummary";
import { RosterButton } from "./bureau/RosterButton";
import { rosterCheckNotice } from "./bureau/roster-notices";
import { PlanPicker } from "./bureau/PlanPicker";
import type { OnPlan, ReadPlanFile } from "./handlers";
import { DateField, isoDate } from "./common/DateField";
import { Notices, type Notice } from "./common/Notices";
import { PeriodField } from "./common/PeriodField";
import { useHostFiles, type SaveFile } from "./host-files";
import { errorText } from "./errors";
import type { Messages } from "./messages";
import { formsOf } from "../core/form/versions";
import type { ReturnResult } from "../core/read/types";
import { REVIEW_LABELS, type Review } from "../core/review/review";
import { ReturnExtras } from "./bureau/ReturnExtras";
import { earlierReturn } from "./bureau/earlier";
import { ROUND_TEXT as T } from "./round-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
});

export type BureauActions = Pick<
  PaneActions,
  "support" | "readReturnFile" | "keepReturns" | "insertTargets" | "aggregate" | "selectCell" | "annotateFile"
> &
  Partial<Pick<PaneActions, "removeKept" | "setReview" | "loadRoster">>;

export type { PickedFile } from "./host-files";
import type { PickedFile } from "./host-files";

export interface BureauViewProps {
  actions: BureauActions;
  plan: Plan;
  messages: Messages;
  defaultPeriod: string;
  today: string;
  save?: SaveFile;
  /** Loading a plan workbook: where the pane is given one, the bureau can switch the plan in force. */
  planFile?: { read: ReadPlanFile; onPlan: OnPlan };
}

export function BureauView({
  actions,
  plan,
  messages: m,
  defaultPeriod,
  today,
  save: saveProp,
  planFile,
}: BureauViewProps) {
  const s = useStyles();
  const files = useHostFiles();
  const save = saveProp ?? files.save;
  const toReturnFile = files.read;
  const [periodText, setPeriodText] = React.useState(defaultPeriod);
  const [deadline, setDeadline] = React.useState("");
  const [issuedOn, setIssuedOn] = React.useState(today);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = React.useState<AggregateProgress | null>(null);
  const [imported, setImported] = React.useState<ImportedReturn[]>([]);
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [kept, setKept] = React.useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const [outcome, setOutcome] = React.useState<AggregateOutcome | null>(null);
  const [reviews, setReviews] = React.useState<ReadonlyMap<string, Review>>(new Map());
  const [previous, setPrevious] = React.useState<ReturnFile | null>(null);
  const previousPicker = React.useRef<HTMLInputElement>(null);
  const previousId = React.useId();
  const period = parsePeriod(periodText);
  const deadlineOk = deadline.trim() === "" || !!isoDate(deadline);
  const issuedOk = !!isoDate(issuedOn);
  const picker = React.useRef<HTMLInputElement>(null);
  const pickerId = React.useId();

  const results = React.useMemo(() => imported.map((i) => i.result), [imported]);
  const preview = React.useMemo(() => {
    const included = new Set(results.map((r) => r.file).filter((f) => !excluded.has(f)));
    return previewRound(
      plan,
      period,
      results,
      included,
      deadlineOk ? isoDate(deadline) : null,
      Object.fromEntries(reviews),
    );
  }, [plan, period?.id, results, excluded, deadline, deadlineOk, reviews]);
  const included = results.filter((r) => !excluded.has(r.file));

  const onFiles = async (list: FileList | PickedFile[] | null) => {
    const files = list ? Array.from(list as ArrayLike<PickedFile>) : [];
    if (!files.length) return;
    setNotices([]);
    setOutcome(null);
    setProgress({ done: 0, total: files.length });
    const out: ImportedReturn[] = [];
    try {
      // One after another: each file is parsed in memory; the bar moves as each one is done.
      for (const f of files) {
        const file = await toReturnFile(f);
        out.push({ file, result: await actions.readReturnFile(file) });
        setProgress({ done: out.length, total: files.length });
      }
      setImported((prev) => [...prev.filter((p) => !out.some((o) => o.file.name === p.file.name)), ...out]);
      const names = new Set(out.map((o) => o.file.name));
      setExcluded((prev) => new Set([...prev].filter((f) => !names.has(f))));
      const common = roundPeriod(out.map((o) => o.result));
      if (common) setPeriodText(common.id);
      if (actions.support().insertSheets) {
        const n = await actions.keepReturns(out);
        if (n) {
          // A unit's kept sheets are replaced by its newest kept file: remember which file each prefix holds.
          setKept((prev) => {
            const next = new Map(prev);
            for (const [prefix, o] of keptChoice(out)) {
              for (const [f, p] of next) if (p === prefix) next.delete(f);
              next.set(o.file.name, prefix);
            }
            return next;
          });
          setNotices([{ intent: "success", text: m.kept(n) }]);
        }
      } else setNotices([{ intent: "info", text: m.keepUnsupported }]);
    } catch (e) {
      setNotices([{ intent: "error", text: errorText(e, m) }]);
    } finally {
      setProgress(null);
    }
  };

  const run = async (label: string, job: () => Promise<Notice[]>) => {
    setBusy(label);
    try {
      setNotices(await job());
    } catch (e) {
      setNotices([{ intent: "error", text: errorText(e, m) }]);
    } finally {
      setBusy(null);
    }
  };

  const include = (file: string, on: boolean) => {
    setOutcome(null);
    setExcluded((prev) => {
      const next = new Set(prev);
      if (on) next.delete(file);
      else next.add(file);
      return next;
    });
  };

  const remove = (file: string) => {
    const it = imported.find((i) => i.file.name === file);
    const name = it?.result.unitName ?? file;
    const prefix = kept.get(file);
    setOutcome(null);
    setImported((prev) => prev.filter((i) => i.file.name !== file));
    // Left out of this round even where its sheets cannot be removed (a host without the call).
    setExcluded((prev) => new Set([...prev, file]));
    if (prefix === undefined || !actions.removeKept) {
      setNotices([{ intent: "info", text: m.removed(name) }]);
      return;
    }
    void run(m.remove, async () => {
      const n = await actions.removeKept!(prefix);
      setKept((prev) => new Map([...prev].filter(([f]) => f !== file)));
      return [{ intent: "info", text: n ? T.removedKept(name, n) : m.removed(name) }];
    });
  };

  const review = (r: ReturnResult, state: Review["state"], reason: string) =>
    run(T.review, async () => {
      if (!r.unit || !actions.setReview) return [];
      const rv: Review = { state, reason: state === "returned" ? reason : null };
      const w = await actions.setReview(r.unit, rv);
      const name = r.unitName ?? r.unit;
      if (w !== "written")
        return [
          {
            intent: "warning",
            text:
              w === "noSheet"
                ? T.reviewNoSheet
                : w === "noColumns"
                  ? T.reviewNoColumns
                  : T.reviewNoUnit(name),
          },
        ];
      setOutcome(null);
      setReviews((prev) => new Map([...prev, [r.unit!, rv]]));
      return [{ intent: "success", text: T.reviewWritten(name, REVIEW_LABELS[state]) }];
    });

  const renderExtra = (it: ImportedReturn) => (
    <ReturnExtras
      result={it.result}
      earlier={earlierReturn(it.result, results)}
      forms={formsOf(plan)}
      review={(it.result.unit && reviews.get(it.result.unit)) || null}
      busy={!!busy}
      onReview={actions.setReview ? (state, reason) => void review(it.result, state, reason) : null}
    />
  );

  const downloadDocx = () =>
    run(T.downloadDocx, async () => {
      if (!outcome) return [];
      const { bulletinDocxBytes, DOCX_MIME } = await import(
        /* webpackChunkName: "bulletin-docx" */ "./bulletin-docx"
      );
      const opts = outcome.bulletin ?? { issuedOn: isoDate(issuedOn) ?? today };
      const name = `工作通报-${outcome.round.aggregate.period}.docx`;
      save(name, await bulletinDocxBytes(outcome.round, plan, opts), DOCX_MIME);
      return [{ intent: "success", text: T.docxSaved(name) }];
    });

  const download = (it: ImportedReturn) =>
    run(m.exportAnnotated, async () => {
      const d = await actions.annotateFile(it.file, it.result);
      save(d.fileName, d.bytes);
      return [{ intent: "success", text: m.exported(d.fileName) }];
    });

  const select = (sheet: string, cell: string) =>
    actions.selectCell(sheet, cell).catch((e) => setNotices([{ intent: "error", text: errorText(e, m) }]));

  const targets = () =>
    run(m.insertTargets, async () => {
      if (!period) return [];
      const r = await actions.insertTargets(period);
      return [
        {
          intent: r === "inserted" ? "success" : "info",
          text: r === "inserted" ? m.targetsInserted : m.targetsExist,
        },
      ];
    });

  const aggregate = () =>
    run(m.aggregating, async () => {
      if (!period || !included.length) return [{ intent: "info", text: m.nothingToAggregate }];
      setOutcome(null);
      const o = await actions
        .aggregate({
          period,
          deadline: isoDate(deadline),
          issuedOn: isoDate(issuedOn) ?? today,
          files: included,
          exclude: [...excluded],
          ...(previous ? { previous } : {}),
          onProgress: setWriting,
        })
        .finally(() => setWriting(null));
      setOutcome(o);
      const out: Notice[] = [{ intent: "success", text: m.aggregated(o) }];
      if (o.previousReason) out.push({ intent: "warning", text: T.previousFailed(o.previousReason) });
      if (!o.targets) out.push({ intent: "info", text: m.noTargets });
      if (o.round.roster) out.push(rosterCheckNotice(o.round.roster));
      if (o.skipped.length)
        out.push({ intent: "warning", text: m.skipped(o.skipped.map((f) => m.feature[f] ?? f).join("、")) });
      return out;
    });

  const canAggregate = !!period && included.length > 0 && deadlineOk && issuedOk;
  return (
    <div className={s.root}>
      <PeriodField value={periodText} valid={!!period} onChange={setPeriodText} messages={m} />
      <DateField
        label={m.deadline}
        hint={m.deadlineOptional}
        value={deadline}
        onChange={setDeadline}
        optional
        messages={m}
      />
      {planFile && (
        <PlanPicker
          plan={plan}
          messages={m}
          disabled={!!progress || !!busy}
          read={planFile.read}
          toFile={toReturnFile}
          onPlan={(p) => {
            // Returns read under the old plan are read again by the user under the new one.
            setImported([]);
            setOutcome(null);
            planFile.onPlan(p);
          }}
          onNotices={setNotices}
        />
      )}
      <DateField label={m.issuedOn} value={issuedOn} onChange={setIssuedOn} messages={m} />
      <Field label={{ children: m.pickFiles, htmlFor: pickerId }} hint={m.pickFilesHint}>
        <div className={s.row}>
          <Button disabled={!!progress || !!busy} onClick={() => picker.current?.click()}>
            {m.chooseFiles}
          </Button>
          <input
            id={pickerId}
            ref={picker}
            className={s.hidden}
            type="file"
            multiple
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="files"
            disabled={!!progress || !!busy}
            onChange={(e) => {
              void onFiles(e.target.files);
              e.target.value = "";
            }}
          />
        </div>
      </Field>
      {progress && (
        <Field validationMessage={m.reading(progress.done, progress.total)} validationState="none">
          <ProgressBar
            value={progress.total ? progress.done / progress.total : 0}
            aria-label={m.reading(progress.done, progress.total)}
          />
        </Field>
      )}
      {imported.length > 0 && (
        <ReturnList
          imported={imported}
          preview={preview}
          excluded={excluded}
          kept={kept}
          messages={m}
          busy={!!busy}
          onInclude={include}
          onRemove={remove}
          onDownload={(it) => void download(it)}
          onSelect={select}
          renderExtra={renderExtra}
        />
      )}
      <Field
        label={{ children: T.previous, htmlFor: previousId }}
        hint={previous ? T.previousChosen(previous.name) : T.previousHint}
      >
        <div className={s.row}>
          <Button disabled={!!busy} onClick={() => previousPicker.current?.click()}>
            {T.choosePrevious}
          </Button>
          {previous && (
            <Button disabled={!!busy} onClick={() => setPrevious(null)}>
              {T.clearPrevious}
            </Button>
          )}
          <input
            id={previousId}
            ref={previousPicker}
            className={s.hidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="previous-bulletin"
            onChange={(e) => {
              const f = e.target.files?.[0] as PickedFile | undefined;
              e.target.value = "";
              if (f) void toReturnFile(f).then(setPrevious);
            }}
          />
        </div>
      </Field>
      <div className={s.row}>
        <Button disabled={!!busy || !period} onClick={targets}>
          {m.insertTargets}
        </Button>
        {actions.loadRoster && (
          <RosterButton
            actions={{ loadRoster: actions.loadRoster }}
            disabled={!!busy || !!progress || !actions.support().insertSheets}
            toFile={(f) => toReturnFile(f as PickedFile)}
            onStart={setBusy}
            onDone={(n) => {
              setBusy(null);
              setNotices(n);
            }}
          />
        )}
        <Button
          appearance="primary"
          disabled={!!busy || !!progress || !canAggregate}
          aria-describedby={included.length ? undefined : `${pickerId}-none`}
          onClick={aggregate}
        >
          {m.aggregate}
        </Button>
      </div>
      {!included.length && (
        <span id={`${pickerId}-none`} style={{ fontSize: tokens.fontSizeBase200 }}>
          {m.nothingToAggregate}
        </span>
      )}
      {writing ? <WriteProgress p={writing} m={m} /> : busy && <Spinner size="tiny" label={busy} />}
      <Notices notices={notices} label={m.notices} />
      {outcome && <RoundSummary outcome={outcome} plan={plan} messages={m} onSelect={select} />}
      {outcome && (
        <div className={s.row}>
          <Button disabled={!!busy} onClick={downloadDocx}>
            {T.downloadDocx}
          </Button>
        </div>
      )}
    </div>
  );
}

/** The bar while the round is computed (indeterminate) and the bulletin written (requests sent of all). */
function WriteProgress({ p, m }: { p: AggregateProgress; m: Messages }) {
  const label = p.stage === "writing" ? m.writing(p.sent, p.total) : m.computing;
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar
        value={p.stage === "writing" && p.total ? p.sent / p.total : undefined}
        aria-label={label}
      />
    </Field>
  );
}
