'use client'
/**
 * "Add to dataset" on a trace: its root input becomes an item's inputs and
 * its output the expectations, in a chosen dataset or a new one. The
 * choice and the new name stay put when the request fails.
 */
import Link from 'next/link'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { useAction } from '@/lib/use-action'
import { useApi } from '@/lib/use-api'
import { Popover } from '../ui/Popover'
import { datasetHref } from './DatasetsView'

const NEW = '__new__'

function AddForm({ traceId, close }: { traceId: string; close: () => void }) {
  const datasets = useApi('datasets', () => read(api.datasets.$get({ query: { limit: '200' } })))
  const list = datasets.data?.items ?? []
  const [chosen, setChosen] = useState<string>()
  const target = chosen ?? list[0]?.id ?? NEW
  const [name, setName] = useState('')
  const [added, setAdded] = useState<{ id: string; name: string; version: number }>()
  const add = useAction(async () => {
    let id = target
    let label = list.find((d) => d.id === target)?.name ?? ''
    if (target === NEW) {
      const created = await read(api.datasets.$post({ json: { name: name.trim() } }))
      id = created.id
      label = created.name
      setChosen(id)
      datasets.reload()
    }
    const res = await read(
      api.datasets[':datasetId'].items['from-traces'].$post({
        param: { datasetId: id },
        json: { trace_ids: [traceId] },
      }),
    )
    setAdded({ id, name: label, version: res.version })
  })

  if (added)
    return (
      <div className="add-dataset" role="status">
        Added to <Link href={datasetHref(added.id)}>{added.name}</Link> as version {added.version}.
        <div className="form-row">
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>
            Done
          </button>
        </div>
      </div>
    )
  return (
    <form
      className="add-dataset"
      aria-label="Add to dataset"
      onSubmit={(e) => {
        e.preventDefault()
        add.run()
      }}
    >
      <div className="menu-title">Add this trace to a dataset</div>
      <select
        className="input"
        aria-label="Dataset"
        value={target}
        onChange={(e) => setChosen(e.target.value)}
      >
        {list.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name} (v{d.version})
          </option>
        ))}
        <option value={NEW}>New dataset…</option>
      </select>
      {target === NEW && (
        <input
          className="input"
          aria-label="New dataset name"
          placeholder="Dataset name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={256}
          required
        />
      )}
      <p className="muted">The root span's input becomes the inputs, its output the expectations.</p>
      {add.error && (
        <div className="error-text" role="alert">
          {add.error}
        </div>
      )}
      <div className="form-row">
        <span className="spacer" />
        <button type="submit" className="btn primary" disabled={add.busy || (target === NEW && !name.trim())}>
          {add.busy ? 'Adding…' : 'Add'}
        </button>
      </div>
    </form>
  )
}

export function AddToDataset({ traceId }: { traceId: string }) {
  return (
    <div className="add-to-dataset">
      <Popover label="Add to dataset" buttonLabel="Add to dataset" align="right">
        {(close) => <AddForm traceId={traceId} close={close} />}
      </Popover>
    </div>
  )
}
