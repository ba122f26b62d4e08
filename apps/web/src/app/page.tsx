import { Suspense } from 'react'
import { OverviewView } from '@/components/overview/OverviewView'

export default function OverviewPage() {
  return (
    <Suspense>
      <OverviewView />
    </Suspense>
  )
}
