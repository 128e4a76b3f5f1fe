import type { Command } from './command.js'
import type { SiteNetworks } from './network-plan.js'

type SiteHost = SiteNetworks['hosts'][number]

/** A lock/unlock cycle; a host already locked only needs the unlock that applies its configuration. */
function cycle(host: SiteHost): Command[] {
  const unlock: Command = { kind: 'host-unlock', host: host.hostname }
  return host.administrative === 'locked' ? [unlock] : [{ kind: 'host-lock', host: host.hostname }, unlock]
}

/**
 * The seed's host sequence after a change that left `outOfDate` hosts with 250.001: on a system with
 * an active and a standby controller, lock/unlock the standby (and any other host), then, if the
 * active one is out of date, swact to the standby, lock/unlock the former active and swact back, so
 * the site ends with the controller it started with; on simplex lock/unlock controller-0, as there
 * is nothing to swact to. Empty when no host is out of date.
 */
export function hostActions(site: SiteNetworks, outOfDate: readonly string[]): Command[] {
  const pending = site.hosts.filter((h) => outOfDate.includes(h.hostname))
  const controllers = site.hosts.filter((h) => h.personality === 'controller')
  const active = controllers.find((h) => h.active)
  const standby = controllers.find((h) => !h.active)
  if (site.systemMode === 'simplex' || active === undefined || standby === undefined) {
    return pending.flatMap(cycle)
  }
  const commands = pending.filter((h) => h !== active).flatMap(cycle)
  if (pending.includes(active)) {
    commands.push({ kind: 'host-swact', host: active.hostname }, ...cycle(active), {
      kind: 'host-swact',
      host: standby.hostname,
    })
  }
  return commands
}
