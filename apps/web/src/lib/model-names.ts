'use client'
/** LoggedModel ids -> names, for lists that only carry the id (one request per page view). */
import { useCallback } from 'react'
import { api, read } from './api'
import { useApi } from './use-api'

export function useModelNames(): (id: string) => string {
  const models = useApi('models', () => read(api.models.$get({ query: { limit: '500' } })))
  const items = models.data?.items
  return useCallback(
    (id: string) => {
      const m = items?.find((x) => x.id === id)
      return m ? m.name : id
    },
    [items],
  )
}
