import { applyAll } from './apply.js'
import { BOOTSTRAP_NETWORKS, bootstrapPoolName } from './bootstrap-networks.js'
import type { BootstrapValues } from './bootstrap-values.js'
import type { Command } from './command.js'
import { emptyState, markInitialConfigComplete } from './empty-state.js'
import type { SystemState } from './system-state.js'

/** The release a system gets when neither its bootstrap values nor the caller name one. */
export const DEFAULT_SOFTWARE_VERSION = '25.09'

/** The system name when neither the caller nor the bootstrap values give one. */
export const DEFAULT_SYSTEM_NAME = 'StarlingX'

/**
 * The sysinv calls `populate_initial_config.py` makes for these values, in its order: per
 * network, `addrpool-add` and `network-add` for the primary, then `addrpool-add` and
 * `network-addrpool-assign` for the secondary. Pools carry the addresses sysinv stores: the
 * floating and gateway addresses everywhere, controller addresses except on simplex.
 */
export function bootstrapCommands(values: BootstrapValues): Command[] {
  const simplex = values.systemMode === 'simplex'
  return BOOTSTRAP_NETWORKS.flatMap(({ id, type, dynamic }) =>
    values.networks[id].flatMap((pool, i): Command[] => {
      const name = bootstrapPoolName(id, pool.subnet.family)
      const text = (ip: { toString(): string } | undefined): string | null =>
        ip === undefined ? null : ip.toString()
      const add: Command = {
        kind: 'addrpool-add',
        name,
        network: pool.subnet.network.toString(),
        prefix: pool.subnet.prefix,
        order: 'random',
        ranges: [[pool.start.toString(), pool.end.toString()]],
        floatingAddress: text(pool.floating),
        controller0Address: simplex ? null : text(pool.controller0),
        controller1Address: simplex ? null : text(pool.controller1),
        gatewayAddress: text(pool.gateway),
      }
      const bind: Command =
        i === 0
          ? { kind: 'network-add', name: type, type, dynamic, pool: name }
          : { kind: 'network-addrpool-assign', network: type, pool: name }
      return [add, bind]
    }),
  )
}

/**
 * The `SystemState` StarlingX persists for a bootstrap: hosts in service, every network with its
 * pools created through the same commands an operator would run (so every sysinv rule holds),
 * and initial configuration marked complete.
 *
 * `values` must come from a successful {@link parseBootstrapValues}; should a command still be
 * refused, its {@link NetModelError} is thrown.
 */
export function initialState(
  values: BootstrapValues,
  init: { readonly uuid: string; readonly name?: string; readonly softwareVersion?: string },
): SystemState {
  const empty = emptyState({
    uuid: init.uuid,
    name: init.name ?? values.name ?? DEFAULT_SYSTEM_NAME,
    systemMode: values.systemMode,
    distributedCloudRole: values.distributedCloudRole,
    softwareVersion: values.softwareVersion ?? init.softwareVersion ?? DEFAULT_SOFTWARE_VERSION,
  })
  const result = applyAll(empty, bootstrapCommands(values))
  if (!result.ok) throw result.error
  return markInitialConfigComplete(result.state)
}
