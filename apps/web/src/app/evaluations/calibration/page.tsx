import { Suspense } from 'react'
import { CalibrationView } from '@/components/evaluations/CalibrationView'

export const metadata = { title: 'Judge calibration · Assay' }

export default function CalibrationPage() {
  return (
    <Suspense>
      <CalibrationView />
    </Suspense>
  )
}
