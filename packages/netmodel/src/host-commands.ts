import type { CommandOf } from './command.js'
import type { Draft } from './draft.js'
import {
  HostAlreadyLockedError,
  HostAlreadyUnlockedError,
  LockActiveControllerError,
  SwactNotActiveError,
  SwactTargetUnavailableError,
} from './host-errors.js'
import { markConfigApplied } from './platform-effects.js'
import { controllers, requireHost } from './state-queries.js'
import type { Host } from './system-state.js'

/** Able to take over services: unlocked-enabled-available. */
function inService(host: Host): boolean {
  return (
    host.administrative === 'unlocked' && host.operational === 'enabled' && host.availability === 'available'
  )
}

function stateText(host: Host): string {
  return `${host.administrative}-${host.operational}-${host.availability}`
}

/**
 * Locking takes a host out of service. The active controller of a multi-controller system can
 * never be locked (swact away first); an AIO-SX controller can, as there is nothing to swact to.
 */
export function lockHost(draft: Draft, command: CommandOf<'host-lock'>): void {
  const state = draft.state
  const host = requireHost(state, command.host)
  if (host.administrative === 'locked') throw new HostAlreadyLockedError(host.hostname)
  if (host.personality === 'controller' && host.active && state.systemMode !== 'simplex') {
    const standby = controllers(state).find((c) => c.uuid !== host.uuid && inService(c))
    throw new LockActiveControllerError(host.hostname, standby?.hostname)
  }
  draft.setHost({ ...host, administrative: 'locked', operational: 'disabled', availability: 'online' })
  draft.emit({ type: 'host-state-changed', hostname: host.hostname })
}

/** Unlocking brings a host back in service and applies its pending configuration (clearing 250.001). */
export function unlockHost(draft: Draft, command: CommandOf<'host-unlock'>): void {
  const host = requireHost(draft.state, command.host)
  if (host.administrative === 'unlocked') throw new HostAlreadyUnlockedError(host.hostname)
  draft.setHost({
    ...host,
    administrative: 'unlocked',
    operational: 'enabled',
    availability: 'available',
    configUpToDate: true,
  })
  markConfigApplied(draft, host)
  draft.emit({ type: 'host-state-changed', hostname: host.hostname })
}

/**
 * `host-swact <active controller>`: the other controller becomes active. It must be
 * unlocked-enabled-available to take over.
 */
export function swactHost(draft: Draft, command: CommandOf<'host-swact'>): void {
  const state = draft.state
  const host = requireHost(state, command.host)
  if (host.personality !== 'controller' || !host.active) throw new SwactNotActiveError(host.hostname)
  const others = controllers(state).filter((c) => c.uuid !== host.uuid)
  const target = others.find(inService)
  if (!target) {
    const [first] = others
    throw new SwactTargetUnavailableError(host.hostname, first?.hostname, first ? stateText(first) : '')
  }
  draft.setHost({ ...host, active: false })
  draft.setHost({ ...target, active: true })
  draft.emit({ type: 'host-state-changed', hostname: host.hostname })
  draft.emit({ type: 'host-state-changed', hostname: target.hostname })
}
