// Original file: dc/platform/v1/platform.proto


/**
 * `system host-list`.
 */
export interface ListHostsRequest {
}

/**
 * `system host-list`.
 */
export interface ListHostsRequest__Output {
}
