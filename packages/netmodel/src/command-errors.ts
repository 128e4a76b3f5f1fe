import { NetModelError } from './net-model-error.js'

/** The command itself is malformed: a missing or mistyped field, an unknown kind. */
export class InvalidCommandError extends NetModelError {
  readonly code = 'INVALID_COMMAND'
  readonly category = 'invalid-argument'
}

/** A caller-supplied uuid is not in 8-4-4-4-12 hex form. */
export class InvalidUuidError extends NetModelError {
  readonly code = 'INVALID_UUID'
  readonly category = 'invalid-argument'
  constructor(uuid: string) {
    super(`Invalid uuid '${uuid}'`, 'uuid')
  }
}

/** A caller-supplied uuid is already used by another row. */
export class UuidExistsError extends NetModelError {
  readonly code = 'UUID_EXISTS'
  readonly category = 'already-exists'
  constructor(uuid: string) {
    super(`A row with uuid ${uuid} already exists`, 'uuid')
  }
}

/** `emptyState` was given a host list it cannot build a system from. */
export class InvalidHostListError extends NetModelError {
  readonly code = 'INVALID_HOST_LIST'
  readonly category = 'invalid-argument'
  constructor(reason: string) {
    super(`Invalid host list: ${reason}`, 'hostnames')
  }
}

export class PoolNotFoundError extends NetModelError {
  readonly code = 'POOL_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string, field = 'pool') {
    super(`Address pool ${ref} could not be found`, field)
  }
}

export class NetworkNotFoundError extends NetModelError {
  readonly code = 'NETWORK_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Network ${ref} could not be found`, 'network')
  }
}

export class HostNotFoundError extends NetModelError {
  readonly code = 'HOST_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Host ${ref} could not be found`, 'host')
  }
}

export class AssociationNotFoundError extends NetModelError {
  readonly code = 'ASSOCIATION_NOT_FOUND'
  readonly category = 'not-found'
  constructor(ref: string) {
    super(`Network address pool ${ref} could not be found`, 'assignment')
  }
}

/** Every class above, in order, for `NETMODEL_ERROR_CLASSES`. */
export const COMMAND_ERROR_CLASSES = [
  InvalidCommandError,
  InvalidUuidError,
  UuidExistsError,
  InvalidHostListError,
  PoolNotFoundError,
  NetworkNotFoundError,
  HostNotFoundError,
  AssociationNotFoundError,
] as const
