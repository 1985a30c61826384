// A date typed as people type it: 2025-10-15, 2025/10/15, 2025.10.15, 2025年10月15日 (full-width digits
// too). Not <input type="date">: that shows the browser's locale (mm/dd/yyyy in an English WebView)
// whatever the pane's language. The pane passes on the ISO date (YYYY-MM-DD) the bulletin uses.
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import type { OnText } from "../handlers";
import type { Messages } from "../messages";

// One pass, no nested quantifiers: year, separator, month, separator, day, an optional 日.
const DATE = /^(\d{4})\s?[-/.年]\s?(\d{1,2})\s?[-/.月]\s?(\d{1,2})\s?日?$/;

/** The ISO date (YYYY-MM-DD) of a real calendar day typed in one of the usual ways, else null. */
export function isoDate(text: string): string | null {
  const t = String(text)
    .slice(0, 40)
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[／－．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = DATE.exec(t);
  if (!m) return null;
  const [y, mo, d] = [m[1], m[2].padStart(2, "0"), m[3].padStart(2, "0")];
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return day.toISOString().slice(0, 10) === `${y}-${mo}-${d}` ? `${y}-${mo}-${d}` : null;
}

export interface DateFieldProps {
  label: string;
  hint?: string;
  value: string;
  onChange: OnText;
  /** Empty allowed. */
  optional?: boolean;
  messages: Messages;
}

export function DateField({
  label,
  hint,
  value,
  onChange,
  optional,
  messages: m,
}: DateFieldProps): React.JSX.Element {
  const bad = value.trim() !== "" ? !isoDate(value) : !optional;
  return (
    <Field
      label={label}
      hint={hint ?? m.dateFormat}
      validationState={bad ? "error" : "none"}
      validationMessage={bad ? m.dateInvalid(value) : undefined}
    >
      <Input
        value={value}
        placeholder="2025-10-15"
        autoComplete="off"
        // Shown as the ISO date once typed, so what the bulletin will say is what the user sees.
        onBlur={() => {
          const d = isoDate(value);
          if (d && d !== value) onChange(d);
        }}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}
