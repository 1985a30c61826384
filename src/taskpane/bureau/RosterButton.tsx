// 载入认定名单: the bureau picks its roster file once; the pane reads it with the guarded reader and keeps
// its accepted rows in the workbook's 认定名单 sheet, where every later 汇总 reads it (名单核验).
import * as React from "react";
import { Button, makeStyles } from "@fluentui/react-components";
import type { ConfirmPartialRoster, PaneActions } from "../../host/types";
import type { OnText } from "../handlers";
import { ROSTER_TEXT, rosterNotices, type OnNotices, type ToReturnFile } from "./roster-notices";

const useStyles = makeStyles({ hidden: { display: "none" } });

export interface RosterButtonProps {
  actions: Pick<PaneActions, "loadRoster">;
  disabled: boolean;
  toFile: ToReturnFile;
  onStart: OnText;
  onDone: OnNotices;
  /** Asked before keeping a roster that covers only some tiers. */
  confirmPartial?: ConfirmPartialRoster;
}

export function RosterButton({
  actions,
  disabled,
  toFile,
  onStart,
  onDone,
  confirmPartial,
}: RosterButtonProps) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const pick = async (f: File | undefined) => {
    if (!f) return;
    onStart(ROSTER_TEXT.loading);
    try {
      onDone(rosterNotices(await actions.loadRoster(await toFile(f), confirmPartial)));
    } catch (e) {
      onDone([{ intent: "error", text: ROSTER_TEXT.refused + (e instanceof Error ? e.message : String(e)) }]);
    }
  };
  return (
    <>
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {ROSTER_TEXT.load}
      </Button>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="roster-file"
        aria-label={ROSTER_TEXT.load}
        disabled={disabled}
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
    </>
  );
}
