import { Counter, Registry, collectDefaultMetrics } from 'prom-client'
import { droppedLogLines } from './turn-buffered-stderr.js'

/** The prom-client registry a process's metrics are registered in and `/metrics` renders. */
export type MetricsRegistry = Registry

/**
 * A registry holding the standard process and Node.js metrics (CPU, memory, heap, event-loop lag,
 * file descriptors, GC) under the process's own prefix, e.g. `dc_agent_process_cpu_seconds_total`:
 * a controller and an agent scraped into one job or federated never mix their series. With them,
 * `<prefix>log_lines_dropped_total`: log lines dropped because standard error was not being read.
 *
 * @example
 * const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
 */
export function createMetricsRegistry(options: { readonly prefix: string }): MetricsRegistry {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: options.prefix })
  new Counter({
    name: `${options.prefix}log_lines_dropped_total`,
    help: 'Log lines dropped because standard error was not read and the backlog was full.',
    registers: [registry],
    collect() {
      this.reset()
      this.inc(droppedLogLines())
    },
  })
  return registry
}
