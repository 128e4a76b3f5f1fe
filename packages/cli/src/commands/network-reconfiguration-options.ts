import type { CommandArgs, OptionSpec } from '../command-spec.js'

type ManagementField =
  'management_subnet' | 'management_start_ip' | 'management_end_ip' | 'management_gateway_ip'

const VALUES_HELP = 'comma-separated, primary first, as at bootstrap'

/** The `subcloud update` options of a network reconfiguration (all four management values or none). */
export const NETWORK_RECONFIGURATION_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'management-subnet',
    kind: 'string',
    metavar: '<subnet>',
    help: `Network reconfiguration: new management (admin) subnet(s), ${VALUES_HELP}`,
  },
  {
    name: 'management-start-ip',
    kind: 'string',
    metavar: '<address>',
    help: `Network reconfiguration: start of the new management range(s), ${VALUES_HELP}`,
  },
  {
    name: 'management-end-ip',
    kind: 'string',
    metavar: '<address>',
    help: `Network reconfiguration: end of the new management range(s), ${VALUES_HELP}`,
  },
  {
    name: 'management-gateway-ip',
    kind: 'string',
    metavar: '<address>',
    help: `Network reconfiguration: new management gateway(s), ${VALUES_HELP}`,
  },
  {
    name: 'sysadmin-password',
    kind: 'string',
    metavar: '<password>',
    help: 'Accepted so StarlingX scripts run unchanged; the agent needs no password, so it is not sent',
  },
]

/** The management values given on the command line, as the request carries them. */
export function networkReconfigurationFields(args: CommandArgs): {
  readonly [K in ManagementField]: string | undefined
} {
  return {
    management_subnet: args.string('management-subnet'),
    management_start_ip: args.string('management-start-ip'),
    management_end_ip: args.string('management-end-ip'),
    management_gateway_ip: args.string('management-gateway-ip'),
  }
}
