// In a return's details: what it changed since the unit's earlier return (the core's diff), and the
// bureau's review: accept, or send back with a reason (written into 报送登记; 汇总 then leaves it out).
import * as React from "react";
import { Button, Field, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { diffLines, diffReturns } from "../../core/diff/diff";
import type { FormDef } from "../../core/form/types";
import type { ReturnResult } from "../../core/read/types";
import { REVIEW_LABELS, type Review } from "../../core/review/review";
import type { OnReview } from "../handlers";
import { ROUND_TEXT as T } from "../round-messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export interface ReturnExtrasProps {
  result: ReturnResult;
  /** The unit's earlier return of the same period among those imported, if any. */
  earlier: ReturnResult | null;
  forms: readonly FormDef[];
  review: Review | null;
  busy: boolean;
  onReview: OnReview | null;
  /** Said under the review buttons (where the review is written). */
  hint?: string;
}

export function ReturnExtras(p: ReturnExtrasProps): React.JSX.Element | null {
  const s = useStyles();
  const [reason, setReason] = React.useState(p.review?.reason ?? "");
  const [missing, setMissing] = React.useState(false);
  const diffId = React.useId();
  const lines = React.useMemo(
    () => (p.earlier ? diffLines(diffReturns(p.earlier, p.result, p.forms)) : null),
    [p.earlier, p.result, p.forms],
  );
  const name = p.result.unitName ?? p.result.file;
  const onReview = p.onReview;
  const canReview = !!onReview && !p.result.rejected && p.result.unit !== null;
  return (
    <div className={s.root}>
      {lines && (
        <section aria-labelledby={diffId} data-testid="diff">
          <h3 id={diffId} className={s.heading}>
            {T.compared}
          </h3>
          <ul className={s.lines}>
            {lines.map((l, i) => (
              <li key={i}>
                <Text size={200}>{l}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.review && (
        <Text size={200} data-testid="review">
          {T.reviewOf(name, REVIEW_LABELS[p.review.state]) + (p.review.reason ? `(${p.review.reason})` : "")}
        </Text>
      )}
      {canReview && (
        <>
          <Field
            label={T.reason}
            hint={p.hint ? `${T.reasonHint}。${p.hint}` : T.reasonHint}
            validationMessage={missing ? T.reasonNeeded : undefined}
            validationState={missing ? "error" : "none"}
          >
            <Textarea
              value={reason}
              resize="vertical"
              onChange={(_, d) => {
                setReason(d.value);
                setMissing(false);
              }}
            />
          </Field>
          <div className={s.row}>
            <Button size="small" disabled={p.busy} onClick={() => onReview("accepted", "")}>
              {T.accept}
            </Button>
            <Button
              size="small"
              disabled={p.busy}
              onClick={() => {
                if (!reason.trim()) setMissing(true);
                else onReview("returned", reason.trim());
              }}
            >
              {T.sendBack}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
