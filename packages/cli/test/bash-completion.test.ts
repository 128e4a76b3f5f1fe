import { execFileSync } from 'node:child_process'

import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { bashCompletion } from '../src/bash-completion.js'
import { PROGRAMS } from '../src/programs.js'

// Loads the script into bash, sets the words as the shell would, and returns the completions.
function complete(program: keyof typeof PROGRAMS, words: readonly string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ')
  const script = `${bashCompletion(PROGRAMS[program])}
COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}
_dc_complete_${program}
printf '%s\\n' "\${COMPREPLY[@]}"`
  return execFileSync('bash', ['-c', script], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '')
}

const BashCompletion = suite('bashCompletion')

BashCompletion('bashCompletion - completes command names from a prefix', () => {
  assert.equal(complete('system', ['system', 'network-addrpool-r']), ['network-addrpool-remove'])
  assert.ok(complete('system', ['system', '']).includes('addrpool-add'))
})

BashCompletion("bashCompletion - completes a command's options, also after positionals", () => {
  const options = complete('system', ['system', 'addrpool-add', 'oam-ipv4', '--f'])
  assert.equal(options, ['--floating-address', '--format'])
})

BashCompletion('bashCompletion - completes dcmanager subcommands, then their options', () => {
  assert.ok(complete('dcmanager', ['dcmanager', 'subcloud', '']).includes('manage'))
  assert.equal(complete('dcmanager', ['dcmanager', 'subcloud', 'add', '--bootstrap-v']), [
    '--bootstrap-values',
  ])
})

BashCompletion('bashCompletion - skips the values of global options when finding the command', () => {
  assert.equal(complete('fm', ['fm', '--url', '127.0.0.1:1', 'alarm-list', '--u']), ['--uuid', '--url'])
})

BashCompletion.run()
