import { Suspense } from 'react'
import { RunsView } from '@/components/evaluations/RunsView'

export const metadata = { title: 'Evaluations · Assay' }

export default function EvaluationsPage() {
  return (
    <Suspense>
      <RunsView />
    </Suspense>
  )
}
