// Original file: dc/agent/v1/agent.proto


/**
 * Describe takes no argument.
 */
export interface DescribeRequest {
}

/**
 * Describe takes no argument.
 */
export interface DescribeRequest__Output {
}
