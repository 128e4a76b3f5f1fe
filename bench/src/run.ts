// `pnpm bench [--quick]`: runs every scenario, prints a table and writes bench/results.json.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { integerFlag } from '@dc/runtime'
import { MAX_SITES } from '@dc/subcloud-agent'
import type { BenchRow, Scenario } from './bench-row.js'
import { FLEET_PHASES, fleetScenario } from './fleet-scenario.js'
import type { FleetPhase } from './fleet-scenario.js'
import { machineDescription } from './host-stats.js'
import { netmodelScenario } from './netmodel-scenario.js'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    phases: { type: 'string' },
  },
})
// A fleet is at most as large as the simulators' address plan.
const sizes = values.sizes?.split(',').map((s) => integerFlag('--sizes', s, { min: 1, max: MAX_SITES }))
const phases = values.phases?.split(',').map(fleetPhase)
// Asking for fleet phases means the fleet alone: the netmodel micro-benchmarks are not among them.
const scenarios: readonly Scenario[] = phases ? [fleetScenario] : [netmodelScenario, fleetScenario]

const controller = new AbortController()
process.once('SIGINT', () => controller.abort())
const rows: BenchRow[] = []
for (const scenario of scenarios) {
  process.stderr.write(`bench: ${scenario.name}${values.quick ? ' (quick)' : ''}\n`)
  rows.push(...(await scenario.run({ quick: values.quick, sizes, phases, signal: controller.signal })))
}

const header = ['figure', 'value', 'unit', 'target', 'raw limit', 'ratio', 'met']
const table = rows.map((r) => [
  r.figure,
  Number.isNaN(r.value) ? 'not measured' : formatNumber(r.value),
  r.unit,
  r.target ?? '',
  r.rawLimit === undefined ? '' : formatNumber(r.rawLimit),
  r.ratio === undefined || Number.isNaN(r.ratio) ? '' : r.ratio.toFixed(2),
  r.met === undefined ? '' : r.met ? 'yes' : 'NO',
])
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)))
const line = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+`
const fmt = (cells: readonly string[]): string =>
  `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
process.stdout.write([line, fmt(header), line, ...table.map(fmt), line].join('\n') + '\n')
const notes = rows.flatMap((r) => (r.note === undefined ? [] : [`  ${r.figure}: ${r.note}`]))
process.stdout.write(
  `machine: ${machineDescription()}\n${notes.length > 0 ? `notes:\n${notes.join('\n')}\n` : ''}`,
)

const out = resolve(import.meta.dirname, '..', 'results.json')
writeFileSync(out, JSON.stringify(rows, null, 2) + '\n')
process.stdout.write(`wrote ${out}\n`)

function fleetPhase(name: string): FleetPhase {
  const phase = FLEET_PHASES.find((p) => p === name)
  if (phase === undefined) {
    process.stderr.write(`bench: --phases: unknown phase '${name}'; one of ${FLEET_PHASES.join(', ')}\n`)
    process.exit(2)
  }
  return phase
}

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toPrecision(3)
}
