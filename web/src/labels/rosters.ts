/** The roster, working-day and ledger screens' labels: the shared catalogue (src/shared/labels.ts). */
export * from '../../../src/shared/labels';
