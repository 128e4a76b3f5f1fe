import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { flagHelp } from '@dc/runtime'
import {
  CONTROLLER_FLAGS,
  DEFAULT_AUDIT_INTERVAL_MS,
  DEFAULT_LISTEN,
  DEFAULT_OFFLINE_AFTER_MISSES,
  controllerHelp,
  parseControllerArgs,
  parseListen,
} from '../src/config.js'
import type { ControllerConfig } from '../src/config.js'
import { ConfigError } from '../src/errors.js'

const parse = suite('parseControllerArgs')

function config(argv: string[], env: Record<string, string> = {}): ControllerConfig {
  const result = parseControllerArgs(argv, env, '/work')
  if ('help' in result) throw new Error('unexpected help')
  return result
}

function refusal(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseControllerArgs(argv, env, '/work')
  } catch (err) {
    assert.instance(err, ConfigError)
    return (err as Error).message
  }
  throw new Error(`expected ${argv.join(' ')} to be refused`)
}

parse('parseControllerArgs - defaults: loopback listen, PGlite in the data dir, two-strike audit', () => {
  const c = config(['--bootstrap-values', 'values.yml'])
  assert.is(c.listen.length, 1)
  assert.is(`${c.listen[0]?.host.toString()}:${c.listen[0]?.port}`, DEFAULT_LISTEN)
  assert.is(c.bootstrapValuesFile, '/work/values.yml')
  assert.is(c.dataDir, '/work/.dc-controller')
  assert.is(c.databaseUrl, undefined)
  assert.is(c.auditIntervalMs, DEFAULT_AUDIT_INTERVAL_MS)
  assert.is(c.offlineAfterMisses, DEFAULT_OFFLINE_AFTER_MISSES)
})

parse('parseControllerArgs - every flag and DATABASE_URL', () => {
  const c = config(
    [
      '--listen',
      '[::1]:6000,127.0.0.1:6001',
      '--bootstrap-values',
      '/etc/v.yml',
      '--data-dir',
      'd',
      '--audit-interval-ms',
      '250',
      '--offline-after-misses',
      '3',
    ],
    { DATABASE_URL: 'postgres://u@127.0.0.1:5432/dc' },
  )
  assert.equal(
    c.listen.map((l) => [l.host.toString(), l.port]),
    [
      ['::1', 6000],
      ['127.0.0.1', 6001],
    ],
  )
  assert.is(c.dataDir, '/work/d')
  assert.is(c.databaseUrl, 'postgres://u@127.0.0.1:5432/dc')
  assert.is(c.auditIntervalMs, 250)
  assert.is(c.offlineAfterMisses, 3)
})

parse('parseControllerArgs - clear errors naming the flag', () => {
  assert.match(refusal([]), /--bootstrap-values FILE is required/)
  assert.match(
    refusal(['--bootstrap-values', 'v', '--audit-interval-ms', 'soon']),
    /--audit-interval-ms must be an integer/,
  )
  assert.match(
    refusal(['--bootstrap-values', 'v', '--offline-after-misses', '0']),
    /--offline-after-misses must be between 1/,
  )
  assert.match(refusal(['--bootstrap-values', 'v', '--listen', 'localhost:1']), /--listen 'localhost:1'/)
  assert.match(refusal(['--bootstrap-values', 'v', '--bogus']), /bogus/)
  assert.match(refusal(['--bootstrap-values', 'v'], { DATABASE_URL: 'mysql://x' }), /DATABASE_URL/)
})

parse('parseControllerArgs - --help', () => {
  assert.equal(parseControllerArgs(['--help'], {}, '/'), { help: true })
  assert.equal(parseControllerArgs(['-h', '--bootstrap-values', 'v'], {}, '/'), { help: true })
})

parse('controllerHelp - the usage, then the help of the flag table that parses the command line', () => {
  const help = controllerHelp()
  assert.ok(help.startsWith('usage: dc-controller'))
  assert.ok(help.endsWith(`flags:\n${flagHelp(CONTROLLER_FLAGS)}`))
  for (const flag of [
    '--bootstrap-values FILE',
    '--audit-interval-ms N',
    '--nats-url URL',
    '--tls-ca FILE',
  ]) {
    assert.ok(help.includes(`  ${flag}  `), flag)
  }
})

const listen = suite('parseListen')

listen('parseListen - refuses duplicates and empty lists', () => {
  assert.throws(() => parseListen('127.0.0.1:1,127.0.0.1:1'), /given twice/)
  assert.throws(() => parseListen(' , '), /at least one/)
  assert.is(parseListen('[fd00::1]:7')[0]?.host, 'fd00::1')
})

parse('parseControllerArgs - --tls-* select mutual TLS; plaintext off loopback needs --insecure', () => {
  const tls = config([
    ...['--bootstrap-values', 'v', '--listen', '[fd00::1]:50050'],
    ...['--tls-ca', 'ca.crt', '--tls-cert', 'c.crt', '--tls-key', 'c.key'],
  ])
  assert.equal(tls.transport, {
    kind: 'tls',
    files: { caFile: 'ca.crt', certFile: 'c.crt', keyFile: 'c.key' },
  })
  assert.equal(config(['--bootstrap-values', 'v']).transport, { kind: 'plaintext', warning: undefined })
  assert.match(
    refusal(['--bootstrap-values', 'v', '--listen', '127.0.0.1:50050,192.0.2.10:50050']),
    /non-loopback address 192\.0\.2\.10:50050: .*--insecure/,
  )
  const insecure = config(['--bootstrap-values', 'v', '--listen', '192.0.2.10:50050', '--insecure'])
  assert.match(
    insecure.transport.kind === 'plaintext' ? (insecure.transport.warning ?? '') : '',
    /^WARNING: /,
  )
  assert.match(refusal(['--bootstrap-values', 'v', '--tls-cert', 'c.crt']), /missing --tls-ca, --tls-key/)
})

parse('--console-listen: loopback by default, elsewhere with TLS or --insecure, one ADDR:PORT', () => {
  assert.is(config(['--bootstrap-values', 'v']).console, undefined)
  assert.equal(config(['--bootstrap-values', 'v', '--console-listen', '[::1]:8443']).console, {
    listen: { host: '::1', port: 8443 },
    insecure: false,
  })
  assert.match(
    refusal(['--bootstrap-values', 'v', '--console-listen', '192.0.2.1:8443']),
    /refusing to serve plaintext console on non-loopback address 192\.0\.2\.1:8443/,
  )
  assert.equal(
    config(['--bootstrap-values', 'v', '--console-listen', '0.0.0.0:8443', '--insecure']).console,
    {
      listen: { host: '0.0.0.0', port: 8443 },
      insecure: true,
    },
  )
  const tls = ['--tls-ca', 'ca.crt', '--tls-cert', 'c.crt', '--tls-key', 'c.key']
  assert.ok(config(['--bootstrap-values', 'v', ...tls, '--console-listen', '192.0.2.1:8443']).console)
  assert.match(refusal(['--bootstrap-values', 'v', '--console-listen', 'localhost']), /--console-listen/)
  assert.match(
    refusal(['--bootstrap-values', 'v', '--console-listen', '127.0.0.1:1,127.0.0.1:2']),
    /--console-listen takes one ADDR:PORT/,
  )
})

parse.run()
listen.run()
