import { Foundation1764374400000 } from './1764374400000-foundation';
import { Stations1764374600000 } from './1764374600000-stations';
import { Cases1764374700000 } from './1764374700000-cases';

/** Every migration, in order, one per line. A new one is added here (scripts/create-migration.js does it). */
export const migrations = [
  Foundation1764374400000,
  Stations1764374600000,
  Cases1764374700000,
];
