// 汇总 against the previous round's returns (issue 26, as `srdi aggregate --history-returns DIR`): the
// bureau picks last round's return files; each is read through the one reader (the host's), and the round
// compares each unit's return with its unit's latest usable one. After 汇总, what that comparison found:
// firms gone (退出), firms moved between units, and the warnings no 说明 answers, per unit.
import * as React from "react";
import { Button, Field, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { OnError, OnReturns, ReadPicked, ReadReturn } from "./history-handlers";
import type { ReturnResult } from "../../core/read/types";
import type { RoundResult } from "../../core/report/round-result";
import { HISTORY_TEXT as H } from "../history-messages";
import type { PickedFile } from "../host-files";

/** Files read at most (a unit has one return a round; a plan has tens of units). */
export const MAX_HISTORY_FILES = 500;
/** Firms named per list before "等N家". */
const NAMED = 20;

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  hidden: { display: "none" },
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  line: { overflowWrap: "anywhere" },
});

export interface HistoryReturnsProps {
  /** The returns read, or null when none are chosen. */
  value: ReturnResult[] | null;
  onChange: OnReturns;
  read: ReadPicked;
  readReturn: ReadReturn;
  busy: boolean;
  /** Reports a failure to read (the view words it). */
  onError: OnError;
}

/** The picker of last round's returns. */
export function HistoryReturns({ value, onChange, read, readReturn, busy, onError }: HistoryReturnsProps) {
  const s = useStyles();
  const id = React.useId();
  const picker = React.useRef<HTMLInputElement>(null);
  const [reading, setReading] = React.useState(false);
  const pick = async (list: FileList | null) => {
    const files = list ? Array.from(list as ArrayLike<PickedFile>).slice(0, MAX_HISTORY_FILES) : [];
    if (!files.length) return;
    setReading(true);
    try {
      const out: ReturnResult[] = [];
      for (const f of files) out.push(await readReturn(await read(f)));
      onChange(out);
    } catch (e) {
      onError(e);
    } finally {
      setReading(false);
    }
  };
  return (
    <Field
      label={{ children: H.historyReturns, htmlFor: id }}
      hint={value ? H.historyChosen(value.length) : H.historyHint}
    >
      <div className={s.row}>
        <Button disabled={busy || reading} onClick={() => picker.current?.click()}>
          {H.chooseHistory}
        </Button>
        {value && (
          <Button disabled={busy || reading} onClick={() => onChange(null)}>
            {H.clearHistory}
          </Button>
        )}
        <input
          id={id}
          ref={picker}
          className={s.hidden}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          data-testid="history-returns"
          onChange={(e) => {
            const l = e.target.files;
            void pick(l).finally(() => {
              e.target.value = "";
            });
          }}
        />
      </div>
    </Field>
  );
}

const named = (names: string[]) =>
  names.slice(0, NAMED).join("、") + (names.length > NAMED ? `等${names.length}家` : "");

/** What the round's comparison with last round found; nothing when it found nothing. */
export function HistoryFindings({ round }: { round: RoundResult }): React.JSX.Element | null {
  const s = useStyles();
  const id = React.useId();
  const history = round.aggregate.warnings.filter((w) => w.issue.previous !== undefined);
  if (!history.length) return null;
  const gone = history
    .filter((w) => w.issue.code === "history.firm_missing")
    .map((w) => `${w.issue.value ?? ""}(${w.unitName}${w.issue.explanation ? "，已说明" : ""})`);
  const moved = history
    .filter((w) => w.issue.code === "history.firm_moved")
    .map((w) => `${w.issue.value ?? ""}(${w.issue.previous ?? ""}→${w.unitName})`);
  const open = history.filter((w) => !w.issue.explanation);
  const byUnit = new Map<string, number>();
  for (const w of open) byUnit.set(w.unitName, (byUnit.get(w.unitName) ?? 0) + 1);
  return (
    <section className={s.root} aria-labelledby={id} data-testid="history-findings">
      <h3 id={id} className={s.heading}>
        {H.findings}
      </h3>
      {gone.length > 0 && (
        <Text size={200} block className={s.line} data-testid="history-gone">
          {H.gone(gone.length, named(gone))}
        </Text>
      )}
      {moved.length > 0 && (
        <Text size={200} block className={s.line} data-testid="history-moved">
          {H.moved(moved.length, named(moved))}
        </Text>
      )}
      <Text size={200} block className={s.line} data-testid="history-open">
        {H.openByUnit(
          open.length,
          history.length - open.length,
          [...byUnit].map(([u, n]) => `${u}${n}条`).join("、"),
        )}
      </Text>
    </section>
  );
}
