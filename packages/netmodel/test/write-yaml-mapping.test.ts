import { suite } from 'uvu'
import * as assert from 'uvu/assert'
import { readYamlMapping, writeYamlMapping } from '../src/index.js'

const WriteYamlMapping = suite('writeYamlMapping')

WriteYamlMapping('writeYamlMapping - what it writes, readYamlMapping reads back unchanged', () => {
  const shared = { url: 'registry.local', password: 'x' }
  const values = {
    name: 'subcloud1',
    description: 'two\nlines and a long text '.repeat(10),
    admin_password: '*Pw1|>!&',
    docker_registries: { 'quay.io': shared, 'docker.io': shared },
    dns_servers: ['fd00::53', '8.8.8.8'],
  }
  const read = readYamlMapping(writeYamlMapping(values))
  assert.equal(read, { ok: true, value: values })
})

WriteYamlMapping.run()
