import type { Family } from './address.js'
import { NetModelError } from './net-model-error.js'

// --- networks (spec 2.4) -----------------------------------------------------------------------

export class NetworkTypeUnsupportedError extends NetModelError {
  readonly code = 'NETWORK_TYPE_UNSUPPORTED'
  readonly category = 'invalid-argument'
  constructor(type: string) {
    super(`Network type ${type} not supported`, 'type')
  }
}

export class NetworkPoolRequiredError extends NetModelError {
  readonly code = 'NETWORK_POOL_REQUIRED'
  readonly category = 'invalid-argument'
  constructor() {
    super('Address pool UUID has to be specified', 'pool')
  }
}

export class NetworkTypeExistsError extends NetModelError {
  readonly code = 'NETWORK_TYPE_EXISTS'
  readonly category = 'already-exists'
  constructor(type: string) {
    super(`Network of type ${type} already exists.`, 'type')
  }
}

export class NetworkNameExistsError extends NetModelError {
  readonly code = 'NETWORK_NAME_EXISTS'
  readonly category = 'already-exists'
  constructor(name: string) {
    super(`Network with name ${name} already exists.`, 'name')
  }
}

export class NetworkDeleteAfterConfigError extends NetModelError {
  readonly code = 'NETWORK_DELETE_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(type: string, uuid: string) {
    super(`Cannot delete type ${type} network ${uuid} after initial configuration completion`, 'network')
  }
}

// --- network-addrpool assign and remove (spec 2.5, 2.6) ----------------------------------------

export class AssignAfterConfigError extends NetModelError {
  readonly code = 'ASSIGN_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(networkUuid: string, type: string) {
    super(
      `Cannot create relation for network {${networkUuid}} with type ${type} after initial configuration completion`,
      'network',
    )
  }
}

export class RemoveAfterConfigError extends NetModelError {
  readonly code = 'REMOVE_AFTER_CONFIG'
  readonly category = 'failed-precondition'
  constructor(networkUuid: string, type: string) {
    super(
      `Cannot delete relation for network {${networkUuid}} with type ${type} after initial configuration completion`,
      'assignment',
    )
  }
}

export class NetworkMaxPoolsError extends NetModelError {
  readonly code = 'NETWORK_MAX_POOLS'
  readonly category = 'failed-precondition'
  constructor(type: string, poolNames: readonly string[]) {
    super(
      `Network of type ${type} already have maximum of 2 pools attached: [${poolNames.join(', ')}]`,
      'pool',
    )
  }
}

export class NetworkFamilyExistsError extends NetModelError {
  readonly code = 'NETWORK_FAMILY_EXISTS'
  readonly category = 'failed-precondition'
  constructor(type: string, poolName: string, family: Family) {
    super(`Network of type ${type} already have pool ${poolName} for family ${family}`, 'pool')
  }
}

export class NetworkPrimaryFamilyError extends NetModelError {
  readonly code = 'NETWORK_PRIMARY_FAMILY'
  readonly category = 'failed-precondition'
  constructor(type: string, family: Family) {
    super(`Network of type ${type} requires primary pool of family ${family}`, 'pool')
  }
}

export class PxebootIpv4OnlyError extends NetModelError {
  readonly code = 'PXEBOOT_IPV4_ONLY'
  readonly category = 'invalid-argument'
  constructor() {
    super('Network of type pxeboot only supports pool of family IPv4', 'pool')
  }
}

export class PoolInUseError extends NetModelError {
  readonly code = 'POOL_IN_USE'
  readonly category = 'failed-precondition'
  constructor() {
    super('Address pool already in use by another network', 'pool')
  }
}

export class ClusterPodNeedsOamError extends NetModelError {
  readonly code = 'CLUSTER_POD_NEEDS_OAM'
  readonly category = 'failed-precondition'
  constructor() {
    super('Cluster-pod address-pool can not be added before OAM address-pool of same IP family', 'pool')
  }
}

export class OamNeededByClusterPodError extends NetModelError {
  readonly code = 'OAM_NEEDED_BY_CLUSTER_POD'
  readonly category = 'failed-precondition'
  constructor(field: string) {
    super('oam address-pool can not be deleted before cluster-pod address-pool of same IP family', field)
  }
}

export class PrimaryPoolRemovalError extends NetModelError {
  readonly code = 'PRIMARY_POOL_REMOVAL'
  readonly category = 'failed-precondition'
  constructor(pool: string, network: string, type: string) {
    super(`Cannot remove primary pool '${pool}' from '${network}' with type ${type}`, 'assignment')
  }
}

/** Every class above, in order, for `NETMODEL_ERROR_CLASSES`. */
export const NETWORK_ERROR_CLASSES = [
  NetworkTypeUnsupportedError,
  NetworkPoolRequiredError,
  NetworkTypeExistsError,
  NetworkNameExistsError,
  NetworkDeleteAfterConfigError,
  AssignAfterConfigError,
  RemoveAfterConfigError,
  NetworkMaxPoolsError,
  NetworkFamilyExistsError,
  NetworkPrimaryFamilyError,
  PxebootIpv4OnlyError,
  PoolInUseError,
  ClusterPodNeedsOamError,
  OamNeededByClusterPodError,
  PrimaryPoolRemovalError,
] as const
