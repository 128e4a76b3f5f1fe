import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { InsecureBindingError } from '@dc/tls'
import { MetricsFlagError, metricsConfigOf } from '../src/index.js'

const PLAINTEXT = { tls: false }

const Config = suite('metricsConfigOf')

Config('metricsConfigOf - absent flag: no endpoint', () => {
  assert.is(metricsConfigOf({}, PLAINTEXT), undefined)
})

Config('metricsConfigOf - reads an IPv4 or bracketed IPv6 address and port', () => {
  assert.equal(metricsConfigOf({ 'metrics-listen': '127.0.0.1:9100' }, PLAINTEXT), {
    listen: { host: '127.0.0.1', port: 9100 },
    insecure: false,
  })
  assert.equal(metricsConfigOf({ 'metrics-listen': '[0:0::1]:9100' }, PLAINTEXT), {
    listen: { host: '::1', port: 9100 },
    insecure: false,
  })
})

Config('metricsConfigOf - a malformed value names the flag and the rule', () => {
  for (const value of ['9100', '::1:9100', 'localhost:9100', '127.0.0.1:0', '127.0.0.1:70000', '']) {
    assert.throws(
      () => metricsConfigOf({ 'metrics-listen': value }, PLAINTEXT),
      (err: unknown) => err instanceof MetricsFlagError && err.message.startsWith('--metrics-listen'),
      value,
    )
  }
})

Config('metricsConfigOf - plain HTTP beyond loopback needs --insecure, TLS does not', () => {
  assert.throws(
    () => metricsConfigOf({ 'metrics-listen': '10.20.2.2:9100' }, PLAINTEXT),
    (err: unknown) =>
      err instanceof InsecureBindingError &&
      /^refusing to serve plaintext metrics on non-loopback address 10\.20\.2\.2:9100: .*--insecure/.test(
        err.message,
      ),
  )
  const insecure = metricsConfigOf({ 'metrics-listen': '10.20.2.2:9100', insecure: true }, PLAINTEXT)
  assert.equal(insecure, { listen: { host: '10.20.2.2', port: 9100 }, insecure: true })
  assert.is(metricsConfigOf({ 'metrics-listen': '[fd00::2]:9100' }, { tls: true })?.listen.host, 'fd00::2')
})

Config.run()
