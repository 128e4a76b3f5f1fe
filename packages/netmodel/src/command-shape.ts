import type { Command, CommandKind } from './command.js'
import { InvalidCommandError } from './command-errors.js'
import { textProblem } from './text-problem.js'

/** What a field must hold; a trailing `?` allows it to be absent (or `undefined`). */
type FieldRule =
  'string' | 'string?' | 'int' | 'int?' | 'boolean' | 'boolean?' | 'address?' | 'ranges?' | 'changes'

const ADDRESS_FIELDS = {
  floatingAddress: 'address?',
  controller0Address: 'address?',
  controller1Address: 'address?',
  gatewayAddress: 'address?',
} as const satisfies Record<string, FieldRule>

const CHANGE_FIELDS: Readonly<Record<string, FieldRule>> = {
  name: 'string?',
  network: 'string?',
  prefix: 'int?',
  order: 'string?',
  ranges: 'ranges?',
  ...ADDRESS_FIELDS,
}

const SHAPES = {
  'addrpool-add': {
    uuid: 'string?',
    name: 'string',
    network: 'string',
    prefix: 'int',
    order: 'string?',
    ranges: 'ranges?',
    ...ADDRESS_FIELDS,
  },
  'addrpool-modify': { pool: 'string', changes: 'changes' },
  'addrpool-delete': { pool: 'string' },
  // `pool` may be missing here: sysinv answers that with its own "has to be specified" error.
  'network-add': { uuid: 'string?', name: 'string', type: 'string', dynamic: 'boolean', pool: 'string?' },
  'network-delete': { network: 'string' },
  'network-addrpool-assign': { uuid: 'string?', network: 'string', pool: 'string' },
  'network-addrpool-remove': { assignment: 'string' },
  'host-lock': { host: 'string', force: 'boolean?' },
  'host-unlock': { host: 'string' },
  'host-swact': { host: 'string' },
} as const satisfies Record<CommandKind, Record<string, FieldRule>>

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function fits(rule: FieldRule, value: unknown): boolean {
  if (value === undefined) return rule.endsWith('?')
  switch (rule) {
    case 'string':
    case 'string?':
      return typeof value === 'string'
    case 'int':
    case 'int?':
      return typeof value === 'number' && Number.isSafeInteger(value)
    case 'boolean':
    case 'boolean?':
      return typeof value === 'boolean'
    case 'address?':
      return typeof value === 'string' || value === null
    case 'ranges?':
      return (
        Array.isArray(value) &&
        value.every((r) => Array.isArray(r) && r.length === 2 && r.every((a) => typeof a === 'string'))
      )
    case 'changes':
      return isRecord(value)
  }
}

function checkFields(
  where: string,
  record: Record<string, unknown>,
  shape: Readonly<Record<string, FieldRule>>,
): void {
  for (const key of Object.keys(record)) {
    if (key !== 'kind' && !(key in shape)) {
      throw new InvalidCommandError(`Unknown attribute for argument ${where}: ${key}`, key)
    }
  }
  for (const [key, rule] of Object.entries(shape)) {
    const value = record[key]
    if (!fits(rule, value)) {
      throw new InvalidCommandError(
        value === undefined ? `Missing field ${key} for ${where}` : `Invalid value for ${where} field ${key}`,
        key,
      )
    }
    // Names and addresses end up in tables, alarms and logs: the text rule holds for every one.
    const texts =
      typeof value === 'string' ? [value] : rule === 'ranges?' && Array.isArray(value) ? value.flat() : []
    const problem = texts.map((t) => textProblem(String(t))).find((p) => p !== undefined)
    if (problem !== undefined) {
      throw new InvalidCommandError(`Invalid value for ${where} field ${key}: ${problem.reason}`, key)
    }
    if (rule === 'changes' && isRecord(value)) checkFields(`${where} changes`, value, CHANGE_FIELDS)
  }
}

/**
 * Checks that untyped input (JSON from a wire or a file) has the shape of a {@link Command}, so
 * that the rules never meet a missing or mistyped field. Values are checked by the rules.
 */
export function validateCommand(input: unknown): Command {
  if (!isRecord(input)) throw new InvalidCommandError('A command must be an object', 'kind')
  const kind = input['kind']
  if (typeof kind !== 'string' || !Object.hasOwn(SHAPES, kind)) {
    throw new InvalidCommandError(`Unknown command kind: ${String(kind)}`, 'kind')
  }
  checkFields(kind, input, SHAPES[kind as CommandKind])
  return input as Command
}
