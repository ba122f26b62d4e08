/** The `assay` command's exit codes, in one place (the README's table mirrors this). */
export const EXIT = {
  ok: 0,
  /** A runtime failure (or, for `assay eval`, a failed threshold). */
  failure: 1,
  /** Bad configuration or usage: the message says what to fix. */
  config: 2,
} as const
