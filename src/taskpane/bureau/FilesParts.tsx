// The bureau's controls where the host is the offline page (support().filesOnly): the targets workbook
// chosen as a file (or a blank one downloaded), returns dropped (files or a whole folder), the bulletin and
// its JSON downloaded, and every unit's template in one .zip.
import * as React from "react";
import { Button, Field, makeStyles, tokens } from "@fluentui/react-components";
import { issueText } from "../../core/issues";
import type { Period } from "../../core/plan/periods";
import { toAggregateJson } from "../../core/report/json";
import type { AggregateOutcome, PaneActions, ReturnFile } from "../../host/types";
import type { Notice } from "../common/Notices";
import { useHostFiles, type PickedFile } from "../host-files";
import type { OnBusy, OnNotices, OnPicked } from "../handlers";
import { PAGE_TEXT as P } from "../page-messages";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    textAlign: "center",
    color: tokens.colorNeutralForeground2,
  },
  dragging: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
});

type Files = Pick<PaneActions, "loadTargets" | "downloadTargets" | "templatesZip">;
const XLSX = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Problems of a refused targets workbook listed at most. */
const SHOWN = 20;

export interface TargetsFileProps {
  actions: Files;
  period: Period | null;
  disabled: boolean;
  onBusy: OnBusy;
  onNotices: OnNotices;
}

/** 目标分解表 as a file: the one the round reads and the reviews are written into. */
export function TargetsFile({ actions, period, disabled, onBusy, onNotices }: TargetsFileProps) {
  const s = useStyles();
  const files = useHostFiles();
  const picker = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  const [chosen, setChosen] = React.useState<string | null>(null);
  const run = async (label: string, job: () => Promise<Notice[]>) => {
    onBusy(label);
    try {
      onNotices(await job());
    } catch (e) {
      onNotices([{ intent: "error", text: e instanceof Error ? e.message : String(e) }]);
    } finally {
      onBusy(null);
    }
  };
  const load = (f: PickedFile) =>
    run(P.chooseTargets, async () => {
      const file = await files.read(f);
      const r = await actions.loadTargets!(file);
      if (!r.loaded) {
        const lines = r.issues.slice(0, SHOWN).map(issueText);
        return [{ intent: "error", text: `${P.targetsRefused(file.name)}\n${lines.join("\n")}` }];
      }
      setChosen(file.name);
      const warn = r.issues.filter((i) => i.severity === "warning").slice(0, SHOWN);
      return [
        { intent: "success", text: P.targetsLoaded(file.name) },
        ...(warn.length ? [{ intent: "warning" as const, text: warn.map(issueText).join("\n") }] : []),
      ];
    });
  const blank = () =>
    run(P.downloadTargets, async () => {
      if (!period) return [];
      const d = await actions.downloadTargets!(period);
      files.save(d.fileName, d.bytes);
      return [{ intent: "success", text: P.targetsDownloaded(d.fileName) }];
    });
  return (
    <Field
      label={{ children: P.targetsFile, htmlFor: id }}
      hint={chosen ? P.targetsChosen(chosen) : P.targetsHint}
    >
      <div className={s.row}>
        <Button disabled={disabled} onClick={() => picker.current?.click()}>
          {P.chooseTargets}
        </Button>
        <Button disabled={disabled || !period} onClick={() => void blank()}>
          {P.downloadTargets}
        </Button>
        <input
          id={id}
          ref={picker}
          className={s.hidden}
          type="file"
          accept={XLSX}
          data-testid="targets-file"
          onChange={(e) => {
            const f = e.target.files?.[0] as PickedFile | undefined;
            e.target.value = "";
            if (f) void load(f);
          }}
        />
      </div>
    </Field>
  );
}

/** A region returns (files, or a folder of them) can be dropped on, beside the file picker. */
export function DropZone({ disabled, onFiles }: { disabled: boolean; onFiles: OnPicked }) {
  const s = useStyles();
  const files = useHostFiles();
  const [over, setOver] = React.useState(false);
  const [said, setSaid] = React.useState<string | null>(null);
  if (!files.dropped) return null;
  return (
    <>
    <div
      className={over ? `${s.drop} ${s.dragging}` : s.drop}
      data-testid="drop-zone"
      role="region"
      aria-label={P.dropLabel}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (disabled) return;
        void files.dropped!(e.dataTransfer).then((r) => {
          // A folder holding more than the cap: the first are read, and the page says the rest were not.
          const why = [r.more ? P.dropCapped(r.files.length) : "", r.unread ? P.dropUnread(r.unread) : ""];
          setSaid(why.join("") || null);
          onFiles(r.files);
        });
      }}
    >
      {P.dropHere}
    </div>
    {said && (
      <span role="status" data-testid="drop-said">
        {said}
      </span>
    )}
    </>
  );
}

/** The bulletin workbook and the round's JSON, downloaded (the page has no workbook to write into). */
export function BulletinDownloads({
  outcome,
  disabled,
  onNotices,
}: {
  outcome: AggregateOutcome;
  disabled: boolean;
  onNotices: OnNotices;
}) {
  const files = useHostFiles();
  const d = outcome.download;
  const json = () => {
    const name = `汇总数据-${outcome.round.aggregate.period}.json`;
    const text = JSON.stringify(toAggregateJson(outcome.round), null, 2) + "\n";
    files.save(name, new TextEncoder().encode(text), "application/json");
    onNotices([{ intent: "success", text: P.jsonSaved(name) }]);
  };
  return (
    <>
      {d && (
        <Button
          appearance="primary"
          disabled={disabled}
          onClick={() => {
            files.save(d.fileName, d.bytes);
            onNotices([{ intent: "success", text: P.bulletinSaved(d.fileName) }]);
          }}
        >
          {P.downloadBulletin}
        </Button>
      )}
      <Button disabled={disabled} onClick={json}>
        {P.downloadJson}
      </Button>
    </>
  );
}

/** Every unit's template as one .zip, prefilled from the previous round's returns when chosen. */
export function TemplatesZip({
  actions,
  period,
  deadline,
  disabled,
  onBusy,
  onNotices,
}: {
  actions: Files;
  period: Period | null;
  deadline: string | null;
  disabled: boolean;
  onBusy: OnBusy;
  onNotices: OnNotices;
}) {
  const s = useStyles();
  const files = useHostFiles();
  const picker = React.useRef<HTMLInputElement>(null);
  const id = React.useId();
  const [from, setFrom] = React.useState<ReturnFile[]>([]);
  const make = async () => {
    if (!period) return;
    onBusy(P.templates);
    try {
      const z = await actions.templatesZip!({ period, deadline, from });
      files.save(z.fileName, z.bytes, "application/zip");
      onNotices([{ intent: "success", text: P.templatesSaved(z.fileName, z.prefilled, z.blank) }]);
    } catch (e) {
      onNotices([{ intent: "error", text: e instanceof Error ? e.message : String(e) }]);
    } finally {
      onBusy(null);
    }
  };
  return (
    <Field
      label={{ children: P.templates, htmlFor: id }}
      hint={from.length ? P.previousReturnsChosen(from.length) : P.templatesHint}
    >
      <div className={s.row}>
        <Button disabled={disabled} onClick={() => picker.current?.click()}>
          {P.choosePreviousReturns}
        </Button>
        <Button disabled={disabled || !period} onClick={() => void make()}>
          {P.templates}
        </Button>
        <input
          id={id}
          ref={picker}
          className={s.hidden}
          type="file"
          multiple
          accept={XLSX}
          data-testid="previous-returns"
          onChange={(e) => {
            const list = Array.from((e.target.files ?? []) as ArrayLike<PickedFile>);
            e.target.value = "";
            void Promise.all(list.map((f) => files.read(f))).then(setFrom);
          }}
        />
      </div>
    </Field>
  );
}
