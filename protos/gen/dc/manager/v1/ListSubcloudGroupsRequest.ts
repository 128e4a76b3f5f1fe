// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager subcloud-group list`.
 */
export interface ListSubcloudGroupsRequest {
}

/**
 * `dcmanager subcloud-group list`.
 */
export interface ListSubcloudGroupsRequest__Output {
}
