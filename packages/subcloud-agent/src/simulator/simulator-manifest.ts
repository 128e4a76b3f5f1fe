import type { SiteSpec } from './site-plan.js'
import { SIMULATED_CONTROLLER_VALUES, valuesYaml } from './site-values.js'
import type { SiteKind } from './site-values.js'

/** One simulated subcloud, as `dcmanager subcloud add` needs it. */
export interface ManifestSubcloud {
  readonly name: string
  readonly family: SiteKind
  /** `--bootstrap-address`: `host:port`, IPv6 bracketed. */
  readonly primary: string
  /** The other family's address of a dual-stack site, which its controller must never dial. */
  readonly secondary: string | null
  /** `--bootstrap-values`, as YAML. */
  readonly bootstrapValuesYaml: string
}

/** What `dc-agent --simulate` writes to `--manifest FILE`. */
export interface SimulatorManifest {
  readonly format: 1
  /** `host:port` of the fault-control line protocol. */
  readonly control: string
  /** Bootstrap values of a system controller every `ipv6` and `dual` subcloud is valid for. */
  readonly controllerValuesYaml: string
  readonly subclouds: readonly ManifestSubcloud[]
}

export function buildManifest(sites: readonly SiteSpec[], control: string): SimulatorManifest {
  return {
    format: 1,
    control,
    controllerValuesYaml: valuesYaml(SIMULATED_CONTROLLER_VALUES),
    subclouds: sites.map((s) => ({
      name: s.name,
      family: s.kind,
      primary: s.primary.text,
      secondary: s.secondary?.text ?? null,
      bootstrapValuesYaml: s.bootstrapValuesYaml,
    })),
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const FAMILIES: readonly string[] = ['ipv4', 'ipv6', 'dual'] satisfies SiteKind[]

/** Parse a manifest file's text; throws naming the first field that is wrong. */
export function parseManifest(text: string): SimulatorManifest {
  const raw: unknown = JSON.parse(text)
  const fail = (what: string): never => {
    throw new Error(`simulator manifest: ${what}`)
  }
  if (!isRecord(raw) || raw['format'] !== 1) return fail('not a format 1 manifest')
  if (typeof raw['control'] !== 'string') return fail('control is not a string')
  if (typeof raw['controllerValuesYaml'] !== 'string') return fail('controllerValuesYaml is not a string')
  const subclouds = raw['subclouds']
  if (!Array.isArray(subclouds)) return fail('subclouds is not a list')
  subclouds.forEach((s: unknown, i) => {
    if (
      !isRecord(s) ||
      typeof s['name'] !== 'string' ||
      typeof s['primary'] !== 'string' ||
      typeof s['bootstrapValuesYaml'] !== 'string' ||
      !(s['secondary'] === null || typeof s['secondary'] === 'string') ||
      typeof s['family'] !== 'string' ||
      !FAMILIES.includes(s['family'])
    ) {
      fail(`subclouds[${i}] is not a subcloud entry`)
    }
  })
  return raw as unknown as SimulatorManifest
}
