/**
 * dc-controller: the system controller of a dual-stack distributed cloud. Its own system (region
 * `SystemController`), subcloud onboarding with the primary-family rules, the audit, and `system`
 * calls forwarded to subclouds over their primary addresses.
 *
 * @example
 * const config = parseControllerArgs(['--bootstrap-values', 'central.yml'], process.env, process.cwd())
 * if (!('help' in config)) {
 *   const controller = await startController(config)
 *   await controller.close()
 * }
 */
export {
  CONTROLLER_FLAGS,
  DEFAULT_AGENT_PORT,
  DEFAULT_AUDIT_INTERVAL_MS,
  DEFAULT_DATA_DIR,
  DEFAULT_LISTEN,
  DEFAULT_OFFLINE_AFTER_MISSES,
  USAGE,
  controllerHelp,
  parseControllerArgs,
} from './config.js'
export type { ControllerConfig } from './config.js'
export { startController } from './start-controller.js'
export type { RunningController, StartControllerOptions } from './start-controller.js'
export {
  ConcurrentUpdateError,
  ConfigError,
  ControllerError,
  DefaultGroupProtectedError,
  ForwardedReplyMissingError,
  GeoObjectExistsError,
  GeoObjectNotFoundError,
  GeoRuleError,
  InvalidFieldError,
  InvalidOwnBootstrapValuesError,
  MalformedGeoMessageError,
  OwnSystemMismatchError,
  OwnershipConflictError,
  PeerLinkUnavailableError,
  RegionNotFoundError,
  StoreBackupError,
  StoreDamagedError,
  StoreFenceLostError,
  StoreLockedError,
  StoreOpenError,
  StoreUnavailableError,
  SubcloudAddRejectedError,
  SubcloudGroupNameTakenError,
  SubcloudGroupNotEmptyError,
  SubcloudGroupNotFoundError,
  SubcloudNameTakenError,
  SubcloudNotFoundError,
  SubcloudStateError,
  SubcloudUnavailableError,
} from './errors.js'
export type { StoreHolder } from './errors.js'
export type { ControllerErrorCategory, GeoObject, Violation, ViolationKind } from './errors.js'
export { toStatus } from './grpc/status.js'
export { GeoSubjects, OWNERSHIP_BUCKET } from './geo/geo-subjects.js'
export { decodeAck } from './geo/geo-codec.js'
export type { ApplyAck, MemberFailure } from './geo/geo-event.js'
export { renderNatsServerConfig } from './geo/render-nats-server-config.js'
export type {
  NatsClusterOptions,
  NatsServerConfigOptions,
  NatsSiteUser,
} from './geo/render-nats-server-config.js'
