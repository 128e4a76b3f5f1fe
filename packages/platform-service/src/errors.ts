import { status } from '@grpc/grpc-js'

/** The gRPC status codes this package's own failures use. */
export type PlatformStatusCode =
  | typeof status.INVALID_ARGUMENT
  | typeof status.FAILED_PRECONDITION
  | typeof status.ALREADY_EXISTS
  | typeof status.PERMISSION_DENIED

/**
 * Base of the failures of the Platform and Agent services themselves (as opposed to netmodel rule
 * violations). Each carries a stable `code` and the gRPC status it maps to, so the boundary mapper
 * never inspects message text.
 */
export abstract class PlatformServiceError extends Error {
  abstract readonly code: string
  abstract readonly grpcCode: PlatformStatusCode
  /** The request field the error is about, when there is one. */
  readonly field: string | undefined

  constructor(message: string, field?: string, options?: ErrorOptions) {
    super(message, options)
    this.name = new.target.name
    this.field = field
  }
}

/** A request message that is malformed regardless of state: a missing, empty or ill-typed field. */
export class InvalidRequestError extends PlatformServiceError {
  readonly code = 'INVALID_REQUEST'
  readonly grpcCode = status.INVALID_ARGUMENT
  /** Dotted path of the offending request field, e.g. `commands[2].addrpool_add.prefix`. */
  declare readonly field: string

  constructor(field: string, reason: string) {
    super(`Invalid request: ${field}: ${reason}`, field)
  }
}

/** One problem in a bootstrap values document, named by its key. */
export interface BootstrapValueProblem {
  readonly key: string
  readonly message: string
  readonly code: string
}

/** Bootstrap values that fail validation; the message lists every problem, each with its key. */
export class InvalidBootstrapValuesError extends PlatformServiceError {
  readonly code = 'INVALID_BOOTSTRAP_VALUES'
  readonly grpcCode = status.INVALID_ARGUMENT
  readonly problems: readonly BootstrapValueProblem[]

  constructor(problems: readonly BootstrapValueProblem[]) {
    super(`Invalid bootstrap values: ${problems.map((p) => `${p.key}: ${p.message}`).join('; ')}`)
    this.problems = problems
  }
}

/** The site has no system yet: it waits for `Bootstrap`. */
export class NotBootstrappedError extends PlatformServiceError {
  readonly code = 'NOT_BOOTSTRAPPED'
  readonly grpcCode = status.FAILED_PRECONDITION

  constructor() {
    super('System is not bootstrapped; call Bootstrap first')
  }
}

/** A second `Bootstrap` whose values differ from the ones the site was bootstrapped with. */
export class AlreadyBootstrappedError extends PlatformServiceError {
  readonly code = 'ALREADY_BOOTSTRAPPED'
  readonly grpcCode = status.ALREADY_EXISTS

  constructor() {
    super('System is already bootstrapped with different values')
  }
}

/**
 * Fencing: a controller epoch lower than the one the agent obeys, or the same epoch from another
 * controller. The message names both sides so an operator sees who holds the agent.
 */
export class StaleEpochError extends PlatformServiceError {
  readonly code = 'STALE_EPOCH'
  readonly grpcCode = status.FAILED_PRECONDITION
  readonly currentEpoch: bigint
  readonly currentControllerId: string
  readonly requestEpoch: bigint
  readonly requestControllerId: string

  constructor(
    current: { epoch: bigint; controllerId: string },
    request: { epoch: bigint; controllerId: string },
  ) {
    super(
      request.epoch < current.epoch
        ? `Stale controller epoch ${request.epoch} from '${request.controllerId}': the agent obeys epoch ${current.epoch} held by '${current.controllerId}'`
        : `Controller epoch ${request.epoch} from '${request.controllerId}' refused: the agent obeys epoch ${current.epoch} held by '${current.controllerId}'`,
    )
    this.currentEpoch = current.epoch
    this.currentControllerId = current.controllerId
    this.requestEpoch = request.epoch
    this.requestControllerId = request.controllerId
  }
}

/** A change id already used for a different list of commands. */
export class ChangeIdConflictError extends PlatformServiceError {
  readonly code = 'CHANGE_ID_CONFLICT'
  readonly grpcCode = status.FAILED_PRECONDITION
  readonly changeId: string

  constructor(changeId: string) {
    super(`Change id '${changeId}' was already applied with different commands`)
    this.changeId = changeId
  }
}

/** An optimistic-concurrency check that failed: the caller's view of the state is out of date. */
export class StaleGenerationError extends PlatformServiceError {
  readonly code = 'STALE_GENERATION'
  readonly grpcCode = status.FAILED_PRECONDITION
  readonly expectedGeneration: number
  readonly actualGeneration: number

  constructor(expectedGeneration: number, actualGeneration: number) {
    super(
      `Stale generation: expected ${expectedGeneration}, but the system is at generation ${actualGeneration}`,
    )
    this.expectedGeneration = expectedGeneration
    this.actualGeneration = actualGeneration
  }
}

/**
 * The caller's certificate does not allow the call (see `authorizeCalls`). The message names the
 * call, what it needs and what the caller presented, so the operator knows which certificate to use.
 */
export class PermissionDeniedError extends PlatformServiceError {
  readonly code = 'PERMISSION_DENIED'
  readonly grpcCode = status.PERMISSION_DENIED
}
