import { createHash, randomUUID } from 'node:crypto'
import {
  applyAll,
  canonicalJson,
  configHash,
  initialState,
  parseBootstrapValues,
  readYamlMapping,
  redactBootstrapValues,
} from '@dc/netmodel'
import type { Command, SystemState } from '@dc/netmodel'
import type { ApplyResult, PlatformPort } from '@dc/platform-service'
import { InvalidOwnBootstrapValuesError, OwnSystemMismatchError } from './errors.js'
import type { Violation } from './errors.js'
import type { SystemStore } from './ports/system-store.js'

/** The first fencing epoch this controller claims subclouds with. */
const INITIAL_EPOCH = 1

/** What is persisted about the values the system was bootstrapped with. */
interface StoredBootstrap {
  /** Redacted values, for display. */
  readonly values: Record<string, unknown>
  /** Per key, a salted digest of its exact value, so a changed secret is detected without storing it. */
  readonly keyDigests: Record<string, string>
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

function keyDigests(raw: Readonly<Record<string, unknown>>, salt: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, sha256(`${salt}\u0000${k}\u0000${canonicalJson(v)}`)]),
  )
}

/** Parse and validate the controller's own bootstrap values; throws with every problem at once. */
export function parseOwnBootstrapValues(text: string): Record<string, unknown> {
  const doc = readYamlMapping(text)
  if (!doc.ok) {
    throw new InvalidOwnBootstrapValuesError([
      doc.reason === 'syntax'
        ? {
            key: 'bootstrap_values',
            code: 'NOT_YAML',
            message: `not valid YAML: ${doc.message}`,
            kind: 'invalid',
          }
        : { key: 'bootstrap_values', code: 'NOT_MAPPING', message: doc.message, kind: 'invalid' },
    ])
  }
  const raw = doc.value
  const problems: Violation[] = []
  if (raw.distributed_cloud_role !== 'systemcontroller') {
    problems.push({
      key: 'distributed_cloud_role',
      code: 'NOT_SYSTEM_CONTROLLER',
      message: `must be systemcontroller for dc-controller, got ${JSON.stringify(raw.distributed_cloud_role ?? null)}`,
      kind: 'invalid',
    })
  }
  const parsed = parseBootstrapValues(raw)
  if (!parsed.ok) {
    for (const e of parsed.errors)
      problems.push({ key: e.key, code: e.code, message: e.message, kind: 'invalid' })
  }
  if (problems.length > 0) throw new InvalidOwnBootstrapValuesError(problems)
  return raw
}

/**
 * The controller's own system (region `SystemController`): created from the bootstrap values on
 * first start and persisted in the store; served through the shared Platform service as a
 * {@link PlatformPort}. Mutations are serialized in-process: this process is the only writer.
 */
export class OwnSystem implements PlatformPort {
  readonly #store: SystemStore
  #state: SystemState
  readonly epoch: number
  #queue: Promise<unknown> = Promise.resolve()

  private constructor(store: SystemStore, state: SystemState, epoch: number) {
    this.#store = store
    this.#state = state
    this.epoch = epoch
  }

  /**
   * Load the system from the store, or create it from `raw` on first start. A later start with
   * values that differ in any key is refused with {@link OwnSystemMismatchError} naming the keys.
   */
  static async open(store: SystemStore, raw: Readonly<Record<string, unknown>>): Promise<OwnSystem> {
    const row = await store.get()
    if (row !== undefined) {
      const stored = JSON.parse(row.bootstrapJson) as StoredBootstrap
      const now = keyDigests(raw, row.uuid)
      const keys = [...new Set([...Object.keys(stored.keyDigests), ...Object.keys(now)])]
        .filter((k) => stored.keyDigests[k] !== now[k])
        .sort()
      if (keys.length > 0) throw new OwnSystemMismatchError(keys)
      return new OwnSystem(store, JSON.parse(row.stateJson) as SystemState, row.epoch)
    }
    const parsed = parseBootstrapValues(raw)
    if (!parsed.ok) {
      throw new InvalidOwnBootstrapValuesError(
        parsed.errors.map((e) => ({
          key: e.key,
          code: e.code,
          message: e.message,
          kind: 'invalid' as const,
        })),
      )
    }
    const uuid = randomUUID()
    const state = initialState(parsed.values, { uuid })
    const stored: StoredBootstrap = { values: redactBootstrapValues(raw), keyDigests: keyDigests(raw, uuid) }
    await store.create({
      uuid,
      name: state.name,
      stateJson: JSON.stringify(state),
      bootstrapHash: sha256(canonicalJson(stored.keyDigests)),
      bootstrapJson: JSON.stringify(stored),
      epoch: INITIAL_EPOCH,
    })
    return new OwnSystem(store, state, INITIAL_EPOCH)
  }

  /** The system uuid; also this controller's id towards agents. */
  get uuid(): string {
    return this.#state.uuid
  }

  get current(): SystemState {
    return this.#state
  }

  get configHash(): string {
    return configHash(this.#state)
  }

  state(signal: AbortSignal): Promise<SystemState> {
    signal.throwIfAborted()
    return Promise.resolve(this.#state)
  }

  apply(commands: readonly Command[], signal: AbortSignal): Promise<ApplyResult> {
    const run = this.#queue.then(async (): Promise<ApplyResult> => {
      signal.throwIfAborted()
      const previous = this.#state
      const result = applyAll(previous, commands)
      if (!result.ok) throw result.error
      await this.#store.saveState(JSON.stringify(result.state))
      this.#state = result.state
      return { previous, state: result.state, effects: result.effects }
    })
    this.#queue = run.catch(() => undefined)
    return run
  }
}
