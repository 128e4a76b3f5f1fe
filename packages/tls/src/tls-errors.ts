/**
 * A TLS file that cannot be used: unreadable, not PEM, or a key that does not belong to its
 * certificate. The message names the file and what is wrong with it, in one line.
 */
export class TlsConfigError extends Error {
  override readonly name = 'TlsConfigError'
  constructor(
    message: string,
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
  }
}

/** What a server guarded by `checkInsecureBinding` serves: its RPCs, Prometheus metrics or web console. */
export type PlaintextService = 'gRPC' | 'metrics' | 'console'

/** Plaintext on a non-loopback address without the explicit `--insecure` opt-in. */
export class InsecureBindingError extends Error {
  override readonly name = 'InsecureBindingError'
  constructor(
    readonly addresses: readonly string[],
    readonly service: PlaintextService = 'gRPC',
  ) {
    super(
      `refusing to serve plaintext ${service} on non-loopback ${addresses.length === 1 ? 'address' : 'addresses'} ` +
        `${addresses.join(', ')}: configure TLS (CA bundle, certificate and key), ` +
        'or pass --insecure to accept unauthenticated clients from the network',
    )
  }
}

/** A server's TLS flags do not fit together (a file missing from the set, or TLS and `--insecure`). */
export class TlsFlagsError extends Error {
  override readonly name = 'TlsFlagsError'
}
