import type { AllocationOrder, NetworkType } from './system-state.js'

/** Address fields of a pool, as the `addrpool-add` options name them. */
export interface PoolAddressFields {
  readonly floatingAddress?: string | null
  readonly controller0Address?: string | null
  readonly controller1Address?: string | null
  readonly gatewayAddress?: string | null
}

/**
 * A platform command as data. `pool`, `network` and `host` references accept a name or a uuid,
 * as the `system` CLI does. Optional `uuid` fields let a caller fix the new row's uuid; when
 * absent, netmodel derives one deterministically from the state and the new row's id.
 */
export type Command =
  | ({
      readonly kind: 'addrpool-add'
      readonly uuid?: string
      readonly name: string
      readonly network: string
      readonly prefix: number
      readonly order?: AllocationOrder
      /** `start-end` pairs; StarlingX's default is `[subnet[1], subnet[-2]]`. */
      readonly ranges?: readonly (readonly [string, string])[]
    } & PoolAddressFields)
  | {
      readonly kind: 'addrpool-modify'
      readonly pool: string
      /** `replace` semantics; `null` (or the StarlingX "none" words) clears an address field. */
      readonly changes: {
        readonly name?: string
        readonly network?: string
        readonly prefix?: number
        readonly order?: AllocationOrder
        readonly ranges?: readonly (readonly [string, string])[]
      } & PoolAddressFields
    }
  | { readonly kind: 'addrpool-delete'; readonly pool: string }
  | {
      readonly kind: 'network-add'
      readonly uuid?: string
      readonly name: string
      readonly type: NetworkType
      readonly dynamic: boolean
      /** the primary pool (name or uuid) */
      readonly pool: string
    }
  | { readonly kind: 'network-delete'; readonly network: string }
  | {
      readonly kind: 'network-addrpool-assign'
      readonly uuid?: string
      readonly network: string
      readonly pool: string
    }
  | { readonly kind: 'network-addrpool-remove'; readonly assignment: string }
  | { readonly kind: 'host-lock'; readonly host: string; readonly force?: boolean }
  | { readonly kind: 'host-unlock'; readonly host: string }
  | { readonly kind: 'host-swact'; readonly host: string }

export type CommandKind = Command['kind']

/** The command of one kind, e.g. `CommandOf<'addrpool-add'>`. */
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>
