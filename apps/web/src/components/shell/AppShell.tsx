'use client'
/**
 * The frame around every page: the sidebar (navigation, project switcher,
 * sign-out, keyboard hints) and the sign-in redirect. The sign-in page
 * itself is shown without the frame.
 */
import { usePathname, useRouter } from 'next/navigation'
import { type ReactNode, useEffect } from 'react'
import { UNAUTHENTICATED_EVENT } from '@/lib/api'
import { Sidebar } from './Sidebar'

export function AppShell({ children }: { children: ReactNode }) {
  const pathname = usePathname()
  const router = useRouter()

  useEffect(() => {
    const toSignIn = () => {
      if (window.location.pathname.startsWith('/signin')) return
      const next = window.location.pathname + window.location.search
      router.replace(`/signin?next=${encodeURIComponent(next)}`)
    }
    window.addEventListener(UNAUTHENTICATED_EVENT, toSignIn)
    return () => window.removeEventListener(UNAUTHENTICATED_EVENT, toSignIn)
  }, [router])

  if (pathname.startsWith('/signin')) return <>{children}</>
  return (
    <div className="shell">
      <Sidebar />
      <main className="main">{children}</main>
    </div>
  )
}
