import type { TlsReloadEvent } from './file-certificate-provider.js'

/** The log line of a server certificate rotation (a `loadServerCredentials` `onReload` event). */
export function describeTlsReload(event: TlsReloadEvent): string {
  if (event.type === 'reloaded') {
    return `TLS files reloaded: certificate serial ${event.serialNumber} in force, valid until ${event.notAfter.toISOString()}`
  }
  return `TLS files not reloaded, the previous ones stay in force: ${event.error.message}`
}
