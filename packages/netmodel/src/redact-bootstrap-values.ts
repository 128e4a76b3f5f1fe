/** Keys whose values are credentials; nested `password` keys (docker registries) count too. */
export const BOOTSTRAP_SECRET_KEYS: readonly string[] = [
  'admin_password',
  'ansible_become_pass',
  'ansible_ssh_pass',
  'sysadmin_password',
  'bmc_password',
  'password',
]

const REDACTED = '<redacted>'

/** A deep copy of raw bootstrap values with every secret value replaced, fit for logs and storage. */
export function redactBootstrapValues(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const redact = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(redact)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, BOOTSTRAP_SECRET_KEYS.includes(k) ? REDACTED : redact(v)]),
    )
  }
  return redact(raw) as Record<string, unknown>
}

/**
 * A deep copy with every secret key removed, not just masked: what a controller keeps, and what
 * tells two values documents apart when secrets must not count.
 */
export function stripBootstrapSecrets(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !BOOTSTRAP_SECRET_KEYS.includes(k))
        .map(([k, v]) => [k, strip(v)]),
    )
  }
  return strip(raw) as Record<string, unknown>
}
