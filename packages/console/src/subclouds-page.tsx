import { useMemo, useState } from 'preact/hooks'
import { modeLabel } from './labels.js'
import type { SubcloudRow } from './console-wire.js'
import type { ConsoleState } from './store.js'
import { VirtualTable } from './virtual-table.js'
import type { Column } from './virtual-table.js'
import { Choice, Status, TextFilter } from './widgets.js'

type Key = keyof SubcloudRow

const FILTERS: readonly { key: Key; label: string }[] = [
  { key: 'group', label: 'Group' },
  { key: 'peerGroup', label: 'Peer group' },
  { key: 'availability', label: 'Availability' },
  { key: 'management', label: 'Management' },
  { key: 'deploy', label: 'Deploy status' },
  { key: 'sync', label: 'Sync' },
  { key: 'networkMode', label: 'Network mode' },
]

const status = (key: Key) => (row: SubcloudRow) => <Status value={String(row[key])} />

const COLUMNS: readonly Column<SubcloudRow>[] = [
  {
    key: 'name',
    label: 'Name',
    render: (r) => <a href={`#/subclouds/${encodeURIComponent(r.name)}`}>{r.name}</a>,
  },
  { key: 'availability', label: 'Availability', render: status('availability') },
  { key: 'management', label: 'Management', render: status('management') },
  { key: 'deploy', label: 'Deploy status', render: status('deploy') },
  { key: 'sync', label: 'Sync', render: status('sync') },
  { key: 'networkMode', label: 'Network mode', render: (r) => modeLabel(r.networkMode) },
  { key: 'group', label: 'Group', render: (r) => r.group },
  { key: 'peerGroup', label: 'Peer group', render: (r) => r.peerGroup || '—' },
  { key: 'address', label: 'Primary address', render: (r) => r.address },
]

/** Text that sorts as people read numbers in names: subcloud2 before subcloud10. */
function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(12, '0'))
}

function distinct(rows: readonly SubcloudRow[], key: Key): string[] {
  return [...new Set(rows.map((r) => String(r[key])))].sort()
}

export function SubcloudsPage(props: { readonly state: ConsoleState }) {
  const all = useMemo(() => [...props.state.subclouds.values()], [props.state.subclouds])
  const [name, setName] = useState('')
  const [choices, setChoices] = useState<Partial<Record<Key, string>>>({})
  const [sort, setSort] = useState<{ key: string; descending: boolean }>({ key: 'name', descending: false })
  const options = useMemo(
    () => Object.fromEntries(FILTERS.map((f) => [f.key, distinct(all, f.key)])) as Record<Key, string[]>,
    [all],
  )
  // Sorted once per data or order change; a filter then only scans, keeping the order.
  const sorted = useMemo(() => {
    const key = sort.key as Key
    const keyed = all.map((row) => ({ row, text: naturalKey(String(row[key])) }))
    keyed.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    if (sort.descending) keyed.reverse()
    return keyed.map((k) => k.row)
  }, [all, sort])
  const rows = useMemo(() => {
    const needle = name.trim().toLowerCase()
    const chosen = Object.entries(choices).filter(([, v]) => v !== undefined && v !== '') as [Key, string][]
    if (needle === '' && chosen.length === 0) return sorted
    return sorted.filter(
      (r) =>
        (needle === '' || r.name.toLowerCase().includes(needle)) &&
        chosen.every(([k, v]) => String(r[k]) === v),
    )
  }, [sorted, name, choices])
  return (
    <>
      <h1>Subclouds</h1>
      <form class="filters" role="search" aria-label="Filter subclouds" onSubmit={(e) => e.preventDefault()}>
        <TextFilter label="Name" value={name} onInput={setName} />
        {FILTERS.map((f) => (
          <Choice
            key={f.key}
            label={f.label}
            value={choices[f.key] ?? ''}
            options={options[f.key]}
            {...(f.key === 'networkMode' ? { optionLabel: modeLabel } : {})}
            onChange={(v) => setChoices({ ...choices, [f.key]: v })}
          />
        ))}
      </form>
      <p role="status" data-shown={rows.length}>
        {rows.length} of {all.length} subclouds shown
      </p>
      <VirtualTable
        label="Subclouds"
        columns={COLUMNS}
        rows={rows}
        rowKey={(r) => r.name}
        sort={sort}
        onSort={(key) => setSort({ key, descending: sort.key === key ? !sort.descending : false })}
        onOpen={(r) => (location.hash = `#/subclouds/${encodeURIComponent(r.name)}`)}
      />
    </>
  )
}
