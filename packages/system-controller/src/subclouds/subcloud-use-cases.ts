import type { Audit } from '../audit/index.js'
import { FleetRegistry } from './fleet-registry.js'
import { NetworkReconfiguration } from './network-reconfiguration.js'
import type { NetworkReconfigurationDeps } from './network-reconfiguration.js'
import { SubcloudService } from './subcloud-service.js'
import type { SubcloudServiceDeps } from './subcloud-service.js'

/** What the subcloud use cases are made of. */
export type SubcloudUseCasesDeps = Omit<SubcloudServiceDeps, 'fleet' | 'audit'> &
  Pick<NetworkReconfigurationDeps, 'agents' | 'controllerId' | 'operational'> & {
    readonly audit: Pick<Audit, 'refreshSubcloud' | 'snapshotOf' | 'expectConfigHash'>
    /** The registry the geo link's copies are checked in too. @default a new one */
    readonly fleet?: FleetRegistry
  }

/**
 * `dcmanager subcloud` and its network reconfiguration over one fleet registry: an add and a
 * reconfiguration reserve their ranges in the same one, so they cannot both take a range.
 */
export function subcloudUseCases(deps: SubcloudUseCasesDeps): {
  readonly subclouds: SubcloudService
  readonly network: NetworkReconfiguration
} {
  const fleet = deps.fleet ?? new FleetRegistry(deps.subclouds)
  return {
    subclouds: new SubcloudService({ ...deps, fleet }),
    network: new NetworkReconfiguration({ ...deps, fleet }),
  }
}
