// The round's returns, one compact row each, and the units that sent nothing.
import * as React from "react";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Unit } from "../../core/plan/types";
import type { Messages } from "../messages";
import type { ImportedReturn } from "../../host/types";
import type { OnFile, OnFileToggle, OnReturn, RenderExtra, SelectCell } from "../handlers";
import type { RoundPreview } from "./return-status";
import type { Notice } from "../common/Notices";
import { ReturnItem } from "./ReturnItem";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  missing: { overflowWrap: "anywhere" },
});

export interface ReturnListProps {
  imported: ImportedReturn[];
  preview: RoundPreview;
  excluded: ReadonlySet<string>;
  /** Sheet-name prefix of each return kept in the workbook, by file. */
  kept: ReadonlyMap<string, string>;
  messages: Messages;
  busy: boolean;
  onInclude: OnFileToggle;
  onRemove: OnFile;
  onDownload: OnReturn;
  onSelect: SelectCell;
  /** Extra details of a return (earlier return compared, review). */
  renderExtra?: RenderExtra;
  /** The heading, focused after an import or a removal. */
  headingRef?: React.Ref<HTMLHeadingElement>;
  /** What the last action on a return did, by file. */
  rowNotice?: ReadonlyMap<string, Notice>;
}

export function MissingUnits({ units, messages: m }: { units: Unit[]; messages: Messages }) {
  const s = useStyles();
  return (
    <Text size={200} block className={s.missing} data-testid="missing">
      {units.length
        ? `${m.missingHeading(units.length)}：${units.map((u) => u.name).join("、")}`
        : m.noneMissing}
    </Text>
  );
}

export function ReturnList(p: ReturnListProps): React.JSX.Element {
  const s = useStyles();
  const m = p.messages;
  const headingId = React.useId();
  return (
    <section className={s.root} aria-labelledby={headingId}>
      <h2 id={headingId} className={s.heading} ref={p.headingRef} tabIndex={-1}>
        {m.returnsHeading(p.imported.length, p.preview.counted)}
      </h2>
      <ul className={s.list} aria-label={m.returnsLabel}>
        {p.imported.map((it) => {
          const file = it.file.name;
          const prefix = p.kept.get(file);
          return (
            <ReturnItem
              key={file}
              result={it.result}
              state={p.preview.byFile.get(file) ?? { status: "accepted", reason: null }}
              included={!p.excluded.has(file)}
              messages={m}
              busy={p.busy}
              onInclude={(on) => p.onInclude(file, on)}
              onRemove={() => p.onRemove(file)}
              onDownload={() => p.onDownload(it)}
              onSelect={prefix !== undefined ? p.onSelect : null}
              sheetIn={prefix !== undefined ? (sheet) => `${prefix}${sheet}` : undefined}
              extra={p.renderExtra?.(it) as React.ReactNode}
              notice={p.rowNotice?.get(file) ?? null}
            />
          );
        })}
      </ul>
      <MissingUnits units={p.preview.missing} messages={m} />
    </section>
  );
}
