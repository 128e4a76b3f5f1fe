import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { stat } from 'node:fs/promises'
import ipaddr from 'ipaddr.js'
import { onProcessExit } from './exit-cleanup.js'
import { findExecutable } from './find-executable.js'
import {
  runChecked,
  runCommand,
  spawnNode,
  spawnService,
  type CommandResult,
  type RunOptions,
  type ServiceProcess,
  type SpawnServiceOptions,
} from './processes.js'

/**
 * Multi-site test networks in Linux network namespaces. Every site is a namespace with one
 * interface, `eth0`, plugged by a veth pair into a bridge that lives in a per-run `hub` namespace.
 * The hub also routes between subnets: it owns the first host address of every site subnet (the
 * sites' default gateway), so sites on different subnets reach each other too. Nothing is attached
 * to the machine's own namespace, so test traffic cannot leave these namespaces; use IPv6 ULA
 * (fd00::/8) and the IPv4 documentation ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24).
 */

export interface SiteOptions {
  /** Short site name, `[a-z0-9-]`, unique within the run; the namespace is `dct-<pid>-<run>-<name>`. */
  name: string
  /** IPv4 address with prefix, e.g. `192.0.2.10/24`. */
  v4?: string
  /** IPv6 address with prefix, e.g. `fd00:0:0:1::10/64`; added with `nodad`, usable at once. */
  v6?: string
}

export interface Site {
  readonly name: string
  /** Namespace name, for `ip netns exec` or the `netns` option of `spawnService`. */
  readonly netns: string
  /** The site's IPv4 address without prefix, if it has one. */
  readonly v4: string | undefined
  /** The site's IPv6 address without prefix, if it has one. */
  readonly v6: string | undefined
  /**
   * Adds another address (`cidr` with prefix) to the site's `eth0`, with a hub gateway for its
   * subnet, and a default route through it when it is the site's first address of its family.
   */
  addAddress(cidr: string): Promise<void>
  /** {@link execIn} in this site. */
  exec(cmd: string, args: readonly string[], options?: RunOptions): Promise<CommandResult>
  /** {@link spawnIn} in this site. */
  spawn(cmd: string, args: readonly string[], options?: SpawnServiceOptions): Promise<ServiceProcess>
  /** `spawnNode` (a TypeScript entry run from source) in this site. */
  spawnNode(entry: string, args?: readonly string[], options?: SpawnServiceOptions): Promise<ServiceProcess>
}

export type NetnsAvailability = { ok: true } | { ok: false; reason: string }

// The pid alone is not unique on this machine: a run in another PID namespace (a CI container
// beside a developer's shell) may have the same one, and namespaces are machine-wide.
const prefix = `dct-${process.pid}-${randomBytes(3).toString('hex')}-`
/** A dead run's namespaces are swept only once this old: the pid may be alive in another PID namespace. */
const STALE_AFTER_MS = 30 * 60_000
const hubName = `${prefix}hub`
const BRIDGE = 'br0'
const SITE_INTERFACE = 'eth0'
const ownedNamespaces = new Set<string>()
const hubGateways = new Set<string>()
let hubReady: Promise<void> | undefined
let vethCount = 0
let availability: Promise<NetnsAvailability> | undefined

onProcessExit(() => {
  for (const ns of ownedNamespaces) spawnSync('ip', ['netns', 'del', ns], { stdio: 'ignore' })
})

function ip(netns: string, commands: readonly string[]): Promise<CommandResult> {
  // One batch per namespace step: a busy 2-core machine pays for every extra process.
  return runChecked('ip', ['-n', netns, '-batch', '-'], { input: `${commands.join('\n')}\n` })
}

function sysctl(netns: string, settings: readonly string[]): Promise<CommandResult> {
  return runChecked('sysctl', ['-q', '-w', ...settings], { netns })
}

async function addNamespace(netns: string): Promise<void> {
  await runChecked('ip', ['netns', 'add', netns])
  ownedNamespaces.add(netns)
  // New interfaces get no duplicate address detection, so their IPv6 link-local and global
  // addresses are usable at once instead of after a second or more of DAD.
  await sysctl(netns, ['net.ipv6.conf.all.accept_dad=0', 'net.ipv6.conf.default.accept_dad=0'])
}

function isOwnPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

async function createdAtMs(netns: string): Promise<number> {
  try {
    return (await stat(`/run/netns/${netns}`)).ctimeMs
  } catch {
    return Date.now()
  }
}

/** Deletes namespaces a crashed earlier run (whose process is gone) left behind. */
async function sweepStaleNamespaces(): Promise<void> {
  const listed = await runCommand('ip', ['netns', 'list'])
  for (const line of listed.stdout.split('\n')) {
    const match = /^(dct-(\d+)-\S+)/.exec(line)
    if (match?.[1] === undefined || match[2] === undefined || match[1].startsWith(prefix)) continue
    if (isOwnPidAlive(Number(match[2]))) continue
    if (Date.now() - (await createdAtMs(match[1])) < STALE_AFTER_MS) continue
    await runCommand('ip', ['netns', 'del', match[1]])
  }
}

function ensureHub(): Promise<void> {
  hubReady ??= (async () => {
    await sweepStaleNamespaces()
    await addNamespace(hubName)
    await sysctl(hubName, ['net.ipv4.ip_forward=1', 'net.ipv6.conf.all.forwarding=1'])
    // Snooping off: the bridge must pass IPv6 neighbour discovery before any multicast join is seen.
    await ip(hubName, [
      'link set lo up',
      `link add ${BRIDGE} type bridge mcast_snooping 0`,
      `link set ${BRIDGE} up`,
    ])
  })()
  return hubReady
}

interface ParsedCidr {
  family: 'IPv4' | 'IPv6'
  address: string
  prefixLength: number
  /** The hub's address in this subnet (first host), with prefix. */
  gatewayCidr: string
  gateway: string
}

function parseCidr(cidr: string): ParsedCidr {
  let parsed: [ipaddr.IPv4 | ipaddr.IPv6, number]
  try {
    parsed = ipaddr.parseCIDR(cidr)
  } catch {
    throw new Error(`not an address with prefix: ${cidr}`)
  }
  const [address, prefixLength] = parsed
  const family = address.kind() === 'ipv4' ? 'IPv4' : 'IPv6'
  const maxPrefix = family === 'IPv4' ? 30 : 126
  if (prefixLength > maxPrefix) throw new Error(`${cidr}: prefix too long to hold a gateway and hosts`)
  const network =
    family === 'IPv4' ? ipaddr.IPv4.networkAddressFromCIDR(cidr) : ipaddr.IPv6.networkAddressFromCIDR(cidr)
  const bytes = network.toByteArray()
  // The network address has every host bit clear, so adding one never carries.
  bytes[bytes.length - 1]! += 1
  const gateway = ipaddr.fromByteArray(bytes).toString()
  if (gateway === address.toString()) {
    throw new Error(`${cidr}: ${gateway} is the hub's gateway address for this subnet; pick another`)
  }
  return {
    family,
    address: address.toString(),
    prefixLength,
    gatewayCidr: `${gateway}/${prefixLength}`,
    gateway,
  }
}

async function addHubGateway(parsed: ParsedCidr): Promise<void> {
  if (hubGateways.has(parsed.gatewayCidr)) return
  hubGateways.add(parsed.gatewayCidr)
  const nodad = parsed.family === 'IPv6' ? ' nodad' : ''
  await ip(hubName, [`addr add ${parsed.gatewayCidr} dev ${BRIDGE}${nodad}`])
}

/**
 * Whether this process can build sites: root, and `ip netns` works. Tests that need sites should
 * check it and report the reason rather than fail obscurely.
 */
export function netnsAvailable(): Promise<NetnsAvailability> {
  availability ??= (async (): Promise<NetnsAvailability> => {
    const uid = process.getuid?.()
    if (uid !== 0) return { ok: false, reason: `network namespaces need root; this run is uid ${uid}` }
    if (findExecutable('ip', ['/usr/sbin', '/sbin']) === undefined) {
      return { ok: false, reason: 'the ip command is missing: install the Debian package iproute2' }
    }
    const probe = `${prefix}probe`
    const added = await runCommand('ip', ['netns', 'add', probe])
    if (added.code !== 0) return { ok: false, reason: `ip netns add failed: ${added.stderr.trim()}` }
    const used = await runCommand('ip', ['-n', probe, 'link', 'set', 'lo', 'up'])
    await runCommand('ip', ['netns', 'del', probe])
    if (used.code !== 0) return { ok: false, reason: `could not use a new namespace: ${used.stderr.trim()}` }
    return { ok: true }
  })()
  return availability
}

/** Runs a command to completion inside namespace `netns` (through `ip netns exec`). */
export function execIn(
  netns: string,
  cmd: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandResult> {
  return runCommand(cmd, args, { ...options, netns })
}

/** Starts a long-running process inside namespace `netns`; see `spawnService`. */
export function spawnIn(
  netns: string,
  cmd: string,
  args: readonly string[],
  options: SpawnServiceOptions = {},
): Promise<ServiceProcess> {
  return spawnService(cmd, args, { ...options, netns })
}

/**
 * Creates a site: a namespace with `lo` and `eth0` up, the given addresses (IPv6 without DAD),
 * `eth0` bridged to the run's hub, and a default route through the hub for each family it has.
 *
 * @example
 * const controller = await createSite({ name: 'sc', v4: '192.0.2.10/24', v6: 'fd00:0:0:1::10/64' })
 * const agent = await createSite({ name: 'sub1', v4: '198.51.100.10/24', v6: 'fd00:0:0:2::10/64' })
 * const server = await agent.spawn('node', ['server.js'], { readyPattern: /listening/ })
 */
export async function createSite(options: SiteOptions): Promise<Site> {
  const { name } = options
  if (!/^[a-z0-9][a-z0-9-]{0,30}$/.test(name))
    throw new Error(`site name must match [a-z0-9-]{1,31}: ${name}`)
  const netns = `${prefix}${name}`
  if (ownedNamespaces.has(netns)) throw new Error(`site ${name} already exists in this run`)
  const v4 = options.v4 === undefined ? undefined : parseCidr(options.v4)
  const v6 = options.v6 === undefined ? undefined : parseCidr(options.v6)
  if (v4 !== undefined && v4.family !== 'IPv4') throw new Error(`v4 is not an IPv4 address: ${options.v4}`)
  if (v6 !== undefined && v6.family !== 'IPv6') throw new Error(`v6 is not an IPv6 address: ${options.v6}`)

  await ensureHub()
  await addNamespace(netns)
  const hubPort = `veth${++vethCount}`
  await ip(hubName, [
    `link add ${hubPort} type veth peer name ${SITE_INTERFACE} netns ${netns}`,
    `link set ${hubPort} master ${BRIDGE}`,
    `link set ${hubPort} up`,
  ])
  await ip(netns, ['link set lo up', `link set ${SITE_INTERFACE} up`])
  const routedFamilies = new Set<ParsedCidr['family']>()
  // The first address of a family also brings that family's default route through the hub.
  const addAddress = async (parsed: ParsedCidr): Promise<void> => {
    await addHubGateway(parsed)
    const route = routedFamilies.has(parsed.family)
      ? []
      : [`route add ${parsed.family === 'IPv6' ? '::/0' : '0.0.0.0/0'} via ${parsed.gateway}`]
    routedFamilies.add(parsed.family)
    const nodad = parsed.family === 'IPv6' ? ' nodad' : ''
    await ip(netns, [
      `addr add ${parsed.address}/${parsed.prefixLength} dev ${SITE_INTERFACE}${nodad}`,
      ...route,
    ])
  }
  for (const parsed of [v4, v6]) if (parsed !== undefined) await addAddress(parsed)

  return {
    name,
    netns,
    v4: v4?.address,
    v6: v6?.address,
    addAddress: (cidr) => addAddress(parseCidr(cidr)),
    exec: (cmd, args, runOptions) => execIn(netns, cmd, args, runOptions),
    spawn: (cmd, args, spawnOptions) => spawnIn(netns, cmd, args, spawnOptions),
    spawnNode: (entry, args = [], spawnOptions = {}) => spawnNode(entry, args, { ...spawnOptions, netns }),
  }
}

/**
 * Deletes every namespace this run created, sites and hub, which also removes their interfaces.
 * Stop the processes running inside first: a namespace lives on while a process uses it.
 */
export async function destroyAll(): Promise<void> {
  for (const ns of [...ownedNamespaces].reverse()) {
    await runCommand('ip', ['netns', 'del', ns])
    ownedNamespaces.delete(ns)
  }
  hubGateways.clear()
  hubReady = undefined
}
