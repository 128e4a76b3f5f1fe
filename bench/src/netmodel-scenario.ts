import {
  FleetIndex,
  IpAddress,
  IpRange,
  applyAll,
  initialState,
  parseBootstrapValues,
  parseCidr,
} from '@dc/netmodel'
import type { Command, FleetEntry, SystemState } from '@dc/netmodel'
import { median, timeMs } from './bench-row.js'
import type { BenchRow, Scenario } from './bench-row.js'

/** The seed's dual-stack `localhost.yml`, as the operator writes it. */
const SEED_VALUES: Readonly<Record<string, unknown>> = {
  system_mode: 'duplex',
  pxeboot_subnet: '192.168.202.0/24',
  external_oam_subnet: 'fd00::/64,10.20.2.0/24',
  external_oam_gateway_address: 'fd00::1,10.20.2.1',
  external_oam_floating_address: 'fd00::3,10.20.2.3',
  external_oam_node_0_address: 'fd00::4,10.20.2.4',
  external_oam_node_1_address: 'fd00::5,10.20.2.5',
  management_subnet: 'fd01::/64',
  management_start_address: 'fd01::2',
  management_end_address: 'fd01::ffff',
  cluster_host_subnet: 'aefd:205::/64,192.168.205.0/24',
  cluster_pod_subnet: 'aefd:206::/64,172.16.0.0/16',
  cluster_service_subnet: 'aefd:aaa::/112,10.96.0.0/12',
}

function seedState(): SystemState {
  const parsed = parseBootstrapValues(SEED_VALUES)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return initialState(parsed.values, { uuid: '5c1f0e8a-2b7d-4c3e-9a6f-1d2e3f4a5b6c' })
}

/**
 * An admin network and its pool added, bound, unbound and deleted: four commands that each go through
 * the full rule set (syntax, overlap, permissions, allocation) and leave the state as it was.
 */
function churn(cycles: number): Command[] {
  const commands: Command[] = []
  for (let i = 0; i < cycles; i++) {
    const name = `bench-${i}`
    commands.push(
      { kind: 'addrpool-add', name, network: 'fd09::', prefix: 64 },
      { kind: 'network-add', name: 'admin', type: 'admin', dynamic: false, pool: name },
      { kind: 'network-delete', network: 'admin' },
      { kind: 'addrpool-delete', pool: name },
    )
  }
  return commands
}

/** `n` subclouds, each with its own /64 management range, plus one deliberate overlap. */
function fleet(n: number): FleetEntry[] {
  const base = parseCidr('fd10::/16').network.value
  const entries: FleetEntry[] = []
  for (let i = 0; i < n; i++) {
    const start = new IpAddress('IPv6', base + (BigInt(i) << 64n) + 2n)
    entries.push({ owner: `subcloud${i}`, ranges: [new IpRange(start, start.offset(0xfffd))] })
  }
  const clash = new IpAddress('IPv6', base + 0x100n)
  entries.push({ owner: 'clash', ranges: [new IpRange(clash, clash.offset(10))] })
  return entries
}

export const netmodelScenario: Scenario = {
  name: 'netmodel',
  async run({ quick }) {
    const rounds = quick ? 50 : 500
    const validate: number[] = []
    for (let i = 0; i < rounds; i++) {
      validate.push(
        timeMs(() => {
          const parsed = parseBootstrapValues(SEED_VALUES)
          if (!parsed.ok) throw new Error('seed values rejected')
        }),
      )
    }

    const state = seedState()
    const commands = churn(quick ? 500 : 2500)
    const applyRuns: number[] = []
    for (let i = 0; i < (quick ? 3 : 7); i++) {
      applyRuns.push(
        timeMs(() => {
          const result = applyAll(state, commands)
          if (!result.ok) throw new Error(`apply rejected: ${result.error.message}`)
        }),
      )
    }

    const entries = fleet(10_000)
    const overlapRuns: number[] = []
    for (let i = 0; i < (quick ? 5 : 21); i++) {
      overlapRuns.push(
        timeMs(() => {
          if (FleetIndex.findOverlaps(entries).length !== 1) throw new Error('expected one overlap')
        }),
      )
    }

    const validateMs = median(validate)
    const overlapMs = median(overlapRuns)
    const rows: BenchRow[] = [
      {
        figure: 'validate seed dual-stack bootstrap (median)',
        value: validateMs,
        unit: 'ms',
        target: '<= 1 ms',
        met: validateMs <= 1,
      },
      {
        figure: `apply ${commands.length.toLocaleString('en')} commands (median)`,
        value: median(applyRuns),
        unit: 'ms',
        target: null,
      },
      {
        figure: 'range-overlap check of 10,000 subclouds (median)',
        value: overlapMs,
        unit: 'ms',
        target: '<= 100 ms',
        met: overlapMs <= 100,
      },
    ]
    return rows
  },
}
