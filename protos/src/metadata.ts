/**
 * Call metadata key naming the region a `Platform` call is for (`system --os-region-name`). Absent
 * or `SystemController` means the server's own system; any other value makes the controller
 * forward the call to that subcloud's agent.
 */
export const REGION_METADATA_KEY = 'dc-region-name'

/** The region name of a system controller's own system. */
export const SYSTEM_CONTROLLER_REGION = 'SystemController'

/**
 * Trailing metadata key carrying a serialized `dc.platform.v1.CommandError` with a rejected
 * call's status, so clients get netmodel's stable code and field, not only the message text.
 */
export const ERROR_DETAIL_METADATA_KEY = 'dc-error-detail-bin'

/**
 * Call metadata key carrying the caller's id for one operator request (a fresh random id per CLI
 * invocation, the same on its retries). The controller derives the change id of a forwarded
 * `system` change from it, so a retried call is applied once and answered with the first result.
 */
export const REQUEST_ID_METADATA_KEY = 'dc-request-id'
