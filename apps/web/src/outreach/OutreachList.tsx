import type { OutreachContact } from '@outcomes/contracts';
import { CreateButton, DataTable, List, ReferenceField, TopToolbar, useLocaleState, useTranslate } from 'react-admin';
import { formatDateTime } from '../common/dates';
import { LinkAliasButton } from './LinkAliasButton';

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

/** Recent outreach contacts, newest first. */
export const OutreachList = () => (
  <List exporter={false} actions={<Actions />} sort={{ field: 'contactAt', order: 'DESC' }}>
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
  </List>
);
