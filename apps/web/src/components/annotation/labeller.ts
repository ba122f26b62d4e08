/** Who labels, when the dashboard has no signed-in user: a name remembered in this browser. */
const KEY = 'assay.labeller'

export function currentLabeller(): string {
  if (typeof window === 'undefined') return 'dashboard'
  return window.localStorage.getItem(KEY) || 'dashboard'
}

export function setLabeller(name: string): void {
  window.localStorage.setItem(KEY, name)
}

export const queueHref = (queueId: string, itemId?: string) =>
  `/annotation/label?${new URLSearchParams({ queue: queueId, ...(itemId ? { item: itemId } : {}) })}`
