import { createServer } from 'node:net'

/** Loopback hosts a test server may bind; anything else would leave this machine. */
export type LoopbackHost = '127.0.0.1' | '::1'

/**
 * Returns a TCP port that was free on `host` a moment ago, found by letting the kernel pick one
 * for a listener on port 0 and closing it. Another process can take it before the caller binds,
 * so servers that fail with EADDRINUSE should retry with a new port.
 */
export function freePort(host: LoopbackHost = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address()
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error(`could not read the port bound on ${host}`))
      })
    })
  })
}
