import { listenAddress } from '@dc/runtime'
import type { ListenAddress } from '@dc/runtime'
import { MAX_SITES, siteBootstrapValues, valuesYaml } from './site-values.js'
import type { SiteKind } from './site-values.js'

/** How many sites of each kind, relatively: `1:1:1` is a third each, `0:1:0` IPv6 only. */
export interface SiteMix {
  readonly ipv4: number
  readonly ipv6: number
  readonly dual: number
}

/** What the simulator hosts for one site, and what the manifest tells about it. */
export interface SiteSpec {
  /** 0-based, unique across every simulator that shares a fleet; sizes its address plan. */
  readonly index: number
  /** `subcloud<index>`, as its bootstrap values name it. */
  readonly name: string
  readonly kind: SiteKind
  /** The address its controller dials: IPv6 for `ipv6` and `dual` sites, IPv4 for `ipv4` ones. */
  readonly primary: ListenAddress
  /** `dual` sites also listen on IPv4 loopback, same port. */
  readonly secondary: ListenAddress | undefined
  readonly bootstrapValuesYaml: string
}

export interface SitePlanOptions {
  readonly count: number
  /** Index of the first site, so that several simulators can make up one fleet. */
  readonly firstIndex: number
  readonly mix: SiteMix
  /** Site `k` of this plan listens on port `basePort + k`. */
  readonly basePort: number
  /** Loopback address of each family. */
  readonly hosts: { readonly ipv4: string; readonly ipv6: string }
}

/** Parse `V4:V6:DUAL` weights, e.g. `1:1:1` or `0:1:1`. */
export function parseMix(text: string): SiteMix {
  const parts = text.split(':')
  if (parts.length !== 3 || parts.some((p) => !/^\d{1,6}$/.test(p))) {
    throw new Error(`mix '${text}' is not V4:V6:DUAL whole-number weights, e.g. 1:1:1`)
  }
  const [ipv4, ipv6, dual] = parts.map(Number) as [number, number, number]
  if (ipv4 + ipv6 + dual === 0) throw new Error(`mix '${text}' has no weight at all`)
  return { ipv4, ipv6, dual }
}

/**
 * The kind of each of `count` sites: the mix spread evenly (largest remainder at every prefix),
 * so any run of sites, the first few included, is mixed in the requested proportions.
 */
export function spreadKinds(count: number, mix: SiteMix): SiteKind[] {
  const kinds: SiteKind[] = ['ipv6', 'dual', 'ipv4']
  const total = mix.ipv4 + mix.ipv6 + mix.dual
  const placed: Record<SiteKind, number> = { ipv4: 0, ipv6: 0, dual: 0 }
  const out: SiteKind[] = []
  for (let i = 1; i <= count; i++) {
    // The kind furthest behind its share of the first i sites goes next.
    let best: SiteKind = 'ipv6'
    let bestDeficit = -Infinity
    for (const kind of kinds) {
      const deficit = (i * mix[kind]) / total - placed[kind]
      if (mix[kind] > 0 && deficit > bestDeficit) {
        best = kind
        bestDeficit = deficit
      }
    }
    placed[best] += 1
    out.push(best)
  }
  return out
}

/** The sites of one simulator: names, addresses and bootstrap values. */
export function planSites(options: SitePlanOptions): SiteSpec[] {
  const { count, firstIndex, mix, basePort, hosts } = options
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`site count ${count} is not 1 or more`)
  if (firstIndex < 0 || firstIndex + count > MAX_SITES) {
    throw new RangeError(
      `sites ${firstIndex}..${firstIndex + count - 1} exceed the plan's ${MAX_SITES} sites`,
    )
  }
  if (basePort < 1 || basePort + count - 1 > 65_535) {
    throw new RangeError(`ports ${basePort}..${basePort + count - 1} do not fit 1..65535`)
  }
  return spreadKinds(count, mix).map((kind, k) => {
    const index = firstIndex + k
    const name = `subcloud${index}`
    const port = basePort + k
    const primary = listenAddress(kind === 'ipv4' ? hosts.ipv4 : hosts.ipv6, port)
    return {
      index,
      name,
      kind,
      primary,
      secondary: kind === 'dual' ? listenAddress(hosts.ipv4, port) : undefined,
      bootstrapValuesYaml: valuesYaml(siteBootstrapValues(index, kind, name)),
    }
  })
}
