import { Suspense } from 'react'
import { QueuesView } from '@/components/annotation/QueuesView'

export const metadata = { title: 'Annotation · Assay' }

export default function AnnotationPage() {
  return (
    <Suspense>
      <QueuesView />
    </Suspense>
  )
}
