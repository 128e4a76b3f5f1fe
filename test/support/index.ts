/**
 * Shared end-to-end test harness: real nats-server and PostgreSQL per test run, child processes
 * with captured output, multi-site networks in Linux network namespaces, and polling helpers.
 *
 * @example
 * import { startNatsServer, startPostgres, createSite, waitFor } from '../support/index.js'
 */
export { onProcessExit } from './exit-cleanup.js'
export { chromiumExecutable, launchChromium } from './chromium.js'
export type { ChromiumOptions, HeadlessChromium } from './chromium.js'
export { findExecutable } from './find-executable.js'
export { freePort } from './free-port.js'
export type { LoopbackHost } from './free-port.js'
export { hostPort } from './host-port.js'
export { installDebianPackage } from './install-debian-package.js'
export type { InstallDebianPackageOptions } from './install-debian-package.js'
export { startNatsServer } from './nats-server.js'
export type { NatsServer, StartNatsServerOptions } from './nats-server.js'
export { startNatsCluster } from './nats-cluster.js'
export type { NatsCluster, NatsClusterNode, StartNatsClusterOptions } from './nats-cluster.js'
export { createSite, destroyAll, execIn, netnsAvailable, spawnIn } from './netns.js'
export type { NetnsAvailability, Site, SiteOptions } from './netns.js'
export { startPostgres } from './postgres.js'
export type { PostgresServer, StartPostgresOptions } from './postgres.js'
export {
  builtNodeEntry,
  nodeEntryArgs,
  resolveNodeEntry,
  runChecked,
  runCommand,
  runNode,
  spawnNode,
  spawnService,
} from './processes.js'
export type {
  CommandOptions,
  CommandResult,
  ExitStatus,
  RunOptions,
  ServiceProcess,
  SpawnServiceOptions,
} from './processes.js'
export { repoRoot } from './repo-root.js'
export { seededRandom } from './seeded-random.js'
export type { SeededRandom } from './seeded-random.js'
export { createTestCa, writeCaBundle } from './site-pki.js'
export type { IssueOptions, IssuedFiles, TestCa } from './site-pki.js'
export { canConnect } from './tcp-probe.js'
export { makeTempDir, removeTempDir } from './temp-dir.js'
export { unary, waitFor } from '@dc/test-support'
export type { WaitForOptions } from '@dc/test-support'
