// The report period, chosen from the plan's own periods: a year of the plan, then 第一季度…第四季度,
// 上半年, 下半年 or 全年. Nothing to type, and nothing the plan does not cover can be chosen. A period
// preset from a workbook that is none of these (a month) is offered as it is.
import * as React from "react";
import { Label, Select, makeStyles, tokens } from "@fluentui/react-components";
import { YEAR_PARTS, planYearList } from "../../core/plan/period-choices";
import { parsePeriod } from "../../core/plan/periods";
import type { Plan } from "../../core/plan/types";
import type { OnText } from "../handlers";
import type { Messages } from "../messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  year: { flex: "1 1 7em", minWidth: 0 },
  part: { flex: "1 1 8em", minWidth: 0 },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
});

export function PeriodField({
  plan,
  value,
  onChange,
  messages: m,
}: {
  plan: Pick<Plan, "start" | "end">;
  /** A period id (2025Q3). */
  value: string;
  onChange: OnText;
  messages: Messages;
}): React.JSX.Element {
  const s = useStyles();
  const id = React.useId();
  const p = parsePeriod(value);
  const years = planYearList(plan);
  const year = p?.year ?? years[years.length - 1];
  const suffix = p ? p.id.slice(4) : "Q4";
  const standard = YEAR_PARTS.some((x) => x.suffix === suffix);
  const yearList = years.includes(year) ? years : [...years, year].sort((a, b) => a - b);
  return (
    <div role="group" className={s.root} aria-labelledby={`${id}-label`} aria-describedby={`${id}-hint`}>
      <Label id={`${id}-label`} htmlFor={`${id}-year`}>
        {m.period}
      </Label>
      <div className={s.row}>
        <Select
          id={`${id}-year`}
          className={s.year}
          aria-label={m.periodYear}
          value={String(year)}
          onChange={(_, d) => onChange(`${d.value}${suffix}`)}
        >
          {yearList.map((y) => (
            <option key={y} value={String(y)}>
              {y}年
            </option>
          ))}
        </Select>
        <Select
          className={s.part}
          aria-label={m.periodPart}
          value={suffix}
          onChange={(_, d) => onChange(`${year}${d.value}`)}
        >
          {YEAR_PARTS.map((x) => (
            <option key={x.suffix} value={x.suffix}>
              {x.label}
            </option>
          ))}
          {!standard && p && <option value={suffix}>{p.label.slice(5)}</option>}
        </Select>
      </div>
      <span id={`${id}-hint`} className={s.hint}>
        {m.periodHint(years[0], years[years.length - 1])}
      </span>
    </div>
  );
}
