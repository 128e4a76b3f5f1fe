import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { suite } from 'uvu'
import * as assert from 'uvu/assert'

import { runCli } from '../src/cli-app.js'
import { parseCommandLine } from '../src/parse-command-line.js'
import { PROGRAMS } from '../src/programs.js'
import { startFakeDcServer, type FakeDcServer } from './fake-dc-server.js'

const Parse = suite('subcloud deploy commands: parsing')

function parsed(argv: readonly string[]) {
  return parseCommandLine(PROGRAMS.dcmanager, argv)
}

Parse('parse - redeploy, deploy resume and deploy abort are dcmanager subcloud commands', () => {
  const redeploy = parsed(['subcloud', 'redeploy', 'subcloud1', '--bootstrap-values', 'v.yml'])
  assert.is(redeploy.kind === 'run' ? redeploy.command.name : redeploy.kind, 'subcloud redeploy')
  const resume = parsed(['subcloud', 'deploy', 'resume', 'subcloud1', '--wait'])
  assert.is(resume.kind === 'run' ? resume.command.name : resume.kind, 'subcloud deploy resume')
  assert.ok(resume.kind === 'run' && resume.args.flag('wait'))
  const abort = parsed(['subcloud', 'deploy', 'abort', 'subcloud1'])
  assert.is(abort.kind === 'run' ? abort.args.positional('subcloud') : abort.kind, 'subcloud1')
  const migrate = parsed([
    'subcloud',
    'add',
    '--bootstrap-address',
    'fd00::2',
    '--bootstrap-values',
    'v',
    '--migrate',
  ])
  assert.ok(migrate.kind === 'run' && migrate.args.flag('migrate'))
})

Parse('parse - redeploy needs --bootstrap-values and a subcloud; abort takes no values', () => {
  assert.throws(() => parsed(['subcloud', 'redeploy', 'subcloud1']), /--bootstrap-values/)
  assert.throws(() => parsed(['subcloud', 'deploy', 'resume']), /subcloud/)
  assert.throws(
    () => parsed(['subcloud', 'deploy', 'abort', 'subcloud1', '--bootstrap-values', 'v']),
    /bootstrap-values/,
  )
})

Parse.run()

const Run = suite<{ fake: FakeDcServer; dir: string }>('subcloud deploy commands: calls', {
  fake: undefined as unknown as FakeDcServer,
  dir: '',
})

Run.before.each(async (ctx) => {
  ctx.fake = await startFakeDcServer()
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-cli-deploy-'))
})
Run.after.each(async (ctx) => {
  await ctx.fake.close()
  await rm(ctx.dir, { recursive: true, force: true })
})

async function dcmanager(
  fake: FakeDcServer,
  argv: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli('dcmanager', argv, {
    stdout: (text) => (out += text),
    stderr: (text) => (err += text),
    env: { DC_URL: fake.url },
    pollIntervalMs: 1,
  })
  return { code, out, err }
}

Run('redeploy - sends the values text, never the sysadmin password', async ({ fake, dir }) => {
  const file = join(dir, 'subcloud2.yml')
  await writeFile(file, 'name: subcloud2\nsystem_mode: simplex\n')
  const result = await dcmanager(fake, [
    'subcloud',
    'redeploy',
    'subcloud2',
    '--bootstrap-values',
    file,
    '--sysadmin-password',
    'St8rlingX*',
  ])
  assert.is(result.code, 0, result.err)
  assert.match(result.out, '| deploy_status               | create-complete')
  const sent = fake.calls.find((c) => c.method === 'RedeploySubcloud')?.request
  assert.equal(sent, {
    subcloud: 'subcloud2',
    bootstrap_values_yaml: 'name: subcloud2\nsystem_mode: simplex\n',
  })
  assert.not.match(JSON.stringify(fake.calls.map((c) => c.request)), 'St8rlingX')
})

Run(
  'deploy resume --wait - follows the resumed deploy to complete; abort names the subcloud',
  async ({ fake }) => {
    const resumed = await dcmanager(fake, ['subcloud', 'deploy', 'resume', 'subcloud2', '--wait'])
    assert.is(resumed.code, 0, resumed.err)
    assert.match(resumed.err, 'deploy status complete')
    assert.equal(fake.calls.find((c) => c.method === 'ResumeSubcloudDeploy')?.request, {
      subcloud: 'subcloud2',
    })
    const aborted = await dcmanager(fake, ['subcloud', 'deploy', 'abort', 'subcloud2'])
    assert.is(aborted.code, 0, aborted.err)
    assert.match(aborted.out, '| deploy_status               | aborting-bootstrap')
    assert.equal(fake.calls.find((c) => c.method === 'AbortSubcloudDeploy')?.request, {
      subcloud: 'subcloud2',
    })
  },
)

Run('add --migrate - sends migrate; without it, it is false', async ({ fake, dir }) => {
  const file = join(dir, 'subcloud4.yml')
  await writeFile(file, 'name: subcloud4\n')
  const args = ['subcloud', 'add', '--bootstrap-address', '[fd00:4::2]:50051', '--bootstrap-values', file]
  assert.is((await dcmanager(fake, [...args, '--migrate'])).code, 0)
  assert.is((await dcmanager(fake, args)).code, 0)
  const sent = fake.calls
    .filter((c) => c.method === 'AddSubcloud')
    .map((c) => (c.request as { migrate: boolean }).migrate)
  assert.equal(sent, [true, false])
})

Run.run()
