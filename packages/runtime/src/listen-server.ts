import type { Server } from 'node:net'

/**
 * Start `server` listening on `address`; resolves once it listens, rejects with the bind error
 * (address in use, not available). The error listener is removed either way, so a later error is
 * the server owner's to handle.
 */
export function listenServer(
  server: Server,
  address: { readonly host: string; readonly port: number },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host: address.host, port: address.port }, () => {
      server.off('error', reject)
      resolve()
    })
  })
}
