import { conflict } from '../common/errors';
import { CaseEvent, canTransition, CaseState, transition } from './domain/case-state';

/** The state machine's answer as a 409 the dispatcher can read. */
export function nextState(status: CaseState, event: CaseEvent): CaseState {
  if (!canTransition(status, event)) {
    throw conflict('INVALID_TRANSITION', `cannot ${event.replace(/_/g, ' ')} a case that is ${status}`, { status, event });
  }
  return transition(status, event);
}
