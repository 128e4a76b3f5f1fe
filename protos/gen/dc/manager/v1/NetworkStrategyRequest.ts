// Original file: dc/manager/v1/manager.proto


/**
 * `dcmanager network-strategy show|apply|abort|delete` take no argument.
 */
export interface NetworkStrategyRequest {
}

/**
 * `dcmanager network-strategy show|apply|abort|delete` take no argument.
 */
export interface NetworkStrategyRequest__Output {
}
