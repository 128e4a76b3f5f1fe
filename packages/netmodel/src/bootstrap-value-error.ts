import { NetModelError } from './net-model-error.js'

/**
 * Stable codes of bootstrap-value failures (`spec/dual-stack-rules.md` section 3, plus the sysinv
 * address rules of section 2.1 checked early so that persisting the values cannot fail).
 */
export type BootstrapErrorCode =
  /** a scalar key with a value outside its allowed set, or not a string */
  | 'BOOTSTRAP_INVALID_VALUE'
  /** text that is not an address or subnet of the expected kind */
  | 'BOOTSTRAP_INVALID_ADDRESS'
  | 'BOOTSTRAP_TOO_MANY_VALUES'
  | 'BOOTSTRAP_SAME_FAMILY_DUAL_STACK'
  | 'BOOTSTRAP_MIXED_SUBNET_AND_ADDRESS'
  /** an address key with another number of values than its subnet */
  | 'BOOTSTRAP_SIZE_MISMATCH'
  /** an address key whose families come in another order than its subnet's */
  | 'BOOTSTRAP_FAMILY_SEQUENCE'
  /** an address key set for a network whose subnet is not configured */
  | 'BOOTSTRAP_SUBNET_MISSING'
  | 'BOOTSTRAP_PXEBOOT_NOT_IPV4'
  | 'BOOTSTRAP_PRIMARY_FAMILY_MISMATCH'
  | 'BOOTSTRAP_CLUSTER_DUAL_STACK_INCOMPLETE'
  | 'BOOTSTRAP_CLUSTER_POD_NEEDS_DUAL_STACK_OAM'
  | 'BOOTSTRAP_IPV6_PREFIX_TOO_SHORT'
  | 'BOOTSTRAP_NOT_MULTICAST'
  | 'BOOTSTRAP_SYSTEMCONTROLLER_RANGE_REQUIRED'
  | 'BOOTSTRAP_RANGE_ORDER'
  | 'BOOTSTRAP_RANGE_OUTSIDE_SUBNET'
  | 'BOOTSTRAP_RANGE_TOO_SMALL'
  | 'BOOTSTRAP_SUBNET_TOO_SMALL'
  | 'BOOTSTRAP_SUBNET_TOO_LARGE'
  | 'BOOTSTRAP_NO_ROOM_FOR_GATEWAY'
  | 'BOOTSTRAP_ADDRESS_OUTSIDE_SUBNET'
  | 'BOOTSTRAP_ADDRESS_OUTSIDE_RANGE'
  /** the network address, or the IPv4 broadcast address, used as a host address */
  | 'BOOTSTRAP_ADDRESS_RESERVED'
  | 'BOOTSTRAP_ADDRESS_DUPLICATE'
  /** a simplex subcloud's management/admin floating address unlike its start address */
  | 'BOOTSTRAP_FLOATING_NOT_START'
  | 'BOOTSTRAP_SUBNET_OVERLAP'

/**
 * One invalid bootstrap value. Never thrown by the parser: {@link parseBootstrapValues} returns
 * every one it finds, so an operator fixes a file in one pass.
 */
export class BootstrapValueError extends NetModelError {
  readonly code: BootstrapErrorCode
  readonly category = 'invalid-argument'
  /** The `localhost.yml` key at fault, e.g. `external_oam_subnet`. */
  readonly key: string

  constructor(code: BootstrapErrorCode, key: string, message: string) {
    super(message, key)
    this.code = code
    this.key = key
  }
}
