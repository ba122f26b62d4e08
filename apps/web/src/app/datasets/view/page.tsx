import { Suspense } from 'react'
import { DatasetView } from '@/components/datasets/DatasetView'

export const metadata = { title: 'Dataset · Assay' }

export default function DatasetPage() {
  return (
    <Suspense>
      <DatasetView />
    </Suspense>
  )
}
