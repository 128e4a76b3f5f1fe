import { isIPv6 } from 'node:net'

/** `host:port`, with an IPv6 literal bracketed (`[fd00::2]:4222`). */
export function hostPort(host: string, port: number): string {
  return isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`
}
