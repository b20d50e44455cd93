import type { EntityManager } from 'typeorm';
import { ACTIVITY_BY_STATEMENT, activityOfCardsSql } from '../sql/activity-totals';
import { CLIENT_LABELS, TOTALS_KEYS } from '../sql/totals-keys';

/**
 * Puts many cards in the trash at once (an import undone), inside the caller's transaction. The
 * cards' row trigger would take each card's events from the activity totals in a statement of its own
 * (about a millisecond a card); here one statement takes every card's events away, then the cards
 * are trashed with that trigger standing aside (ACTIVITY_BY_STATEMENT). The other totals follow the
 * trash mark by their own triggers, as for any update. Returns the cards trashed (those still live).
 */
export async function trashCards(em: EntityManager, ids: string[], at: Date): Promise<Array<{ id: string; client_id: string }>> {
  if (!ids.length) return [];
  await em.query(activityOfCardsSql(`(SELECT * FROM cards WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL)`, -1, TOTALS_KEYS, CLIENT_LABELS, true), [ids]);
  await em.query(`SELECT set_config('${ACTIVITY_BY_STATEMENT}', 'on', true)`);
  const [cards]: [Array<{ id: string; client_id: string }>, number] = await em.query(
    `UPDATE cards SET deleted_at = $2, updated_at = $2 WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL RETURNING id, client_id`,
    [ids, at],
  );
  await em.query(`SELECT set_config('${ACTIVITY_BY_STATEMENT}', '', true)`);
  return cards;
}
