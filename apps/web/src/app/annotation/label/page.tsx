import { Suspense } from 'react'
import { LabelView } from '@/components/annotation/LabelView'

export const metadata = { title: 'Label · Assay' }

export default function LabelPage() {
  return (
    <Suspense>
      <LabelView />
    </Suspense>
  )
}
