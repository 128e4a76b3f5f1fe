import type { UpdateSubcloudRequest__Output } from '@dc/protos'
import { DEFAULT_AGENT_PORT } from '../config.js'
import { InvalidFieldError } from '../errors.js'
import { MANAGEMENT_FLAGS } from '../subclouds/network-reconfiguration-values.js'
import type { ManagementValues } from '../subclouds/network-reconfiguration-values.js'
import type { NetworkReconfigurationInput } from '../subclouds/network-reconfiguration.js'
import { agentAddress, freeText, reference } from './field-validators.js'

/** The CLI flag of a request field, as an operator typed it: `management_end_ip` is `--management-end-ip`. */
function flagOf(field: string): string {
  return `--${field.replaceAll('_', '-')}`
}

/** Fields of `subcloud update` that a network reconfiguration does not take in the same request. */
const OTHER_FIELDS = [
  'name',
  'description',
  'location',
  'group',
  'bootstrap_values_yaml',
  'peer_group',
] as const

const ALL_FLAGS = Object.values(MANAGEMENT_FLAGS).map(flagOf).join(', ')

/** One management value: printable, one item per family (at most two), none empty. */
function managementValue(field: string, text: string): string {
  const items = freeText(field, text)
    .split(',')
    .map((item) => item.trim())
  if (items.some((item) => item.length === 0)) {
    throw new InvalidFieldError(
      field,
      `${flagOf(field)} has an empty item; give one value per family, primary first`,
    )
  }
  if (items.length > 2) {
    throw new InvalidFieldError(
      field,
      `${flagOf(field)} has ${items.length} values; at most two, primary first`,
    )
  }
  return items.join(',')
}

/**
 * The network reconfiguration a `subcloud update` request asks for; undefined when it gives none of
 * the management values. The four come together (dcmanager's rule), and not with the fields of an
 * ordinary update; each refusal names its flag.
 */
export function networkReconfigurationInput(
  request: UpdateSubcloudRequest__Output,
): NetworkReconfigurationInput | undefined {
  const given: Partial<Record<keyof ManagementValues, string>> = {
    ...(request.management_subnet === undefined ? {} : { subnet: request.management_subnet }),
    ...(request.management_start_ip === undefined ? {} : { startIp: request.management_start_ip }),
    ...(request.management_end_ip === undefined ? {} : { endIp: request.management_end_ip }),
    ...(request.management_gateway_ip === undefined ? {} : { gatewayIp: request.management_gateway_ip }),
  }
  const keys = Object.keys(MANAGEMENT_FLAGS) as (keyof ManagementValues)[]
  if (keys.every((k) => given[k] === undefined)) return undefined
  const missing = keys.filter((k) => given[k] === undefined).map((k) => MANAGEMENT_FLAGS[k])
  const [first] = missing
  if (first !== undefined) {
    throw new InvalidFieldError(
      first,
      `${missing.map(flagOf).join(', ')} missing: a network reconfiguration needs all of ${ALL_FLAGS}`,
    )
  }
  const other = OTHER_FIELDS.find((f) => request[f] !== undefined)
  if (other !== undefined) {
    const flag = other === 'bootstrap_values_yaml' ? '--bootstrap-values' : flagOf(other)
    throw new InvalidFieldError(
      MANAGEMENT_FLAGS.subnet,
      `a network reconfiguration cannot be combined with ${flag}; update it separately`,
    )
  }
  const values = Object.fromEntries(
    keys.map((k) => [k, managementValue(MANAGEMENT_FLAGS[k], given[k] ?? '')]),
  ) as unknown as ManagementValues
  return {
    subcloud: reference('subcloud', request.subcloud),
    values,
    ...(request.bootstrap_address === undefined
      ? {}
      : {
          bootstrapAddress: agentAddress('bootstrap_address', request.bootstrap_address, DEFAULT_AGENT_PORT),
        }),
  }
}
