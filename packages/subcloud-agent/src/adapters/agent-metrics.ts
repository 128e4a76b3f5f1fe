import { Counter, Gauge } from 'prom-client'
import type { MetricsRegistry } from '@dc/runtime'
import type { Agent } from '../agent.js'
import type { AgentActivity } from './agent-activity.js'

/** One agent whose numbers a registry reports. */
export interface MeteredAgent {
  readonly agent: Agent
  readonly activity: AgentActivity
  /** Tells agents sharing one registry apart (the simulator's `subcloud`); none for dc-agent. */
  readonly labels?: Readonly<Record<string, string>>
}

/** The metrics {@link registerAgentMetrics} registers, with their help texts. */
const AGENT_METRICS = {
  dc_agent_calls_total: 'gRPC calls served, by method and by the local address they arrived on.',
  dc_agent_applied_changes_total:
    'Controller changes (Agent/Apply) applied since the agent started; retries of an applied change id are not counted.',
  dc_agent_epoch: 'Epoch of the controller that holds this agent (0: none yet).',
  dc_agent_generation: 'Generation of the system state (0 before bootstrap).',
  dc_agent_watch_subscribers: 'Watch streams open now.',
  dc_agent_bootstrapped: '1 once the site is bootstrapped, 0 before.',
} as const

/**
 * Registers the agent metrics of `agents` in `registry`. Every value is read from the agent and
 * its activity when Prometheus scrapes, never kept a second time: the call counts are those
 * `Agent/Describe` reports. `labelNames` are the keys of every agent's `labels`.
 */
export function registerAgentMetrics(
  registry: MetricsRegistry,
  agents: readonly MeteredAgent[],
  labelNames: readonly string[] = [],
): void {
  const registers = [registry]
  new Counter({
    name: 'dc_agent_calls_total',
    help: AGENT_METRICS.dc_agent_calls_total,
    labelNames: [...labelNames, 'method', 'local_address'],
    registers,
    collect() {
      this.reset()
      for (const { activity, labels } of agents) {
        for (const { address, method, calls } of activity.calls.byMethod()) {
          this.inc({ ...labels, method, local_address: address }, calls)
        }
      }
    },
  })
  new Counter({
    name: 'dc_agent_applied_changes_total',
    help: AGENT_METRICS.dc_agent_applied_changes_total,
    labelNames,
    registers,
    collect() {
      this.reset()
      for (const { activity, labels } of agents) this.inc({ ...labels }, activity.appliedChanges)
    },
  })
  const gauge = (name: keyof typeof AGENT_METRICS, read: (metered: MeteredAgent) => number): void => {
    new Gauge({
      name,
      help: AGENT_METRICS[name],
      labelNames,
      registers,
      collect() {
        this.reset()
        for (const metered of agents) this.set({ ...metered.labels }, read(metered))
      },
    })
  }
  // Epochs count controller take-overs: far below 2^53, exact as a float.
  gauge('dc_agent_epoch', ({ agent }) => Number(agent.snapshot().owner.epoch))
  gauge('dc_agent_generation', ({ agent }) => agent.snapshot().state?.generation ?? 0)
  gauge('dc_agent_watch_subscribers', ({ activity }) => activity.openWatches)
  gauge('dc_agent_bootstrapped', ({ agent }) => (agent.snapshot().state === null ? 0 : 1))
}
