import { InvalidFieldError } from '../errors.js'

/**
 * StarlingX's defaults and ranges (spec distcloud 4.1 and 4.2), in the API's units: heartbeat
 * interval and maintenance timeout in seconds.
 */
export const GEO_LIMITS = {
  heartbeatInterval: { min: 10, max: 600, default: 60 },
  heartbeatFailureThreshold: { min: 1, max: 30, default: 3 },
  heartbeatMaintenanceTimeout: { min: 300, max: 36000, default: 600 },
  groupPriority: { min: 0, max: 65536, default: 0 },
  maxSubcloudRehoming: { min: 1, max: 250, default: 10 },
} as const

/** The API's seconds as the domain's milliseconds. */
export const SECOND_MS = 1000

/**
 * The association's peer_group_priority (spec distcloud 4.3): required when the local group's
 * priority is 0 (this is the primary site) and forbidden otherwise; it becomes the group's
 * priority on the peer, so it must be non-zero. A non-primary association stores 0: its peer is
 * the primary site.
 */
export function associationPriority(localGroupPriority: number, requested: number | undefined): number {
  const field = 'peer_group_priority'
  if (localGroupPriority !== 0) {
    if (requested !== undefined) {
      throw new InvalidFieldError(
        field,
        `must not be given: the local subcloud peer group priority is ${localGroupPriority}, not 0`,
      )
    }
    return 0
  }
  if (requested === undefined) {
    throw new InvalidFieldError(field, 'is required when the local subcloud peer group priority is 0')
  }
  const max = GEO_LIMITS.groupPriority.max
  if (!Number.isInteger(requested) || requested < 1 || requested > max) {
    throw new InvalidFieldError(field, `must be between 1 and ${max}`)
  }
  return requested
}
