import { NetModelError } from './net-model-error.js'

export class HostAlreadyLockedError extends NetModelError {
  readonly code = 'HOST_ALREADY_LOCKED'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Avoiding lock action on already 'locked' host ${hostname}`, 'host')
  }
}

export class HostAlreadyUnlockedError extends NetModelError {
  readonly code = 'HOST_ALREADY_UNLOCKED'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Avoiding unlock action on already 'unlocked' host ${hostname}`, 'host')
  }
}

export class LockActiveControllerError extends NetModelError {
  readonly code = 'LOCK_ACTIVE_CONTROLLER'
  readonly category = 'failed-precondition'
  /** `standby` is the controller to swact to, when one could take over. */
  constructor(hostname: string, standby: string | undefined) {
    super(
      standby
        ? `${hostname}: Rejected: Can not lock an active controller. Swact to ${standby} first.`
        : `${hostname}: Rejected: Can not lock an active controller: no other controller is unlocked, enabled and available to take over.`,
      'host',
    )
  }
}

export class SwactNotActiveError extends NetModelError {
  readonly code = 'SWACT_NOT_ACTIVE'
  readonly category = 'failed-precondition'
  constructor(hostname: string) {
    super(`Host-swact rejected: ${hostname} is not the active controller`, 'host')
  }
}

export class SwactTargetUnavailableError extends NetModelError {
  readonly code = 'SWACT_TARGET_UNAVAILABLE'
  readonly category = 'failed-precondition'
  constructor(hostname: string, target: string | undefined, targetState: string) {
    super(
      target
        ? `Host-swact rejected: ${target} is ${targetState}; ${hostname} can only swact to an unlocked-enabled-available controller`
        : `Host-swact rejected: ${hostname} has no other controller to swact to`,
      'host',
    )
  }
}

/** Every class above, in order, for `NETMODEL_ERROR_CLASSES`. */
export const HOST_ERROR_CLASSES = [
  HostAlreadyLockedError,
  HostAlreadyUnlockedError,
  LockActiveControllerError,
  SwactNotActiveError,
  SwactTargetUnavailableError,
] as const
