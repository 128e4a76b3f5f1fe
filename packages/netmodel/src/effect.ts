import type { Family } from './address.js'
import type { Alarm } from './system-state.js'

export type KubernetesComponent = 'kube-apiserver' | 'kube-controller-manager'

/**
 * What a command does to the platform beyond the state change, as StarlingX's conductor would
 * act on it. The agent turns these into files and counters; the controller into alarms.
 */
export type Effect =
  /** `update_kubernetes_dual_stack_config(family, disable)` */
  | { readonly type: 'kubernetes-dual-stack'; readonly enabled: boolean; readonly family: Family }
  | {
      readonly type: 'component-restart'
      readonly component: KubernetesComponent
      readonly hosts: readonly string[]
    }
  /** `update_oam_config`: at runtime on simplex, pending a lock/unlock elsewhere. */
  | { readonly type: 'oam-reconfigured'; readonly runtime: boolean }
  | { readonly type: 'mgmt-reconfigured'; readonly runtime: boolean }
  | { readonly type: 'admin-reconfigured'; readonly disable: boolean }
  | { readonly type: 'storage-reconfigured' }
  | { readonly type: 'host-config-out-of-date'; readonly hostname: string; readonly reason: string }
  /** an unlock applied the host's pending configuration */
  | { readonly type: 'host-config-applied'; readonly hostname: string }
  | { readonly type: 'host-state-changed'; readonly hostname: string }
  | { readonly type: 'addresses-allocated'; readonly pool: string; readonly names: readonly string[] }
  | { readonly type: 'addresses-released'; readonly pool: string; readonly names: readonly string[] }
  | { readonly type: 'alarm-raised'; readonly alarm: Alarm }
  | { readonly type: 'alarm-cleared'; readonly alarmId: string; readonly entityInstanceId: string }

export type EffectType = Effect['type']
