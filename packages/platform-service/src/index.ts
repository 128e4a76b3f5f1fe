/**
 * The `dc.platform.v1.Platform` service shared by dc-agent and dc-controller: netmodel <-> proto
 * mapping, the one gRPC status mapper, and handlers for every Platform RPC over a small port.
 *
 * @example
 * const port: PlatformPort = { state: async () => current, apply: (commands, signal) => site.apply(commands, signal) }
 * server.addService(loadProtos().dc.platform.v1.Platform.service, createPlatformHandlers(port))
 */
export {
  MAX_COMMANDS,
  MAX_RANGES,
  commandFromMessage,
  commandMessage,
  commandsFromMessages,
  requestText,
} from './command-messages.js'
export {
  AlreadyBootstrappedError,
  ChangeIdConflictError,
  InvalidBootstrapValuesError,
  InvalidRequestError,
  NotBootstrappedError,
  PermissionDeniedError,
  PlatformServiceError,
  StaleEpochError,
  StaleGenerationError,
} from './errors.js'
export type { BootstrapValueProblem, PlatformStatusCode } from './errors.js'
export { given } from './given.js'
export { ERROR_CODE_METADATA_KEY, ERROR_FIELD_METADATA_KEY, toGrpcStatus } from './grpc-status.js'
export { createPlatformHandlers } from './platform-handlers.js'
export type { PlatformHandlersOptions } from './platform-handlers.js'
export type { ApplyResult, PlatformPort } from './platform-port.js'
export { isPlatformMutation, mutationCommand, platformReply } from './mutation-reply.js'
export type { PlatformMutation } from './mutation-reply.js'
export {
  addressMessage,
  addressPoolMessage,
  alarmMessage,
  effectMessage,
  hostMessage,
  networkAddrPoolMessage,
  networkMessage,
  sortedAlarms,
  systemMessage,
} from './state-messages.js'
export { MalformedRequest, requireDecoded, tolerantServiceDefinition } from './malformed-request.js'
export { callSignal, unaryHandler } from './unary-handler.js'
export type { StatusMapper } from './unary-handler.js'
export { authorizeCalls, describeCaller, isReadOnlyMethod } from './authorize-calls.js'
export type { AuthorizeCallsOptions, CallPolicy } from './authorize-calls.js'
