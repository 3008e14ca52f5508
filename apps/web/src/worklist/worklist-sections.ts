import type { WorklistItem } from '@outcomes/contracts';
import { addDays } from '@outcomes/domain';

export const WORKLIST_SECTIONS = ['overdue', 'this-week', 'in-window'] as const;
export type WorklistSection = (typeof WORKLIST_SECTIONS)[number];

/** The Danish week (Monday to Sunday) that `today` (YYYY-MM-DD) falls in. */
export function weekOf(today: string): { monday: string; sunday: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const sinceMonday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  const monday = addDays(today, -sinceMonday);
  return { monday, sunday: addDays(monday, 6) };
}

/**
 * The worklist's three parts: overdue (its window has closed), due this week (by its due date), and
 * the rest whose window is open. An upcoming one due after this week is not work yet and is left out.
 */
export function worklistSections(items: readonly WorklistItem[], today: string): Record<WorklistSection, WorklistItem[]> {
  const { monday, sunday } = weekOf(today);
  const sections: Record<WorklistSection, WorklistItem[]> = { overdue: [], 'this-week': [], 'in-window': [] };
  for (const item of items) {
    if (item.status === 'overdue') sections.overdue.push(item);
    else if (item.dueDate && item.dueDate >= monday && item.dueDate <= sunday) sections['this-week'].push(item);
    else if (item.status === 'in-window') sections['in-window'].push(item);
  }
  return sections;
}
