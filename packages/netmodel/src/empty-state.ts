import { InvalidHostListError } from './command-errors.js'
import { deriveUuid } from './stable-hash.js'
import type { DistributedCloudRole, Host, Personality, SystemMode, SystemState } from './system-state.js'

/** What {@link emptyState} needs to know about the system. */
export interface EmptyStateInit {
  readonly uuid: string
  readonly name: string
  readonly systemMode: SystemMode
  readonly distributedCloudRole: DistributedCloudRole
  readonly softwareVersion: string
  /**
   * Hosts to create, personality read from the name (`controller-*`, `storage-*`, anything else
   * a worker). The first controller is the active one.
   * @default ['controller-0'] on simplex, ['controller-0', 'controller-1'] otherwise
   */
  readonly hostnames?: readonly string[]
}

function personalityOf(hostname: string): Personality {
  if (hostname.startsWith('controller-')) return 'controller'
  if (hostname.startsWith('storage-')) return 'storage'
  return 'worker'
}

/**
 * A system with hosts in service and no networks yet: where bootstrap starts. Throws
 * {@link InvalidHostListError} for a host list without a controller, with duplicates, or with
 * a second controller on simplex.
 */
export function emptyState(init: EmptyStateInit): SystemState {
  const hostnames =
    init.hostnames ?? (init.systemMode === 'simplex' ? ['controller-0'] : ['controller-0', 'controller-1'])
  if (new Set(hostnames).size !== hostnames.length) throw new InvalidHostListError('duplicate hostnames')
  const controllerCount = hostnames.filter((h) => personalityOf(h) === 'controller').length
  if (controllerCount === 0) throw new InvalidHostListError('no controller')
  if (init.systemMode === 'simplex' && controllerCount > 1) {
    throw new InvalidHostListError('a simplex system has one controller')
  }
  let activeChosen = false
  const hosts = hostnames.map((hostname, i): Host => {
    const personality = personalityOf(hostname)
    const active = personality === 'controller' && !activeChosen
    activeChosen ||= active
    const id = i + 1
    return {
      id,
      uuid: deriveUuid(init.uuid, id, 'host'),
      hostname,
      personality,
      administrative: 'unlocked',
      operational: 'enabled',
      availability: 'available',
      active,
      configUpToDate: true,
    }
  })
  return {
    uuid: init.uuid,
    name: init.name,
    systemMode: init.systemMode,
    distributedCloudRole: init.distributedCloudRole,
    softwareVersion: init.softwareVersion,
    initialConfigComplete: false,
    upgradeInProgress: 'none',
    simplexToDuplexMigration: false,
    hosts,
    networks: [],
    pools: [],
    networkPools: [],
    addresses: [],
    alarms: [],
    kubernetesDualStack: false,
    generation: 0,
    nextId: hosts.length + 1,
  }
}

/**
 * Bootstrap's last step: from here on the runtime rules apply (read-only pools, no deleting
 * platform networks, reconfiguration effects). Not a configuration change, so `generation` and
 * {@link configHash} stay as they are.
 */
export function markInitialConfigComplete(state: SystemState): SystemState {
  return { ...state, initialConfigComplete: true }
}
