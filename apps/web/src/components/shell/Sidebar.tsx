'use client'
import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { api, read } from '@/lib/api'
import { useApi } from '@/lib/use-api'
import { LogoMark, OverviewIcon, SessionsIcon, TracesIcon } from '../ui/icons'
import { AnnotationIcon, DatasetsIcon, EvaluationsIcon, ModelsIcon, PromptsIcon } from '../ui/section-icons'
import { ProjectSwitcher } from './ProjectSwitcher'

const NAV = [
  { href: '/', label: 'Overview', icon: OverviewIcon, match: (p: string) => p === '/' },
  { href: '/traces', label: 'Traces', icon: TracesIcon, match: (p: string) => p.startsWith('/traces') },
  {
    href: '/sessions',
    label: 'Sessions',
    icon: SessionsIcon,
    match: (p: string) => p.startsWith('/sessions'),
  },
  ...(['models', 'prompts', 'evaluations', 'annotation', 'datasets'] as const).map((id) => ({
    href: `/${id}`,
    label: id[0]!.toUpperCase() + id.slice(1),
    icon: {
      models: ModelsIcon,
      prompts: PromptsIcon,
      evaluations: EvaluationsIcon,
      annotation: AnnotationIcon,
      datasets: DatasetsIcon,
    }[id],
    match: (p: string) => p.startsWith(`/${id}`),
  })),
]

export function Sidebar() {
  const pathname = usePathname()
  const me = useApi('me', () => read(api.auth.me.$get()))

  async function signOut() {
    await api.auth.signout.$post()
    window.location.assign('/signin')
  }

  return (
    <aside className="sidebar">
      <Link href="/" className="brand">
        <LogoMark /> Assay
      </Link>
      {NAV.map(({ href, label, icon: Icon, match }) => (
        <Link key={href} href={href} className={`nav-link${match(pathname) ? ' active' : ''}`}>
          <Icon /> {label}
        </Link>
      ))}
      <div className="side-label">Project</div>
      <ProjectSwitcher />
      <div className="spacer" />
      <div className="side-foot">
        <div className="hints">
          <span>
            <kbd>/</kbd> filter
          </span>
          <span>
            <kbd>j</kbd>
            <kbd>k</kbd> move
          </span>
          <span>
            <kbd>↵</kbd> open
          </span>
          <span>
            <kbd>esc</kbd> back
          </span>
        </div>
        {me.data?.kind === 'admin' ? (
          <div>
            Signed in as admin ·{' '}
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        ) : me.data?.kind === 'key' ? (
          <div>API key {me.data.key?.prefix}</div>
        ) : null}
      </div>
    </aside>
  )
}
