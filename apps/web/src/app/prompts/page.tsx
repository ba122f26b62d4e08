import { Suspense } from 'react'
import { PromptsView } from '@/components/prompts/PromptsView'

export const metadata = { title: 'Prompts · Assay' }

export default function PromptsPage() {
  return (
    <Suspense>
      <PromptsView />
    </Suspense>
  )
}
