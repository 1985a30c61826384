// 汇总: read many return files at once (in the pane, nothing uploaded), show each file's unit, period,
// status and issues, keep accepted returns in the workbook where the host can, insert the target
// allocation, aggregate and write the bulletin.
import * as React from "react";
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { roundPeriod } from "../core/aggregate/round-period";
import { issueText } from "../core/issues";
import { parsePeriod } from "../core/plan/periods";
import type { ImportedReturn, PaneActions, ReturnFile } from "../excel/actions";
import { errorText } from "./errors";
import type { Messages } from "./messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap" },
  table: { tableLayout: "auto" },
  cell: { wordBreak: "break-all" },
  hidden: { display: "none" },
  nowrap: { whiteSpace: "nowrap" },
});

export type BureauActions = Pick<
  PaneActions,
  "support" | "readReturnFile" | "keepReturns" | "insertTargets" | "aggregate"
>;

export interface PickedFile extends Blob {
  name: string;
  lastModified: number;
}

/** Blob.arrayBuffer where the browser has it, FileReader elsewhere (older WebViews). */
function readBytes(f: Blob): Promise<ArrayBuffer> {
  if (typeof f.arrayBuffer === "function") return f.arrayBuffer();
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(f);
  });
}

export interface BureauViewProps {
  actions: BureauActions;
  messages: Messages;
  defaultPeriod: string;
  today: string;
}

type Notice = { intent: "success" | "warning" | "error" | "info"; text: string };

export async function toReturnFile(f: PickedFile): Promise<ReturnFile> {
  const modified = Number.isFinite(f.lastModified) && f.lastModified > 0 ? new Date(f.lastModified).toISOString() : null;
  return { name: f.name, bytes: new Uint8Array(await readBytes(f)), modified };
}

export function BureauView({ actions, messages: m, defaultPeriod, today }: BureauViewProps): React.JSX.Element {
  const s = useStyles();
  const [periodText, setPeriodText] = React.useState(defaultPeriod);
  const [deadline, setDeadline] = React.useState("");
  const [issuedOn, setIssuedOn] = React.useState(today);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [imported, setImported] = React.useState<ImportedReturn[]>([]);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const period = parsePeriod(periodText);
  const picker = React.useRef<HTMLInputElement>(null);

  const onFiles = async (list: FileList | PickedFile[] | null) => {
    const files = list ? Array.from(list as ArrayLike<PickedFile>) : [];
    if (!files.length) return;
    setNotices([]);
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
      const common = roundPeriod(out.map((o) => o.result));
      if (common) setPeriodText(common.id);
      if (actions.support().insertSheets) {
        const n = await actions.keepReturns(out);
        if (n) setNotices([{ intent: "success", text: m.kept(n) }]);
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

  const targets = () =>
    run(m.insertTargets, async () => {
      if (!period) return [];
      const r = await actions.insertTargets(period);
      return [{ intent: r === "inserted" ? "success" : "info", text: r === "inserted" ? m.targetsInserted : m.targetsExist }];
    });

  const aggregate = () =>
    run(m.aggregating, async () => {
      if (!period) return [];
      const o = await actions.aggregate({
        period,
        deadline: deadline || null,
        issuedOn: issuedOn || today,
        files: imported.map((i) => i.result),
      });
      const out: Notice[] = [{ intent: "success", text: m.aggregated(o) }];
      if (!o.targets) out.push({ intent: "info", text: m.noTargets });
      if (o.skipped.length) out.push({ intent: "warning", text: m.skipped(o.skipped.map((f) => m.feature[f] ?? f).join("、")) });
      return out;
    });

  return (
    <div className={s.root}>
      <Field
        label={m.period}
        hint={m.periodHint}
        validationState={period ? "none" : "error"}
        validationMessage={period ? undefined : m.periodInvalid(periodText)}
      >
        <Input value={periodText} onChange={(_, d) => setPeriodText(d.value)} />
      </Field>
      <div className={s.row}>
        <Field label={m.deadline} hint={m.deadlineOptional}>
          <Input type="date" value={deadline} onChange={(_, d) => setDeadline(d.value)} />
        </Field>
        <Field label={m.issuedOn}>
          <Input type="date" value={issuedOn} onChange={(_, d) => setIssuedOn(d.value)} />
        </Field>
      </div>
      <Field label={m.pickFiles} hint={m.pickFilesHint}>
        <div className={s.row}>
          <Button disabled={!!progress || !!busy} onClick={() => picker.current?.click()}>
            {m.chooseFiles}
          </Button>
          <input
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
          <ProgressBar value={progress.total ? progress.done / progress.total : 0} />
        </Field>
      )}
      {imported.length > 0 && (
        <Table size="small" className={s.table} aria-label="returns">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{m.colFile}</TableHeaderCell>
              <TableHeaderCell>{m.colUnit}</TableHeaderCell>
              <TableHeaderCell>{m.colPeriod}</TableHeaderCell>
              <TableHeaderCell>{m.colStatus}</TableHeaderCell>
              <TableHeaderCell>{m.colIssues}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {imported.map(({ file, result: r }) => (
              <TableRow key={file.name} data-testid="return-row">
                <TableCell className={s.cell}>{file.name}</TableCell>
                <TableCell className={s.nowrap}>{r.unitName ?? r.unit ?? "—"}</TableCell>
                <TableCell className={s.nowrap}>{r.period ?? "—"}</TableCell>
                <TableCell className={s.nowrap}>{r.rejected ? m.rejected : m.accepted}</TableCell>
                <TableCell title={[...r.errors, ...r.warnings].slice(0, 5).map(issueText).join("\n")}>
                  {r.errors.length + r.warnings.length}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={s.row}>
        <Button disabled={!!busy || !period} onClick={targets}>
          {m.insertTargets}
        </Button>
        <Button appearance="primary" disabled={!!busy || !!progress || !period} onClick={aggregate}>
          {m.aggregate}
        </Button>
      </div>
      {busy && <Spinner size="tiny" label={busy} />}
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent}>
          <MessageBarBody>{n.text}</MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
