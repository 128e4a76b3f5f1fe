import type { CliContext } from './cli-context.js'
import type { ProgramName, ProgramSpec } from './command-spec.js'
import { ADDRESS_POOL_COMMANDS } from './commands/address-pool-commands.js'
import { ALARM_COMMANDS } from './commands/alarm-commands.js'
import { DCMANAGER_FAULT_COMMANDS, FM_FAULT_COMMANDS } from './commands/fault-commands.js'
import { HOST_COMMANDS } from './commands/host-commands.js'
import { NETWORK_COMMANDS } from './commands/network-commands.js'
import { NETWORK_STRATEGY_COMMANDS } from './commands/network-strategy-commands.js'
import { PEER_GROUP_ASSOCIATION_COMMANDS } from './commands/peer-group-association-commands.js'
import { SUBCLOUD_COMMANDS } from './commands/subcloud-commands.js'
import { SUBCLOUD_DEPLOY_COMMANDS } from './commands/subcloud-deploy-commands.js'
import { SUBCLOUD_GROUP_COMMANDS } from './commands/subcloud-group-commands.js'
import { STRATEGY_STEP_COMMANDS } from './commands/strategy-step-commands.js'
import { SUBCLOUD_PEER_GROUP_COMMANDS } from './commands/subcloud-peer-group-commands.js'
import { SYSTEM_PEER_COMMANDS } from './commands/system-peer-commands.js'

/** The three programs and their commands. */
export const PROGRAMS: Readonly<Record<ProgramName, ProgramSpec<CliContext>>> = {
  system: {
    name: 'system',
    summary: 'Platform configuration of one site: networks, address pools, hosts (dc.platform.v1.Platform).',
    showHeader: 'Property',
    commands: [...ADDRESS_POOL_COMMANDS, ...NETWORK_COMMANDS, ...HOST_COMMANDS],
  },
  fm: {
    name: 'fm',
    summary:
      'Fault management: the active alarms of one site (dc.platform.v1.Platform) and the fault history (dc.manager.v1.DcManager).',
    showHeader: 'Property',
    commands: [...ALARM_COMMANDS, ...FM_FAULT_COMMANDS],
  },
  dcmanager: {
    name: 'dcmanager',
    summary: 'Distributed cloud management on the system controller (dc.manager.v1.DcManager).',
    showHeader: 'Field',
    commands: [
      ...SUBCLOUD_COMMANDS,
      ...SUBCLOUD_DEPLOY_COMMANDS,
      ...SUBCLOUD_GROUP_COMMANDS,
      ...SYSTEM_PEER_COMMANDS,
      ...SUBCLOUD_PEER_GROUP_COMMANDS,
      ...PEER_GROUP_ASSOCIATION_COMMANDS,
      ...NETWORK_STRATEGY_COMMANDS,
      ...STRATEGY_STEP_COMMANDS,
      ...DCMANAGER_FAULT_COMMANDS,
    ],
  },
}
