/** Numbers as the reports show them: rates as percentages, means with three decimals, deltas signed. */
export const percent = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`

export const decimal = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : v.toFixed(3)

export const signed = (v: number | null | undefined, asPercent: boolean): string => {
  if (v === null || v === undefined) return '–'
  const text = asPercent ? `${(v * 100).toFixed(1)} pp` : v.toFixed(3)
  return v > 0 ? `+${text}` : v === 0 ? `±${text}` : text
}

export const duration = (ms: number): string =>
  ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
