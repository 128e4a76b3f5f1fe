// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager system-peer list`.
 */
export interface ListSystemPeersRequest {
}

/**
 * `dcmanager system-peer list`.
 */
export interface ListSystemPeersRequest__Output {
}
