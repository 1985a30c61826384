// 汇总: read many return files at once (in the pane, nothing uploaded), list each return with its status
// as the round will count it, let the bureau include, exclude, review or remove returns, keep accepted
// returns in the workbook where the host can, insert the target allocation, aggregate and write the
// bulletin. The steps are laid out in the order they are done; what each step did is said right below it,
// and an action with a public consequence (a unit published as 未报送, points lost) is confirmed first.
import * as React from "react";
import { Button, Field, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { roundPeriod } from "../core/aggregate/round-period";
import { defaultPeriodIn, periodInPlan } from "../core/plan/period-choices";
import { parsePeriod } from "../core/plan/periods";
import type { Plan } from "../core/plan/types";
import { DEFAULT_SETTINGS, type ScoringSettings } from "../core/targets/types";
import { POLICY_LABELS } from "../core/roster/types";
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
import { HistoryFindings, HistoryReturns } from "./bureau/HistoryReturns";
import { RosterButton } from "./bureau/RosterButton";
import { rosterCheckNotice } from "./bureau/roster-notices";
import { DateField, isoDate } from "./common/DateField";
import { Notices, type Notice } from "./common/Notices";
import { PeriodField } from "./common/PeriodField";
import { useConfirm } from "./common/ConfirmDialog";
import { useHostFiles, type SaveFile } from "./host-files";
import { deliver } from "./deliver";
import { errorText } from "./errors";
import type { Messages } from "./messages";
import { formsOf } from "../core/form/versions";
import type { ReturnResult } from "../core/read/types";
import { REVIEW_LABELS, type Review } from "../core/review/review";
import { ReturnExtras } from "./bureau/ReturnExtras";
import { earlierReturn } from "./bureau/earlier";
import { ROUND_TEXT as T } from "./round-messages";
import { PAGE_TEXT as P } from "./page-messages";
import { BulletinDownloads, DropZone, TemplatesZip, TargetsFile } from "./bureau/FilesParts";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  step: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  stepHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  why: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

export type BureauActions = Pick<
  PaneActions,
  "support" | "readReturnFile" | "keepReturns" | "insertTargets" | "aggregate" | "selectCell" | "annotateFile"
> &
  Partial<
    Pick<
      PaneActions,
      | "removeKept"
      | "setReview"
      | "loadRoster"
      | "scoringSettings"
      | "openWorkbook"
      | "loadTargets"
      | "downloadTargets"
      | "targetsFile"
      | "templatesZip"
      | "bulletinDocx"
    >
  >;

export type { PickedFile } from "./host-files";
import type { PickedFile } from "./host-files";

export interface BureauViewProps {
  actions: BureauActions;
  plan: Plan;
  messages: Messages;
  /** The period proposed from today; the view keeps it inside the plan. */
  defaultPeriod: string;
  today: string;
  save?: SaveFile;
}

type Area = "targets" | "files" | "aggregate" | "docx";

export function BureauView({
  actions,
  plan,
  messages: m,
  defaultPeriod,
  today,
  save: saveProp,
}: BureauViewProps) {
  const s = useStyles();
  const files = useHostFiles();
  const save = saveProp ?? files.save;
  const toReturnFile = files.read;
  // The offline page: no workbook beside the views; the targets workbook and the bulletin are files.
  const filesOnly = !!actions.support().filesOnly;
  const [periodText, setPeriodText] = React.useState(() => defaultPeriodIn(plan, defaultPeriod).id);
  const [deadline, setDeadline] = React.useState("");
  const [issuedOn, setIssuedOn] = React.useState(today);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [writing, setWriting] = React.useState<AggregateProgress | null>(null);
  const [imported, setImported] = React.useState<ImportedReturn[]>([]);
  const [excluded, setExcluded] = React.useState<ReadonlySet<string>>(new Set());
  const [kept, setKept] = React.useState<ReadonlyMap<string, string>>(new Map());
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notices, setNoticesAt] = React.useState<Partial<Record<Area, Notice[]>>>({});
  const [rowNotice, setRowNotice] = React.useState<ReadonlyMap<string, Notice>>(new Map());
  const [outcome, setOutcome] = React.useState<AggregateOutcome | null>(null);
  const [reviews, setReviews] = React.useState<ReadonlyMap<string, Review>>(new Map());
  const [previous, setPrevious] = React.useState<ReturnFile | null>(null);
  // Last round's returns (issue 26): the round is compared with them, as `aggregate --history-returns`.
  const [lastReturns, setLastReturns] = React.useState<ReturnResult[] | null>(null);
  const previousPicker = React.useRef<HTMLInputElement>(null);
  const previousId = React.useId();
  const listHeading = React.useRef<HTMLHeadingElement>(null);
  const summaryHeading = React.useRef<HTMLHeadingElement>(null);
  const { ask, dialog } = useConfirm();
  const period = parsePeriod(periodText);
  const deadlineOk = deadline.trim() === "" || !!isoDate(deadline);
  const issuedOk = !!isoDate(issuedOn);
  const picker = React.useRef<HTMLInputElement>(null);
  const pickerId = React.useId();
  const support = actions.support();

  const say = (area: Area, n: Notice[]) => setNoticesAt((prev) => ({ ...prev, [area]: n }));

  // Another plan: returns read under the old one are read again by the user under the new one, and a
  // period the new plan does not cover gives way to the latest one it does.
  const firstPlan = React.useRef(plan);
  React.useEffect(() => {
    if (firstPlan.current === plan) return;
    firstPlan.current = plan;
    setImported([]);
    setExcluded(new Set());
    setOutcome(null);
    setReviews(new Map());
    setRowNotice(new Map());
    setNoticesAt({});
    setPeriodText((p) => (periodInPlan(plan, parsePeriod(p)) ? p : defaultPeriodIn(plan, defaultPeriod).id));
  }, [plan]);

  const results = React.useMemo(() => imported.map((i) => i.result), [imported]);
  const deadlineIso = deadlineOk ? isoDate(deadline) : null;
  const previewWith = (ex: ReadonlySet<string>, rv: ReadonlyMap<string, Review>) =>
    previewRound(
      plan,
      period,
      results,
      new Set(results.map((r) => r.file).filter((f) => !ex.has(f))),
      deadlineIso,
      Object.fromEntries(rv),
    );
  const preview = React.useMemo(
    () => previewWith(excluded, reviews),
    [plan, period?.id, results, excluded, deadlineIso, reviews],
  );
  const included = results.filter((r) => !excluded.has(r.file));

  const settings = async (): Promise<ScoringSettings> => {
    try {
      return (await actions.scoringSettings?.()) ?? DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  };

  /** The units counted today that `ex` and `rv` (exclusions, reviews) would leave without a counted return. */
  const newlyMissing = (ex: ReadonlySet<string>, rv: ReadonlyMap<string, Review>) => {
    const after = previewWith(ex, rv).reported;
    return plan.units.filter((u) => preview.reported.has(u.code) && !after.has(u.code));
  };

  const onFiles = async (list: FileList | PickedFile[] | null) => {
    const files = list ? Array.from(list as ArrayLike<PickedFile>) : [];
    if (!files.length) return;
    say("files", []);
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
      if (common && periodInPlan(plan, common)) setPeriodText(common.id);
      if (support.insertSheets) {
        const n = await actions.keepReturns(out);
        if (n) {
          // A unit's kept sheets are replaced by its newest kept file: remember which file each prefix holds.
          setKept((prev) => {
            const next = new Map(prev);
            for (const [prefix, o] of keptChoice(out, formsOf(plan))) {
              for (const [f, p] of next) if (p === prefix) next.delete(f);
              next.set(o.file.name, prefix);
            }
            return next;
          });
          say("files", [{ intent: "success", text: m.kept(n) }]);
        } else say("files", [{ intent: "info", text: m.readDone(out.length) }]);
      } else say("files", [{ intent: "info", text: filesOnly ? P.read(out.length) : m.keepUnsupported }]);
      // The list is what the user works on next: focus its heading (never <body>).
      setTimeout(() => listHeading.current?.focus(), 0);
    } catch (e) {
      say("files", [{ intent: "error", text: errorText(e, m) }]);
    } finally {
      setProgress(null);
    }
  };

  const run = async (area: Area, label: string, job: () => Promise<Notice[]>) => {
    setBusy(label);
    try {
      say(area, await job());
    } catch (e) {
      say(area, [{ intent: "error", text: errorText(e, m) }]);
    } finally {
      setBusy(null);
    }
  };

  const atRow = (file: string, n: Notice | null) =>
    setRowNotice((prev) => {
      const next = new Map(prev);
      if (n) next.set(file, n);
      else next.delete(file);
      return next;
    });

  const nameOf = (file: string) => imported.find((i) => i.file.name === file)?.result.unitName ?? file;

  const include = async (file: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(file);
    else next.add(file);
    const lost = on ? [] : newlyMissing(next, reviews);
    if (lost.length) {
      const points = (await settings()).missingPoints;
      const names = lost.map((u) => u.name).join("、");
      const ok = await ask({
        title: m.excludeTitle(names),
        body: m.excludeBody(names, points),
        confirm: m.excludeConfirm,
        cancel: m.keepIncluded,
      });
      if (!ok) return;
      atRow(file, { intent: "warning", text: m.excludedResult(names, points) });
    } else atRow(file, null);
    setOutcome(null);
    setExcluded(next);
  };

  const remove = async (file: string) => {
    const name = nameOf(file);
    const next = new Set([...excluded, file]);
    const lost = newlyMissing(next, reviews);
    if (lost.length) {
      const points = (await settings()).missingPoints;
      const names = lost.map((u) => u.name).join("、");
      const ok = await ask({
        title: m.removeTitle(name),
        body: m.excludeBody(names, points),
        confirm: m.remove,
        cancel: m.keepIncluded,
      });
      if (!ok) return;
    }
    const prefix = kept.get(file);
    setOutcome(null);
    setImported((prev) => prev.filter((i) => i.file.name !== file));
    // Left out of this round even where its sheets cannot be removed (a host without the call).
    setExcluded(next);
    setTimeout(() => listHeading.current?.focus(), 0);
    if (prefix === undefined || !actions.removeKept) {
      say("files", [{ intent: "info", text: m.removed(name) }]);
      return;
    }
    void run("files", m.remove, async () => {
      const n = await actions.removeKept!(prefix);
      setKept((prev) => new Map([...prev].filter(([f]) => f !== file)));
      return [{ intent: "info", text: n ? T.removedKept(name, n) : m.removed(name) }];
    });
  };

  const review = async (r: ReturnResult, state: Review["state"], reason: string) => {
    if (!r.unit || !actions.setReview) return;
    const rv: Review = { state, reason: state === "returned" ? reason : null };
    const name = r.unitName ?? r.unit;
    let consequence = "";
    if (state === "returned") {
      const lost = newlyMissing(excluded, new Map([...reviews, [r.unit, rv]]));
      const points = (await settings()).missingPoints;
      const ok = await ask({
        title: m.sendBackTitle(name),
        body: m.sendBackBody(name, reason, lost.length ? points : null),
        confirm: T.sendBack,
        cancel: m.sendBackCancel,
      });
      if (!ok) return;
      if (lost.length) consequence = m.sendBackResult(name, points);
    }
    setBusy(T.review);
    try {
      const w = await actions.setReview(r.unit, rv);
      if (w !== "written")
        return atRow(r.file, {
          intent: "warning",
          text:
            w === "noSheet" ? T.reviewNoSheet : w === "noColumns" ? T.reviewNoColumns : T.reviewNoUnit(name),
        });
      setOutcome(null);
      setReviews((prev) => new Map([...prev, [r.unit!, rv]]));
      // The page has no workbook to keep the review in: the targets workbook, updated, is downloaded.
      const updated = filesOnly ? await actions.targetsFile?.() : null;
      if (updated) save(updated.fileName, updated.bytes);
      atRow(r.file, {
        intent: state === "returned" ? "warning" : "success",
        text:
          T.reviewWritten(name, REVIEW_LABELS[state]) +
          consequence +
          (updated ? P.reviewSaved(updated.fileName) : ""),
      });
    } catch (e) {
      atRow(r.file, { intent: "error", text: errorText(e, m) });
    } finally {
      setBusy(null);
    }
  };

  const hasTargetsStep = () => (filesOnly ? P.reviewNeedsTargets : m.reviewNeedsTargets);
  const renderExtra = (it: ImportedReturn) => (
    <ReturnExtras
      result={it.result}
      earlier={earlierReturn(it.result, results)}
      forms={formsOf(plan)}
      review={(it.result.unit && reviews.get(it.result.unit)) || null}
      busy={!!busy}
      onReview={actions.setReview ? (state, reason) => void review(it.result, state, reason) : null}
      hint={hasTargetsStep()}
    />
  );

  const host = { downloads: support.downloads !== false, save, openWorkbook: actions.openWorkbook };
  const delivered = (how: Awaited<ReturnType<typeof deliver>>, name: string, saved: string): Notice =>
    how === "saved"
      ? { intent: "success", text: saved }
      : how === "opened"
        ? { intent: "success", text: m.openedInExcel(name) }
        : { intent: "warning", text: m.noDownload(name) };

  const downloadDocx = () =>
    run("docx", T.downloadDocx, async () => {
      if (!outcome) return [];
      const name = `工作通报-${outcome.round.aggregate.period}.docx`;
      if (!host.downloads) return [{ intent: "warning", text: m.noDocxDownload(name) }];
      const { bulletinDocxBytes, DOCX_MIME } = await import(
        /* webpackChunkName: "bulletin-docx" */ "./bulletin-docx"
      );
      const opts = outcome.bulletin ?? { issuedOn: isoDate(issuedOn) ?? today };
      // A host that keeps the round elsewhere (the page's worker) makes the document where the round is whole.
      const bytes = actions.bulletinDocx
        ? await actions.bulletinDocx(opts)
        : await bulletinDocxBytes(outcome.round, plan, opts);
      const how = await deliver(host, name, bytes, DOCX_MIME);
      return [delivered(how, name, T.docxSaved(name))];
    });

  const download = async (it: ImportedReturn) => {
    setBusy(m.exportAnnotated);
    try {
      const d = await actions.annotateFile(it.file, it.result);
      const how = await deliver(host, d.fileName, d.bytes);
      atRow(it.file.name, delivered(how, d.fileName, m.exported(d.fileName)));
    } catch (e) {
      atRow(it.file.name, { intent: "error", text: errorText(e, m) });
    } finally {
      setBusy(null);
    }
  };

  const select = (sheet: string, cell: string) =>
    actions
      .selectCell(sheet, cell)
      .catch((e) => say("aggregate", [{ intent: "error", text: errorText(e, m) }]));

  const targets = () =>
    run("targets", m.insertTargets, async () => {
      if (!period) return [];
      const r = await actions.insertTargets(period);
      return [
        {
          intent: r === "inserted" ? "success" : "info",
          text: r === "inserted" ? m.targetsInserted : m.targetsExist,
        },
      ];
    });

  const confirmPartialRoster = async (missing: string[], have: string[]) => {
    const policy = (await settings()).rosterPolicy;
    return ask({
      title: m.partialRosterTitle,
      body: m.partialRosterBody(have, missing, POLICY_LABELS[policy], policy === "verified"),
      confirm: m.partialRosterConfirm,
      cancel: m.partialRosterCancel,
    });
  };

  const aggregate = () =>
    run("aggregate", m.aggregating, async () => {
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
          ...(lastReturns ? { history: lastReturns } : {}),
          onProgress: setWriting,
        })
        .finally(() => setWriting(null));
      setOutcome(o);
      const out: Notice[] = [{ intent: "success", text: m.aggregated(o) }];
      // Units whose returns are here but not counted: published as 未报送, said by name.
      const importedUnits = new Set(results.map((r) => r.unit).filter(Boolean));
      const notCounted = o.round.aggregate.submissions
        .filter((x) => x.status !== "reported" && importedUnits.has(x.unit))
        .map((x) => x.name);
      if (notCounted.length)
        out.push({
          intent: "warning",
          text: m.publishedMissing(
            notCounted.join("、"),
            o.round.settings?.missingPoints ?? DEFAULT_SETTINGS.missingPoints,
          ),
        });
      if (o.previousReason) out.push({ intent: "warning", text: T.previousFailed(o.previousReason) });
      if (!o.targets) out.push({ intent: "info", text: m.noTargets });
      if (o.round.roster) out.push(rosterCheckNotice(o.round.roster));
      if (o.skipped.length)
        out.push({ intent: "warning", text: m.skipped(o.skipped.map((f) => m.feature[f] ?? f).join("、")) });
      setTimeout(() => summaryHeading.current?.focus(), 0);
      return out;
    });

  const canAggregate = !!period && included.length > 0 && deadlineOk && issuedOk;
  const why = !included.length
    ? m.nothingToAggregate
    : !deadlineOk || !issuedOk
      ? m.fixDates
      : !period
        ? m.choosePeriod
        : null;
  return (
    <div className={s.root}>
      <PeriodField plan={plan} value={periodText} onChange={setPeriodText} messages={m} />
      <DateField
        label={m.deadline}
        hint={m.deadlineOptional}
        value={deadline}
        onChange={setDeadline}
        optional
        messages={m}
      />
      <DateField label={m.issuedOn} value={issuedOn} onChange={setIssuedOn} messages={m} />
      <section className={s.step} aria-label={m.stepTargets}>
        <div className={s.row}>
          {filesOnly ? (
            <TargetsFile
              actions={actions}
              period={period}
              disabled={!!busy || !!progress}
              onBusy={setBusy}
              onNotices={(n) => say("targets", n)}
            />
          ) : (
            <Button disabled={!!busy || !period} onClick={targets}>
              {m.insertTargets}
            </Button>
          )}
          {actions.loadRoster && (
            <RosterButton
              actions={{ loadRoster: actions.loadRoster }}
              disabled={!!busy || !!progress || !(support.insertSheets || filesOnly)}
              toFile={(f) => toReturnFile(f as PickedFile)}
              confirmPartial={confirmPartialRoster}
              onStart={setBusy}
              onDone={(n) => {
                setBusy(null);
                say("targets", n);
              }}
            />
          )}
        </div>
        <span className={s.why}>{m.targetsHint}</span>
        <Notices notices={notices.targets ?? []} label={m.notices} testId="notices-targets" />
      </section>
      <section className={s.step} aria-label={m.pickFiles}>
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
        {filesOnly && <DropZone disabled={!!progress || !!busy} onFiles={(f) => void onFiles(f)} />}
        {progress && (
          <Field validationMessage={m.reading(progress.done, progress.total)} validationState="none">
            <ProgressBar
              value={progress.total ? progress.done / progress.total : 0}
              aria-label={m.reading(progress.done, progress.total)}
            />
          </Field>
        )}
        <Notices notices={notices.files ?? []} label={m.notices} testId="notices-files" />
      </section>
      {imported.length > 0 && (
        <ReturnList
          imported={imported}
          preview={preview}
          excluded={excluded}
          kept={kept}
          messages={m}
          busy={!!busy}
          headingRef={listHeading}
          rowNotice={rowNotice}
          onInclude={(f, on) => void include(f, on)}
          onRemove={(f) => void remove(f)}
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
      <HistoryReturns
        value={lastReturns}
        onChange={setLastReturns}
        read={toReturnFile}
        readReturn={actions.readReturnFile}
        busy={!!busy}
        onError={(e) => say("aggregate", [{ intent: "error", text: errorText(e, m) }])}
      />
      <section className={s.step} aria-label={m.aggregate}>
        <div className={s.row}>
          <Button
            appearance="primary"
            disabled={!!busy || !!progress || !canAggregate}
            aria-describedby={why ? `${pickerId}-none` : undefined}
            onClick={aggregate}
          >
            {m.aggregate}
          </Button>
        </div>
        {why && (
          <span id={`${pickerId}-none`} className={s.why}>
            {why}
          </span>
        )}
        {writing ? <WriteProgress p={writing} m={m} /> : busy && <Spinner size="tiny" label={busy} />}
        <Notices notices={notices.aggregate ?? []} label={m.notices} testId="notices" />
      </section>
      {outcome && (
        <RoundSummary
          outcome={outcome}
          plan={plan}
          messages={m}
          onSelect={filesOnly ? null : select}
          headingRef={summaryHeading}
        />
      )}
      {outcome && <HistoryFindings round={outcome.round} />}
      {outcome && (
        <section className={s.step} aria-label={T.downloadDocx}>
          <div className={s.row}>
            {filesOnly && (
              <BulletinDownloads outcome={outcome} disabled={!!busy} onNotices={(n) => say("docx", n)} />
            )}
            <Button disabled={!!busy} onClick={downloadDocx}>
              {T.downloadDocx}
            </Button>
          </div>
          <Notices notices={notices.docx ?? []} label={m.notices} testId="notices-docx" />
        </section>
      )}
      {filesOnly && (
        <TemplatesZip
          actions={actions}
          period={period}
          deadline={deadlineOk ? isoDate(deadline) : null}
          disabled={!!busy || !!progress}
          onBusy={setBusy}
          onNotices={(n) => say("targets", n)}
        />
      )}
      {dialog}
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
