import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { checkSubcloudName } from '../src/subclouds/subcloud-name.js'

const test = suite('checkSubcloudName')

test('checkSubcloudName - accepts RFC 1123 labels', () => {
  for (const name of ['subcloud1', 'edge-42', 'A', 'x'.repeat(63)])
    assert.equal(checkSubcloudName(name), [], name)
})

test('checkSubcloudName - refuses all digits, reserved names and non-labels', () => {
  assert.match(checkSubcloudName('123').join(), /all digits/)
  assert.match(checkSubcloudName('SystemController').join(), /reserved/)
  assert.match(checkSubcloudName('regionone').join(), /reserved/)
  for (const name of ['-edge', 'edge-', 'a.b', 'sub cloud', 'x'.repeat(64), 'é']) {
    assert.match(checkSubcloudName(name).join(), /RFC 1123/, name)
  }
  assert.equal(checkSubcloudName(''), ['name must not be empty'])
})

test.run()
