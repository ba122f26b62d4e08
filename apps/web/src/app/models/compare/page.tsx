import { Suspense } from 'react'
import { CompareView } from '@/components/models/CompareView'

export const metadata = { title: 'Compare models · Assay' }

export default function CompareModelsPage() {
  return (
    <Suspense>
      <CompareView />
    </Suspense>
  )
}
