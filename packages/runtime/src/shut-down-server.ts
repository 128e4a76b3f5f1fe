/**
 * What a graceful stop needs of a grpc-js `Server`, declared here so that this package does not
 * depend on grpc-js.
 */
export interface GracefulServer {
  tryShutdown(callback: (error?: Error) => void): void
  forceShutdown(): void
}

/**
 * Stop `server` accepting calls and let the calls in flight finish for up to `graceMs`; then cut
 * whatever is left. Resolves once the server is down either way.
 */
export function shutDownServer(server: GracefulServer, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown()
      resolve()
    }, graceMs)
    server.tryShutdown(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
