import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { REDACTED, isSecretKey, redactSecrets, scrubSecretText } from '../src/index.js'

const Keys = suite('isSecretKey')

const SECRET = [
  'admin_password',
  'ansible_become_pass',
  'ansible_ssh_pass',
  'sysadmin_password',
  'bmc_password',
].concat(['password', 'passwd', 'natsCreds', 'nkey-seed', 'privateKey', 'private_key', 'client_secret'])
const PLAIN = ['bypass', 'compass', 'passive', 'secretary', 'subclouds', 'tlsKey', 'peer_uuid', 'name']

Keys('isSecretKey - names StarlingX secret keys and common credential words', () => {
  for (const key of SECRET) assert.ok(isSecretKey(key), key)
})

Keys('isSecretKey - ordinary keys that merely contain those letters are not secrets', () => {
  for (const key of PLAIN) assert.not.ok(isSecretKey(key), key)
})

const Scrub = suite('scrubSecretText')

Scrub('scrubSecretText - YAML, JSON and flag forms lose their values', () => {
  assert.is(scrubSecretText('admin_password: *Pw1 rest'), `admin_password: ${REDACTED} rest`)
  assert.is(scrubSecretText('{"bmc_password":"a\\"b","name":"x"}'), `{"bmc_password":${REDACTED},"name":"x"}`)
  assert.is(scrubSecretText('--password=abc, next'), `--password=${REDACTED}, next`)
  assert.is(scrubSecretText("sysadmin_password: 'quoted value'"), `sysadmin_password: ${REDACTED}`)
})

Scrub('scrubSecretText - a secret key after another pair is still found', () => {
  assert.is(
    scrubSecretText('not valid YAML: admin_password: |Pw9'),
    `not valid YAML: admin_password: ${REDACTED}`,
  )
})

Scrub('scrubSecretText - text without secret keys is unchanged', () => {
  const text = 'subcloud subcloud1: online (audit fail count 0), name: x'
  assert.is(scrubSecretText(text), text)
})

Scrub('scrubSecretText - a key that begins with digits or dashes is still a key', () => {
  assert.is(scrubSecretText('2fa_token: 123456 rest'), `2fa_token: ${REDACTED} rest`)
  assert.is(scrubSecretText('--bmc-password=x rest'), `--bmc-password=${REDACTED} rest`)
})

Scrub('scrubSecretText - long runs of word characters take time in proportion to their length', () => {
  // 200,000 characters each: tried from every letter and shortened letter by letter, the first
  // took about 2 minutes; now a few ms. The bound leaves room for any machine under any load.
  for (const text of [
    'x'.repeat(200_000),
    'a-'.repeat(100_000),
    `${'y'.repeat(100_000)} ${' '.repeat(100_000)}`,
  ]) {
    const started = performance.now()
    assert.is(scrubSecretText(text), text)
    assert.ok(performance.now() - started < 2_000, `${text.length} characters in under 2 s`)
  }
  const blob = 'z'.repeat(100_000)
  assert.is(scrubSecretText(`${blob} token=abc`), `${blob} token=${REDACTED}`)
})

const Redact = suite('redactSecrets')

Redact('redactSecrets - replaces values under secret keys at any depth, keeps the rest', () => {
  const out = redactSecrets({ a: [{ admin_password: 'x' }], name: 'n', empty: { password: '' } })
  assert.equal(out, { a: [{ admin_password: REDACTED }], name: 'n', empty: { password: '' } })
})

Redact('redactSecrets - errors become plain objects with scrubbed message and cause', () => {
  const err = new Error('outer password=abc', { cause: new Error('inner token: t0k') })
  const out = redactSecrets(err) as { message: string; cause: { message: string } }
  assert.is(out.message, `outer password=${REDACTED}`)
  assert.is(out.cause.message, `inner token: ${REDACTED}`)
})

Redact('redactSecrets - bounds depth and does not walk byte arrays', () => {
  let deep: Record<string, unknown> = { v: 1 }
  for (let i = 0; i < 20; i++) deep = { d: deep }
  assert.ok(JSON.stringify(redactSecrets(deep)).includes('[too deep]'))
  assert.is(redactSecrets(new Uint8Array(4)), '[4 bytes]')
})

Keys.run()
Scrub.run()
Redact.run()
