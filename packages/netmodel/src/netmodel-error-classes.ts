import { AddressSyntaxError } from './address-syntax-error.js'
import { COMMAND_ERROR_CLASSES } from './command-errors.js'
import { HOST_ERROR_CLASSES } from './host-errors.js'
import { NETWORK_ERROR_CLASSES } from './network-errors.js'
import { POOL_ERROR_CLASSES } from './pool-errors.js'

/**
 * Every error `apply()` and `plan()` can return, one class per code, e.g. for a boundary mapper's
 * exhaustive table. The other checks keep one class each with a code union of their own, and stay
 * out of this list because they never come out of a command: `BootstrapValueError`
 * (`BOOTSTRAP_*`), `CompatibilityViolation` (`SUBCLOUD_*`) and `ServiceFamilyError` (`SERVICE_*`).
 * Their prefixes keep every code distinct, and they share the base class and categories, so a
 * mapper that switches on `category` handles them all.
 */
export const NETMODEL_ERROR_CLASSES = [
  AddressSyntaxError,
  ...COMMAND_ERROR_CLASSES,
  ...POOL_ERROR_CLASSES,
  ...NETWORK_ERROR_CLASSES,
  ...HOST_ERROR_CLASSES,
] as const

/** The stable code of every rule error (bootstrap errors have their own codes). */
export type NetModelErrorCode = InstanceType<(typeof NETMODEL_ERROR_CLASSES)[number]>['code']
