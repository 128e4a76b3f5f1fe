// Original file: dc/platform/v1/platform.proto


/**
 * Storage network reconfigured.
 */
export interface StorageReconfiguredEffect {
}

/**
 * Storage network reconfigured.
 */
export interface StorageReconfiguredEffect__Output {
}
