import type { ConsoleState } from './store.js'
import { Status } from './widgets.js'

export function GeoPage(props: { readonly state: ConsoleState }) {
  const { peers, peerGroups, associations } = props.state.geo
  return (
    <>
      <h1>Geo-redundancy</h1>
      <table>
        <caption>System peers</caption>
        <thead>
          <tr>
            <th scope="col">Peer</th>
            <th scope="col">Heartbeat</th>
            <th scope="col">Administrative</th>
            <th scope="col">Heartbeat every</th>
            <th scope="col">Failure after</th>
            <th scope="col">Failure policy</th>
          </tr>
        </thead>
        <tbody>
          {peers.length === 0 ? (
            <tr>
              <td colSpan={6}>No system peer.</td>
            </tr>
          ) : (
            peers.map((p) => (
              <tr key={p.uuid}>
                <th scope="row">{p.name}</th>
                <td>
                  <Status value={p.availability} />
                </td>
                <td>{p.administrative}</td>
                <td>{p.heartbeatIntervalMs} ms</td>
                <td>{p.failureThreshold} misses</td>
                <td>{p.failurePolicy}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table>
        <caption>Subcloud peer groups</caption>
        <thead>
          <tr>
            <th scope="col">Peer group</th>
            <th scope="col">Priority</th>
            <th scope="col">Leader</th>
            <th scope="col">Migration</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          {peerGroups.length === 0 ? (
            <tr>
              <td colSpan={5}>No peer group.</td>
            </tr>
          ) : (
            peerGroups.map((g) => (
              <tr key={g.name}>
                <th scope="row">{g.name}</th>
                <td>{g.priority}</td>
                <td>{g.leader}</td>
                <td>{g.migration}</td>
                <td>{g.members}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <table>
        <caption>Peer group associations</caption>
        <thead>
          <tr>
            <th scope="col">Peer group</th>
            <th scope="col">Peer</th>
            <th scope="col">Type</th>
            <th scope="col">Sync</th>
            <th scope="col">Published / acknowledged</th>
          </tr>
        </thead>
        <tbody>
          {associations.length === 0 ? (
            <tr>
              <td colSpan={5}>No association.</td>
            </tr>
          ) : (
            associations.map((a) => (
              <tr key={`${a.peer}/${a.peerGroup}`}>
                <th scope="row">{a.peerGroup}</th>
                <td>{a.peer}</td>
                <td>{a.type}</td>
                <td>
                  <Status value={a.sync} />
                </td>
                <td>
                  {a.publishedSeq} / {a.ackedSeq}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  )
}
