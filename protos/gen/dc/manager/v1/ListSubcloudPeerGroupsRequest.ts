// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-peer-group list`.
 */
export interface ListSubcloudPeerGroupsRequest {
}

/**
 * `dcmanager subcloud-peer-group list`.
 */
export interface ListSubcloudPeerGroupsRequest__Output {
}
