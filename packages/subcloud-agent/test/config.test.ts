import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { flagHelp } from '@dc/runtime'
import { agentHelp } from '../src/agent-help.js'
import { AGENT_FLAGS, ConfigError, parseAgentConfig, parseListenList } from '../src/config.js'
import type { AgentConfig } from '../src/config.js'
import { SIMULATOR_FLAGS } from '../src/simulator/simulator-config.js'

function agentConfig(argv: string[]): AgentConfig {
  const result = parseAgentConfig(argv)
  if ('help' in result) throw new Error('unexpected help')
  return result
}

const ParseListenList = suite('parseListenList')

ParseListenList('parseListenList - accepts bracketed IPv6 and IPv4, canonicalising the text', () => {
  const list = parseListenList('[FD00:0::2]:50051, 127.0.0.1:50052')
  assert.equal(
    list.map((a) => [a.host, a.port, a.text]),
    [
      ['fd00::2', 50051, '[fd00::2]:50051'],
      ['127.0.0.1', 50052, '127.0.0.1:50052'],
    ],
  )
})

ParseListenList('parseListenList - refuses an unbracketed IPv6 address', () => {
  assert.throws(
    () => parseListenList('fd00::2:50051'),
    (err: unknown) => {
      return err instanceof ConfigError && err.message.includes('must be bracketed')
    },
  )
})

ParseListenList('parseListenList - refuses missing ports, bad ports, empty items and duplicates', () => {
  for (const bad of [
    '127.0.0.1',
    '[::1]',
    '127.0.0.1:0',
    '127.0.0.1:70000',
    '127.0.0.1:1,',
    '[::1]:1,[0::1]:1',
  ]) {
    assert.throws(
      () => parseListenList(bad),
      (err: unknown) => err instanceof ConfigError,
      bad,
    )
  }
})

const ParseAgentConfig = suite('parseAgentConfig')

ParseAgentConfig('parseAgentConfig - reads every flag', () => {
  const config = agentConfig([
    '--listen',
    '[::1]:50051',
    '--state-dir',
    '/tmp/x',
    '--bootstrap-values',
    'values.yml',
    '--heartbeat-interval-ms',
    '250',
  ])
  assert.equal(
    config.listen.map((a) => a.text),
    ['[::1]:50051'],
  )
  assert.is(config.stateDir, '/tmp/x')
  assert.is(config.bootstrapValuesFile, 'values.yml')
  assert.is(config.heartbeatIntervalMs, 250)
})

ParseAgentConfig(
  'parseAgentConfig - defaults the heartbeat interval and leaves bootstrap values unset',
  () => {
    const config = agentConfig(['--listen', '127.0.0.1:1', '--state-dir', 'd'])
    assert.is(config.heartbeatIntervalMs, 1000)
    assert.is(config.bootstrapValuesFile, undefined)
    assert.is(config.metrics, undefined)
    assert.equal(config.log, { level: 'info', format: undefined })
  },
)

ParseAgentConfig('parseAgentConfig - names the problem for missing, unknown and out-of-range flags', () => {
  const cases: [string[], string][] = [
    [['--state-dir', 'd'], '--listen is required'],
    [['--listen', '127.0.0.1:1'], '--state-dir is required'],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', '--bogus'], "'--bogus'"],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', '--heartbeat-interval-ms', '5'], 'outside'],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', '--heartbeat-interval-ms', '1e3'], 'not a whole number'],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', 'extra'], 'extra'],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', '--log-format', 'xml'], '--log-format must be one of'],
    [['--listen', '127.0.0.1:1', '--state-dir', 'd', '--metrics-listen', '9100'], '--metrics-listen must be'],
  ]
  for (const [argv, expected] of cases) {
    try {
      agentConfig(argv)
      assert.unreachable(argv.join(' '))
    } catch (err) {
      assert.instance(err, ConfigError)
      assert.ok((err as Error).message.includes(expected), `${(err as Error).message} lacks ${expected}`)
      assert.ok((err as Error).message.endsWith('(dc-agent --help lists every flag)'))
      assert.not.ok((err as Error).message.includes('\n'), 'one line')
    }
  }
})

ParseAgentConfig('parseAgentConfig - --tls-ca/--tls-cert/--tls-key select mutual TLS on any address', () => {
  const config = agentConfig([
    ...['--listen', '[fd00::2]:50051,192.0.2.10:50051', '--state-dir', 'd'],
    ...['--tls-ca', 'ca.crt', '--tls-cert', 'agent.crt', '--tls-key', 'agent.key'],
  ])
  assert.equal(config.transport, {
    kind: 'tls',
    files: { caFile: 'ca.crt', certFile: 'agent.crt', keyFile: 'agent.key' },
  })
})

ParseAgentConfig('parseAgentConfig - plaintext on loopback needs no flag and warns of nothing', () => {
  const config = agentConfig(['--listen', '[::1]:1,127.0.0.1:1', '--state-dir', 'd'])
  assert.equal(config.transport, { kind: 'plaintext', warning: undefined })
})

ParseAgentConfig('parseAgentConfig - plaintext on a network address is refused without --insecure', () => {
  try {
    agentConfig(['--listen', '127.0.0.1:1,192.0.2.10:50051', '--state-dir', 'd'])
    assert.unreachable('refused')
  } catch (err) {
    assert.instance(err, ConfigError)
    assert.match(
      (err as Error).message,
      /refusing to serve plaintext gRPC on non-loopback address 192\.0\.2\.10:50051/,
    )
    assert.match((err as Error).message, /--insecure/)
  }
  const config = agentConfig(['--listen', '192.0.2.10:50051', '--state-dir', 'd', '--insecure'])
  assert.is(config.transport.kind, 'plaintext')
  assert.match(config.transport.kind === 'plaintext' ? (config.transport.warning ?? '') : '', /^WARNING: /)
})

ParseAgentConfig('parseAgentConfig - --metrics-listen: loopback, or beyond with TLS or --insecure', () => {
  const base = ['--listen', '127.0.0.1:1', '--state-dir', 'd']
  const loopback = agentConfig([...base, '--metrics-listen', '[::1]:9100', '--log-level', 'warn'])
  assert.equal(loopback.metrics, { listen: { host: '::1', port: 9100 }, insecure: false })
  assert.is(loopback.log.level, 'warn')
  assert.throws(
    () => agentConfig([...base, '--metrics-listen', '192.0.2.10:9100']),
    (err: unknown) =>
      err instanceof ConfigError &&
      /refusing to serve plaintext metrics on non-loopback address 192\.0\.2\.10:9100/.test(err.message),
  )
  const tls = ['--tls-ca', 'c', '--tls-cert', 'c', '--tls-key', 'k', '--metrics-listen', '192.0.2.10:9100']
  assert.is(agentConfig([...base, ...tls]).metrics?.listen.host, '192.0.2.10')
  const insecure = agentConfig([...base, '--insecure', '--metrics-listen', '192.0.2.10:9100'])
  assert.is(insecure.metrics?.insecure, true)
})

ParseAgentConfig('parseAgentConfig - refuses half the TLS files, and TLS with --insecure', () => {
  const base = ['--listen', '127.0.0.1:1', '--state-dir', 'd']
  assert.throws(
    () => agentConfig([...base, '--tls-ca', 'ca.crt']),
    (err: unknown) => err instanceof ConfigError && /missing --tls-cert, --tls-key/.test(err.message),
  )
  assert.throws(
    () => agentConfig([...base, '--tls-ca', 'c', '--tls-cert', 'c', '--tls-key', 'k', '--insecure']),
    (err: unknown) => err instanceof ConfigError && /--insecure contradicts/.test(err.message),
  )
})

ParseListenList.run()
ParseAgentConfig('parseAgentConfig - --help and -h ask for the help, whatever else is given', () => {
  assert.equal(parseAgentConfig(['--help']), { help: true })
  assert.equal(parseAgentConfig(['-h', '--listen', '127.0.0.1:1']), { help: true })
})

ParseAgentConfig(
  'agentHelp - the usage, then the help of both flag tables that parse the command line',
  () => {
    const help = agentHelp()
    assert.ok(help.startsWith('usage: dc-agent'))
    assert.ok(help.includes(`flags of one agent:\n${flagHelp(AGENT_FLAGS)}\n`))
    assert.ok(help.endsWith(`flags of the simulator (--simulate):\n${flagHelp(SIMULATOR_FLAGS)}`))
  },
)

ParseAgentConfig.run()
