// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager peer-group-association list`.
 */
export interface ListPeerGroupAssociationsRequest {
}

/**
 * `dcmanager peer-group-association list`.
 */
export interface ListPeerGroupAssociationsRequest__Output {
}
