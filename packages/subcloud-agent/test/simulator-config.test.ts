import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { ConfigError } from '../src/config.js'
import { isSimulatorCommandLine, parseSimulatorConfig } from '../src/simulator/simulator-config.js'
import type { SimulatorConfig } from '../src/simulator/simulator-config.js'

function simulatorConfig(argv: string[]): SimulatorConfig {
  const result = parseSimulatorConfig(argv)
  if ('help' in result) throw new Error('unexpected help')
  return result
}

const ParseSimulatorConfig = suite('parseSimulatorConfig')

ParseSimulatorConfig('parseSimulatorConfig - reads every flag', () => {
  const config = simulatorConfig([
    '--simulate',
    '200',
    '--listen-base',
    '127.0.0.1:30000',
    '--mix',
    '1:2:3',
    '--first-index',
    '1000',
    '--state-dir',
    '/tmp/sim',
    '--heartbeat-interval-ms',
    '250',
    '--manifest',
    '/tmp/sim.json',
    '--control',
    '[::1]:31000',
    '--metrics-listen',
    '127.0.0.1:31001',
    '--log-level',
    'debug',
    '--log-format',
    'text',
  ])
  assert.equal(
    {
      count: config.count,
      base: config.listenBase.text,
      hosts: config.hosts,
      mix: config.mix,
      firstIndex: config.firstIndex,
      stateDir: config.stateDir,
      heartbeat: config.heartbeatIntervalMs,
      manifest: config.manifestFile,
      control: config.control?.text,
      metrics: config.metrics && [config.metrics.listen.host, config.metrics.listen.port],
      log: config.log,
    },
    {
      count: 200,
      base: '127.0.0.1:30000',
      hosts: { ipv4: '127.0.0.1', ipv6: '::1' },
      mix: { ipv4: 1, ipv6: 2, dual: 3 },
      firstIndex: 1000,
      stateDir: '/tmp/sim',
      heartbeat: 250,
      manifest: '/tmp/sim.json',
      control: '[::1]:31000',
      metrics: ['127.0.0.1', 31001],
      log: { level: 'debug', format: 'text' },
    },
  )
})

ParseSimulatorConfig(
  'parseSimulatorConfig - defaults: IPv6 and dual-stack sites, in memory, from subcloud1',
  () => {
    const config = simulatorConfig(['--simulate', '5', '--listen-base', '[::1]:40000'])
    assert.equal(config.mix, { ipv4: 0, ipv6: 1, dual: 1 })
    assert.is(config.firstIndex, 1)
    assert.is(config.stateDir, undefined)
    assert.is(config.control, undefined)
    assert.is(config.heartbeatIntervalMs, 1000)
    assert.is(config.metrics, undefined)
    assert.equal(config.log, { level: 'info', format: undefined })
  },
)

ParseSimulatorConfig('parseSimulatorConfig - refuses what it cannot simulate, naming the flag', () => {
  const cases: [string[], RegExp][] = [
    [['--listen-base', '[::1]:40000'], /--simulate N is required/],
    [['--simulate', '5'], /--listen-base/],
    [['--simulate', '0', '--listen-base', '[::1]:40000'], /--simulate/],
    [['--simulate', '5', '--listen-base', '[fd00::1]:40000'], /not loopback/],
    [['--simulate', '5', '--listen-base', '10.0.0.1:40000'], /not loopback/],
    [['--simulate', '100', '--listen-base', '[::1]:65500'], /consecutive ports/],
    [['--simulate', '5', '--listen-base', '[::1]:40000', '--mix', '1:1'], /--mix/],
    [['--simulate', '5', '--listen-base', '[::1]:40000', '--first-index', '31999'], /--first-index/],
    [['--simulate', '5', '--listen-base', '[::1]:40000', '--heartbeat-interval-ms', '1'], /heartbeat/],
    [['--simulate', '5', '--listen-base', '[::1]:40000', '--listen', '[::1]:1'], /listen/],
    [
      ['--simulate', '5', '--listen-base', '[::1]:40000', '--metrics-listen', '10.0.0.1:9100'],
      /not loopback/,
    ],
    [['--simulate', '5', '--listen-base', '[::1]:40000', '--log-level', 'loud'], /--log-level must be/],
  ]
  for (const [argv, message] of cases) {
    assert.throws(
      () => simulatorConfig(argv),
      (err: unknown) => err instanceof ConfigError && message.test(err.message),
      argv.join(' '),
    )
  }
})

const IsSimulatorCommandLine = suite('isSimulatorCommandLine')

IsSimulatorCommandLine('isSimulatorCommandLine - only --simulate selects the simulator', () => {
  assert.ok(isSimulatorCommandLine(['--simulate', '3', '--listen-base', '[::1]:1']))
  assert.ok(isSimulatorCommandLine(['--simulate=3']))
  assert.not.ok(isSimulatorCommandLine(['--listen', '[::1]:1', '--state-dir', '/tmp/x']))
})

ParseSimulatorConfig.run()
IsSimulatorCommandLine.run()
