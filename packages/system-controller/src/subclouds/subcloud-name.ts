/** Region names a subcloud may never take: the controller's own and OpenStack's default. */
const RESERVED_NAMES = ['systemcontroller', 'regionone']

/** One RFC 1123 label: letters, digits and inner hyphens, at most 63 characters. */
const RFC1123_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/

/**
 * Problems with a subcloud name (empty when it is fine). dcmanager refuses all-digit names (they
 * read as ids) and the reserved region names; it checks RFC 1123 only on rename, but a name
 * becomes part of alarm entity ids (`subcloud=<name>.resource=...`) and CLI region arguments, so
 * the same label rule applies on add too.
 */
export function checkSubcloudName(name: string): string[] {
  const problems: string[] = []
  if (name.length === 0) return ['name must not be empty']
  if (/^\d+$/.test(name)) problems.push(`name ${name.slice(0, 80)} must not be all digits`)
  if (RESERVED_NAMES.includes(name.toLowerCase())) problems.push(`name ${name.slice(0, 80)} is reserved`)
  if (!RFC1123_LABEL.test(name)) {
    problems.push(
      `name ${name.slice(0, 80)} must be an RFC 1123 label: letters, digits and hyphens, ` +
        'starting and ending with a letter or digit, at most 63 characters',
    )
  }
  return problems
}

/** Byte order of names, as the stores list them (collation "C"): the same order on every store. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
