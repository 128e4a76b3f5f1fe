import { flagHelp } from '@dc/runtime'
import { AGENT_FLAGS, USAGE } from './config.js'
import { SIMULATOR_FLAGS } from './simulator/simulator-config.js'

/** What `dc-agent --help` prints: the usage, then every flag of both modes from the tables that parse them. */
export function agentHelp(): string {
  return `${USAGE}\n\nflags of one agent:\n${flagHelp(AGENT_FLAGS)}\n\nflags of the simulator (--simulate):\n${flagHelp(SIMULATOR_FLAGS)}`
}
