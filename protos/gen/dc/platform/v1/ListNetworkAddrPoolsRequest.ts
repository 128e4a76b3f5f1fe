// Original file: dc/platform/v1/platform.proto


/**
 * `system network-addrpool-list`.
 */
export interface ListNetworkAddrPoolsRequest {
}

/**
 * `system network-addrpool-list`.
 */
export interface ListNetworkAddrPoolsRequest__Output {
}
