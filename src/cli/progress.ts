// Progress of long work on a terminal: "读取报表 3/10" rewritten in place on stderr, then cleared. Only when
// stderr is a terminal and the output is not JSON: a pipe, a file or a program reading --json never sees
// it. What is shown is our own text and counts, never a file's name (nothing from a file reaches the
// terminal raw).
export interface Progress {
  /** One more unit done; `phase` replaces the label (e.g. from reading to writing). */
  step(phase?: string): void;
  /** A new phase with its own count. */
  phase(label: string, total: number): void;
  /** Clears the line. */
  done(): void;
}

interface Out {
  isTTY?: boolean;
  write(s: string): unknown;
}

const NONE: Progress = { step: () => undefined, phase: () => undefined, done: () => undefined };

export function terminalProgress(
  label: string,
  total: number,
  opts: { json?: boolean; out?: Out } = {},
): Progress {
  const out = opts.out ?? process.stderr;
  if (!out.isTTY || opts.json) return NONE;
  let what = label;
  let n = 0;
  let all = total;
  let shown = false;
  const show = () => {
    out.write(`\r${what} ${n}/${all}\x1b[K`);
    shown = true;
  };
  return {
    step(phase) {
      if (phase) what = phase;
      n++;
      show();
    },
    phase(l, t) {
      what = l;
      n = 0;
      all = t;
      show();
    },
    done() {
      if (shown) out.write("\r\x1b[K");
      shown = false;
    },
  };
}
