import { Suspense } from 'react'
import { RunView } from '@/components/evaluations/RunView'

export const metadata = { title: 'Evaluation run · Assay' }

export default function RunPage() {
  return (
    <Suspense>
      <RunView />
    </Suspense>
  )
}
