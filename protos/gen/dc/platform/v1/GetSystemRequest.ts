// Original file: dc/platform/v1/platform.proto


/**
 * `system show`.
 */
export interface GetSystemRequest {
}

/**
 * `system show`.
 */
export interface GetSystemRequest__Output {
}
