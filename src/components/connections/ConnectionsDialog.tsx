/**
 * The workspace's Connections screen: every connection placeholder with its app, its name
 * (renamed inline) and the saved flows whose cards use it; deleting one that cards use is
 * refused with the flows named, and only an explicit second choice removes it from them.
 */
import { useQuery } from '@tanstack/react-query';
import { queries } from '../../client/api.ts';
import { appLabel } from '../../catalog/labels.ts';
import { usageText } from '../../model/connections.ts';
import type { RawConfig } from '../../model/raw.ts';
import type { Column } from '../ui/DataTable.tsx';
import { LoadedTable } from '../ui/DataTable.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { DeleteConnection } from './DeleteConnection.tsx';
import { RenameConnection } from './RenameConnection.tsx';
import './connections.css';

/** The Connections dialog, opened from the top bar or the command palette. */
export function ConnectionsDialog({ onClose }: { onClose: () => void }) {
  const list = useQuery(queries.connections());
  // Usage is read from the saved flows each time the screen opens.
  const usage = useQuery({ ...queries.connectionUsage(), refetchOnMount: 'always' });
  const connections = list.data ?? [];
  const byId = Object.fromEntries(connections.map((c) => [c.id, c]));
  const columns: Column<RawConfig>[] = [
    { header: 'App', cell: (c) => appLabel(c.module) },
    { header: 'Name', cell: (c) => <RenameConnection connection={c} all={byId} /> },
    { header: 'Used by', cell: (c) => (usage.data ? usageText(usage.data[c.id]) : '…') },
    {
      header: 'Actions',
      cell: (c) => <DeleteConnection connection={c} uses={usage.data?.[c.id] ?? []} />,
    },
  ];
  return (
    <Dialog title="Connections" open onClose={onClose} wide>
      <p className="muted">
        Connections are named placeholders for each app: a flopack carries them without secrets, and
        Okta asks for the real connection on import. Counts are of saved flows.
      </p>
      {(list.error ?? usage.error) && (
        <p className="error" role="alert">
          {(list.error ?? usage.error)?.message}
        </p>
      )}
      <LoadedTable
        pending={list.isPending}
        empty="No connections yet — choose “New … connection” in an app card’s Connection field."
        scrollClassName="connections-scroll"
        className="data-table"
        label="Connections"
        columns={columns}
        rows={connections}
        rowKey={(c) => c.id}
      />
    </Dialog>
  );
}
