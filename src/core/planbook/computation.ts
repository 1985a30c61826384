// The 计算 column: an indicator's computation as text -> the Formula the core evaluates. Placeholder
// until the core's expression language lands (src/core/expr).
import type { FormDef } from "../form/types";
import type { Formula } from "../plan/types";

export interface ComputationContext {
  forms: FormDef[];
}

export function compileComputation(text: string, _ctx: ComputationContext, fail: (detail: string) => void): Formula | undefined {
  try {
    return JSON.parse(text) as Formula;
  } catch {
    fail("无法解析");
    return undefined;
  }
}

export function computationText(f: Formula): string {
  return JSON.stringify(f);
}
