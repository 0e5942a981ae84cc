import { Foundation1764374400000 } from './1764374400000-foundation';
import { Cases1764374700000 } from './1764374700000-cases';

/** Every migration, in order. A new one is added here (scripts/create-migration.js does it). */
export const migrations = [Foundation1764374400000, Cases1764374700000];
