import { Suspense } from 'react'
import { PromptView } from '@/components/prompts/PromptView'

export const metadata = { title: 'Prompt · Assay' }

export default function PromptPage() {
  return (
    <Suspense>
      <PromptView />
    </Suspense>
  )
}
