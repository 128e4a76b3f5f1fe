// Original file: dc/platform/v1/platform.proto


/**
 * `system network-list`.
 */
export interface ListNetworksRequest {
}

/**
 * `system network-list`.
 */
export interface ListNetworksRequest__Output {
}
