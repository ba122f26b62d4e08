import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { AppShell } from '@/components/shell/AppShell'
import '@/styles/base.css'
import '@/styles/shell.css'
import '@/styles/table.css'
import '@/styles/trace.css'
import '@/styles/content.css'
import '@/styles/charts.css'
import '@/styles/models.css'
import '@/styles/prompts.css'
import '@/styles/evaluations.css'
import '@/styles/annotation.css'
import '@/styles/datasets.css'

export const metadata: Metadata = {
  title: 'Assay',
  description: 'Tracing and evaluation for LLM apps',
  icons: { icon: '/favicon.svg' },
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppShell>{children}</AppShell>
      </body>
    </html>
  )
}
