import { Suspense } from 'react'
import { SessionView } from '@/components/sessions/SessionView'

export const metadata = { title: 'Session · Assay' }

export default function Page() {
  return (
    <Suspense>
      <SessionView />
    </Suspense>
  )
}
