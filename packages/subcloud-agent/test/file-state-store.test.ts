import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { FileStateStore, STATE_FILE_NAME } from '../src/adapters/file-state-store.js'
import { StateDocumentError, emptyDocument } from '../src/state-document.js'

const Store = suite<{ dir: string }>('FileStateStore', { dir: '' })

Store.before.each(async (ctx) => {
  ctx.dir = await mkdtemp(join(tmpdir(), 'dc-agent-store-'))
})

Store.after.each(async (ctx) => {
  await rm(ctx.dir, { recursive: true, force: true })
})

Store('FileStateStore - loads nothing on first start and what it saved afterwards', async ({ dir }) => {
  const store = new FileStateStore(dir)
  assert.is(await store.load(), undefined)
  const doc = { ...emptyDocument(), epoch: '7', controllerId: 'ctl-a' }
  await store.save(doc)
  assert.equal(await new FileStateStore(dir).load(), doc)
  assert.equal(await readdir(dir), [STATE_FILE_NAME])
})

Store(
  'FileStateStore - a save torn before its rename leaves the previous document in force',
  async ({ dir }) => {
    const store = new FileStateStore(dir)
    const before = { ...emptyDocument(), epoch: '1', controllerId: 'a' }
    await store.save(before)
    // What a kill -9 during the temp write leaves behind: a partial temp file beside the document.
    await writeFile(join(dir, `.${STATE_FILE_NAME}.999.1.tmp`), '{"format":1,"state":nu')
    assert.equal(await new FileStateStore(dir).load(), before)
    assert.equal(await readdir(dir), [STATE_FILE_NAME], 'the leftover temp file is removed')
  },
)

Store('FileStateStore - refuses a document it cannot read rather than starting over', async ({ dir }) => {
  await writeFile(join(dir, STATE_FILE_NAME), '{"format":1,')
  try {
    await new FileStateStore(dir).load()
    assert.unreachable()
  } catch (err) {
    assert.instance(err, StateDocumentError)
  }
  await writeFile(join(dir, STATE_FILE_NAME), JSON.stringify({ ...emptyDocument(), format: 2 }))
  try {
    await new FileStateStore(dir).load()
    assert.unreachable()
  } catch (err) {
    assert.instance(err, StateDocumentError)
    assert.match((err as Error).message, /format 2/)
  }
})

Store.run()
