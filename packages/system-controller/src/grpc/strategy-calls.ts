import { commandLine } from '@dc/netmodel'
import { given } from '@dc/platform-service'
import type {
  CreateNetworkStrategyRequest__Output,
  DcManagerHandlers,
  NetworkStrategy as NetworkStrategyMessage,
  StrategyStep as StrategyStepMessage,
} from '@dc/protos'
import { InvalidFieldError } from '../errors.js'
import type {
  CreateStrategyInput,
  NetworkStrategyService,
  StrategyView,
} from '../strategies/network-strategy-service.js'
import type { StrategyStep, SubcloudApplyType } from '../strategies/network-strategy.js'
import { STEP_STATES } from '../strategies/step-states.js'
import type { UnaryCalls } from './controller-unary.js'
import { choice, integerIn, reference } from './field-validators.js'

/** The network strategy RPCs of `dc.manager.v1.DcManager`. */
export type StrategyRpc =
  | 'CreateNetworkStrategy'
  | 'GetNetworkStrategy'
  | 'ApplyNetworkStrategy'
  | 'AbortNetworkStrategy'
  | 'DeleteNetworkStrategy'
  | 'ListStrategySteps'
  | 'GetStrategyStep'

const APPLY_TYPES: readonly SubcloudApplyType[] = ['parallel', 'serial']
/** dcmanager's bound on `--max-parallel-subclouds` for orchestration. */
const MAX_PARALLEL = 5000
/** A plan file is a few lines per network and per subcloud value; 4 MiB is the message bound anyway. */
const MAX_PLAN_BYTES = 1024 * 1024

/** `network-strategy create`'s fields checked for form and combination. */
export function createStrategyInput(r: CreateNetworkStrategyRequest__Output): CreateStrategyInput {
  if (r.plan_yaml.trim() === '') throw new InvalidFieldError('plan_yaml', 'must not be empty')
  if (Buffer.byteLength(r.plan_yaml) > MAX_PLAN_BYTES) {
    throw new InvalidFieldError('plan_yaml', `must be at most ${MAX_PLAN_BYTES} bytes`)
  }
  if (r.group !== undefined && r.subcloud !== undefined) {
    throw new InvalidFieldError('group', 'cannot be combined with a subcloud')
  }
  if (r.group !== undefined && r.subcloud_apply_type !== undefined) {
    throw new InvalidFieldError('subcloud_apply_type', 'cannot be combined with --group, which has its own')
  }
  if (r.group !== undefined && r.max_parallel_subclouds !== undefined) {
    throw new InvalidFieldError(
      'max_parallel_subclouds',
      'cannot be combined with --group, which has its own',
    )
  }
  return {
    planYaml: r.plan_yaml,
    target:
      r.group !== undefined
        ? { kind: 'group', ref: reference('group', r.group) }
        : r.subcloud !== undefined
          ? { kind: 'subcloud', ref: reference('subcloud', r.subcloud) }
          : { kind: 'fleet' },
    ...given('applyType', r.subcloud_apply_type, (v) => choice('subcloud_apply_type', v, APPLY_TYPES)),
    ...given('maxParallel', r.max_parallel_subclouds, (v) =>
      integerIn('max_parallel_subclouds', v, { min: 1, max: MAX_PARALLEL }),
    ),
    stopOnFailure: r.stop_on_failure,
  }
}

function time(value: Date | null): string {
  return value === null ? '' : value.toISOString()
}

/** The strategy as `network-strategy show` prints it, step counts in the order steps go. */
export function strategyMessage(view: StrategyView): NetworkStrategyMessage {
  const { strategy, counts } = view
  const count = (state: string): number => counts.find((c) => c.state === state)?.count ?? 0
  const all = counts.reduce((sum, c) => sum + c.count, 0)
  return {
    uuid: strategy.uuid,
    type: 'network',
    state: strategy.state,
    subcloud_apply_type: strategy.applyType,
    max_parallel_subclouds: strategy.maxParallel,
    stop_on_failure: strategy.stopOnFailure,
    plan_kind: strategy.planKind,
    group: strategy.groupName ?? '',
    subcloud: strategy.subcloudName ?? '',
    step_counts: STEP_STATES.filter((s) => count(s) > 0).map((state) => ({ state, count: count(state) })),
    refused_steps: count('refused'),
    skipped_subclouds: count('skipped'),
    created_at: time(strategy.createdAt),
    updated_at: time(strategy.updatedAt),
    details: strategy.details,
    total_steps: all - count('skipped'),
  }
}

/** dcmanager's stages: 1 create (not yet started), 2 apply (in flight), 3 complete (ended). */
function stageOf(step: StrategyStep): number {
  if (step.state === 'initial' || step.state === 'refused' || step.state === 'skipped') return 1
  if (step.state === 'complete' || step.state === 'failed' || step.state === 'aborted') return 3
  return 2
}

/** One step as `strategy-step list|show` prints it: commands as `system` command lines. */
export function stepMessage(step: StrategyStep): StrategyStepMessage {
  return {
    cloud: step.subcloudName,
    stage: stageOf(step),
    state: step.state,
    details: step.details,
    started_at: time(step.startedAt),
    finished_at: time(step.finishedAt),
    created_at: time(step.createdAt),
    updated_at: time(step.updatedAt),
    commands: step.commands.map(commandLine),
    host_actions: step.hostActions.map(commandLine),
    base_generation: String(step.baseGeneration),
  }
}

/** The network strategy RPCs as plain calls over the {@link NetworkStrategyService}. */
export function strategyCalls(
  strategies: NetworkStrategyService,
): UnaryCalls<Pick<DcManagerHandlers, StrategyRpc>> {
  return {
    CreateNetworkStrategy: async (req, signal) =>
      strategyMessage(await strategies.create(createStrategyInput(req), signal)),
    GetNetworkStrategy: async () => strategyMessage(await strategies.get()),
    ApplyNetworkStrategy: async () => strategyMessage(await strategies.apply()),
    AbortNetworkStrategy: async () => strategyMessage(await strategies.abort()),
    DeleteNetworkStrategy: async () => strategyMessage(await strategies.delete()),
    ListStrategySteps: async (req) => ({
      steps: (await strategies.steps(req.include_skipped)).map(stepMessage),
    }),
    GetStrategyStep: async (req) => stepMessage(await strategies.step(reference('cloud', req.cloud))),
  }
}
