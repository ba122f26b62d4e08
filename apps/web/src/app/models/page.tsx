import { Suspense } from 'react'
import { ModelsView } from '@/components/models/ModelsView'

export const metadata = { title: 'Models · Assay' }

export default function ModelsPage() {
  return (
    <Suspense>
      <ModelsView />
    </Suspense>
  )
}
