import { useMediaQuery } from '@mui/material';
import type { Theme } from '@mui/material';
import type { OutreachContact } from '@outcomes/contracts';
import { CreateButton, DataTable, List, ReferenceField, SimpleList, TopToolbar, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LinkAliasButton } from './LinkAliasButton';
import { TableRegion } from '../common/TableRegion';

const Actions = () => (
  <TopToolbar>
    <LinkAliasButton />
    <CreateButton label="app.outreach.quick_log" />
  </TopToolbar>
);

const ContactAt = ({ record }: { record: OutreachContact }) => {
  const [locale] = useLocaleState();
  return <>{formatDateTime(record.contactAt, locale)}</>;
};

const Choice = ({ group, value }: { group: 'place_types' | 'contact_types'; value: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.outreach-contacts.${group}.${value}`, { _: value })}</>;
};

const Minutes = ({ record }: { record: OutreachContact }) => {
  const translate = useTranslate();
  return <>{translate('resources.sessions.minutes', { smart_count: record.durationMinutes })}</>;
};

/** Who it was: the citizen's name (linked), else the alias. */
const Who = ({ record }: { record: OutreachContact }) =>
  record.citizenId ? <ReferenceField record={record} source="citizenId" reference="citizens" link="show" /> : <>{record.alias ?? '—'}</>;

/** On a phone: one card a contact, what and where on top, when and how long below, who to the right. */
const ContactCards = () => (
  <SimpleList<OutreachContact>
    rowClick={false}
    primaryText={(record) => (
      <>
        <Choice group="contact_types" value={record.contactType} /> · <Choice group="place_types" value={record.placeType} />
      </>
    )}
    secondaryText={(record) => (
      <>
        <ContactAt record={record} /> · <Minutes record={record} />
      </>
    )}
    tertiaryText={(record) => <Who record={record} />}
    sx={{ '& .MuiListItem-root, & .MuiListItemButton-root': { borderBottom: 1, borderColor: 'divider' } }}
  />
);

/** The desk's table. */
const ContactTable = () => (
    <TableRegion>
      <DataTable<OutreachContact> bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="contactAt" render={(record: OutreachContact) => <ContactAt record={record} />} />
        <DataTable.Col source="placeType" render={(record: OutreachContact) => <Choice group="place_types" value={record.placeType} />} />
        <DataTable.Col
          source="contactType"
          render={(record: OutreachContact) => <Choice group="contact_types" value={record.contactType} />}
        />
        <DataTable.NumberCol source="durationMinutes" />
        <DataTable.Col source="citizenId" disableSort>
          <ReferenceField source="citizenId" reference="citizens" link="show" emptyText="—" />
        </DataTable.Col>
        <DataTable.Col source="alias" disableSort />
      </DataTable>
    </TableRegion>
);

/** Recent outreach contacts, newest first; cards on a phone. */
export const OutreachList = () => {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  return (
    // empty={false}: no "nothing yet" page in place of the list; the quick-log button stays where the thumb expects it.
    <List exporter={false} actions={<Actions />} sort={{ field: 'contactAt', order: 'DESC' }} empty={false}>
      {phone ? <ContactCards /> : <ContactTable />}
    </List>
  );
};
