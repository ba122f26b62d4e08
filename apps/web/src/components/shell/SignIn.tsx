'use client'
/** The admin sign-in (auth on): the secret printed at the server's first start, or ASSAY_ADMIN_SECRET. */
import { useSearchParams } from 'next/navigation'
import { useState } from 'react'
import { api } from '@/lib/api'
import { LogoMark } from '../ui/icons'

export function SignIn() {
  const params = useSearchParams()
  const [secret, setSecret] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(undefined)
    const res = await api.auth.signin.$post({ json: { secret } })
    setBusy(false)
    if (res.ok) {
      const next = params.get('next') ?? '/'
      // Only a path on this server: never an open redirect.
      window.location.assign(next.startsWith('/') && !next.startsWith('//') ? next : '/')
      return
    }
    if (res.status === 409) return window.location.assign('/')
    const body = (await res.json().catch(() => ({}))) as { error?: { message?: string } }
    setError(body.error?.message ?? `sign-in failed (${res.status})`)
  }

  return (
    <div className="signin">
      <form className="signin-card panel" onSubmit={submit}>
        <div className="brand dark">
          <LogoMark /> Assay
        </div>
        <h1>Sign in</h1>
        <p className="muted">
          Use the admin secret: <code>ASSAY_ADMIN_SECRET</code>, or the one the server printed on its first
          start.
        </p>
        <input
          className="input"
          type="password"
          autoComplete="current-password"
          aria-label="Admin secret"
          placeholder="Admin secret"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the page has one field
          autoFocus
          required
        />
        {error && (
          <div className="error-text" role="alert">
            {error}
          </div>
        )}
        <button type="submit" className="btn primary" disabled={busy || !secret}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  )
}
