import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createMetricsRegistry, silentLogger } from '@dc/runtime'
import { Agent } from '../src/agent.js'
import { AgentActivity } from '../src/adapters/agent-activity.js'
import { registerAgentMetrics } from '../src/adapters/agent-metrics.js'
import { CallCounters } from '../src/adapters/call-counters.js'
import { MemoryStateStore } from '../src/simulator/memory-state-store.js'
import { siteBootstrapValues } from '../src/simulator/site-values.js'

const V6 = '[::1]:50051'
const V4 = '127.0.0.1:50051'
const DESCRIBE = '/dc.agent.v1.Agent/Describe'
const GET_SYSTEM = '/dc.platform.v1.Platform/GetSystem'

function openAgent(): Promise<Agent> {
  return Agent.open({
    store: new MemoryStateStore(),
    kubernetes: { write: async () => {} },
    log: silentLogger,
  })
}

/** The sample lines of `name` in the text format, without HELP and TYPE. */
function samples(text: string, name: string): string[] {
  return text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
}

const Counters = suite('CallCounters')

Counters('CallCounters - counts per address and method; Describe sums per address', () => {
  const counters = new CallCounters([V6, V4])
  counters.record(V6, DESCRIBE)
  counters.record(V6, DESCRIBE)
  counters.record(V6, GET_SYSTEM)
  assert.equal(counters.snapshot(), [
    { address: V6, calls: 3 },
    { address: V4, calls: 0 },
  ])
  assert.equal(counters.byMethod(), [
    { address: V6, method: DESCRIBE, calls: 2 },
    { address: V6, method: GET_SYSTEM, calls: 1 },
    { address: V4, method: DESCRIBE, calls: 0 },
    { address: V4, method: GET_SYSTEM, calls: 0 },
  ])
  assert.throws(() => counters.record('10.0.0.1:1', DESCRIBE), /unknown listen address/)
})

const Activity = suite('AgentActivity')

Activity('AgentActivity - a Watch stream counts as open until closed, once', () => {
  const activity = new AgentActivity([V6])
  const close = activity.watchOpened()
  activity.watchOpened()
  assert.is(activity.openWatches, 2)
  close()
  close()
  assert.is(activity.openWatches, 1)
  activity.changeApplied()
  assert.is(activity.appliedChanges, 1)
})

const Metrics = suite('registerAgentMetrics')

Metrics('registerAgentMetrics - reports the activity and the state as they are at the scrape', async () => {
  const agent = await openAgent()
  const activity = new AgentActivity([V6, V4])
  const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
  registerAgentMetrics(registry, [{ agent, activity }])

  const before = await registry.metrics()
  assert.equal(samples(before, 'dc_agent_bootstrapped'), ['dc_agent_bootstrapped 0'])
  assert.equal(samples(before, 'dc_agent_generation'), ['dc_agent_generation 0'])
  assert.equal(samples(before, 'dc_agent_calls_total'), [])
  assert.match(before, /^# TYPE dc_agent_calls_total counter$/m)
  assert.match(before, /^# TYPE dc_agent_epoch gauge$/m)

  await agent.bootstrap(siteBootstrapValues(1, 'dual', 'subcloud1'), { epoch: 4n, controllerId: 'ctl-a' })
  activity.calls.record(V6, DESCRIBE)
  activity.calls.record(V6, DESCRIBE)
  activity.changeApplied()
  const closeWatch = activity.watchOpened()

  const after = await registry.metrics()
  assert.equal(samples(after, 'dc_agent_calls_total'), [
    `dc_agent_calls_total{method="${DESCRIBE}",local_address="${V6}"} 2`,
    `dc_agent_calls_total{method="${DESCRIBE}",local_address="${V4}"} 0`,
  ])
  assert.equal(samples(after, 'dc_agent_applied_changes_total'), ['dc_agent_applied_changes_total 1'])
  assert.equal(samples(after, 'dc_agent_epoch'), ['dc_agent_epoch 4'])
  assert.equal(samples(after, 'dc_agent_generation'), [
    `dc_agent_generation ${agent.snapshot().state?.generation}`,
  ])
  assert.equal(samples(after, 'dc_agent_watch_subscribers'), ['dc_agent_watch_subscribers 1'])
  assert.equal(samples(after, 'dc_agent_bootstrapped'), ['dc_agent_bootstrapped 1'])
  closeWatch()
  assert.equal(samples(await registry.metrics(), 'dc_agent_watch_subscribers'), [
    'dc_agent_watch_subscribers 0',
  ])
})

Metrics('registerAgentMetrics - agents sharing a registry are told apart by their labels', async () => {
  const registry = createMetricsRegistry({ prefix: 'dc_agent_' })
  const sites = await Promise.all(
    ['subcloud1', 'subcloud2'].map(async (name) => ({
      agent: await openAgent(),
      activity: new AgentActivity([V6]),
      labels: { subcloud: name },
    })),
  )
  sites[1]?.activity.calls.record(V6, DESCRIBE)
  registerAgentMetrics(registry, sites, ['subcloud'])
  const text = await registry.metrics()
  assert.equal(samples(text, 'dc_agent_calls_total'), [
    `dc_agent_calls_total{subcloud="subcloud2",method="${DESCRIBE}",local_address="${V6}"} 1`,
  ])
  assert.equal(samples(text, 'dc_agent_bootstrapped'), [
    'dc_agent_bootstrapped{subcloud="subcloud1"} 0',
    'dc_agent_bootstrapped{subcloud="subcloud2"} 0',
  ])
})

Counters.run()
Activity.run()
Metrics.run()
