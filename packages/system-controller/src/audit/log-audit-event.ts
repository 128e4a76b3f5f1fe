import type { Logger } from '@dc/runtime'
import type { AuditEvent } from './index.js'

/** What the operator reads in the controller's log of each audit event. */
export function logAuditEvent(log: Logger, event: AuditEvent): void {
  switch (event.type) {
    case 'availability-changed':
      log.info(`subcloud ${event.name}: ${event.availability} (audit fail count ${event.auditFailCount})`, {
        subcloud: event.name,
        availability: event.availability,
        auditFailCount: event.auditFailCount,
      })
      return
    case 'batch-failed':
      log.warn('audit: status write failed; retrying', { err: event.error })
      return
    case 'foreign-agent':
      log.warn(
        `subcloud ${event.name}: the agent at ${event.address} is not the one deployed ` +
          `(it answers as ${event.reportedSystemUuid === '' ? 'no bootstrapped system' : `system ${event.reportedSystemUuid}`}, ` +
          `deployed as system ${event.expectedSystemUuid}); offline until the deployed agent answers there`,
        { subcloud: event.name, address: event.address },
      )
      return
    case 'stream-broken':
    case 'batch-written':
      return
    default:
      event satisfies never
  }
}
