'use client'
/** Which project every view reads: remembered in this browser; switching reloads the view. */
import { useEffect, useState } from 'react'
import { api, read } from '@/lib/api'
import { chooseProject, currentProject } from '@/lib/project'
import { useApi } from '@/lib/use-api'

export function ProjectSwitcher() {
  const [project, setProject] = useState('default')
  useEffect(() => setProject(currentProject()), [])
  const projects = useApi('projects', () => read(api.projects.$get({ query: { limit: '200' } })))
  const items = projects.data?.items ?? []
  const known = items.some((p) => p.id === project)

  // A remembered project that is gone (or not this key's) falls back to one that exists.
  useEffect(() => {
    const first = items.find((p) => p.id === 'default') ?? items[0]
    if (!first || known || project === first.id) return
    chooseProject(first.id)
    window.location.reload()
  }, [items, known, project])

  return (
    <select
      className="side-select"
      aria-label="Project"
      value={project}
      onChange={(e) => {
        chooseProject(e.target.value)
        window.location.assign(window.location.pathname)
      }}
    >
      {!known && <option value={project}>{project}</option>}
      {items.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  )
}
