/** How a network mode reads on screen. */
export const NETWORK_MODE_LABELS: Readonly<Record<string, string>> = {
  ipv6: 'IPv6 single-stack',
  ipv4: 'IPv4 single-stack',
  'dual-ipv6-primary': 'dual-stack IPv6-primary',
  'dual-ipv4-primary': 'dual-stack IPv4-primary',
  mixed: 'mixed',
  unknown: 'unknown',
}

export function modeLabel(mode: string): string {
  return NETWORK_MODE_LABELS[mode] ?? mode
}

const TONES: Readonly<Record<string, string>> = {
  online: 'good',
  'in-sync': 'good',
  complete: 'good',
  managed: 'good',
  available: 'good',
  offline: 'bad',
  'out-of-sync': 'bad',
  failed: 'bad',
  unavailable: 'bad',
  critical: 'bad',
  major: 'bad',
  refused: 'bad',
  minor: 'warn',
  warning: 'warn',
  unmanaged: 'warn',
  syncing: 'warn',
}

/** The tone a status is drawn in; the status is always written out as well. */
export function toneOf(status: string): string {
  if (status.endsWith('-failed')) return 'bad'
  return TONES[status] ?? 'neutral'
}
