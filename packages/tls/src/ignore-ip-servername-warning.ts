const IP_SERVERNAME_WARNING = 'DEP0123'
let installed = false

/**
 * Drops Node's one-time DEP0123 warning ("Setting the TLS ServerName to an IP address is not
 * permitted by RFC 6066") and passes every other warning on. grpc-js sets the TLS server name to
 * the dialled host, and our processes dial literal IP addresses on purpose (a controller reaches
 * each agent at its primary address, never through a name that could resolve to the other
 * family), so the warning would greet every operator without telling them anything to fix. The
 * server certificate is still checked against the IP address (IP SAN). Call once, early in a main.
 */
export function ignoreIpServernameWarning(): void {
  if (installed) return
  installed = true
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]): void => {
    if (isIpServernameWarning(warning, rest)) return
    emitWarning(warning, ...rest)
  }) as typeof process.emitWarning
}

// process.emitWarning takes the code positionally (warning, type, code) or in an options object.
function isIpServernameWarning(warning: string | Error, rest: readonly unknown[]): boolean {
  const [typeOrOptions, code] = rest
  return (
    code === IP_SERVERNAME_WARNING ||
    (typeof typeOrOptions === 'object' &&
      typeOrOptions !== null &&
      (typeOrOptions as { code?: unknown }).code === IP_SERVERNAME_WARNING) ||
    (warning instanceof Error && (warning as NodeJS.ErrnoException).code === IP_SERVERNAME_WARNING)
  )
}
