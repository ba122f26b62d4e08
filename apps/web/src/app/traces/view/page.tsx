import { Suspense } from 'react'
import { TraceView } from '@/components/trace/TraceView'

export const metadata = { title: 'Trace · Assay' }

export default function TracePage() {
  return (
    <Suspense>
      <TraceView />
    </Suspense>
  )
}
