/** The project the dashboard acts on: chosen in the switcher, remembered in this browser. */
const KEY = 'assay.project'

export function currentProject(): string {
  if (typeof window === 'undefined') return 'default'
  return window.localStorage.getItem(KEY) || 'default'
}

export function chooseProject(id: string): void {
  window.localStorage.setItem(KEY, id)
}
