import type { Family } from './address.js'
import type { Draft } from './draft.js'
import type { KubernetesComponent } from './effect.js'
import { controllers, networkOfType, poolsOfNetwork } from './state-queries.js'
import type { Alarm, Host, Network } from './system-state.js'

/** FM alarm raised while a host has configuration it applies only on its next lock/unlock. */
export const CONFIG_OUT_OF_DATE_ALARM = '250.001'
const CONFIG_OUT_OF_DATE_TEXT = 'Configuration is out-of-date'

export function hostEntity(hostname: string): string {
  return `host=${hostname}`
}

/** Marks hosts as needing a lock/unlock to apply `reason`, raising 250.001 once per host. */
export function markConfigOutOfDate(draft: Draft, hosts: readonly Host[], reason: string): void {
  for (const host of hosts) {
    draft.setHost({ ...host, configUpToDate: false })
    draft.emit({ type: 'host-config-out-of-date', hostname: host.hostname, reason })
    const entity = hostEntity(host.hostname)
    if (draft.alarms.some((a) => a.alarmId === CONFIG_OUT_OF_DATE_ALARM && a.entityInstanceId === entity))
      continue
    const alarm: Alarm = {
      alarmId: CONFIG_OUT_OF_DATE_ALARM,
      entityInstanceId: entity,
      reasonText: CONFIG_OUT_OF_DATE_TEXT,
      severity: 'major',
      raisedAtGeneration: draft.generation,
    }
    draft.alarms = [...draft.alarms, alarm]
    draft.emit({ type: 'alarm-raised', alarm })
  }
}

/** An unlock applied everything pending on `host`. */
export function markConfigApplied(draft: Draft, host: Host): void {
  if (host.configUpToDate) return
  draft.emit({ type: 'host-config-applied', hostname: host.hostname })
  const entity = hostEntity(host.hostname)
  const before = draft.alarms.length
  draft.alarms = draft.alarms.filter(
    (a) => !(a.alarmId === CONFIG_OUT_OF_DATE_ALARM && a.entityInstanceId === entity),
  )
  if (draft.alarms.length < before) {
    draft.emit({ type: 'alarm-cleared', alarmId: CONFIG_OUT_OF_DATE_ALARM, entityInstanceId: entity })
  }
}

/**
 * What the conductor does when a pool is bound to, unbound from, or changed on a network after
 * initial configuration (§2.2 "Effects", §2.5 "RPCs"). During bootstrap nothing runs yet.
 * `secondary` says the change concerns the network's secondary pool.
 */
export function networkReconfigured(
  draft: Draft,
  network: Network,
  change: { disable: boolean; secondary: boolean },
): void {
  if (!draft.base.initialConfigComplete) return
  const simplex = draft.base.systemMode === 'simplex'
  switch (network.type) {
    case 'oam':
      // AIO-SX applies OAM changes at runtime; elsewhere each controller needs a lock/unlock.
      draft.emit({ type: 'oam-reconfigured', runtime: simplex })
      if (!simplex) markConfigOutOfDate(draft, controllers(draft.state), 'oam network reconfigured')
      return
    case 'mgmt':
      if (simplex) {
        // The AIO-SX controller is locked for this; its unlock applies the new management config.
        draft.emit({ type: 'mgmt-reconfigured', runtime: false })
        markConfigOutOfDate(draft, controllers(draft.state), 'mgmt network reconfigured')
      } else if (change.secondary) {
        // Runtime network/firewall update, then every host must reboot (lock/unlock) to use it.
        draft.emit({ type: 'mgmt-reconfigured', runtime: true })
        markConfigOutOfDate(draft, draft.hosts, 'mgmt secondary pool changed')
      }
      return
    case 'admin':
      draft.emit({ type: 'admin-reconfigured', disable: change.disable })
      return
    case 'storage':
      draft.emit({ type: 'storage-reconfigured' })
      return
    default:
      return
  }
}

const KUBERNETES_NETWORKS = ['cluster-host', 'cluster-pod', 'cluster-service'] as const
const RESTARTED: readonly KubernetesComponent[] = ['kube-apiserver', 'kube-controller-manager']

function otherFamily(family: Family): Family {
  return family === 'IPv4' ? 'IPv6' : 'IPv4'
}

/**
 * Kubernetes dual-stack follows the three cluster networks together: it turns on when all of
 * them have two pools and off only when all are back to one, so the intermediate steps of a
 * migration (one or two networks changed) restart nothing. After initial configuration a switch
 * restarts kube-apiserver and kube-controller-manager on every controller.
 */
export function reconcileKubernetesDualStack(draft: Draft): void {
  const state = draft.state
  const networks = KUBERNETES_NETWORKS.map((t) => networkOfType(state, t))
  const counts = networks.map((n) => (n ? poolsOfNetwork(state, n.uuid).length : 0))
  const enable = !draft.kubernetesDualStack && counts.every((c) => c >= 2)
  const disable = draft.kubernetesDualStack && counts.every((c) => c <= 1)
  if (!enable && !disable) return
  draft.kubernetesDualStack = enable
  if (!state.initialConfigComplete) return
  const pod = networks[1]
  const family = otherFamily(pod?.primaryPoolFamily ?? 'IPv6')
  draft.emit({ type: 'kubernetes-dual-stack', enabled: enable, family })
  const hosts = controllers(state).map((h) => h.hostname)
  for (const component of RESTARTED) draft.emit({ type: 'component-restart', component, hosts })
}
