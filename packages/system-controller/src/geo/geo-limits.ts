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
