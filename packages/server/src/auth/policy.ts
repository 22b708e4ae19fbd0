/**
 * Declarative authorisation: each module states, per action, who may act on a subject.
 * Handlers load the subject, then call `authorize(policy, actor, action, subject)`.
 */
import { DomainError } from '../errors';
import type { Actor } from './actor';

export type Rule<S> = (actor: Actor, subject: S) => boolean;
export type Policy<A extends string, S> = Record<A, Rule<S>>;

export function definePolicy<S>() {
  return <A extends string>(rules: Policy<A, S>): Policy<A, S> => rules;
}

export function can<A extends string, S>(
  policy: Policy<A, S>,
  actor: Actor,
  action: A,
  subject: S,
): boolean {
  return policy[action](actor, subject);
}

export function authorize<A extends string, S>(
  policy: Policy<A, S>,
  actor: Actor,
  action: A,
  subject: S,
): void {
  if (!can(policy, actor, action, subject)) {
    throw new DomainError('FORBIDDEN', `You are not allowed to ${action.replace(/_/g, ' ')} this`);
  }
}
