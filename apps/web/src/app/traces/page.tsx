import { Suspense } from 'react'
import { TracesView } from '@/components/traces/TracesView'

export const metadata = { title: 'Traces · Assay' }

export default function TracesPage() {
  return (
    <Suspense>
      <TracesView />
    </Suspense>
  )
}
