/** The few line icons the dashboard uses, 16px, drawn with currentColor. */
import type { ReactNode } from 'react'

export function Icon({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}

export const OverviewIcon = () => (
  <Icon>
    <path d="M2 13.5h12M4 11V7M8 11V3.5M12 11V8.5" />
  </Icon>
)
export const TracesIcon = () => (
  <Icon>
    <path d="M2.5 3.5h6M4.5 8h7M6.5 12.5h7" />
  </Icon>
)
export const SessionsIcon = () => (
  <Icon>
    <path d="M2.5 4a1.5 1.5 0 0 1 1.5-1.5h6A1.5 1.5 0 0 1 11.5 4v3.5A1.5 1.5 0 0 1 10 9H6l-3 2.5V9" />
    <path d="M13.5 6.5v5l-2-1.5h-3" />
  </Icon>
)
export const Chevron = ({ open }: { open: boolean }) => (
  <svg
    width="10"
    height="10"
    viewBox="0 0 10 10"
    aria-hidden="true"
    style={{ transform: open ? 'rotate(90deg)' : undefined, transition: 'transform .1s' }}
  >
    <path d="M3.5 2 7 5 3.5 8" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
)
export const SearchIcon = () => (
  <Icon size={14}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Icon>
)
export const RefreshIcon = () => (
  <Icon size={14}>
    <path d="M13 8a5 5 0 1 1-1.5-3.55M13 2.5v3h-3" />
  </Icon>
)
export const ColumnsIcon = () => (
  <Icon size={14}>
    <rect x="2" y="2.5" width="12" height="11" rx="1.5" />
    <path d="M6 2.5v11M10 2.5v11" />
  </Icon>
)
export const ClockIcon = () => (
  <Icon size={14}>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M8 5v3l2 1.5" />
  </Icon>
)
export const LogoMark = () => (
  <svg width="22" height="22" viewBox="0 0 22 22" aria-hidden="true">
    <rect width="22" height="22" rx="6" fill="#4353ff" />
    <path
      d="M6 15.5 11 5l5 10.5M8 12h6"
      fill="none"
      stroke="#fff"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
)
