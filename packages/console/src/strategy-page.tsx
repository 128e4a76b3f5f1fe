import { useMemo, useState } from 'preact/hooks'
import { StrategyCard } from './fleet-page.js'
import type { StepRow } from './console-wire.js'
import type { ConsoleState } from './store.js'
import { VirtualTable } from './virtual-table.js'
import type { Column } from './virtual-table.js'
import { Choice, Status, TextFilter } from './widgets.js'

const COLUMNS: readonly Column<StepRow>[] = [
  {
    key: 'subcloud',
    label: 'Subcloud',
    render: (r) => <a href={`#/subclouds/${encodeURIComponent(r.subcloud)}`}>{r.subcloud}</a>,
  },
  { key: 'state', label: 'State', render: (r) => <Status value={r.state} /> },
  { key: 'details', label: 'Details', render: (r) => r.details },
  { key: 'startedAt', label: 'Started', render: (r) => r.startedAt ?? '—' },
  { key: 'finishedAt', label: 'Finished', render: (r) => r.finishedAt ?? '—' },
]

export function StrategyPage(props: { readonly state: ConsoleState }) {
  const { strategy, steps } = props.state
  const [name, setName] = useState('')
  const [state, setState] = useState('')
  const all = useMemo(() => [...steps.values()].sort((a, b) => a.subcloud.localeCompare(b.subcloud)), [steps])
  const rows = useMemo(
    () =>
      all.filter(
        (r) =>
          r.subcloud.toLowerCase().includes(name.trim().toLowerCase()) && (state === '' || r.state === state),
      ),
    [all, name, state],
  )
  return (
    <>
      <h1>Network strategy</h1>
      <StrategyCard strategy={strategy} />
      {strategy === null ? null : (
        <>
          <form class="filters" role="search" aria-label="Filter steps" onSubmit={(e) => e.preventDefault()}>
            <TextFilter label="Subcloud" value={name} onInput={setName} />
            <Choice
              label="Step state"
              value={state}
              options={[...new Set(all.map((r) => r.state))].sort()}
              onChange={setState}
            />
          </form>
          <p role="status">
            {rows.length} of {all.length} steps shown
          </p>
          <VirtualTable label="Strategy steps" columns={COLUMNS} rows={rows} rowKey={(r) => r.subcloud} />
        </>
      )}
    </>
  )
}
