import type { experimental } from '@grpc/grpc-js'
import { readTlsMaterial } from './read-tls-material.js'
import type { TlsFiles, TlsIdentity, TlsMaterialWithIdentity } from './read-tls-material.js'
import type { TlsConfigError } from './tls-errors.js'
import { watchCredentialFiles } from './watch-credential-files.js'

/** What a rotation did: new files in force, or rejected ones (the previous files stay in force). */
export type TlsReloadEvent =
  | { readonly type: 'reloaded'; readonly serialNumber: string; readonly notAfter: Date }
  | { readonly type: 'reload-failed'; readonly error: TlsConfigError }

export interface FileCertificateProviderOptions {
  /** Told about every rotation, for the process log. */
  readonly onReload?: ((event: TlsReloadEvent) => void) | undefined
  /** @default see {@link watchCredentialFiles} */
  readonly debounceMs?: number | undefined
  /** @default see {@link watchCredentialFiles} */
  readonly pollIntervalMs?: number | undefined
}

type CaListener = experimental.CaCertificateUpdateListener
type IdentityListener = experimental.IdentityCertificateUpdateListener

/**
 * A grpc-js certificate provider over TLS files that follows them as they change. Unlike grpc-js's
 * own FileWatcherCertificateProvider it validates before publishing: a certificate replaced before
 * its key (or a truncated file) is held back and the previous pair stays in force, where grpc-js
 * would hand TLS a mismatched pair and the server would drop every new connection until the next
 * poll. The files are watched only while a server uses the provider (grpc-js adds listeners when
 * it binds and removes them when it shuts down).
 */
export class FileCertificateProvider implements experimental.CertificateProvider {
  readonly #files: TlsFiles
  readonly #options: FileCertificateProviderOptions
  #material: TlsMaterialWithIdentity
  #watch: AbortController | undefined
  #failing = false
  readonly #caListeners = new Set<CaListener>()
  readonly #identityListeners = new Set<IdentityListener>()

  /** Reads the files once now, so a broken configuration fails at start-up: throws TlsConfigError. */
  constructor(files: TlsFiles, options: FileCertificateProviderOptions = {}) {
    this.#files = files
    this.#options = options
    this.#material = readTlsMaterial(files)
  }

  addCaCertificateListener(listener: CaListener): void {
    this.#caListeners.add(listener)
    this.#startWatching()
    // Asynchronously on purpose: grpc-js registers the server's own watcher only after this call
    // returns, and a synchronous first update would reach nobody.
    process.nextTick(listener, { caCertificate: this.#material.ca })
  }

  removeCaCertificateListener(listener: CaListener): void {
    this.#caListeners.delete(listener)
    this.#stopWatchingWhenUnused()
  }

  addIdentityCertificateListener(listener: IdentityListener): void {
    this.#identityListeners.add(listener)
    this.#startWatching()
    process.nextTick(listener, identityUpdate(this.#material.identity))
  }

  removeIdentityCertificateListener(listener: IdentityListener): void {
    this.#identityListeners.delete(listener)
    this.#stopWatchingWhenUnused()
  }

  #startWatching(): void {
    if (this.#watch !== undefined) return
    this.#watch = new AbortController()
    const { caFile, certFile, keyFile } = this.#files
    watchCredentialFiles([caFile, certFile, keyFile], () => this.#reload(), {
      signal: this.#watch.signal,
      ...(this.#options.debounceMs === undefined ? {} : { debounceMs: this.#options.debounceMs }),
      ...(this.#options.pollIntervalMs === undefined ? {} : { pollIntervalMs: this.#options.pollIntervalMs }),
    })
    // The files may have changed between construction and first use.
    this.#reload()
  }

  #stopWatchingWhenUnused(): void {
    if (this.#caListeners.size > 0 || this.#identityListeners.size > 0) return
    this.#watch?.abort()
    this.#watch = undefined
  }

  #reload(): void {
    let material
    try {
      material = readTlsMaterial(this.#files)
    } catch (error) {
      this.#failing = true
      this.#options.onReload?.({ type: 'reload-failed', error: error as TlsConfigError })
      return
    }
    const previous = this.#material
    const unchanged =
      material.ca.equals(previous.ca) &&
      material.identity.cert.equals(previous.identity.cert) &&
      material.identity.key.equals(previous.identity.key)
    // Files put back as they were after a failed rotation change nothing, but the log that told
    // of the failure should also tell that it is over.
    if (unchanged && !this.#failing) return
    this.#failing = false
    if (!unchanged) {
      this.#material = material
      for (const listener of this.#identityListeners) listener(identityUpdate(material.identity))
      for (const listener of this.#caListeners) listener({ caCertificate: material.ca })
    }
    const { serialNumber, validTo } = material.identity.certificate
    this.#options.onReload?.({ type: 'reloaded', serialNumber, notAfter: new Date(validTo) })
  }
}

function identityUpdate(identity: TlsIdentity): experimental.IdentityCertificateUpdate {
  return { certificate: identity.cert, privateKey: identity.key }
}
