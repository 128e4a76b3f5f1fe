/**
 * The subcloud agent (`dc-agent`): one site's platform state, served over gRPC to its system
 * controller (`dc.agent.v1.Agent`) and to local administration (`dc.platform.v1.Platform`).
 *
 * @example
 * const log = createLogger({ name: 'dc-agent' })
 * const agent = await Agent.open({ store: new FileStateStore(dir), kubernetes: new KubernetesFileWriter(dir), log })
 * const server = new AgentServer({ agent, listen: parseListenList('[::1]:50051'), heartbeatIntervalMs: 1000, log })
 * await server.start()
 * registerAgentMetrics(registry, [{ agent, activity: server.activity }])
 */
export { Agent } from './agent.js'
export type { AgentProps, AgentSnapshot, ChangeOutcome, ControllerChange, KubernetesSink } from './agent.js'
export {
  AGENT_SERVER_OPTIONS,
  AgentServer,
  MAX_RECEIVE_MESSAGE_BYTES,
  agentServiceHandlers,
} from './adapters/agent-server.js'
export type { AgentServerProps } from './adapters/agent-server.js'
export { agentPlatformPolicy, agentServicePolicy } from './adapters/agent-access.js'
export { AgentActivity } from './adapters/agent-activity.js'
export { registerAgentMetrics } from './adapters/agent-metrics.js'
export type { MeteredAgent } from './adapters/agent-metrics.js'
export { CallCounters } from './adapters/call-counters.js'
export type { MethodCalls } from './adapters/call-counters.js'
export { FileStateStore, STATE_FILE_NAME } from './adapters/file-state-store.js'
export { KubernetesFileWriter } from './adapters/kubernetes-file-writer.js'
export type { RenderedFile } from './adapters/kubernetes-file-writer.js'
export { writeFileAtomic } from './adapters/atomic-file.js'
export { pumpWatch } from './adapters/watch-pump.js'
export type { WatchPumpProps, WatchSink } from './adapters/watch-pump.js'
export {
  AGENT_FLAGS,
  ConfigError,
  DEFAULT_HEARTBEAT_INTERVAL_MS,
  MAX_HEARTBEAT_INTERVAL_MS,
  MIN_HEARTBEAT_INTERVAL_MS,
  parseAgentConfig,
  parseListenList,
} from './config.js'
export type { AgentConfig } from './config.js'
export { Simulator, SITE_METADATA_KEY } from './simulator/simulator.js'
export type { SimulatorProps } from './simulator/simulator.js'
export { SimulatedSite } from './simulator/simulated-site.js'
export type { SiteLifecycle } from './simulator/simulated-site.js'
export { SiteFaults } from './simulator/site-faults.js'
export { MemoryStateStore } from './simulator/memory-state-store.js'
export { parseMix, planSites, spreadKinds } from './simulator/site-plan.js'
export type { SiteMix, SitePlanOptions, SiteSpec } from './simulator/site-plan.js'
export {
  MAX_SITES,
  SIMULATED_CONTROLLER_VALUES,
  siteBootstrapValues,
  valuesYaml,
} from './simulator/site-values.js'
export type { FlatValues, SiteKind } from './simulator/site-values.js'
export { buildManifest, parseManifest } from './simulator/simulator-manifest.js'
export type { ManifestSubcloud, SimulatorManifest } from './simulator/simulator-manifest.js'
export { CONTROL_COMMANDS, runControlLine, startControlServer } from './simulator/control-protocol.js'
export type { ControlServer } from './simulator/control-protocol.js'
export { fence } from './fencing.js'
export type { Ownership } from './fencing.js'
export {
  APPLIED_CHANGE_WINDOW,
  StateDocumentError,
  emptyDocument,
  validateDocument,
} from './state-document.js'
export type { AgentStateDocument, AppliedChange, RestartCounts, StateStore } from './state-document.js'
