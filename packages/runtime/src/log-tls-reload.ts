import { describeTlsReload } from '@dc/tls'
import type { TlsReloadEvent } from '@dc/tls'
import type { Logger } from './logger.js'

/**
 * Logs a server's certificate rotation: the new serial in force (info), or rotated files refused
 * while the previous ones stay in force (warn). The message keeps the wording operators grep for.
 */
export function logTlsReload(log: Logger, event: TlsReloadEvent): void {
  if (event.type === 'reloaded') {
    log.info(describeTlsReload(event), { serialNumber: event.serialNumber, notAfter: event.notAfter })
  } else {
    log.warn(describeTlsReload(event), { err: event.error })
  }
}
