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
  const access = cardAccessRule(viewer, p, card, client);
  return access === 'TRUE' ? `${card}.deleted_at IS NULL` : `${card}.deleted_at IS NULL AND ${access}`;
}

/** The rule without the trash: whether the viewer's role and departments reach the card at all. */
export function cardAccessRule(viewer: Viewer, p: SqlParams, card = 'c', client = 'cl'): string {
  const rules: string[] = [];
  if (viewer.role === Role.Restricted) rules.push(ownerRule(viewer, p, card));
  if (viewer.departmentIds.length) rules.push(clientDepartmentRule(viewer, p, client));
  return rules.length ? rules.join(' AND ') : 'TRUE';
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
  return departmentVisibility(viewer, p, `${client}.department_id`);
}

/** The department part of the rule on any column holding a client's department (a client's, a card's copy, a totals key). */
function departmentVisibility(viewer: Viewer, p: SqlParams, column: string): string {
  return `(${column} IS NULL OR ${column} = ANY(${p.param(viewer.departmentIds)}::uuid[]))`;
}

/**
 * The conditions that a viewer's department limit and a filter's departments make on a column
 * holding the client's department (cards.department_id, the history's, the totals' keys), as the
 * visibility rule and the card filter make them on the client: each after an AND, '' for none.
 */
export function departmentKeyRules(viewer: Viewer, departmentIds: string[] | undefined | null, p: SqlParams, column: string): string {
  const rules: string[] = [];
  if (viewer.departmentIds.length) rules.push(departmentVisibility(viewer, p, column));
  if (departmentIds?.length) rules.push(`${column} = ANY(${p.param(departmentIds)}::uuid[])`);
  return rules.map((r) => ` AND ${r}`).join('');
}

/**
 * The rule for what hangs off a card but is listed by client (deals, documents): with the client
 * visible, a record is hidden when the card it belongs to is a live card the viewer may not see.
 * `cardMatch` gives SQL over the alias `hc` naming that card, e.g. `hc.id = d.card_id` (called only
 * when needed, so it may add parameters). Only the owner rule hides cards inside a visible client,
 * so for everyone but Restricted users it is TRUE.
 */
export function cardRecordVisibility(viewer: Viewer, p: SqlParams, cardMatch: () => string): string {
  if (viewer.role !== Role.Restricted) return 'TRUE';
  return `NOT EXISTS (SELECT 1 FROM cards hc WHERE ${cardMatch()} AND hc.deleted_at IS NULL AND NOT ${ownerRule(viewer, p, 'hc')})`;
}

/** A Restricted user's cards: owned by them or by nobody. */
function ownerRule(viewer: Viewer, p: SqlParams, card: string): string {
  return ownerVisibility(viewer, p, `${card}.owner_id`);
}

/** The owner part of the rule on any column holding a card's owner (a card's, the history's copy, a totals key). */
function ownerVisibility(viewer: Viewer, p: SqlParams, column: string): string {
  return `(${column} = ${p.param(viewer.id)} OR ${column} IS NULL)`;
}

/**
 * The conditions that a filter's owners and a Restricted viewer's owner rule make on a column holding
 * a card's owner (cards.owner_id, the history's, the totals' keys), as the card filter and the
 * visibility rule make them on the card: each after an AND, '' for none (see departmentKeyRules).
 */
export function ownerKeyRules(viewer: Viewer, ownerIds: string[] | undefined | null, p: SqlParams, column: string): string {
  const rules: string[] = [];
  if (ownerIds?.length) rules.push(`${column} = ANY(${p.param(ownerIds)}::uuid[])`);
  if (viewer.role === Role.Restricted) rules.push(ownerVisibility(viewer, p, column));
  return rules.map((r) => ` AND ${r}`).join('');
}

/** True when a client has live cards the viewer may not see (so acting on the whole client would touch them). */
export function clientHasHiddenCards(viewer: Viewer, p: SqlParams, client = 'cl'): string {
  return `NOT (${cardRecordVisibility(viewer, p, () => `hc.client_id = ${client}.id`)})`;
}

/** A saved view is open to its owner, and to everyone when shared. */
export function viewVisibleTo(viewer: Viewer, view: { ownerId: string; shared: boolean }): boolean {
  return view.ownerId === viewer.id || view.shared;
}
