// The report period, typed as the CLI takes it (2025Q3, 2025H1, 2025, 2025-09).
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import type { OnText } from "../handlers";
import type { Messages } from "../messages";

export function PeriodField({
  value,
  valid,
  onChange,
  messages: m,
}: {
  value: string;
  valid: boolean;
  onChange: OnText;
  messages: Messages;
}): React.JSX.Element {
  return (
    <Field
      label={m.period}
      hint={m.periodHint}
      validationState={valid ? "none" : "error"}
      validationMessage={valid ? undefined : m.periodInvalid(value)}
    >
      <Input value={value} autoComplete="off" onChange={(_, d) => onChange(d.value)} />
    </Field>
  );
}
