import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { createLogger, silentLogger, textLine } from '../src/index.js'
import type { LoggerOptions } from '../src/index.js'

function capture(options: Partial<LoggerOptions> = {}): {
  lines: string[]
  log: ReturnType<typeof createLogger>
} {
  const lines: string[] = []
  const log = createLogger({ name: 'dc-test', destination: { write: (l) => lines.push(l) }, ...options })
  return { lines, log }
}

const Logger = suite('createLogger')

Logger('createLogger - writes one JSON object per line with time, level, service, message and fields', () => {
  const { lines, log } = capture()
  log.info('subcloud online', { subcloud: 'subcloud1', auditFailCount: 0 })
  assert.is(lines.length, 1)
  assert.ok(lines[0]?.endsWith('\n'))
  const record = JSON.parse(lines[0] ?? '') as Record<string, unknown>
  assert.is(record.level, 'info')
  assert.is(record.service, 'dc-test')
  assert.is(record.msg, 'subcloud online')
  assert.is(record.subcloud, 'subcloud1')
  assert.is(record.auditFailCount, 0)
  assert.ok(!Number.isNaN(Date.parse(String(record.time))), 'ISO timestamp')
})

Logger('createLogger - a child adds its bindings to every line', () => {
  const { lines, log } = capture()
  log.child({ component: 'audit' }).warn('stream broken')
  assert.is((JSON.parse(lines[0] ?? '') as { component: string }).component, 'audit')
})

Logger('createLogger - lines below the level are not written', () => {
  const { lines, log } = capture({ level: 'warn' })
  log.info('quiet')
  log.debug('quieter')
  log.error('loud')
  assert.is(lines.length, 1)
  assert.not.ok(log.isLevelEnabled('info'))
  assert.ok(log.isLevelEnabled('error'))
})

Logger('createLogger - secrets in fields, errors and the message are redacted', () => {
  const { lines, log } = capture()
  const err = new Error('not valid YAML: admin_password: *Pw1secret at line 2')
  log.error('bootstrap values refused: sysadmin_password=Hunter2x', {
    values: { admin_password: 'Pw1secret', name: 'subcloud1', nested: { bmc_password: 'Bmc9' } },
    err,
  })
  const line = lines[0] ?? ''
  for (const secret of ['Pw1secret', 'Hunter2x', 'Bmc9']) assert.not.ok(line.includes(secret), secret)
  const record = JSON.parse(line) as { values: { name: string }; err: { type: string; message: string } }
  assert.is(record.values.name, 'subcloud1')
  assert.is(record.err.type, 'Error')
  assert.ok(record.err.message.startsWith('not valid YAML: admin_password: [REDACTED]'))
})

Logger('createLogger - text format is one readable line', () => {
  const { lines, log } = capture({ format: 'text' })
  log.child({ component: 'deploy' }).info('subcloud complete', { subcloud: 'sc 1', ms: 12 })
  assert.match(lines[0] ?? '', /^\S+Z INFO {2}deploy: subcloud complete subcloud="sc 1" ms=12\n$/)
})

Logger('silentLogger - writes nothing and its children are silent', () => {
  assert.is(silentLogger.child({ component: 'x' }), silentLogger)
  assert.not.ok(silentLogger.isLevelEnabled('error'))
})

Logger('textLine - passes a line that is not JSON through', () => {
  assert.is(textLine('plain'), 'plain')
})

Logger.run()
