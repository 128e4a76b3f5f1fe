import { REGION_METADATA_KEY, SYSTEM_CONTROLLER_REGION } from '@dc/protos'
import { ControllerError } from './controller-error.js'
import type { ControllerErrorCategory } from './controller-error.js'

export { ControllerError } from './controller-error.js'
export type { ControllerErrorCategory } from './controller-error.js'
export {
  GeoObjectExistsError,
  GeoObjectNotFoundError,
  GeoRuleError,
  MalformedGeoMessageError,
  OwnershipConflictError,
  PeerLinkUnavailableError,
} from './geo/geo-errors.js'
export type { GeoObject } from './geo/geo-errors.js'

/** A command-line flag or environment variable that cannot be used. */
export class ConfigError extends ControllerError {
  readonly code = 'CONFIG_INVALID'
  readonly category = 'invalid-argument'
}

/** The controller's bootstrap values differ from the ones its own system was created with. */
export class OwnSystemMismatchError extends ControllerError {
  readonly code = 'BOOTSTRAP_VALUES_CHANGED'
  readonly category = 'failed-precondition'
  readonly keys: readonly string[]

  constructor(keys: readonly string[]) {
    super(
      `The bootstrap values differ from the ones this system controller was bootstrapped with ` +
        `(keys: ${keys.join(', ')}); start with the original values or a new data directory`,
    )
    this.keys = keys
  }
}

/** The controller's own bootstrap values are unusable (parse or validation problems). */
export class InvalidOwnBootstrapValuesError extends ControllerError {
  readonly code = 'OWN_BOOTSTRAP_VALUES_INVALID'
  readonly category = 'invalid-argument'
  readonly problems: readonly Violation[]

  constructor(problems: readonly Violation[]) {
    super(`Invalid system controller bootstrap values: ${describeViolations(problems)}`)
    this.problems = problems
  }
}

/** A request field that is malformed regardless of state. */
export class InvalidFieldError extends ControllerError {
  readonly code = 'INVALID_FIELD'
  readonly category = 'invalid-argument'
  readonly field: string

  constructor(field: string, reason: string) {
    super(`${field} invalid: ${reason}`)
    this.field = field
  }
}

/** Whether a violation is about the input itself or about the state it meets. */
export type ViolationKind = 'invalid' | 'conflict' | 'duplicate'

/** One reason a request is refused, named by the key (bootstrap value or request field) it is about. */
export interface Violation {
  readonly key: string
  readonly code: string
  readonly message: string
  readonly kind: ViolationKind
}

function describeViolations(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.key}: ${v.message}`).join('; ')
}

/**
 * `subcloud add` refused before anything was written; every violation found is listed. Malformed
 * input makes it INVALID_ARGUMENT; a request that is well-formed but clashes with the controller
 * or the fleet is FAILED_PRECONDITION; a name clash alone is ALREADY_EXISTS.
 */
export class SubcloudAddRejectedError extends ControllerError {
  readonly code = 'SUBCLOUD_ADD_REJECTED'
  readonly category: ControllerErrorCategory
  readonly violations: readonly Violation[]

  /** `operation`: the command refused, `add` or `redeploy`, which run the same checks. */
  constructor(violations: readonly Violation[], operation: 'add' | 'redeploy' = 'add') {
    super(`Subcloud ${operation} refused: ${describeViolations(violations)}`)
    this.violations = violations
    this.category = violationCategory(violations)
  }
}

function violationCategory(violations: readonly Violation[]): ControllerErrorCategory {
  return violations.some((v) => v.kind === 'invalid')
    ? 'invalid-argument'
    : violations.every((v) => v.kind === 'duplicate')
      ? 'already-exists'
      : 'failed-precondition'
}

/**
 * `subcloud update` with new management values refused before anything was written: every
 * onboarding rule the new values break, each named by its flag.
 */
export class NetworkReconfigurationRejectedError extends ControllerError {
  readonly code = 'NETWORK_RECONFIGURATION_REJECTED'
  readonly category: ControllerErrorCategory
  readonly violations: readonly Violation[]

  constructor(subcloud: string, violations: readonly Violation[]) {
    super(`Network reconfiguration of subcloud ${subcloud} refused: ${describeViolations(violations)}`)
    this.violations = violations
    this.category = violationCategory(violations)
  }
}

/**
 * The subcloud's agent did not take the network reconfiguration (unreachable, or it refused the
 * change): the subcloud is left `network-reconfiguration-failed` with this reason.
 */
export class NetworkReconfigurationFailedError extends ControllerError {
  readonly code = 'NETWORK_RECONFIGURATION_FAILED'
  readonly category: ControllerErrorCategory
  readonly subcloud: string

  constructor(subcloud: string, reason: string, category: 'unavailable' | 'failed-precondition') {
    super(`Network reconfiguration of subcloud ${subcloud} failed: ${reason}`)
    this.subcloud = subcloud
    this.category = category
  }
}

export class SubcloudNotFoundError extends ControllerError {
  readonly code = 'SUBCLOUD_NOT_FOUND'
  readonly category = 'not-found'
  readonly ref: string

  constructor(ref: string) {
    super(`Subcloud not found: ${ref}`)
    this.ref = ref
  }
}

export class SubcloudGroupNotFoundError extends ControllerError {
  readonly code = 'SUBCLOUD_GROUP_NOT_FOUND'
  readonly category = 'not-found'
  readonly ref: string

  constructor(ref: string) {
    super(`Subcloud group not found: ${ref}`)
    this.ref = ref
  }
}

/** `x-dc-region` names neither the controller's region nor any subcloud. */
export class RegionNotFoundError extends ControllerError {
  readonly code = 'REGION_NOT_FOUND'
  readonly category = 'not-found'
  readonly region: string

  constructor(region: string) {
    super(`Region not found: ${region} is neither SystemController nor a subcloud name or region name`)
    this.region = region
  }
}

/**
 * A change on the `Platform` service without a readable `dc-region-name`: it reaches the system
 * controller's own state only when it names that region, so a header grpc-js dropped (an illegal
 * value) or a client that forgot it never changes the wrong system.
 */
export class RegionRequiredError extends ControllerError {
  readonly code = 'REGION_REQUIRED'
  readonly category = 'invalid-argument'

  constructor(method: string) {
    super(
      `${REGION_METADATA_KEY} missing or unreadable on ${method}: a change must name its region, ` +
        `${SYSTEM_CONTROLLER_REGION} for the system controller itself or a subcloud's name or region name`,
    )
  }
}

export class SubcloudNameTakenError extends ControllerError {
  readonly code = 'SUBCLOUD_NAME_TAKEN'
  readonly category = 'already-exists'

  constructor(name: string) {
    super(`Subcloud with name ${name} already exists`)
  }
}

export class SubcloudGroupNameTakenError extends ControllerError {
  readonly code = 'SUBCLOUD_GROUP_NAME_TAKEN'
  readonly category = 'already-exists'

  constructor(name: string) {
    super(`A subcloud group with name ${name} already exists`)
  }
}

/** An operation on a subcloud that its current management, availability or deploy state forbids. */
export class SubcloudStateError extends ControllerError {
  readonly code = 'SUBCLOUD_STATE'
  readonly category = 'failed-precondition'
  readonly subcloud: string

  constructor(subcloud: string, message: string) {
    super(message)
    this.subcloud = subcloud
  }
}

/** The Default group (id 1) cannot be renamed or deleted. */
export class DefaultGroupProtectedError extends ControllerError {
  readonly code = 'DEFAULT_GROUP_PROTECTED'
  readonly category = 'failed-precondition'

  constructor(action: 'renamed' | 'deleted') {
    super(`Default subcloud group may not be ${action}`)
  }
}

export class SubcloudGroupNotEmptyError extends ControllerError {
  readonly code = 'SUBCLOUD_GROUP_NOT_EMPTY'
  readonly category = 'failed-precondition'

  constructor(name: string, members: number) {
    super(`Subcloud group ${name} still has ${members} subcloud(s); move or delete them first`)
  }
}

/** A forwarded call to a subcloud whose agent cannot be used right now. */
export class SubcloudUnavailableError extends ControllerError {
  readonly code = 'SUBCLOUD_UNAVAILABLE'
  readonly category: ControllerErrorCategory
  readonly subcloud: string

  constructor(subcloud: string, reason: string, category: 'unavailable' | 'failed-precondition') {
    super(`Subcloud ${subcloud} cannot be reached: ${reason}`)
    this.subcloud = subcloud
    this.category = category
  }
}

/**
 * A forwarded change the subcloud's agent applied without the Platform reply to it (an agent that
 * predates forwarded changes going through `Agent.Apply`): the change stands, only its reply is lost.
 */
export class ForwardedReplyMissingError extends ControllerError {
  readonly code = 'FORWARDED_REPLY_MISSING'
  readonly category = 'failed-precondition'
  readonly subcloud: string

  constructor(subcloud: string, changeId: string) {
    super(
      `Subcloud ${subcloud} applied change ${changeId} but its agent sent no reply for it; show the change's rows to see the result`,
    )
    this.subcloud = subcloud
  }
}

/** The database cannot be reached. */
export class StoreUnavailableError extends ControllerError {
  readonly code = 'STORE_UNAVAILABLE'
  readonly category = 'unavailable'

  constructor(options?: ErrorOptions) {
    super('The controller database is unavailable; retry later', options)
  }
}

/** The store could not be opened or migrated at start. */
export class StoreOpenError extends ControllerError {
  readonly code = 'STORE_OPEN_FAILED'
  readonly category = 'unavailable'

  constructor(what: string, options: ErrorOptions) {
    const cause = options.cause instanceof Error ? options.cause.message : String(options.cause)
    super(`Cannot open ${what}: ${cause}`, options)
  }
}

/** A strategy step change written after the step writer closed (the controller is stopping). */
export class StepWriterClosedError extends ControllerError {
  readonly code = 'STEP_WRITER_CLOSED'
  readonly category = 'unavailable'
  readonly subcloudName: string

  constructor(subcloudName: string) {
    super(`The step of subcloud ${subcloudName} was not saved: the controller is stopping`)
    this.subcloudName = subcloudName
  }
}

/** Two writers raced on the same rows; the caller may retry. */
export class ConcurrentUpdateError extends ControllerError {
  readonly code = 'CONCURRENT_UPDATE'
  readonly category = 'aborted'

  constructor(what: string, options?: ErrorOptions) {
    super(`Concurrent update of ${what}; retry`, options)
  }
}

/** Who holds a store: as much as is known of the other controller. */
export interface StoreHolder {
  readonly pid?: number | undefined
  readonly host?: string | undefined
  readonly since?: string | undefined
}

function describeHolder(holder: StoreHolder): string {
  const parts = [
    holder.pid === undefined ? 'pid unknown' : `pid ${holder.pid}`,
    holder.host === undefined ? 'host unknown' : `host ${holder.host}`,
  ]
  if (holder.since !== undefined) parts.push(`since ${holder.since}`)
  return parts.join(', ')
}

/** Another controller writes to the same data directory or PostgreSQL database; one writer per store. */
export class StoreLockedError extends ControllerError {
  readonly code = 'STORE_LOCKED'
  readonly category = 'failed-precondition'
  readonly holder: StoreHolder

  constructor(what: string, holder: StoreHolder) {
    super(`${what} is in use by another dc-controller (${describeHolder(holder)}); stop it first`)
    this.holder = holder
  }
}

/**
 * The store is not the one this data directory belongs to, or is damaged: refused at start and
 * never initialised over.
 */
export class StoreDamagedError extends ControllerError {
  readonly code = 'STORE_DAMAGED'
  readonly category = 'failed-precondition'
}

/** The PostgreSQL writer lock was lost and another controller holds it now; this one stops. */
export class StoreFenceLostError extends ControllerError {
  readonly code = 'STORE_FENCE_LOST'
  readonly category = 'unavailable'

  constructor(reason: string) {
    super(`Lost the PostgreSQL writer lock for good: ${reason}; stopping so that no write goes unfenced`)
  }
}

/** `dc-controller backup` or `restore` could not be done; nothing was changed at the target. */
export class StoreBackupError extends ControllerError {
  readonly code = 'STORE_BACKUP_FAILED'
  readonly category = 'failed-precondition'
}

/** `fm alarm-show`: no active alarm has this uuid (it was cleared, or never existed). */
export class AlarmNotFoundError extends ControllerError {
  readonly code = 'ALARM_NOT_FOUND'
  readonly category = 'not-found'

  constructor(uuid: string) {
    super(`Alarm ${uuid} not found: no active alarm has this uuid (fm event-list shows cleared ones)`)
  }
}
