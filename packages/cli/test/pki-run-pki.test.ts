import { execFile } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { PKI_USAGE, runPki } from '../src/pki/run-pki.js'

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function run(argv: string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await runPki(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) })
  return { code, stdout, stderr }
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))

/** The `dc-pki` bin as a process, from its sources, the way the brief's e2e runs it. */
function dcPki(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', 'packages/cli/src/main-pki.ts', ...args],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        }),
    )
  })
}

interface DirCtx {
  dir: string
}

const RunPki = suite<DirCtx>('runPki', { dir: '' })
RunPki.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-pki-cli-'))
})
RunPki.after((ctx) => rm(ctx.dir, { recursive: true, force: true }))

RunPki('runPki - prints usage for --help and exits 0', async () => {
  assert.equal(await run(['--help']), { code: 0, stdout: PKI_USAGE, stderr: '' })
})

RunPki('runPki - exits 2 with usage on a usage error', async () => {
  const cases: [string[], string][] = [
    [[], 'dc-pki: missing command\n'],
    [['frobnicate'], 'dc-pki: unknown command "frobnicate"\n'],
    [['init'], 'dc-pki: missing --dir\n'],
    [['init', '--dir', 'x', '--bogus'], 'dc-pki: Unknown option'],
    [
      ['issue', '--dir', 'x', '--kind', 'robot', '--name', 'r'],
      '--kind must be one of controller, agent, operator',
    ],
    [['issue', '--dir', 'x', '--kind', 'operator', '--name', 'a', '--role', 'root'], '--role must be one of'],
    [['init', '--dir', 'x', '--days', '3', '--not-after', '2030-01-01'], 'exclude each other'],
    [['init', '--dir', 'x', '--not-after', '2030-01-01'], '--not-before and --not-after go together'],
    [['init', '--dir', 'x', '--days', 'ten'], '--days expects a whole number'],
    [['show'], 'show takes exactly one FILE'],
  ]
  for (const [argv, message] of cases) {
    const result = await run(argv)
    assert.is(result.code, 2, argv.join(' '))
    assert.ok(result.stderr.startsWith('dc-pki: '), result.stderr)
    assert.match(result.stderr, message)
    assert.ok(result.stderr.endsWith(PKI_USAGE), argv.join(' '))
    assert.is(result.stdout, '')
  }
})

RunPki('runPki - exits 1 with one line on a failure', async (ctx) => {
  const missing = join(ctx.dir, 'no-ca')
  const result = await run([
    'issue',
    '--dir',
    missing,
    '--kind',
    'operator',
    '--name',
    'a',
    '--role',
    'admin',
  ])
  assert.equal(result, {
    code: 1,
    stdout: '',
    stderr: `dc-pki: cannot read CA certificate ${join(missing, 'ca.crt')}: ENOENT\n`,
  })
})

RunPki('runPki - refuses an agent certificate without addresses', async (ctx) => {
  assert.is((await run(['init', '--dir', ctx.dir])).code, 0)
  const result = await run(['issue', '--dir', ctx.dir, '--kind', 'agent', '--name', 'sub1'])
  assert.is(result.code, 1)
  assert.match(
    result.stderr,
    /^dc-pki: an agent certificate needs the addresses it is dialled at: --ip .*\n$/,
  )
})

const DcPkiBin = suite<DirCtx>('dc-pki', { dir: '' })
DcPkiBin.before(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-pki-bin-'))
})
DcPkiBin.after((ctx) => rm(ctx.dir, { recursive: true, force: true }))

DcPkiBin('dc-pki - init, issue and show end to end', async (ctx) => {
  const caDir = join(ctx.dir, 'site')
  const init = await dcPki(['init', '--dir', caDir, '--name', 'site-a', '--days', '30'])
  assert.equal(init, {
    code: 0,
    stdout: `created site CA: ${join(caDir, 'ca.crt')} and ${join(caDir, 'ca.key')}\n`,
    stderr: '',
  })
  assert.is((await stat(join(caDir, 'ca.key'))).mode & 0o777, 0o600)

  const issue = await dcPki([
    ...['issue', '--dir', caDir, '--kind', 'controller', '--name', 'ctl-a'],
    ...['--ip', '192.0.2.10', '--ip', '[2001:db8::10]', '--dns', 'ctl.example', '--days', '10'],
  ])
  assert.is(issue.code, 0, issue.stderr)
  const certFile = join(caDir, 'controller-ctl-a.crt')
  assert.match(issue.stdout, /^issued controller certificate ctl-a \(serial [0-9a-f]+, valid until \S+\): /)
  assert.ok(issue.stdout.endsWith(`${certFile} and ${join(caDir, 'controller-ctl-a.key')}\n`))
  const certificate = new X509Certificate(await readFile(certFile))
  assert.ok(certificate.verify(new X509Certificate(await readFile(join(caDir, 'ca.crt'))).publicKey))
  assert.is(certificate.subject, 'CN=ctl-a')
  assert.is((await stat(join(caDir, 'controller-ctl-a.key'))).mode & 0o777, 0o600)

  const show = await dcPki(['show', certFile])
  assert.is(show.code, 0, show.stderr)
  assert.match(show.stdout, 'subject:    CN=ctl-a\n')
  assert.match(show.stdout, 'issuer:     CN=site-a\n')
  assert.match(
    show.stdout,
    'SANs:       URI:spiffe://dc/controller/ctl-a, IP:192.0.2.10, IP:2001:db8::10, DNS:ctl.example\n',
  )
  assert.match(show.stdout, 'identity:   controller ctl-a\n')
  assert.match(show.stdout, 'usages:     serverAuth, clientAuth\n')
})

DcPkiBin('dc-pki - operator with --out, and errors on stderr with status 1 and 2', async (ctx) => {
  const caDir = join(ctx.dir, 'site2')
  assert.is((await dcPki(['init', '--dir', caDir])).code, 0)
  const out = join(ctx.dir, 'people', 'alice')
  const issue = await dcPki([
    'issue',
    '--dir',
    caDir,
    '--kind',
    'operator',
    '--name',
    'alice',
    '--role',
    'reader',
    '--out',
    out,
  ])
  assert.is(issue.code, 0, issue.stderr)
  const show = await dcPki(['show', `${out}.crt`])
  assert.match(show.stdout, 'identity:   operator alice, role reader\n')
  assert.match(show.stdout, 'usages:     clientAuth\n')

  const again = await dcPki(['init', '--dir', caDir])
  assert.equal(again, {
    code: 1,
    stdout: '',
    stderr: `dc-pki: ${join(caDir, 'ca.crt')} already exists: refusing to replace a CA (use a new --dir for a rollover)\n`,
  })
  const usage = await dcPki(['issue', '--dir', caDir])
  assert.is(usage.code, 2)
  assert.ok(usage.stderr.startsWith('dc-pki: missing --kind\nusage:'), usage.stderr)
})

RunPki.run()
DcPkiBin.run()
