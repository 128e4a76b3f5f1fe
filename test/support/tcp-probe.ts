import { connect } from 'node:net'

/**
 * Resolves true when a TCP connection to `host:port` succeeds within `timeoutMs`, false otherwise.
 * Meant as a {@link waitFor} predicate for servers that print no reliable ready line.
 */
export function canConnect(host: string, port: number, timeoutMs = 2_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
