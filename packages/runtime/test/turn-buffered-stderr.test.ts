import { execFile, spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'

const Stderr = suite('the process logger on standard error')
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src')
const moduleUrl = (file: string): string => JSON.stringify(pathToFileURL(resolve(SRC, file)).href)
const LINES = 8_000
/** About 8.5 MB of log, far more than a pipe or socket holds, and less than the backlog may. */
const FILLER = 'x'.repeat(1_000)

interface Child {
  /** Resolves with the child's first line on standard output. */
  readonly said: Promise<string>
  /** Starts reading standard error; resolves with all of it once the child has exited. */
  readAll(): Promise<string>
  /** Ends the child (a failed test must not leave it waiting on its unread pipe). */
  kill(): void
}

/**
 * Runs `script` (ES module source) under tsx with standard error piped and, at first, not read.
 * After the script, the child waits for a line on standard input before it exits.
 */
function runWithUnreadStderr(script: string): Child {
  const child = spawn(
    process.execPath,
    evalArgs(`${script}\nawait new Promise((told) => process.stdin.once('data', told))\nprocess.exit(0)`),
    { stdio: ['pipe', 'pipe', 'pipe'] },
  )
  child.stderr.pause()
  const said = new Promise<string>((resolveSaid, rejectSaid) => {
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      out += chunk
      if (out.includes('\n')) resolveSaid(out.slice(0, out.indexOf('\n')))
    })
    child.once('exit', (code) => rejectSaid(new Error(`the child exited (${code}) without a word`)))
  })
  const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()))
  return {
    said,
    readAll: async () => {
      const chunks: Buffer[] = []
      child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk))
      child.stderr.resume()
      // The child exits once told, with a reader at the other end of its standard error.
      child.stdin.end('exit\n')
      await exited
      return Buffer.concat(chunks).toString('utf8')
    },
    kill: () => child.kill('SIGKILL'),
  }
}

function evalArgs(script: string): string[] {
  return ['--conditions=source', '--import', import.meta.resolve('tsx'), '--input-type=module', '-e', script]
}

// A child that finds tsx's cache cold starts esbuild, which shares its standard error and leaves
// it blocking (O_NONBLOCK belongs to the pipe, not to one process): its first full pipe then
// blocks as it would for any process whose standard error is blocking. Compiling the modules once
// first keeps the children's pipe as Node made it. A deployed process runs built JavaScript.
Stderr.before(async () => {
  await promisify(execFile)(
    process.execPath,
    evalArgs(`await import(${moduleUrl('index.ts')}); await import(${moduleUrl('turn-buffered-stderr.ts')})`),
    { timeout: 60_000 },
  )
})

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: nothing after ${ms} ms`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/** Logs LINES lines over many turns of its event loop, then says so on standard output. */
const LOGGING_CHILD = `
const { createLogger } = await import(${moduleUrl('index.ts')})
const log = createLogger({ name: 'dc-test' })
let i = 0
await new Promise((done) => {
  const more = () => {
    for (let k = 0; k < 100; k++) log.info('line', { i: i++, filler: ${JSON.stringify(FILLER)} })
    if (i < ${LINES}) setImmediate(more)
    else done()
  }
  more()
})
process.stdout.write('logged\\n')
`

Stderr('a reader that does not read holds the process up for nothing, and loses no line', async () => {
  const child = runWithUnreadStderr(LOGGING_CHILD)
  try {
    // With standard error unread, the child still gets through its work and says so: a writer
    // that waited on the pipe would never get this far.
    assert.is(await withTimeout(child.said, 60_000, 'the child logging to an unread pipe'), 'logged')
    const lines = (await withTimeout(child.readAll(), 60_000, 'the rest of standard error'))
      .split('\n')
      .filter((l) => l !== '')
    assert.is(lines.length, LINES, 'every line arrives once the reader reads')
    const order = lines.map((l) => (JSON.parse(l) as { i: number }).i)
    assert.ok(
      order.every((n, at) => n === at),
      'in the order logged, none cut',
    )
  } finally {
    child.kill()
  }
})

Stderr(
  'past 16 MiB of backlog, new lines are dropped, counted in the metric, and the rest arrive',
  async () => {
    // 210 turns of 100 lines of 1,001 bytes: 21 MB, more than the backlog and the pipe together.
    const child = runWithUnreadStderr(`
const { createMetricsRegistry } = await import(${moduleUrl('index.ts')})
const { droppedLogLines, turnBufferedStderr } = await import(${moduleUrl('turn-buffered-stderr.ts')})
const out = turnBufferedStderr()
for (let turn = 0; turn < 210; turn++) {
  for (let k = 0; k < 100; k++) out.write(${JSON.stringify(FILLER)} + '\\n')
  await new Promise((r) => setImmediate(r))
}
const metric = await createMetricsRegistry({ prefix: 'dc_test_' }).getSingleMetricAsString('dc_test_log_lines_dropped_total')
process.stdout.write(JSON.stringify({ dropped: droppedLogLines(), metric }) + '\\n')
`)
    try {
      const { dropped, metric } = JSON.parse(await withTimeout(child.said, 60_000, 'the child')) as {
        dropped: number
        metric: string
      }
      const arrived = (await withTimeout(child.readAll(), 60_000, 'standard error'))
        .split('\n')
        .filter((l) => l !== '')
      assert.ok(dropped > 0, 'some lines were dropped')
      assert.match(
        metric,
        new RegExp(`^dc_test_log_lines_dropped_total ${dropped}$`, 'm'),
        'the metric counts them',
      )
      assert.is(arrived.length + dropped, 21_000, 'every line either arrived or was counted as dropped')
      assert.ok(
        arrived.every((l) => l === FILLER),
        'no line arrived cut',
      )
    } finally {
      child.kill()
    }
  },
)

Stderr.run()
