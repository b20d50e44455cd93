import { Role } from '@crm/shared';
import type { SqlParams } from '../sql/card-filter';
import type { Viewer } from './viewer';

/**
 * The one visibility rule (API, worker, automations, exports, reports alike) for cards, as SQL over a card alias and its client's alias. Every read
 * of cards (board, list, counts, sums, search, mass actions) adds it, so they all agree.
 * - Restricted users see cards owned by them or by nobody.
 * - Users in departments see clients of those departments (and clients in no department).
 */
export function cardVisibility(viewer: Viewer, p: SqlParams, card = 'c', client = 'cl'): string {
  // A client in the trash has its cards in the trash too, so the card's own mark suffices (and
  // board counts need not join clients).
  const rules = [`${card}.deleted_at IS NULL`];
  if (viewer.role === Role.Restricted) rules.push(`(${card}.owner_id = ${p.param(viewer.id)} OR ${card}.owner_id IS NULL)`);
  if (viewer.departmentIds.length) rules.push(clientDepartmentRule(viewer, p, client));
  return rules.join(' AND ');
}

/** The same rule for clients: a Restricted user sees clients owned by them or nobody, or with a card they see. */
export function clientVisibility(viewer: Viewer, p: SqlParams, client = 'cl'): string {
  const rules = [`${client}.deleted_at IS NULL`];
  if (viewer.role === Role.Restricted) {
    const me = p.param(viewer.id);
    rules.push(
      `(${client}.owner_id = ${me} OR ${client}.owner_id IS NULL OR EXISTS (SELECT 1 FROM cards vc WHERE vc.client_id = ${client}.id AND vc.deleted_at IS NULL AND (vc.owner_id = ${me} OR vc.owner_id IS NULL)))`,
    );
  }
  if (viewer.departmentIds.length) rules.push(clientDepartmentRule(viewer, p, client));
  return rules.join(' AND ');
}

function clientDepartmentRule(viewer: Viewer, p: SqlParams, client: string): string {
  return `(${client}.department_id IS NULL OR ${client}.department_id = ANY(${p.param(viewer.departmentIds)}::uuid[]))`;
}

/** A saved view is open to its owner, and to everyone when shared. */
export function viewVisibleTo(viewer: Viewer, view: { ownerId: string; shared: boolean }): boolean {
  return view.ownerId === viewer.id || view.shared;
}
