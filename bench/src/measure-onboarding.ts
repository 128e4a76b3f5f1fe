import { status } from '@grpc/grpc-js'
import type { ServiceError } from '@grpc/grpc-js'
import type { ManifestSubcloud } from '@dc/subcloud-agent'
import { unary } from '@dc/test/support/index.js'
import type { BenchController } from './bench-controller.js'
import { secondsTarget } from './bench-row.js'
import type { BenchRow } from './bench-row.js'
import type { ControllerDatabase } from './controller-database.js'
import { forEachBounded } from './for-each-bounded.js'
import { deployFailed, pollUntilDone } from './wait-for-fleet.js'

/** `subcloud add` calls in flight (the controller takes them one at a time anyway). */
const ADD_PARALLELISM = 16
const MANAGE_PARALLELISM = 16
/** 10,000 subclouds in 60 s. */
const TARGET_PER_SECOND = 10_000 / 60
/**
 * Unary round trips one onboarding needs at the least: subcloud add and manage from the operator,
 * Claim, Bootstrap and Describe from the controller to the agent.
 */
const RPCS_PER_ONBOARDING = 5
/**
 * Failures of a call, not of the operation: a busy controller answering too late, a connection
 * reset, a stream ended without a status. The call is tried again and the retry counted.
 */
const TRANSIENT: ReadonlySet<number> = new Set([
  status.DEADLINE_EXCEEDED,
  status.UNAVAILABLE,
  status.INTERNAL,
])
const ADD_ATTEMPTS = 3
/** A controller loaded with thousands of subclouds may queue a call for minutes; the run measures that. */
const CALL_TIMEOUT_MS = 300_000

export interface OnboardingProps {
  readonly controller: BenchController
  readonly database: ControllerDatabase
  readonly subclouds: readonly ManifestSubcloud[]
  /** Raw unary echo rate over the same kind of channels, calls per second. */
  readonly echoCallsPerSecond: number
  /** Give up (with how far it got) after this long. */
  readonly budgetMs: number
  readonly signal: AbortSignal
}

/** What onboarding measured, and the subclouds that made it (later phases use only those). */
export interface Onboarded {
  readonly rows: BenchRow[]
  readonly managed: readonly ManifestSubcloud[]
}

/**
 * Deploys that may fail before the run gives up: a few transient failures on a loaded machine are
 * a finding to report (the controller does not retry them), not a reason to lose the figures.
 */
const MAX_FAILED_SHARE = 0.05

/**
 * Scenario 1: add every subcloud (bootstrap values from the simulator's manifest, address its
 * primary one), let the controller bootstrap it, and manage each as soon as it is complete and
 * online. The clock runs from the first add to the last subcloud managed or failed.
 */
export async function measureOnboarding(props: OnboardingProps): Promise<Onboarded> {
  const { controller, database, subclouds, signal } = props
  const n = subclouds.length
  const names = new Set(subclouds.map((s) => s.name))
  const managing = new Set<string>()
  const retried: string[] = []
  const codeOf = (err: unknown): number => (err as Partial<ServiceError>).code ?? -1
  const describe = (rpc: string, name: string, err: unknown): string =>
    `${rpc} ${name}: ${err instanceof Error ? err.message : String(err)}`
  const start = performance.now()
  const adding = forEachBounded(
    subclouds,
    ADD_PARALLELISM,
    async (s) => {
      for (let attempt = 1; ; attempt++) {
        try {
          await unary(
            (o, cb) =>
              controller.dcManager.AddSubcloud(
                { bootstrap_address: s.primary, bootstrap_values_yaml: s.bootstrapValuesYaml },
                o,
                cb,
              ),
            CALL_TIMEOUT_MS,
          )
          return
        } catch (err) {
          // The first attempt may have landed after all.
          if (attempt > 1 && codeOf(err) === status.ALREADY_EXISTS) return
          if (!TRANSIENT.has(codeOf(err)) || attempt === ADD_ATTEMPTS) {
            throw new Error(describe('AddSubcloud', s.name, err), { cause: err })
          }
          retried.push(describe('AddSubcloud', s.name, err))
        }
      }
    },
    signal,
  )
  // Manage calls run in the background, a bounded number at once, so the poll keeps its pace
  // (and its deadline) however long the controller takes to answer them.
  const queue: string[] = []
  let inFlight = 0
  let manageError: unknown
  const manage = async (name: string): Promise<void> => {
    try {
      await unary(
        (o, cb) => controller.dcManager.ManageSubcloud({ subcloud: name, force: false }, o, cb),
        CALL_TIMEOUT_MS,
      )
    } catch (err) {
      // Offline again since the list was read, or the call failed on its way: the next poll tries
      // again (a manage that did land is simply not repeated).
      const code = codeOf(err)
      if (code !== status.FAILED_PRECONDITION && !TRANSIENT.has(code))
        manageError ??= new Error(describe('ManageSubcloud', name, err), { cause: err })
      else managing.delete(name)
      if (TRANSIENT.has(code)) retried.push(describe('ManageSubcloud', name, err))
    }
  }
  const pump = (): void => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      inFlight += 1
      void manage(name).finally(() => {
        inFlight -= 1
        pump()
      })
      if (inFlight >= MANAGE_PARALLELISM) return
    }
  }
  // The onboarding runs on a fresh controller, so its subclouds are the whole table.
  const managed = pollUntilDone(
    async () => {
      const progress = await database.onboardingProgress()
      if (progress.total > n) {
        throw new Error(`the controller holds ${progress.total} subclouds, the bench added ${n}`)
      }
      if (manageError !== undefined) throw manageError
      if (retried.length > n * MAX_FAILED_SHARE) {
        throw new Error(`${retried.length} calls failed and were retried; first: ${retried[0] ?? ''}`)
      }
      for (const name of progress.ready) {
        if (!names.has(name) || managing.has(name)) continue
        managing.add(name)
        queue.push(name)
      }
      if (inFlight < MANAGE_PARALLELISM) pump()
      return n - progress.managed - progress.failed.length
    },
    'every subcloud managed',
    n,
    { timeoutMs: Math.min(300_000 + n * 300, props.budgetMs), signal },
  )
  // When the last add was answered: what is left after it is the deploys and manage calls of the
  // last ones, so the note tells where the total goes.
  const addsSeconds = adding.then(() => (performance.now() - start) / 1000)
  await Promise.all([adding, managed])
  const seconds = (performance.now() - start) / 1000
  const stored = (await database.subclouds()).filter((s) => names.has(s.name))
  const failed = stored.filter(deployFailed)
  const label = n.toLocaleString('en-US')
  const failures: BenchRow = {
    figure: `onboarding ${label}: deploys failed`,
    value: failed.length,
    unit: 'subclouds',
    target: '0',
    met: failed.length === 0,
    ...(failed[0] === undefined
      ? {}
      : { note: `first: ${failed[0].name} ${failed[0].deploy_status}: ${failed[0].error_description}` }),
  }
  if (failed.length > n * MAX_FAILED_SHARE) {
    throw new Error(`${failed.length} of ${n} deploys failed; ${failures.note ?? ''}`)
  }
  const managedNames = new Set(stored.filter((s) => s.management_state === 'managed').map((s) => s.name))
  const done = n - failed.length
  const perSecond = done / seconds
  const rawPerSecond = props.echoCallsPerSecond / RPCS_PER_ONBOARDING
  const rows: BenchRow[] = [
    {
      figure: `onboarding ${label}: add + bootstrap + manage, total`,
      value: seconds,
      unit: 's',
      target: secondsTarget((n / 10_000) * 60, '10,000 in 60 s'),
      met: perSecond >= TARGET_PER_SECOND,
      note: `the last add was answered at ${(await addsSeconds).toFixed(1)} s`,
    },
    {
      figure: `onboarding ${label}: rate`,
      value: perSecond,
      unit: 'subclouds/s',
      target: `>= ${TARGET_PER_SECOND.toFixed(0)} /s`,
      rawLimit: rawPerSecond,
      ratio: perSecond / rawPerSecond,
      met: perSecond >= TARGET_PER_SECOND,
      note: `raw limit: unary echo rate / ${RPCS_PER_ONBOARDING} round trips per onboarding`,
    },
    failures,
    {
      figure: `onboarding ${label}: calls retried`,
      value: retried.length,
      unit: 'calls',
      target: null,
      ...(retried[0] === undefined ? {} : { note: `first: ${retried[0]}` }),
    },
  ]
  return { rows, managed: subclouds.filter((s) => managedNames.has(s.name)) }
}
