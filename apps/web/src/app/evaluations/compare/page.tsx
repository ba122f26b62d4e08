import { Suspense } from 'react'
import { RunCompareView } from '@/components/evaluations/RunCompareView'

export const metadata = { title: 'Compare runs · Assay' }

export default function CompareRunsPage() {
  return (
    <Suspense>
      <RunCompareView />
    </Suspense>
  )
}
