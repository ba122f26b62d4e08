import { Suspense } from 'react'
import { SignIn } from '@/components/shell/SignIn'

export const metadata = { title: 'Sign in · Assay' }

export default function SignInPage() {
  return (
    <Suspense>
      <SignIn />
    </Suspense>
  )
}
