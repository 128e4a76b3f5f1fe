import type { Effect } from './effect.js'
import { InvalidUuidError, UuidExistsError } from './command-errors.js'
import { deriveUuid, isUuid } from './stable-hash.js'
import type {
  Address,
  AddressPool,
  Alarm,
  Host,
  Network,
  NetworkAddrPool,
  SystemState,
} from './system-state.js'

/** Row kinds, mixed into derived uuids so that two kinds never share one. */
export type RowKind = 'host' | 'addrpool' | 'network' | 'network-addrpool' | 'address'

/**
 * A working copy of a state while one command runs. Rules read `state` and write through the
 * mutable arrays; each array is a copy, and rows are replaced, never edited, so the input
 * state is untouched. A rejected command simply drops its draft.
 */
export class Draft {
  readonly base: SystemState
  hosts: Host[]
  networks: Network[]
  pools: AddressPool[]
  networkPools: NetworkAddrPool[]
  addresses: Address[]
  alarms: Alarm[]
  kubernetesDualStack: boolean
  nextId: number
  readonly effects: Effect[] = []
  #state: SystemState | undefined

  constructor(base: SystemState) {
    this.base = base
    this.hosts = [...base.hosts]
    this.networks = [...base.networks]
    this.pools = [...base.pools]
    this.networkPools = [...base.networkPools]
    this.addresses = [...base.addresses]
    this.alarms = [...base.alarms]
    this.kubernetesDualStack = base.kubernetesDualStack
    this.nextId = base.nextId
  }

  /**
   * The draft as a state, for the read-only queries. Rules ask for it many times per command, so
   * the last one is kept while no field was reassigned since (rows are never edited in place).
   */
  get state(): SystemState {
    const kept = this.#state
    if (
      kept !== undefined &&
      kept.hosts === this.hosts &&
      kept.networks === this.networks &&
      kept.pools === this.pools &&
      kept.networkPools === this.networkPools &&
      kept.addresses === this.addresses &&
      kept.alarms === this.alarms &&
      kept.kubernetesDualStack === this.kubernetesDualStack &&
      kept.nextId === this.nextId
    ) {
      return kept
    }
    this.#state = {
      ...this.base,
      hosts: this.hosts,
      networks: this.networks,
      pools: this.pools,
      networkPools: this.networkPools,
      addresses: this.addresses,
      alarms: this.alarms,
      kubernetesDualStack: this.kubernetesDualStack,
      nextId: this.nextId,
    }
    return this.#state
  }

  /** The generation the command will commit as; alarms record it. */
  get generation(): number {
    return this.base.generation + 1
  }

  /** A fresh id and uuid for a new row; `given` is a caller-chosen uuid, checked for shape and clashes. */
  newRow(kind: RowKind, given?: string): { id: number; uuid: string } {
    const id = this.nextId++
    if (given !== undefined) {
      if (!isUuid(given)) throw new InvalidUuidError(given)
      const uuid = given.toLowerCase()
      if (this.uuidTaken(uuid)) throw new UuidExistsError(uuid)
      return { id, uuid }
    }
    let uuid = deriveUuid(this.base.uuid, id, kind)
    // A caller-chosen uuid could in principle equal a derived one; derive again rather than clash.
    for (let n = 1; this.uuidTaken(uuid); n++) uuid = deriveUuid(this.base.uuid, id, `${kind}#${n}`)
    return { id, uuid }
  }

  private uuidTaken(uuid: string): boolean {
    const tables: readonly (readonly { uuid: string }[])[] = [
      this.hosts,
      this.networks,
      this.pools,
      this.networkPools,
      this.addresses,
    ]
    return tables.some((rows) => rows.some((r) => r.uuid === uuid))
  }

  setPool(pool: AddressPool): void {
    this.pools = this.pools.map((p) => (p.uuid === pool.uuid ? pool : p))
  }

  setNetwork(network: Network): void {
    this.networks = this.networks.map((n) => (n.uuid === network.uuid ? network : n))
  }

  setHost(host: Host): void {
    this.hosts = this.hosts.map((h) => (h.uuid === host.uuid ? host : h))
  }

  emit(effect: Effect): void {
    this.effects.push(effect)
  }

  /** The new state, one generation on. */
  commit(): { state: SystemState; effects: Effect[] } {
    return { state: { ...this.state, generation: this.generation }, effects: this.effects }
  }
}
