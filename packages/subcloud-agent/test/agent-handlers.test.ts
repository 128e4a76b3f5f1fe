import { InvalidBootstrapValuesError } from '@dc/platform-service'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { parseValuesYaml } from '../src/adapters/agent-handlers.js'

const ParseValuesYaml = suite('parseValuesYaml')

function refusal(text: string): InvalidBootstrapValuesError {
  try {
    parseValuesYaml(text)
  } catch (err) {
    assert.instance(err, InvalidBootstrapValuesError)
    return err
  }
  throw new Error('accepted')
}

ParseValuesYaml(
  'parseValuesYaml - a password after a YAML indicator is named by key and line, never echoed',
  () => {
    for (const indicator of ['*', '|', '>', '!', '&', '%', '@', '`', '{', '[', "'", '"', ',']) {
      const err = refusal(`name: subcloud1\nsysadmin_password: ${indicator}Pw1-9zq\nsystem_mode: simplex\n`)
      const text = `${err.message} ${JSON.stringify(err.problems)}`
      assert.not.ok(text.includes('Pw1-9zq'), `${indicator}: ${text}`)
      assert.match(err.message, /sysadmin_password \(line \d+, column \d+\)/, indicator)
    }
  },
)

ParseValuesYaml('parseValuesYaml - anything but a mapping is refused as a whole', () => {
  assert.match(refusal('- a\n- b\n').message, /must be a YAML mapping/)
})

ParseValuesYaml.run()
