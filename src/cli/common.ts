// Shared by the CLI commands.

export interface ExitHolder {
  code: number;
}

/** Unusable arguments or unreadable input: exit code 2, message to stderr. */
export class UsageError extends Error {}
