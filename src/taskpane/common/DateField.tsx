// A date typed as YYYY-MM-DD. Not <input type="date">: that shows the browser's locale (mm/dd/yyyy in
// an English WebView) whatever the pane's language, and the bulletin's dates are YYYY-MM-DD.
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import type { OnText } from "../handlers";
import type { Messages } from "../messages";

/** YYYY-MM-DD of a real calendar day, else null. */
export function isoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === `${m[1]}-${m[2]}-${m[3]}` ? `${m[1]}-${m[2]}-${m[3]}` : null;
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
        inputMode="numeric"
        placeholder={m.dateFormat}
        autoComplete="off"
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}
