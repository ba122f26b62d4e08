import { Suspense } from 'react'
import { DatasetsView } from '@/components/datasets/DatasetsView'

export const metadata = { title: 'Datasets · Assay' }

export default function DatasetsPage() {
  return (
    <Suspense>
      <DatasetsView />
    </Suspense>
  )
}
