import { VOLUNTEER_STATUSES } from '@outcomes/contracts';

export const statusChoices = VOLUNTEER_STATUSES.map((status) => ({ id: status, name: `app.volunteers.statuses.${status}` }));
