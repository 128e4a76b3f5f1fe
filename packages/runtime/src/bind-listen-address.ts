import { createServer } from 'node:net'
import type { ListenAddress } from './listen-flag.js'
import { listenServer } from './listen-server.js'

const REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'the address is already in use by another process',
  EADDRNOTAVAIL: 'the address is not on this host',
  EACCES: 'permission denied (a port below 1024 needs privileges)',
}

/** The errno code of a bind failure: the error's own, or the first one its message quotes. */
function errnoOf(cause: unknown): string | undefined {
  const code = (cause as { code?: unknown } | undefined)?.code
  if (typeof code === 'string') return code
  return /\b(E[A-Z]{3,})\b/.exec(cause instanceof Error ? cause.message : String(cause))?.[1]
}

/** A server could not listen on an address of a listen flag; the message is one line. */
export class ListenBindError extends Error {
  override readonly name = 'ListenBindError'
  readonly code = 'LISTEN_FAILED'

  constructor(
    readonly flag: string,
    readonly address: string,
    options: ErrorOptions,
  ) {
    const errno = errnoOf(options.cause)
    const reason =
      errno === undefined ? 'the bind failed' : `${REASONS[errno] ?? 'the bind failed'} (${errno})`
    super(`cannot listen on ${flag} ${address}: ${reason}`, options)
  }
}

/** The part of a grpc-js `Server` binding needs; `credentials` are passed through untouched. */
export interface BindableServer<Credentials> {
  bindAsync(
    port: string,
    credentials: Credentials,
    callback: (error: Error | null, port: number) => void,
  ): void
}

/**
 * Binds `server` to one address of listen flag `flag` and resolves to the port bound. The address
 * is tried with a plain socket first: grpc-js reports a failed bind only as "No address added out
 * of total 1 resolved" and logs that line itself, so a busy or foreign address is refused here, as
 * one {@link ListenBindError} naming the flag, the address and the reason.
 */
export async function bindListenAddress<Credentials>(
  server: BindableServer<Credentials>,
  credentials: Credentials,
  flag: string,
  address: ListenAddress,
): Promise<number> {
  const probe = createServer()
  try {
    await listenServer(probe, address)
  } catch (err) {
    throw new ListenBindError(flag, address.text, { cause: err })
  } finally {
    await new Promise<void>((resolve) => (probe.listening ? probe.close(() => resolve()) : resolve()))
  }
  try {
    return await new Promise<number>((resolve, reject) =>
      server.bindAsync(address.text, credentials, (err, port) => (err ? reject(err) : resolve(port))),
    )
  } catch (err) {
    // Taken between the probe and the bind.
    throw new ListenBindError(flag, address.text, { cause: err })
  }
}
