import type { LinkAddress, LinkFamily, TestbedSite, Topology } from './topology.js'
import { runChecked, runCommand } from './run-command.js'

/**
 * The WAN in Linux network namespaces: a router namespace with forwarding on, and per site a
 * namespace whose `eth0` is a veth pair to the router (`v-<site>` there). The router holds the first
 * host address of each link, both families; each site routes everything through it.
 */

const SITE_INTERFACE = 'eth0'
/** Before the rules `ip rule` adds by itself (local table at 0, main at 32766). */
const CUT_PRIORITY = 100

export const namespaceOf = (prefix: string, name: string): string => `${prefix}${name}`
const routerPort = (site: string): string => `v-${site}`

/** `ip -batch` in `netns`; `family` for commands that cannot tell it from their addresses (rules). */
function ipBatch(netns: string, commands: readonly string[], family?: LinkFamily): Promise<unknown> {
  const flag = family === undefined ? [] : [family === 'ipv6' ? '-6' : '-4']
  return runChecked('ip', [...flag, '-n', netns, '-batch', '-'], { input: `${commands.join('\n')}\n` })
}

export async function listNamespaces(): Promise<string[]> {
  const listed = await runCommand('ip', ['netns', 'list'])
  return listed.stdout
    .split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter((name) => name !== '')
}

async function addNamespace(netns: string, forwarding: boolean): Promise<void> {
  await runChecked('ip', ['netns', 'add', netns])
  // No duplicate address detection: addresses are usable at once. Addresses survive a link taken
  // down by `cut`, so `heal` only brings it up again.
  const settings = [
    'net.ipv6.conf.all.accept_dad=0',
    'net.ipv6.conf.default.accept_dad=0',
    'net.ipv6.conf.all.keep_addr_on_down=1',
    'net.ipv6.conf.default.keep_addr_on_down=1',
    ...(forwarding ? ['net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1'] : []),
  ]
  await runChecked('sysctl', ['-q', '-w', ...settings], { netns })
  await ipBatch(netns, ['link set lo up'])
}

function withPrefix(link: LinkAddress, address: string): string {
  return `${address}/${link.prefixLength}`
}

async function linkSite(router: string, netns: string, site: TestbedSite): Promise<void> {
  const port = routerPort(site.name)
  const { ipv6, ipv4 } = site.link
  await ipBatch(router, [
    `link add ${port} type veth peer name ${SITE_INTERFACE} netns ${netns}`,
    `addr add ${withPrefix(ipv6, ipv6.gateway)} dev ${port} nodad`,
    `addr add ${withPrefix(ipv4, ipv4.gateway)} dev ${port}`,
    `link set ${port} up`,
  ])
  await ipBatch(netns, [
    `addr add ${ipv6.cidr} dev ${SITE_INTERFACE} nodad`,
    `addr add ${ipv4.cidr} dev ${SITE_INTERFACE}`,
    `link set ${SITE_INTERFACE} up`,
    `route add ::/0 via ${ipv6.gateway}`,
    `route add 0.0.0.0/0 via ${ipv4.gateway}`,
  ])
}

/**
 * Creates the router and every site namespace with its link, skipping the namespaces that exist
 * (a second `up`). Resolves with the namespaces, router first.
 */
export async function buildNetwork(
  topology: Topology,
  prefix: string,
  progress: (line: string) => void,
): Promise<string[]> {
  const existing = new Set(await listNamespaces())
  const router = namespaceOf(prefix, topology.router.name)
  if (!existing.has(router)) {
    progress(`network: router namespace ${router}, forwarding on`)
    await addNamespace(router, true)
  }
  const linked = await runChecked('ip', ['-n', router, '-o', 'link', 'show'])
  const namespaces = [router]
  for (const site of topology.sites) {
    const netns = namespaceOf(prefix, site.name)
    namespaces.push(netns)
    // A site is built once the router has its port; an earlier, interrupted `up` may have left
    // the namespace without it.
    if (linked.stdout.includes(` ${routerPort(site.name)}@`)) continue
    if (existing.has(netns)) {
      await killNamespaceProcesses(netns)
      await deleteNamespace(netns)
    }
    progress(`network: ${site.name} (${netns}) ${site.link.ipv6.cidr} ${site.link.ipv4.cidr} via ${router}`)
    await addNamespace(netns, false)
    await linkSite(router, netns, site)
  }
  return namespaces
}

const FAMILIES: readonly LinkFamily[] = ['ipv6', 'ipv4']

/** The `ip rule` commands (`verb` add or del) that silently drop `family` traffic between two sites. */
function cutRules(verb: 'add' | 'del', family: LinkFamily, a: TestbedSite, b: TestbedSite): string[] {
  const [from, to] = [a.link[family].subnet, b.link[family].subnet]
  return [
    `rule ${verb} from ${from} to ${to} blackhole priority ${CUT_PRIORITY}`,
    `rule ${verb} from ${to} to ${from} blackhole priority ${CUT_PRIORITY}`,
  ]
}

/**
 * Partitions `site` (`cut`), or undoes that (`heal`): its router port down or up when `others` is
 * undefined, else only its traffic with `others` dropped in the router, or no longer. Either way
 * packets vanish: no reset, no ICMP error.
 */
export async function setCut(
  verb: 'cut' | 'heal',
  prefix: string,
  topology: Topology,
  site: TestbedSite,
  others: readonly TestbedSite[] | undefined,
): Promise<void> {
  const router = namespaceOf(prefix, topology.router.name)
  if (others === undefined) {
    await ipBatch(router, [`link set ${routerPort(site.name)} ${verb === 'cut' ? 'down' : 'up'}`])
    return
  }
  for (const family of FAMILIES) {
    const rules = others.flatMap((other) => cutRules(verb === 'cut' ? 'add' : 'del', family, site, other))
    await ipBatch(router, rules, family)
  }
}

/** SIGKILLs whatever still runs in `netns`: a namespace lives on while a process uses it. */
export async function killNamespaceProcesses(netns: string): Promise<void> {
  const listed = await runCommand('ip', ['netns', 'pids', netns])
  for (const pid of listed.stdout.split('\n').filter((line) => /^\d+$/.test(line))) {
    try {
      process.kill(Number(pid), 'SIGKILL')
    } catch {
      // Gone already.
    }
  }
}

/** Deletes `netns` and with it its interfaces; a missing namespace is fine (idempotent). */
export async function deleteNamespace(netns: string): Promise<void> {
  await runCommand('ip', ['netns', 'del', netns])
}
