import { Suspense } from 'react'
import { SessionsView } from '@/components/sessions/SessionsView'

export const metadata = { title: 'Sessions · Assay' }

export default function Page() {
  return (
    <Suspense>
      <SessionsView />
    </Suspense>
  )
}
